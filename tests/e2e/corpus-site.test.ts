/**
 * Real arXiv data end to end: the seed page and ../shared/corpora/*.jsonl (about 1,000 papers)
 * built clean with `scripts/build.ts` in a copy of the project (cards off: they are covered on
 * the seed build). The whole-site check passes, the index equals Pagefind's index of the
 * rendered pages, and an arXiv paper is found by its id and linked and cited as arXiv's.
 * The seed build of the other end-to-end tests holds no arXiv papers. The arXiv record of one
 * seed paper is added too: that paper moves to its arXiv id and its old address redirects. So is
 * the next day's trending page, which repeats most of the seed's papers (NEXT_DAY).
 */
import { execFileSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyProject } from '../../scripts/bench/project.ts';
import { runPagefind } from '../../src/integrations/pagefind.ts';
import { checkBuiltSite } from '../support/check-site.ts';
import { launchBrowser } from './support/browser.ts';
import { childEnv } from './support/child-env.ts';
import { serveSite, type SiteServer } from './support/server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CORPORA = '../shared/corpora';
const MOVED = 'tests/fixtures/ingest/moved-to-arxiv';
const SITE_URL = 'https://abstracta.example';
const work = mkdtempSync(join(tmpdir(), 'abstracta-corpus-'));
const dist = join(work, 'dist');
/** The first record of the first corpus file: the paper looked up by id below. */
const firstCorpus = readdirSync(CORPORA)
	.filter((f) => f.endsWith('.jsonl'))
	.sort()[0]!;
const paper = JSON.parse(readFileSync(join(CORPORA, firstCorpus), 'utf8').split('\n')[0]!) as {
	id: string;
	title: string;
};

/**
 * The seed page as the next day's: dated Mar 19, three papers gone, two swapped, two new ones
 * first. Daily trending pages repeat most papers of the day before.
 */
function nextDayPage(seed: string): { text: string; titles: string[] } {
	const [head, body] = seed.split(/^Mar 18$/m) as [string, string];
	const blocks = body.trim().split(/\n\s*\n/);
	const pairs = Array.from({ length: blocks.length / 2 }, (_, i) => [
		blocks[2 * i]!,
		blocks[2 * i + 1]!,
	]);
	const kept = pairs.filter((_, i) => ![2, 9, 19].includes(i));
	[kept[4], kept[5]] = [kept[5]!, kept[4]!];
	const fresh = [
		[
			'Quokka: Reading Daily Listings Twice',
			'We study how a daily listing of research papers repeats most of its entries from one day to the next, and show that readers of an archive expect each day to show its whole listing rather than only the papers new that day.',
		],
		[
			'Wombat: Counting Papers by Day',
			'Counting the papers a day lists is harder than it looks when papers repeat across days. We give a simple rule that counts every listing and find that it matches what readers see on the listing itself.',
		],
	];
	const all = [...fresh, ...kept];
	return {
		text: `${head}Mar 19\n\n${all.map(([t, a]) => `${t}\n\n${a}`).join('\n\n')}\n`,
		titles: all.map(([t]) => t!.replace(/\s+/g, ' ').trim()),
	};
}
const NEXT_DAY = nextDayPage(readFileSync('content/sources/2025-03-18-trending.txt', 'utf8'));

let browser: Browser;
let site: SiteServer;

beforeAll(async () => {
	copyProject(resolve('.'), work);
	for (const f of readdirSync('content/sources'))
		copyFileSync(join('content/sources', f), join(work, 'content/sources', f));
	for (const f of readdirSync(CORPORA).filter((n) => n.endsWith('.jsonl')))
		copyFileSync(join(CORPORA, f), join(work, 'content/sources', f));
	// The arXiv record of the seed's CodeT5: the trending paper moves to its arXiv id.
	copyFileSync(join(MOVED, 'arxiv-codet5.jsonl'), join(work, 'content/sources/arxiv-codet5.jsonl'));
	// A topic renamed from `vision-3d`: its former address must send readers on.
	const topicsYaml = join(work, 'content/topics.yaml');
	writeFileSync(
		topicsYaml,
		readFileSync(topicsYaml, 'utf8').replace(
			'  - slug: three-d\n',
			'  - slug: three-d\n    formerly: [vision-3d]\n',
		),
	);
	writeFileSync(join(work, 'content/sources/2025-03-19-trending.txt'), NEXT_DAY.text);
	execFileSync(process.execPath, ['scripts/build.ts'], {
		cwd: work,
		stdio: 'inherit',
		env: childEnv({ SITE_URL, CARDS: 'off' }),
	});
	browser = await launchBrowser();
	site = await serveSite(dist);
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	rmSync(work, { recursive: true, force: true });
});

test('every page, topic, feed, sitemap entry and indexed paper checks out', () => {
	const entries = readdirSync(join(work, 'content/papers')).filter((f) => f.endsWith('.mdx'));
	const checked = checkBuiltSite(dist, join(work, 'content/papers'), SITE_URL);
	expect(checked.problems).toEqual([]);
	expect(checked.papers).toBe(entries.length);
	expect(checked.papers).toBeGreaterThan(1000);
});

test("the index equals Pagefind's index of the rendered pages", async () => {
	const parent = mkdtempSync(join(tmpdir(), 'abstracta-corpus-index-'));
	try {
		const { staging } = await runPagefind(dist, parent, { glob: 'papers/**/*.html' });
		const files = (dir: string): string[] =>
			(readdirSync(dir, { recursive: true }) as string[])
				.filter((f) => statSync(join(dir, f)).isFile())
				.sort();
		const names = files(join(dist, 'pagefind'));
		expect(files(staging)).toEqual(names);
		const differ = names.filter(
			(f) => !readFileSync(join(staging, f)).equals(readFileSync(join(dist, 'pagefind', f))),
		);
		expect(differ).toEqual([]);
	} finally {
		rmSync(parent, { recursive: true, force: true });
	}
});

test.each([
	[paper.id, paper.id],
	[`arXiv:${paper.id}v2`, paper.id],
	[`https://arxiv.org/abs/${paper.id}`, paper.id],
	[`www.arxiv.org/abs/${paper.id}`, paper.id],
	// 0704.0033 has two DOIs (an article and its erratum): each finds it.
	['doi:10.1364/JOSAA.23.002578', '0704.0033'],
	['https://doi.org/10.1364/JOSAA.32.002407', '0704.0033'],
	['doi.org/10.1103/PhysRevD.76.013009', '0704.0001'],
])('searching for %s finds paper %s alone', async (q, slug) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}`);
	await page.waitForSelector('.search-result');
	const links = page.locator('.search-result-link');
	expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
		`/papers/${slug}/`,
	]);
	expect(await page.locator('[data-status]').textContent()).toMatch(/^1 paper for /);
	await context.close();
});

test.each([
	// Pagefind matched every paper of April 2007 on "0704", and a DOI on its last part.
	['0704.9999', 'No paper with arXiv id 0704.9999 on this site.'],
	['10.1103/PhysRevD.76.013010', 'No paper with DOI 10.1103/PhysRevD.76.013010 on this site.'],
])('searching for %s, an id no paper has, says so', async (q, said) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}`);
	await page.waitForFunction(() =>
		document.querySelector('[data-status]')?.textContent?.startsWith('No paper'),
	);
	expect(await page.locator('[data-status]').textContent()).toBe(said);
	expect(await page.locator('.search-result').count()).toBe(0);
	await context.close();
});

test.each([
	// The 3rd of 4 authors: marked in the line of the first three.
	['Nadolsky', '0704.0001', 'C. Balázs, E. L. Berger, P. M. Nadolsky and 1 more', 'Nadolsky'],
	// The 8th of 8: named after the line.
	[
		'Sigurdsson',
		'0704.0139',
		'B. Lanzoni, E. Dalessandro, F.R. Ferraro and 5 more, including S. Sigurdsson',
		'Sigurdsson',
	],
	// Names typed in plain letters: ł, ø, ß are letters Pagefind does not fold.
	[
		'Klopotek',
		'2504.12360',
		'Mieczysław A. Kłopotek, Sławomir T. Wierzchoń, Bartłomiej Starosta and 2 more',
		'Kłopotek',
	],
	[
		'Niessner',
		'2510.03163',
		'Jiapeng Tang, Matthew Lavine, Dor Verbin and 5 more, including Matthias Nießner',
		'Nießner',
	],
])(
	'searching for the author %s shows who wrote paper %s, the name marked',
	async (q, slug, line, mark) => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}`);
		await page.waitForSelector('.search-result');
		const first = page.locator('.search-result').first();
		expect(await first.locator('.search-result-link').getAttribute('href')).toBe(
			`/papers/${slug}/`,
		);
		const authors = first.locator('.search-authors');
		expect(await authors.textContent()).toBe(line);
		expect(await authors.getAttribute('dir')).toBe('auto');
		expect(await authors.locator('mark').allTextContents()).toEqual([mark]);
		await context.close();
	},
);

test('a search excerpt reads formulas as the page does: 10¹⁸–10²⁰, not 1018–1020 (2510.24626)', async () => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}search/?q=${encodeURIComponent('IsoFLOP budgets')}`);
	await page.waitForSelector('.search-result');
	const first = page.locator('.search-result').first();
	expect(await first.locator('.search-result-link').getAttribute('href')).toBe(
		'/papers/2510.24626/',
	);
	const excerpt = (await first.locator('.search-excerpt').textContent())!;
	expect(excerpt).toContain('10¹⁸–10²⁰');
	expect(excerpt).not.toContain('1018');
	await context.close();
});

test('an arXiv paper page links its abstract and PDF and cites it as an arXiv eprint', () => {
	const html = readFileSync(join(dist, 'papers', paper.id, 'index.html'), 'utf8');
	expect(html).toContain(`href="https://arxiv.org/abs/${paper.id}"`);
	expect(html).toContain(`href="https://arxiv.org/pdf/${paper.id}"`);
	expect(html).toContain(`eprint = {${paper.id}}`);
	expect(html).toContain('archivePrefix = {arXiv}');
});

test('every paper page with a DOI, a journal reference or an old-style id passes html-validate', async () => {
	// The metadata only arXiv papers have (the seed pages are all validated in site-checks).
	const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
	const failures: string[] = [];
	let validated = 0;
	for (const slug of readdirSync(join(dist, 'papers'))) {
		const file = join(dist, 'papers', slug, 'index.html');
		const html = readFileSync(file, 'utf8');
		if (!/citation_doi|citation_journal_title|\/abs\/[a-z-]+(?:\.[A-Z]{2})?\//.test(html)) continue;
		validated++;
		const report = await validator.validateString(html, file);
		for (const r of report.results)
			for (const m of r.messages)
				failures.push(`${slug}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
	}
	expect(failures).toEqual([]);
	expect(validated).toBeGreaterThan(50);
});

test('every DOI link resolves one DOI, shown as its text', () => {
	// arXiv's doi field may list several (0704.0033: the article and its erratum).
	let links = 0;
	const wrong: string[] = [];
	for (const slug of readdirSync(join(dist, 'papers'))) {
		const html = readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8');
		for (const m of html.matchAll(/<a href="https:\/\/doi\.org\/([^"]*)">DOI ([^<]*)<\/a>/g)) {
			links++;
			const [, href, doi] = m as unknown as [string, string, string];
			if (!/^10\.\S+$/.test(doi) || decodeURIComponent(href) !== doi)
				wrong.push(`${slug}: ${href} (${doi})`);
		}
	}
	expect(wrong).toEqual([]);
	expect(links).toBeGreaterThan(50);
	const html = readFileSync(join(dist, 'papers', '0704.0033', 'index.html'), 'utf8');
	expect(html).toContain('href="https://doi.org/10.1364/JOSAA.32.002407"');
});

test('every formula of every abstract typesets (none is shown as a KaTeX error)', () => {
	// arXiv abstracts write `$\textbf{92.52%}$` (2602.06507), where TeX would read a comment.
	const failed = readdirSync(join(dist, 'papers')).filter((slug) =>
		readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8').includes('katex-error'),
	);
	expect(failed).toEqual([]);
});

test('a trending paper that gained its arXiv record moved, and its old address sends the reader on', async () => {
	const moved = readFileSync(join(dist, 'papers', 'codet5', 'index.html'), 'utf8');
	expect(moved).toContain('<meta name="robots" content="noindex">');
	expect(moved).toContain(`<link rel="canonical" href="${SITE_URL}/papers/2109.00859/">`);
	const report = await new HtmlValidate({ extends: ['html-validate:standard'] }).validateString(
		moved,
	);
	expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
	const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
	expect(sitemap).toContain('/papers/2109.00859/</loc>');
	expect(sitemap).not.toContain('/papers/codet5/</loc>');
	// In the feeds that list it, it keeps its old address as guid: feed readers that saw it
	// there do not show it again as a new paper.
	const feeds = readdirSync(join(dist, 'topics'))
		.map((t) => join(dist, 'topics', t, 'rss.xml'))
		.concat(join(dist, 'rss.xml'))
		.filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
	const items = feeds.flatMap((f) =>
		[...readFileSync(f, 'utf8').matchAll(/<item>.*?<\/item>/gs)]
			.map((m) => m[0])
			.filter((item) => item.includes(`<link>${SITE_URL}/papers/2109.00859/</link>`)),
	);
	expect(items.length).toBeGreaterThan(0);
	for (const item of items)
		expect(item).toContain(`<guid isPermaLink="true">${SITE_URL}/papers/codet5/</guid>`);

	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}papers/codet5/`);
	await page.waitForURL(/\/papers\/2109\.00859\/$/);
	expect(await page.locator('h1').textContent()).toMatch(/^CodeT5: Identifier-aware/);
	// Both sources are one paper: the trending page's and the arXiv record's.
	expect(await page.locator('a[href="https://arxiv.org/abs/2109.00859"]').count()).toBeGreaterThan(
		0,
	);
	await context.close();
});

test('a renamed topic’s former address sends the reader on, and its feed goes on', async () => {
	const moved = readFileSync(join(dist, 'topics', 'vision-3d', 'index.html'), 'utf8');
	expect(moved).toContain('<meta name="robots" content="noindex">');
	expect(moved).toContain(`<link rel="canonical" href="${SITE_URL}/topics/three-d/">`);
	expect(readFileSync(join(dist, 'topics', 'vision-3d', 'rss.xml'), 'utf8')).toBe(
		readFileSync(join(dist, 'topics', 'three-d', 'rss.xml'), 'utf8'),
	);
	const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
	expect(sitemap).toContain('/topics/three-d/</loc>');
	expect(sitemap).not.toContain('/topics/vision-3d/');
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}topics/vision-3d/`);
	await page.waitForURL(/\/topics\/three-d\/$/);
	expect(await page.locator('h1').textContent()).toContain('3D vision and scenes');
	await context.close();
});

test("a day's pages show its whole trending listing in its order, papers of the day before too", () => {
	const read = (path: string) => readFileSync(join(dist, path), 'utf8');
	// Parts of pages, not whole pages: a failure prints what differs.
	const part = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];
	const day = read('days/2025-03-19/index.html');
	// 74 papers: 50 on the day's page, 24 on its page 2.
	const titles = [day, read('days/2025-03-19/page/2/index.html')].flatMap((html) =>
		[...html.matchAll(/<h2 class="paper-item__title">(.*?)<\/h2>/gs)].map((m) =>
			m[1]!
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim(),
		),
	);
	expect(titles).toEqual(NEXT_DAY.titles);
	const count = `${NEXT_DAY.titles.length} papers`;
	expect(part(day, /<p class="lede">(.*?)<\/p>/)).toBe(
		`${count} on this listing, in listing order.`,
	);
	// The archive counts the listing; the home page, which lists each paper once under its
	// first listing, says how many of them are new.
	expect(part(read('days/index.html'), /"\/days\/2025-03-19\/">.*?"archive__count">([^<]*)</)).toBe(
		count,
	);
	const home = ['index.html', ...readdirSync(join(dist, 'page')).map((n) => `page/${n}/index.html`)]
		.map(read)
		.find((html) => html.includes('id="day-2025-03-19"'))!;
	expect(part(home, /id="day-2025-03-19">.*?"day-group__count">([^<]*)</)).toBe(
		`2 new of ${count}`,
	);
	// A repeated paper keeps its first listing's date and place.
	expect(
		part(
			read('papers/2109.00859/index.html'),
			/<p class="paper__eyebrow"[^>]*>(.*?)<span class="badge/,
		),
	).toBe(
		'<a href="/days/2025-03-18/">Listed <time datetime="2025-03-18">18 March 2025</time></a><span aria-hidden="true">·</span><span>#1 on the day</span>',
	);
	// Its arXiv record puts it on the day that record was last updated too.
	const updated = read('days/2021-09-03/index.html');
	expect(updated.includes('href="/papers/2109.00859/"')).toBe(true);
	expect(part(updated, /<p class="lede">(.*?)<\/p>/)).toMatch(
		/whose arXiv record was last updated this day\.$/,
	);
});

test('pages whose long inline formulas are wider than a phone do not scroll sideways at 375 px, and a keyboard can scroll the formula', async () => {
	const context = await browser.newContext({
		serviceWorkers: 'block',
		viewport: { width: 375, height: 800 },
	});
	const page = await context.newPage();
	// Every page with a formula marked wide (0704.0099's |||f(A)+f(B)||| ≥ … pushed the page to
	// 425 px; it now breaks after its relation) or cut after its relations.
	const wide = readdirSync(join(dist, 'papers')).filter((slug) =>
		/katex--wide|katex-pieces/.test(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8')),
	);
	expect(wide).toEqual(expect.arrayContaining(['0704.0059', '0704.0079', '0704.0099']));
	const pushed: string[] = [];
	const unreachable: string[] = [];
	for (const slug of wide) {
		await page.goto(`${site.url}papers/${slug}/`);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > 375) pushed.push(`${slug}: ${width}px`);
		// A formula that scrolls must be a tab stop, or only a mouse or a finger reads its end.
		await page.addScriptTag({ content: AXE });
		const ids = (await page.evaluate(() =>
			(window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe
				.run({ runOnly: ['scrollable-region-focusable'], resultTypes: ['violations'] })
				.then((r) => (r as { violations: Array<{ id: string }> }).violations.map((v) => v.id)),
		)) as string[];
		if (ids.length > 0) unreachable.push(`${slug}: ${ids.join(', ')}`);
	}
	expect(pushed).toEqual([]);
	expect(unreachable).toEqual([]);
	// 0704.0059's `a = 7.54 ± 0.30 R⊙ = 0.0351 ± 0.0014` (356 px) was cut at the column's edge,
	// reading "0.001": its pieces break after a relation, and each fits.
	await page.goto(`${site.url}papers/0704.0059/`);
	const pieces = await page.evaluate(() =>
		[...document.querySelectorAll('.katex-pieces > .katex')].map((el) => ({
			width: el.getBoundingClientRect().width,
			column: el.closest('p')!.clientWidth,
		})),
	);
	expect(pieces.length).toBeGreaterThan(3);
	for (const { width, column } of pieces) expect(width).toBeLessThanOrEqual(column);
	// On a wide screen a long formula fits: no tab stop that scrolls nothing, no faded end.
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`${site.url}papers/0704.0079/`);
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLElement>('.katex--wide')].every(
			(el) => !el.hasAttribute('tabindex') && el.dataset.clip === undefined,
		),
	);
	// Narrowed (200 px: it is about 210 px wide), it scrolls, is reachable again, and its hidden
	// end fades out (data-clip).
	await page.setViewportSize({ width: 200, height: 800 });
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLElement>('.katex--wide')].some(
			(el) => el.tabIndex === 0 && el.dataset.clip === 'end',
		),
	);
	await context.close();
});

test('a code link only the arXiv comments give is listed as code and linked in the comments', () => {
	const html = readFileSync(join(dist, 'papers', '2505.21533', 'index.html'), 'utf8');
	expect(html).toMatch(/<a class="links__code" href="https:\/\/github\.com\/sthalles\/sop">/);
	expect(html).toMatch(
		/<dd>Accepted at ICML 2025, code at <a href="https:\/\/github\.com\/sthalles\/sop">https:\/\/github\.com\/sthalles\/sop<\/a>\s*<\/dd>/,
	);
});

test('a paper whose record names only some authors ("F. Aharonian, et al") says et al.', () => {
	const html = readFileSync(join(dist, 'papers', '0704.0171', 'index.html'), 'utf8');
	expect(html).toContain(
		'<p class="paper__authors"><span class="author-name">F. Aharonian et al.</span></p>',
	);
	expect(html).toContain('author = {F. Aharonian and others}');
});

test('each author’s name is kept on one line, the list’s text unchanged (0704.0016: "Yu-Ming")', () => {
	const html = readFileSync(join(dist, 'papers', '0704.0016', 'index.html'), 'utf8');
	const line = /<p class="paper__authors">(.*?)<\/p>/s.exec(html)![1]!;
	expect([...line.matchAll(/<span class="author-name">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(
		['Chao-Hsi Chang', 'Tong Li', 'Xue-Qian Li', 'Yu-Ming Wang'],
	);
	expect(line.replace(/<[^>]+>/g, '')).toBe('Chao-Hsi Chang, Tong Li, Xue-Qian Li, Yu-Ming Wang');
});

test('printed, a paper of 100 authors names them all, not 30 and "and 70 more authors" (2509.02661)', async () => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}papers/2509.02661/`);
	const names = page.locator('.paper__authors .author-name');
	expect(await names.count()).toBe(100);
	// On screen the first 30 show and the rest wait behind their summary.
	const shown = () => names.evaluateAll((ns) => ns.filter((n) => n.checkVisibility()).length);
	expect(await shown()).toBe(30);
	await page.emulateMedia({ media: 'print' });
	expect(await shown()).toBe(100);
	expect(await page.locator('.paper__more-authors summary').isVisible()).toBe(false);
	const printed = await page.locator('.paper__authors').innerText();
	expect(printed).not.toContain('more authors');
	expect(printed).toMatch(/Gianluca Guadagni,\s+Sreelekha Guggilam, .*, Tong Zhang$/s);
	await context.close();
});

test('printed, a topic of 398 papers says it holds papers 1–50 and where the next page is', async () => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${site.url}topics/language-models/`);
	const count = Number(
		/^([\d,]+) papers$/.exec(await page.locator('.topic-meta span').innerText())![1],
	);
	const pages = Math.ceil(count / 50);
	expect(pages).toBeGreaterThan(2);
	await page.emulateMedia({ media: 'print' });
	expect(await page.locator('.listing__range').innerText()).toBe(
		`Papers 1–50 of ${count}. Next page: ${SITE_URL}/topics/language-models/page/2/`,
	);
	// Each title prints its address under it, from its link (the `::after` of print).
	const address = await page
		.locator('.paper-item__title a')
		.first()
		.evaluate((a) => getComputedStyle(a, '::after').content);
	expect(JSON.parse(address)).toMatch(new RegExp(`^${SITE_URL}/papers/[^/]+/$`));
	await context.close();
});

/** Poppler's pdftotext, to read a printed page's text page by page; the test skips without it. */
const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

test.skipIf(!existsSync(PDFTOTEXT)).each(['A4', 'Letter'])(
	'printed on %s, the topics index keeps each chart’s caption on the page of its chart',
	async (format) => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`${site.url}topics/`);
		// Each chart's first bar, as its table lists it: label and count.
		const figures = await page.locator('.chart-figure').evaluateAll((fs) =>
			fs.map((f) => ({
				caption: f.querySelector('figcaption')!.textContent!,
				bar: [...f.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent!),
			})),
		);
		expect(figures.map((f) => f.caption)).toEqual([
			'Papers per topic',
			'Papers per year by first listing or update',
		]);
		const pdf = join(work, `topics-${format}.pdf`);
		await page.pdf({ path: pdf, format });
		await context.close();
		const pages = execFileSync(PDFTOTEXT, [pdf, '-'], { encoding: 'utf8' }).split('\f');
		for (const { caption, bar } of figures) {
			const on = pages.find((p) => p.includes(caption)) ?? '';
			// "Papers per topic" stood alone at the foot of page 1, its chart on page 2.
			expect(on.slice(on.indexOf(caption)).replace(/\s+/g, ' ')).toContain(bar.join(' '));
		}
	},
);

test('no two papers share a BibTeX key (parts I and II of a paper, 0704.0033 and 0704.0035)', () => {
	const keys = readdirSync(join(dist, 'papers')).flatMap((slug) => {
		const m = /@(?:misc|article)\{([^,]+),/.exec(
			readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8'),
		);
		return m ? [m[1]!] : [];
	});
	expect(keys.length).toBeGreaterThan(1000);
	expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
	// Part I keeps the key and part II gets `b`, though part I's record was updated later.
	const key = (slug: string) =>
		/@(?:misc|article)\{([^,]+),/.exec(
			readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8'),
		)?.[1];
	expect(['0704.0033', '0704.0035', '0704.0047', '0704.0050'].map(key)).toEqual([
		'yurkin2006convergence',
		'yurkin2006convergenceb',
		'kosel2007intelligent',
		'kosel2007intelligentb',
	]);
});

test("a paper's categories read as arXiv names them, with their codes; other classes as written", () => {
	// 2505.17250 lists `cs.CL cs.AI cs.LG I.2.7; I.2.0`: three arXiv categories and two ACM classes.
	const html = readFileSync(join(dist, 'papers', '2505.17250', 'index.html'), 'utf8');
	const list = /<ul class="facts__cats"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
	const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
		m[1]!
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim(),
	);
	expect(items).toEqual([
		'Computation and Language cs.CL',
		'Artificial Intelligence cs.AI',
		'Machine Learning cs.LG',
		'I.2.7',
		'I.2.0',
	]);
	// Derived topics are named after the arXiv field most of their papers share.
	const topics = JSON.parse(
		readFileSync(join(work, 'content/papers/_topics.json'), 'utf8'),
	) as Array<{
		name: string;
		derived: boolean;
	}>;
	// (The terms after the field follow the corpus's weights: only the field is fixed here.)
	expect(topics.filter((t) => t.derived).map((t) => t.name)).toContainEqual(
		expect.stringMatching(/^Astrophysics: .*\bstar\b/),
	);
});
