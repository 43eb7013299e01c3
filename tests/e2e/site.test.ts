/**
 * The reading site in Chromium: navigation, pagination, theme toggle without flash, keyboard
 * use, copy buttons, the Content-Security-Policy in force, and the sub-path build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';
import { serveSite, type SiteServer } from './support/server.ts';
import { parseHeadersFile } from './support/built-site.ts';

const PAGE_SIZE = 50;
const paperCount = readdirSync(join(DIST, 'papers')).length;

let browser: Browser;
let site: SiteServer;
let siteBase: SiteServer;

beforeAll(async () => {
	browser = await launchBrowser();
	site = await serveSite(DIST, '/');
	siteBase = await serveSite(DIST_BASE, BASE_PATH);
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	await siteBase?.close();
});

async function open(
	url: string,
	options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	const page = await ctx.newPage();
	await page.goto(url);
	return { ctx, page };
}

const paperLinks = (page: Page): Promise<string[]> =>
	page.$$eval('.paper-list .paper-item__title a', (as) => as.map((a) => a.getAttribute('href')!));

describe('navigation', () => {
	test('home lists papers, a title leads to its paper page, and next/previous walk the listing', async () => {
		const { ctx, page } = await open(site.url);
		expect(await page.title()).toBe('Abstracta');
		const links = await paperLinks(page);
		expect(links.length).toBe(Math.min(PAGE_SIZE, paperCount));
		const firstTitle = await page.locator('.paper-item__title a').first().innerText();
		await page.locator('.paper-item__title a').first().click();
		await page.waitForURL(`**${links[0]}`);
		expect((await page.locator('h1').innerText()).replace(/\s+/g, ' ')).toBe(
			firstTitle.replace(/\s+/g, ' '),
		);
		expect(await page.locator('section#abstract p').count()).toBeGreaterThan(0);
		// The first paper has no previous one; "next" leads to the second paper of the listing.
		expect(await page.locator('.neighbours a[rel="prev"]').count()).toBe(0);
		await page.locator('.neighbours a[rel="next"]').click();
		await page.waitForURL(`**${links[1]}`);
		await page.locator('.neighbours a[rel="prev"]').click();
		await page.waitForURL(`**${links[0]}`);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Topics' })
			.click();
		await page.waitForURL('**/topics/');
		expect(await page.locator('h1').innerText()).toBe('Topics');
		await ctx.close();
	});

	test('the day archive links each listing day, whose page lists that day in order', async () => {
		const { ctx, page } = await open(`${site.url}days/`);
		await page.locator('.archive a').first().click();
		await page.waitForURL(/\/days\/\d{4}-\d{2}-\d{2}\/$/);
		const date = /days\/([\d-]+)\//.exec(page.url())![1]!;
		const ranks: number[] = [];
		for (const href of await paperLinks(page)) {
			const html = readFileSync(join(DIST, href, 'index.html'), 'utf8');
			expect(html).toContain(`data-pagefind-meta="date[data-value]" data-value="${date}"`);
			ranks.push(
				Number(/data-pagefind-sort="rank\[data-value\]" data-value="(\d+)"/.exec(html)![1]),
			);
		}
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		await ctx.close();
	});

	test('a paper’s side column is pinned while it fits the window, and by its bottom edge when not', async () => {
		const { ctx, page } = await open(`${site.url}papers/codet5/`);
		const aside = page.locator('.paper__aside');
		expect(await aside.evaluate((el) => [getComputedStyle(el).position, el.className])).toEqual([
			'sticky',
			'paper__aside',
		]);
		// A short window: the column's end (the Cite panel) is reached by the page's own scroll, not
		// by scrolling inside the column, and opening BibTeX keeps it where the reader is.
		await page.setViewportSize({ width: 1280, height: 200 });
		await page.waitForFunction(() =>
			document.querySelector('.paper__aside')!.classList.contains('paper__aside--tall'),
		);
		expect(await aside.evaluate((el) => getComputedStyle(el).overflowY)).toBe('visible');
		const summary = page.locator('.paper__aside .cite summary');
		await summary.scrollIntoViewIfNeeded();
		const inWindow = async () => {
			const box = (await summary.boundingBox())!;
			return box.y >= 0 && box.y + box.height <= 200;
		};
		expect(await inWindow()).toBe(true);
		await summary.focus();
		await page.keyboard.press('Enter');
		await page.waitForTimeout(100);
		expect(await page.locator('.paper__aside .cite details').getAttribute('open')).toBe('');
		expect(await inWindow()).toBe(true);
		await page.setViewportSize({ width: 1280, height: 2400 });
		await page.waitForFunction(
			() => !document.querySelector('.paper__aside')!.classList.contains('paper__aside--tall'),
		);
		await ctx.close();
	});

	test('an unknown URL shows the 404 page with a working search form', async () => {
		const { ctx, page } = await open(`${site.url}papers/does-not-exist/`);
		expect(await page.locator('h1').innerText()).toMatch(/isn.t here/);
		await page.locator('#not-found-q').fill('attention');
		await page.locator('#not-found-q').press('Enter');
		await page.waitForURL('**/search/?q=attention');
		await ctx.close();
	});
});

describe('phone widths', () => {
	/** How far the page reaches past the viewport's right edge, and the first element that does. */
	const overflow = (page: Page): Promise<{ by: number; culprit: string }> =>
		page.evaluate(() => {
			const width = document.documentElement.clientWidth;
			// What a sideways scroller holds (a chart on a phone) reaches past the edge on purpose.
			const wide = [...document.querySelectorAll('body *')].find(
				(el) => el.getBoundingClientRect().right > width + 0.5 && !el.closest('[data-scroll-x] *'),
			);
			return {
				by: document.documentElement.scrollWidth - width,
				culprit: wide ? `${wide.tagName.toLowerCase()}.${wide.className}` : '',
			};
		});

	test.each([320, 375])(
		'no page kind scrolls sideways at %i px, search results and open filters included',
		async (width) => {
			const { ctx, page } = await open(site.url, { viewport: { width, height: 800 } });
			const topic = readdirSync(join(DIST, 'topics'), { withFileTypes: true }).find((d) =>
				d.isDirectory(),
			)!.name;
			for (const path of ['', 'topics/', `topics/${topic}/`, 'days/', 'papers/none/']) {
				await page.goto(`${site.url}${path}`);
				expect({ path, ...(await overflow(page)) }).toEqual({ path, by: 0, culprit: '' });
			}
			await page.goto(`${site.url}search/?q=code`);
			await page.waitForSelector('.search-result');
			await page.locator('.search-filters summary').click();
			expect({ path: 'search', ...(await overflow(page)) }).toEqual({
				path: 'search',
				by: 0,
				culprit: '',
			});
			await ctx.close();
		},
	);

	test('no paper page scrolls sideways at 375 px (math, code links, long words)', async () => {
		const { ctx, page } = await open(site.url, { viewport: { width: 375, height: 800 } });
		const wide: string[] = [];
		for (const slug of readdirSync(join(DIST, 'papers'))) {
			await page.goto(`${site.url}papers/${slug}/`);
			const { by, culprit } = await overflow(page);
			if (by > 0 || culprit) wide.push(`${slug}: ${by}px (${culprit})`);
		}
		expect(wide).toEqual([]);
		await ctx.close();
	});
});

describe('pagination', () => {
	test('home pages split the listing at the page size with no paper lost or repeated', async () => {
		const pages = Math.ceil(paperCount / PAGE_SIZE);
		expect(pages).toBeGreaterThan(1);
		const seen: string[] = [];
		const { ctx, page } = await open(site.url);
		for (let n = 1; n <= pages; n++) {
			if (n > 1) {
				await page.locator('.pagination a[rel="next"]').click();
				await page.waitForURL(`**/page/${n}/`);
			}
			expect(await page.locator('.pagination [aria-current="page"]').innerText()).toBe(String(n));
			seen.push(...(await paperLinks(page)));
		}
		expect(await page.locator('.pagination a[rel="next"]').count()).toBe(0);
		expect(seen.length).toBe(paperCount);
		expect(new Set(seen).size).toBe(paperCount);
		expect((await page.goto(`${site.url}page/${pages + 1}/`))?.status()).toBe(404);
		// Page 1 is the home page; its /page/1/ address sends the reader there, with the part
		// after `#` (the meta refresh alone dropped it).
		await page.goto(`${site.url}page/1/#main`);
		await page.waitForURL(`${site.url}#main`);
		expect(await page.locator('.pagination [aria-current="page"]').innerText()).toBe('1');
		await ctx.close();
	});

	test('topic pages paginate like home and link their feed', async () => {
		const topics = readdirSync(join(DIST, 'topics'), { withFileTypes: true }).filter((d) =>
			d.isDirectory(),
		);
		for (const t of topics) {
			const html = readFileSync(join(DIST, 'topics', t.name, 'index.html'), 'utf8');
			expect(html).toContain(`href="/topics/${t.name}/rss.xml"`);
			expect(html).toMatch(
				new RegExp(
					`<link rel="alternate" type="application/rss\\+xml"[^>]*href="/topics/${t.name}/rss.xml"`,
				),
			);
			const count = Number(/(\d+) papers?</.exec(html)![1]);
			const pageDirs = readdirSync(join(DIST, 'topics', t.name)).includes('page')
				? readdirSync(join(DIST, 'topics', t.name, 'page'))
				: [];
			// page/2/ … page/N/, and page/1/, which sends the reader to the topic's own address.
			expect(pageDirs.filter((d) => d !== '1').length).toBe(Math.ceil(count / PAGE_SIZE) - 1);
			expect(pageDirs).toContain('1');
		}
		const { ctx, page } = await open(site.url);
		await page.goto(`${site.url}topics/${topics[0]!.name}/page/1/`);
		await page.waitForURL(`${site.url}topics/${topics[0]!.name}/`);
		await ctx.close();
	});
});

describe('day pages', () => {
	test('a day paginates like a topic, every paper once, in its order on the day', async () => {
		const date = readdirSync(join(DIST, 'days')).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))!;
		const first = readFileSync(join(DIST, 'days', date, 'index.html'), 'utf8');
		const count = Number(/(\d+) papers? on this listing/.exec(first)![1]);
		// The seed's day lists 75 papers: two pages at the default page size.
		const pages = Math.ceil(count / PAGE_SIZE);
		expect(pages).toBeGreaterThan(1);
		const { ctx, page } = await open(`${site.url}days/${date}/`);
		const seen: string[] = [];
		for (let n = 1; n <= pages; n++) {
			if (n > 1) {
				await page.getByRole('link', { name: 'Next page' }).click();
				await page.waitForURL(`${site.url}days/${date}/page/${n}/`);
			}
			const address = n > 1 ? `days/${date}/page/${n}/` : `days/${date}/`;
			expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
				`https://abstracta.example/${address}`,
			);
			expect(await page.title()).toMatch(n > 1 ? `, page ${n} · Abstracta` : /\d{4} · Abstracta$/);
			expect(await page.locator('.pagination [aria-current="page"]').innerText()).toBe(String(n));
			const links = await paperLinks(page);
			expect(links.length).toBe(Math.min(PAGE_SIZE, count - seen.length));
			seen.push(...links);
		}
		expect(await page.locator('.pagination a[rel="next"]').count()).toBe(0);
		expect(new Set(seen).size).toBe(count);
		const ranks = seen.map((href) =>
			Number(
				/data-pagefind-sort="rank\[data-value\]" data-value="(\d+)"/.exec(
					readFileSync(join(DIST, href, 'index.html'), 'utf8'),
				)![1],
			),
		);
		expect(ranks).toEqual(Array.from({ length: count }, (_, i) => i + 1));
		expect((await page.goto(`${site.url}days/${date}/page/${pages + 1}/`))?.status()).toBe(404);
		// Page 1 is the day's own address; its page/1/ sends the reader there.
		await page.goto(`${site.url}days/${date}/page/1/`);
		await page.waitForURL(`${site.url}days/${date}/`);
		await ctx.close();
	});

	test('a paper’s date, on its page and in a topic’s listing, links the page of its day that lists it', async () => {
		const date = readdirSync(join(DIST, 'days')).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))!;
		// The first paper of each page.
		const onPage = (file: string) =>
			/paper-item__title"><a href="([^"]+)"/.exec(readFileSync(join(DIST, file), 'utf8'))![1]!;
		const cases = [
			{ paper: onPage(`days/${date}/index.html`), day: `/days/${date}/` },
			{ paper: onPage(`days/${date}/page/2/index.html`), day: `/days/${date}/page/2/` },
		];
		// Topic pages hold a paper's listing with its date (the home page groups by day instead).
		const topicPages = readdirSync(join(DIST, 'topics'), { recursive: true, encoding: 'utf8' })
			.filter(
				(f) => f.endsWith('index.html') && f.includes('/') && !f.endsWith('page/1/index.html'),
			)
			.map((f) => `topics/${f}`);
		const { ctx, page } = await open(site.url);
		for (const { paper, day } of cases) {
			await page.goto(`${site.url}${paper.slice(1)}`);
			expect(await page.locator('.paper__eyebrow a').first().getAttribute('href')).toBe(day);
			await page.getByRole('link', { name: /^(Listed|Updated) / }).click();
			await page.waitForURL(`**${day}`);
			expect(await paperLinks(page)).toContain(paper);
			const topicPage = topicPages.find((f) =>
				readFileSync(join(DIST, f), 'utf8').includes(`href="${paper}"`),
			)!;
			await page.goto(`${site.url}${topicPage.replace(/index\.html$/, '')}`);
			const item = page.locator('.paper-item', { has: page.locator(`a[href="${paper}"]`) });
			expect(await item.locator('.paper-item__date').getAttribute('href')).toBe(day);
		}
		await ctx.close();
	});
});

describe('long listings', () => {
	test('papers out of view are skipped until scrolled to, yet print, and no focus ring is clipped', async () => {
		const date = readdirSync(join(DIST, 'days')).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))!;
		const { ctx, page } = await open(`${site.url}days/${date}/`, {
			viewport: { width: 375, height: 800 },
		});
		const last = page.locator('.paper-item').last();
		const shown = () =>
			last.evaluate((li) =>
				li.querySelector('a')!.checkVisibility({ contentVisibilityAuto: true }),
			);
		expect(await shown()).toBe(false);
		await last.scrollIntoViewIfNeeded();
		await page.waitForFunction(() =>
			[...document.querySelectorAll('.paper-item a')]
				.at(-1)!
				.checkVisibility({ contentVisibilityAuto: true }),
		);
		// Skipping clips each item at its edge: a title's focus ring reaches past it on the left.
		await page.keyboard.press('Tab');
		const title = page.locator('.paper-item__title a').first();
		await title.focus();
		const [ring, margin] = await title.evaluate((a) => {
			const style = getComputedStyle(a);
			const item = getComputedStyle(a.closest('.paper-item')!);
			return [
				parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset),
				parseFloat(item.overflowClipMargin),
			];
		});
		expect(ring).toBeGreaterThan(0);
		expect(margin).toBeGreaterThanOrEqual(ring);
		await page.emulateMedia({ media: 'print' });
		expect(await last.evaluate((li) => getComputedStyle(li).contentVisibility)).toBe('visible');
		await ctx.close();
	});
});

describe('theme', () => {
	test('follows the system scheme, toggles, persists across pages and never flashes', async () => {
		const { ctx, page } = await open(site.url, { colorScheme: 'light' });
		const bg = (): Promise<string> =>
			page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const light = await bg();
		const toggle = page.locator('[data-theme-toggle]');
		expect(await toggle.isVisible()).toBe(true);
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		await toggle.click();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		const dark = await bg();
		expect(dark).not.toBe(light);
		// The browser's own colour (theme-color) follows the choice, not only the system scheme.
		const themeColors = (): Promise<string[]> =>
			page.evaluate(() =>
				[...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map(
					(m) => m.content,
				),
			);
		expect(await themeColors()).toEqual(['#15171b', '#15171b']);

		// On the next page, the stored theme must be applied before <body> exists (no flash).
		await page.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				(window as unknown as { themeAtBody: string }).themeAtBody =
					document.documentElement.dataset.theme ?? 'none';
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		await page.goto(`${site.url}topics/`);
		expect(
			await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody),
		).toBe('dark');
		expect(await bg()).toBe(dark);
		expect(await themeColors()).toEqual(['#15171b', '#15171b']);
		await page.locator('[data-theme-toggle]').click();
		expect(await themeColors()).toEqual(['#faf9f6', '#faf9f6']);
		await page.reload();
		expect(await bg()).toBe(light);
		await ctx.close();
	});

	test('without JavaScript the system dark scheme applies and no dead toggle is shown', async () => {
		const { ctx, page } = await open(site.url, { colorScheme: 'dark', javaScriptEnabled: false });
		const { ctx: lightCtx, page: lightPage } = await open(site.url, {
			colorScheme: 'light',
			javaScriptEnabled: false,
		});
		const bg = (p: Page): Promise<string> =>
			p.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(await bg(page)).not.toBe(await bg(lightPage));
		expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
		expect(await page.locator('.copy button').count()).toBe(0);
		await ctx.close();
		await lightCtx.close();
	});
});

describe('keyboard', () => {
	test('the first Tab reaches a visible skip link that moves focus to the main content', async () => {
		const { ctx, page } = await open(site.url);
		await page.keyboard.press('Tab');
		const skip = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const box = el.getBoundingClientRect();
			return { text: el.textContent, top: box.top, outline: getComputedStyle(el).outlineStyle };
		});
		expect(skip.text).toBe('Skip to content');
		expect(skip.top).toBeGreaterThanOrEqual(0);
		await page.keyboard.press('Enter');
		// The fragment navigation is applied asynchronously: wait for it rather than race it.
		await page.waitForURL(/#main$/, { timeout: 5000 });
		expect(page.url()).toMatch(/#main$/);
		await page.keyboard.press('Tab');
		const next = await page.evaluate(() => {
			const el = document.activeElement!;
			return { inMain: Boolean(el.closest('main')), outline: getComputedStyle(el).outlineStyle };
		});
		expect(next.inMain).toBe(true);
		expect(next.outline).not.toBe('none');
		await ctx.close();
	});

	test('focus order on a paper page follows the reading order and focus is always visible', async () => {
		const { ctx, page } = await open(`${site.url}papers/lifegpt/`);
		const order: Array<{ area: string; outline: string }> = [];
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			order.push(
				await page.evaluate(() => {
					const el = document.activeElement!;
					const area = el.closest('header.site-header')
						? 'header'
						: el.closest('main')
							? 'main'
							: el.closest('footer')
								? 'footer'
								: 'other';
					return { area, outline: getComputedStyle(el).outlineStyle };
				}),
			);
		}
		const areas = order.map((o) => o.area).filter((a, i, all) => a !== all[i - 1]);
		expect(areas.slice(0, 4)).toEqual(['other', 'header', 'main', 'footer']);
		for (const o of order.filter((x) => x.area !== 'other')) expect(o.outline).not.toBe('none');
		await ctx.close();
	});
});

describe('paper page enhancements', () => {
	test('copy buttons copy the BibTeX and the link and announce it', async () => {
		const { ctx, page } = await open(`${site.url}papers/lifegpt/`);
		await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect.poll(() => page.locator('.copy__status').nth(1).innerText()).toBe('Copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			'https://abstracta.example/papers/lifegpt/',
		);
		await page.getByRole('button', { name: 'Copy BibTeX' }).click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
			/^@misc\{lifegpt,\n {2}title = \{\{LifeGPT\}: /,
		);
		await ctx.close();
	});

	test('copying a sentence with a formula gives its TeX in place, not a token per line', async () => {
		const { ctx, page } = await open(`${site.url}papers/lighthubert/`);
		await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
		await page.evaluate(() => {
			const p = [...document.querySelectorAll('#abstract p')].find((e) => e.querySelector('math'))!;
			getSelection()!.selectAllChildren(p);
		});
		await page.keyboard.press('Control+C');
		const text = await page.evaluate(() => navigator.clipboard.readText());
		expect(text).toContain('enables over $10^9$ architectures');
		expect(text).not.toContain('\n');
		await ctx.close();
	});

	test('printed, a link in the abstract shows its URL after it once, not twice when its text is the URL', async () => {
		const { ctx, page } = await open(`${site.url}papers/codet5/`);
		await page.emulateMedia({ media: 'print' });
		const link = page.locator('.prose a[href="https://github.com/salesforce/CodeT5"]');
		const after = () => link.evaluate((a) => getComputedStyle(a, '::after').content);
		expect(await link.textContent()).toBe('https://github.com/salesforce/CodeT5');
		expect(await after()).toBe('none');
		// Any other link text is followed by its address.
		await link.evaluate((a) => {
			a.removeAttribute('class');
			a.textContent = 'our code';
		});
		expect(await after()).toBe('" <https://github.com/salesforce/CodeT5>"');
		await ctx.close();
	});

	test('the site runs under its Content-Security-Policy without violations', async () => {
		const headers = parseHeadersFile(readFileSync('public/_headers', 'utf8'))['/*']!;
		const ctx = await browser.newContext();
		await ctx.route('**/*', async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
		});
		const page = await ctx.newPage();
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
		});
		for (const path of ['', 'papers/combiner/', 'papers/lifegpt/', 'topics/', 'nope/']) {
			await page.goto(site.url + path);
			await page.waitForLoadState('networkidle');
			expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(true);
		}
		expect(violations).toEqual([]);
		// A request still in flight (service worker, prefetch) must not reach the handler once the
		// context is gone: that surfaced as an unhandled rejection after the test in one CI run.
		await ctx.unrouteAll({ behavior: 'ignoreErrors' });
		await ctx.close();
	});
});

describe('sub-path build', () => {
	test('pages, styles, scripts and navigation all work under /reading-list/', async () => {
		const { ctx, page } = await open(siteBase.url);
		const failed: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
		});
		await page.reload();
		expect(
			await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily),
		).toMatch(/serif/i);
		expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(true);
		const links = await paperLinks(page);
		expect(links.every((l) => l.startsWith(BASE_PATH))).toBe(true);
		await page.locator('.paper-item__title a').first().click();
		await page.waitForURL(`**${links[0]}`);
		await page.getByRole('link', { name: 'Archive' }).first().click();
		await page.waitForURL(`**${BASE_PATH}days/`);
		await page.locator('#site-search-q').fill('transformer');
		await page.locator('#site-search-q').press('Enter');
		await page.waitForURL(`**${BASE_PATH}search/?q=transformer`);
		// Failures of the search page itself belong to the search feature until it is built.
		expect(
			failed.filter(
				(f) => !f.includes('/search/') && !/favicon|apple-touch|manifest|rss\.xml|og\//.test(f),
			),
		).toEqual([]);
		await ctx.close();
	});
});
