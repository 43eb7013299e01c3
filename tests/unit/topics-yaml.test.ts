import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readTopicsYaml } from '../../scripts/ingest/topics/topics-yaml.ts';

const read = (text: string) => readTopicsYaml(text, 'content/topics.yaml');
const catchAll = '  - slug: other\n    name: Other\n    description: Rest.\n    catchAll: true\n';

describe('readTopicsYaml', () => {
	test('reads the shipped taxonomy without problems', () => {
		const { topics, problems } = read(readFileSync('content/topics.yaml', 'utf8'));
		expect(problems).toEqual([]);
		expect(topics.length).toBeGreaterThanOrEqual(15);
		expect(topics.filter((t) => t.catchAll)).toHaveLength(1);
		expect(new Set(topics.map((t) => t.slug)).size).toBe(topics.length);
	});

	test('reads fields and defaults', () => {
		const { topics } = read(
			`topics:\n  - slug: speech\n    name: Speech\n    description: Audio.\n    strong: [speech]\n${catchAll}`,
		);
		expect(topics[0]).toMatchObject({
			slug: 'speech',
			strong: ['speech'],
			terms: [],
			negative: [],
			categories: [],
			catchAll: false,
			genre: false,
			formerly: [],
			line: 2,
		});
	});

	test('reads former slugs of a renamed topic', () => {
		const { topics, problems } = read(
			`topics:\n  - slug: three-d\n    name: 3D\n    description: D.\n    terms: [x]\n    formerly: [vision-3d, scenes]\n${catchAll}`,
		);
		expect(problems).toEqual([]);
		expect(topics[0]!.formerly).toEqual(['vision-3d', 'scenes']);
	});

	test.each([
		[
			'a duplicate slug, with the line of the first',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n    terms: [x]\n  - slug: a\n    name: B\n    description: B.\n    terms: [y]\n${catchAll}`,
			{ line: 6, message: 'duplicate slug "a" (first on line 2)' },
		],
		[
			'a missing name',
			`topics:\n  - slug: a\n    description: A.\n    terms: [x]\n${catchAll}`,
			{ line: 2, message: 'topic is missing "name" (a non-empty string)' },
		],
		[
			'an unknown field at its own line',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n    term: [x]\n${catchAll}`,
			{ line: 5, message: 'unknown field "term"' },
		],
		[
			'terms that are not a list of strings',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n    terms: speech\n${catchAll}`,
			{ line: 5, message: '"terms" must be a list of non-empty strings' },
		],
		[
			'a bad slug',
			`topics:\n  - slug: Big Topic\n    name: A\n    description: A.\n    terms: [x]\n${catchAll}`,
			{ line: 2, message: 'slug "Big Topic" is not lower-case letters, digits and hyphens' },
		],
		[
			'no catch-all topic',
			'topics:\n  - slug: a\n    name: A\n    description: A.\n    terms: [x]\n',
			{ message: 'expected exactly one topic with "catchAll: true", found 0' },
		],
		[
			'a topic nothing can match',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n${catchAll}`,
			{ line: 2, message: 'topic "a" has no strong terms, terms or categories' },
		],
		[
			'a former slug that is a topic’s slug',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n    terms: [x]\n  - slug: b\n    name: B\n    description: B.\n    terms: [y]\n    formerly: [a]\n${catchAll}`,
			{ line: 6, message: 'former slug "a" is the slug of the topic on line 2' },
		],
		[
			'a former slug of two topics',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n    terms: [x]\n    formerly: [old]\n  - slug: b\n    name: B\n    description: B.\n    terms: [y]\n    formerly: [old]\n${catchAll}`,
			{ line: 7, message: 'former slug "old" is already a former slug of the topic on line 2' },
		],
		[
			'a bad former slug',
			`topics:\n  - slug: a\n    name: A\n    description: A.\n    terms: [x]\n    formerly: [Old Name]\n${catchAll}`,
			{ line: 2, message: 'former slug "Old Name" is not lower-case letters, digits and hyphens' },
		],
		[
			'YAML syntax errors (at the end of the unclosed list)',
			'topics:\n  - slug: [a\n',
			{ line: 3 },
		],
		[
			'a missing topics list',
			'other: 1\n',
			{ line: 1, message: 'expected a top-level `topics:` list' },
		],
	])('reports %s with file and line', (_, text, expected) => {
		const { topics, problems } = read(text);
		expect(topics).toEqual([]);
		expect(problems[0]).toMatchObject({ file: 'content/topics.yaml', ...expected });
	});
});
