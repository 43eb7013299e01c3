/**
 * Draws one card: satori lays out the tree and emits an SVG with the text as paths; sharp
 * (librsvg) rasterises it and encodes the PNG. Fonts are read once per process and the font
 * array handed to satori is reused per font set, so satori's own per-array font cache hits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import { fontFamilyList, loadCatalogue, pickFontFiles, type FontFile } from './fonts.ts';
import { cardText, cardTree, ICON_PX, type CardData } from './layout.ts';
import { CARD_HEIGHT, CARD_WIDTH, PNG_OPTIONS } from './size.ts';

/**
 * Removes satori's overflow masks (`satori_om-*`: one full-size rectangle per element). The
 * layout never clips (no `overflow: hidden`), so they change no pixel, yet librsvg paid for
 * them: stripping them cut rasterisation CPU time from ~34 ms to ~19 ms per card.
 */
export function stripOverflowMasks(svg: string): string {
	return svg
		.replace(/<mask id="satori_om[^"]*"><rect [^>]*\/><\/mask>/g, '')
		.replace(/ mask="url\(#satori_om[^"]*\)"/g, '');
}

/** A card renderer bound to one project root (for `node_modules` and the icon source). */
export interface CardRenderer {
	/** The font files a card needs (their sorted paths are part of its cache key). */
	fontsFor: (card: CardData) => FontFile[];
	/** Renders a card to PNG bytes, with the fonts it needs unless `files` says otherwise. */
	render: (card: CardData, files?: FontFile[]) => Promise<Buffer>;
}

/** Creates a renderer; `root` is the project directory. */
export function createRenderer(root: string): CardRenderer {
	const nodeModules = join(root, 'node_modules');
	const catalogue = loadCatalogue(nodeModules);
	// The icon is rasterised once per process at its drawn size: an embedded SVG would be parsed
	// and rendered again for every card.
	const iconPng = sharp(readFileSync(join(root, 'src/assets/icon.svg')))
		.resize(ICON_PX, ICON_PX)
		.png()
		.toBuffer()
		.then((b) => `data:image/png;base64,${b.toString('base64')}`);
	const fileCache = new Map<string, Buffer>();
	const setCache = new Map<string, Font[]>();
	const fontsFor = (card: CardData): FontFile[] => pickFontFiles(catalogue, cardText(card));
	const fontSet = (files: FontFile[]): Font[] => {
		const key = files.map((f) => f.path).join('|');
		let set = setCache.get(key);
		if (!set) {
			set = files.map((f) => {
				let data = fileCache.get(f.path);
				if (!data) fileCache.set(f.path, (data = readFileSync(join(nodeModules, f.path))));
				return { name: f.family, data, weight: f.weight as Font['weight'], style: 'normal' };
			});
			setCache.set(key, set);
		}
		return set;
	};
	return {
		fontsFor,
		render: async (card, files = fontsFor(card)) => {
			const tree = cardTree(card, await iconPng, fontFamilyList(files));
			const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
				width: CARD_WIDTH,
				height: CARD_HEIGHT,
				fonts: fontSet(files),
			});
			return sharp(Buffer.from(stripOverflowMasks(svg)))
				.png(PNG_OPTIONS)
				.toBuffer();
		},
	};
}
