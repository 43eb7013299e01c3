/**
 * The site printed: black text on white paper whatever the screen's theme, and a printed page
 * says what it holds (a listing's page of papers and their addresses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';
import { serveSite, type SiteServer } from './support/server.ts';

let browser: Browser;
let site: SiteServer;

beforeAll(async () => {
	browser = await launchBrowser();
	site = await serveSite(DIST, '/');
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** Every kind of page a reader prints, its first and a later page where it has several. */
const PAGES = [
	'',
	'page/2/',
	'papers/codet5/',
	'papers/lifegpt/',
	'topics/',
	'topics/language-models/',
	'days/',
	'days/2025-03-18/',
	'days/2025-03-18/page/2/',
	'search/?q=code',
	'feeds/',
];

/**
 * The printed elements whose own text is not black or the print palette's #333, or whose
 * background is not near white (relative luminance under 0.7 once over white paper; a search
 * match's pale yellow and a translucent tint pass): `tag.class colour on background`.
 */
function offColours(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const ink = new Set(['rgb(0, 0, 0)', 'rgb(51, 51, 51)']);
		const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
		/** Relative luminance (WCAG) of a CSS colour painted over white. */
		const luminance = (colour: string): number => {
			probe.clearRect(0, 0, 1, 1);
			probe.fillStyle = '#fff';
			probe.fillRect(0, 0, 1, 1);
			probe.fillStyle = colour;
			probe.fillRect(0, 0, 1, 1);
			const [r, g, b] = [...probe.getImageData(0, 0, 1, 1).data].map((v) => {
				const c = v / 255;
				return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			}) as [number, number, number];
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const off: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			const style = getComputedStyle(el);
			const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
			if ((text && !ink.has(style.color)) || luminance(style.backgroundColor) < 0.7)
				off.push(
					`${el.localName}.${el.classList[0] ?? ''} ${style.color} on ${style.backgroundColor}`,
				);
		}
		return [...new Set(off)];
	});
}

describe('printed colours', () => {
	test.each([
		['the system in dark mode', 'dark', undefined],
		["the site's dark theme chosen", 'light', 'dark'],
		["the site's light theme chosen under a dark system", 'dark', 'light'],
	] as const)('every kind of page prints black on white with %s', async (_, scheme, theme) => {
		const ctx = await browser.newContext({ colorScheme: scheme, serviceWorkers: 'block' });
		if (theme) await ctx.addInitScript((t) => localStorage.setItem('theme', t), theme);
		const page = await ctx.newPage();
		const found: Record<string, string[]> = {};
		for (const path of PAGES) {
			await page.goto(site.url + path);
			if (path.startsWith('search/')) await page.waitForSelector('.search-result');
			// On screen the chosen or the system's theme is in force.
			await page.emulateMedia({ media: 'screen' });
			const dark = theme ? theme === 'dark' : scheme === 'dark';
			expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
				dark ? 'rgb(21, 23, 27)' : 'rgb(250, 249, 246)',
			);
			await page.emulateMedia({ media: 'print' });
			const off = await offColours(page);
			if (off.length > 0) found[path] = off;
		}
		expect(found).toEqual({});
		await ctx.close();
	});
});

/**
 * The address each listed paper's title (or each of the `links`) prints under it (its link's
 * `::after`, from the page's origin and the link's href), '' where it prints none; in the media
 * the page is emulated in.
 */
function printedAddresses(page: Page, links = '.paper-item__title a'): Promise<string[]> {
	return page.locator(links).evaluateAll((as) =>
		as.map((a) => {
			const after = getComputedStyle(a, '::after');
			return after.display === 'none' || after.content === 'none'
				? ''
				: (JSON.parse(after.content) as string);
		}),
	);
}

describe('a printed paper page', () => {
	test('prints each related paper’s address, and no chart tables twice on the topics index', async () => {
		const ctx = await browser.newContext();
		const page = await ctx.newPage();
		await page.goto(`${site.url}papers/codet5/`);
		const hrefs = await page
			.locator('.related__list > li > a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(hrefs.length).toBeGreaterThan(0);
		expect(await printedAddresses(page, '.related__list > li > a')).toEqual(hrefs.map(() => ''));
		await page.emulateMedia({ media: 'print' });
		expect(await printedAddresses(page, '.related__list > li > a')).toEqual(
			hrefs.map((h) => `https://abstracta.example${h}`),
		);
		// The topics index: each chart prints, its numbers' table behind a closed disclosure does
		// not (its summary printed alone, "… as a table", under every chart).
		await page.goto(`${site.url}topics/`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.chart-figure details').count()).toBeGreaterThan(0);
		expect(
			await page
				.locator('.chart-figure details')
				.evaluateAll((ds) => ds.every((d) => getComputedStyle(d).display === 'none')),
		).toBe(true);
		await ctx.close();
	});
});

describe('printed listings', () => {
	test.each([
		['a day’s first page', 'days/2025-03-18/', 'Papers 1–50 of 75', 'days/2025-03-18/page/2/'],
		['a day’s last page', 'days/2025-03-18/page/2/', 'Papers 51–75 of 75', undefined],
		['the home page', '', 'Papers 1–50 of 75', 'page/2/'],
		['the home page’s last page', 'page/2/', 'Papers 51–75 of 75', undefined],
	])(
		'printed, %s says which of its papers it holds and gives each one’s address',
		async (_, path, range, next) => {
			const ctx = await browser.newContext({ serviceWorkers: 'block' });
			const page = await ctx.newPage();
			await page.goto(site.url + path);
			const line = page.locator('.listing__range');
			const titles = await page
				.locator('.paper-item__title a')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			// Nothing more on screen, where the pagination and the links say it.
			expect(await line.isVisible()).toBe(false);
			expect(new Set(await printedAddresses(page))).toEqual(new Set(['']));
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.pagination').isVisible()).toBe(false);
			expect(await line.innerText()).toBe(
				next ? `${range}. Next page: https://abstracta.example/${next}` : `${range}.`,
			);
			// The line sits under the listing's heading, before the papers.
			expect(await page.locator('.listing__head .listing__range').count()).toBe(1);
			// A later page's heading says which page it is, the line does not say it again.
			const head = await page.locator('.listing__head').innerText();
			expect(head.match(/page \d of \d/g) ?? []).toEqual(
				path.includes('page/2/') ? ['page 2 of 2'] : [],
			);
			expect(titles.length).toBe(path.includes('page/2/') ? 25 : 50);
			expect(await printedAddresses(page)).toEqual(
				titles.map((href) => `https://abstracta.example${href}`),
			);
			await ctx.close();
		},
	);

	test('a listing of one page prints no range: its count names what it prints', async () => {
		const ctx = await browser.newContext({ serviceWorkers: 'block' });
		const page = await ctx.newPage();
		await page.goto(`${site.url}topics/language-models/`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.listing__range').count()).toBe(0);
		expect((await printedAddresses(page))[0]).toMatch(
			/^https:\/\/abstracta\.example\/papers\/[^/]+\/$/,
		);
		await ctx.close();
	});

	test('under a sub-path, a printed address holds it once', async () => {
		const html = readFileSync(join(DIST_BASE, 'days', '2025-03-18', 'index.html'), 'utf8');
		expect(html).toContain(
			'Next page: https://abstracta.example/reading-list/days/2025-03-18/page/2/',
		);
		const based = await serveSite(DIST_BASE, BASE_PATH);
		const ctx = await browser.newContext({ serviceWorkers: 'block' });
		try {
			const page = await ctx.newPage();
			await page.goto(`${based.url}days/2025-03-18/`);
			await page.emulateMedia({ media: 'print' });
			const printed = await printedAddresses(page);
			expect(printed.length).toBe(50);
			for (const address of printed)
				expect(address).toMatch(/^https:\/\/abstracta\.example\/reading-list\/papers\/[^/]+\/$/);
		} finally {
			await ctx.close();
			await based.close();
		}
	});
});
