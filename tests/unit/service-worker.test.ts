import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';

describe('the service worker', () => {
	const dir = mkdtempSync(join(tmpdir(), 'abstracta-sw-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const site = join(dir, 'dist');
	const cache = join(dir, 'cache', 'file-hashes.json');
	const write = (rel: string, text = rel) => {
		mkdirSync(dirname(join(site, rel)), { recursive: true });
		writeFileSync(join(site, rel), text);
	};
	for (const f of ['index.html', 'offline/index.html', 'papers/a/index.html', '_astro/x.css'])
		write(f);

	test('the kept worker code gives the same file again, with each build’s manifest and id', async () => {
		const cold = await writeServiceWorker(site, '/sub/', 10_000_000, cache);
		const first = readFileSync(join(site, 'sw.js'), 'utf8');
		expect(readdirSync(join(dir, 'cache', 'templates'))).toHaveLength(1);
		const warm = await writeServiceWorker(site, '/sub/', 10_000_000, cache);
		expect(readFileSync(join(site, 'sw.js'), 'utf8')).toBe(first);
		expect({ ...warm, hashed: 0 }).toEqual({ ...cold, hashed: 0 });
		expect(cold).toMatchObject({ mode: 'full', count: 4 });
		// No placeholder is left; the build id names the caches; every file is in the manifest.
		expect(first).not.toMatch(/zqxbuildidzq|__abstracta_precache__/);
		expect(first).toContain(`abstracta-${cold.buildId}-pages`);
		expect(first).toContain('"url":"/sub/papers/a/index.html"');

		// A changed page: a new build id and revision, from the same kept code.
		write('papers/a/index.html', 'changed');
		const next = await writeServiceWorker(site, '/sub/', 10_000_000, cache);
		const second = readFileSync(join(site, 'sw.js'), 'utf8');
		expect(next.buildId).not.toBe(cold.buildId);
		expect(second).toContain(`abstracta-${next.buildId}-search`);
		expect(second).not.toContain(cold.buildId);
		expect(readdirSync(join(dir, 'cache', 'templates'))).toHaveLength(1);
	});
});
