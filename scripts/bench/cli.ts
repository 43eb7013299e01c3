/**
 * The command lines of the benchmark and quality scripts (bench, bench-related, topic-quality,
 * search-quality, bench-cards, cards-metrics): their options, usage texts, and what a mistyped
 * command gets: one line naming the mistake and a hint, exit 2, as the ingest's
 * (scripts/ingest/cli.ts). The parsers are pure, so the messages and the validation are tested
 * without starting a benchmark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { argumentMistake } from '../ingest/cli.ts';

/** What a command line asks for: a run, the usage, or nothing (a mistake, with its message). */
export type Cli<T> =
	{ kind: 'run'; options: T } | { kind: 'help' } | { kind: 'error'; message: string };

/** A mistake in an option's value: its message is the one line the operator gets. */
class Mistake extends Error {}

/** Runs a parser; `'help'` asks for the usage, a throw (parseArgs' or a {@link Mistake}) is a mistake. */
function cli<T>(parse: () => T | 'help'): Cli<T> {
	try {
		const options = parse();
		return options === 'help' ? { kind: 'help' } : { kind: 'run', options };
	} catch (e) {
		if (e instanceof Mistake) return { kind: 'error', message: e.message };
		if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_'))
			return { kind: 'error', message: argumentMistake(e as Error & { code: string }) };
		throw e;
	}
}

/** `raw` as a whole number from 1 to `max`, or a mistake naming `option`. */
export function count(option: string, raw: string, max: number): number {
	const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
	if (!Number.isSafeInteger(n) || n < 1 || n > max)
		throw new Mistake(
			`${option} must be a whole number from 1 to ${max.toLocaleString('en')}, not "${raw}"`,
		);
	return n;
}

/** A comma-separated list of counts (`1000,10000`), each from 1 to `max`. */
export function counts(option: string, raw: string, max: number): number[] {
	const parts = raw.split(',');
	if (parts.some((p) => p.trim() === ''))
		throw new Mistake(`${option} must be whole numbers separated by commas, not "${raw}"`);
	return parts.map((p) => count(option, p, max));
}

/** The largest corpus the build benchmark makes (its largest documented run is 100,000). */
export const MAX_PAPERS = 200_000;

// ---------------------------------------------------------------- npm run bench

export interface BenchOptions {
	papers: number;
	cards: 'on' | 'off';
	keep: boolean;
	hugo: boolean;
	verify: boolean;
	check: boolean;
	shared: string;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]   (or: node scripts/bench.ts [options])

Builds a deterministic synthetic corpus of N papers (real abstracts of SHARED/corpora/*.jsonl
and SHARED/seeds/*.txt, recombined) in a temporary copy of the project: a clean build, then a
daily rebuild with a new 50-paper page and the caches kept. Prints wall time and peak memory
(max RSS, measured with GNU /usr/bin/time) per step, a table and a JSON line; the figures of
record, with the machine they ran on, are in docs/BENCHMARKS.md. The temporary copy is removed
at the end, on failure too, unless --keep.

Options:
  --papers N      papers in the synthetic corpus, 1 to ${MAX_PAPERS.toLocaleString('en')} (default: 1000)
                  (10,000 takes minutes on 2 cores; 100,000 needs
                  NODE_OPTIONS=--max-old-space-size=14000 and 16 GB)
  --cards on|off  draw the link-preview cards (default: on)
  --shared DIR    the folder holding corpora/ and seeds/, which are not part of the
                  repository (default: ../shared)
  --check         check the daily rebuild's pages, feeds, sitemap and index against its entries
  --verify        build the same inputs clean in a second copy: every file must be identical
  --hugo          also render the same papers as bare Hugo pages (needs \`hugo\` on PATH)
  --keep          keep the temporary copy (its path is printed)
  -h, --help      print this help and exit
`;

/** Reads `npm run bench`'s arguments. */
export function parseBenchArgs(args: readonly string[]): Cli<BenchOptions> {
	return cli(() => {
		const { values } = parseArgs({
			args: [...args],
			options: {
				papers: { type: 'string', default: '1000' },
				cards: { type: 'string', default: 'on' },
				keep: { type: 'boolean', default: false },
				hugo: { type: 'boolean', default: false },
				verify: { type: 'boolean', default: false },
				check: { type: 'boolean', default: false },
				shared: { type: 'string', default: '../shared' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
		if (values.help) return 'help';
		if (values.cards !== 'on' && values.cards !== 'off')
			throw new Mistake(`--cards must be on or off, not "${values.cards}"`);
		return {
			papers: count('--papers', values.papers, MAX_PAPERS),
			cards: values.cards,
			keep: values.keep,
			hugo: values.hugo,
			verify: values.verify,
			check: values.check,
			shared: values.shared,
		};
	});
}

// ---------------------------------------------------------------- npm run bench:related

export interface BenchRelatedOptions {
	sizes: number[];
	/** Internal: one size in this process (the parent runs each size in its own process). */
	size?: number;
	corpora: string;
}

/** The default sizes: small and safe; 10,000 and 100,000 are asked for by name. */
export const RELATED_SIZES = '1000';

export const BENCH_RELATED_USAGE = `Usage: npm run bench:related -- [options]   (or: node scripts/bench-related.ts [options])

Times the topics stage (classification, keywords, related papers, derived topics) on
deterministic synthetic corpora recombined from the real abstracts of CORPORA/*.jsonl and the
seed page, one process per size, so each size's peak memory (max RSS) is its own. Prints a
Markdown table (wall time, CPU time, peak RSS, related links, topics); the figures of record
(1,000 to 100,000 papers) are in docs/BENCHMARKS.md.

Options:
  --sizes N,N…    corpus sizes, each 1 to ${MAX_PAPERS.toLocaleString('en')} (default: ${RELATED_SIZES})
                  (on 2 cores 10,000 takes about 15 s and 100,000 about a minute and 1 GB)
  --corpora DIR   the arXiv JSON Lines corpora, not part of the repository
                  (default: ../shared/corpora)
  -h, --help      print this help and exit
`;

/** Reads `npm run bench:related`'s arguments. */
export function parseBenchRelatedArgs(args: readonly string[]): Cli<BenchRelatedOptions> {
	return cli(() => {
		const { values } = parseArgs({
			args: [...args],
			options: {
				sizes: { type: 'string', default: RELATED_SIZES },
				size: { type: 'string' },
				corpora: { type: 'string', default: '../shared/corpora' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
		if (values.help) return 'help';
		return {
			sizes: counts('--sizes', values.sizes, MAX_PAPERS),
			...(values.size === undefined ? {} : { size: count('--size', values.size, MAX_PAPERS) }),
			corpora: values.corpora,
		};
	});
}

// ---------------------------------------------------------------- npm run quality:topics

export interface TopicQualityOptions {
	topics: string;
	corpora: string;
	verbose: boolean;
	files: string[];
}

export const TOPIC_QUALITY_USAGE = `Usage: npm run quality:topics -- [options] [FILE…]   (or: node scripts/topic-quality.ts …)

Classifies labelled papers with their arXiv categories hidden and measures the topics and
related papers against those categories: coverage (first topic not the catch-all, aim ≥ 0.90),
purity against the arXiv primary category (aim ≥ 0.60), and the share of related links within
the primary category (aim ≥ 0.50, beside chance). Prints a short report; the figures of record
are in docs/BENCHMARKS.md ("Quality").

Options:
  FILE…           arXiv JSON Lines files to measure (default: every CORPORA/*.jsonl)
  --corpora DIR   the labelled corpora, not part of the repository (default: ../shared/corpora)
  --topics FILE   the topic taxonomy (default: content/topics.yaml)
  --verbose       also list each first topic with its papers' top primary categories
  -h, --help      print this help and exit
`;

/** Reads `npm run quality:topics`' arguments. */
export function parseTopicQualityArgs(args: readonly string[]): Cli<TopicQualityOptions> {
	return cli(() => {
		const { values, positionals } = parseArgs({
			args: [...args],
			allowPositionals: true,
			options: {
				topics: { type: 'string', default: 'content/topics.yaml' },
				verbose: { type: 'boolean', default: false },
				corpora: { type: 'string', default: '../shared/corpora' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
		if (values.help) return 'help';
		const { topics, verbose, corpora } = values;
		return { topics, verbose, corpora, files: positionals };
	});
}

// ---------------------------------------------------------------- scripts/search-quality.ts

export interface SearchQualityOptions {
	first: boolean;
	dist: string;
	papers: string;
}

export const SEARCH_QUALITY_USAGE = `Usage: node scripts/search-quality.ts [DIST] [PAPERS]
       node scripts/search-quality.ts --first [DIST]

Measures search against a built site in Chromium (Debian's chromium, through playwright-core):
the rank of every paper for its short name, its title and its arXiv id, the top 5 of topical
queries, and the bytes and time of a first query on a cold page. Prints JSON; the figures of
record are in docs/BENCHMARKS.md, and tests/e2e/search-quality.test.ts asserts the thresholds on
the seed. Build the site first (npm run build).

Options:
  DIST            the built site (default: dist)
  PAPERS          its generated entries (default: content/papers)
  --first         only the cold first queries, every file they fetch listed
  -h, --help      print this help and exit
`;

/** Reads scripts/search-quality.ts' arguments. */
export function parseSearchQualityArgs(args: readonly string[]): Cli<SearchQualityOptions> {
	return cli(() => {
		const { values, positionals } = parseArgs({
			args: [...args],
			allowPositionals: true,
			options: {
				first: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
		if (values.help) return 'help';
		const most = values.first ? 1 : 2;
		if (positionals.length > most) throw new Mistake(`unexpected argument ${positionals[most]}`);
		const [dist = 'dist', papers = 'content/papers'] = positionals;
		return { first: values.first, dist, papers };
	});
}

// ---------------------------------------------------------------- scripts/bench-cards.ts

export interface BenchCardsOptions {
	cards: number;
	warm: number;
}

export const BENCH_CARDS_USAGE = `Usage: node scripts/bench-cards.ts [options]

Times the link-preview cards: N cards drawn cold on one thread (wall and CPU time per card, PNG
size), the same N through the build's drawer processes, and W cached cards placed as an unchanged
rebuild does (hashing, cache look-up, hard links). Works in a temporary folder, removed at the
end. The figures of record are in docs/BENCHMARKS.md.

Options:
  --cards N       cards drawn cold, 1 to 100,000 (default: 200)
  --warm W        cached cards placed, 1 to ${MAX_PAPERS.toLocaleString('en')} (default: 10000)
  -h, --help      print this help and exit
`;

/** Reads scripts/bench-cards.ts' arguments. */
export function parseBenchCardsArgs(args: readonly string[]): Cli<BenchCardsOptions> {
	return cli(() => {
		const { values } = parseArgs({
			args: [...args],
			options: {
				cards: { type: 'string', default: '200' },
				warm: { type: 'string', default: '10000' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
		if (values.help) return 'help';
		return {
			cards: count('--cards', values.cards, 100_000),
			warm: count('--warm', values.warm, MAX_PAPERS),
		};
	});
}

// ---------------------------------------------------------------- scripts/cards-metrics.ts

export const CARDS_METRICS_USAGE = `Usage: node scripts/cards-metrics.ts

Regenerates src/lib/cards/inter-metrics.json: Inter's advance widths for every code point its
@fontsource subsets cover, at the two weights the cards use. Run after upgrading
@fontsource/inter. Takes no options.

Options:
  -h, --help      print this help and exit
`;

/** Reads scripts/cards-metrics.ts' arguments (none but --help). */
export function parseCardsMetricsArgs(args: readonly string[]): Cli<Record<string, never>> {
	return cli(() => {
		const { values } = parseArgs({
			args: [...args],
			options: { help: { type: 'boolean', short: 'h', default: false } },
		});
		return values.help ? 'help' : {};
	});
}

// ---------------------------------------------------------------- shared by the scripts

/**
 * The options of a run, or the end of the process: the usage (exit 0) or the mistake with a
 * hint to `command --help` (exit 2, as command-line tools do for a mistyped command).
 */
export function optionsOrExit<T>(name: string, parsed: Cli<T>, usage: string, command: string): T {
	if (parsed.kind === 'help') {
		process.stdout.write(usage);
		process.exit(0);
	}
	if (parsed.kind === 'error') {
		console.error(`${name}: ${parsed.message}\n  hint: run \`${command} --help\` for the options`);
		process.exit(2);
	}
	return parsed.options;
}

/** Stops a run on a missing prerequisite: one line, a hint, exit 1 (nothing was started). */
export function failSetup(name: string, message: string, hint: string): never {
	console.error(`${name}: ${message}\n  hint: ${hint}`);
	process.exit(1);
}

/**
 * Why the corpora folder cannot be read, if it cannot: missing, not a folder, or without
 * `.jsonl` files. The corpora are not part of the repository.
 */
export function corporaProblem(dir: string): string | undefined {
	if (!existsSync(dir)) return `${dir}: no such folder`;
	if (!statSync(dir).isDirectory()) return `${dir}: not a folder`;
	if (!readdirSync(dir).some((f) => f.endsWith('.jsonl')))
		return `${dir}: no .jsonl files in the folder`;
	return undefined;
}

/** The hint under a corpora problem: what the corpora are and how to point at them. */
export const CORPORA_HINT =
	'the corpora (arXiv JSON Lines, *.jsonl) are not part of the repository: pass --corpora DIR';

/**
 * Why GNU time cannot measure the build steps, if it cannot: `/usr/bin/time -v` must report
 * the maximum resident set size (the shell's `time` keyword does not).
 */
export function gnuTimeProblem(path = '/usr/bin/time'): string | undefined {
	if (!existsSync(path)) return `${path} not found`;
	const r = spawnSync(path, ['-v', 'true'], { encoding: 'utf8' });
	if (!/Maximum resident set size/.test(r.stderr ?? ''))
		return `${path} -v does not report the maximum resident set size (not GNU time)`;
	return undefined;
}

/** Whether `name` is an executable on PATH (as spawn would find it). */
export function onPath(name: string, path = process.env.PATH ?? ''): boolean {
	return path
		.split(':')
		.filter(Boolean)
		.some((dir) => {
			const file = join(dir, name);
			try {
				return statSync(file).isFile() && (statSync(file).mode & 0o111) !== 0;
			} catch {
				return false;
			}
		});
}
