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
import { CARD_HEIGHT, CARD_WIDTH, cardText, cardTree, type CardData } from './layout.ts';

/**
 * PNG settings: zlib level 6 without adaptive filtering measured ~4× faster than level 9 with
 * filtering, for ~15% more bytes (flat background and text compress well either way).
 */
export const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

/** A card renderer bound to one project root (for `node_modules` and the icon source). */
export interface CardRenderer {
	/** The font files a card needs (their sorted paths are part of its cache key). */
	fontsFor: (card: CardData) => FontFile[];
	/** Renders a card to PNG bytes. */
	render: (card: CardData) => Promise<Buffer>;
}

/** Creates a renderer; `root` is the project directory. */
export function createRenderer(root: string): CardRenderer {
	const nodeModules = join(root, 'node_modules');
	const catalogue = loadCatalogue(nodeModules);
	const icon =
		'data:image/svg+xml;base64,' +
		readFileSync(join(root, 'src/assets/icon.svg')).toString('base64');
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
		render: async (card) => {
			const files = fontsFor(card);
			const tree = cardTree(card, icon, fontFamilyList(files));
			const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
				width: CARD_WIDTH,
				height: CARD_HEIGHT,
				fonts: fontSet(files),
			});
			return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
		},
	};
}
