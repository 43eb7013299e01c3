import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue, parseUnicodeRange, pickFontFiles } from '../../src/lib/cards/fonts.ts';

const catalogue = loadCatalogue(join(process.cwd(), 'node_modules'));
const names = (text: string): string[] =>
	pickFontFiles(catalogue, text).map((f) => f.path.split('/').pop()!);

describe('pickFontFiles', () => {
	test('an ASCII card needs only Inter latin at both weights', () => {
		expect(names('Attention Is All You Need')).toEqual([
			'inter-latin-400-normal.woff',
			'inter-latin-700-normal.woff',
		]);
	});

	test('Greek comes from Inter, Chinese and Hebrew from Noto subsets, emoji from Noto Emoji', () => {
		const picked = names('Ελληνικά και 中文标题：测试 עברית 🚀');
		expect(picked).toContain('inter-greek-700-normal.woff');
		expect(picked.some((n) => n.startsWith('noto-sans-sc-'))).toBe(true);
		expect(picked).toContain('noto-sans-hebrew-hebrew-700-normal.woff');
		expect(picked.some((n) => n.startsWith('noto-emoji-'))).toBe(true);
		// Only the subsets that hold these characters, not the whole 100-file CJK font.
		expect(picked.filter((n) => n.startsWith('noto-sans-sc-')).length).toBeLessThanOrEqual(12);
	});

	test('gives each subset its own family name, Inter latin first', () => {
		const families = [...new Set(pickFontFiles(catalogue, 'α 中').map((f) => f.family))];
		expect(families[0]).toBe('Inter latin');
		expect(families).toContain('Inter greek');
	});
});

test('parseUnicodeRange reads single code points and ranges', () => {
	expect(parseUnicodeRange('U+0000-00FF,U+0131')).toEqual([
		[0, 255],
		[305, 305],
	]);
});
