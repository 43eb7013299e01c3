/**
 * The site's icons, all rasterised with sharp from the one source `src/assets/icon.svg`:
 * favicon.ico (16/32/48 PNGs in an ICO container), favicon.svg (the source itself),
 * apple-touch-icon.png (180), icon-192.png, icon-512.png, icon-maskable-512.png, feed-icon.png
 * (144: the largest image RSS allows a channel), and the web app manifest. The source is full-bleed with its mark inside the maskable safe zone, so
 * the maskable icon is the same drawing.
 */
import sharp from 'sharp';
import { RSS_IMAGE_SIZE } from '../feed.ts';
import { ROOT_FILES } from '../urls.ts';

/** Colours of the manifest: the brand red of the icon, the header's mark (global.css --accent) and the cards. */
export const THEME = { theme: '#a3262a', background: '#fbfaf7' };

/** An icon file: name at the site root (under the base path) and its bytes. */
export interface IconFile {
	name: string;
	data: Buffer;
}

/** PNG sizes per file name. */
export const ICON_SIZES: Record<string, number> = {
	[ROOT_FILES.appleTouchIcon]: 180,
	[ROOT_FILES.icon192]: 192,
	[ROOT_FILES.icon512]: 512,
	[ROOT_FILES.maskableIcon]: 512,
	// The feeds' channel image: its declared size (RSS allows at most 144 px wide).
	[ROOT_FILES.feedIcon]: RSS_IMAGE_SIZE,
};

/** Packs PNG images into an ICO file (PNG-in-ICO, read by every current browser). */
export function packIco(images: Array<{ size: number; png: Buffer }>): Buffer {
	const header = Buffer.alloc(6 + 16 * images.length);
	header.writeUInt16LE(0, 0);
	header.writeUInt16LE(1, 2); // type: icon
	header.writeUInt16LE(images.length, 4);
	let offset = header.length;
	images.forEach(({ size, png }, i) => {
		const e = 6 + 16 * i;
		header.writeUInt8(size >= 256 ? 0 : size, e);
		header.writeUInt8(size >= 256 ? 0 : size, e + 1);
		header.writeUInt16LE(1, e + 4); // colour planes
		header.writeUInt16LE(32, e + 6); // bits per pixel
		header.writeUInt32LE(png.length, e + 8);
		header.writeUInt32LE(offset, e + 12);
		offset += png.length;
	});
	return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const rasterise = (svg: Buffer, size: number): Promise<Buffer> =>
	sharp(svg, { density: Math.max(72, (72 * size) / 512) })
		.resize(size, size)
		.png({ compressionLevel: 9 })
		.toBuffer();

/** The web app manifest; `base` is the site's base path (`/` or `/sub/`). */
export function buildManifest(name: string, description: string, base: string): string {
	const manifest = {
		name,
		short_name: name.length > 12 ? name.slice(0, 12) : name,
		description,
		start_url: base,
		scope: base,
		display: 'standalone',
		theme_color: THEME.theme,
		background_color: THEME.background,
		icons: [
			{ src: `${base}${ROOT_FILES.icon192}`, sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: `${base}${ROOT_FILES.icon512}`, sizes: '512x512', type: 'image/png', purpose: 'any' },
			{
				src: `${base}${ROOT_FILES.maskableIcon}`,
				sizes: '512x512',
				type: 'image/png',
				purpose: 'maskable',
			},
		],
	};
	return JSON.stringify(manifest, null, '\t') + '\n';
}

/** Every icon file and the manifest, from the SVG source. */
export async function buildIcons(
	svg: Buffer,
	site: { title: string; description: string },
	base: string,
): Promise<IconFile[]> {
	const files: IconFile[] = [{ name: ROOT_FILES.faviconSvg, data: svg }];
	for (const [name, size] of Object.entries(ICON_SIZES))
		files.push({ name, data: await rasterise(svg, size) });
	const ico = await Promise.all(
		[16, 32, 48].map(async (size) => ({ size, png: await rasterise(svg, size) })),
	);
	files.push({ name: ROOT_FILES.faviconIco, data: packIco(ico) });
	files.push({
		name: ROOT_FILES.manifest,
		data: Buffer.from(buildManifest(site.title, site.description, base)),
	});
	return files;
}
