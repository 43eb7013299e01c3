/**
 * Golden fixtures, one folder per hazard: tests/fixtures/ingest/<case>/ holds an input source,
 * the expected MDX entry and the HTML the site shows. Regenerate with `UPDATE=1 npx vitest run fixtures`
 * and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { renderAbstractHtml } from '../../src/lib/render-abstract.ts';

const ROOT = 'tests/fixtures/ingest';
const UPDATE = process.env.UPDATE === '1';

function golden(file: string, actual: string): void {
	if (UPDATE) writeFileSync(file, actual);
	// A missing golden is a failure, not a file written from whatever the code gives now.
	expect(existsSync(file), `${file} is missing: run UPDATE=1 npx vitest run fixtures`).toBe(true);
	expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.each(readdirSync(ROOT).sort())('fixture %s', (name) => {
	const dir = join(ROOT, name);
	const inputs = readdirSync(dir).filter((f) => /\.(txt|jsonl)$/.test(f));
	const result = ingest(inputs.map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })));
	const entries = [...result.entries].filter(([k]) => k.endsWith('.mdx'));

	test('ingests without errors into exactly one entry', () => {
		expect(result.errors).toEqual([]);
		expect(entries).toHaveLength(1);
	});
	test('matches the expected MDX', () => golden(join(dir, 'expected.mdx'), entries[0]![1]));
	test('matches the expected HTML', () =>
		golden(
			join(dir, 'expected.html'),
			`${renderAbstractHtml(splitFrontmatter(entries[0]![1]).body)}\n`,
		));
});
