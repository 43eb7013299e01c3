/**
 * The ingest as one pure function: source files in, generated entries (file name → text) out.
 * parse → normalise → classify → render. The orchestrator (scripts/ingest.ts) does the I/O.
 */
import { PaperSchema, type Paper } from '../../src/schemas/paper.ts';
import { availableParallelism } from 'node:os';
import { buildFromPrepared, prepareRecord } from './build-papers.ts';
import { parseSource } from './parse/index.ts';
import { parseAndPrepareAll, type PreparedSource } from './prepare.ts';
import { renderPaperMdx } from './render.ts';
import { analyzeTopics } from './topics/analyze.ts';
import type { TopicDefinition } from './topics/topics-yaml.ts';
import type { Problem, SourceFile } from './types.ts';

/** Everything one ingest run produces. */
export interface IngestResult {
	/** Generated files for `content/papers/`, by file name, in name order. Empty when there are errors. */
	entries: Map<string, string>;
	papers: Paper[];
	records: number;
	duplicates: number;
	errors: Problem[];
	warnings: Problem[];
	/** Papers per topic: every curated topic (empty ones too), then derived topics. */
	topicCounts: Array<{ slug: string; count: number }>;
	/** Slugs of the papers left in the catch-all topic. */
	catchAll: string[];
	/** Milliseconds spent per stage, in order: regressions show up in the build output. */
	timings: Array<{ stage: string; ms: number }>;
}

/** Options of a run. */
export interface IngestOptions {
	/** Called with the number of papers rendered so far (progress bars). */
	onProgress?: (done: number, total: number) => void;
	/**
	 * The curated taxonomy (content/topics.yaml, read by the orchestrator). Without it papers get
	 * no topics, keywords or related papers and `_topics.json` is `[]`.
	 */
	topics?: readonly TopicDefinition[];
}

/** Inputs smaller than this are ingested on one thread: starting a worker costs more. */
const PARALLEL_MIN_BYTES = 8 << 20;

/** Runs parse → normalise → (classify) → validate → render over every source file. */
export function ingest(sources: SourceFile[], options: IngestOptions = {}): IngestResult {
	const run = startRun();
	const parsed = sortSources(sources).map(parseSource);
	run.lap('parse');
	const failed = parsed.some((p) => p.errors.length > 0);
	return finish(
		run,
		parsed.map((p) => ({
			records: p.records.length,
			errors: p.errors,
			warnings: p.warnings,
			prepared: failed ? [] : p.records.map(prepareRecord),
		})),
		options,
	);
}

/**
 * `ingest` with the parsing and per-record normalising shared between this thread and worker
 * threads (one per further core), file by file. Same result; small inputs (or a single file)
 * run on this thread only.
 */
export async function ingestParallel(
	sources: SourceFile[],
	options: IngestOptions & { threads?: number; minBytes?: number } = {},
): Promise<IngestResult> {
	const threads = options.threads ?? availableParallelism();
	const bytes = sources.reduce((sum, s) => sum + s.bytes.byteLength, 0);
	if (threads < 2 || sources.length < 2 || bytes < (options.minBytes ?? PARALLEL_MIN_BYTES))
		return ingest(sources, options);
	const run = startRun();
	const prepared = await parseAndPrepareAll(sortSources(sources), threads - 1);
	run.lap(`parse (${threads} threads)`);
	const failed = prepared.some((p) => p.errors.length > 0);
	return finish(run, failed ? prepared.map((p) => ({ ...p, prepared: [] })) : prepared, options);
}

const sortSources = (sources: SourceFile[]): SourceFile[] =>
	[...sources].sort((a, b) => (a.name < b.name ? -1 : 1));

/** Stage timings of a run. */
interface Run {
	timings: IngestResult['timings'];
	lap: (stage: string) => void;
}

function startRun(): Run {
	const timings: IngestResult['timings'] = [];
	let mark = performance.now();
	return {
		timings,
		lap: (stage) => {
			const now = performance.now();
			timings.push({ stage, ms: now - mark });
			mark = now;
		},
	};
}

/** Everything after parsing: merge, slugs, classify, validate, render. */
function finish(run: Run, parsed: PreparedSource[], options: IngestOptions): IngestResult {
	const { timings, lap } = run;
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	if (parsed.length === 0) {
		errors.push({
			file: '.',
			line: 0,
			message: 'no source files',
			hint: 'put trending pages (.txt) or arXiv JSON Lines (.jsonl) in content/sources/',
		});
	}
	let records = 0;
	for (const result of parsed) {
		records += result.records;
		errors.push(...result.errors);
		warnings.push(...result.warnings);
	}
	const empty = {
		entries: new Map<string, string>(),
		papers: [],
		records,
		duplicates: 0,
		errors,
		warnings,
		topicCounts: [],
		catchAll: [],
		timings,
	};
	if (errors.length > 0) return empty;

	const { papers: built, duplicates } = buildFromPrepared(parsed.flatMap((p) => p.prepared));
	lap('normalise');
	// Topics, keywords and related papers need the whole corpus (IDF, neighbours), so they are
	// computed for all papers at once, before each entry is validated and rendered.
	const analysis = options.topics
		? analyzeTopics(
				built.map((b) => b.paper),
				options.topics,
			)
		: undefined;
	analysis?.papers.forEach((fields, i) => Object.assign(built[i]!.paper, fields));
	lap('topics, keywords, related');
	const entries = new Map<string, string>();
	const papers: Paper[] = [];
	built.forEach(({ paper, body }, i) => {
		const checked = PaperSchema.safeParse(paper);
		if (!checked.success) {
			const src = paper.sources[0]!;
			errors.push({
				file: src.file,
				line: src.line,
				message: `invalid entry "${paper.slug}": ${checked.error.message}`,
			});
			return;
		}
		papers.push(checked.data);
		entries.set(`${paper.slug}.mdx`, renderPaperMdx(checked.data, body));
		options.onProgress?.(i + 1, built.length);
	});
	if (errors.length > 0) return { ...empty, duplicates };
	lap('validate and render');
	entries.set('_topics.json', `${JSON.stringify(analysis?.topics ?? [], null, '\t')}\n`);
	const sorted = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
	const derived = (analysis?.topics ?? []).filter((t) => t.derived);
	return {
		entries: sorted,
		papers,
		records,
		duplicates,
		errors,
		warnings,
		topicCounts: [
			...(analysis?.counts ?? []),
			...derived.map((t) => ({ slug: t.slug, count: t.count })),
		],
		catchAll: analysis?.catchAll ?? [],
		timings,
	};
}
