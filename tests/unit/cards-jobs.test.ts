import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listCardJobs, readPaperFields, type PaperIndex } from '../../src/lib/cards/jobs.ts';

/** A generated entry's text, listed by `source` on `date`. */
const entry = (slug: string, date: string, source: string): string =>
	[
		'---',
		`title: "A paper called ${slug}"`,
		`slug: "${slug}"`,
		`date: "${date}"`,
		'rank: 1',
		'authors: []',
		'categories: []',
		'codeUrls: []',
		'topics: []',
		'topicReasons: {}',
		'keywords: []',
		'related: []',
		'hasMath: false',
		`sources: [{"file":"${source}","line":1,"date":"${date}","rank":1}]`,
		'summary: "S"',
		'---',
		'',
		'S',
		'',
	].join('\n');

const root = mkdtempSync(join(tmpdir(), 'cards-jobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'content/papers'), { recursive: true });
const arxiv = entry('0704.0001', '2008-11-26', 'arxiv-snapshot-2007.jsonl');
writeFileSync(join(root, 'content/papers/0704.0001.mdx'), arxiv);
const site = { title: 'Abstracta', description: 'Papers.' };

describe('the cards of papers', () => {
	test('say what the paper page says of the date: Updated for arXiv records, Listed for trending pages', () => {
		expect(readPaperFields(arxiv, 'a.mdx').dateLabel).toBe('Updated');
		const trending = entry('axformer', '2025-03-18', '2025-03-18-trending.txt');
		expect(readPaperFields(trending, 'b.mdx').dateLabel).toBe('Listed');
	});

	test('an index written before the date label is read again, not reused', () => {
		// The index of the build before, keyed by the hash of the entry's text alone.
		const old: PaperIndex = {
			[createHash('sha256').update(arxiv).digest('base64url')]: {
				slug: '0704.0001',
				title: 'A paper called 0704.0001',
				topics: [],
				date: '2008-11-26',
			} as unknown as PaperIndex[string],
		};
		const { jobs, index } = listCardJobs(root, site, old);
		expect(jobs.find((j) => j.card.kind === 'paper')?.card).toMatchObject({
			date: '2008-11-26',
			dateLabel: 'Updated',
		});
		// The index it returns is reused as it is, keyed by the hash of the fields' version and
		// the text (fields-v2 added the date label; the next bump changes every key, and this one).
		expect(listCardJobs(root, site, index).jobs).toEqual(jobs);
		expect(Object.keys(index)).toEqual([
			createHash('sha256').update('fields-v2').update('\0').update(arxiv).digest('base64url'),
		]);
	});
});
