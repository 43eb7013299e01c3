/**
 * Benchmark: `npm run bench -- --papers 10000 [--cards off] [--keep] [--verify] [--check] [--hugo]`
 *   1. generate a deterministic synthetic corpus (scripts/bench/corpus.ts) of N papers;
 *   2. copy the project to a temporary folder with empty caches and build it clean
 *      (`npm run build`: the ingest and astro build with every integration), timing it and the
 *      peak memory of its largest process; the stages print their own timings;
 *   3. add a new 50-paper trending page and rebuild with caches kept (the daily rebuild);
 *      optionally (--check) check its pages, feeds, sitemap and index against the entries
 *      (tests/support/check-site.ts);
 *   4. optionally (--verify) build the same inputs clean in a second copy and compare every
 *      output file with the cached rebuild's (they must be byte-identical);
 *   5. optionally (--hugo, needs Debian's `hugo`) render the same papers as bare Hugo pages.
 * Prints a table and a JSON line; docs/BENCHMARKS.md records the figures. The options, their
 * defaults and validation: bench/cli.ts (`--help`). Needs GNU /usr/bin/time and the corpora
 * (`--shared`), checked before anything is made; the temporary copies go at the end, on failure
 * too, unless --keep.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
	BENCH_USAGE,
	failSetup,
	gnuTimeProblem,
	onPath,
	optionsOrExit,
	parseBenchArgs,
} from './bench/cli.ts';
import { generateCorpus, generateTrendingPage, loadMaterial } from './bench/corpus.ts';
import { copyProject } from './bench/project.ts';

const values = optionsOrExit(
	'bench',
	parseBenchArgs(process.argv.slice(2)),
	BENCH_USAGE,
	'npm run bench --',
);
const papers = values.papers;
const root = resolve('.');
// What the run needs, said plainly before anything is made: the material of the synthetic
// corpus (not part of the repository) and GNU time, which measures each step.
for (const folder of ['corpora', 'seeds'])
	if (!existsSync(join(values.shared, folder)))
		failSetup(
			'bench',
			`${join(values.shared, folder)}: no such folder (the benchmark corpora are not part of the repository)`,
			`pass --shared DIR, the folder holding corpora/ and seeds/ (default ../shared)`,
		);
const timeProblem = gnuTimeProblem();
if (timeProblem)
	failSetup(
		'bench',
		`${timeProblem}: GNU time measures each build step's wall time and peak memory`,
		'install it (Debian, Ubuntu: apt-get install time)',
	);
// Hugo is optional: without it --hugo is skipped, said now and under the table.
const hugoSkipped =
	values.hugo && !onPath('hugo')
		? 'no `hugo` on PATH (Debian, Ubuntu: apt-get install hugo)'
		: undefined;
if (hugoSkipped) console.error(`bench: --hugo will be skipped: ${hugoSkipped}`);

/** Temporary folders of this run: removed at the end, on failure or Ctrl-C too, unless --keep. */
const temporary = new Set<string>();
const makeTemp = (prefix: string): string => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temporary.add(dir);
	return dir;
};
const removeTemp = (dir: string): void => {
	rmSync(dir, { recursive: true, force: true });
	temporary.delete(dir);
};
function cleanUp(): void {
	if (values.keep) {
		if (temporary.size > 0) console.error(`bench: kept ${[...temporary].join(', ')}`);
		return;
	}
	for (const dir of temporary) removeTemp(dir);
}
// A build interrupted with Ctrl-C fails its step (the finally below cleans up); between steps
// the handler does it.
process.on('SIGINT', () => {
	cleanUp();
	process.exit(130);
});
let work = makeTemp(`abstracta-bench-${papers}-`);

/** sha256 of every file under `dir`, by relative path. */
function digestTree(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const rel of readdirSync(dir, { recursive: true, withFileTypes: true }))
		if (rel.isFile()) {
			const path = join(rel.parentPath, rel.name);
			out.set(
				path.slice(dir.length + 1),
				createHash('sha256').update(readFileSync(path)).digest('hex'),
			);
		}
	return out;
}

/** Compares two folders file by file and reports it; differences fail the benchmark. */
function compareTrees(expected: string, actual: string, claim: string): void {
	const a = digestTree(expected);
	const b = digestTree(actual);
	const differ = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));
	console.log(
		differ.length === 0
			? `verify: ${claim} (${a.size} files)`
			: `verify: NOT ${claim}: ${differ.length} of ${a.size} files differ, e.g. ${differ.slice(0, 10).join(', ')}`,
	);
	if (differ.length > 0) process.exitCode = 1;
}

/** A build step that did not succeed. */
class StepFailed extends Error {}

interface Measure {
	step: string;
	seconds: number;
	peakMB: number;
	output: string;
}

/** Runs a command under /usr/bin/time -v in the copy; returns wall time and peak RSS. */
function measure(step: string, cmd: string[], env: Record<string, string> = {}): Measure {
	const r = spawnSync('/usr/bin/time', ['-v', ...cmd], {
		cwd: work,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		maxBuffer: 1 << 30,
	});
	const peak =
		Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
	const wall =
		/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1] ?? '0';
	const seconds = wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
	if (r.status !== 0) {
		console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
		throw new StepFailed(
			`${step} failed (${r.signal ? `signal ${r.signal}` : `exit ${r.status}`})${r.error ? `: ${r.error.message}` : ''}`,
		);
	}
	return { step, seconds, peakMB: Math.round(peak), output: r.stdout + r.stderr };
}

/** Lines of build output that carry per-stage timings. */
const stageLines = (out: string): string[] =>
	out
		.split('\n')
		.filter((l) =>
			/ingest:|\[timing\]|page\(s\) built|Completed in|pagefind|cards|service worker/i.test(l),
		)
		.slice(0, 40);

/** The whole run in the temporary copy; the caller removes the copy, whatever happens. */
async function run(): Promise<void> {
	console.log(
		`bench: ${papers} papers on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; work dir ${work}`,
	);
	copyProject(root, work);
	const material = loadMaterial(resolve(values.shared));
	for (const f of generateCorpus(material, papers))
		writeFileSync(join(work, 'content', 'sources', f.name), f.text);

	const env = { CARDS: values.cards, SITE_URL: 'https://bench.example' };
	const results: Measure[] = [];
	// `npm run build` itself: the ingest and Astro in parallel (scripts/build.ts), one step.
	const build = [process.execPath, 'scripts/build.ts'];
	results.push(measure('clean: build', build, env));
	writeFileSync(
		join(work, 'content', 'sources', '2025-01-01-trending.txt'),
		generateTrendingPage(material, 50, 'Jan 1', 7),
	);
	results.push(measure('daily: build', build, env));
	if (values.check) {
		// Pages, topics, feeds, sitemap and index of the daily rebuild against its entries.
		const { checkBuiltSite } = await import('../tests/support/check-site.ts');
		const site = checkBuiltSite(join(work, 'dist'), join(work, 'content', 'papers'), env.SITE_URL);
		console.log(
			`check: ${site.papers} paper pages, ${site.topics} topic pages, ${site.feeds} feeds, ` +
				`sitemap and search index: ${site.problems.length ? 'PROBLEMS' : 'all as expected'}`,
		);
		if (site.problems.length) {
			console.error(site.problems.join('\n'));
			process.exitCode = 1;
		}
	}

	if (values.verify) {
		// The cached rebuild must equal a clean build of the same inputs, file for file.
		const cached = work;
		work = makeTemp(`abstracta-verify-${papers}-`);
		copyProject(root, work);
		for (const name of readdirSync(join(cached, 'content', 'sources')))
			cpSync(join(cached, 'content', 'sources', name), join(work, 'content', 'sources', name));
		results.push(measure('verify: clean build', build, env));
		compareTrees(
			join(cached, 'dist'),
			join(work, 'dist'),
			'the cached rebuild equals a clean build',
		);
		removeTemp(work); // the second copy only served the comparison (kept on failure with --keep)
		work = cached;
		// The index is built beside the rendering from the content: it must equal Pagefind's index
		// of the rendered paper pages (as tests/e2e/search-index.test.ts checks on the seed).
		const { runPagefind } = await import('../src/integrations/pagefind.ts');
		const dist = join(cached, 'dist');
		const parent = makeTemp('abstracta-index-');
		const { staging } = await runPagefind(dist, parent, { glob: 'papers/**/*.html' });
		compareTrees(
			staging,
			join(dist, 'pagefind'),
			"the index equals Pagefind's index of the rendered pages",
		);
		removeTemp(parent);
	}

	if (values.hugo && !hugoSkipped) {
		const hugoDir = join(work, 'hugo');
		mkdirSync(join(hugoDir, 'content', 'papers'), { recursive: true });
		mkdirSync(join(hugoDir, 'layouts', '_default'), { recursive: true });
		writeFileSync(
			join(hugoDir, 'hugo.toml'),
			'baseURL = "https://bench.example/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
		);
		writeFileSync(
			join(hugoDir, 'layouts', '_default', 'single.html'),
			'<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}',
		);
		writeFileSync(
			join(hugoDir, 'layouts', '_default', 'list.html'),
			'<!doctype html><title>{{ .Title }}</title>',
		);
		for (const name of readdirSync(join(work, 'content', 'papers')).filter((n) =>
			n.endsWith('.mdx'),
		)) {
			cpSync(
				join(work, 'content', 'papers', name),
				join(hugoDir, 'content', 'papers', name.replace(/\.mdx$/, '.md')),
			);
		}
		results.push(measure('hugo: bare pages', ['hugo', '--quiet', '-s', hugoDir]));
	}

	console.log('\n| step | wall s | peak MB |\n| --- | ---: | ---: |');
	for (const r of results) console.log(`| ${r.step} | ${r.seconds.toFixed(1)} | ${r.peakMB} |`);
	if (hugoSkipped) console.log(`| hugo: bare pages | skipped: ${hugoSkipped} | |`);
	for (const r of results) console.log(`\n## ${r.step}\n${stageLines(r.output).join('\n')}`);
	console.log(
		JSON.stringify({
			papers,
			cards: env.CARDS,
			results: results.map(({ output: _o, ...r }) => r),
			...(hugoSkipped ? { hugo: `skipped: ${hugoSkipped}` } : {}),
		}),
	);
}

try {
	await run();
} catch (e) {
	// A failed step has printed the end of its output: one line for it, not a stack trace.
	if (!(e instanceof StepFailed)) throw e;
	console.error(`bench: ${e.message}`);
	process.exitCode = 1;
} finally {
	cleanUp();
}
