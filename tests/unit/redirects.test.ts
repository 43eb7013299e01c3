/** Reading the former addresses of moved papers that the ingest wrote (_redirects.json). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readRedirects } from '../../src/lib/redirects.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-redirects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `value` as JSON to a file in the test folder and returns its path. */
const file = (name: string, value: unknown): string => {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(value));
	return path;
};

describe('readRedirects', () => {
	test('reads the former addresses as written, in their order', () => {
		const redirects = [
			{ from: 'codet5', to: '2109.00859' },
			{ from: 'unit', to: 'hep-th-9901001' },
		];
		expect(readRedirects(file('_redirects.json', redirects))).toEqual(redirects);
	});

	test('no file is no former address (a content folder from before the ingest wrote it)', () => {
		expect(readRedirects(join(dir, 'absent.json'))).toEqual([]);
	});

	test('a file that does not match the schema stops the build instead of making odd pages', () => {
		expect(() =>
			readRedirects(file('bad.json', [{ from: 'Codet5/', to: '2109.00859' }])),
		).toThrow();
		expect(() => readRedirects(file('bad-shape.json', { from: 'a', to: 'b' }))).toThrow();
	});
});
