import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
	FIELDS_FILE,
	pageFields,
	paperText,
	readRecordLines,
	readPaperTexts,
	TEXT_FILE,
	writeRecordLines,
	writePaperTexts,
} from '../../src/lib/paper-text.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'abstracta-text-'));
});
afterEach(() => {
	vi.restoreAllMocks();
	rmSync(dir, { recursive: true, force: true });
});

const a = { digest: 'd1', source: 's1', html: '<p>a {b} &lt;c&gt;</p>', summary: 'a {b} <c>' };
const fields = {
	topicReasons: { vision: [{ term: 'image\t"tab"', weight: 1.5 }] },
	keywords: ['image {x}\nnewline'],
	related: [{ slug: 'b', terms: ['image'] }],
};

describe('paper texts', () => {
	test('round-trip through the file, ids sorted; a missing, broken or old file reads as empty', () => {
		const file = join(dir, 'deep', 'texts.json');
		expect(readPaperTexts(file).size).toBe(0);
		writePaperTexts(
			file,
			new Map([
				['z', a],
				['a', a],
			]),
		);
		expect([...readPaperTexts(file)]).toEqual([
			['a', a],
			['z', a],
		]);
		writeFileSync(file, '{"version":0,"papers":{"a":{}}}');
		expect(readPaperTexts(file).size).toBe(0);
		writeFileSync(file, '{not json');
		expect(readPaperTexts(file).size).toBe(0);
	});

	test('paperText finds the text of the current entry, re-reads a changed file, refuses a stale one', () => {
		vi.spyOn(process, 'cwd').mockReturnValue(dir);
		const file = join(dir, TEXT_FILE);
		writePaperTexts(file, new Map([['p', a]]));
		expect(paperText('p', 'd1')).toEqual(a);
		expect(() => paperText('p', 'd2')).toThrow(/no current text for paper p/);
		expect(() => paperText('q', undefined)).toThrow(/no current text for paper q/);
		const b = { ...a, digest: 'd2', summary: 'new' };
		writePaperTexts(file, new Map([['p', b]]));
		expect(paperText('p', 'd2').summary).toBe('new');
	});

	test('page fields: one line per paper, tabs and newlines in values survive, stale lines refused', () => {
		vi.spyOn(process, 'cwd').mockReturnValue(dir);
		const file = join(dir, FIELDS_FILE);
		expect(readRecordLines(file).size).toBe(0);
		const line = { digest: 'd1', json: JSON.stringify(fields) };
		writeRecordLines(
			file,
			new Map([
				['z', line],
				['p', line],
			]),
		);
		expect(
			readFileSync(file, 'utf8')
				.split('\n')
				.map((l) => l.split('\t')[0]),
		).toEqual(['p', 'z', '']);
		expect(pageFields('p', 'd1')).toEqual(fields);
		expect(() => pageFields('p', 'd2')).toThrow(/no current page fields for paper p/);
		expect(() => pageFields('q', undefined)).toThrow(/no current page fields for paper q/);
	});
});
