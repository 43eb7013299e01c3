/** Former slugs of renamed topics, as topics.yaml gives them and the ingest writes them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { movedTopics, readMovedTopics } from '../../src/lib/moved-topics.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-moved-topics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `value` as JSON to a file in the test folder and returns its path. */
const file = (name: string, value: unknown): string => {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(value));
	return path;
};

describe('moved topics', () => {
	const topic = {
		name: 'Vision',
		description: '',
		derived: false,
		catchAll: false,
		count: 1,
		terms: [],
	};

	test('every former slug of every topic, in topic order', () => {
		expect(
			movedTopics([
				{ slug: 'vision', formerly: ['three-d', 'v'] },
				{ slug: 'speech' },
				{ slug: 'language', formerly: ['nlp'] },
			]),
		).toEqual([
			{ from: 'three-d', to: 'vision' },
			{ from: 'v', to: 'vision' },
			{ from: 'nlp', to: 'language' },
		]);
	});

	test("are read from the ingest's _topics.json; none without the file", () => {
		const path = file('_topics.json', [
			{ ...topic, slug: 'vision', formerly: ['three-d'] },
			{ ...topic, slug: 'speech', name: 'Speech' },
		]);
		expect(readMovedTopics(path)).toEqual([{ from: 'three-d', to: 'vision' }]);
		expect(readMovedTopics(join(dir, 'absent.json'))).toEqual([]);
		expect(() => readMovedTopics(file('bad-topics.json', [{ slug: 'vision' }]))).toThrow();
	});
});
