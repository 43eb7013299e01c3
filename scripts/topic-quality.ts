/**
 * Quality check of topics and related papers against arXiv categories as ground truth.
 * Reads the labelled corpora, classifies with the categories HIDDEN, and reports:
 *   - coverage: share of papers whose first topic is not the catch-all;
 *   - purity: per topic (first topic of each paper), the share of its papers in the topic's most
 *     common arXiv primary category, weighted by topic size;
 *   - related within category: share of related links whose two papers share the primary category.
 * Usage: npm run quality:topics -- [--topics content/topics.yaml] [--corpora DIR] [--verbose] [FILES…]
 * (default FILES: ../shared/corpora/*.jsonl; the options: bench/cli.ts, `--help`)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
	CORPORA_HINT,
	corporaProblem,
	failSetup,
	optionsOrExit,
	parseTopicQualityArgs,
	TOPIC_QUALITY_USAGE,
} from './bench/cli.ts';
import { buildPapers } from './ingest/build-papers.ts';
import { parseSource } from './ingest/parse/index.ts';
import { analyzeTopics } from './ingest/topics/analyze.ts';
import { readTopicsYaml } from './ingest/topics/topics-yaml.ts';

const values = optionsOrExit(
	'quality:topics',
	parseTopicQualityArgs(process.argv.slice(2)),
	TOPIC_QUALITY_USAGE,
	'npm run quality:topics --',
);
const CORPORA = values.corpora;
if (values.files.length === 0) {
	// The labelled corpora are not part of the repository: said plainly, not as a stack trace.
	const problem = corporaProblem(CORPORA);
	if (problem)
		failSetup('quality:topics', `no corpora: ${problem}`, `${CORPORA_HINT}, or name FILEs`);
}
for (const f of values.files)
	if (!existsSync(f) || !statSync(f).isFile())
		failSetup('quality:topics', `${f}: no such file`, 'name arXiv JSON Lines files (.jsonl)');
if (!existsSync(values.topics))
	failSetup('quality:topics', `${values.topics}: no such file`, 'pass --topics FILE');
const files =
	values.files.length > 0
		? values.files
		: readdirSync(CORPORA)
				.filter((f) => f.endsWith('.jsonl'))
				.sort()
				.map((f) => join(CORPORA, f));

const { topics: definitions, problems } = readTopicsYaml(
	readFileSync(values.topics, 'utf8'),
	values.topics,
);
if (problems.length > 0) {
	for (const p of problems) console.error(`error: ${p.file}:${p.line}: ${p.message}`);
	process.exit(1);
}
const records = files.flatMap(
	(f) => parseSource({ name: basename(f), bytes: readFileSync(resolve(f)) }).records,
);
const papers = buildPapers(records).papers.map((b) => b.paper);
const started = performance.now();
const result = analyzeTopics(papers, definitions, { useCategories: false });
const ms = performance.now() - started;

const primary = papers.map((p) => p.categories[0] ?? '?');
const catchAllSlug = definitions.find((t) => t.catchAll)!.slug;
const groups = new Map<string, number[]>();
result.papers.forEach((r, i) => {
	const g = groups.get(r.topics[0]!) ?? [];
	g.push(i);
	groups.set(r.topics[0]!, g);
});
let pure = 0;
const rows: string[] = [];
for (const [slug, docs] of [...groups].sort(
	(a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
)) {
	const cats = new Map<string, number>();
	for (const d of docs) cats.set(primary[d]!, (cats.get(primary[d]!) ?? 0) + 1);
	const top = [...cats].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	pure += top[0]![1];
	rows.push(
		`  ${slug.padEnd(28)} ${String(docs.length).padStart(4)}  ${top
			.slice(0, 4)
			.map(([c, n]) => `${c} ${n}`)
			.join(', ')}`,
	);
}
const bySlug = new Map(papers.map((p, i) => [p.slug, i]));
let links = 0;
let within = 0;
result.papers.forEach((r, i) => {
	for (const rel of r.related) {
		links++;
		if (primary[bySlug.get(rel.slug)!] === primary[i]) within++;
	}
});
// Chance level: two random papers share the primary category.
const share = new Map<string, number>();
for (const c of primary) share.set(c, (share.get(c) ?? 0) + 1);
const chance = [...share.values()].reduce((s, n) => s + (n / papers.length) ** 2, 0);
const covered = result.papers.filter((r) => r.topics[0] !== catchAllSlug).length;

console.log(
	`papers ${papers.length} from ${files.map((f) => basename(f)).join(', ')} (categories hidden), analysed in ${(ms / 1000).toFixed(2)} s`,
);
console.log(`coverage (non-catch-all topic)   ${(covered / papers.length).toFixed(3)}  aim ≥ 0.90`);
console.log(`purity vs arXiv primary category ${(pure / papers.length).toFixed(3)}  aim ≥ 0.60`);
console.log(
	`related within primary category  ${(within / Math.max(1, links)).toFixed(3)}  aim ≥ 0.50 (chance ${chance.toFixed(3)}, ${links} links)`,
);
console.log(
	`derived topics ${
		result.topics
			.filter((t) => t.derived)
			.map((t) => `${t.slug} ${t.count}`)
			.join(', ') || 'none'
	}`,
);
if (values.verbose) {
	console.log('first topic → papers, top primary categories');
	console.log(rows.join('\n'));
}
