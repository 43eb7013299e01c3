import { describe, expect, test } from 'vitest';
import { analyzeTopics, type TopicInput } from '../../scripts/ingest/topics/analyze.ts';
import { fieldMask } from '../../src/lib/arxiv-categories.ts';
import { buildVector, cosine, findRelated, RELATED } from '../../scripts/ingest/topics/related.ts';
import { buildCorpus, docTerms } from '../../scripts/ingest/topics/tfidf.ts';
import type { TopicDefinition } from '../../scripts/ingest/topics/topics-yaml.ts';

const papers: TopicInput[] = [
	{
		slug: 'quant-a',
		title: 'Low-bit quantization of transformers',
		summary:
			'Post-training quantization to low-bit weights keeps accuracy of quantized transformers.',
		categories: [],
	},
	{
		slug: 'quant-b',
		title: 'Quantization-aware training',
		summary: 'Low-bit quantization with quantization-aware training of transformers.',
		categories: [],
	},
	{
		slug: 'speech-a',
		title: 'Speech recognition with CTC',
		summary: 'CTC speech recognition for noisy speech.',
		categories: [],
	},
	{
		slug: 'speech-b',
		title: 'Streaming speech recognition',
		summary: 'Streaming speech recognition with CTC decoding.',
		categories: [],
	},
	{
		slug: 'twin-b',
		title: 'Graph coloring heuristics',
		summary: 'Greedy graph coloring heuristics.',
		categories: [],
	},
	{
		slug: 'twin-a',
		title: 'Graph coloring heuristics',
		summary: 'Greedy graph coloring heuristics.',
		categories: [],
	},
	{
		slug: 'twin-c',
		title: 'Graph coloring heuristics',
		summary: 'Greedy graph coloring heuristics.',
		categories: [],
	},
];

function related(input: TopicInput[], fields?: Uint8Array) {
	const c = buildCorpus(input.map((p) => ({ title: p.title, text: p.summary })));
	const vectors = input.map((_, d) => buildVector(c, docTerms(c, d)));
	const bySlug = input.map((_, i) => i).sort((a, b) => (input[a]!.slug < input[b]!.slug ? -1 : 1));
	const order = new Int32Array(input.length);
	bySlug.forEach((d, rank) => (order[d] = rank));
	return { vectors, links: findRelated(c, vectors, order, fields) };
}

describe('related papers', () => {
	const { vectors, links } = related(papers);
	const slugsOf = (d: number) => links[d]!.map((l) => papers[l.doc]!.slug);

	test('ranks the most similar paper first and never links a paper to itself', () => {
		expect(slugsOf(0)[0]).toBe('quant-b');
		expect(slugsOf(2)[0]).toBe('speech-b');
		links.forEach((l, d) => expect(l.map((x) => x.doc)).not.toContain(d));
	});

	test('scores are cosines of unit vectors, descending, rounded to 3 decimals', () => {
		for (const l of links) {
			const scores = l.map((x) => x.score);
			expect([...scores].sort((a, b) => b - a)).toEqual(scores);
			for (const s of scores) expect(Math.round(s * 1000) / 1000).toBe(s);
		}
		expect(cosine(vectors[0]!, vectors[0]!)).toBeCloseTo(1, 5);
	});

	test('a paper of another arXiv group weighs half: a closer one of its own group goes first', () => {
		// Quantization papers of cs; "quant-b" moved to q-bio: one shared word short of its twin.
		const input: TopicInput[] = [
			...papers.slice(0, 2),
			{ ...papers[1]!, slug: 'quant-c', summary: `${papers[1]!.summary} Pruning too.` },
		];
		const plain = related(input).links[0]!;
		expect(plain.map((l) => input[l.doc]!.slug)).toEqual(['quant-b', 'quant-c']);
		const fields = Uint8Array.from([['cs.LG'], ['q-bio.NC'], ['cs.CV', 'stat.ML']].map(fieldMask));
		const weighed = related(input, fields).links[0]!;
		expect(weighed.map((l) => input[l.doc]!.slug)).toEqual(['quant-c', 'quant-b']);
		expect(weighed[1]!.score).toBeCloseTo(plain[0]!.score * RELATED.otherField, 2);
		// Unknown groups (no categories, or only ACM/MSC classes) weigh fully.
		const unknown = Uint8Array.from([['cs.LG'], ['I.2.7'], []].map(fieldMask));
		expect(related(input, unknown).links[0]).toEqual(plain);
	});

	test('arXiv groups of categories, old archives and cross-listings included', () => {
		expect(fieldMask([])).toBe(0);
		expect(fieldMask(['68T50', 'I.2.7'])).toBe(0);
		expect(fieldMask(['cs.CL'])).toBe(fieldMask(['cmp-lg']));
		expect(fieldMask(['hep-ph'])).toBe(fieldMask(['cond-mat.str-el', 'supr-con', 'quant-ph']));
		expect(fieldMask(['math-ph']) & fieldMask(['math.AG'])).not.toBe(0);
		expect(fieldMask(['math-ph']) & fieldMask(['hep-th'])).not.toBe(0);
		expect(fieldMask(['alg-geom']) & fieldMask(['hep-th'])).toBe(0);
		expect(fieldMask(['cs.LG', 'stat.ML']) & fieldMask(['stat.ME'])).not.toBe(0);
	});

	test('breaks ties by slug', () => {
		// twin-a, twin-b and twin-c are identical: each lists the other two in slug order.
		expect(slugsOf(4).slice(0, 2)).toEqual(['twin-a', 'twin-c']);
		expect(slugsOf(5).slice(0, 2)).toEqual(['twin-b', 'twin-c']);
	});

	test('explains each link by shared terms', () => {
		expect(links[0]![0]!.terms.join(' ')).toMatch(/quantization|lowbit/i);
		expect(links[2]![0]!.terms.join(' ')).toMatch(/speech|CTC/);
	});

	test('gives the same links whatever the input order', () => {
		const reversed = [...papers].reverse();
		const again = related(reversed).links;
		const bySlug = (ps: TopicInput[], ls: typeof links) =>
			Object.fromEntries(
				ps.map((p, d) => [p.slug, ls[d]!.map((l) => `${ps[l.doc]!.slug}:${l.score}`)]),
			);
		expect(bySlug(reversed, again)).toEqual(bySlug(papers, links));
	});

	test('the whole stage is deterministic', () => {
		const taxonomy: TopicDefinition[] = [
			{
				slug: 'speech',
				name: 'Speech',
				description: 'S',
				strong: ['speech'],
				terms: [],
				negative: [],
				categories: [],
				catchAll: false,
				genre: false,
				formerly: [],
				line: 1,
			},
			{
				slug: 'other',
				name: 'Other',
				description: 'O',
				strong: [],
				terms: [],
				negative: [],
				categories: [],
				catchAll: true,
				genre: false,
				formerly: [],
				line: 2,
			},
		];
		const output = () => {
			const { timings, ...rest } = analyzeTopics(papers, taxonomy);
			expect(timings.map((t) => t.stage)).toContain('related papers');
			// Something to compare: related papers and keywords were made.
			expect(rest.papers.some((p) => p.related.length > 0)).toBe(true);
			expect(rest.papers.some((p) => p.keywords.length > 0)).toBe(true);
			return JSON.stringify(rest);
		};
		expect(output()).toBe(output());
	});
});
