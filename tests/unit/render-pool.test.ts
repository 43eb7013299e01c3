import { describe, expect, test } from 'vitest';
import { renderAbstractHtml } from '../../src/lib/render-abstract.ts';
import { MIN_FOR_WORKERS, renderBodies } from '../../src/loaders/render-pool.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('render pool', () => {
	test('renders in workers exactly what the main thread renders, in order, errors included', async () => {
		// Every third body is plain prose (the fast path, in this thread); the others have math.
		const bodies = Array.from({ length: 2 * MIN_FOR_WORKERS + 37 }, (_, i) =>
			i === 5
				? '<script>alert(1)</script>' // not JSX the ingest writes: an error, not HTML
				: i % 3 === 0
					? `Paper ${i}: plain &lt;prose&gt; and <em>x</em> \\{braces\\}.`
					: `Paper ${i}: *emphasis*, $O(n^${i % 7})$ and <em>x</em> \\{braces\\}.`,
		);
		const results = await renderBodies(bodies, root, 2);
		expect(results).toHaveLength(bodies.length);
		expect(results[5]).toEqual({ error: expect.stringContaining('script') });
		for (const i of [0, 1, 3, 6, 200, 201, bodies.length - 2, bodies.length - 1])
			expect(results[i]).toEqual({ html: renderAbstractHtml(bodies[i]!) });
	});

	test('renders a handful of entries in this thread, even with a root that has no worker', async () => {
		// A missing worker file would fail if workers were started for fewer than MIN_FOR_WORKERS.
		expect(await renderBodies(['a *b*', '<x>'], '/nonexistent', 2)).toEqual([
			{ html: renderAbstractHtml('a *b*') },
			{ error: expect.stringContaining('x') },
		]);
	});
});
