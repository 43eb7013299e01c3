/**
 * Draws one card: the layout gives a positioned scene, HarfBuzz shapes each line (kerning, marks,
 * font fallback per character), each glyph is rasterised once per process, size and quarter-pixel
 * offset by raster.ts, and the card is composited in memory and encoded by sharp as PNG.
 *
 * Why not an SVG renderer: drawing the same card as SVG paths (satori + librsvg) cost 15–27 ms of
 * CPU per card, 148 s for 10,000 cards; compositing cached glyph masks is a few milliseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import sharp from 'sharp';
import { loadCatalogue, pickFontFiles, type FontFile } from './fonts.ts';
import {
	cardScene,
	cardText,
	ICON_PX,
	type CardData,
	type Scene,
	type TextItem,
} from './layout.ts';
import type { MeasureFor } from './text.ts';
import { rasterize, transformPath, type Mask, type PathCommand } from './raster.ts';
import { CARD_HEIGHT, CARD_WIDTH, PNG_OPTIONS } from './size.ts';
import { woffToSfnt } from './woff.ts';

/** Glyph origins are snapped to quarter pixels: four masks per glyph and size at most. */
const PHASES = 4;

/** A card renderer bound to one project root (for `node_modules` and the icon source). */
export interface CardRenderer {
	/** The font files a card needs (their sorted paths are part of its cache key). */
	fontsFor: (card: CardData) => FontFile[];
	/** Renders a card to PNG bytes, with the fonts it needs unless `files` says otherwise. */
	render: (card: CardData, files?: FontFile[]) => Promise<Buffer>;
}

/** A loaded font file. */
interface Face {
	font: hb.Font;
	/** Font units per em. */
	upem: number;
	/** Code points the file maps to a glyph. */
	covers: Set<number>;
	/** Glyph outlines in font units, by glyph id. */
	outlines: Map<number, PathCommand[]>;
	/** Coverage masks by `gid:size:phase`. */
	masks: Map<string, Mask>;
}

/** `#rrggbb` → [r, g, b]. */
function parseColor(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** An RGB canvas of the card's size. */
interface Canvas {
	width: number;
	height: number;
	rgb: Buffer;
}

/** Fills a rectangle (clipped to the canvas). */
function fillRect(c: Canvas, x: number, y: number, w: number, h: number, color: string): void {
	const [r, g, b] = parseColor(color);
	const x0 = Math.max(0, Math.round(x));
	const x1 = Math.min(c.width, Math.round(x + w));
	const y1 = Math.min(c.height, Math.round(y + h));
	for (let row = Math.max(0, Math.round(y)); row < y1; row++)
		for (let i = (row * c.width + x0) * 3, end = (row * c.width + x1) * 3; i < end; i += 3) {
			c.rgb[i] = r;
			c.rgb[i + 1] = g;
			c.rgb[i + 2] = b;
		}
}

/** Blends colour r, g, b at opacity `a` (0–255) into the pixel at byte offset `i`. */
function blendPixel(rgb: Buffer, i: number, r: number, g: number, b: number, a: number): void {
	const k = 255 - a;
	rgb[i] = (rgb[i]! * k + r * a + 127) / 255;
	rgb[i + 1] = (rgb[i + 1]! * k + g * a + 127) / 255;
	rgb[i + 2] = (rgb[i + 2]! * k + b * a + 127) / 255;
}

/** Blends `color` through a coverage mask placed at (`x`, `y`), clipped to the canvas. */
function blendMask(
	c: Canvas,
	m: Mask,
	x: number,
	y: number,
	[r, g, b]: [number, number, number],
): void {
	for (let my = 0; my < m.height; my++) {
		const cy = y + my;
		if (cy < 0 || cy >= c.height) continue;
		for (let mx = 0; mx < m.width; mx++) {
			const a = m.alpha[my * m.width + mx]!;
			const cx = x + mx;
			if (a === 0 || cx < 0 || cx >= c.width) continue;
			blendPixel(c.rgb, (cy * c.width + cx) * 3, r, g, b, a);
		}
	}
}

/** Characters that draw nothing and must not fall back to a missing-glyph box (ZWJ, selectors). */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/** Creates a renderer; `root` is the project directory. */
export function createRenderer(root: string): CardRenderer {
	const nodeModules = join(root, 'node_modules');
	const catalogue = loadCatalogue(nodeModules);
	// The icon is rasterised once per process at its drawn size, as straight RGBA.
	const icon = sharp(readFileSync(join(root, 'src/assets/icon.svg')))
		.resize(ICON_PX, ICON_PX)
		.ensureAlpha()
		.raw()
		.toBuffer();
	const faces = new Map<string, Face>();
	const face = (path: string): Face => {
		let f = faces.get(path);
		if (!f) {
			const hbFace = new hb.Face(new hb.Blob(woffToSfnt(readFileSync(join(nodeModules, path)))));
			f = {
				font: new hb.Font(hbFace),
				upem: hbFace.upem,
				covers: new Set(hbFace.collectUnicodes()),
				outlines: new Map(),
				masks: new Map(),
			};
			faces.set(path, f);
		}
		return f;
	};
	const buffer = new hb.Buffer();
	const fontsFor = (card: CardData): FontFile[] => pickFontFiles(catalogue, cardText(card));

	/** The faces for text at `weight`, in fallback order: per subset, its nearest weight. */
	const facesFor = (files: FontFile[], weight: number): Face[] => {
		const best = new Map<string, FontFile>();
		for (const f of files) {
			const cur = best.get(f.family);
			if (!cur || Math.abs(f.weight - weight) < Math.abs(cur.weight - weight))
				best.set(f.family, f);
		}
		return [...best.values()].map((f) => face(f.path));
	};

	/**
	 * The face that draws `ch`: the first in `list` that has it; none for an invisible character
	 * no face has (it stays with its neighbours and takes no room); else `list[0]`, whose
	 * missing-glyph box then marks it.
	 */
	const faceOf = (ch: string, list: Face[]): Face | undefined =>
		list.find((x) => x.covers.has(ch.codePointAt(0)!)) ??
		(IGNORABLE.test(ch) ? undefined : list[0]!);

	/** Splits a line into runs of one face each (`faceOf`). */
	const runs = (text: string, list: Face[]): Array<{ face: Face; text: string }> => {
		const out: Array<{ face: Face; text: string }> = [];
		for (const ch of text) {
			const last = out.at(-1);
			const f = faceOf(ch, list) ?? last?.face ?? list[0]!;
			if (last && last.face === f) last.text += ch;
			else out.push({ face: f, text: ch });
		}
		return out;
	};

	/**
	 * Widths from the fonts that draw the text (advance of each character's glyph in the face
	 * `faceOf` picks for it, the missing-glyph box where it has none; kerning left out, which only
	 * ever makes a line narrower). Cached per font list and weight, in thousandths of an em.
	 */
	const advances = new Map<string, Map<number, number>>();
	const measureWith =
		(files: FontFile[]): MeasureFor =>
		(size, weight) => {
			const list = facesFor(files, weight);
			const key = `${weight}|${files.map((f) => f.path).join('|')}`;
			let table = advances.get(key);
			if (!table) advances.set(key, (table = new Map()));
			const cache = table;
			return (text) => {
				let w = 0;
				for (const ch of text) {
					const cp = ch.codePointAt(0)!;
					let adv = cache.get(cp);
					if (adv === undefined) {
						const f = faceOf(ch, list);
						adv = f ? (f.font.glyphHAdvance(f.font.nominalGlyph(cp) ?? 0) * 1000) / f.upem : 0;
						cache.set(cp, adv);
					}
					w += adv;
				}
				return (w * size) / 1000;
			};
		};

	const mask = (f: Face, gid: number, size: number, phase: number): Mask => {
		const key = `${gid}:${size}:${phase}`;
		let m = f.masks.get(key);
		if (!m) {
			let outline = f.outlines.get(gid);
			if (!outline) f.outlines.set(gid, (outline = f.font.glyphToJson(gid)));
			m = rasterize(transformPath(outline, size / f.upem, phase / PHASES, 0));
			f.masks.set(key, m);
		}
		return m;
	};

	const drawText = (c: Canvas, t: TextItem, files: FontFile[]): void => {
		const color = parseColor(t.color);
		let pen = t.x;
		for (const run of runs(t.text, facesFor(files, t.weight))) {
			const scale = t.size / run.face.upem;
			buffer.reset();
			buffer.addText(run.text);
			buffer.guessSegmentProperties();
			// Right-to-left runs arrive already in visual order (layout.ts): shape everything LTR.
			buffer.setDirection(hb.Direction.LTR);
			hb.shape(run.face.font, buffer);
			for (const g of buffer.getGlyphInfosAndPositions()) {
				const x = pen + (g.xOffset ?? 0) * scale;
				const y = t.baseline - (g.yOffset ?? 0) * scale;
				const ix = Math.floor(x);
				const phase = Math.min(PHASES - 1, Math.round((x - ix) * PHASES));
				const m = mask(run.face, g.codepoint, t.size, phase);
				if (m.width) blendMask(c, m, ix + m.x, Math.round(y) + m.y, color);
				pen += (g.xAdvance ?? 0) * scale;
			}
		}
	};

	// The background and rectangles are the same on nearly every card: painted once per process
	// and copied (a memcpy) instead of filled pixel by pixel for every card.
	const bases = new Map<string, Buffer>();
	const base = (scene: Scene): Buffer => {
		const key = JSON.stringify([scene.background, scene.rects]);
		let rgb = bases.get(key);
		if (!rgb) {
			const c = {
				width: CARD_WIDTH,
				height: CARD_HEIGHT,
				rgb: Buffer.alloc(CARD_WIDTH * CARD_HEIGHT * 3),
			};
			fillRect(c, 0, 0, CARD_WIDTH, CARD_HEIGHT, scene.background);
			for (const r of scene.rects) fillRect(c, r.x, r.y, r.width, r.height, r.color);
			bases.set(key, (rgb = c.rgb));
		}
		return rgb;
	};

	/** Canvases not in use (one per card being encoded; sharp reads its input asynchronously). */
	const canvases: Buffer[] = [];

	const paint = async (scene: Scene, files: FontFile[]): Promise<Canvas> => {
		// Canvases are reused: a fresh 2.3 MB buffer per card cost ~3 ms in page faults alone.
		// Every byte is overwritten by the copy, so an unzeroed one is fine.
		const rgb = canvases.pop() ?? Buffer.allocUnsafe(CARD_WIDTH * CARD_HEIGHT * 3);
		rgb.set(base(scene));
		const c: Canvas = { width: CARD_WIDTH, height: CARD_HEIGHT, rgb };
		for (const t of scene.texts) drawText(c, t, files);
		const rgba = await icon;
		for (let y = 0; y < ICON_PX; y++)
			for (let x = 0; x < ICON_PX; x++) {
				const s = (y * ICON_PX + x) * 4;
				const a = rgba[s + 3]!;
				if (a === 0) continue;
				const i = ((scene.icon.y + y) * c.width + scene.icon.x + x) * 3;
				blendPixel(c.rgb, i, rgba[s]!, rgba[s + 1]!, rgba[s + 2]!, a);
			}
		return c;
	};

	return {
		fontsFor,
		render: async (card, files = fontsFor(card)) => {
			const c = await paint(cardScene(card, measureWith(files)), files);
			try {
				return await sharp(c.rgb, { raw: { width: c.width, height: c.height, channels: 3 } })
					.png(PNG_OPTIONS)
					.toBuffer();
			} finally {
				canvases.push(c.rgb);
			}
		},
	};
}
