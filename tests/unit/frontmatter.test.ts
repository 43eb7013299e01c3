/**
 * The frontmatter reader's JSON fast path gives exactly what the YAML parser gives, for every
 * entry the ingest writes (hostile fixtures, a random hostile corpus), and anything that is not
 * one JSON value per line goes to the YAML parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { prng } from '../../scripts/bench/corpus.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { renderPaperMdx } from '../../scripts/ingest/render.ts';
import { parseJsonLines, splitFrontmatter } from '../../src/lib/frontmatter.ts';
import type { Paper } from '../../src/schemas/paper.ts';

const block = (entry: string): string => /^---\n([\s\S]*?)\n---\n/.exec(entry)![1]!;

describe('frontmatter', () => {
	test('every fixture entry reads the same as with the YAML parser', () => {
		const root = 'tests/fixtures/ingest';
		const sources = readdirSync(root).flatMap((dir) =>
			readdirSync(join(root, dir))
				.filter((f) => /\.(txt|jsonl)$/.test(f))
				.map((f) => ({ name: `${dir}-${f}`, bytes: readFileSync(join(root, dir, f)) })),
		);
		sources.push({
			name: 'hostile.jsonl',
			bytes: readFileSync('tests/fixtures/hostile/hostile.jsonl'),
		});
		const { entries, errors } = ingest(sources);
		expect(errors).toEqual([]);
		const mdx = [...entries].filter(([name]) => name.endsWith('.mdx'));
		expect(mdx.length).toBeGreaterThan(10);
		for (const [name, text] of mdx) {
			const fast = parseJsonLines(block(text));
			expect(fast, name).toBeDefined();
			expect(fast, name).toEqual(parseYaml(block(text)));
		}
	});

	test('random hostile values survive the fast path exactly as YAML reads them', () => {
		const next = prng(7);
		const chars = [...'"\'\\:#-[]{}, \t\n\r\u0085\u2028\u2029\ufeff\u007f\u0000é中🚀|>&*!%@`'];
		const word = (): string =>
			Array.from(
				{ length: Math.floor(next() * 12) },
				() => chars[Math.floor(next() * chars.length)],
			).join('');
		for (let i = 0; i < 300; i++) {
			const paper = {
				title: word() || 'x',
				shortName: next() < 0.5 ? word() : undefined,
				slug: `p${i}`,
				date: '2025-03-18',
				rank: i,
				authors: [word(), word()],
				categories: [],
				codeUrls: [],
				topics: ['a'],
				topicReasons: { a: word() },
				keywords: [word()],
				related: [],
				hasMath: next() < 0.5,
				sources: [{ file: `${word()}.txt`, line: i + 1 }],
				summary: word(),
			} as unknown as Paper;
			const text = renderPaperMdx(paper, 'body');
			const fast = parseJsonLines(block(text));
			expect(fast).toBeDefined();
			expect(fast).toEqual(parseYaml(block(text)));
		}
	});

	test('anything but one JSON value per line is left to the YAML parser', () => {
		for (const yaml of [
			'title: plain text',
			'title: "quoted" # comment',
			'authors:\n  - A\n  - B',
			'title: "a"\ntitle: "b"',
			'a b: 1',
			"title: 'single'",
			'title: "unterminated',
			'date: 2025-03-18',
			'',
		])
			expect(parseJsonLines(yaml), yaml).toBeUndefined();
		expect(splitFrontmatter('---\nauthors:\n  - A\n  - B\nrank: 2\n---\n\nBody\n')).toEqual({
			data: { authors: ['A', 'B'], rank: 2 },
			body: 'Body',
		});
		expect(() => splitFrontmatter('---\ntitle: "a"\ntitle: "b"\n---\nx')).toThrow();
		expect(() => splitFrontmatter('no frontmatter')).toThrow('missing frontmatter');
	});
});
