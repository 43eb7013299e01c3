/**
 * From parsed records to papers: merge duplicates, normalise, assign slugs. Pure.
 * Topics, keywords and related papers are filled in afterwards by the classify stage.
 *
 * Two steps: `prepareRecord` does everything that needs one record alone (normalising, the
 * duplicate key, the abstract's MDX), so it can run on several threads; `buildFromPrepared`
 * does what needs them all (merging, slugs, order).
 */
import type { Paper, SourceRef } from '../../src/schemas/paper.ts';
import type { Redirect } from '../../src/schemas/redirect.ts';
import { InputProblem, type Problem, type RawRecord } from './types.ts';
import { compareListing } from '../../src/lib/listing.ts';
import { firstOf, mergeByKey, sameTitleWarnings, textKeys, type MergedRecord } from './dedupe.ts';
import { readableTitle } from '../../src/lib/math-text.ts';
import {
	codeUrlsIn,
	extractShortName,
	namesSomeAuthors,
	newCodeUrls,
	closeBidi,
	normalizeParagraphs,
	normalizeTitle,
	normalizeWhitespace,
	splitAuthors,
	splitCategories,
} from './normalize.ts';
import { renderParagraphsMdx } from './render.ts';
import { assignSlugsKeepingFormer } from './slug.ts';
import { inSourcesFolder, SOURCES_FOLDER } from './sources-folder.ts';

/** A paper ready for classification and rendering, with its abstract's MDX body. */
export interface BuiltPaper {
	paper: Paper;
	body: string;
}

/**
 * One record with everything computed from it alone: plain data (it crosses threads).
 * Optional metadata is `undefined` when the record lacks it and `null` when it has a value that
 * normalises to nothing, so that the first record carrying a field wins, as with raw records.
 */
export interface PreparedRecord {
	source: SourceRef;
	date: string;
	/** See RawRecord.listed. */
	listed?: boolean;
	/** Its position on the listing, for a listed record (RawRecord.rank). */
	rank?: number;
	arxivId?: string;
	/** Text identity for duplicate detection (`textKeys`). */
	key: string;
	/** Identity of a long abstract alone (`textKeys`): an edited title is the same paper. */
	abstractKey?: string;
	/** A hash of the title alone (`textKeys`), to find papers kept apart under one title. */
	titleHash: number;
	title: string;
	shortName?: string;
	summary: string;
	codeUrls: string[];
	hasMath: boolean;
	/** The abstract as MDX. */
	body: string;
	authors?: string[];
	/** See Paper.moreAuthors. */
	moreAuthors?: true;
	categories?: string[];
	doi?: string | null;
	journalRef?: string | null;
	comments?: string | null;
	/** See RawRecord.submitted, .revised and .version. */
	submitted?: string;
	revised?: string;
	version?: number;
}

// Plain-text fields read as titles do: prose TeX and `$…$` formulas as Unicode (a comment's
// `[$\bar{\mathbf{G}}(...)\mathbf{P}_i^s$ …]` was shown as typed).
const optional = (s: string | undefined): string | undefined =>
	s ? closeBidi(readableTitle(normalizeWhitespace(s))) || undefined : undefined;
const field = (s: string | undefined): string | null | undefined =>
	s === undefined ? undefined : (optional(s) ?? null);

/** Normalises one record: everything that does not depend on the other records. */
export function prepareRecord(r: RawRecord): PreparedRecord {
	const title = normalizeTitle(r.title);
	// `\emph{}` is a title in the file but none on the page: an empty <h1>, "· Abstracta".
	if (/[\\$]/.test(title) && readableTitle(title).trim() === '')
		throw new InputProblem(
			`the title "${title}" reads as nothing once its TeX is read`,
			'give the paper a title with words',
		);
	const abstract = normalizeParagraphs(r.abstract);
	const { key, abstractKey, titleHash } = textKeys(r);
	return {
		source: r.source,
		date: r.date,
		...(r.listed ? { listed: true, rank: r.rank } : {}),
		arxivId: r.arxivId,
		key,
		// Named, not spread: 100,000 records built through a spread in the literal held about
		// 0.3 GB more at the ingest's peak.
		...(abstractKey ? { abstractKey } : {}),
		titleHash,
		title,
		shortName: extractShortName(title),
		summary: abstract.text,
		// The abstract's code links first, then those only the comments give.
		codeUrls: r.comments
			? newCodeUrls(abstract.codeUrls, codeUrlsIn(r.comments))
			: abstract.codeUrls,
		hasMath: abstract.hasMath,
		body: renderParagraphsMdx(abstract.paragraphs),
		authors: r.authors === undefined ? undefined : splitAuthors(r.authors),
		...(namesSomeAuthors(r.authors) ? { moreAuthors: true as const } : {}),
		categories: r.categories === undefined ? undefined : splitCategories(r.categories),
		doi: field(r.doi),
		journalRef: field(r.journalRef),
		comments: field(r.comments),
		...(r.submitted ? { submitted: r.submitted } : {}),
		...(r.revised ? { revised: r.revised, version: r.version } : {}),
	};
}

/** Records prepared from a run of records, and a Problem for each one that could not be. */
export interface PreparedRun {
	records: PreparedRecord[];
	problems: Problem[];
}

/**
 * `prepareRecord` over a run of records (on either thread). Whatever one record throws becomes
 * a Problem at its place, so that it is reported with file and line like other bad input, and
 * the others are still read (every problem of a run is reported at once). Plain data: it crosses
 * threads.
 */
export function prepareRun(records: readonly RawRecord[]): PreparedRun {
	const prepared: PreparedRecord[] = [];
	const problems: Problem[] = [];
	for (const r of records) {
		try {
			prepared.push(prepareRecord(r));
		} catch (e) {
			problems.push(recordProblem(r, e));
		}
	}
	return { records: prepared, problems };
}

/** What a record that could not be prepared is reported as. */
function recordProblem(r: RawRecord, e: unknown): Problem {
	const { file, line } = r.source;
	if (e instanceof InputProblem) return { file, line, message: e.message, hint: e.hint };
	// Not a known limit: a bug, or input nobody foresaw. Still named with its place, not a stack.
	const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
	return {
		file,
		line,
		message: `this record could not be normalised (${message})`,
		hint: 'if the record looks fine, report it as an ingest bug with this line',
	};
}

/** Papers built from records, with the former addresses of those that moved. */
export interface BuiltPapers {
	/** Sorted by listing: newest date first, then rank. */
	papers: BuiltPaper[];
	/** Records merged into another record of the same paper. */
	duplicates: number;
	/** Former slug → current slug, sorted (see `assignSlugsKeepingFormer`): `_redirects.json`. */
	redirects: Redirect[];
	/** What the operator should know about the listings as a whole (see sameTitleWarnings). */
	warnings: Problem[];
}

/**
 * Puts first the record that dates the paper, which becomes its primary (date, rank, text): its
 * earliest listing on a trending page, else its newest arXiv record (latest `update_date`, then
 * highest version). Not simply the first file by name: the same sources in folders named
 * otherwise (`arxiv/`, `trending/`) dated a listed paper by its arXiv record's update instead, and
 * it left its day's page; and v1 in an old dump kept its title and abstract over v2 in a new one.
 */
function primaryFirst(m: MergedRecord<PreparedRecord>): void {
	let best: PreparedRecord | undefined;
	for (const r of m.records) if (r.listed && (!best || r.date < best.date)) best = r;
	best ??= newestRecord(m.records);
	if (!best || best === m.primary) return;
	m.primary = best;
	m.records = [best, ...m.records.filter((r) => r !== best)];
}

/**
 * A paper's records in the order its metadata is read (`firstOf`): the primary, then the others
 * newest first (`newer`; a trending page's copy gives no arXiv field, wherever it falls), so that
 * every field an arXiv record gives comes from the paper's newest version. In source order a
 * paper whose primary is a trending page took the id, authors, categories and comments of v1 in
 * an old dump over v2 in a new one, beside v2's DOI and history: "revised v2" over v1's authors,
 * with links and BibTeX to v1. The paper's sources keep source order (`m.records` is not changed).
 */
function metadataOrder(m: MergedRecord<PreparedRecord>): MergedRecord<PreparedRecord> {
	// The primary and one other record are in order already: nearly every paper of a dump.
	if (m.records.length <= 2) return m;
	const [primary, ...others] = m.records;
	others.sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
	return { primary: primary!, records: [primary!, ...others] };
}

/** A paper's newest arXiv record (not a listing): the one whose `update_date` is its last update. */
function newestRecord(records: readonly PreparedRecord[]): PreparedRecord | undefined {
	let best: PreparedRecord | undefined;
	for (const r of records) if (!r.listed && (!best || newer(r, best))) best = r;
	return best;
}

/** Whether record `a` is a later state of the paper than `b` (ties keep source order). */
function newer(a: PreparedRecord, b: PreparedRecord): boolean {
	if (a.date !== b.date) return a.date > b.date;
	return versionOf(a.arxivId) > versionOf(b.arxivId);
}

/** The version an arXiv id names (`2401.00001v3` → 3), 0 for none. */
const versionOf = (id: string | undefined): number => Number(/v(\d+)\s*$/.exec(id ?? '')?.[1] ?? 0);

/** Turns records (in source order) into papers, sorted by listing: newest date first, then rank. */
export function buildPapers(records: RawRecord[]): BuiltPapers {
	return buildFromPrepared(records.map(prepareRecord));
}

/**
 * `buildPapers` from prepared records (in source order). `folder` is the sources folder as
 * messages name it (`--sources`): a warning that names a second file names it there, as the
 * report names the warning's own.
 */
export function buildFromPrepared(
	records: PreparedRecord[],
	folder: string = SOURCES_FOLDER,
): BuiltPapers {
	const { merged, duplicates } = mergeByKey(records, (r) => r.key);
	merged.forEach(primaryFirst);
	const metadata = merged.map(metadataOrder);
	const arxivIds = metadata.map((m) => firstOf(m, 'arxivId')?.trim());
	const slugInputs = merged.map(({ primary: p }, i) => ({
		arxivId: arxivIds[i],
		title: p.title,
		shortName: p.shortName,
		identity: `${p.title}\n${p.summary}`,
		order: `${p.date}\u0000${p.source.file}\u0000${String(p.source.line).padStart(9, '0')}`,
	}));
	// A paper listed without an arXiv id (a trending page) that an arXiv record joined moves
	// from its name slug to its id: its old address redirects, and no other paper takes it.
	const { slugs, moved } = assignSlugsKeepingFormer(
		slugInputs,
		merged.map((m) => m.records.some((r) => !r.arxivId?.trim())),
	);
	const redirects = moved.map(([from, to]) => ({ from, to }));
	const warnings = sameTitleWarnings(
		merged.map((m) => m.primary),
		arxivIds,
		slugs,
		folder,
	);
	// Places on the days (the paper's rank on its own, see placesOnDays for the others): a paper
	// a trending page lists keeps its place on that page, also when papers listed the day
	// before come first on it; a second page of the same day (files by name) counts on after
	// the first. Records of arXiv JSON Lines, whose lines span many days, follow that day's
	// listed papers in source order (files by name, then lines): their line in the file gave
	// "#659 on the day" of 169 papers. By their own place in the sources, not by their paper's
	// first record: a trending page that lists a paper of a dump moves no paper of the dump.
	const pageLength = new Map<string, number>(); // `date file` → its last position
	for (const m of merged)
		for (const r of m.records)
			if (r.rank !== undefined) {
				const page = `${r.date}\u0000${r.source.file}`;
				pageLength.set(page, Math.max(pageLength.get(page) ?? 0, r.rank));
			}
	const offset = new Map<string, number>(); // `date file` → positions of the day's earlier pages
	const perDay = new Map<string, number>(); // date → positions taken
	const firstPage = new Map<string, string>(); // date → the file of its first page
	for (const [page, length] of [...pageLength].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const at = page.indexOf('\u0000');
		const date = page.slice(0, at);
		offset.set(page, perDay.get(date) ?? 0);
		perDay.set(date, (perDay.get(date) ?? 0) + length);
		// Two files of one day are most often one page saved twice (`… (1).txt`): said, with
		// both names, since the ranks of the second count on after the first's.
		const first = firstPage.get(date);
		if (first === undefined) firstPage.set(date, page.slice(at + 1));
		else
			warnings.push({
				file: page.slice(at + 1),
				line: 0,
				message: `lists ${date}, as ${inSourcesFolder(first, folder)} does: the papers only it lists rank after that page's`,
				hint: 'if one file is a copy of the other (a second download saved as "name (1).txt"), remove it; a day split over files is ranked in file name order',
			});
	}
	const arxivPlaces: SourceRef[] = []; // numbered once all are known
	const papers = merged.map((m, i): BuiltPaper => {
		const p = m.primary;
		const meta = metadata[i]!;
		const sources = placesOnDays(
			m.records,
			(r) => offset.get(`${r.date}\u0000${r.source.file}`)! + r.rank!,
			arxivPlaces,
		);
		const paper: Paper = {
			title: p.title,
			shortName: p.shortName,
			slug: slugs[i]!,
			date: p.date,
			// The primary record is first, and always has a place on its own day (an arXiv
			// record's is numbered below).
			rank: sources[0]!.rank!,
			sources,
			// Every record's code links: a trending copy without a link and the arXiv record
			// whose comments give one are the same paper.
			codeUrls: m.records.reduce<string[]>((urls, r) => newCodeUrls(urls, r.codeUrls), []),
			arxivId: arxivIds[i],
			authors: firstOf(meta, 'authors') ?? [],
			// From the record that gave the names.
			moreAuthors: meta.records.find((r) => r.authors !== undefined)?.moreAuthors,
			categories: firstOf(meta, 'categories') ?? [],
			doi: firstOf(meta, 'doi') ?? undefined,
			journalRef: firstOf(meta, 'journalRef') ?? undefined,
			comments: firstOf(meta, 'comments') ?? undefined,
			...history(m.records),
			topics: [],
			topicReasons: {},
			keywords: [],
			related: [],
			hasMath: p.hasMath,
			summary: p.summary,
		};
		return { paper, body: p.body };
	});
	arxivPlaces.sort(
		(a, b) =>
			(a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0) ||
			(a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
	);
	for (const ref of arxivPlaces) {
		ref.rank = (perDay.get(ref.date!) ?? 0) + 1;
		perDay.set(ref.date!, ref.rank);
	}
	for (const { paper } of papers) if (paper.rank === 0) paper.rank = paper.sources[0]!.rank!;
	papers.sort((a, b) => compareListing(a.paper, b.paper));
	return { papers, duplicates, redirects, warnings };
}

/**
 * Each record's source with the day it gives the paper and, when it puts the paper on that day's
 * page, its place there (SourceRef.rank). A trending page repeats most of the day before's
 * papers, and the archive's page of its day shows them all: every listing gives a place
 * (`listedPlace`), then the newest arXiv record (an older dump's `update_date` is no longer the
 * record's last update), each on a day the paper has no place on yet. The arXiv record's place
 * is numbered later, with every other of its day: its ref is added to `arxivPlaces` with rank 0.
 */
function placesOnDays(
	records: readonly PreparedRecord[],
	listedPlace: (r: PreparedRecord) => number,
	arxivPlaces: SourceRef[],
): SourceRef[] {
	const placed = (r: PreparedRecord, rank: number): SourceRef => {
		const ref = { file: r.source.file, line: r.source.line, date: r.date, rank };
		if (!r.listed) arxivPlaces.push(ref);
		return ref;
	};
	const only = records.length === 1 ? records[0]! : undefined;
	// Nearly every paper of a dump has one record: no map or set for it.
	if (only) return [placed(only, only.listed ? listedPlace(only) : 0)];
	const newest = newestRecord(records);
	const places = new Map<PreparedRecord, number>();
	const days = new Set<string>();
	for (const r of records)
		if (r.listed && !days.has(r.date)) {
			places.set(r, listedPlace(r));
			days.add(r.date);
		}
	if (newest && !days.has(newest.date)) places.set(newest, 0);
	return records.map((r) => {
		const rank = places.get(r);
		// Literals of one shape: 100,000 papers hold one of these per record until written.
		return rank === undefined
			? { file: r.source.file, line: r.source.line, date: r.date }
			: placed(r, rank);
	});
}

/**
 * A paper's arXiv history from the record that knows most of it (the most versions: v2 in a new
 * dump over v1 in an old one); nothing when no record has one.
 */
function history(
	records: readonly PreparedRecord[],
): Pick<Paper, 'submitted' | 'revised' | 'version'> {
	let best: PreparedRecord | undefined;
	for (const r of records)
		if (r.submitted && (!best || (r.version ?? 1) > (best.version ?? 1))) best = r;
	if (!best) return {};
	return best.revised
		? { submitted: best.submitted, revised: best.revised, version: best.version }
		: { submitted: best.submitted };
}
