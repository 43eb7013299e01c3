/**
 * Ingest orchestrator: content/sources/ → content/papers/*.mdx.
 *   1. read the source files          (write.ts)
 *   2. parse, normalise, classify, render  (pipeline.ts, pure)
 *   3. on any error: print them all with file and line, write nothing, exit 1
 *   4. write the entries atomically    (write.ts)
 *   5. print the summary               (report.ts)
 * Usage: tsx scripts/ingest.ts [--sources DIR] [--out DIR] [--quiet]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from './ingest/pipeline.ts';
import { createProgress, formatProblem, formatSummary } from './ingest/report.ts';
import { readSourceFiles, writeFolder } from './ingest/write.ts';

const { values } = parseArgs({
	options: {
		sources: { type: 'string', default: 'content/sources' },
		out: { type: 'string', default: 'content/papers' },
		quiet: { type: 'boolean', default: false },
	},
});

const started = performance.now();
const sources = readSourceFiles(resolve(values.sources));
let bar: ((done: number) => void) | undefined;
const result = ingest(sources, {
	onProgress: (done, total) => {
		bar ??= createProgress(total, 'ingest');
		bar(done);
	},
});

for (const w of result.warnings) console.warn(formatProblem('warning', w));
if (result.errors.length > 0) {
	for (const e of result.errors) console.error(formatProblem('error', e));
	console.error(`ingest: ${result.errors.length} error(s); nothing was written.`);
	process.exit(1);
}
const written = writeFolder(resolve(values.out), result.entries);
if (!values.quiet) {
	console.log(
		formatSummary({
			sources: sources.length,
			records: result.records,
			papers: result.papers.length,
			duplicates: result.duplicates,
			...written,
			milliseconds: performance.now() - started,
		}),
	);
}
