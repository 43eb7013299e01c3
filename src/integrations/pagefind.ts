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
	/**
	 * Bundle fragments into at most this many files (fewer files to precache on big sites).
	 * Costs bytes on every query: a result then loads its whole group of fragments (see
	 * docs/BENCHMARKS.md, "Search"), so it stays off by default.
	 */
	maxFragments?: number;
	/** Extra selectors to leave out of the index. */
	excludeSelectors?: string[];
	/**
	 * Size of one word-index chunk, in Pagefind's unit (word positions + pages). A query
	 * downloads the chunks that hold its words, so smaller chunks mean fewer bytes per query;
	 * every chunk adds one range entry (≈ 14 bytes) to the metadata all queries load.
	 */
	indexChunkSize?: number;
	/**
	 * Which HTML files of the output to read (relative glob). Only pages that carry
	 * `data-pagefind-body` are indexed; reading no others saves parsing them.
	 */
	glob?: string;
}

/**
 * Default word-index chunk size. Pagefind's own (20,000) gives ≈ 26 KB compressed chunks, and
 * a two-word query loads two of them; measured on 1,074 and 10,000 papers in docs/BENCHMARKS.md.
 */
export const INDEX_CHUNK_SIZE = 2500;

/**
 * Selectors left out of every index: KaTeX's TeX source copy of each formula (the MathML
 * <annotation>), which repeated every formula as TeX commands in the index and excerpts.
 */
export const EXCLUDE_SELECTORS = ['annotation'];

/** Pagefind 1.6 reads the chunk size from the service's environment (no API option yet). */
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

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

/** What one index run produced. */
export interface IndexStats {
	pages: number;
	/** Word-index chunk files, and the largest one in bytes (as served: Pagefind gzips them). */
	chunks: number;
	largestChunk: number;
}

/** Runs Pagefind over `dir` and writes `dir/pagefind/`; throws with every error Pagefind reports. */
export async function indexSite(dir: string, options: PagefindOptions = {}): Promise<IndexStats> {
	const previous = process.env[CHUNK_SIZE_ENV];
	try {
		// A fresh service reads the chunk size from the environment it is started with.
		await pagefind.close();
		process.env[CHUNK_SIZE_ENV] = String(options.indexChunkSize ?? INDEX_CHUNK_SIZE);
		const created = await pagefind.createIndex({
			forceLanguage: 'en',
			excludeSelectors: [...EXCLUDE_SELECTORS, ...(options.excludeSelectors ?? [])],
			...(options.maxFragments ? { maxFragments: options.maxFragments } : {}),
		});
		if (!created.index) throw new Error(created.errors.join('\n') || 'no index');
		const added = await created.index.addDirectory({
			path: dir,
			...(options.glob ? { glob: options.glob } : {}),
		});
		if (added.errors.length) throw new Error(added.errors.join('\n'));
		const got = await created.index.getFiles();
		if (got.errors.length) throw new Error(got.errors.join('\n'));
		syncBundle(join(dir, 'pagefind'), got.files);
		const sizes = got.files.filter((f) => f.path.startsWith('index/')).map((f) => f.content.length);
		return { pages: added.page_count, chunks: sizes.length, largestChunk: Math.max(0, ...sizes) };
	} finally {
		if (previous === undefined) delete process.env[CHUNK_SIZE_ENV];
		else process.env[CHUNK_SIZE_ENV] = previous;
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
				const { pages, chunks, largestChunk } = await indexSite(fileURLToPath(dir), options);
				if (pages === 0) logger.warn('Pagefind indexed no pages (no data-pagefind-body?)');
				else
					logger.info(
						`Pagefind read ${pages} pages: ${chunks} index chunks, largest ${(largestChunk / 1024).toFixed(1)} KB`,
					);
				logger.info(`[timing] pagefind: ${((performance.now() - started) / 1000).toFixed(2)} s`);
			},
		},
	};
}
