import { describe, expect, test } from 'vitest';
import {
	CLASSIFY,
	compileTaxonomy,
	pickTopics,
	scoreDocument,
} from '../../scripts/ingest/topics/classify.ts';
import { buildCorpus } from '../../scripts/ingest/topics/tfidf.ts';
import type { TopicDefinition } from '../../scripts/ingest/topics/topics-yaml.ts';

const topic = (slug: string, t: Partial<TopicDefinition>): TopicDefinition => ({
	slug,
	name: slug,
	description: slug,
	strong: [],
	terms: [],
	negative: [],
	categories: [],
	catchAll: false,
	genre: false,
	formerly: [],
	line: 1,
	...t,
});

const TAXONOMY = [
	topic('speech', {
		strong: ['speech recognition', 'speech'],
		terms: ['speaker', 'audio'],
		negative: ['hate speech'],
		categories: ['eess.AS'],
	}),
	topic('vision', {
		strong: ['image classification'],
		terms: ['image', 'pixels'],
		categories: ['cs.CV'],
	}),
	topic('pretraining', { strong: ['pre-trained transformers'], terms: ['masked'] }),
	topic('alpha', { terms: ['widget', 'gadget'] }),
	topic('beta', { terms: ['widget', 'gadget'] }),
	topic('surveys', { strong: ['survey'], genre: true }),
	topic('other', { catchAll: true }),
];

/** Classifies each case as its own one-paper corpus plus the other cases (vocabulary). */
function classify(cases: Array<{ title: string; text: string; categories?: string[] }>) {
	const corpus = buildCorpus(cases);
	const tax = compileTaxonomy(corpus, TAXONOMY);
	const genres = new Set(['surveys']);
	return cases.map((c, d) =>
		pickTopics(scoreDocument(corpus, d, tax, c.categories ?? []), genres).map((s) => s.slug),
	);
}

describe('classifier', () => {
	const cases: Array<{
		name: string;
		title: string;
		text: string;
		categories?: string[];
		expected: string[];
	}> = [
		{
			name: 'a speech paper goes to speech',
			title: 'Robust speech recognition',
			text: 'We improve speech recognition for every speaker.',
			expected: ['speech'],
		},
		{
			name: 'negative evidence: hate speech is not speech processing',
			title: 'Detecting hate speech online',
			text: 'A study of hate speech on social networks.',
			expected: [],
		},
		{
			name: 'one weak word is chance, not a topic',
			title: 'A note on widgets',
			text: 'We count image frequencies once.',
			expected: [],
		},
		{
			name: 'stemming matches inflected and hyphenated forms',
			title: 'Pretrained transformer for everything',
			text: 'Masked inputs help.',
			expected: ['pretraining'],
		},
		{
			name: 'title evidence outweighs the same evidence in the text',
			title: 'Image classification at scale',
			text: 'We also transcribe speech recognition output once.',
			expected: ['vision', 'speech'],
		},
		{
			name: 'ties are broken by slug',
			title: 'Widget and gadget',
			text: 'A widget meets a gadget.',
			expected: ['alpha', 'beta'],
		},
		{
			name: 'arXiv categories are strong evidence when present',
			title: 'A new method',
			text: 'Nothing topical here at all.',
			categories: ['cs.CV'],
			expected: ['vision'],
		},
		{
			name: 'a paper of another field (its categories outside computing) is left to derived topics',
			title: 'Robust speech recognition',
			text: 'We improve speech recognition for every speaker.',
			categories: ['hep-ph', 'nucl-th'],
			expected: [],
		},
		{
			name: 'one computing category keeps a paper in the field',
			title: 'Robust speech recognition',
			text: 'We improve speech recognition for every speaker.',
			categories: ['physics.optics', 'cs.LG'],
			expected: ['speech'],
		},
		{
			name: 'a genre topic follows the subject topics, however weak it is beside them',
			title: 'A survey of speech recognition',
			text: 'This survey covers speech recognition, speech, speaker and audio models.',
			expected: ['speech', 'surveys'],
		},
		{
			name: 'text with no evidence gets no topic (the catch-all is decided later)',
			title: 'Quark masses',
			text: 'We compute the decay width.',
			expected: [],
		},
	];
	const results = classify(cases);
	test.each(cases.map((c, i) => [c.name, results[i], c.expected]))('%s', (_, got, expected) => {
		expect(got).toEqual(expected);
	});

	test('records the matched terms with their weights as reasons', () => {
		const corpus = buildCorpus([
			{ title: 'Speech recognition', text: 'Speech for every speaker.' },
		]);
		const [score] = scoreDocument(corpus, 0, compileTaxonomy(corpus, TAXONOMY), ['eess.AS']);
		expect(score!.slug).toBe('speech');
		expect(score!.reasons).toEqual([
			{ term: 'speech', weight: CLASSIFY.strong * (CLASSIFY.title + 1) },
			{ term: 'speech recognition', weight: CLASSIFY.strong * CLASSIFY.title },
			{ term: 'arXiv:eess.AS', weight: CLASSIFY.primaryCategory },
			{ term: 'speaker', weight: CLASSIFY.term },
		]);
	});

	test('a phrase does not run from the end of the title into the abstract', () => {
		const corpus = buildCorpus([{ title: 'Birds in one image', text: 'Classification is hard.' }]);
		const scores = scoreDocument(corpus, 0, compileTaxonomy(corpus, TAXONOMY));
		expect(scores.flatMap((s) => s.reasons.map((r) => r.term))).toEqual(['image']);
	});

	test('keeps at most three topics, best first', () => {
		const scores = ['a', 'b', 'c', 'd'].map((slug, i) => ({
			slug,
			score: 10 - i,
			reasons: [],
			support: 2,
			decisive: true,
		}));
		expect(pickTopics(scores).map((s) => s.slug)).toEqual(['a', 'b', 'c']);
	});
});

describe('acronyms in topic phrases', () => {
	const tax = [
		topic('language', { strong: ['LLM'], terms: ['reinforcement learning', 'prompting'] }),
		topic('vision', { strong: ['CLIP'], terms: ['images'] }),
		topic('other', { catchAll: true }),
	];
	const classifyWith = (cases: Array<{ title: string; text: string }>) => {
		const corpus = buildCorpus(cases);
		const compiled = compileTaxonomy(corpus, tax);
		return cases.map((_, d) => pickTopics(scoreDocument(corpus, d, compiled), new Set()));
	};

	test('an acronym in topics.yaml matches its plural and not a word that stems alike', () => {
		const [llms, clips, clip] = classifyWith([
			{ title: 'LLMs as planners', text: 'We study LLMs with prompting.' },
			{ title: 'Video clips', text: 'Short clips of cooking, as clips of images.' },
			{ title: 'CLIP features', text: 'CLIP embeds images.' },
		]);
		expect(llms!.map((s) => s.slug)).toEqual(['language']);
		expect(llms![0]!.reasons.map((r) => r.term)).toContain('LLM');
		expect(clips!.flatMap((s) => s.reasons.map((r) => r.term))).not.toContain('CLIP');
		expect(clip!.flatMap((s) => s.reasons.map((r) => r.term))).toContain('CLIP');
	});

	test('lower-case phrases still match title case', () => {
		const [rl] = classifyWith([
			{ title: 'Reinforcement Learning with Prompting', text: 'Agents learn.' },
			{ title: 'Other', text: 'Nothing.' },
		]);
		expect(rl!.map((s) => s.slug)).toEqual(['language']);
	});
});
