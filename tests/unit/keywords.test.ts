import { describe, expect, test } from 'vitest';
import { extractKeywords, KEYWORDS } from '../../scripts/ingest/topics/keywords.ts';
import { buildCorpus, docTerms } from '../../scripts/ingest/topics/tfidf.ts';

const DOCS = [
	{
		title: 'LoRA adapters for LLMs',
		text: 'We propose low-rank adaptation for LLMs. Low-rank adaptation trains small adapters; LLMs keep their weights. Our method achieves state-of-the-art results.',
	},
	{
		title: 'Vision transformers',
		text: 'Vision transformers split images into patches. The proposed method works.',
	},
	{ title: 'Speech recognition', text: 'Speech recognition with low-rank adaptation and LLMs.' },
	{
		title: 'Graph networks',
		text: 'Graph neural networks pass messages. Our method improves results.',
	},
];

const keywordsOf = (docs = DOCS) => {
	const corpus = buildCorpus(docs);
	return docs.map((_, d) => extractKeywords(corpus, docTerms(corpus, d)));
};

describe('extractKeywords', () => {
	const all = keywordsOf();

	test('picks between 3 and 8 keyphrases', () => {
		for (const k of all.filter((_, i) => i !== 1)) {
			expect(k.length).toBeGreaterThanOrEqual(KEYWORDS.min);
			expect(k.length).toBeLessThanOrEqual(KEYWORDS.max);
		}
	});

	test('keeps acronyms as written and prefers a recurring phrase to its words', () => {
		expect(all[0]).toContain('LLMs');
		expect(all[0]).toContain('low rank adaptation');
		expect(all[0]).not.toContain('adaptation');
		expect(all[0]).not.toContain('rank adaptation');
	});

	test('never starts a keyphrase with a generic word', () => {
		for (const k of all.flat()) expect(k).not.toMatch(/^(proposed|method|results|state)\b/i);
	});

	test('a run of hundreds of letters is no keyword', () => {
		const long = 'Supercalifragilistic'.repeat(10);
		const docs = [
			...DOCS,
			{ title: `${long} networks`, text: `We study ${long} in ${long} graph networks twice.` },
		];
		const keywords = keywordsOf(docs).at(-1)!;
		expect(keywords.length).toBeGreaterThan(0);
		expect(keywords.some((k) => k.toLowerCase().includes('supercali'))).toBe(false);
	});

	test('is deterministic', () => {
		expect(keywordsOf()).toEqual(all);
	});
});

describe('keywords of acronyms', () => {
	// "GA" and "gas" have the same Porter stem; gas is the corpus's more frequent spelling.
	const docs = [
		{
			title: 'Genetic optimization of photonic crystals',
			text: 'We use a genetic algorithm (GA) to design photonic crystals. The GA evolves photonic crystals; GA runs converge fast.',
		},
		{
			title: 'Gas flows',
			text: 'Gas flows in pipes. The gas cools; gas pressure drops as gas expands.',
		},
		{ title: 'Interstellar gas', text: 'Molecular gas and dust in clouds. The gas is cold.' },
		{ title: 'Dust grains', text: 'Dust grains in clouds absorb light.' },
	];
	const [ga, gas] = keywordsOf(docs);

	test('a genetic-algorithm paper is never given the keyword "gas"', () => {
		expect(ga).toContain('GA');
		expect(ga!.map((k) => k.toLowerCase())).not.toContain('gas');
		expect(gas!.some((k) => k.startsWith('gas'))).toBe(true);
		expect(gas).not.toContain('GA');
	});
});

describe('keywords that are fragments of a longer run of words', () => {
	// Every three-word window of a title counts twice, so each used to pass as a phrase.
	const docs = [
		...DOCS,
		{
			title: 'When crafted narratives exploit manipulated visual contexts',
			text: 'Crafted narratives mislead detectors. We align captions using optimal transport and align captions using optimal transport again; manipulated visual contexts fool detectors.',
		},
		{ title: 'Optimal transport', text: 'Optimal transport aligns distributions of captions.' },
		{ title: 'Fact checking', text: 'Detectors of manipulated images and narratives.' },
	];
	const keywords = keywordsOf(docs)[DOCS.length]!;
	const words = (k: string) => k.toLowerCase().split(' ');

	test('never chooses two shifted windows of the same words', () => {
		for (const a of keywords.map(words))
			for (const b of keywords.map(words))
				for (let k = 1; k < Math.min(a.length, b.length); k++)
					expect(a.slice(-k).join(' ')).not.toBe(b.slice(0, k).join(' '));
		expect(keywords).toContain('crafted narratives');
	});

	test('a phrase with a verb or one ending in "using" is no keyword', () => {
		expect(keywords.some((k) => /\b(using|exploit)\b/i.test(k))).toBe(false);
		expect(keywords).not.toContain('captions using');
	});

	test('still picks at least 3 keyphrases from a short abstract', () => {
		expect(keywords.length).toBeGreaterThanOrEqual(KEYWORDS.min);
		const short = keywordsOf([
			...DOCS,
			{ title: 'Open vocabulary segmentation', text: 'Segmentation of open vocabulary scenes.' },
		]).at(-1)!;
		expect(short.length).toBeGreaterThanOrEqual(KEYWORDS.min);
	});
});
