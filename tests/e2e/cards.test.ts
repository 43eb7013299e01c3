/**
 * Cards and icons in the built seed sites (dist/ at the root, dist-base/ under a sub-path):
 * a 1200×630 card for every paper, topic and the site, icons at their sizes, a manifest that
 * honours the base path, and a second build that redrew nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { CACHE_DIR } from '../../src/lib/cards/build.ts';
import { ICON_SIZES } from '../../src/lib/cards/icons.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';

const slugs = readdirSync('content/papers')
	.filter((n) => n.endsWith('.mdx'))
	.map((n) => n.replace(/\.mdx$/, ''));
const topics = (
	JSON.parse(readFileSync('content/papers/_topics.json', 'utf8')) as Array<{ slug: string }>
).map((t) => t.slug);

describe.each([
	[DIST, '/'],
	[DIST_BASE, BASE_PATH],
])('%s', (dist, base) => {
	test('every paper, every topic and the site have a 1200×630 PNG card', async () => {
		expect(slugs.length).toBeGreaterThan(0);
		const files = [
			'og/site.png',
			...slugs.map((s) => `og/papers/${s}.png`),
			...topics.map((t) => `og/topics/${t}.png`),
		];
		for (const f of files) {
			const meta = await sharp(join(dist, f)).metadata();
			expect([f, meta.format, meta.width, meta.height]).toEqual([f, 'png', 1200, 630]);
		}
		// Every built paper page has its card.
		for (const page of readdirSync(join(dist, 'papers')))
			expect(existsSync(join(dist, 'og/papers', `${page}.png`)), page).toBe(true);
	});

	test('every paper page declares its own existing card as og:image', () => {
		for (const page of readdirSync(join(dist, 'papers'))) {
			const html = readFileSync(join(dist, 'papers', page, 'index.html'), 'utf8');
			const m = /<meta property="og:image" content="([^"]+)"/.exec(html);
			expect(m, page).not.toBeNull();
			const path = new URL(m![1]!).pathname;
			expect(path).toBe(`${base}og/papers/${page}.png`);
			expect(path.startsWith(base)).toBe(true);
			expect(existsSync(join(dist, path.slice(base.length)))).toBe(true);
		}
	});

	test('icons have their sizes and the manifest honours the base path', async () => {
		for (const [name, size] of Object.entries(ICON_SIZES)) {
			const meta = await sharp(join(dist, name)).metadata();
			expect([name, meta.width, meta.height]).toEqual([name, size, size]);
		}
		expect(readFileSync(join(dist, 'favicon.svg'), 'utf8')).toContain('<svg');
		expect(readFileSync(join(dist, 'favicon.ico')).readUInt16LE(2)).toBe(1);
		const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as {
			start_url: string;
			scope: string;
			icons: Array<{ src: string }>;
		};
		expect(manifest.start_url).toBe(base);
		expect(manifest.scope).toBe(base);
		for (const icon of manifest.icons) {
			expect(icon.src.startsWith(base)).toBe(true);
			expect(existsSync(join(dist, icon.src.slice(base.length)))).toBe(true);
		}
	});
});

test('the second build of the same content redrew no card', () => {
	// global-setup builds dist/ then dist-base/ from the same entries: the second build must
	// have taken every card from the cache.
	const stats = JSON.parse(readFileSync(join(CACHE_DIR, 'last-build.json'), 'utf8')) as {
		cards: number;
		drawn: number;
		cached: number;
	};
	expect(stats.drawn).toBe(0);
	expect(stats.cached).toBe(stats.cards);
	expect(stats.cards).toBe(1 + slugs.length + topics.length);
});

test('cards are byte-identical between the two builds', () => {
	for (const s of slugs.slice(0, 10))
		expect(
			Buffer.compare(
				readFileSync(join(DIST_BASE, 'og/papers', `${s}.png`)),
				readFileSync(join(DIST, 'og/papers', `${s}.png`)),
			),
			s,
		).toBe(0);
});
