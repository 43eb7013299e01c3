/**
 * Checks over the built sites (dist/ at the root and dist-base/ under /reading-list/):
 * html-validate on every page, every internal link and asset resolves, page-weight budgets,
 * the CSP covers every inline script, and two builds are byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';
import {
	fileOf,
	htmlFiles,
	idsOf,
	inlineScripts,
	pageUrlOf,
	parseHeadersFile,
	read,
	referencesOf,
} from './support/built-site.ts';

const SITE_ORIGIN = 'https://abstracta.example';
const BUILDS = [
	{ dir: DIST, base: '/' },
	{ dir: DIST_BASE, base: BASE_PATH },
];

describe.each(BUILDS)('built site in $dir', ({ dir, base }) => {
	const files = htmlFiles(dir);

	test('has the pages of the URL contract', () => {
		for (const f of [
			'index.html',
			'404.html',
			'topics/index.html',
			'days/index.html',
			'robots.txt',
			'sitemap-index.xml',
		])
			expect(existsSync(join(dir, f)), f).toBe(true);
		const papers = readdirSync(join(dir, 'papers'));
		expect(papers.length).toBeGreaterThan(50);
		expect(read(join(dir, 'robots.txt'))).toContain(
			`Sitemap: ${SITE_ORIGIN}${base}sitemap-index.xml`,
		);
	});

	test('the sitemap lists only pages open to search engines', () => {
		const locs = [...read(join(dir, 'sitemap-0.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(m) => m[1]!,
		);
		expect(locs.length).toBeGreaterThan(50);
		const closed = locs.filter((loc) => {
			const file = fileOf(dir, new URL(loc).pathname, base);
			return !file || /<meta name="robots" content="[^"]*noindex/.test(read(file));
		});
		expect(closed).toEqual([]);
	});

	test('every page passes html-validate:standard with zero errors', async () => {
		const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
		const failures: string[] = [];
		for (const f of files) {
			const report = await validator.validateFile(join(dir, f));
			for (const r of report.results)
				for (const m of r.messages)
					failures.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
		}
		expect(failures).toEqual([]);
	});

	test('every internal link, asset and fragment resolves', () => {
		const broken: string[] = [];
		let checked = 0;
		for (const f of files) {
			const html = read(join(dir, f));
			const pageUrl = new URL(pageUrlOf(f, base), SITE_ORIGIN);
			const ids = idsOf(html);
			for (const ref of referencesOf(html)) {
				if (/^(mailto|tel|data|javascript):/.test(ref.value)) continue;
				const url = new URL(ref.value, pageUrl);
				if (url.origin !== SITE_ORIGIN) continue;
				if (url.pathname === pageUrl.pathname && url.hash) {
					if (!ids.has(decodeURIComponent(url.hash.slice(1))))
						broken.push(`${f}: ${ref.value} (no such id)`);
					continue;
				}
				if (!url.pathname.startsWith(base)) {
					broken.push(`${f}: ${ref.value} (outside ${base})`);
					continue;
				}
				checked++;
				if (!fileOf(dir, url.pathname, base))
					broken.push(`${f}: <${ref.tag} ${ref.attr}="${ref.value}">`);
			}
		}
		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(files.length * 10);
	});

	test('a day page does not link each of its papers back to itself', () => {
		// Every page of a day, not page 1's alias (which only links page 1).
		const days = files.filter((f) =>
			/^days\/\d{4}-\d{2}-\d{2}\/(page\/(?!1\/)\d+\/)?index\.html$/.test(f),
		);
		expect(days.filter((f) => f.includes('/page/')).length).toBeGreaterThan(0);
		for (const f of days) {
			const self = `href="${base}${f.replace(/index\.html$/, '')}"`;
			// Less the pagination, whose current page's number links the page, as on every listing.
			const main = /<main[\s\S]*<\/main>/
				.exec(read(join(dir, f)))![0]
				.replace(/<nav class="pagination"[\s\S]*?<\/nav>/, '');
			expect(main.split(self).length - 1, f).toBe(0);
		}
	});

	test('every url() in the stylesheets resolves', () => {
		const astro = join(dir, '_astro');
		const broken: string[] = [];
		for (const css of readdirSync(astro).filter((f) => f.endsWith('.css'))) {
			for (const m of read(join(astro, css)).matchAll(/url\(([^)]+)\)/g)) {
				const u = m[1]!.replace(/^["']|["']$/g, '');
				if (u.startsWith('data:')) continue;
				const url = new URL(u, `${SITE_ORIGIN}${base}_astro/${css}`);
				if (!fileOf(dir, url.pathname, base)) broken.push(`${css}: ${u}`);
			}
		}
		expect(broken).toEqual([]);
	});
});

describe('client scripts', () => {
	test("the search page's script carries none of the TeX tables the pages are built with", () => {
		// format.ts is shared with the search page; titleParts once pulled math-text.ts and its
		// tables (2.4 KB) into the script through it. The search page reads TeX in a query with
		// them, loaded as a chunk of their own only then (readSearchTerms): no script imports it
		// up front.
		const scripts = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
		const tex = scripts.filter((f) => f.startsWith('math-text.'));
		expect(tex).toHaveLength(1);
		expect(scripts.length).toBeGreaterThan(1);
		for (const f of scripts) {
			if (tex.includes(f)) continue;
			const code = read(join(DIST, '_astro', f));
			expect(code, f).not.toMatch(/textbf|mathcal/);
			expect(code, f).not.toMatch(/(?:from|import)\s*["'`]\.\/math-text\./);
		}
	});
});

/** Bytes a browser fetches gzipped before a page is usable: HTML, stylesheets, module scripts. */
function startBytes(dir: string, file: string, base: string): number {
	const html = read(join(dir, file));
	let total = gzipSync(html, { level: 9 }).length;
	for (const ref of referencesOf(html)) {
		const isCss = ref.tag === 'link' && ref.rel === 'stylesheet';
		const isJs = ref.tag === 'script' && ref.attr === 'src';
		if (!isCss && !isJs) continue;
		const asset = fileOf(dir, new URL(ref.value, SITE_ORIGIN).pathname, base);
		if (asset) total += gzipSync(readFileSync(asset), { level: 9 }).length;
	}
	return total;
}

describe('paper titles in links', () => {
	const titleOf = (html: string): string =>
		/<h1 id="paper-title"[^>]*>([^]*?)<\/h1>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
	test('every related paper is shown with exactly the title of its page, short name once', () => {
		const titles = new Map(
			readdirSync(join(DIST, 'papers')).map((slug) => [
				slug,
				titleOf(read(join(DIST, 'papers', slug, 'index.html'))),
			]),
		);
		let checked = 0;
		for (const slug of titles.keys()) {
			const html = read(join(DIST, 'papers', slug, 'index.html'));
			const list = /<ol class="related__list">([^]*?)<\/ol>/.exec(html)?.[1] ?? '';
			for (const m of list.matchAll(/<a href="\/papers\/([^/"]+)\/">([^]*?)<\/a>/g)) {
				expect(m[2]!.replace(/<[^>]+>/g, '').trim(), `${slug} → ${m[1]}`).toBe(titles.get(m[1]!));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});
});

describe('budgets', () => {
	const papers = htmlFiles(DIST).filter((f) => f.startsWith('papers/'));
	const sized = papers.map((f) => ({
		f,
		// KaTeX wraps every formula, and every formula it could not parse, in class="katex…".
		math: read(join(DIST, f)).includes('class="katex'),
		bytes: startBytes(DIST, f, '/'),
	}));

	test('a paper page without math loads at most 25 KB gzipped at start', () => {
		const plain = sized.filter((s) => !s.math);
		expect(plain.length).toBeGreaterThan(0);
		const worst = plain.reduce((a, b) => (b.bytes > a.bytes ? b : a));
		console.info(`largest paper page without math: ${worst.f} ${worst.bytes} B`);
		expect(worst.bytes).toBeLessThanOrEqual(25 * 1024);
	});

	test('a paper page with math loads at most 25 KB gzipped: MathML needs no KaTeX stylesheet or fonts', () => {
		const math = sized.filter((s) => s.math);
		expect(math.length).toBeGreaterThan(0);
		const worst = math.reduce((a, b) => (b.bytes > a.bytes ? b : a));
		console.info(`largest paper page with math: ${worst.f} ${worst.bytes} B`);
		expect(worst.bytes).toBeLessThanOrEqual(25 * 1024);
		// KaTeX's stylesheet is for its HTML output: on MathML it set formulas 1.21 times the text.
		for (const s of sized) expect(read(join(DIST, s.f)), s.f).not.toContain('katex.min');
		expect(readdirSync(join(DIST, '_astro')).filter((f) => f.startsWith('KaTeX_'))).toEqual([]);
	});
});

describe('content security policy', () => {
	const rules = parseHeadersFile(read('public/_headers'));
	const csp = rules['/*']?.['Content-Security-Policy'] ?? '';

	test('ships the security headers and immutable caching for hashed assets only', () => {
		expect(read(join(DIST, '_headers'))).toBe(read('public/_headers'));
		expect(rules['/*']).toMatchObject({
			'X-Content-Type-Options': 'nosniff',
			'Referrer-Policy': 'strict-origin-when-cross-origin',
		});
		expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
		expect(csp).toMatch(/worker-src 'self' blob:/);
		expect(rules['/_astro/*']?.['Cache-Control']).toContain('immutable');
		// Both hosts combine matching rules: no catch-all may set Cache-Control too.
		expect(rules['/*']?.['Cache-Control']).toBeUndefined();
		expect(rules['/papers/*']?.['Cache-Control']).toMatch(/max-age=0, must-revalidate/);
	});

	test('every inline script of every page is allowed by its sha256 in the CSP', () => {
		const allowed = new Set([...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]));
		for (const { dir } of BUILDS)
			for (const f of htmlFiles(dir))
				for (const script of inlineScripts(read(join(dir, f)))) {
					const hash = createHash('sha256').update(script).digest('base64');
					expect(allowed.has(hash), `${dir}/${f}: inline script sha256-${hash}`).toBe(true);
				}
	});

	test("the feed stylesheet's theme script is allowed too", () => {
		const scripts = inlineScripts(read('public/rss.xsl'));
		expect(scripts).toHaveLength(1);
		const hash = createHash('sha256').update(scripts[0]!).digest('base64');
		expect(csp).toContain(`'sha256-${hash}'`);
	});
});

describe('determinism', () => {
	test('a second build of the same input is byte-identical', () => {
		const out = mkdtempSync(join(tmpdir(), 'abstracta-det-'));
		try {
			execFileSync('npx', ['astro', 'build', '--outDir', out], {
				env: { ...process.env, SITE_URL: SITE_ORIGIN },
				stdio: 'ignore',
			});
			const list = (d: string): string[] =>
				(readdirSync(d, { recursive: true }) as string[])
					.filter((f) => statSync(join(d, f)).isFile())
					.sort();
			const a = list(DIST);
			expect(list(out)).toEqual(a);
			const differing = a.filter(
				(f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(out, f))),
			);
			expect(differing).toEqual([]);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, 300_000);
});
