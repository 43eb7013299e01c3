/** The topics index shows the landscape as a chart with the same numbers as a table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from './support/paths.ts';

const topics = JSON.parse(readFileSync('content/papers/_topics.json', 'utf8')) as Array<{
	slug: string;
	name: string;
	count: number;
}>;
// Astro's scoped-style attributes are noise for these checks.
const html = readFileSync(join(DIST, 'topics', 'index.html'), 'utf8').replace(
	/ data-astro-cid-\w+/g,
	'',
);

describe('topics index', () => {
	test('has an accessible SVG chart of papers per topic', () => {
		const svg =
			/<svg[^>]*role="img"[^>]*aria-labelledby="topic-chart-title" aria-describedby="topic-chart-desc"[\s\S]*?<\/svg>/.exec(
				html,
			);
		expect(svg).not.toBeNull();
		expect(svg![0]).toContain('<title id="topic-chart-title">Papers per topic</title>');
		for (const t of topics.filter((t) => t.count > 0))
			expect(svg![0]).toContain(`: ${t.count}</title>`);
	});

	test('gives every topic and its count in a table linking the topic page', () => {
		const table = /<table>[\s\S]*?<\/table>/.exec(html)![0];
		for (const t of topics.filter((t) => t.count > 0)) {
			expect(table).toMatch(
				new RegExp(`href="/topics/${t.slug}/">[^<]+</a></td><td>${t.count}</td>`),
			);
		}
	});
});
