/**
 * Builds the Pagefind index (Pagefind's command line, from the `pagefind` package) as part of
 * every `astro build` and `npm run build`; any step registered after it (the service worker) sees
 * the index, and index errors fail the build. By default Pagefind starts in `astro:build:start`,
 * once the content is synced, on small pages made from the content (`src/lib/search-site.ts`:
 * the indexed region of each paper page, so the index is the same), and runs while Astro renders
 * the site; `astro:build:done` waits for it and moves the index into `<outDir>/pagefind/`.
 * Without the content's side files it indexes the rendered pages in `astro:build:done`.
 *
 * In `astro dev` it serves the index of the last build (`<outDir>/pagefind/`) at
 * `<base>pagefind/`, so search works in development after one `npm run build`.
 */
import type { AstroIntegration } from 'astro';
import { fork, spawn } from 'node:child_process';
import {
	copyFileSync,
	createReadStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
	dropUnnamed,
	FRAGMENT_DIR,
	fragmentFile,
	fragmentFullName,
	fragmentJson,
	fragmentUrl,
	keepFragments,
	linkKept,
	nextManifest,
	readManifest,
	reusable,
	suspectFragments,
} from '../lib/pagefind-reuse.ts';
import { splitSorts } from '../lib/pagefind-sorts.ts';
import { SEARCH_SITE_DIR } from '../lib/search-site.ts';
import type { EarlyRequest, EarlyResult } from './pagefind-early.ts';
import { pruneStale } from './stale-output.ts';
import { PAGEFIND_ENTRY_FILE, type PagefindEntry } from '../lib/pagefind-entry.ts';
import { normaliseBase, PAGEFIND_DIR, pagefindUrl } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

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
	/**
	 * Index the papers as soon as the content is synced, from small pages written from the
	 * content (`src/lib/search-site.ts`), while Astro renders the site, instead of the rendered
	 * pages afterwards: the same index, with Pagefind off the build's critical path. On by
	 * default; when the content's side files are missing the rendered pages are indexed.
	 */
	early?: boolean;
}

/**
 * Default word-index chunk size. Pagefind's own (20,000) gives ≈ 26 KB compressed chunks, and
 * a two-word query loads two of them; measured on 1,074 and 10,000 papers in docs/BENCHMARKS.md.
 */
export const INDEX_CHUNK_SIZE = 2500;

/**
 * Selectors left out of every index: each formula's MathML, whose text ran scripts into the line
 * ("1018" for 10¹⁸), and with it KaTeX's TeX copy (the <annotation>), which repeated every
 * formula as TeX commands. The index reads each formula's text from the hidden span beside its
 * MathML instead (rehypeMathText in src/lib/render-abstract.ts).
 */
export const EXCLUDE_SELECTORS = ['math'];

/** Pagefind 1.6 reads the chunk size from its environment (no CLI flag or API option yet). */
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

const DEV_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
};

/**
 * The Pagefind executable of the `pagefind` package (its platform package's binary), or the
 * one named by PAGEFIND_BINARY_PATH, the variable the package itself honours.
 */
export function pagefindBinary(): string {
	const fromEnv = process.env.PAGEFIND_BINARY_PATH ?? process.env.PAGEFIND_EXTENDED_BINARY_PATH;
	if (fromEnv) return fromEnv;
	const require = createRequire(import.meta.url);
	const platform = process.platform === 'win32' ? 'windows' : process.platform;
	const exe = platform === 'windows' ? '.exe' : '';
	for (const name of ['pagefind_extended', 'pagefind']) {
		try {
			return require.resolve(`@pagefind/${platform}-${arch()}/bin/${name}${exe}`);
		} catch {
			// try the next name
		}
	}
	throw new Error(
		`no Pagefind binary for ${platform}-${arch()}: reinstall with \`npm ci\`, or set PAGEFIND_BINARY_PATH`,
	);
}

/** What one index run produced. */
export interface IndexStats {
	pages: number;
	/** Word-index chunk files, and the largest one in bytes (as served: Pagefind gzips them). */
	chunks: number;
	largestChunk: number;
}

/** The command line that indexes `dir` into `dir/pagefind/` (or `outputPath`). */
export function pagefindArgs(
	dir: string,
	options: PagefindOptions & { outputPath?: string } = {},
): string[] {
	const output = options.outputPath ?? join(dir, PAGEFIND_DIR);
	// The site's language (as its pages' `lang`): Pagefind stems words by it.
	const args = ['--site', dir, '--output-path', output, '--force-language', SITE.lang];
	for (const selector of [...EXCLUDE_SELECTORS, ...(options.excludeSelectors ?? [])])
		args.push('--exclude-selectors', selector);
	if (options.glob) args.push('--glob', options.glob);
	if (options.maxFragments) args.push('--max-fragments', String(options.maxFragments));
	return args;
}

/** Fragments of an earlier index to reuse (src/lib/pagefind-reuse.ts). */
export interface ReuseRequest {
	/** Folder of the kept fragments and their manifest. */
	cache: string;
	/** Per paper id, the digest of its search page in `site`. */
	hashes: Readonly<Record<string, string>>;
	/** The URL Pagefind gives a paper's page. */
	urlOf: (id: string) => string;
}

/** What the reuse did in one index run. */
export interface ReuseStats {
	/** Fragments taken from the earlier index, and fragments Pagefind wrote. */
	reused: number;
	written: number;
	/** Reused files the new index gave to another page, rewritten with that page's fragment. */
	repaired: number;
}

/** Runs Pagefind over `site` into `output`; resolves with its output, throws with it on failure. */
async function pagefindInto(
	site: string,
	output: string,
	options: PagefindOptions,
): Promise<string> {
	const result = await run(
		pagefindBinary(),
		pagefindArgs(site, { ...options, outputPath: output }),
		{
			...process.env,
			[CHUNK_SIZE_ENV]: String(options.indexChunkSize ?? INDEX_CHUNK_SIZE),
		},
	);
	if (result.code !== 0)
		throw new Error(`Pagefind failed (exit code ${result.code}):\n${result.output.trim()}`);
	return result.output;
}

/** Pagefind's version, its options and the chunk size: what a fragment's bytes depend on. */
function reuseKey(options: PagefindOptions): string {
	const binary = pagefindBinary();
	let version: string;
	try {
		// The platform package's manifest, beside its bin/ folder.
		const manifest = join(dirname(dirname(binary)), 'package.json');
		version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
	} catch {
		const { size, mtimeMs } = statSync(binary); // a binary of one's own
		version = `${binary} ${size} ${mtimeMs}`;
	}
	const args = pagefindArgs('.', { ...options, outputPath: '.' });
	return createHash('sha256')
		.update(JSON.stringify([version, args, options.indexChunkSize ?? INDEX_CHUNK_SIZE]))
		.digest('hex')
		.slice(0, 16);
}

/** The entry file of the index at `bundle` (a Pagefind folder, or its staging folder). */
export function readPagefindEntry(bundle: string): PagefindEntry {
	return JSON.parse(readFileSync(join(bundle, PAGEFIND_ENTRY_FILE), 'utf8')) as PagefindEntry;
}

/** The page ids (fragment names) of each language's metadata in the index at `bundle`. */
function indexedPages(bundle: string): string[] {
	return Object.values(readPagefindEntry(bundle).languages ?? {}).flatMap(
		(info) =>
			splitSorts(gunzipSync(readFileSync(join(bundle, `pagefind.${info.hash}.pf_meta`)))).pages,
	);
}

/**
 * Writes the fragments of the pages whose reused file the index gave to another page (`clashed`,
 * already deleted from `staging`). Those pages are the ones no fragment on disk holds; Pagefind
 * indexes just them in a scratch folder (a fragment depends only on its page, so the bytes are
 * the ones the full run would have written), and each is copied under the clashed name that is a
 * prefix of its full name. A second full run would cost as much as the first (about 100 s at
 * 100,000 papers).
 */
async function repairFragments(
	site: string,
	staging: string,
	scratchParent: string,
	clashed: readonly string[],
	names: readonly string[],
	linked: ReadonlyMap<string, string>,
	urlOf: (name: string) => string | undefined,
	options: PagefindOptions,
): Promise<void> {
	const gone = new Set(clashed);
	const held = new Set(names.filter((n) => !gone.has(n)).map((n) => linked.get(n) ?? urlOf(n)));
	const pageFiles = (readdirSync(site, { recursive: true }) as string[]).filter(
		(f) => f.endsWith('index.html') && !held.has(`/${f.slice(0, -'index.html'.length)}`),
	);
	const scratch = mkdtempSync(join(scratchParent, '.pagefind-repair-'));
	try {
		for (const f of pageFiles) {
			mkdirSync(dirname(join(scratch, 'site', f)), { recursive: true });
			copyFileSync(join(site, f), join(scratch, 'site', f));
		}
		const out = join(scratch, 'out');
		await pagefindInto(join(scratch, 'site'), out, options);
		// Each scratch fragment with its full name (its own name is the language and a prefix).
		const made = readdirSync(join(out, FRAGMENT_DIR)).flatMap((f) => {
			const file = join(out, FRAGMENT_DIR, f);
			const json = fragmentJson(file);
			return json ? [{ file, full: fragmentFullName(f.slice(0, f.indexOf('_')), json) }] : [];
		});
		for (const name of clashed) {
			const match = made.find((m) => m.full.startsWith(name));
			if (!match) throw new Error(`no page's fragment matches the clashed name ${name}`);
			copyFileSync(match.file, fragmentFile(staging, name));
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

/**
 * Runs Pagefind over the pages of `site` into a fresh staging folder made in `stagingParent`,
 * then moves the index's sort orders beside its metadata (`detachSorts`); resolves with the page
 * count and the folder. With `reuse`, the unchanged papers' fragments of the previous run are
 * linked in first and Pagefind writes only the others (src/lib/pagefind-reuse.ts); the index is
 * the same. Throws with Pagefind's output when it fails (the staging folder is then removed).
 *
 * Why the command line and not the Node API (`createIndex` … `getFiles`): they produce the same
 * bytes, but the API's service took 18–23 s for 10,000 papers where the command line takes
 * 11–13 s (docs/BENCHMARKS.md), and no file contents pass through this process. Why staging:
 * writing into the old bundle, Pagefind skips files that exist, so nothing would tell the
 * previous index's files from the current ones.
 */
export async function runPagefind(
	site: string,
	stagingParent: string,
	options: PagefindOptions = {},
	reuse?: ReuseRequest,
): Promise<{ pages: number; staging: string; reuse?: ReuseStats }> {
	mkdirSync(stagingParent, { recursive: true });
	const staging = mkdtempSync(join(stagingParent, '.pagefind-'));
	const index = async (): Promise<number> => {
		const output = await pagefindInto(site, staging, options);
		const pages = Number(/Indexed (\d+) pages?\b/.exec(output)?.[1] ?? Number.NaN);
		if (Number.isNaN(pages)) throw new Error(`Pagefind reported no page count:\n${output.trim()}`);
		return pages;
	};
	try {
		if (!reuse) {
			const pages = await index();
			detachSorts(staging);
			return { pages, staging };
		}
		const key = reuseKey(options);
		const kept = reusable(readManifest(reuse.cache), key, reuse.hashes);
		const linked = linkKept(reuse.cache, staging, kept, reuse.urlOf);
		const pages = await index();
		const names = indexedPages(staging);
		const urls = new Map<string, string | undefined>();
		const urlOf = (name: string): string | undefined => {
			if (!urls.has(name)) urls.set(name, fragmentUrl(fragmentFile(staging, name)));
			return urls.get(name);
		};
		const suspects = suspectFragments(names, linked, urlOf);
		if (suspects.length > 0) {
			for (const name of suspects) {
				rmSync(fragmentFile(staging, name), { force: true });
				linked.delete(name);
			}
			await repairFragments(site, staging, stagingParent, suspects, names, linked, urlOf, options);
			for (const name of suspects) urls.delete(name);
			if (suspectFragments(names, linked, urlOf).length > 0)
				throw new Error('reused Pagefind fragments still clash after the repair');
		}
		dropUnnamed(staging, names, linked);
		const idOfUrl = new Map(Object.keys(reuse.hashes).map((id) => [reuse.urlOf(id), id]));
		keepFragments(
			reuse.cache,
			staging,
			nextManifest(key, names, linked, urlOf, idOfUrl, reuse.hashes),
		);
		const reused = names.filter((n) => linked.has(n)).length;
		detachSorts(staging);
		return {
			pages,
			staging,
			reuse: { reused, written: names.length - reused, repaired: suspects.length },
		};
	} catch (e) {
		rmSync(staging, { recursive: true, force: true });
		throw e;
	}
}

/** `<lang>_` and the first 10 hex digits of the SHA-256 of `data` (Pagefind's metadata naming). */
function contentId(lang: string, data: Uint8Array | string): string {
	return `${lang}_${createHash('sha256').update(data).digest('hex').slice(0, 10)}`;
}

/**
 * Moves the sort orders out of each language's metadata in the index at `bundle` (see
 * src/lib/pagefind-sorts.ts): one `sort/<id>.pf_sort` per key (the gzipped JSON list of page
 * ids in ascending order), the metadata without them under its new name, and
 * `languages.<lang>.sorts` (key → sort file id) in `pagefind-entry.json` for the search page.
 * Returns the number of sort files written.
 */
export function detachSorts(bundle: string): number {
	const entry = readPagefindEntry(bundle);
	let written = 0;
	for (const [lang, info] of Object.entries(entry.languages ?? {})) {
		const metaFile = join(bundle, `pagefind.${info.hash}.pf_meta`);
		let split: ReturnType<typeof splitSorts>;
		try {
			split = splitSorts(gunzipSync(readFileSync(metaFile)));
		} catch (e) {
			throw new Error(
				`cannot read the sort orders of ${metaFile} (Pagefind's metadata layout changed?): ${(e as Error).message}`,
				{ cause: e },
			);
		}
		if (split.sorts.length === 0) continue;
		const sorts: Record<string, string> = {};
		mkdirSync(join(bundle, 'sort'), { recursive: true });
		for (const { key, ids } of split.sorts) {
			const json = JSON.stringify(ids);
			const id = contentId(lang, json);
			writeFileSync(join(bundle, 'sort', `${id}.pf_sort`), gzipSync(json, { level: 9 }));
			sorts[key] = id;
			written++;
		}
		const hash = contentId(lang, split.meta);
		rmSync(metaFile);
		writeFileSync(join(bundle, `pagefind.${hash}.pf_meta`), gzipSync(split.meta, { level: 9 }));
		info.hash = hash;
		info.sorts = sorts;
	}
	if (written) writeFileSync(join(bundle, PAGEFIND_ENTRY_FILE), JSON.stringify(entry));
	return written;
}

/** Moves a file, copying when `to` is on another file system. */
function move(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
		copyFileSync(from, to);
		rmSync(from);
	}
}

/**
 * Whether `target` already holds the staged file `from`: the same inode (a reused fragment) or
 * the same bytes. A name alone proves nothing: Pagefind names a file by the shortest free prefix
 * of its hash, so an earlier index's file of the same name can hold another page's fragment; and
 * its fixed names (`pagefind.js`, `pagefind-entry.json`) mostly hold what they held, which moved
 * in again made every rebuild's upload hold them.
 */
function alreadyThere(from: string, target: string): boolean {
	let there: ReturnType<typeof statSync>;
	try {
		there = statSync(target);
	} catch {
		return false;
	}
	const staged = statSync(from);
	if (there.ino === staged.ino && there.dev === staged.dev) return true;
	return there.size === staged.size && readFileSync(target).equals(readFileSync(from));
}

/**
 * Moves a staged index into `bundle`: a file already there with the same content stays
 * untouched (so it keeps its time stamp), every other file is moved in, and whatever the new
 * index does not have is removed. The staging folder is removed in the end.
 */
export function moveIntoBundle(
	staging: string,
	bundle: string,
): Pick<IndexStats, 'chunks' | 'largestChunk'> {
	try {
		const files = (readdirSync(staging, { recursive: true }) as string[]).filter((f) =>
			statSync(join(staging, f)).isFile(),
		);
		const sizes = files
			.filter((f) => f.startsWith(`index${sep}`))
			.map((f) => statSync(join(staging, f)).size);
		const keep = new Set<string>();
		const made = new Set<string>();
		for (const f of files) {
			const target = join(bundle, f);
			keep.add(target);
			if (alreadyThere(join(staging, f), target)) continue;
			const folder = dirname(target);
			if (!made.has(folder)) mkdirSync(folder, { recursive: true });
			made.add(folder);
			move(join(staging, f), target);
		}
		pruneStale(bundle, Number.POSITIVE_INFINITY, { keep });
		return { chunks: sizes.length, largestChunk: sizes.reduce((a, b) => Math.max(a, b), 0) };
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

/** Indexes the pages of `dir` into `dir/pagefind/` (`runPagefind`, then `moveIntoBundle`). */
export async function indexSite(dir: string, options: PagefindOptions = {}): Promise<IndexStats> {
	const { pages, staging } = await runPagefind(dir, dir, options);
	return { pages, ...moveIntoBundle(staging, join(dir, PAGEFIND_DIR)) };
}

/** Runs a command to completion, collecting stdout and stderr together (no shell). */
function run(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

/**
 * Forks the early index (pagefind-early.ts). At normal priority: it used to run at nice 10 so as
 * not to slow the page rendering, but in a daily rebuild Pagefind, not the pages, is the
 * critical path (10,000 papers, cards off: daily 19.4–19.8 s at normal priority against
 * 20.9–21.9 s at nice 10, clean builds no slower; with cards no difference; docs/BENCHMARKS.md).
 * Resolves with the child's one answer.
 */
function startEarly(root: string, options: PagefindOptions): Promise<EarlyResult> {
	return new Promise((resolve, reject) => {
		// Plain Node (its own type stripping), without the parent's loaders or flags.
		const child = fork(join(root, 'src/integrations/pagefind-early.ts'), [], {
			execArgv: [],
			serialization: 'advanced',
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let answered = false;
		child.once('message', (m: EarlyResult) => {
			answered = true;
			resolve(m);
		});
		child.once('error', reject);
		// 'close', not 'exit': 'exit' may come before the answer's message has been read from the
		// channel, and a build failed with "exited (code 0)" about once in a dozen rebuilds.
		child.once('close', (code, signal) => {
			if (!answered)
				reject(new Error(`the search index process exited (${signal ?? `code ${code}`})`));
		});
		child.send({ root, options } satisfies EarlyRequest);
	});
}

/** The Astro integration. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
	let outDir = 'dist';
	let base = '/';
	let root = process.cwd();
	/** The early index run, started in `astro:build:start`. */
	let early: Promise<EarlyResult> | undefined;
	return {
		name: 'abstracta:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				root = fileURLToPath(config.root);
				base = normaliseBase(config.base);
			},
			'astro:server:setup': ({ server, logger }) => {
				const bundle = join(outDir, PAGEFIND_DIR);
				if (!existsSync(bundle))
					logger.warn(`no search index in ${bundle}: run \`npm run build\` once for dev search`);
				const prefix = pagefindUrl(base);
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
			'astro:build:start': ({ logger }) => {
				if (options.early === false) return;
				// The content is synced before this hook: the papers loader's files are current.
				const cache = dirname(join(root, SEARCH_SITE_DIR));
				// Staging folders of an interrupted earlier build.
				if (existsSync(cache))
					for (const name of readdirSync(cache))
						if (name.startsWith('.pagefind-'))
							rmSync(join(cache, name), { recursive: true, force: true });
				early = startEarly(root, options);
				// Awaited in astro:build:done; until then a failure must not count as unhandled
				// (Node would end the build at once, mid-render, with no word of why).
				early.catch(() => undefined);
				logger.info('search pages and index: started beside the build');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const out = fileURLToPath(dir);
				// Removed pages are already gone: the stale-output pass runs before this one.
				let stats: IndexStats;
				const result = await early;
				early = undefined;
				if (result && 'pages' in result) {
					stats = {
						pages: result.pages,
						...moveIntoBundle(result.staging, join(out, PAGEFIND_DIR)),
					};
					const r = result.reuse;
					const fragments = r
						? `; fragments: ${r.reused} reused, ${r.written} written${r.repaired ? ` (${r.repaired} name clash(es) repaired)` : ''}`
						: '';
					logger.info(
						`search pages: ${result.written} written, ${result.removed} removed${fragments}; ` +
							`[timing] pagefind (beside the pages): ${result.seconds.toFixed(2)} s`,
					);
				} else {
					if (result && 'error' in result) throw new Error(result.error);
					if (result) logger.warn(`indexing the rendered pages instead: ${result.fallback}`);
					stats = await indexSite(out, options);
				}
				const { pages, chunks, largestChunk } = stats;
				if (pages === 0) logger.warn('Pagefind indexed no pages (no data-pagefind-body?)');
				else
					logger.info(
						`Pagefind read ${pages} pages: ${chunks} index chunks, largest ${(largestChunk / 1024).toFixed(1)} KB`,
					);
				logger.info(
					`[timing] pagefind (after pages): ${((performance.now() - started) / 1000).toFixed(2)} s`,
				);
			},
		},
	};
}
