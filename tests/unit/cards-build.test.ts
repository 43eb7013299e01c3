/**
 * The cards step end to end on a few cards, in a temporary cache: real HarfBuzz + sharp drawing in
 * drawer processes, then a second run that must redraw nothing and place identical bytes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { placeCards, prepareCardJobs } from '../../src/lib/cards/build.ts';
import type { CardJob } from '../../src/lib/cards/jobs.ts';
import { createRenderer } from '../../src/lib/cards/render.ts';

const root = process.cwd();
const tmp = mkdtempSync(join(tmpdir(), 'cards-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const jobs: CardJob[] = [
	{ out: 'og/site.png', card: { kind: 'site', site: 'Abstracta', description: 'Papers.' } },
	{
		out: 'og/papers/short.png',
		card: {
			kind: 'paper',
			site: 'Abstracta',
			title: 'BitNet',
			shortName: 'BitNet',
			topics: [],
			date: '2025-03-18',
			dateLabel: 'Listed',
		},
	},
	{
		out: 'og/papers/cjk.png',
		card: {
			kind: 'paper',
			site: 'Abstracta',
			title: 'Ελληνικά και 中文标题：测试 עברית RTL 🚀',
			topics: ['Multilingual'],
			date: '2025-01-04',
			dateLabel: 'Listed',
		},
	},
	{
		out: 'og/topics/retrieval.png',
		card: {
			kind: 'topic',
			site: 'Abstracta',
			name: 'Retrieval',
			description: 'Finding passages.',
			count: 3,
		},
	},
];

describe('cards step', () => {
	const cache = join(tmp, 'cache');

	test('draws every card as a 1200×630 PNG in drawer processes', async () => {
		const first = await placeCards(prepareCardJobs(root, jobs, 2, cache), join(tmp, 'a'));
		expect(first).toMatchObject({ cards: 4, drawn: 4, cached: 0 });
		for (const j of jobs) {
			const meta = await sharp(join(tmp, 'a', j.out)).metadata();
			expect([j.out, meta.format, meta.width, meta.height]).toEqual([j.out, 'png', 1200, 630]);
		}
	});

	test('a second run redraws nothing and places the same bytes', async () => {
		const second = await placeCards(prepareCardJobs(root, jobs, 2, cache), join(tmp, 'b'));
		expect(second).toMatchObject({ cards: 4, drawn: 0, cached: 4 });
		expect(JSON.parse(readFileSync(join(cache, 'last-build.json'), 'utf8'))).toMatchObject({
			drawn: 0,
		});
		for (const j of jobs)
			expect(
				Buffer.compare(readFileSync(join(tmp, 'b', j.out)), readFileSync(join(tmp, 'a', j.out))),
			).toBe(0);
	});

	test('a card no longer built leaves the folder, though it shares its inode with one that is', async () => {
		// A paper moved to its arXiv id: same card, new address, the old one hard-linked to the
		// same cached file (so its change time is as fresh as the new one's).
		const out = join(tmp, 'moved');
		await placeCards(prepareCardJobs(root, jobs, 2, cache), out);
		const moved = jobs.map((j) =>
			j.out === 'og/papers/short.png' ? { ...j, out: 'og/papers/2503.0001.png' } : j,
		);
		const stats = await placeCards(prepareCardJobs(root, moved, 2, cache), out);
		expect(stats.removed).toBe(1);
		expect(existsSync(join(out, 'og/papers/short.png'))).toBe(false);
		for (const j of moved) expect(existsSync(join(out, j.out)), j.out).toBe(true);
	});

	test('a changed card is redrawn alone', async () => {
		const changed = jobs.map((j) =>
			j.out === 'og/site.png' ? { ...j, card: { ...j.card, description: 'Other.' } } : j,
		);
		const third = await placeCards(
			prepareCardJobs(root, changed as CardJob[], 2, cache),
			join(tmp, 'c'),
		);
		expect(third).toMatchObject({ drawn: 1, cached: 3 });
		expect(statSync(join(tmp, 'c', 'og/site.png')).size).toBeGreaterThan(1000);
	});

	test('the drawing time ends when the drawing does, not when the build collects it', async () => {
		const changed = jobs.map((j) =>
			j.out === 'og/site.png' ? { ...j, card: { ...j.card, description: 'Timed.' } } : j,
		);
		const t0 = performance.now();
		const prepared = prepareCardJobs(root, changed as CardJob[], 1, cache);
		await prepared.done;
		const drawing = performance.now() - t0;
		await new Promise((r) => setTimeout(r, 1500));
		const stats = await placeCards(prepared, join(tmp, 'd'));
		expect(stats.drawn).toBe(1);
		expect(stats.drawMs).toBeGreaterThan(0);
		expect(stats.drawMs).toBeLessThanOrEqual(Math.ceil(drawing));
	});
});

test('drawing is deterministic: the same card gives the same bytes', async () => {
	const r = createRenderer(root);
	const card = jobs[2]!.card;
	expect(Buffer.compare(await r.render(card), await r.render(card))).toBe(0);
});

test('a Chinese title is drawn with a CJK font, not missing-glyph boxes', async () => {
	// Drawn with the CJK subsets the text needs vs. with Inter only: if the CJK font were not
	// used, both would show the same .notdef boxes.
	const r = createRenderer(root);
	const card = {
		kind: 'paper' as const,
		site: 'Abstracta',
		title: '中文标题测试',
		topics: [],
		date: '2025-01-04',
		dateLabel: 'Listed' as const,
	};
	const files = r.fontsFor(card).map((f) => f.path);
	expect(files.some((f) => f.includes('noto-sans-sc'))).toBe(true);
	const withCjk = await sharp(await r.render(card))
		.raw()
		.toBuffer();
	const latinOnly = r.fontsFor({ ...card, title: 'x' });
	const boxes = await sharp(await r.render(card, latinOnly))
		.raw()
		.toBuffer();
	expect(withCjk.equals(boxes)).toBe(false);
});

/** The raw RGB pixels of a PNG. */
const pixels = async (png: Buffer): Promise<Buffer> => sharp(png).removeAlpha().raw().toBuffer();

test('text wrapped at the real widths of fallback fonts stays inside the right margin', async () => {
	// Symbols and CJK come from fonts whose glyphs are wider than Inter's guess for them: the
	// layout measures with the fonts that draw, so no line runs into the margin.
	const r = createRenderer(root);
	const rgb = await pixels(
		await r.render({
			kind: 'paper',
			site: 'Abstracta',
			title:
				'Symbols ∑∫√∞≈≠ ← → ⇒ ∀∃ ℝⁿ and 中文标题测试中文标题测试中文标题测试 in one long title',
			topics: [],
			date: '2025-01-04',
			dateLabel: 'Listed',
		}),
	);
	const paper = [0xfb, 0xfa, 0xf7];
	let inked = 0;
	for (let y = 0; y < 520; y++)
		for (let x = 1140; x < 1200; x++)
			if (rgb.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3).some((v, i) => v !== paper[i]))
				inked++;
	expect(inked).toBe(0);
});

test('a one-line title is inked in its line box, below the top padding', async () => {
	const r = createRenderer(root);
	const card = {
		kind: 'paper' as const,
		site: 'Abstracta',
		title: 'AxFormer',
		topics: [],
		date: '2025-01-04',
		dateLabel: 'Listed' as const,
	};
	const rgb = await pixels(await r.render(card));
	const inkRows = new Set<number>();
	for (let y = 0; y < 500; y++)
		for (let x = 94; x < 700; x++) if (rgb[(y * 1200 + x) * 3]! < 100) inkRows.add(y);
	// One line of 68 px bold: cap height ~50 px, starting below the top padding.
	expect(Math.min(...inkRows)).toBeGreaterThan(64);
	expect(Math.max(...inkRows) - Math.min(...inkRows)).toBeGreaterThan(40);
	expect(Math.max(...inkRows)).toBeLessThan(160);
});

test('a card that cannot be drawn fails the step with its file named', async () => {
	const bad = [{ out: 'og/papers/bad.png', card: { kind: 'bogus' } as unknown as CardJob['card'] }];
	await expect(
		placeCards(prepareCardJobs(root, bad, 1, join(tmp, 'bad-cache')), join(tmp, 'bad')),
	).rejects.toThrow(/card .*\.png/);
});
