/**
 * axe-core in Chromium: no serious or critical violations on the reading pages, in the light and
 * the dark theme, at desktop and phone widths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { DIST } from './support/paths.ts';
import { serveSite, type SiteServer } from './support/server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const firstTopic = readdirSync(join(DIST, 'topics'), { withFileTypes: true }).find((d) =>
	d.isDirectory(),
)!.name;
const firstDay = readdirSync(join(DIST, 'days')).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))!;
const PAGES = [
	'',
	'page/2/',
	'papers/combiner/',
	'papers/lifegpt/',
	'topics/',
	'days/',
	// A day's second page: its heading and pagination.
	`days/${firstDay}/page/2/`,
	'no-such-page/',
	`topics/${firstTopic}/`,
	'search/',
];

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

interface AxeResult {
	violations: Array<{
		id: string;
		impact: string;
		help: string;
		nodes: Array<{ target: string[] }>;
	}>;
}

describe.each([
	{ scheme: 'light' as const, width: 1280 },
	{ scheme: 'dark' as const, width: 1280 },
	{ scheme: 'dark' as const, width: 375 },
])('axe in the $scheme theme at $width px', ({ scheme, width }) => {
	test.each(PAGES)('/%s has no serious or critical violations', async (path) => {
		const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
		const page = await ctx.newPage();
		await page.goto(site.url + path);
		// Open every disclosure so their contents are checked too.
		await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
		await page.addScriptTag({ content: AXE });
		const result = (await page.evaluate(() =>
			(window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
				resultTypes: ['violations'],
			}),
		)) as AxeResult;
		const bad = result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.id}: ${v.help} — ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(', ')}`,
			);
		expect(bad).toEqual([]);
		await ctx.close();
	});
});

test('the search page with results has a level-one heading and tells its search forms apart', async () => {
	// Moderate rules, so not in the sweep above: the results are h2s under no h1, and the
	// header's search landmark and the page's had the same (empty) name.
	const ctx = await browser.newContext({ serviceWorkers: 'block' });
	const page = await ctx.newPage();
	await page.goto(`${site.url}search/?q=speech`);
	await page.waitForSelector('.search-result');
	await page.addScriptTag({ content: AXE });
	const result = (await page.evaluate(() =>
		(window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
			runOnly: ['page-has-heading-one', 'landmark-unique', 'heading-order'],
			resultTypes: ['violations'],
		}),
	)) as AxeResult;
	expect(result.violations.map((v) => v.id)).toEqual([]);
	expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Search papers']);
	// The heading still labels the box: clicking it focuses the input.
	await page.getByRole('heading', { level: 1 }).click();
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
	await ctx.close();
});
