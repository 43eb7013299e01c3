/**
 * Which font files a card needs. Inter covers Latin, Greek and Cyrillic; other scripts come from
 * Noto subsets, loaded only for the code points a card actually contains (a CJK font is 76 MB
 * across 100 subset files; a Chinese title needs two or three of them). Subset ranges are read
 * from each @fontsource package's `unicode.json`, so nothing here hard-codes a font's coverage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A font family the cards may use, in fallback order. */
export interface FontFamily {
	/** Family name (with the subset, it names a file's place in the fallback order). */
	name: string;
	/** npm package under `node_modules/`. */
	pkg: string;
	/** File name of a subset at a weight: `inter-latin-700-normal.woff`. */
	file: (subset: string, weight: number) => string;
	/** Weights shipped (the nearest one is used). */
	weights: number[];
}

/** Families in fallback order: the first that covers a code point draws it. */
export const FAMILIES: FontFamily[] = [
	{
		name: 'Inter',
		pkg: '@fontsource/inter',
		file: (s, w) => `inter-${s}-${w}-normal.woff`,
		weights: [400, 700],
	},
	{
		name: 'Noto Sans SC',
		pkg: '@fontsource/noto-sans-sc',
		file: (s, w) => `noto-sans-sc-${s.replace(/^\[(\d+)\]$/, '$1')}-${w}-normal.woff`,
		weights: [400, 700],
	},
	{
		name: 'Noto Sans Hebrew',
		pkg: '@fontsource/noto-sans-hebrew',
		file: (s, w) => `noto-sans-hebrew-${s}-${w}-normal.woff`,
		weights: [400, 700],
	},
	{
		name: 'Noto Emoji',
		pkg: '@fontsource/noto-emoji',
		file: (s) => `noto-emoji-${s.replace(/^\[(\d+)\]$/, '$1')}-400-normal.woff`,
		weights: [400],
	},
];

/** `U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(range: string): Array<[number, number]> {
	return range.split(',').map((part) => {
		const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
		const a = parseInt(lo!, 16);
		return [a, hi ? parseInt(hi, 16) : a];
	});
}

/** One subset file of one family. */
export interface FontFile {
	/**
	 * Family and subset (`Inter latin`): one name per subset file, whatever its weight, so the
	 * renderer can pick the file nearest the weight it draws.
	 */
	family: string;
	weight: number;
	/** Path relative to `node_modules/`, e.g. `@fontsource/inter/files/inter-latin-700-normal.woff`. */
	path: string;
}

interface Subset {
	family: FontFamily;
	name: string;
	ranges: Array<[number, number]>;
}

/** The subsets of every family, read once from the packages' `unicode.json`. */
export function loadCatalogue(nodeModules: string): Subset[] {
	const out: Subset[] = [];
	for (const family of FAMILIES) {
		const map = JSON.parse(
			readFileSync(join(nodeModules, family.pkg, 'unicode.json'), 'utf8'),
		) as Record<string, string>;
		// Basic Latin first: it is the text face, and it wins where subsets overlap.
		const entries = Object.entries(map).sort(
			([a], [b]) => Number(b === 'latin') - Number(a === 'latin'),
		);
		for (const [name, range] of entries)
			out.push({ family, name, ranges: parseUnicodeRange(range) });
	}
	return out;
}

const covers = (s: Subset, cp: number): boolean => s.ranges.some(([a, b]) => cp >= a && cp <= b);

/**
 * The font files needed to draw `text`: Inter latin always (it is the card's face), plus, for
 * each code point outside it, the first subset (in family order) that covers it. The list is in
 * catalogue order (deterministic), so it doubles as the card's font identity in its cache key.
 */
export function pickFontFiles(catalogue: Subset[], text: string): FontFile[] {
	const chosen = new Set<Subset>(
		catalogue.filter((s) => s.family === FAMILIES[0] && s.name === 'latin'),
	);
	for (const ch of new Set(text)) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80 || /\s/.test(ch)) continue;
		if ([...chosen].some((s) => covers(s, cp))) continue;
		const hit = catalogue.find((s) => covers(s, cp));
		if (hit) chosen.add(hit);
	}
	const files: FontFile[] = [];
	for (const s of catalogue.filter((c) => chosen.has(c)))
		for (const weight of s.family.weights)
			files.push({
				family: `${s.family.name} ${s.name}`,
				weight,
				path: `${s.family.pkg}/files/${s.family.file(s.name, weight)}`,
			});
	return files;
}

/** Installed versions of the font packages: part of every card's cache key. */
export function fontVersions(nodeModules: string): string {
	return FAMILIES.map((f) => {
		const pkg = JSON.parse(readFileSync(join(nodeModules, f.pkg, 'package.json'), 'utf8')) as {
			version: string;
		};
		return `${f.pkg}@${pkg.version}`;
	}).join(',');
}
