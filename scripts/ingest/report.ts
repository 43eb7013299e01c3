/** Human-readable output of the ingest: problems with their places, and the summary. */
import { inSourcesFolder, SOURCES_FOLDER } from './sources-folder.ts';
import type { Problem } from './types.ts';

/**
 * Formats a problem as `content/sources/file:line: message (hint)`; `folder` is the sources
 * folder as the operator named it (`--sources`), so the place printed is one they can open.
 */
export function formatProblem(
	kind: 'error' | 'warning',
	p: Problem,
	folder = SOURCES_FOLDER,
): string {
	const where = `${inSourcesFolder(p.file, folder)}${p.line > 0 ? `:${p.line}` : ''}`;
	return `${kind}: ${where}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}

/** How many problems of one kind (errors or warnings) are printed per file before a count. */
export const PROBLEMS_PER_FILE_MAX = 10;

/**
 * Formats problems of one kind as formatProblem does, at most `max` per file: after them one
 * line, `error: … and 40673 more in content/sources/a.jsonl`. A file wrong throughout (JSON
 * pretty-printed, a page wrapped at 80 columns) printed tens of thousands of lines, and the
 * problems of the other files were lost in them. The counts stay whole.
 */
export function formatProblems(
	kind: 'error' | 'warning',
	problems: readonly Problem[],
	folder = SOURCES_FOLDER,
	max = PROBLEMS_PER_FILE_MAX,
): string[] {
	const total = new Map<string, number>();
	for (const p of problems) total.set(p.file, (total.get(p.file) ?? 0) + 1);
	const shown = new Map<string, number>();
	const lines: string[] = [];
	for (const p of problems) {
		const n = (shown.get(p.file) ?? 0) + 1;
		shown.set(p.file, n);
		if (n <= max) lines.push(formatProblem(kind, p, folder));
		const more = total.get(p.file)! - max;
		if (n === max && more > 0)
			lines.push(`${kind}: … and ${more} more in ${inSourcesFolder(p.file, folder)}`);
	}
	return lines;
}

/** The figures of one ingest run. */
export interface IngestSummary {
	sources: number;
	records: number;
	papers: number;
	duplicates: number;
	written: number;
	unchanged: number;
	removed: number;
	milliseconds: number;
	/** Time per stage, printed as `[timing]` lines. */
	timings?: Array<{ stage: string; ms: number }>;
	topics?: Array<{ slug: string; count: number }>;
	catchAll?: string[];
	/** Former addresses of papers that moved to their arXiv id. */
	redirects?: Array<{ from: string; to: string }>;
}

/** Formats the end-of-run summary. */
export function formatSummary(s: IngestSummary): string {
	const lines = [
		`ingest: ${s.sources} source file(s), ${s.records} record(s) → ${s.papers} paper(s), ${s.duplicates} duplicate(s) merged`,
		// Files, not papers: the two lists beside the entries (_topics.json, _redirects.json) count too.
		`ingest: files ${s.written} written, ${s.unchanged} unchanged, ${s.removed} removed (an .mdx per paper, plus _topics.json and _redirects.json) in ${(s.milliseconds / 1000).toFixed(2)} s`,
	];
	if (s.timings)
		lines.push(
			`[timing] ingest: ${s.timings.map((t) => `${t.stage} ${(t.ms / 1000).toFixed(2)} s`).join(', ')}`,
		);
	if (s.topics)
		lines.push(`ingest: topics ${s.topics.map((t) => `${t.slug} ${t.count}`).join(', ')}`);
	if (s.catchAll && s.catchAll.length > 0)
		lines.push(
			`ingest: ${s.catchAll.length} paper(s) in the catch-all topic: ${firstFew(s.catchAll)}`,
		);
	if (s.redirects && s.redirects.length > 0)
		lines.push(
			// Said as the state of the site: it is printed on every run, not only the one that moved them.
			`ingest: ${s.redirects.length} former address(es) redirect to the paper's arXiv id: ${firstFew(s.redirects.map((r) => `${r.from} → ${r.to}`))}`,
		);
	return lines.join('\n');
}

/** How many names a summary line lists before it only counts the rest. */
export const SUMMARY_LIST_MAX = 10;

/**
 * The first SUMMARY_LIST_MAX names and a count of the others: a dump of 100,000 papers once
 * printed 12,885 catch-all slugs on one line, which buried the rest of the summary.
 */
function firstFew(names: readonly string[]): string {
	const shown = names.slice(0, SUMMARY_LIST_MAX).join(', ');
	const more = names.length - SUMMARY_LIST_MAX;
	return more > 0 ? `${shown} and ${more} more` : shown;
}

/** A progress bar for long runs, drawn only on a TTY. */
export function createProgress(
	total: number,
	label: string,
	stream: NodeJS.WriteStream = process.stderr,
): (done: number) => void {
	if (!stream.isTTY || total < 2000) return () => {};
	let lastPct = -1;
	return (done: number) => {
		const pct = Math.floor((done / total) * 100);
		if (pct === lastPct) return;
		lastPct = pct;
		const width = 30;
		const filled = Math.round((pct / 100) * width);
		stream.write(
			`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%${done >= total ? '\n' : ''}`,
		);
	};
}
