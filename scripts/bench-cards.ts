/**
 * Benchmarks the link-preview cards: `node scripts/bench-cards.ts [--cards 200] [--warm 10000]`.
 * 1. Cold, one thread: draws N synthetic cards in-process, reporting wall and CPU time per card
 *    (CPU time is robust on a shared machine) and the PNG size.
 * 2. Cold, drawer processes: the same N cards through the build's pool (one per core).
 * 3. Warm: W cards (default 10,000) whose PNGs are all in the cache: hashing, cache look-up and
 *    hard-linking into an output folder, exactly what an unchanged rebuild does.
 * Cold time for 10,000 cards is extrapolated from (2) unless `--cards 10000` is passed.
 * Everything happens in a temporary folder, removed at the end. `--help`: the options (bench/cli.ts).
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { keyCardJobs, placeCards, prepareCardJobs } from '../src/lib/cards/build.ts';
import { listCardJobs, type CardJob } from '../src/lib/cards/jobs.ts';
import type { PaperCard } from '../src/lib/cards/layout.ts';
import { stringify as stringifyYaml } from 'yaml';
import { createRenderer } from '../src/lib/cards/render.ts';
import { BENCH_CARDS_USAGE, optionsOrExit, parseBenchCardsArgs } from './bench/cli.ts';

const { cards: N, warm: W } = optionsOrExit(
	'bench-cards',
	parseBenchCardsArgs(process.argv.slice(2)),
	BENCH_CARDS_USAGE,
	'node scripts/bench-cards.ts',
);
const root = process.cwd();

const WORDS = (
	'learning transformer attention sparse efficient language model vision graph neural ' +
	'diffusion scaling retrieval reasoning benchmark robust adaptive pruning quantization ' +
	'distillation multimodal contrastive generative representation optimization inference'
).split(' ');
/** A generated entry as the ingest writes it (only the fields the schema requires). */
function syntheticEntry(slug: string, c: PaperCard, i: number): string {
	const fm = {
		title: c.title,
		shortName: c.shortName,
		slug,
		date: c.date,
		rank: 1 + (i % 50),
		authors: [],
		categories: [],
		codeUrls: [],
		topics: c.topics,
		topicReasons: {},
		keywords: [],
		related: [],
		hasMath: false,
		sources: [{ file: 'bench.txt', line: i + 1 }],
		summary: `${c.title}. `.repeat(8),
	};
	return `---\n${stringifyYaml(fm)}---\n\n${fm.summary}\n`;
}

/** Deterministic synthetic cards with titles of 20–220 characters. */
function syntheticJobs(count: number): CardJob[] {
	return Array.from({ length: count }, (_, i) => {
		const words: string[] = [];
		const target = 20 + ((i * 37) % 200);
		for (let k = 0; words.join(' ').length < target; k++)
			words.push(WORDS[(i * 7 + k * 13) % WORDS.length]!);
		const title = `Model${i}: ${words.join(' ')}`;
		return {
			out: `og/papers/p${i}.png`,
			card: {
				kind: 'paper' as const,
				site: 'Abstracta',
				title,
				shortName: `Model${i}`,
				topics: [WORDS[i % WORDS.length]!, WORDS[(i + 5) % WORDS.length]!],
				date: `2025-0${1 + (i % 9)}-1${i % 10}`,
				dateLabel: 'Listed' as const,
			},
		};
	});
}

const stats = (xs: number[]): string => {
	const s = [...xs].sort((a, b) => a - b);
	const mean = s.reduce((a, b) => a + b, 0) / s.length;
	return `median ${s[s.length >> 1]!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms`;
};

const tmp = mkdtempSync(join(tmpdir(), 'abstracta-bench-cards-'));
try {
	const cores = availableParallelism();
	console.log(`machine: ${cores} cores; ${N} cold cards, ${W} warm cards`);

	// 1. Cold, one thread.
	sharp.concurrency(1);
	const renderer = createRenderer(root);
	const jobs = syntheticJobs(N);
	await renderer.render(jobs[0]!.card); // load fonts once, as a worker does
	const wall: number[] = [];
	const cpu: number[] = [];
	let bytes = 0;
	for (const j of jobs) {
		const t = performance.now();
		const c = process.cpuUsage();
		const png = await renderer.render(j.card);
		const d = process.cpuUsage(c);
		wall.push(performance.now() - t);
		cpu.push((d.user + d.system) / 1000);
		bytes += png.length;
	}
	console.log(`cold, 1 thread:  wall ${stats(wall)}; CPU ${stats(cpu)}`);
	console.log(`PNG size: mean ${(bytes / N / 1024).toFixed(1)} KiB`);

	// 2. Cold, worker pool (what a build does).
	const coldCache = join(tmp, 'cache');
	let t = performance.now();
	const prepared = prepareCardJobs(root, jobs, undefined, coldCache);
	const cold = await placeCards(prepared, join(tmp, 'dist-cold'));
	const coldMs = performance.now() - t;
	console.log(
		`cold, ${cores} workers: ${cold.drawn} cards in ${(coldMs / 1000).toFixed(2)} s = ${(coldMs / N).toFixed(1)} ms per card (wall)` +
			`; 10,000 cards ≈ ${((coldMs / N) * 10).toFixed(0)} s`,
	);

	// 3. Warm: W entries in a temporary content folder, all cards cached (PNGs linked from the
	// cold ones: look-up and placement do not depend on the pixels). Timed like a rebuild:
	// read + hash every entry (index hit), hash every card, find it in the cache, link it.
	const contentRoot = join(tmp, 'site');
	const papersDir = join(contentRoot, 'content/papers');
	mkdirSync(papersDir, { recursive: true });
	const warmCards = syntheticJobs(W);
	warmCards.forEach((j, i) => {
		const c = j.card as PaperCard;
		writeFileSync(join(papersDir, `p${i}.mdx`), syntheticEntry(`p${i}`, c, i));
	});
	const site = { title: 'Abstracta', description: 'Papers.' };
	const first = listCardJobs(contentRoot, site); // the previous build parsed every entry
	const drawn = readdirSync(coldCache).filter((f) => f.endsWith('.png'));
	const warmCache = join(tmp, 'warm-cache');
	mkdirSync(warmCache, { recursive: true });
	keyCardJobs(root, first.jobs, warmCache).forEach((j, i) =>
		linkSync(join(coldCache, drawn[i % drawn.length]!), j.file),
	);
	t = performance.now();
	const listed = listCardJobs(contentRoot, site, first.index);
	const listMs = performance.now() - t;
	const warmPrepared = prepareCardJobs(root, listed.jobs, undefined, warmCache);
	const keyMs = performance.now() - t - listMs;
	const warm = await placeCards(warmPrepared, join(tmp, 'dist-warm'));
	const warmMs = performance.now() - t;
	console.log(
		`warm, ${W} cards: ${warm.drawn} drawn, ${warm.cached} cached in ${(warmMs / 1000).toFixed(2)} s ` +
			`(read+hash entries ${(listMs / 1000).toFixed(2)} s, card keys ${(keyMs / 1000).toFixed(2)} s, ` +
			`linking ${((warmMs - listMs - keyMs) / 1000).toFixed(2)} s) = ${((warmMs / W) * 1000).toFixed(0)} µs per card`,
	);
	t = performance.now();
	listCardJobs(contentRoot, site);
	console.log(
		`(without the entry index, parsing ${W} entries alone takes ${((performance.now() - t) / 1000).toFixed(2)} s)`,
	);
} finally {
	rmSync(tmp, { recursive: true, force: true });
}
