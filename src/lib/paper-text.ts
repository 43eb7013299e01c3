/**
 * The long text of every paper (its abstract as HTML and as plain text) and the fields only its
 * own page shows (topic reasons, keywords, related papers), kept beside Astro's content store
 * instead of inside it.
 *
 * Why: Astro bundles the whole content store into the build as one JavaScript string module.
 * With both texts in it, the store of 10,000 papers was 38 MB and Node took 12–33 s to compile
 * that one module on every build; at 100,000 papers the string would approach V8's limit. The
 * store now holds the metadata and a one-sentence teaser (what listing pages need); paper pages
 * and feeds read the rest from this file, written by the papers loader.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PaperPageFields } from '../schemas/paper.ts';

/** Where the texts live, relative to the project root (Astro's cache folder). */
export const TEXT_FILE = 'node_modules/.astro/abstracta-paper-text.json';
/** Bumped when the file's shape changes: an old file is then ignored and rewritten. */
const VERSION = 3;

/** The long text of one paper, and the fields only its page shows. */
export interface PaperText extends PaperPageFields {
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
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify({ version: VERSION, papers }));
	renameSync(tmp, file);
}

let cache: { mtimeMs: number; texts: Map<string, PaperText> } | undefined;

/**
 * The long text of the paper with this `id` and entry `digest`, from the file the loader wrote
 * (read once, and again when it changes, as in `astro dev`; the build runs from the project
 * root). Throws when the text is missing or was made from another version of the entry.
 */
export function paperText(id: string, digest: string | number | undefined): PaperText {
	const file = join(process.cwd(), TEXT_FILE);
	const mtimeMs = existsSync(file) ? statSync(file).mtimeMs : 0;
	if (cache?.mtimeMs !== mtimeMs) cache = { mtimeMs, texts: readPaperTexts(file) };
	const text = cache.texts.get(id);
	if (!text || (digest !== undefined && text.digest !== String(digest)))
		throw new Error(`no current text for paper ${id} in ${TEXT_FILE}: run the build again`);
	return text;
}
