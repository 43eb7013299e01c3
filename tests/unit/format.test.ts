import { describe, expect, test } from 'vitest';
import {
	authorLines,
	documentTitle,
	PAGE_TITLE_MAX,
	formatDate,
	formatShortDate,
	formatCount,
	plural,
	repoLabel,
	linkKind,
	hasCode,
	searchAuthors,
} from '../../src/lib/format.ts';
import { titleParts } from '../../src/lib/math-text.ts';
import {
	listedOnTrendingPage,
	neighbours,
	publishedTime,
	pageTopicNames,
	resolveSlugs,
} from '../../src/lib/paper-page.ts';
import { highwireTags } from '../../src/lib/highwire.ts';

describe('format', () => {
	test('formats ISO dates without the locale', () => {
		expect(formatDate('2025-03-08')).toBe('8 March 2025');
		expect(formatShortDate('2025-12-18')).toBe('18 Dec 2025');
	});

	test('labels repositories as owner/repo on known forges, else host and path', () => {
		expect(repoLabel('https://github.com/salesforce/CodeT5')).toBe('salesforce/CodeT5');
		expect(repoLabel('https://www.github.com/a/b.git/tree/main')).toBe('a/b');
		expect(repoLabel('https://huggingface.co/org/model')).toBe('org/model');
		expect(repoLabel('https://huggingface.co/datasets/ByteDance-Seed/BM-6M')).toBe(
			'ByteDance-Seed/BM-6M',
		);
		expect(repoLabel('https://huggingface.co/spaces/Boese0601/ByteMorph-Demo')).toBe(
			'Boese0601/ByteMorph-Demo',
		);
		expect(repoLabel('https://huggingface.co/constructor/a/b')).toBe('constructor/a');
		expect(repoLabel('https://huggingface.co/collections/Zyphra/zamba2-vl')).toBe(
			'collections/Zyphra/zamba2-vl',
		);
		expect(repoLabel('https://example.org/code/')).toBe('example.org/code');
		expect(repoLabel('not a url')).toBe('not a url');
	});

	test('names what a link holds: code, or a Hugging Face dataset, demo or model (2506.03107)', () => {
		expect(
			[
				'https://github.com/salesforce/CodeT5',
				'https://huggingface.co/datasets/ByteDance-Seed/BM-6M',
				'https://huggingface.co/spaces/Boese0601/ByteMorph-Demo',
				'https://huggingface.co/models/org/m',
				'https://huggingface.co/org/model',
				'https://huggingface.co/docs',
				'https://huggingface.co/collections/Zyphra/zamba2-vl',
				'https://huggingface.co/Zyphra',
				'not a url',
			].map(linkKind),
		).toEqual(['code', 'data', 'demo', 'model', 'model', 'page', 'page', 'page', 'code']);
		// A dataset alone is no code: no "Code" badge, not under the search's "has code".
		expect(hasCode(['https://huggingface.co/datasets/a/b'])).toBe(false);
		expect(hasCode(['https://huggingface.co/Zyphra'])).toBe(false);
		expect(hasCode(['https://huggingface.co/datasets/a/b', 'https://github.com/a/b'])).toBe(true);
	});

	test('pluralises and shortens long author lists', () => {
		expect(plural(1, 'paper')).toBe('1 paper');
		expect(plural(1200, 'paper')).toBe('1,200 papers');
		expect(formatCount(6215)).toBe('6,215');
		expect(formatCount(999)).toBe('999');
		expect(authorLines(['a', 'b', 'c'], false, 2)).toEqual({
			shown: 'a, b,',
			rest: { text: 'c', count: 1 },
		});
		expect(authorLines(['a', 'b'], false, 2)).toEqual({ shown: 'a, b' });
		// The source named only some authors.
		expect(authorLines(['F. Aharonian'], true)).toEqual({ shown: 'F. Aharonian et al.' });
		expect(authorLines(['a', 'b', 'c'], true, 2).rest?.text).toBe('c et al.');
	});

	test('a search result names the first authors and how many more', () => {
		expect(searchAuthors([])).toBe('');
		expect(searchAuthors(['F. Aharonian'], true)).toBe('F. Aharonian et al.');
		expect(searchAuthors(['a', 'b', 'c', 'd'])).toBe('a, b, c and 1 more');
		expect(searchAuthors(['a', 'b', 'c', 'd'], true)).toBe('a, b, c et al.');
		expect(searchAuthors(['a', 'b', 'c'])).toBe('a, b, c');
	});

	test('a page title is cut at a word past PAGE_TITLE_MAX, real titles never', () => {
		expect(documentTitle('Abstracta', 'Abstracta')).toBe('Abstracta');
		// A title about as long as the corpus's longest (185 characters) stays whole.
		const real =
			'Interpretation of the narrow $J/\\psi p$ Peaks in $\\Lambda_b \\to J/\\psi K^- p$ Decay in the Compact Diquark Model: a long title that goes on and on to be about 185 chars';
		expect(documentTitle(real, 'Abstracta')).toBe(`${real} · Abstracta`);
		const crafted = 'word '.repeat(100).trim();
		const cut = documentTitle(crafted, 'Abstracta');
		expect(cut).toMatch(/^(word ){38}word… · Abstracta$/);
		expect(cut.length).toBeLessThanOrEqual(PAGE_TITLE_MAX + ' · Abstracta'.length);
	});
});

describe('paper page helpers', () => {
	test('a rank on the day is shown for papers a trending page lists, not for dump records', () => {
		expect(listedOnTrendingPage([{ file: '2025-03-18-trending.txt' }])).toBe(true);
		expect(listedOnTrendingPage([{ file: 'arxiv.jsonl' }, { file: 'days/2025-03-18.txt' }])).toBe(
			true,
		);
		expect(listedOnTrendingPage([{ file: 'arxiv.jsonl' }, { file: 'snapshot.json' }])).toBe(false);
	});

	test('article:published_time is the day arXiv received the paper or a trending page listed it', () => {
		const arxiv = [{ file: 'arxiv.jsonl' }];
		expect(publishedTime({ submitted: '2024-10-12', date: '2026-02-09', sources: arxiv })).toBe(
			'2024-10-12',
		);
		// An arXiv record's date is when the record last changed: not a publication day.
		expect(publishedTime({ date: '2026-02-09', sources: arxiv })).toBeUndefined();
		expect(
			publishedTime({ date: '2025-03-18', sources: [{ file: '2025-03-18-trending.txt' }] }),
		).toBe('2025-03-18');
	});

	test('finds neighbours and resolves related slugs that exist', () => {
		expect(neighbours([1, 2, 3], 0)).toEqual({ prev: undefined, next: 2 });
		expect(neighbours([1, 2, 3], 2)).toEqual({ prev: 2, next: undefined });
		const all = new Map([['a', { id: 'a' }]]);
		expect(resolveSlugs([{ slug: 'a' }, { slug: 'gone' }], all)).toEqual([
			{ slug: 'a', entry: { id: 'a' } },
		]);
	});

	test('keeps only the names of the topics a paper page shows', () => {
		// A topic appearing elsewhere on the site (e.g. the catch-all getting its first paper)
		// must not change the page's incremental-build cache key.
		const names = { speech: 'Speech', vision: 'Vision', other: 'Other', code: 'Code' };
		const data = { topics: ['speech'], topicReasons: { code: [], speech: [] } };
		expect(pageTopicNames(data, names)).toEqual({ code: 'Code', speech: 'Speech' });
		expect(pageTopicNames(data, { ...names, new: 'New' })).toEqual(pageTopicNames(data, names));
	});

	test('emits Highwire tags for what exists, one citation_author per author', () => {
		const tags = highwireTags(
			{
				title: 'T',
				authors: ['A', 'B'],
				date: '2025-03-18',
				arxivId: '2501.1',
				summary: 'S',
				keywords: [],
			},
			'https://x/',
		);
		const names = tags.map((t) => t.name);
		expect(names.filter((n) => n === 'citation_author')).toHaveLength(2);
		expect(tags).toContainEqual({ name: 'citation_publication_date', content: '2025/03/18' });
		expect(tags).toContainEqual({ name: 'citation_arxiv_id', content: '2501.1' });
		expect(names).not.toContain('citation_doi');
		expect(names.at(-1)).toBe('citation_abstract');
	});

	test('Highwire: the publication year of the journal or the arXiv id, the journal by its name', () => {
		const paper = { title: 'T', authors: ['A'], date: '2022-03-30', summary: 'S', keywords: [] };
		const tag = (t: ReturnType<typeof highwireTags>, name: string) =>
			t.find((x) => x.name === name)?.content;
		// 0704.0038: submitted in 2007, its arXiv record updated in 2022.
		expect(
			tag(highwireTags({ ...paper, arxivId: '0704.0038' }, 'u'), 'citation_publication_date'),
		).toBe('2007');
		const journal = highwireTags(
			{ ...paper, arxivId: '0704.0001', journalRef: 'Phys.Rev.D76:013009,2007' },
			'u',
		);
		expect(tag(journal, 'citation_journal_title')).toBe('Phys.Rev.D');
		expect(tag(journal, 'citation_volume')).toBe('76');
		expect(tag(journal, 'citation_firstpage')).toBe('013009');
		// A single page (here an article number): no last page.
		expect(tag(journal, 'citation_lastpage')).toBeUndefined();
		expect(tag(journal, 'citation_issue')).toBeUndefined();
		// 0704.0035: volume, issue and a page range, as its BibTeX entry reads them.
		const ranged = highwireTags(
			{ ...paper, arxivId: '0704.0035', journalRef: 'J.Opt.Soc.Am.A 23(10): 2592-2601 (2006)' },
			'u',
		).filter((t) => /citation_(journal|volume|issue|.*page)/.test(t.name));
		expect(ranged).toEqual([
			{ name: 'citation_journal_title', content: 'J.Opt.Soc.Am.A' },
			{ name: 'citation_volume', content: '23' },
			{ name: 'citation_issue', content: '10' },
			{ name: 'citation_firstpage', content: '2592' },
			{ name: 'citation_lastpage', content: '2601' },
		]);
		// A reference not read whole gives the journal's name alone, never a guessed volume.
		const partial = highwireTags(
			{ ...paper, journalRef: 'Physica A, V. 387, Issues 2-3 (2008), Pages 385-406' },
			'u',
		);
		expect(tag(partial, 'citation_journal_title')).toBe('Physica A');
		expect(partial.map((t) => t.name)).not.toContain('citation_volume');
		// No authors (a trending page alone): no citation tags at all, rather than wrong ones.
		expect(highwireTags({ ...paper, authors: [] }, 'u')).toEqual([]);
	});
});

describe('titleParts', () => {
	test('cuts a title where its short name ends, and only there', () => {
		expect(titleParts('LifeGPT: A Model', 'LifeGPT')).toEqual({
			prefix: 'LifeGPT',
			rest: ': A Model',
		});
		expect(titleParts('A Model', undefined)).toEqual({ rest: 'A Model' });
		expect(titleParts('The LifeGPT Model', 'LifeGPT')).toEqual({ rest: 'The LifeGPT Model' });
	});
	test('reads formulas in the title, so a name written with TeX is found too', () => {
		// Real titles of ../shared/corpora (2510.02343, 2505.18092, 2510.24161).
		expect(titleParts('$\\texttt{BluePrint}$: data', 'BluePrint')).toEqual({
			prefix: 'BluePrint',
			rest: ': data',
		});
		expect(titleParts('QwenLong-CPRS: Towards $\\infty$-LLMs', 'QwenLong-CPRS').rest).toBe(
			': Towards ∞-LLMs',
		);
		expect(titleParts('BLM$_1$: A Boundless Model', 'BLM₁')).toEqual({
			prefix: 'BLM₁',
			rest: ': A Boundless Model',
		});
	});
});
