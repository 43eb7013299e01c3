/**
 * The cards integration's hooks over a small project (the real code under `src/`, the real
 * fonts): `astro:build:start` lists and keys the cards and starts drawing them beside the
 * build, `astro:build:done` places them; a broken entry fails the build with its file named.
 */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { readTopicsYaml } from '../../scripts/ingest/topics/topics-yaml.ts';
import { readSourceFiles } from '../../scripts/ingest/write.ts';
import cardsIntegration from '../../src/integrations/cards.ts';

let root: string;
let seed: Map<string, string>;
beforeAll(() => {
	const topics = readTopicsYaml(readFileSync('content/topics.yaml', 'utf8'), 'topics.yaml').topics;
	seed = ingest(readSourceFiles(resolve('content/sources')), { topics }).entries;
});
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'abstracta-cards-int-'));
	symlinkSync(resolve('src'), join(root, 'src'));
	// Packages linked one by one, so the card cache lands in this project, not the repository's.
	mkdirSync(join(root, 'node_modules'));
	for (const name of readdirSync('node_modules'))
		if (!name.startsWith('.'))
			symlinkSync(resolve('node_modules', name), join(root, 'node_modules', name));
	// Two entries of the seed and the topics, ingested here (no build of the repository needed).
	mkdirSync(join(root, 'content/papers'), { recursive: true });
	const names = [...seed.keys()].filter((n) => n.endsWith('.mdx')).slice(0, 2);
	for (const name of [...names, '_topics.json'])
		writeFileSync(join(root, 'content/papers', name), seed.get(name)!);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs the hooks of a build into `<root>/dist`; returns what was logged. */
async function build(): Promise<string[]> {
	const logs: string[] = [];
	const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
	const hooks = cardsIntegration({ enabled: true, threads: 1 }).hooks as unknown as Record<
		string,
		(arg: unknown) => unknown
	>;
	const url = (p: string): URL => pathToFileURL(p + '/');
	await hooks['astro:config:done']!({ config: { root: url(root), base: '/' } });
	await hooks['astro:build:start']!({ logger });
	await hooks['astro:build:done']!({ dir: url(join(root, 'dist')), logger });
	return logs;
}

test('draws every card beside the build and places them, then reuses them', async () => {
	const logs = await build();
	const topics = readdirSync(join(root, 'dist/og/topics')).length;
	expect(topics).toBeGreaterThan(0);
	expect(readdirSync(join(root, 'dist/og/papers'))).toHaveLength(2);
	expect(existsSync(join(root, 'dist/og/site.png'))).toBe(true);
	expect(logs.join('\n')).toMatch(
		new RegExp(`cards: ${3 + topics} placed, ${3 + topics} drawn, 0 from cache`),
	);
	rmSync(join(root, 'dist'), { recursive: true });
	expect((await build()).join('\n')).toMatch(/0 drawn, \d+ from cache/);
	expect(readdirSync(join(root, 'dist/og/papers'))).toHaveLength(2);
}, 60_000);

test('a broken entry fails the build with its file named', async () => {
	writeFileSync(join(root, 'content/papers/broken.mdx'), '---\ntitle: 5\n---\n\nText\n');
	await expect(build()).rejects.toThrow(/content\/papers\/broken\.mdx/);
}, 60_000);
