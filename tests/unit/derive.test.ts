import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeTopics } from '../../scripts/ingest/topics/analyze.ts';
import { compileTaxonomy, outsideCuratedField } from '../../scripts/ingest/topics/classify.ts';
import { buildCorpus } from '../../scripts/ingest/topics/tfidf.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { inField, placeOutsiders, sharedField } from '../../scripts/ingest/topics/derive.ts';
import { readTopicsYaml } from '../../scripts/ingest/topics/topics-yaml.ts';
import { categoryName } from '../../src/lib/arxiv-categories.ts';

describe('arXiv category names', () => {
	test('codes read as arXiv names them; unknown codes and other classes have none', () => {
		expect(categoryName('cs.CL')).toBe('Computation and Language');
		expect(categoryName('hep-ph')).toBe('High Energy Physics - Phenomenology');
		expect(categoryName('cond-mat.mtrl-sci')).toBe('Materials Science');
		expect(categoryName('astro-ph.GA')).toBe('Astrophysics of Galaxies');
		expect(categoryName('alg-geom')).toBe('Algebraic Geometry');
		// Before subject classes, a bare astro-ph was a category; a bare cs or math never was.
		expect(categoryName('astro-ph')).toBe('Astrophysics');
		for (const code of ['I.2.7', '68T50', 'cs.XX', 'cs', 'math', 'toString', 'cs.constructor'])
			expect(categoryName(code)).toBeUndefined();
	});
});

describe('derived topic names', () => {
	test('the archive at least half the papers share names the field; else physics as a whole', () => {
		expect(sharedField(['astro-ph', 'astro-ph.GA', 'hep-ph', undefined])).toBe('Astrophysics');
		expect(sharedField(['hep-ph', 'hep-th', 'nucl-th', 'gr-qc'])).toBe('Physics');
		expect(sharedField(['math.GR', 'math.QA', 'math-ph'])).toBe('Mathematics');
		expect(sharedField(['math.GR', 'cs.LG', 'hep-th', 'q-bio.NC'])).toBeUndefined();
		// Trending papers have no categories; codes arXiv does not have count for nothing.
		expect(sharedField([undefined, undefined])).toBeUndefined();
		expect(sharedField(['I.2.7', '68T50', 'cs.CL'])).toBeUndefined();
	});

	test('a cluster keeps the papers of the arXiv group most of it is in, and unknown ones', () => {
		const cats: string[][] = [
			['hep-ph'],
			['cond-mat.str-el', 'cs.LG'],
			['astro-ph'],
			['cs.AI', 'eess.SY'],
			['math.CA'],
			[],
			['math-ph', 'math.MP'],
		];
		// Physics holds 4 of 7 primaries (math-ph counts for Physics and Mathematics both).
		expect(inField([0, 1, 2, 3, 4, 5, 6], (d) => cats[d]!)).toEqual([0, 1, 2, 5, 6]);
		// No group holds half: nobody leaves.
		expect(inField([0, 3, 4, 5], (d) => cats[d]!)).toEqual([0, 3, 4, 5]);
	});

	test('a paper that left a cluster of another group joins the nearest of its own group', () => {
		const v = (...w: number[]) => {
			const norm = Math.hypot(...w);
			return { terms: Int32Array.from(w.keys()), weights: Float32Array.from(w, (x) => x / norm) };
		};
		// Papers 0–2 physics-like words, 3–5 algebra-like; 6 and 7 are the outsiders.
		const vectors = [
			v(1, 0, 0),
			v(1, 0.1, 0),
			v(1, 0, 0.1),
			v(0, 1, 0),
			v(0, 1, 0.1),
			v(0.1, 1, 0),
		];
		vectors.push(v(1, 0.2, 0), v(0, 0, 1));
		const PHYSICS = 4;
		const MATH = 2;
		const clusters = [
			{ docs: [0, 1, 2], group: PHYSICS },
			{ docs: [3, 4, 5], group: MATH },
		];
		// 6 reads like the physics papers but is mathematics; 7 is close to neither.
		placeOutsiders([6, 7], clusters, vectors, () => MATH);
		expect(clusters.map((c) => c.docs)).toEqual([
			[0, 1, 2],
			[3, 4, 5, 6],
		]);
	});

	test('papers outside the taxonomy get topics named by their field and their phrases', () => {
		const { topics } = readTopicsYaml(readFileSync('content/topics.yaml', 'utf8'), 'topics.yaml');
		const materials = [
			'band gap',
			'elastic constants',
			'phonon spectrum',
			'magnetic moment',
			'lattice parameter',
			'formation energy',
			'charge density',
			'surface energy',
			'bulk modulus',
			'defect levels',
		].map((what, i) => ({
			slug: `m${i}`,
			title: `Ab initio study of the ${what} of transition metal oxides`,
			summary: `We report ab initio calculations of the ${what} of transition metal oxides. Ab initio results agree with experiment for the oxides, and the ${what} follows the ab initio trend.`,
			categories: ['cond-mat.mtrl-sci'],
		}));
		const result = analyzeTopics(materials, topics);
		const derived = result.topics.filter((t) => t.derived);
		expect(derived.length).toBeGreaterThan(0);
		for (const t of derived) {
			expect(t.name).toMatch(/^Condensed Matter: /);
			// "initio" alone is shown as the phrase it belongs to.
			expect(t.terms).not.toContain('initio');
		}
		expect(derived.some((t) => t.terms.includes('ab initio'))).toBe(true);

		// A renamed curated topic keeps its former slugs in _topics.json, and no derived topic
		// takes one: that address sends readers to the renamed topic.
		const taken = derived[0]!.slug;
		const curated = result.topics.find((t) => !t.derived)!.slug;
		const renamed = topics.map((t) =>
			t.slug === curated ? { ...t, formerly: ['llms', taken] } : t,
		);
		const again = analyzeTopics(materials, renamed);
		expect(again.topics.find((t) => t.slug === curated)?.formerly).toEqual(['llms', taken]);
		expect(again.topics.map((t) => t.slug)).not.toContain(taken);
		expect(again.topics.filter((t) => t.derived)).toHaveLength(derived.length);
		expect(result.topics.some((t) => 'formerly' in t)).toBe(false);
	});

	test('a paper of another field joins no curated topic, not even as the nearest one', () => {
		// The seed beside 40 papers of 2007: 0704.0007 (gr-qc, "Polymer Quantum Mechanics") and
		// 0704.0043 (cond-mat) were filed under Communications for "quantum mechanical".
		const { topics } = readTopicsYaml(readFileSync('content/topics.yaml', 'utf8'), 'topics.yaml');
		const dump = readFileSync('../shared/corpora/arxiv-snapshot-2007.jsonl', 'utf8');
		const result = ingest(
			[
				{
					name: '2025-03-18-trending.txt',
					bytes: readFileSync('content/sources/2025-03-18-trending.txt'),
				},
				{ name: 'a.jsonl', bytes: Buffer.from(`${dump.split('\n').slice(0, 40).join('\n')}\n`) },
			],
			{ topics },
		);
		expect(result.errors).toEqual([]);
		const tax = compileTaxonomy(buildCorpus([]), topics);
		const curated = new Set(topics.filter((t) => !t.catchAll).map((t) => t.slug));
		const outside = result.papers.filter((p) => outsideCuratedField(p.categories ?? [], tax));
		expect(outside.map((p) => p.slug)).toEqual(expect.arrayContaining(['0704.0007', '0704.0043']));
		expect(outside.filter((p) => p.topics.some((t) => curated.has(t)))).toEqual([]);
		// The rule is the curated field's: a paper with one computing category may still be placed.
		expect(result.papers.find((p) => p.slug === '0704.0046')!.topics).toContain('communications');
	});
});
