/**
 * Builds the Pagefind index from the finished site in `astro:build:done` (the Node API, as
 * Starlight does), so it is part of every `astro build` and of `npm run build`, and any step
 * registered after it (the service worker) sees the index. Index errors fail the build.
 *
 * In `astro dev` it serves the index of the last build (`<outDir>/pagefind/`) at
 * `<base>pagefind/`, so search works in development after one `npm run build`.
 */
import type { AstroIntegration } from 'astro';
import {
	createReadStream,
	existsSync,
	mkdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { pruneStale } from './stale-output.ts';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
	/** Bundle fragments into at most this many files (smaller offline precache on big sites). */
	maxFragments?: number;
	/** Extra selectors to leave out of the index. */
	excludeSelectors?: string[];
}

const DEV_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
};

/** Pagefind's content-addressed files (index chunks, fragments, filters, metadata). */
const HASHED = /_[0-9a-f]{7,}\.pf_[a-z]+$/;

/**
 * Writes Pagefind's files into `bundle`, leaving in place every file that is already there with
 * the same content (content-addressed names are trusted; other files are compared), and removes
 * every other file: a daily rebuild of a big site writes only the new fragments and chunks, and
 * nothing of the previous index survives. Returns how many files were written.
 */
export function syncBundle(bundle: string, files: ReadonlyArray<pagefind.IndexFile>): number {
	const keep = new Set<string>();
	const made = new Set<string>();
	let written = 0;
	for (const f of files) {
		const path = join(bundle, f.path);
		keep.add(path);
		if (existsSync(path)) {
			if (HASHED.test(f.path)) continue;
			if (Buffer.from(f.content).equals(readFileSync(path))) continue;
		}
		const dir = dirname(path);
		if (!made.has(dir)) mkdirSync(dir, { recursive: true });
		made.add(dir);
		writeFileSync(path, f.content);
		written++;
	}
	pruneStale(bundle, Number.POSITIVE_INFINITY, { keep });
	return written;
}

/** Runs Pagefind over `dir` and writes `dir/pagefind/`; throws with every error Pagefind reports. */
export async function indexSite(dir: string, options: PagefindOptions = {}): Promise<number> {
	try {
		const created = await pagefind.createIndex({
			forceLanguage: 'en',
			...(options.excludeSelectors ? { excludeSelectors: options.excludeSelectors } : {}),
			...(options.maxFragments ? { maxFragments: options.maxFragments } : {}),
		});
		if (!created.index) throw new Error(created.errors.join('\n') || 'no index');
		const added = await created.index.addDirectory({ path: dir });
		if (added.errors.length) throw new Error(added.errors.join('\n'));
		const got = await created.index.getFiles();
		if (got.errors.length) throw new Error(got.errors.join('\n'));
		syncBundle(join(dir, 'pagefind'), got.files);
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

/** The Astro integration. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
	let outDir = 'dist';
	let base = '/';
	return {
		name: 'abstracta:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server, logger }) => {
				const bundle = join(outDir, 'pagefind');
				if (!existsSync(bundle))
					logger.warn(`no search index in ${bundle}: run \`npm run build\` once for dev search`);
				const prefix = `${base}pagefind/`;
				server.middlewares.use((req, res, next) => {
					const url = new URL(req.url ?? '/', 'http://dev');
					if (!url.pathname.startsWith(prefix)) return next();
					const file = normalize(join(bundle, url.pathname.slice(prefix.length)));
					if (!file.startsWith(bundle + sep) || !existsSync(file) || !statSync(file).isFile())
						return next();
					res.setHeader('content-type', DEV_TYPES[extname(file)] ?? 'application/octet-stream');
					res.setHeader('cache-control', 'no-cache');
					createReadStream(file).pipe(res);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				// Removed pages are already gone: the stale-output pass runs before this one.
				const pages = await indexSite(fileURLToPath(dir), options);
				if (pages === 0) logger.warn('Pagefind indexed no pages (no data-pagefind-body?)');
				else logger.info(`Pagefind indexed ${pages} pages`);
				logger.info(`[timing] pagefind: ${((performance.now() - started) / 1000).toFixed(2)} s`);
			},
		},
	};
}
