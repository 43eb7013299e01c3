import { describe, expect, test } from 'vitest';
import {
	contentStem,
	isShouting,
	phraseStems,
	readableCase,
	tokenize,
} from '../../scripts/ingest/topics/text.ts';
import { buildCorpus } from '../../scripts/ingest/topics/tfidf.ts';

const stems = (text: string) => tokenize(text).map((t) => t.stem);

describe('acronyms in the tokeniser', () => {
	test('keeps an acronym apart from the word it would stem like', () => {
		expect(contentStem('GA')).not.toBe(contentStem('gas'));
		expect(contentStem('MM')).not.toBe(contentStem('mm'));
		expect(contentStem('CLIP')).not.toBe(contentStem('clips'));
	});

	test('takes a plural acronym for its singular', () => {
		expect(contentStem('LLMs')).toBe('LLM');
		expect(contentStem('LLMs')).toBe(contentStem('LLM'));
		expect(contentStem('GANs')).toBe(contentStem('GAN'));
		// A final capital S is part of the acronym.
		expect(contentStem('MMS')).toBe('MMS');
	});

	test('invisible characters copied from a browser do not split a word', () => {
		expect(stems('Code\u200bT5 and tok\u00adenizer')).toEqual(stems('CodeT5 and tokenizer'));
		expect(tokenize('Code\u200bT5').map((t) => t.surface)).toEqual(['CodeT5']);
	});

	test('a capitalised word at the start of a sentence is no acronym', () => {
		expect(stems('Gas flows. Gas is hot.')).toEqual(stems('gas flows. gas is hot.'));
	});

	test('mixed forms: names and single capitals stay words, hyphens split', () => {
		expect(contentStem('mmWave')).toBe(contentStem('mmwave'));
		expect(contentStem('iOS')).toBe(contentStem('ios'));
		expect(contentStem('L2')).toBe(contentStem('l2'));
		expect(contentStem('3D')).toBe(contentStem('3d'));
		expect(contentStem('GPT4')).toBe('GPT4');
		expect(contentStem('II')).toBe(contentStem('ii'));
		expect(stems('BERT-based models')).toEqual(['BERT', 'base', 'model']);
		expect(stems('GPT-4 and X-ray')).toEqual(['GPT', 'xrai']);
	});

	test('stop words stay stop words in capitals', () => {
		expect(contentStem('IT')).toBeNull();
		expect(contentStem('OR')).toBeNull();
	});

	test('a topic phrase is tokenised like a text', () => {
		expect(phraseStems('LLM')).toEqual(stems('LLMs'));
		expect(phraseStems('reinforcement learning')).toEqual(
			stems('Reinforcement Learning for robots').slice(0, 2),
		);
	});
});

describe('shouting texts', () => {
	test('a title in capitals is read lower-cased', () => {
		expect(isShouting('DEEP LEARNING FOR GAS SENSORS')).toBe(true);
		expect(readableCase('DEEP LEARNING FOR GAS SENSORS')).toBe('deep learning for gas sensors');
	});

	test('a title with acronyms is not shouting', () => {
		expect(isShouting('GAN-Based LLM Agents for NLP')).toBe(false);
		expect(isShouting('HDRSDR-VQA: A Subjective Video Quality Dataset for HDR and SDR')).toBe(
			false,
		);
		expect(isShouting('Genetic algorithms (GA) for gas sensors')).toBe(false);
		// Too short to tell: a phrase like "RL" or "GPU" in topics.yaml.
		expect(isShouting('RL')).toBe(false);
	});

	test('an all-caps title does not make its words acronyms of the corpus', () => {
		const corpus = buildCorpus([
			{
				title: 'NEURAL NETWORKS FOR GAS SENSING',
				text: 'We detect gas leaks with neural networks.',
			},
		]);
		expect([...corpus.unigrams.keys()].filter((k) => /[A-Z]/.test(k))).toEqual([]);
		expect(corpus.unigrams.has('ga')).toBe(true);
	});
});
