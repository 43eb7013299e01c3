/**
 * A deterministic synthetic corpus for benchmarks: real abstracts from ../shared/corpora and
 * the seed, recombined sentence by sentence (so vocabulary, length and LaTeX stay realistic),
 * written as arXiv JSON Lines with unique ids and listing dates spread over a year.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArxivJsonl } from '../ingest/parse/arxiv-jsonl.ts';
import { parseTrendingPage } from '../ingest/parse/trending.ts';

/** Seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The real material the corpus is recombined from. */
export interface Material {
	titles: string[];
	sentences: string[];
	categories: string[];
	authors: string[];
}

/** Reads the shared corpora and the seed page into recombinable material. */
export function loadMaterial(sharedDir: string): Material {
	const records = readdirSync(join(sharedDir, 'corpora'))
		.filter((f) => f.endsWith('.jsonl'))
		.sort()
		.flatMap((f) => parseArxivJsonl(f, readFileSync(join(sharedDir, 'corpora', f))).records);
	const seed = readdirSync(join(sharedDir, 'seeds'))
		.filter((f) => f.endsWith('.txt'))
		.flatMap(
			(f) =>
				parseTrendingPage(`2025-03-18-${f}`, readFileSync(join(sharedDir, 'seeds', f), 'utf8'))
					.records,
		);
	const all = [...records, ...seed];
	return {
		titles: all.map((r) => r.title.replace(/\s+/g, ' ').trim()),
		sentences: all.flatMap((r) =>
			r.abstract
				.replace(/\s+/g, ' ')
				.trim()
				.split(/(?<=[.!?])\s+(?=[A-Z])/),
		),
		categories: records.map((r) => r.categories ?? 'cs.LG'),
		authors: records.map((r) => r.authors ?? 'Anonymous'),
	};
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Generates `count` JSON Lines records, split into files of at most `perFile`. */
export function generateCorpus(
	material: Material,
	count: number,
	seed = 1,
	perFile = 10_000,
): Array<{ name: string; text: string }> {
	const next = prng(seed);
	const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
	const files: Array<{ name: string; text: string }> = [];
	let lines: string[] = [];
	for (let i = 0; i < count; i++) {
		const base = pick(material.titles).split(' ');
		const other = pick(material.titles).split(' ');
		const cut = Math.max(1, Math.floor(base.length / 2));
		const title = [...base.slice(0, cut), ...other.slice(Math.floor(other.length / 2))].join(' ');
		const n = 4 + Math.floor(next() * 6);
		const abstract = Array.from({ length: n }, () => pick(material.sentences)).join(' ');
		const day = Math.floor(i / 50); // 50 papers per listing day, like a daily trending page
		const date = new Date(Date.UTC(2024, 0, 1 + (day % 365))).toISOString().slice(0, 10);
		lines.push(
			JSON.stringify({
				// YYMM.NNNNN as arXiv writes it: 2401.00000 on (the ingest checks the month).
				id: `${pad(2401 + Math.floor(i / 99_999), 4)}.${pad(i % 99_999, 5)}`,
				title,
				abstract,
				authors: pick(material.authors),
				categories: pick(material.categories),
				update_date: date,
			}),
		);
		if (lines.length === perFile || i === count - 1) {
			files.push({
				name: `synthetic-${pad(files.length, 3)}.jsonl`,
				text: `${lines.join('\n')}\n`,
			});
			lines = [];
		}
	}
	return files;
}

/** A trending page of `count` recombined papers with the given date line (`Jan 1`). */
export function generateTrendingPage(
	material: Material,
	count: number,
	dateLine: string,
	seed: number,
): string {
	const next = prng(seed);
	const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
	const pairs = Array.from({ length: count }, (_, i) => {
		const title = `Daily ${i + 1}: ${pick(material.titles)}`;
		const abstract = Array.from({ length: 6 }, () => pick(material.sentences)).join(' ');
		return `${title}\n\n${abstract}`;
	});
	return `new\n\n${dateLine}\n\n${pairs.join('\n\n')}\n`;
}
