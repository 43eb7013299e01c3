import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { buildIcons, buildManifest, ICON_SIZES } from '../../src/lib/cards/icons.ts';

const svg = readFileSync('src/assets/icon.svg');
const site = { title: 'Abstracta', description: 'Papers.' };

describe('buildIcons', async () => {
	const files = new Map((await buildIcons(svg, site, '/')).map((f) => [f.name, f.data]));

	test('writes every icon the head and manifest link', () => {
		expect([...files.keys()].sort()).toEqual([
			'apple-touch-icon.png',
			'favicon.ico',
			'favicon.svg',
			'feed-icon.png',
			'icon-192.png',
			'icon-512.png',
			'icon-maskable-512.png',
			'manifest.webmanifest',
		]);
	});

	test('PNG icons have their declared square sizes', async () => {
		for (const [name, size] of Object.entries(ICON_SIZES)) {
			const meta = await sharp(files.get(name)!).metadata();
			expect([name, meta.format, meta.width, meta.height]).toEqual([name, 'png', size, size]);
		}
	});

	test('favicon.ico holds 16, 32 and 48 px PNG images', async () => {
		const ico = files.get('favicon.ico')!;
		expect(ico.readUInt16LE(2)).toBe(1);
		const count = ico.readUInt16LE(4);
		const sizes: number[] = [];
		for (let i = 0; i < count; i++) {
			const e = 6 + 16 * i;
			const png = ico.subarray(
				ico.readUInt32LE(e + 12),
				ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8),
			);
			const meta = await sharp(png).metadata();
			expect(meta.width).toBe(ico.readUInt8(e));
			sizes.push(meta.width!);
		}
		expect(sizes).toEqual([16, 32, 48]);
	});

	test('the maskable icon keeps its background colour to the corners (full bleed)', async () => {
		const { data } = await sharp(files.get('icon-maskable-512.png')!)
			.raw()
			.toBuffer({ resolveWithObject: true });
		expect([data[0], data[1], data[2], data[3]]).toEqual([0xa3, 0x26, 0x2a, 255]);
	});
});

describe('buildManifest', () => {
	test('is valid JSON with name, icons, colours, and start_url/scope under the base path', () => {
		const m = JSON.parse(buildManifest('Abstracta', 'Papers.', '/reading-list/')) as Record<
			string,
			unknown
		> & {
			icons: Array<{ src: string; sizes: string; purpose: string }>;
		};
		expect(m).toMatchObject({
			name: 'Abstracta',
			short_name: 'Abstracta',
			start_url: '/reading-list/',
			scope: '/reading-list/',
			display: 'standalone',
		});
		expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
		expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/);
		expect(m.icons.map((i) => [i.src, i.sizes, i.purpose])).toEqual([
			['/reading-list/icon-192.png', '192x192', 'any'],
			['/reading-list/icon-512.png', '512x512', 'any'],
			['/reading-list/icon-maskable-512.png', '512x512', 'maskable'],
		]);
	});

	test('a long site name gets a short_name of at most 12 characters', () => {
		const m = JSON.parse(buildManifest('A Very Long Site Name', '', '/')) as { short_name: string };
		expect(m.short_name.length).toBeLessThanOrEqual(12);
	});
});
