/**
 * Ingest orchestrator: content/sources/ → content/papers/*.mdx.
 *   1. read the source files          (write.ts)
 *   2. parse, normalise, classify, render  (pipeline.ts, pure)
 *   3. on any error: print them all with file and line, write nothing, exit 1
 *   4. write the entries atomically, as they are rendered (write.ts, write-worker.ts)
 *   5. print the summary               (report.ts)
 * Usage: npm run ingest -- [--sources DIR] [--out DIR] [--topics FILE] [--quiet] [--help]
 * (the options and their defaults: ingest/cli.ts).
 * (Node runs the TypeScript itself since 22.18; `npm run ingest` uses the pinned Node.)
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { outFolderProblem, parseIngestArgs, USAGE, USAGE_HINT } from './ingest/cli.ts';
import { ingest } from './ingest/pipeline.ts';
import { createProgress, formatProblem, formatProblems, formatSummary } from './ingest/report.ts';
import { readTopicsYaml } from './ingest/topics/topics-yaml.ts';
import { readSourceFiles, SourceReadError, writeFolder } from './ingest/write.ts';
import { openFolderSink, type EntrySink } from './ingest/write-worker.ts';

const cli = parseIngestArgs(process.argv.slice(2));
if (cli.kind === 'help') {
	process.stdout.write(USAGE);
	process.exit(0);
}
if (cli.kind === 'error') {
	// A mistyped command (exit 2, as command-line tools do) is not bad input (exit 1).
	console.error(`ingest: ${cli.message}\n  hint: ${USAGE_HINT}`);
	process.exit(2);
}
const values = cli.options;

/** Stops the run on a problem found before anything is written: its message, exit 1. */
function fail(message: string, hint?: string): never {
	console.error(
		`error: ${message}${hint ? `\n  hint: ${hint}` : ''}\ningest: nothing was written.`,
	);
	process.exit(1);
}

/** A path as messages show it: relative to here when inside it, else absolute. */
function shown(path: string): string {
	const inside = relative(process.cwd(), resolve(path));
	return inside.startsWith('..') ? resolve(path) : inside || '.';
}

const started = performance.now();
// The taxonomy: a broken topics.yaml stops the run before anything is parsed or written.
const topicsFile = shown(values.topics);
if (!existsSync(values.topics))
	fail(`${topicsFile}: file not found`, 'pass --topics FILE or restore content/topics.yaml');
const taxonomy = readTopicsYaml(readFileSync(values.topics, 'utf8'), topicsFile);
if (taxonomy.problems.length > 0) {
	for (const p of taxonomy.problems)
		console.error(`error: ${p.file}:${p.line}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`);
	console.error(
		`ingest: ${taxonomy.problems.length} error(s) in ${topicsFile}; nothing was written.`,
	);
	process.exit(1);
}
// Where problems are.
const sourcesFolder = shown(values.sources);
// A mistyped --sources is named as such: read as an empty folder it said "/x/.: no source files".
if (!existsSync(values.sources) || !statSync(values.sources).isDirectory()) {
	const what = existsSync(values.sources) ? 'is not a folder' : 'no such folder';
	fail(`${sourcesFolder}: ${what}`, 'pass --sources DIR, a folder of .txt and .jsonl files');
}
// The output folder is replaced whole: never the sources, the taxonomy or someone's files.
const real = (path: string): string => (existsSync(path) ? realpathSync(path) : resolve(path));
const outDir = real(values.out);
const outIsFile = existsSync(outDir) && !statSync(outDir).isDirectory();
const outProblem = outIsFile
	? 'is a file, not a folder'
	: outFolderProblem(
			{ out: outDir, sources: real(values.sources), topics: real(values.topics) },
			existsSync(outDir) ? readdirSync(outDir) : [],
		);
if (outProblem)
	fail(`--out ${values.out} ${outProblem}`, 'pass --out an empty folder, or one the ingest wrote');
let mark = performance.now();
let sources: ReturnType<typeof readSourceFiles>;
try {
	sources = readSourceFiles(resolve(values.sources));
} catch (e) {
	// A file that cannot be read (a link to nothing, too large): named in the folder as the
	// other problems are, with its hint, and nothing is written.
	if (!(e instanceof SourceReadError)) fail((e as Error).message);
	console.error(
		`${formatProblem('error', e.problem, sourcesFolder)}\ningest: nothing was written.`,
	);
	process.exit(1);
}
const readMs = performance.now() - mark;
let bar: ((done: number) => void) | undefined;
// Entries are written while the rest render (on a worker thread for big corpora), into a
// staging folder that replaces the output only once all are written.
let sink: EntrySink | undefined;
const result = ingest(sources, {
	topics: taxonomy.topics,
	sourcesFolder,
	openSink: (total) => {
		const opened = openFolderSink(resolve(values.out), total);
		sink = opened;
		return (name, text) => opened.add(name, text);
	},
	onProgress: (done, total) => {
		bar ??= createProgress(total, 'ingest');
		bar(done);
	},
});

// At most a few per file and kind: the rest are counted (report.ts).
for (const line of formatProblems('warning', result.warnings, sourcesFolder)) console.warn(line);
if (result.errors.length > 0) {
	await sink?.abort();
	for (const line of formatProblems('error', result.errors, sourcesFolder)) console.error(line);
	console.error(`ingest: ${result.errors.length} error(s); nothing was written.`);
	process.exit(1);
}
mark = performance.now();
// What is left to write once everything is rendered.
const written = sink ? await sink.finish() : writeFolder(resolve(values.out), result.entries);
const timings = [
	{ stage: 'read', ms: readMs },
	...result.timings,
	{ stage: 'write', ms: performance.now() - mark },
];
if (!values.quiet) {
	console.log(
		formatSummary({
			sources: sources.length,
			records: result.records,
			papers: result.papers.length,
			duplicates: result.duplicates,
			...written,
			milliseconds: performance.now() - started,
			topics: result.topicCounts,
			catchAll: result.catchAll,
			redirects: result.redirects,
			timings,
		}),
	);
}
