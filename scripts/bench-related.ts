/**
 * Benchmark of the topics stage (classify + keywords + related + derived topics) on a
 * deterministic synthetic corpus: real abstracts from ../shared/corpora/*.jsonl and the seed,
 * recombined sentence by sentence with a seeded random generator, so vocabulary and phrase
 * statistics stay realistic at any size.
 * Usage: node scripts/bench-related.ts [--sizes 1000,10000,100000]
 * Each size runs in its own process so that its peak memory (max RSS) is its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildPapers } from './ingest/build-papers.ts';
import { parseSource } from './ingest/parse/index.ts';
import { analyzeTopics, type TopicInput } from './ingest/topics/analyze.ts';
import { readTopicsYaml } from './ingest/topics/topics-yaml.ts';

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1000,10000,100000' },
		size: { type: 'string' },
		corpora: { type: 'string', default: '../shared/corpora' },
	},
});

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

/** Real papers: the shared corpora and the seed trending page. */
export function loadRealPapers(corpora: string): TopicInput[] {
	const files = [
		...(existsSync(corpora)
			? readdirSync(corpora)
					.filter((f) => f.endsWith('.jsonl'))
					.sort()
					.map((f) => join(corpora, f))
			: []),
		'content/sources/2025-03-18-trending.txt',
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

if (values.size) {
	const size = Number(values.size);
	const { topics } = readTopicsYaml(
		readFileSync('content/topics.yaml', 'utf8'),
		'content/topics.yaml',
	);
	const corpus = syntheticCorpus(loadRealPapers(values.corpora), size);
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
} else {
	const self = fileURLToPath(import.meta.url);
	console.log('| Papers | Wall time (s) | CPU time (s) | Peak RSS (MB) | Related links | Topics |');
	console.log('|---:|---:|---:|---:|---:|---:|');
	for (const size of values.sizes.split(',').map(Number)) {
		const out = execFileSync(
			process.execPath,
			[self, '--size', String(size), '--corpora', values.corpora],
			{
				encoding: 'utf8',
				maxBuffer: 1 << 24,
			},
		);
		const r = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
		console.log(
			`| ${r.size!.toLocaleString('en')} | ${r.seconds} | ${r.cpuSeconds} | ${r.maxRssMb} | ${r.links} | ${r.topics} |`,
		);
	}
}
