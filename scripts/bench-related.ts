/**
 * Benchmark of the topics stage (classify + keywords + related + derived topics) on a
 * deterministic synthetic corpus: real abstracts from ../shared/corpora/*.jsonl and the seed,
 * recombined sentence by sentence with a seeded random generator, so vocabulary and phrase
 * statistics stay realistic at any size.
 * Usage: npm run bench:related -- [--sizes 1000,10000,100000] [--corpora DIR] (default: 1000;
 * the options: bench/cli.ts, `--help`).
 * Each size runs in its own process so that its peak memory (max RSS) is its own.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	BENCH_RELATED_USAGE,
	CORPORA_HINT,
	corporaProblem,
	failSetup,
	optionsOrExit,
	parseBenchRelatedArgs,
} from './bench/cli.ts';
import { buildPapers } from './ingest/build-papers.ts';
import { parseSource } from './ingest/parse/index.ts';
import { analyzeTopics, type TopicInput } from './ingest/topics/analyze.ts';
import { readTopicsYaml } from './ingest/topics/topics-yaml.ts';

/** The seed trending page, part of the repository. */
const SEED_PAGE = fileURLToPath(
	new URL('../content/sources/2025-03-18-trending.txt', import.meta.url),
);
/** The topic taxonomy. */
const TOPICS = fileURLToPath(new URL('../content/topics.yaml', import.meta.url));
/** Real abstracts the figures of docs/BENCHMARKS.md were measured with (999 + 75 of the seed). */
export const DOCUMENTED_REAL_PAPERS = 1074;

/** Mulberry32: a tiny seeded generator, so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Real papers: the corpora (which must be there: see corporaProblem) and the seed page. */
export function loadRealPapers(corpora: string): TopicInput[] {
	const files = [
		...readdirSync(corpora)
			.filter((f) => f.endsWith('.jsonl'))
			.sort()
			.map((f) => join(corpora, f)),
		SEED_PAGE,
	];
	const records = files.flatMap(
		(f) => parseSource({ name: basename(f), bytes: readFileSync(f) }).records,
	);
	return buildPapers(records).papers.map(({ paper }) => paper);
}

/**
 * `size` synthetic papers: each keeps most sentences of one real abstract and borrows a third
 * from another real abstract, so near-duplicates and shared phrases occur as in real listings.
 */
export function syntheticCorpus(real: readonly TopicInput[], size: number): TopicInput[] {
	const random = seededRandom(20250318);
	const sentences = real.map((p) => p.summary.split(/(?<=\.)\s+/u));
	return Array.from({ length: size }, (_, i): TopicInput => {
		const base = i % real.length;
		const other = Math.floor(random() * real.length);
		const mixed = sentences[base]!.map((s, k) => {
			const borrowed = sentences[other]!;
			return random() < 0.33 ? (borrowed[k % borrowed.length] ?? s) : s;
		});
		return {
			slug: `synthetic-${String(i).padStart(6, '0')}`,
			title: real[base]!.title,
			summary: mixed.join(' '),
			categories: real[base]!.categories,
		};
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const values = optionsOrExit(
		'bench:related',
		parseBenchRelatedArgs(process.argv.slice(2)),
		BENCH_RELATED_USAGE,
		'npm run bench:related --',
	);
	// Without the corpora the corpus would be recombined from the 75 seed papers only: figures
	// that cannot be compared with docs/BENCHMARKS.md. Refused, with what to do.
	const problem = corporaProblem(values.corpora);
	if (problem) failSetup('bench:related', `no corpora: ${problem}`, CORPORA_HINT);
	if (values.size) measureSize(values.size, values.corpora);
	else runSizes(values.sizes, values.corpora);
}

/** One size in this process: prints its figures as a JSON line. */
function measureSize(size: number, corpora: string): void {
	const { topics } = readTopicsYaml(readFileSync(TOPICS, 'utf8'), 'content/topics.yaml');
	const corpus = syntheticCorpus(loadRealPapers(corpora), size);
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const result = analyzeTopics(corpus, topics);
	const seconds = (performance.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	// CPU time is reported beside wall time: on a shared machine wall time includes waiting.
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	const links = result.papers.reduce((s, p) => s + p.related.length, 0);
	console.log(
		JSON.stringify({
			size,
			seconds: Number(seconds.toFixed(2)),
			cpuSeconds: Number(cpuSeconds.toFixed(2)),
			maxRssMb: Math.round(maxRssMb),
			links,
			topics: result.topics.length,
		}),
	);
}

/** Every size in its own process, one table row each, said first. */
function runSizes(sizes: readonly number[], corpora: string): void {
	const real = loadRealPapers(corpora).length;
	console.error(
		`bench:related: sizes ${sizes.map((n) => n.toLocaleString('en')).join(', ')}, each in its own process, ` +
			`recombined from ${real.toLocaleString('en')} real abstracts (${corpora}/*.jsonl and the seed page)`,
	);
	if (real !== DOCUMENTED_REAL_PAPERS)
		console.error(
			`bench:related: WARNING: docs/BENCHMARKS.md was measured on ${DOCUMENTED_REAL_PAPERS.toLocaleString('en')} real abstracts, ` +
				`these ${real.toLocaleString('en')} give figures that are not comparable`,
		);
	const self = fileURLToPath(import.meta.url);
	console.log('| Papers | Wall time (s) | CPU time (s) | Peak RSS (MB) | Related links | Topics |');
	console.log('|---:|---:|---:|---:|---:|---:|');
	for (const size of sizes) {
		const r = spawnSync(process.execPath, [self, '--size', String(size), '--corpora', corpora], {
			encoding: 'utf8',
			maxBuffer: 1 << 24,
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		if (r.status !== 0) {
			console.error(
				`bench:related: the run of ${size.toLocaleString('en')} papers failed (${r.signal ? `signal ${r.signal}` : `exit ${r.status}`})`,
			);
			process.exit(1);
		}
		const f = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
		console.log(
			`| ${f.size!.toLocaleString('en')} | ${f.seconds} | ${f.cpuSeconds} | ${f.maxRssMb} | ${f.links} | ${f.topics} |`,
		);
	}
}
