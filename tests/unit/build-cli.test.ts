/**
 * `npm run build` (scripts/build.ts) starts the ingest and Astro together: Astro's loaders wait
 * for the ingest, and a failed ingest stops the build before Astro writes anything.
 */
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { INGEST_OK, INGEST_STATUS_ENV, ingestFinished } from '../../src/lib/ingest-gate.ts';

const ROOT = resolve('.');
const temp: string[] = [];
const tempDir = (prefix: string): string => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temp.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ingest gate', () => {
	test('open when no ingest runs beside the build', async () => {
		await expect(ingestFinished({})).resolves.toBeUndefined();
	});

	test('waits for the status file, then opens or fails with it', async () => {
		const dir = tempDir('abstracta-gate-');
		const ok = join(dir, 'ok');
		let opened = false;
		const waiting = ingestFinished({ [INGEST_STATUS_ENV]: ok }).then(() => (opened = true));
		await new Promise((r) => setTimeout(r, 100));
		expect(opened).toBe(false);
		writeFileSync(ok, INGEST_OK);
		await waiting;
		expect(opened).toBe(true);

		const failed = join(dir, 'failed');
		writeFileSync(failed, 'exit code 1');
		await expect(ingestFinished({ [INGEST_STATUS_ENV]: failed })).rejects.toThrow(
			/the ingest failed \(exit code 1\)/,
		);
	});
});

describe('build command', { timeout: 120_000 }, () => {
	test('a bad source: the ingest errors with file and line, exit 1, no output at all', () => {
		// A project copy with its own content/ and no build output yet.
		const dir = tempDir('abstracta-build-');
		for (const f of [
			'astro.config.mjs',
			'package.json',
			'tsconfig.json',
			'src',
			'scripts',
			'public',
		])
			cpSync(join(ROOT, f), join(dir, f), { recursive: true });
		mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
		cpSync(join(ROOT, 'content', 'topics.yaml'), join(dir, 'content', 'topics.yaml'));
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
		writeFileSync(
			join(dir, 'content', 'sources', '2025-03-19-bad.txt'),
			'Mar 19\n\nA Lonely Title\n',
		);

		const r = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, CARDS: 'off' },
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('content/sources/2025-03-19-bad.txt:3: title without abstract');
		expect(r.stderr).toContain('nothing was written');
		expect(r.stderr).toContain('build: the ingest failed');
		expect(existsSync(join(dir, 'content', 'papers'))).toBe(false);
		expect(existsSync(join(dir, 'dist'))).toBe(false);
		// Astro's start-up output was held back and dropped: only the ingest speaks.
		expect(r.stdout).not.toMatch(/\[build\]|\[content\]/);
	});

	test('a wrong SITE_URL is said in one line before anything runs, exit 1', () => {
		const r = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, SITE_URL: 'https://example.org/sub', INGEST: 'on' },
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toBe(
			'build: SITE_URL is the site\'s origin, without a path (got "https://example.org/sub"): use SITE_URL=https://example.org BASE_PATH=/sub/\nbuild: nothing was built.\n',
		);
		expect(r.stdout).toBe('');
	});

	test('a wrong PAGE_SIZE is said the same way', () => {
		const r = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, SITE_URL: 'https://example.org', PAGE_SIZE: '-5', INGEST: 'on' },
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toBe(
			'build: PAGE_SIZE must be a whole number from 1 to 10000 (got "-5")\nbuild: nothing was built.\n',
		);
	});
});
