/**
 * Offline use through the service worker (Chromium, http://127.0.0.1 is a secure context):
 * after one visit, search and a never-opened paper work offline; an unknown page says it is not
 * available offline; a new build is offered, not forced, and replaces every cache of the old one;
 * on a site too large to copy whole, a new build takes over unasked and keeps the saved pages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { serveSite, type SiteServer } from './support/server.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';

let browser: Browser;
let copy: string;
let site: SiteServer;
let based: SiteServer;

beforeAll(async () => {
	browser = await launchBrowser();
	// A private copy: the update test rewrites the service worker as a new deploy would.
	copy = mkdtempSync(join(tmpdir(), 'abstracta-offline-'));
	cpSync(DIST, copy, { recursive: true });
	site = await serveSite(copy);
	based = await serveSite(DIST_BASE, BASE_PATH);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	await based?.close();
	rmSync(copy, { recursive: true, force: true });
});

/**
 * Tells the scripts of the page's current document that the browser is offline. `setOffline`
 * cuts the network, but Debian's Chromium 150 no longer turns `navigator.onLine` false for it;
 * the DevTools protocol's network state override does, for the document loaded now, and fires
 * the `offline` event the site listens to.
 */
async function reportOffline(page: Page): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	// playwright-core's protocol types do not list this command yet.
	await cdp.send(
		'Network.overrideNetworkState' as never,
		{
			offline: true,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: -1,
		} as never,
	);
	// The session stays attached: detaching it ends the override.
}

/** The build id `sw.js` in `dir` carries. */
const buildIdOf = (dir: string): string =>
	/ABSTRACTA_BUILD=\{"id":"([0-9a-f]{12})"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1]!;

/** "Deploys" a new build in `dir`: the same files, a new build id in the worker and its caches. */
function deploy(dir: string, oldId: string, newId: string): void {
	const file = join(dir, 'sw.js');
	writeFileSync(file, readFileSync(file, 'utf8').replaceAll(oldId, newId));
}

/** Asks the browser to look for a new service worker now, as it does on a navigation. */
async function checkForUpdate(page: Page): Promise<void> {
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
}

/** Waits until every cache of the site belongs to build `id` (the others were cleaned up). */
async function onlyCachesOf(page: Page, id: string): Promise<void> {
	await page.waitForFunction(
		(build) =>
			caches
				.keys()
				.then((ks) => ks.length > 0 && ks.every((k) => k.startsWith(`abstracta-${build}-`))),
		id,
	);
}

/** Opens `url` and waits until the service worker has installed (precached) and controls it. */
async function visitOnce(url: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(url);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	return page;
}

describe('offline', () => {
	test('after one visit, search and an unvisited paper work offline', async () => {
		const page = await visitOnce(`${site.url}search/`);
		await page.context().setOffline(true);
		await page.goto(`${site.url}search/?q=LightHuBERT`);
		await page.waitForSelector('.search-result');
		expect(await page.locator('.search-result-link').first().getAttribute('href')).toBe(
			'/papers/lighthubert/',
		);
		await reportOffline(page);
		expect(await page.locator('#offline-indicator').textContent()).toMatch(/offline/i);
		await page.click('.search-result-link >> nth=0');
		await page.waitForURL(`${site.url}papers/lighthubert/`);
		expect(await page.locator('h1').textContent()).toContain('LightHuBERT');
		await page.goto(`${site.url}papers/primer/`);
		expect(await page.locator('h1').textContent()).toContain('Primer');
		// A search with filters is the same saved page (it was "Not available offline").
		await page.goto(`${site.url}search/?q=LightHuBERT&code=yes&topic=Speech`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		expect(await page.locator('h1').textContent()).toMatch(/search/i);
		await page.context().close();
	});

	test('offline, a search with no results says the answer covers only what is saved', async () => {
		const page = await visitOnce(`${site.url}search/`);
		await page.context().setOffline(true);
		await page.goto(`${site.url}search/?q=qwertyuiop`);
		await reportOffline(page);
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.startsWith('No papers'),
		);
		expect(await page.locator('[data-status]').textContent()).toMatch(
			/saved on this device\. Connect to the internet/,
		);
		await page.context().close();
	});

	test('a page that is not saved says it is not available offline', async () => {
		const page = await visitOnce(`${site.url}search/`);
		await page.context().setOffline(true);
		await page.goto(`${site.url}papers/no-such-paper/`);
		expect(await page.locator('h1').textContent()).toBe('Not available offline');
		await page.context().close();
	});

	test('a reader saving data gets no service worker (no download of the site behind the page)', async () => {
		const context = await browser.newContext();
		await context.addInitScript(() =>
			Object.defineProperty(navigator, 'connection', { value: { saveData: true } }),
		);
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		await page.goto(`${site.url}papers/primer/`);
		await page.waitForLoadState('networkidle');
		expect(
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
		).toBe(0);
		expect(requests).not.toContain('/sw.js');
		await context.close();
	});

	test('works offline under BASE_PATH', async () => {
		const page = await visitOnce(`${based.url}search/`);
		await page.context().setOffline(true);
		await page.goto(`${based.url}search/?q=SpeechT5`);
		await page.waitForSelector('.search-result');
		await page.goto(`${based.url}papers/speecht5/`);
		expect(await page.locator('h1').textContent()).toContain('SpeechT5');
		await page.context().close();
	});

	test('a new build is offered, then replaces the old caches atomically', async () => {
		const page = await visitOnce(`${site.url}search/`);
		const oldId = buildIdOf(copy);
		const cacheNames = () => page.evaluate(() => caches.keys());
		expect((await cacheNames()).every((n) => n.startsWith(`abstracta-${oldId}-`))).toBe(true);
		// "Deploy" a new build: same files, new build id in the worker and its cache names.
		const newId = 'feedfacecafe';
		deploy(copy, oldId, newId);
		await checkForUpdate(page);
		await page.waitForSelector('#update-notice:not([hidden])');
		// Until the reader accepts, the old build keeps serving.
		expect((await cacheNames()).some((n) => n.startsWith(`abstracta-${oldId}-`))).toBe(true);
		await Promise.all([page.waitForEvent('load'), page.click('#update-notice button')]);
		await onlyCachesOf(page, newId);
		await page.context().close();
	});
});

describe('offline, site larger than the precache limit', () => {
	/**
	 * Runs `use` against a private copy of the seed site whose worker precaches only the core: a
	 * 1-byte limit makes the seed behave like a site too large to copy whole. The hash cache (and
	 * the kept worker code beside it) stays outside the served folder.
	 */
	async function withCoreSite(
		use: (server: SiteServer, dir: string) => Promise<void>,
	): Promise<void> {
		const big = mkdtempSync(join(tmpdir(), 'abstracta-core-'));
		cpSync(DIST, big, { recursive: true });
		const cache = mkdtempSync(join(tmpdir(), 'abstracta-core-cache-'));
		const sw = await writeServiceWorker(big, '/', 1, join(cache, 'sw-hashes.json'));
		expect(sw.mode).toBe('core');
		const server = await serveSite(big);
		try {
			await use(server, big);
		} finally {
			await server.close();
			rmSync(big, { recursive: true, force: true });
			rmSync(cache, { recursive: true, force: true });
		}
	}

	/**
	 * A first visit (the worker installs and takes control), then under its control a search for
	 * "speech" and a paper read: what the reader used, for the worker to keep.
	 */
	async function searchThenRead(server: SiteServer): Promise<Page> {
		const page = await visitOnce(`${server.url}search/`);
		await page.goto(`${server.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		await page.goto(`${server.url}papers/speecht5/`);
		return page;
	}

	test('precaches the shell and search core, and keeps what the reader used', () =>
		withCoreSite(async (server) => {
			const page = await searchThenRead(server);
			await page.context().setOffline(true);
			await page.goto(`${server.url}search/?q=speech`);
			await page.waitForSelector('.search-result');
			await page.goto(`${server.url}papers/speecht5/`);
			expect(await page.locator('h1').textContent()).toContain('SpeechT5');
			await page.goto(`${server.url}papers/primer/`);
			expect(await page.locator('h1').textContent()).toBe('Not available offline');
			await page.context().close();
		}));

	test('a new build takes over at once, unasked, and keeps the pages and searches the reader used', () =>
		withCoreSite(async (server, dir) => {
			const page = await searchThenRead(server);
			const oldId = buildIdOf(dir);
			// The core precache has no Pagefind worker script (search runs without it).
			const precached = await page.evaluate(async (id) => {
				const c = await caches.open(`abstracta-${id}-precache-v2-${location.origin}/`);
				return (await c.keys()).map((r) => new URL(r.url).pathname);
			}, oldId);
			expect(precached.length).toBeGreaterThan(5);
			expect(precached.filter((p) => p.includes('pagefind-worker'))).toEqual([]);
			// The page is not reloaded under the reader: a mark on its window survives.
			await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
			const newId = 'feedfacecafe';
			deploy(dir, oldId, newId);
			await checkForUpdate(page);
			await onlyCachesOf(page, newId);
			expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
			// …but it says the site changed, and its button reloads it.
			const notice = page.locator('#update-notice:not([hidden])');
			await expect.poll(() => notice.textContent()).toBe('This site has been updated. Reload');
			await Promise.all([page.waitForEvent('load'), notice.locator('button').click()]);
			expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(
				undefined,
			);
			// A server error shows the saved copy; with none saved, the server's own answer.
			server.fail.set('/papers/speecht5/', 503);
			server.fail.set('/papers/primer/', 503);
			await page.goto(`${server.url}papers/speecht5/`);
			expect(await page.locator('h1').textContent()).toContain('SpeechT5');
			const unsaved = await page.goto(`${server.url}papers/primer/`);
			expect(unsaved?.status()).toBe(503);
			server.fail.clear();
			// The paper read and the search run under the old build are in the new build's
			// caches: offline they work.
			await page.context().setOffline(true);
			await page.goto(`${server.url}papers/speecht5/`);
			expect(await page.locator('h1').textContent()).toContain('SpeechT5');
			await page.goto(`${server.url}search/?q=speech`);
			await page.waitForSelector('.search-result');
			await page.context().close();
		}));

	test('a search run before a deploy that renamed its index chunks still works offline after it', () =>
		withCoreSite(async (server, dir) => {
			// Leaving the search page saves its query, with the build that answered it.
			const page = await searchThenRead(server);
			const oldId = buildIdOf(dir);
			expect(
				JSON.parse((await page.evaluate(() => localStorage.getItem('saved-searches')))!),
			).toEqual([{ q: 'speech', build: oldId }]);
			// The deploy renames the chunks the search used (a chunk is named by its content's
			// hash): the new worker cannot carry them over by their old names.
			const chunksOf = (id: string) =>
				page.evaluate(async (name) => {
					const c = await caches.open(name);
					return (await c.keys())
						.map((r) => new URL(r.url).pathname)
						.filter((p) => p.includes('/pagefind/index/'));
				}, `abstracta-${id}-search`);
			const chunks = await chunksOf(oldId);
			expect(chunks.length).toBeGreaterThan(0);
			for (const p of chunks) server.fail.set(p, 404);
			const newId = 'feedfacecafe';
			deploy(dir, oldId, newId);
			await checkForUpdate(page);
			await onlyCachesOf(page, newId);
			expect(await chunksOf(newId)).toEqual([]);
			// The new build's index (here: its chunks served again) is searched again by the next
			// page the reader opens online, and the chunks it needs are cached.
			server.fail.clear();
			await page.goto(`${server.url}papers/primer/`);
			await expect
				.poll(async () => (await chunksOf(newId)).sort(), { timeout: 20_000 })
				.toEqual([...chunks].sort());
			await expect
				.poll(async () =>
					JSON.parse((await page.evaluate(() => localStorage.getItem('saved-searches')))!),
				)
				.toEqual([{ q: 'speech', build: newId }]);
			await page.context().setOffline(true);
			await page.goto(`${server.url}search/?q=speech`);
			await page.waitForSelector('.search-result');
			await page.context().close();
		}));

	test('a query whose index chunks were never saved says search is unavailable, not "No papers"', () =>
		withCoreSite(async (server) => {
			// The core precache holds Pagefind but no index chunk: no query has run yet.
			const page = await visitOnce(`${server.url}search/`);
			await page.context().setOffline(true);
			await page.goto(`${server.url}search/?q=speech`);
			await reportOffline(page);
			await page.waitForFunction(() =>
				document.querySelector('[data-status]')?.textContent?.startsWith('Search is not available'),
			);
			expect(await page.locator('.search-result').count()).toBe(0);
			await page.context().close();
		}));
});
