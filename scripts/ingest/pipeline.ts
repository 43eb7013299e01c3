/**
 * The ingest as one pure function: source files in, generated entries (file name → text) out.
 * parse → normalise → classify → render. The orchestrator (scripts/ingest.ts) does the I/O.
 * From PARALLEL_FROM records on, a worker thread takes part of the per-paper work
 * (topics/parallel.ts); the result is the same as on one thread.
 */
import { PaperSchema, type Paper } from '../../src/schemas/paper.ts';
import type { Redirect } from '../../src/schemas/redirect.ts';
import { buildFromPrepared } from './build-papers.ts';
import { parseSource } from './parse/index.ts';
import { renderPaperMdx } from './render.ts';
import { inSourcesFolder, SOURCES_FOLDER } from './sources-folder.ts';
import { startStopwatch } from './stopwatch.ts';
import { analyzeTopics } from './topics/analyze.ts';
import { prepareRecords, withHelper, type TopicsHelper } from './topics/parallel.ts';
import type { TopicDefinition } from './topics/topics-yaml.ts';
import type { Problem, RawRecord, SourceFile } from './types.ts';

/** Everything one ingest run produces. */
export interface IngestResult {
	/**
	 * Generated files for `content/papers/`, by file name, in name order. Empty when there are
	 * errors, and when they went to `openSink` instead.
	 */
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
	/** Former addresses of papers that moved to their arXiv id (`_redirects.json`). */
	redirects: Redirect[];
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
	/**
	 * Called once before rendering with the number of entries to come; the function it returns
	 * is then given every entry as soon as it is rendered (so the caller can write while the
	 * rest render). When the result has errors, whatever it was given must be discarded.
	 * The entries are then not kept in the result: 100,000 of them held until the end made the
	 * garbage collector copy 500 MB of text while rendering.
	 */
	openSink?: (total: number) => (name: string, text: string) => void;
	/** Use a worker thread from this many records on (default PARALLEL_FROM; tests vary it). */
	parallelFrom?: number;
	/**
	 * The sources folder as hints name it (`--sources` as the operator gave it, relative to the
	 * working folder); default `content/sources`. Problems name files relative to it.
	 */
	sourcesFolder?: string;
}

/** Runs parse → normalise → (classify) → validate → render over every source file. */
export function ingest(sources: SourceFile[], options: IngestOptions = {}): IngestResult {
	const { timings, lap, add } = startStopwatch();
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const records: RawRecord[] = [];
	const folder = options.sourcesFolder ?? SOURCES_FOLDER;
	if (sources.length === 0) {
		errors.push({
			file: '.',
			line: 0,
			message: 'no source files',
			hint: `put trending pages (.txt) or arXiv JSON Lines (.jsonl) in ${inSourcesFolder('', folder)}`,
		});
	}
	for (const source of [...sources].sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const result = parseSource(source, folder);
		records.push(...result.records);
		errors.push(...result.errors);
		warnings.push(...result.warnings);
	}
	const empty = {
		entries: new Map<string, string>(),
		papers: [],
		records: records.length,
		duplicates: 0,
		errors,
		warnings,
		topicCounts: [],
		catchAll: [],
		redirects: [],
		timings,
	};
	lap('parse');
	if (errors.length > 0) return empty;
	const recordCount = records.length;

	// From PARALLEL_FROM records on a worker thread takes part of the per-paper work.
	return withHelper(records.length, options.parallelFrom, afterParse);

	function afterParse(helper: TopicsHelper | undefined): IngestResult {
		const { records: prepared, problems } = prepareRecords(records, helper);
		// The raw records are not read again: let their text go, so that its space in the heap
		// is reused by what follows instead of new memory (each new page costs a fault).
		records.length = 0;
		// A record that could not be normalised (LaTeX nested too deep, …) fails the run at its place.
		if (problems.length > 0) {
			errors.push(...problems);
			lap('normalise');
			return empty;
		}
		const {
			papers: built,
			duplicates,
			redirects,
			warnings: notes,
		} = buildFromPrepared(prepared, folder);
		warnings.push(...notes);
		lap('normalise');
		// Topics, keywords and related papers need the whole corpus (IDF, neighbours), so they are
		// computed for all papers at once, before each entry is validated and rendered.
		const analysis = options.topics
			? analyzeTopics(
					built.map((b) => b.paper),
					options.topics,
					{ helper },
				)
			: undefined;
		analysis?.papers.forEach((fields, i) => Object.assign(built[i]!.paper, fields));
		if (analysis) add(analysis.timings, 'topics: ');
		else lap('topics');
		const entries = new Map<string, string>();
		const papers: Paper[] = [];
		const emit = options.openSink?.(built.length + 2);
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
			// The objects that passed, not zod's copies: 100,000 copies kept to the end cost the
			// garbage collector about 0.5 s (the schema has no transforms, so they are equal).
			papers.push(paper);
			const text = renderPaperMdx(checked.data, body);
			if (emit) emit(`${paper.slug}.mdx`, text);
			else entries.set(`${paper.slug}.mdx`, text);
			options.onProgress?.(i + 1, built.length);
		});
		if (errors.length > 0) return { ...empty, duplicates };
		lap('validate and render');
		const topicsJson = `${JSON.stringify(analysis?.topics ?? [], null, '\t')}\n`;
		const redirectsJson = `${JSON.stringify(redirects, null, '\t')}\n`;
		for (const [name, text] of [
			['_topics.json', topicsJson],
			['_redirects.json', redirectsJson],
		] as const) {
			if (emit) emit(name, text);
			else entries.set(name, text);
		}
		const sorted = new Map([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
		const derived = (analysis?.topics ?? []).filter((t) => t.derived);
		return {
			entries: sorted,
			papers,
			records: recordCount,
			duplicates,
			errors,
			warnings,
			topicCounts: [
				...(analysis?.counts ?? []),
				...derived.map((t) => ({ slug: t.slug, count: t.count })),
			],
			catchAll: analysis?.catchAll ?? [],
			redirects,
			timings,
		};
	}
}
