/**
 * `npm run build`: the ingest, then `astro build`, started together so that Astro's own
 * start-up (loading Astro, Vite and the configuration: about 4 s) overlaps the ingest. Astro's
 * content loaders wait for the ingest (src/lib/ingest-gate.ts) before they read
 * `content/papers/`, so the pages are made from this run's entries exactly as when the two ran
 * one after the other.
 *
 * While the ingest runs it owns the terminal (its warnings, errors and progress bar); Astro's
 * output is held back and printed once the ingest has finished. When the ingest fails, Astro is
 * stopped before it has written anything (it is still waiting for the entries) and the build
 * exits with the ingest's code.
 *
 * Usage: node scripts/build.ts [astro build options…]; `INGEST=off` skips the ingest (Astro then
 * builds whatever `content/papers/` holds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deploySettings, isOff, LOCAL_SITE, sizeSetting } from '../src/lib/deploy-env.ts';
import { INGEST_OK, INGEST_STATUS_ENV } from '../src/lib/ingest-gate.ts';

const require = createRequire(import.meta.url);
const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const ingestScript = join(import.meta.dirname, 'ingest.ts');
const skipIngest = isOff(process.env.INGEST);

/** The exit code a finished child stands for (a signal counts as failure). */
const exitCode = (child: ChildProcess): Promise<number> =>
	new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

// A wrong SITE_URL or BASE_PATH is said before anything runs: astro.config.mjs says it too, but
// only after the ingest has rewritten content/papers/, and under a stack trace.
try {
	const { site } = deploySettings(process.env);
	sizeSetting('PAGE_SIZE', process.env.PAGE_SIZE, 0);
	sizeSetting('FEED_SIZE', process.env.FEED_SIZE, 0);
	// Not an error (a local build is fine), but a deployed site built so links to localhost.
	if (site === LOCAL_SITE)
		console.warn(
			`build: SITE_URL is not set: feeds, canonical links, the sitemap and cards will point at ${LOCAL_SITE}. Set SITE_URL=https://your.site to build for deployment.`,
		);
} catch (e) {
	console.error(`build: ${(e as Error).message}\nbuild: nothing was built.`);
	process.exit(1);
}

const statusDir = mkdtempSync(join(tmpdir(), 'abstracta-build-'));
const statusFile = join(statusDir, 'ingest-status');
const astroEnv: NodeJS.ProcessEnv = { ...process.env };
if (!skipIngest) astroEnv[INGEST_STATUS_ENV] = statusFile;
// Astro writes into a pipe here: keep its colours when the terminal has them.
if (process.stdout.isTTY && !('NO_COLOR' in process.env)) astroEnv.FORCE_COLOR ??= '1';

const astro = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
	env: astroEnv,
	stdio: ['inherit', 'pipe', 'pipe'],
});
// Astro's output, in order, until the ingest is over; then it flows straight through.
let held: Array<[NodeJS.WriteStream, Buffer]> | undefined = skipIngest ? undefined : [];
for (const [from, to] of [
	[astro.stdout!, process.stdout],
	[astro.stderr!, process.stderr],
] as const)
	from.on('data', (chunk: Buffer) => (held ? held.push([to, chunk]) : to.write(chunk)));
const astroExit = exitCode(astro);

let code = 0;
if (!skipIngest) {
	const ingest = spawn(process.execPath, [ingestScript], { stdio: 'inherit' });
	code = await exitCode(ingest);
	// Written beside, then renamed: the waiting loaders never read a half-written status.
	writeFileSync(`${statusFile}.tmp`, code === 0 ? INGEST_OK : `exit code ${code}`);
	renameSync(`${statusFile}.tmp`, statusFile);
	if (code !== 0) {
		astro.kill('SIGTERM');
		held = [];
		console.error('build: the ingest failed; Astro was stopped before writing anything.');
	} else {
		for (const [to, chunk] of held!) to.write(chunk);
		held = undefined;
	}
}
const astroCode = await astroExit;
rmSync(statusDir, { recursive: true, force: true });
process.exitCode = code || astroCode;
