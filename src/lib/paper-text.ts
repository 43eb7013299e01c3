/**
 * The long text of every paper (its abstract as HTML and as plain text), and in a second file the
 * fields only its own page shows (topic reasons, keywords, related papers), kept beside Astro's
 * content store instead of inside it.
 *
 * Why: Astro bundles the whole content store into the build as one JavaScript string module.
 * With both texts in it, the store of 10,000 papers was 38 MB and Node took 12–33 s to compile
 * that one module on every build; at 100,000 papers the string would approach V8's limit. The
 * store now holds the metadata and a one-sentence teaser (what listing pages need); paper pages
 * and feeds read the rest from these files, written by the papers loader.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PaperPageFields } from '../schemas/paper.ts';

/** Where the texts live, relative to the project root (Astro's cache folder). */
export const TEXT_FILE = 'node_modules/.astro/abstracta-paper-text.json';
/** Bumped when the file's shape changes: an old file is then ignored and rewritten. */
const VERSION = 4;

/** The long text of one paper. */
export interface PaperText {
	/** The entry digest the text belongs to (content and renderer version). */
	digest: string;
	/**
	 * Digest of what the HTML was compiled from (the abstract and the renderer version): an
	 * entry whose metadata changed but whose abstract did not keeps its HTML.
	 */
	source: string;
	/** The abstract compiled to HTML (math as MathML). */
	html: string;
	/** The plain-text abstract (math as its TeX source). */
	summary: string;
}

/** Reads the texts file; an absent, unreadable or old file gives an empty map. */
export function readPaperTexts(file: string): Map<string, PaperText> {
	if (!existsSync(file)) return new Map();
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
			version: number;
			papers: Record<string, PaperText>;
		};
		return parsed.version === VERSION ? new Map(Object.entries(parsed.papers)) : new Map();
	} catch {
		return new Map();
	}
}

/** Writes the texts file atomically (a reader never sees half a file), ids sorted. */
export function writePaperTexts(file: string, texts: ReadonlyMap<string, PaperText>): void {
	const papers: Record<string, PaperText> = {};
	for (const id of [...texts.keys()].sort()) papers[id] = texts.get(id)!;
	writeWhole(file, JSON.stringify({ version: VERSION, papers }));
}

/** Writes `file` whole or not at all (beside, then renamed): a reader never sees half a file. */
function writeWhole(file: string, text: string): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, text);
	renameSync(tmp, file);
}

/**
 * Where the fields only a paper's own page shows live (topic reasons, keywords, related papers):
 * one line per paper, `id<TAB>entry digest<TAB>JSON`, ids sorted. Lines of text rather than one
 * JSON document: reading and writing them handles strings only (as one JSON document of objects,
 * 10,050 papers cost 0.6 s to parse and 0.9-1.9 s to write on every rebuild), and a page parses
 * only its own line.
 */
export const FIELDS_FILE = 'node_modules/.astro/abstracta-page-fields.tsv';

/**
 * Where the fields the search index reads live (title, authors, keywords, …: `SearchFields` of
 * `src/lib/search-page.ts`), in the same line format. The Pagefind integration builds its pages
 * to index from them and the texts file before Astro renders anything.
 */
export const SEARCH_FILE = 'node_modules/.astro/abstracta-search.tsv';

/** One paper's line in the fields or search file: its JSON, and the entry digest it belongs to. */
export interface RecordLine {
	digest: string;
	json: string;
}

/** Reads a file of record lines; an absent file gives an empty map, a malformed line is skipped. */
export function readRecordLines(file: string): Map<string, RecordLine> {
	const out = new Map<string, RecordLine>();
	if (!existsSync(file)) return out;
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const a = line.indexOf('\t');
		const b = line.indexOf('\t', a + 1);
		if (a > 0 && b > a)
			out.set(line.slice(0, a), { digest: line.slice(a + 1, b), json: line.slice(b + 1) });
	}
	return out;
}

/** Writes a file of record lines atomically, ids sorted (JSON from JSON.stringify has no raw tab or newline). */
export function writeRecordLines(file: string, records: ReadonlyMap<string, RecordLine>): void {
	const lines = [...records.keys()].sort().map((id) => {
		const r = records.get(id)!;
		return `${id}\t${r.digest}\t${r.json}\n`;
	});
	writeWhole(file, lines.join(''));
}

/**
 * A reader of one paper's record in `relative` (a file under the project root, which the build
 * runs from): the file is read once, and again whenever it changes (as in `astro dev`). Throws
 * when the record is missing or was made from another version of the entry (`digest`).
 */
function currentRecords<T extends { digest: string }>(
	relative: string,
	read: (file: string) => Map<string, T>,
	what: string,
): (id: string, digest: string | number | undefined) => T {
	let cache: { mtimeMs: number; records: Map<string, T> } | undefined;
	return (id, digest) => {
		const file = join(process.cwd(), relative);
		const mtimeMs = existsSync(file) ? statSync(file).mtimeMs : 0;
		if (cache?.mtimeMs !== mtimeMs) cache = { mtimeMs, records: read(file) };
		const record = cache.records.get(id);
		if (!record || (digest !== undefined && record.digest !== String(digest)))
			throw new Error(`no current ${what} for paper ${id} in ${relative}: run the build again`);
		return record;
	};
}

const textOf = currentRecords(TEXT_FILE, readPaperTexts, 'text');
const fieldsOf = currentRecords(FIELDS_FILE, readRecordLines, 'page fields');

/** The long text of the paper with this `id` and entry `digest` (see `currentRecords`). */
export function paperText(id: string, digest: string | number | undefined): PaperText {
	return textOf(id, digest);
}

/** The page-only fields of the paper with this `id` and entry `digest` (see `currentRecords`). */
export function pageFields(id: string, digest: string | number | undefined): PaperPageFields {
	return JSON.parse(fieldsOf(id, digest).json) as PaperPageFields;
}
