/**
 * Benchmarks the link-preview cards: `npx tsx scripts/bench-cards.ts [--cards 200] [--warm 10000]`.
 * 1. Cold, one thread: draws N synthetic cards in-process, reporting wall and CPU time per card
 *    (CPU time is robust on a shared machine) and the PNG size.
 * 2. Cold, worker threads: the same N cards through the build's worker pool (one per core).
 * 3. Warm: W cards (default 10,000) whose PNGs are all in the cache: hashing, cache look-up and
 *    hard-linking into an output folder, exactly what an unchanged rebuild does.
 * Cold time for 10,000 cards is extrapolated from (2) unless `--cards 10000` is passed.
 * Everything happens in a temporary folder, removed at the end.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { keyCardJobs, placeCards, prepareCardJobs } from '../src/lib/cards/build.ts';
import type { CardJob } from '../src/lib/cards/jobs.ts';
import { createRenderer } from '../src/lib/cards/render.ts';

const arg = (name: string, fallback: number): number => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('cards', 200);
const W = arg('warm', 10_000);
const root = process.cwd();

const WORDS = (
	'learning transformer attention sparse efficient language model vision graph neural ' +
	'diffusion scaling retrieval reasoning benchmark robust adaptive pruning quantization ' +
	'distillation multimodal contrastive generative representation optimization inference'
).split(' ');
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

	// 3. Warm: every card of W already cached (PNGs linked from the cold ones: the look-up and
	// placement cost does not depend on the pixels).
	const warmJobs = syntheticJobs(W);
	const drawn = readdirSync(coldCache).filter((f) => f.endsWith('.png'));
	const warmCache = join(tmp, 'warm-cache');
	mkdirSync(warmCache, { recursive: true });
	keyCardJobs(root, warmJobs, warmCache).forEach((j, i) =>
		linkSync(join(coldCache, drawn[i % drawn.length]!), j.file),
	);
	t = performance.now();
	const warmPrepared = prepareCardJobs(root, warmJobs, undefined, warmCache);
	const warm = await placeCards(warmPrepared, join(tmp, 'dist-warm'));
	const warmMs = performance.now() - t;
	console.log(
		`warm, ${W} cards: ${warm.drawn} drawn, ${warm.cached} cached, ${(warmMs / 1000).toFixed(2)} s = ${((warmMs / W) * 1000).toFixed(0)} µs per card`,
	);
	const size = statSync(join(tmp, 'dist-warm', warmJobs[0]!.out)).size;
	console.log(`placed file check: ${size} bytes`);
} finally {
	rmSync(tmp, { recursive: true, force: true });
}
