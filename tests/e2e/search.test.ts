import { existsSync, readFileSync } from 'node:fs';
/**
 * Search in Chromium against the built seed site: finding a paper, filters, the URL query,
 * keyboard use, the base path, and that plain reading pages load no search code.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { moduleScripts } from '../../src/lib/search-hints.ts';
import { launchBrowser } from './support/browser.ts';
import { serveSite, type SiteServer } from './support/server.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';

let browser: Browser;
let site: SiteServer;
let based: SiteServer;

beforeAll(async () => {
	browser = await launchBrowser();
	site = await serveSite(DIST);
	based = await serveSite(DIST_BASE, BASE_PATH);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	await based?.close();
});

async function open(url: string): Promise<Page> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(url);
	return page;
}
/**
 * A deploy under an open page: its `what` files (named by their content's hash) answer 404 until
 * Pagefind has read the index's entry file again. Returns how many times it has.
 */
async function deployUnder(page: Page, what: 'index' | 'fragment'): Promise<() => number> {
	let entries = 0;
	await page.route('**/pagefind/pagefind-entry.json*', (route) => {
		entries++;
		return route.continue();
	});
	await page.route(`**/pagefind/${what}/**`, (route) =>
		entries > 0 ? route.continue() : route.fulfill({ status: 404, body: '' }),
	);
	return () => entries;
}

/** The URLs `page` requests from now on that end in `suffix`, as they happen. */
function requested(page: Page, suffix: string): string[] {
	const urls: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith(suffix)) urls.push(r.url());
	});
	return urls;
}
const titles = (page: Page) => page.locator('.search-result-link').allTextContents();

describe('search page', () => {
	test('finds a paper by its short name first, with short name and highlighted excerpt', async () => {
		const page = await open(`${site.url}search/?q=LightHuBERT`);
		await page.waitForSelector('.search-result');
		const first = page.locator('.search-result').first();
		expect(await first.locator('.search-result-link').textContent()).toContain('LightHuBERT');
		expect(await first.locator('.search-result-link').getAttribute('href')).toBe(
			'/papers/lighthubert/',
		);
		expect(await first.locator('.search-short').textContent()).toBe('LightHuBERT');
		expect(await first.locator('.search-excerpt mark').count()).toBeGreaterThan(0);
		// The excerpt is words of the abstract, not the title shown right above it again.
		const excerpt = (await first.locator('.search-excerpt').textContent())!;
		const paper = await page.context().newPage();
		await paper.goto(`${site.url}papers/lighthubert/`);
		// The abstract as the index reads it: each formula as its text (`10⁹`), not its MathML.
		const abstract = await paper.locator('#abstract .prose').evaluate((el) => {
			const copy = el.cloneNode(true) as HTMLElement;
			for (const math of copy.querySelectorAll('.katex'))
				math.replaceWith(math.querySelector('span[hidden]')?.textContent ?? '');
			return copy.textContent!.replace(/\s+/g, ' ');
		});
		const title = (await paper.locator('h1').innerText()).replace(/\s+/g, ' ');
		await paper.close();
		expect(excerpt.split(' ').length).toBeGreaterThan(15);
		expect(abstract.replace(/\s/g, '')).toContain(excerpt.replace(/\s/g, ''));
		// A formula reads as on the page (10⁹), not with its exponent run into the line (109).
		expect(excerpt).toContain('10⁹');
		expect(excerpt).not.toContain(title.slice(0, 30));
		// Dated like the listings (18 Mar 2025), not as the index stores it (2025-03-18).
		expect(await first.locator('.search-date').textContent()).toMatch(
			/^\d{1,2} [A-Z][a-z]{2} \d{4}$/,
		);
		expect(await page.inputValue('#search-q')).toBe('LightHuBERT');
		// The seed's trending papers name no authors: no authors line, not an empty one (the
		// corpus build shows them: corpus-site.test.ts).
		expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
		expect(await page.locator('.search-authors').count()).toBe(0);
		await page.context().close();
	});

	test('the has-code filter narrows results and is kept in the URL', async () => {
		const page = await open(`${site.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		const status = async () => (await page.locator('[data-status]').textContent()) ?? '';
		const before = Number.parseInt((await status()).replace(/\D+/, ''), 10);
		await page.check('input[name="code"]');
		await page.waitForFunction(() => location.search.includes('code=yes'));
		await page.waitForFunction(
			(n) =>
				Number.parseInt(
					document.querySelector('[data-status]')!.textContent!.replace(/\D+/, ''),
					10,
				) < n,
			before,
		);
		// Every remaining result links to a paper page that has a code link.
		const hrefs = await page
			.locator('.search-result-link')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) {
			const html = await (await fetch(site.origin + href)).text();
			expect(html).toContain('data-pagefind-filter="code[data-value]" data-value="yes"');
		}
		// Reloading the shared URL restores the filter.
		await page.reload();
		await page.waitForSelector('.search-result');
		expect(await page.isChecked('input[name="code"]')).toBe(true);
		expect(Number.parseInt((await status()).replace(/\D+/, ''), 10)).toBe(hrefs.length);
		// The count says it is filtered.
		expect(await status()).toMatch(/ for “speech” with these filters\.$/);
		// "Clear filters" unticks every filter at once and hands focus back to the query box.
		const clear = page.locator('[data-clear]');
		expect(await clear.isVisible()).toBe(true);
		await clear.click();
		await page.waitForFunction(() => !location.search.includes('code='));
		expect(await page.isChecked('input[name="code"]')).toBe(false);
		expect(await clear.isHidden()).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		await page.waitForFunction(() =>
			/ for “speech”\.$/.test(document.querySelector('[data-status]')?.textContent ?? ''),
		);
		await page.context().close();
	});

	test('topic filter lists the topics of the index and filters by them', async () => {
		const page = await open(`${site.url}search/`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		// The filter boxes are in the page: every topic of the index (the seed has topics) must
		// be offered, with the count Pagefind's own filters() gives, and filter the results.
		const names = (
			JSON.parse(readFileSync('content/papers/_topics.json', 'utf8')) as Array<{ name: string }>
		).map((t) => t.name);
		const offered = await page
			.locator('[data-filter="topic"] input')
			.evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value));
		expect([...offered].sort()).toEqual([...names].sort());
		// The counts in the page are the ones Pagefind's own filters() reports for the index.
		const count = (text: string | null) =>
			Number(/\(([\d,]+)\)/.exec(text ?? '')?.[1]?.replaceAll(',', ''));
		const shown = Object.fromEntries(
			await page
				.locator('[data-filter="topic"] label')
				.evaluateAll((ls) =>
					ls.map((l) => [l.querySelector('input')!.value, l.textContent] as const),
				)
				.then((pairs) => pairs.map(([value, text]) => [value, count(text)])),
		);
		// A string, so that Vite leaves the browser's dynamic import alone.
		const fromIndex = (await page.evaluate(`(async () => {
			const pf = await import('/pagefind/pagefind.js');
			await pf.init();
			return pf.filters();
		})()`)) as Record<string, Record<string, number>>;
		expect(shown).toEqual(fromIndex.topic);
		expect(count(await page.locator('[data-filter="code"] label').textContent())).toBe(
			fromIndex.code?.yes,
		);
		const box = page.locator('[data-filter="topic"] input').first();
		const name = await box.getAttribute('value');
		await box.check();
		await page.waitForSelector('.search-result');
		expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([name]);
		const topicsShown = await page.locator('.search-topics').allTextContents();
		expect(topicsShown.length).toBeGreaterThan(0);
		for (const t of topicsShown) expect(t).toContain(name);
		await page.context().close();
	});

	test('a first query downloads no filter chunk; a filter loads only its own', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const filterChunks = requested(page, '.pf_filter');
		await page.goto(`${site.url}search/`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		await page.fill('#search-q', 'speech');
		await page.waitForSelector('.search-result');
		await page.waitForTimeout(300);
		expect(filterChunks).toEqual([]);
		await page.check('input[name="code"]');
		await page.waitForFunction(() => location.search.includes('code=yes'));
		await page.waitForSelector('.search-result');
		expect(filterChunks).toHaveLength(1);
		await context.close();
	});

	test('a query loads no sort order; filters alone list newest first, each day from rank 1', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const sortFiles = requested(page, '.pf_sort');
		await page.goto(`${site.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		await page.waitForTimeout(300);
		expect(sortFiles).toEqual([]);
		await page.goto(`${site.url}search/?code=yes`);
		await page.waitForSelector('.search-result');
		const paths = await page
			.locator('.search-result-link')
			.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(paths.length).toBeGreaterThan(1);
		const keys = paths.map((path) => {
			const html = readFileSync(`${DIST}${path}index.html`, 'utf8');
			const date = /data-pagefind-meta="date\[data-value\]" data-value="([\d-]+)"/.exec(html)![1]!;
			const rank = /data-pagefind-sort="rank\[data-value\]" data-value="(\d+)"/.exec(html)![1]!;
			return { date, rank: Number(rank) };
		});
		const newestFirst = [...keys].sort((a, b) =>
			a.date === b.date ? a.rank - b.rank : a.date < b.date ? 1 : -1,
		);
		expect(keys).toEqual(newestFirst);
		expect(sortFiles).toHaveLength(1);
		await context.close();
	});

	test('the page does not shift as the script starts and results arrive (CLS under 0.1)', async () => {
		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 390, height: 844 },
		]) {
			const context = await browser.newContext({ serviceWorkers: 'block', viewport });
			const page = await context.newPage();
			await page.goto(`${site.url}search/?q=speech`);
			await page.waitForSelector('.search-result');
			await page.waitForTimeout(300);
			// Layout shifts since the page began loading (buffered), none caused by input.
			const cls = await page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						let sum = 0;
						new PerformanceObserver((list) => {
							for (const e of list.getEntries() as Array<
								PerformanceEntry & { value: number; hadRecentInput: boolean }
							>)
								if (!e.hadRecentInput) sum += e.value;
						}).observe({ type: 'layout-shift', buffered: true });
						setTimeout(() => resolve(sum), 100);
					}),
			);
			expect(cls, `${viewport.width} px`).toBeLessThan(0.1);
			// Wide screens show the filters beside the results; phones fold them.
			expect(
				await page.locator('[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open),
			).toBe(viewport.width > 768);
			await context.close();
		}
	});

	test('on a phone the filters fold away, their summary counting those set', async () => {
		const context = await browser.newContext({
			serviceWorkers: 'block',
			viewport: { width: 375, height: 800 },
		});
		const page = await context.newPage();
		await page.goto(`${site.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		expect(
			await page.locator('[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open),
		).toBe(false);
		// The first result is on the first screen, not below the topic list.
		const top = await page.locator('.search-result').first().boundingBox();
		expect(top!.y).toBeLessThan(800);
		await page.click('[data-filters] summary');
		await page.check('input[name="code"]');
		await page.waitForFunction(() => location.search.includes('code=yes'));
		expect(await page.locator('[data-filters] summary').innerText()).toBe('Filters (1 set)');
		// A URL that sets a filter keeps the panel folded too: the results come first.
		await page.goto(`${site.url}search/?q=speech&code=yes`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		expect(
			await page.locator('[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open),
		).toBe(false);
		expect(await page.locator('[data-filters] summary').innerText()).toBe('Filters (1 set)');
		await context.close();
	});

	test('the keyboard hint shows with a mouse and keyboard, not on a touch screen', async () => {
		const visible = async (options: Parameters<Browser['newContext']>[0]) => {
			const context = await browser.newContext({ serviceWorkers: 'block', ...options });
			const page = await context.newPage();
			await page.goto(`${site.url}search/`);
			const shown = await page.locator('#search-hint').isVisible();
			await context.close();
			return shown;
		};
		expect(await visible({})).toBe(true);
		expect(
			await visible({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true }),
		).toBe(false);
	});

	test('typing updates the shareable ?q= URL', async () => {
		const page = await open(`${site.url}search/`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		await page.fill('#search-q', 'quantization');
		await page.waitForFunction(() => location.search === '?q=quantization');
		await page.waitForSelector('.search-result');
		expect((await titles(page)).slice(0, 3).join(' ')).toMatch(/quantiz/i);
		await page.context().close();
	});

	test('a query with no match says so, and what to try', async () => {
		const page = await open(`${site.url}search/?q=zzqxjvw`);
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.startsWith('No papers'),
		);
		expect(await page.locator('.search-result').count()).toBe(0);
		expect(await page.locator('[data-status]').textContent()).toBe(
			'No papers for “zzqxjvw”. Check the spelling or try other words.',
		);
		// Quotes that do not help: nothing found without them either, so no advice to drop them.
		await page.fill('#search-q', '"zzqxjvw"');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.includes('"zzqxjvw"'),
		);
		expect(await page.locator('[data-status]').textContent()).toBe(
			'No papers for “"zzqxjvw"”. Check the spelling or try other words.',
		);
		await page.context().close();
	});

	test('a word no paper has is named, not silently left out of the search', async () => {
		const page = await open(`${site.url}search/?q=speech`);
		const status = page.locator('[data-status]');
		await page.waitForSelector('.search-result');
		const speech = Number(/^(\d+) papers?/.exec((await status.textContent())!)![1]);
		// Pagefind answers for the words it knows: the count is speech's, and the status says so.
		await page.fill('#search-q', 'speech zzqxv');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.includes('“zzqxv”'),
		);
		expect(await status.textContent()).toBe(
			`${speech} papers for “speech zzqxv”. No paper has “zzqxv”: these are for the other words.`,
		);
		// Every word found: nothing added.
		await page.fill('#search-q', 'speech recognition');
		await page.waitForFunction(() =>
			/ for “speech recognition”\.$/.test(document.querySelector('[data-status]')!.textContent!),
		);
		await page.context().close();
	});

	test('a quoted phrase that finds few papers says how many its words find without the quotes', async () => {
		const page = await open(`${site.url}search/?q=${encodeURIComponent('self supervised')}`);
		const status = page.locator('[data-status]');
		await page.waitForSelector('.search-result');
		const words = Number(/^(\d+) papers/.exec((await status.textContent())!)![1]);
		expect(words).toBeGreaterThan(1);
		// The abstracts write self-supervised: the phrase "self supervised" is in none of them.
		await page.fill('#search-q', '"self supervised"');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.startsWith('No papers'),
		);
		expect(await status.textContent()).toBe(
			`No papers for “"self supervised"”. Without the quotes: ${words} papers.`,
		);
		// Found, but fewer than a page: the count is said after theirs.
		await page.fill('#search-q', 'speech recognition');
		await page.waitForFunction(() =>
			/ for “speech recognition”\.$/.test(document.querySelector('[data-status]')!.textContent!),
		);
		const unquoted = Number(/^(\d+) papers/.exec((await status.textContent())!)![1]);
		await page.fill('#search-q', '"speech recognition"');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.includes('Without the quotes'),
		);
		expect(await status.textContent()).toMatch(
			new RegExp(
				`^\\d+ papers for “"speech recognition"”\\. Without the quotes: ${unquoted} papers\\.$`,
			),
		);
		expect(await page.locator('.search-result').count()).toBeLessThan(unquoted);
		await page.context().close();
	});

	test.each([
		['2109.00859', 'No paper with arXiv id 2109.00859 on this site.'],
		['arXiv:2503.12345v2', 'No paper with arXiv id 2503.12345 on this site.'],
		[
			'doi.org/10.1103/PhysRevD.76.013010',
			'No paper with DOI 10.1103/PhysRevD.76.013010 on this site.',
		],
	])(
		'an id no paper of the site has (%s) finds none, not papers sharing parts of it',
		async (q, said) => {
			// The seed's papers have no arXiv ids or DOIs; Pagefind matches these on their parts.
			const page = await open(`${site.url}search/?q=${encodeURIComponent(q)}`);
			await page.waitForFunction(() =>
				document.querySelector('[data-status]')?.textContent?.startsWith('No paper'),
			);
			expect(await page.locator('[data-status]').textContent()).toBe(said);
			expect(await page.locator('.search-result').count()).toBe(0);
			await page.context().close();
		},
	);

	test('TeX and ligatures pasted into the box are read as the site writes them', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const scripts = requested(page, '.js');
		await page.goto(`${site.url}search/?q=fine-tuning`);
		await page.waitForSelector('.search-result');
		const status = page.locator('[data-status]');
		const plain = (await status.textContent())!.split(' for ')[0];
		// The TeX reader is loaded only for a query that may hold TeX.
		expect(scripts.filter((u) => u.includes('/math-text.'))).toEqual([]);
		await page.fill('#search-q', '\uFB01ne-tuning');
		await page.waitForFunction(() =>
			/ﬁne-tuning/.test(document.querySelector('[data-status]')!.textContent!),
		);
		expect((await status.textContent())!.split(' for ')[0]).toBe(plain);
		await page.fill('#search-q', '$\\mathrm{SpeechT5}$');
		await page.waitForFunction(() =>
			/mathrm/.test(document.querySelector('[data-status]')!.textContent!),
		);
		expect(await page.locator('.search-result-link').first().getAttribute('href')).toBe(
			'/papers/speecht5/',
		);
		expect(scripts.filter((u) => u.includes('/math-text.'))).toHaveLength(1);
		await context.close();
	});

	test('a topic the page no longer offers is dropped from the URL, not searched for', async () => {
		const page = await open(`${site.url}search/?q=model&topic=Nonexistent`);
		await page.waitForSelector('.search-result');
		expect(new URL(page.url()).search).toBe('?q=model');
		expect(await page.locator('input[name="topic"]:checked').count()).toBe(0);
		expect(await page.locator('[data-status]').textContent()).toMatch(/ for “model”\.$/);
		await page.context().close();
	});

	test('Back and Forward go through the searches run, query and filters', async () => {
		const page = await open(`${site.url}search/`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		const start = await page.evaluate(() => history.length);
		const at = (search: string) =>
			page.waitForFunction(
				(s) =>
					location.search === s &&
					document.querySelector('[data-status]')?.textContent?.includes(' for “'),
				search,
			);
		// Typed, then submitted: one entry (it replaces the empty page's).
		await page.fill('#search-q', 'speech');
		await page.press('#search-q', 'Enter');
		await at('?q=speech');
		// Typed word by word: one entry for the query, not one per pause.
		await page.fill('#search-q', 'mod');
		await at('?q=mod');
		await page.fill('#search-q', 'model');
		await at('?q=model');
		await page.check('input[name="code"]');
		await at('?q=model&code=yes');
		// The empty page was replaced; "mod…model" and the filter each pushed one entry.
		expect(await page.evaluate(() => history.length)).toBe(start + 2);
		await page.goBack();
		await at('?q=model');
		expect(await page.isChecked('input[name="code"]')).toBe(false);
		expect(await page.inputValue('#search-q')).toBe('model');
		expect(await page.locator('[data-clear]').isHidden()).toBe(true);
		await page.goBack();
		await at('?q=speech');
		expect(await page.inputValue('#search-q')).toBe('speech');
		expect(await page.locator('[data-status]').textContent()).toMatch(/ for “speech”\.$/);
		await page.goForward();
		await page.goForward();
		await at('?q=model&code=yes');
		expect(await page.isChecked('input[name="code"]')).toBe(true);
		await page.context().close();
	});

	test('an index that fails to load says search is unavailable, not "No papers", and retries online', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		// Pagefind logs the failed chunk and searches without it: the query finds nothing.
		await context.route('**/pagefind/index/**', (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		await page.goto(`${site.url}search/?q=LightHuBERT`);
		const status = page.locator('[data-status]');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.startsWith('Search is not available'),
		);
		expect(await status.textContent()).toMatch(/part of its index failed to load/);
		expect(await page.locator('.search-result').count()).toBe(0);
		// The connection comes back: the same search runs again and finds the paper.
		await context.unroute('**/pagefind/index/**');
		await page.evaluate(() => dispatchEvent(new Event('online')));
		await page.waitForSelector('.search-result');
		expect(await status.textContent()).toMatch(/for “LightHuBERT”\.$/);
		await context.close();
	});

	test('Pagefind that failed to load says why, loads once back online, and the search runs', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		// The connection drops as the page arrives: Pagefind's script does not load.
		await context.route('**/pagefind/pagefind.js*', (route) => route.abort('internetdisconnected'));
		const page = await context.newPage();
		await page.goto(`${site.url}search/`);
		await page.waitForFunction(
			() => document.querySelector<HTMLElement>('[data-search]')?.dataset.state === 'unavailable',
		);
		const status = page.locator('[data-status]');
		// A failed connection, not a site without an index (readers were told to build the site).
		expect(await status.textContent()).toMatch(/^Search could not load: check your connection/);
		await context.setOffline(true);
		// Back online: search loads (its script under a new address: a browser may keep a failed
		// import's failure) and what the reader types is searched, not said to have no index.
		await context.unroute('**/pagefind/pagefind.js*');
		await context.setOffline(false);
		await page.waitForFunction(
			() => document.querySelector<HTMLElement>('[data-search]')?.dataset.state === 'ready',
		);
		await page.fill('#search-q', 'LightHuBERT');
		await page.waitForSelector('.search-result');
		expect(await status.textContent()).toMatch(/for “LightHuBERT”\.$/);
		await context.close();
	});

	test('after a deploy replaced the index, a page opened before searches the new one', async () => {
		const page = await open(`${site.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		// The deploy: the chunks this page's index names answer 404, until Pagefind has read the
		// index's entry file again (a new build names new chunks).
		const entries = await deployUnder(page, 'index');
		await page.fill('#search-q', 'LightHuBERT');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.includes('for “LightHuBERT”.'),
		);
		expect(entries()).toBe(1);
		expect(await page.locator('.search-result-link').first().getAttribute('href')).toBe(
			'/papers/lighthubert/',
		);
		// Still gone after starting again: the page says to reload, not to check the connection.
		await page.unroute('**/pagefind/index/**');
		await page.route('**/pagefind/index/**', (route) => route.fulfill({ status: 404, body: '' }));
		await page.fill('#search-q', 'translation');
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.startsWith('The site was updated'),
		);
		expect(await page.locator('.search-result').count()).toBe(0);
		await page.context().close();
	});

	test('"Show more" as a deploy replaces the index brings the next results, on the new index', async () => {
		const page = await open(`${site.url}search/?q=model`);
		await page.waitForSelector('.search-result');
		const entries = await deployUnder(page, 'fragment');
		await page.focus('[data-more]');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 20);
		expect(entries()).toBe(1);
		// Focus is on the first of the results "Show more" brought, not back at the top.
		expect(
			await page.evaluate(() =>
				[...document.querySelectorAll('.search-result-link')].indexOf(document.activeElement!),
			),
		).toBe(10);
		await page.context().close();
	});

	test('an index missing from the start says so, not that the site was updated', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		await context.route(/\/pagefind\/(pagefind-entry\.json|index\/)/, (route) =>
			route.fulfill({ status: 404, body: '' }),
		);
		const page = await context.newPage();
		await page.goto(`${site.url}search/?q=speech`);
		await page.waitForFunction(() =>
			document.querySelector('[data-status]')?.textContent?.startsWith('Search is not available'),
		);
		expect(await page.locator('[data-status]').textContent()).toMatch(
			/the search index is missing/,
		);
		await context.close();
	});
});

describe('keyboard', () => {
	test('/ on a paper page leads to the search box', async () => {
		const page = await open(`${site.url}papers/speecht5/`);
		await page.keyboard.press('/');
		// Focuses the header search box, or (without one) opens the search page focused.
		await page.waitForSelector('input[name="q"]:focus');
		await page.keyboard.type('UNIT');
		await page.keyboard.press('Enter');
		await page.waitForSelector('.search-result');
		expect(new URL(page.url()).pathname).toBe('/search/');
		expect(new URL(page.url()).searchParams.get('q')).toBe('UNIT');
		await page.context().close();
	});

	test('the reader can turn the / shortcut off and on again (WCAG 2.1.4)', async () => {
		const page = await open(`${site.url}search/`);
		const toggle = page.getByRole('button', { name: 'Turn off the / shortcut' });
		await toggle.click();
		expect(await page.locator('#search-hint').innerText()).toMatch(
			/^The \/ shortcut is off \(turn on\)\. /,
		);
		// Off, `/` is an ordinary key on every page: nothing takes the focus.
		await page.goto(`${site.url}papers/speecht5/`);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
		expect(new URL(page.url()).pathname).toBe('/papers/speecht5/');
		await page.goto(`${site.url}search/`);
		await page.getByRole('button', { name: 'Turn on the / shortcut' }).click();
		expect(await page.locator('#search-hint').innerText()).toMatch(
			/^Press \/ to search from any page \(turn off\)\. /,
		);
		await page.locator('h1').click();
		await page.keyboard.press('/');
		await page.waitForSelector('input[name="q"]:focus');
		await page.context().close();
	});

	test('arriving with a query, ↓ goes to the first result, and a skip link passes the filters', async () => {
		const page = await open(`${site.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
		const first = await page.locator('.search-result-link').first().getAttribute('href');
		await page.keyboard.press('ArrowDown');
		expect(
			await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href')),
		).toBe(first);
		// From the search box, Tab reaches "Skip to results" before the filters' checkboxes.
		await page.focus('#search-q');
		const tabs: string[] = [];
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press('Tab');
			tabs.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
		}
		expect(tabs).toContain('Skip to results');
		await page.focus('a.skip-link[href="#search-results"]');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(
			await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href')),
		).toBe(first);
		await page.context().close();
	});

	test('↓ with nothing focused scrolls once the first result is out of view; Escape clears the box', async () => {
		const page = await open(`${site.url}search/?q=model`);
		await page.waitForSelector('.search-result');
		await page.click('[data-more]');
		await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
		await page.evaluate(() => {
			(document.activeElement as HTMLElement | null)?.blur();
			scrollTo(0, document.body.scrollHeight);
		});
		const y = await page.evaluate(() => scrollY);
		expect(y).toBeGreaterThan(0);
		await page.evaluate(() => scrollTo(0, scrollY - 400));
		await page.keyboard.press('ArrowDown');
		// The browser scrolled; focus did not jump back to the first result.
		expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
		await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(y - 400);
		// In the search box, Escape clears it (the browser's own behaviour, as in the header's).
		await page.focus('#search-q');
		await page.keyboard.press('Escape');
		expect(await page.inputValue('#search-q')).toBe('');
		await page.context().close();
	});

	test('arrows move through results and Enter opens one', async () => {
		const page = await open(`${site.url}search/?q=speech`);
		await page.waitForSelector('.search-result');
		await page.focus('#search-q');
		const links = await page
			.locator('.search-result-link')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
		const focused = () =>
			page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
		// Each title and excerpt takes its own direction, isolated from the next (an unclosed
		// U+202E in a title reversed the excerpt under it).
		expect(
			await page
				.locator('.search-result-link, .search-excerpt')
				.evaluateAll((els) => els.every((e) => e.getAttribute('dir') === 'auto')),
		).toBe(true);
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(links[0]);
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(links[1]);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		await page.keyboard.press('ArrowDown');
		await Promise.all([page.waitForURL(`${site.origin}${links[0]}`), page.keyboard.press('Enter')]);
		await page.context().close();
	});

	test('back from a result, focus returns to the result that was opened, more results included', async () => {
		const page = await open(`${site.url}search/?q=model`);
		await page.waitForSelector('.search-result');
		await page.click('[data-more]');
		await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
		const link = page.locator('.search-result-link').nth(12);
		const href = await link.getAttribute('href');
		await Promise.all([page.waitForURL(`${site.origin}${href}`), link.click()]);
		await page.goBack();
		await page.waitForFunction(
			(h) => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') === h,
			href,
		);
		// A new query forgets it.
		await page.fill('#search-q', 'speech');
		await page.waitForFunction(() => location.search === '?q=speech');
		expect(await page.evaluate(() => history.state)).toBeNull();
		await page.context().close();
	});

	test('"more results" hands keyboard focus to the first result it brought and says how many show', async () => {
		const page = await open(`${site.url}search/?q=model`);
		await page.waitForSelector('.search-result');
		const more = page.locator('[data-more]');
		let shown = await page.locator('.search-result').count();
		const total = Number(/^(\d+) papers/.exec((await page.textContent('[data-status]'))!)![1]);
		expect(await more.isVisible()).toBe(true);
		// Every press, the last one (which hides the button) included: the button itself moved
		// down past the new results, off the screen.
		while (await more.isVisible()) {
			await more.focus();
			await page.keyboard.press('Enter');
			await page.waitForFunction(
				(n) => document.querySelectorAll('.search-result').length > n,
				shown,
			);
			const focusedIndex = await page.evaluate(() =>
				[...document.querySelectorAll('.search-result-link')].indexOf(document.activeElement!),
			);
			expect(focusedIndex).toBe(shown);
			shown = await page.locator('.search-result').count();
			expect(await page.textContent('[data-status]')).toContain(`Showing ${shown} of ${total}.`);
		}
		await page.context().close();
	});

	test('clicks on "more results" while they load add each result once', async () => {
		const page = await open(`${site.url}search/?q=model`);
		await page.waitForSelector('.search-result');
		// Slow result data down, then click three times before the first batch arrives.
		await page.route('**/pagefind/fragment/**', async (route) => {
			await new Promise((r) => setTimeout(r, 300));
			await route.continue();
		});
		const shown = await page.locator('.search-result').count();
		await page.evaluate(() => {
			const more = document.querySelector<HTMLButtonElement>('[data-more]')!;
			for (let i = 0; i < 3; i++) more.click();
		});
		await page.waitForFunction(
			(n) => document.querySelectorAll('.search-result').length > n,
			shown,
		);
		await page.waitForTimeout(1000);
		const hrefs = await page
			.locator('.search-result-link')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs.length).toBe(shown + 10);
		expect(new Set(hrefs).size).toBe(hrefs.length);
		await page.context().close();
	});
});

describe('loading', () => {
	test('what the reader types and ticks before search has loaded is kept and searched', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		// A slow line: the page's script and then Pagefind's arrive only once let through.
		const hold = (pattern: string): (() => void) => {
			let release!: () => void;
			const released = new Promise<void>((r) => (release = r));
			void page.route(pattern, async (route) => {
				await released;
				await route.continue();
			});
			return release;
		};
		const releaseScript = hold('**/_astro/SearchPanel.*.js');
		const releasePagefind = hold('**/pagefind/pagefind.js');
		await page.goto(`${site.url}search/`, { waitUntil: 'commit' });
		await page.waitForSelector('#search-q');
		// Before the page's script has run: a filter and the first letters.
		await page.check('input[name="code"]');
		await page.focus('#search-q');
		await page.keyboard.type('spe');
		releaseScript();
		await page.waitForSelector('[data-search][data-enhanced]');
		// While Pagefind loads: the rest of the word, and the page says search is on its way.
		await page.keyboard.type('ech', { delay: 50 });
		await page.waitForFunction(
			() => document.querySelector('[data-status]')?.textContent === 'Loading search…',
		);
		await page.waitForTimeout(300);
		releasePagefind();
		await page.waitForSelector('.search-result');
		expect(await page.inputValue('#search-q')).toBe('speech');
		expect(await page.isChecked('input[name="code"]')).toBe(true);
		expect(await page.locator('[data-status]').textContent()).toMatch(
			/^\d+ papers? for “speech” with these filters\.$/,
		);
		expect(new URL(page.url()).search).toBe('?q=speech&code=yes');
		await context.close();
	});

	test('the status line says what to do from the first paint; without scripts, that search needs them', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		// The page's script never arrives: what the HTML shows.
		await page.route('**/_astro/SearchPanel.*.js', () => undefined);
		await page.goto(`${site.url}search/`, { waitUntil: 'commit' });
		await page.waitForSelector('[data-status]');
		expect(await page.locator('[data-status]').innerText()).toBe(
			'Type to search titles, short names, authors and abstracts.',
		);
		await context.close();
		const noScripts = await browser.newContext({ javaScriptEnabled: false });
		const plain = await noScripts.newPage();
		await plain.goto(`${site.url}search/`);
		expect(await plain.locator('[data-status]').innerText()).toBe(
			'Search runs in your browser and needs JavaScript.',
		);
		await noScripts.close();
	});

	test('the search page names the files of its first search in its HTML, each used as hinted', async () => {
		const html = readFileSync(`${DIST}/search/index.html`, 'utf8');
		const hints = [
			...html.matchAll(/<link rel="((?:module)?preload)" href="([^"]+)"([^>]*)>/g),
		].map(([, rel, href, rest]) => ({ rel: rel!, href: href!, rest: rest! }));
		// Pagefind's script, and its metadata and WebAssembly as its entry file names them: an
		// upgrade that renames or moves them fails here, not silently in the readers' browsers.
		const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, 'utf8')) as {
			languages: Record<string, { hash: string; wasm: string }>;
		};
		const { hash, wasm } = entry.languages.en!;
		expect(hints.map((h) => h.href)).toEqual(
			expect.arrayContaining([
				'/pagefind/pagefind.js',
				`/pagefind/pagefind.${hash}.pf_meta`,
				`/pagefind/wasm.${wasm}.pagefind`,
			]),
		);
		for (const h of hints) {
			expect(existsSync(`${DIST}${h.href}`), h.href).toBe(true);
			// Fetched as Pagefind's fetch() asks (CORS), or the browser fetches the file twice.
			expect(h.rest, h.href).toBe(h.rel === 'preload' ? ' as="fetch" crossorigin' : '');
		}
		const named = new Set([...hints.map((h) => h.href), ...moduleScripts(html)]);
		// Cold, then from the service worker's copy: each hinted file is fetched once (the page's
		// own request takes the preload), every script and index file the first search loads
		// before its chunks was named in the HTML, and Chromium warns of no preload unused.
		const cold = await browser.newContext({ serviceWorkers: 'block' });
		const warm = await browser.newContext();
		const first = await warm.newPage();
		await first.goto(`${site.url}search/`);
		await first.evaluate(() => navigator.serviceWorker.ready);
		await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
		for (const context of [cold, warm]) {
			const page = await context.newPage();
			const messages: string[] = [];
			page.on('console', (m) => messages.push(m.text()));
			const paths: string[] = [];
			page.on('request', (r) => paths.push(new URL(r.url()).pathname));
			await page.goto(`${site.url}search/?q=speech`);
			await page.waitForSelector('.search-result');
			// Chromium warns of a preload left unused a few seconds after the load event.
			await page.waitForTimeout(3500);
			for (const h of hints)
				expect(
					paths.filter((p) => p === h.href),
					h.href,
				).toHaveLength(1);
			expect(paths.filter((p) => /\.(js|pf_meta|pagefind)$/.test(p) && !named.has(p))).toEqual([]);
			expect(messages.filter((m) => /preload/i.test(m))).toEqual([]);
		}
		await cold.close();
		await warm.close();
	});

	test('a paper page loads no search code', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const urls: string[] = [];
		page.on('request', (r) => urls.push(r.url()));
		await page.goto(`${site.url}papers/speecht5/`, { waitUntil: 'networkidle' });
		expect(urls.filter((u) => u.includes('/pagefind/'))).toEqual([]);
		await context.close();
	});
});

describe('base path', () => {
	test('search works under BASE_PATH and links stay under it', async () => {
		const page = await open(`${based.url}search/?q=SpeechT5`);
		await page.waitForSelector('.search-result');
		expect(await page.locator('.search-result-link').first().getAttribute('href')).toBe(
			`${BASE_PATH}papers/speecht5/`,
		);
		// The server logs paths below its base: the index came from <base>pagefind/.
		expect(based.log.some((l) => l.path.startsWith('/pagefind/'))).toBe(true);
		// So are the files its head names for the first search.
		const html = readFileSync(`${DIST_BASE}/search/index.html`, 'utf8');
		const hinted = [...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map(
			(m) => m[1]!,
		);
		expect(hinted.length).toBeGreaterThanOrEqual(3);
		for (const href of hinted) {
			expect(href.startsWith(BASE_PATH), href).toBe(true);
			expect(existsSync(`${DIST_BASE}/${href.slice(BASE_PATH.length)}`), href).toBe(true);
		}
		await page.context().close();
	});
});
