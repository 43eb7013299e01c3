/**
 * The cards step of a build, in two halves so drawing can overlap Astro's page rendering:
 * `prepareCards` hashes every card and starts drawing the ones missing from the cache in worker
 * threads; `placeCards` waits for them and hard-links (or copies) each cached PNG into the output.
 */
import {
	copyFileSync,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fontVersions, loadCatalogue, pickFontFiles } from './fonts.ts';
import { listCardJobs, type CardJob, type PaperIndex, type SiteText } from './jobs.ts';
import { cardKey } from './key.ts';
import { cardText, TEMPLATE_VERSION } from './layout.ts';
import { drawInWorkers } from './pool.ts';
import { PNG_OPTIONS } from './size.ts';

/** Where drawn cards are kept between builds (outside the output, survives `rm -rf dist`). */
export const CACHE_DIR = 'node_modules/.cache/abstracta-cards';

/** What a cards step did: written to `<cache>/last-build.json` and logged. */
export interface CardStats {
	cards: number;
	drawn: number;
	cached: number;
	/** Wall-clock milliseconds spent drawing (0 when everything came from the cache). */
	drawMs: number;
	/** Cards of an earlier build removed from the card folders (a paper that moved or left). */
	removed: number;
}

/** A started cards step. */
export interface PreparedCards {
	jobs: Array<CardJob & { file: string }>;
	/** Resolves with the milliseconds the drawing took, when the last missing card is drawn. */
	done: Promise<number>;
	cacheDir: string;
	drawn: number;
}

/** Modules whose code decides a card's pixels. */
const DRAWING_SOURCES = [
	'cards/layout.ts',
	'cards/size.ts',
	'cards/text.ts',
	'cards/render.ts',
	'cards/raster.ts',
	'cards/woff.ts',
	'cards/fonts.ts',
	'cards/inter-metrics.json',
	'math-text.ts',
	// What math-text.ts reads titles with.
	'latex-prose.ts',
	'unicode-scripts.ts',
	'format.ts',
];

/** Everything besides a card's own data and fonts that changes its pixels. */
function environment(root: string): string {
	const version = (pkg: string): string =>
		(
			JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
				version: string;
			}
		).version;
	const sharpVersion = version('sharp');
	const harfbuzzVersion = version('harfbuzzjs');
	const icon = readFileSync(join(root, 'src/assets/icon.svg'), 'utf8');
	// The drawing code itself: editing the layout or the text shaping redraws every card.
	const code = createHash('sha256');
	for (const f of DRAWING_SOURCES) code.update(readFileSync(join(root, 'src/lib', f)));
	return [
		TEMPLATE_VERSION,
		`sharp@${sharpVersion}`,
		`harfbuzzjs@${harfbuzzVersion}`,
		JSON.stringify(PNG_OPTIONS),
		fontVersions(join(root, 'node_modules')),
		icon,
		code.digest('hex'),
	].join('\n');
}

/** Lists, hashes and starts drawing the cards of `root`'s content. */
export function prepareCards(root: string, site: SiteText, threads?: number): PreparedCards {
	const indexFile = join(root, CACHE_DIR, 'papers-index.json');
	let index: PaperIndex = {};
	try {
		index = JSON.parse(readFileSync(indexFile, 'utf8')) as PaperIndex;
	} catch {
		// first build, or an unreadable index: parse every entry
	}
	const listed = listCardJobs(root, site, index);
	const prepared = prepareCardJobs(root, listed.jobs, threads);
	writeFileSync(indexFile, JSON.stringify(listed.index));
	return prepared;
}

/** Cards with the cache file each one is stored in (named by its content hash). */
export function keyCardJobs(
	root: string,
	cards: CardJob[],
	cacheDir = join(root, CACHE_DIR),
): Array<CardJob & { file: string }> {
	const env = environment(root);
	const catalogue = loadCatalogue(join(root, 'node_modules'));
	return cards.map((j) => {
		const fonts = pickFontFiles(catalogue, cardText(j.card)).map((f) => f.path);
		return { ...j, file: join(cacheDir, `${cardKey(j.card, fonts, env)}.png`) };
	});
}

/** Hashes `cards` and starts drawing those missing from the cache (`cacheDir` for benchmarks). */
export function prepareCardJobs(
	root: string,
	cards: CardJob[],
	threads?: number,
	cacheDir = join(root, CACHE_DIR),
): PreparedCards {
	mkdirSync(cacheDir, { recursive: true });
	const jobs = keyCardJobs(root, cards, cacheDir);
	const seen = new Set<string>();
	const missing = jobs.filter((j) => !existsSync(j.file) && !seen.has(j.file) && seen.add(j.file));
	const started = performance.now();
	// Timed when drawing ends, not when the build collects it (often minutes later).
	const done = drawInWorkers(
		missing.map((j) => ({ card: j.card, file: j.file })),
		root,
		threads,
	).then(() => performance.now() - started);
	// Failures surface in placeCards; avoid an unhandled rejection while Astro renders pages.
	done.catch(() => undefined);
	return { jobs, done, drawn: missing.length, cacheDir };
}

/**
 * Deletes the files of the card folders that are not this build's cards; returns how many.
 * The cards own their folders. The output pruning (stale-output.ts) cannot tell an old card by
 * its change time: a card is a hard link to its cached file, and linking the cache file to a
 * paper's new address touched the inode that its old address still shared.
 */
function removeOthers(dirs: ReadonlySet<string>, cards: ReadonlySet<string>): number {
	let removed = 0;
	for (const dir of dirs)
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory() || cards.has(path)) continue;
			rmSync(path);
			removed++;
		}
	return removed;
}

/** Waits for drawing, then links every card into `outDir`; returns what happened. */
export async function placeCards(prepared: PreparedCards, outDir: string): Promise<CardStats> {
	const took = await prepared.done;
	const drawMs = prepared.drawn ? took : 0;
	const dirs = new Set<string>();
	for (const j of prepared.jobs) {
		const target = join(outDir, j.out);
		const dir = dirname(target);
		if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
		dirs.add(dir);
		try {
			linkSync(j.file, target);
		} catch (e) {
			// Left over from an earlier build into the same folder: replace it.
			if ((e as NodeJS.ErrnoException).code === 'EEXIST') rmSync(target);
			try {
				linkSync(j.file, target);
			} catch {
				copyFileSync(j.file, target); // another filesystem, or links not allowed
			}
		}
	}
	const stats: CardStats = {
		cards: prepared.jobs.length,
		drawn: prepared.drawn,
		cached: prepared.jobs.length - prepared.drawn,
		drawMs: Math.round(drawMs),
		removed: removeOthers(dirs, new Set(prepared.jobs.map((j) => join(outDir, j.out)))),
	};
	writeFileSync(join(prepared.cacheDir, 'last-build.json'), JSON.stringify(stats) + '\n');
	return stats;
}
