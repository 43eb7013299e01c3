/**
 * Generates the service worker (workbox-build: `generateSW` once per workbox version and
 * options, `getManifest` per build) as the last step of the build, after
 * Pagefind, so the index is in the precache manifest. Register this integration after the
 * others in astro.config.mjs.
 *
 * - Small site (precache ≤ `SITE.offlinePrecacheLimitBytes`): every page, feed, asset and the
 *   whole Pagefind index are precached at install; the site then works offline.
 * - Large site: the shell, the search page and Pagefind's core are precached; pages, feeds and
 *   index chunks are cached as they are used.
 *
 * Updates are atomic: every cache name carries a build id (a hash of the precached files), a
 * new service worker fills its own caches, and on activation it deletes every cache of other
 * builds. A full precache is one consistent copy of the site, so its update waits until the
 * reader accepts it; a core precache is no copy of the site, and the deployment it was built
 * for has deleted the index chunks its entry names, so it takes over at once (readers are not
 * asked, and no page reloads). Pages the reader kept offline are fetched again into the new
 * build's caches while it installs, so an update does not empty the reading list. Everything
 * the worker needs to know of its build is in `sw.js` itself: an imported helper script can
 * come from an HTTP cache or a CDN edge a build older, whose clean-up deleted the new caches.
 * Pagefind's `?ts=` cache buster is ignored when matching the precache.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GenerateSWOptions } from 'workbox-build';
import { fileURLToPath } from 'node:url';
import { SITE } from '../site.config.ts';
import { cacheNames, planPrecache } from '../lib/offline-plan.ts';
import { siteDigest } from '../lib/site-digest.ts';
import { normaliseBase, OFFLINE_PAGE } from '../lib/urls.ts';
import { SEARCH_PARAMS } from '../scripts/search-state.ts';

/** Where the per-file hashes of the last build are kept, relative to the project root. */
export const DIGEST_CACHE = 'node_modules/.cache/abstracta-sw/file-hashes.json';

/** Options of the service worker integration. */
export interface ServiceWorkerOptions {
	/** Precache the whole site while it stays under this many bytes. */
	precacheLimitBytes?: number;
}

/** Everything a reader may need offline; cards and unused Pagefind UIs are left out. */
export const ALL = [
	'**/*.{html,css,js,mjs,xml,json,svg,ico,png,webp,woff2,txt,opml,xsl,webmanifest}',
	'pagefind/**/*.{pf_meta,pf_index,pf_filter,pf_fragment,pf_sort,pagefind}',
];
/** The files this integration writes at the top of the output folder, in every build. */
export const SW_FILES = ['sw.js'];
export const IGNORE = [
	...SW_FILES,
	'og/**',
	'pagefind/pagefind-ui.*',
	'pagefind/pagefind-modular-ui.*',
	'pagefind/pagefind-component-ui.*',
	'pagefind/pagefind-highlight.js',
	// Search runs without Pagefind's worker (pagefind-load.ts).
	'pagefind/pagefind-worker.js',
	// Feeds and sitemaps are for feed readers and crawlers, and change with every build: 14% of a
	// full precache, downloaded again after each deploy. A feed opened is cached as it is read.
	'**/rss.xml',
	'feed.json',
	'feeds.opml',
	'sitemap-*.xml',
];
/** Files above this size are never precached (workbox skips them with a warning). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The files `ALL` selects and `IGNORE` leaves out, as a predicate (tests/unit/site-digest.test.ts
 * checks it against workbox's own globbing): the build id covers exactly the precachable files.
 */
export function isPrecachable(path: string): boolean {
	const included =
		/\.(html|css|js|mjs|xml|json|svg|ico|png|webp|woff2|txt|opml|xsl|webmanifest)$/.test(path) ||
		/^pagefind\/.*\.(pf_meta|pf_index|pf_filter|pf_fragment|pf_sort|pagefind)$/.test(path);
	const ignored =
		/^(sw\.js|og\/.*|pagefind\/pagefind-(ui|modular-ui|component-ui)\..*|pagefind\/pagefind-(highlight|worker)\.js|(.*\/)?rss\.xml|feed\.json|feeds\.opml|sitemap-[^/]*\.xml)$/.test(
			path,
		);
	const hidden = /(^|\/)\./.test(path); // glob's `**` skips them too
	return included && !ignored && !hidden;
}

/**
 * The shell of a large site: listing page 1, search, offline notice, assets and icons, Pagefind
 * core. Not Pagefind's worker script (search runs without it) nor the wasm of pages with no
 * language (`wasm.unknown.pagefind`, unused when the pages name theirs: see coreIgnores).
 */
const CORE = [
	'index.html',
	'404.html',
	'search/index.html',
	`${OFFLINE_PAGE}index.html`,
	'_astro/**/*.{css,js,woff2}',
	'*.{svg,ico,png,webmanifest}',
	'pagefind/pagefind.js',
	'pagefind/pagefind-entry.json',
	'pagefind/*.pf_meta',
	'pagefind/wasm.*.pagefind',
	'pagefind/filter/*.pf_filter',
	'pagefind/sort/*.pf_sort',
];

/** What a core precache leaves out of CORE's matches in `dir`. */
function coreIgnores(dir: string): string[] {
	const wasm = existsSync(join(dir, 'pagefind'))
		? readdirSync(join(dir, 'pagefind')).filter((f) => /^wasm\..+\.pagefind$/.test(f))
		: [];
	return wasm.length > 1 ? ['pagefind/wasm.unknown.pagefind'] : [];
}

/**
 * A workbox plugin for NetworkFirst routes: a server error (5xx) counts as no answer, so the
 * copy the reader saved is shown instead of the error page; with no saved copy the server's own
 * answer is given (not the offline notice: the reader is online). Why: NetworkFirst falls back
 * only when the network fails outright, so a CDN's 503 replaced a page saved for reading. The
 * functions are copied into sw.js as source text: they share state only through `self`.
 */
export const SERVER_ERROR_FALLBACK = {
	fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
		if (response.status < 500) return response;
		const held = ((
			self as unknown as { abstractaFailed?: Map<string, Response> }
		).abstractaFailed ??= new Map());
		held.set(request.url, response);
		throw new Error(`server error ${response.status}`);
	},
	handlerDidError: async ({ request }: { request: Request }) => {
		const held = (self as unknown as { abstractaFailed?: Map<string, Response> }).abstractaFailed;
		const response = held?.get(request.url);
		held?.delete(request.url);
		return response;
	},
};

/** Pages carried over from the previous build's caches at most, per update. */
export const CARRY_OVER_LIMIT = 300;

/**
 * The part of `sw.js` that knows its build (prepended to workbox's code): the build id, the
 * clean-up of other builds' caches on activation, the core mode's immediate take-over, the
 * carry-over of kept pages at install, and the answer to a page's `GET_BUILD` question.
 */
export function buildSnippet(buildId: string, mode: 'full' | 'core'): string {
	const names = cacheNames(buildId);
	const json = JSON.stringify;
	return [
		`self.ABSTRACTA_BUILD=${json({ id: buildId, mode })};`,
		`(()=>{const P=${json(names.prefix)},CARRY=${mode === 'core' ? CARRY_OVER_LIMIT : 0};`,
		// What the reader used under an older build, fetched afresh into this build's caches of
		// the same kind: pages, and the index chunks of the searches they ran (a chunk's name is
		// its content's hash: one the new index still has is fetched, one it dropped is left).
		`async function carry(kind){const mine=P+kind,c=await caches.open(mine),urls=new Set();`,
		`for(const n of await caches.keys())if(n.startsWith('abstracta-')&&n.endsWith('-'+kind)&&n!==mine)`,
		`for(const r of await (await caches.open(n)).keys())urls.add(r.url);`,
		`const list=[...urls].slice(0,CARRY);for(let i=0;i<list.length;i+=6)`,
		`await Promise.all(list.slice(i,i+6).map(u=>fetch(u,{cache:'no-cache'}).then(r=>r.ok&&c.put(u,r)).catch(()=>{})))}`,
		// Asked again once the carrying is done: a worker asked only at the start was seen to stay
		// waiting behind an older build's worker.
		`self.addEventListener('install',e=>{if(CARRY>0){self.skipWaiting();`,
		`e.waitUntil(Promise.all([carry('pages'),carry('search')]).then(()=>self.skipWaiting()))}});`,
		`self.addEventListener('activate',e=>e.waitUntil(caches.keys().then(k=>Promise.all(`,
		`k.filter(n=>n.startsWith('abstracta-')&&!n.startsWith(P)).map(n=>caches.delete(n))))));`,
		`self.addEventListener('message',e=>{if(e.data&&e.data.type==='GET_BUILD')`,
		`{const to=(e.ports&&e.ports[0])||e.source;to&&to.postMessage({type:'BUILD',...self.ABSTRACTA_BUILD})}});})();`,
		'',
	].join('');
}

/**
 * workbox-build, loaded when first needed: it takes ~0.9 s to import, which every build paid at
 * start-up, before anything else could run. (Hashing the pages while Pagefind runs was tried
 * too: it saved 1.4-3 s of the service worker step and cost as much in Pagefind's, which uses
 * both cores.)
 */
const loadWorkbox = (): Promise<typeof import('workbox-build')> => import('workbox-build');

/** Stands for the build id in a kept service worker (12 characters, like the id). */
const BUILD_ID_MARK = 'zqxbuildidzq';
/** Stands for the precache manifest in a kept service worker. */
const MANIFEST_MARK = '__abstracta_precache__';
/** How the bundled code spells the one placeholder entry (terser's output of workbox 7). */
const MANIFEST_LITERAL = `[{url:"${MANIFEST_MARK}",revision:null}]`;

/** The workbox-build version, part of every kept service worker's key. */
function workboxVersion(): string {
	const require = createRequire(import.meta.url);
	// Up from its entry point to its own manifest (a nested package.json has no name).
	for (
		let dir = dirname(require.resolve('workbox-build'));
		dir !== dirname(dir);
		dir = dirname(dir)
	) {
		const file = join(dir, 'package.json');
		if (!existsSync(file)) continue;
		const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
		if (manifest.name === 'workbox-build' && manifest.version) return manifest.version;
	}
	throw new Error('workbox-build: no package.json with its version');
}

/**
 * The service worker for `options` with placeholders for the build id and the precache
 * manifest, kept in `cacheDir` per workbox version and options. Why: `generateSW` bundles
 * workbox's runtime with rollup, babel and terser on every call (0.5-1 s of the build's last
 * step), although that code changes only with workbox and these options; the manifest and the
 * build id are filled in per build (`writeServiceWorker`).
 */
async function serviceWorkerTemplate(
	options: Omit<GenerateSWOptions, 'globDirectory' | 'globPatterns' | 'swDest'>,
	cacheDir: string,
): Promise<string> {
	const key = createHash('sha256')
		.update(workboxVersion())
		.update(
			JSON.stringify(options, (_, v: unknown) =>
				v instanceof RegExp || typeof v === 'function' ? String(v) : v,
			),
		)
		.digest('hex')
		.slice(0, 16);
	const file = join(cacheDir, `sw-${key}.js`);
	if (existsSync(file)) return readFileSync(file, 'utf8');
	const scratch = mkdtempSync(join(tmpdir(), 'abstracta-sw-'));
	try {
		const { generateSW } = await loadWorkbox();
		await generateSW({
			...options,
			globDirectory: scratch,
			globPatterns: [],
			additionalManifestEntries: [{ url: MANIFEST_MARK, revision: null }],
			swDest: join(scratch, 'sw.js'),
		});
		const code = readFileSync(join(scratch, 'sw.js'), 'utf8');
		if (code.split(MANIFEST_LITERAL).length !== 2 || !code.includes(BUILD_ID_MARK))
			throw new Error('workbox wrote its service worker in an unknown shape');
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(`${file}.tmp`, code);
		renameSync(`${file}.tmp`, file);
		return code;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** Writes `sw.js` into `dir`; returns what it precached. */
export async function writeServiceWorker(
	dir: string,
	base: string,
	limitBytes: number,
	cacheFile: string,
): Promise<{
	mode: 'full' | 'core';
	count: number;
	size: number;
	buildId: string;
	hashed: number;
}> {
	const all = siteDigest(dir, isPrecachable, cacheFile, MAX_FILE_BYTES);
	const plan = planPrecache(all.size, limitBytes);
	// The mode is part of the id: a full and a core build of the same files shared cache names,
	// so going from one to the other cleaned nothing up and lost the pages the reader kept.
	const buildId = createHash('sha256').update(`${all.digest}\n${plan}`).digest('hex').slice(0, 12);
	// Precache keys are file URLs (directoryIndex is not applied to fallbacks).
	const offlineUrl = `${base}${OFFLINE_PAGE}index.html`;
	const { getManifest } = await loadWorkbox();
	const manifest = await getManifest({
		globDirectory: dir,
		globIgnores: plan === 'full' ? IGNORE : [...IGNORE, ...coreIgnores(dir)],
		maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
		globPatterns: plan === 'full' ? ALL : CORE,
		modifyURLPrefix: { '': base },
		// Hashed names never change content; no cache-busting needed when fetching them.
		dontCacheBustURLsMatching: /(\/_astro\/|\.pf_(index|fragment|filter|meta|sort)$|\.pagefind$)/,
	});
	const marked = cacheNames(BUILD_ID_MARK);
	const template = await serviceWorkerTemplate(
		{
			mode: 'production',
			sourcemap: false,
			inlineWorkboxRuntime: true,
			cacheId: marked.prefix.replace(/-$/, ''),
			cleanupOutdatedCaches: true,
			// The reader decides when a new build takes over (update notice → SKIP_WAITING message).
			skipWaiting: false,
			clientsClaim: true,
			directoryIndex: 'index.html',
			ignoreURLParametersMatching: [
				/^ts$/,
				/^utm_/,
				...SEARCH_PARAMS.map((name) => new RegExp(`^${name}$`)),
			],
			runtimeCaching: [
				{
					urlPattern: ({ request }) => request.mode === 'navigate',
					handler: 'NetworkFirst',
					options: {
						cacheName: marked.pages,
						networkTimeoutSeconds: 5,
						// Before the offline page: a server error with nothing saved is shown as it is.
						plugins: [SERVER_ERROR_FALLBACK],
						precacheFallback: { fallbackURL: offlineUrl },
					},
				},
				{
					urlPattern: /\/pagefind\/(index|fragment|filter|sort)\/[^/]+$/,
					handler: 'CacheFirst',
					options: { cacheName: marked.search },
				},
				{
					urlPattern: /\.(xml|json|opml|xsl)$/,
					handler: 'NetworkFirst',
					options: {
						cacheName: marked.pages,
						networkTimeoutSeconds: 5,
						plugins: [SERVER_ERROR_FALLBACK],
					},
				},
			],
		},
		join(dirname(cacheFile), 'templates'),
	);
	// Function replacements: `$` patterns in the manifest must stay as they are.
	const code =
		buildSnippet(buildId, plan) +
		template
			.replace(MANIFEST_LITERAL, () => JSON.stringify(manifest.manifestEntries))
			.replaceAll(BUILD_ID_MARK, () => buildId);
	writeFileSync(join(dir, 'sw.js'), code);
	return { mode: plan, count: manifest.count, size: manifest.size, buildId, hashed: all.hashed };
}

/** A short stable name for a folder path (for per-folder cache files). */
const slugOf = (path: string): string =>
	createHash('sha256').update(path).digest('hex').slice(0, 8);

/** The Astro integration. */
export default function serviceWorker(options: ServiceWorkerOptions = {}): AstroIntegration {
	let base = '/';
	let root = process.cwd();
	return {
		name: 'abstracta:service-worker',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = normaliseBase(config.base);
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const limit = options.precacheLimitBytes ?? SITE.offlinePrecacheLimitBytes;
				const outDir = fileURLToPath(dir);
				// One hash cache per output folder (dist/ and a BASE_PATH build do not share one).
				const cacheFile = join(root, DIGEST_CACHE.replace(/\.json$/, `-${slugOf(outDir)}.json`));
				const sw = await writeServiceWorker(outDir, base, limit, cacheFile);
				logger.info(
					`service worker ${sw.buildId}: ${sw.mode} precache, ${sw.count} files, ` +
						`${(sw.size / 1024).toFixed(0)} KiB (${sw.hashed} files hashed, the rest cached)`,
				);
				logger.info(
					`[timing] service worker: ${((performance.now() - started) / 1000).toFixed(2)} s`,
				);
			},
		},
	};
}
