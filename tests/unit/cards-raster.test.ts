import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { describe, expect, test } from 'vitest';
import { rasterize, transformPath, type PathCommand } from '../../src/lib/cards/raster.ts';
import { woffToSfnt } from '../../src/lib/cards/woff.ts';

/** A closed polygon as path commands. */
const polygon = (pts: Array<[number, number]>): PathCommand[] => [
	{ type: 'M', values: pts[0]! },
	...pts.slice(1).map((p) => ({ type: 'L', values: p })),
	{ type: 'Z', values: [] },
];
const at = (m: ReturnType<typeof rasterize>, x: number, y: number): number =>
	m.alpha[(y - m.y) * m.width + (x - m.x)] ?? 0;
const total = (m: ReturnType<typeof rasterize>): number => m.alpha.reduce((a, b) => a + b, 0) / 255;

describe('rasterize', () => {
	test('a pixel-aligned square is fully covered inside and empty outside', () => {
		const m = rasterize(
			polygon([
				[2, 3],
				[6, 3],
				[6, 7],
				[2, 7],
			]),
		);
		expect(m.x).toBe(2);
		expect(m.y).toBe(3);
		for (let y = 3; y < 7; y++) for (let x = 2; x < 6; x++) expect(at(m, x, y)).toBe(255);
		expect(at(m, 6, 3)).toBe(0);
		expect(total(m)).toBeCloseTo(16, 5);
	});

	test('edges on half pixels give half coverage, and coverage sums to the area', () => {
		const m = rasterize(
			polygon([
				[0.5, 0],
				[3.5, 0],
				[3.5, 2],
				[0.5, 2],
			]),
		);
		expect(at(m, 0, 0)).toBe(128);
		expect(at(m, 1, 0)).toBe(255);
		expect(at(m, 3, 1)).toBe(128);
		expect(total(m)).toBeCloseTo(6, 1);
	});

	test('winding direction does not matter, and a triangle covers half its box', () => {
		const cw = rasterize(
			polygon([
				[0, 0],
				[10, 0],
				[10, 10],
			]),
		);
		const ccw = rasterize(
			polygon([
				[0, 0],
				[10, 10],
				[10, 0],
			]),
		);
		expect(Buffer.from(cw.alpha).equals(Buffer.from(ccw.alpha))).toBe(true);
		expect(total(cw)).toBeCloseTo(50, 0);
	});

	test('curves are flattened into enough segments to keep their area', () => {
		// Four quadratic arcs with their control points at the corners of a 40×40 square: the
		// diamond of the end points (800) plus four parabolic segments of 2/3 × 200 each.
		const m = rasterize([
			{ type: 'M', values: [40, 20] },
			{ type: 'Q', values: [40, 40, 20, 40] },
			{ type: 'Q', values: [0, 40, 0, 20] },
			{ type: 'Q', values: [0, 0, 20, 0] },
			{ type: 'Q', values: [40, 0, 40, 20] },
			{ type: 'Z', values: [] },
		]);
		// Chords lie inside the curve, so a little area is lost: under 1 % here.
		expect(total(m)).toBeGreaterThan(1333.3 * 0.99);
		expect(total(m)).toBeLessThan(1333.4);
	});

	test('an empty path gives an empty mask', () => {
		expect(rasterize([]).width).toBe(0);
	});

	test('transformPath scales font units and flips y around the baseline', () => {
		const [c] = transformPath([{ type: 'L', values: [100, 200] }], 0.5, 10, 300);
		expect(c!.values).toEqual([60, 200]);
	});
});

test('woffToSfnt unwraps the bundled Inter so HarfBuzz reads its glyphs and kerning', () => {
	const woff = readFileSync(
		join(process.cwd(), 'node_modules/@fontsource/inter/files/inter-latin-700-normal.woff'),
	);
	expect(() => woffToSfnt(new Uint8Array(8))).toThrow(/WOFF/);
	const face = new hb.Face(new hb.Blob(woffToSfnt(woff)));
	expect(face.collectUnicodes()).toContain('A'.codePointAt(0));
	const font = new hb.Font(face);
	const width = (text: string): number => {
		const b = new hb.Buffer();
		b.addText(text);
		b.guessSegmentProperties();
		hb.shape(font, b);
		return b.getGlyphPositions().reduce((w, p) => w + p.xAdvance, 0);
	};
	// "AV" is kerned tighter than its two letters apart.
	expect(width('AV')).toBeLessThan(width('A') + width('V'));
});
