/**
 * The site's feeds from the collections: papers.ts (Astro's content collections) and
 * paper-text.ts (the texts file of a build) are replaced by small fixed lists.
 */
import { describe, expect, test, vi } from 'vitest';
import type { TopicEntry } from '../../src/lib/papers.ts';
import { getFeedLinks, getSiteFeed, getTopicFeed } from '../../src/lib/site-feeds.ts';

interface Entry {
	id: string;
	digest: string;
	data: {
		title: string;
		date: string;
		authors: string[];
		topics: string[];
		codeUrls: string[];
		summary: string;
	};
}

const entry = (id: string, date: string, topics: string[]): Entry => ({
	id,
	digest: `d-${id}`,
	data: { title: `Paper ${id}`, date, authors: ['A. B'], topics, codeUrls: [], summary: 'teaser' },
});

/** In listing order, newest first. */
const PAPERS = [
	entry('2503.00003', '2025-03-20', ['vision']),
	entry('2503.00002', '2025-03-19', ['speech']),
	entry('2503.00001', '2025-03-18', ['vision', 'speech']),
];
const TOPICS = [
	{ id: 'vision', data: { name: 'Vision', description: 'Images and video.' } },
	{ id: 'speech', data: { name: 'Speech', description: '' } },
];

vi.mock('../../src/lib/papers.ts', () => ({
	getPapers: () => Promise.resolve(PAPERS),
	getPapersOfTopic: (topic: string) =>
		Promise.resolve(PAPERS.filter((p) => p.data.topics.includes(topic))),
	// 2503.00001 was first listed from a trending page as `unit`, then moved to its arXiv id.
	getRedirects: () => Promise.resolve([{ from: 'unit', to: '2503.00001' }]),
	getTopicNames: () => Promise.resolve(Object.fromEntries(TOPICS.map((t) => [t.id, t.data.name]))),
	getTopics: () => Promise.resolve(TOPICS),
}));

vi.mock('../../src/lib/paper-text.ts', () => ({
	paperText: (id: string, digest: string) => ({
		digest,
		source: digest,
		html: `<p>Abstract of ${id}, see <a href="../x/">this</a>.</p>`,
		summary: `Abstract of ${id}.`,
	}),
}));

const SITE = 'https://abstracta.example';

describe('site feeds', () => {
	test('the site feed: its channel, and every paper newest first with its text and topic names', async () => {
		const { channel, items } = await getSiteFeed(SITE);
		expect(channel).toEqual({
			title: 'Abstracta',
			description: 'Trending research papers with readable abstracts, topics, search and feeds.',
			homeUrl: `${SITE}/`,
			feedUrl: `${SITE}/rss.xml`,
			language: 'en',
			imageUrl: expect.stringMatching(/^https:\/\/abstracta\.example\/[^/]+\.png$/),
			iconUrl: expect.stringMatching(/^https:\/\/abstracta\.example\/[^/]+\.png$/),
			stylesheet: expect.stringMatching(/^\/[^/]+\.xsl$/),
		});
		expect(items.map((i) => [i.title, i.link, i.categories])).toEqual([
			['Paper 2503.00003', `${SITE}/papers/2503.00003/`, ['Vision']],
			['Paper 2503.00002', `${SITE}/papers/2503.00002/`, ['Speech']],
			['Paper 2503.00001', `${SITE}/papers/2503.00001/`, ['Vision', 'Speech']],
		]);
		// The whole abstract from the texts file, not the collection's teaser; links made absolute.
		expect(items[0]!.summary).toBe('Abstract of 2503.00003.');
		expect(items[0]!.contentHtml).toContain(`<a href="${SITE}/papers/x/">this</a>`);
	});

	test("a moved paper keeps its former address as its id, so readers don't see it as new", async () => {
		const { items } = await getSiteFeed(SITE);
		expect(items.map((i) => i.id)).toEqual([
			`${SITE}/papers/2503.00003/`,
			`${SITE}/papers/2503.00002/`,
			`${SITE}/papers/unit/`,
		]);
	});

	test("a topic's feed: its own papers, its name in the title, a description even without one", async () => {
		const vision = await getTopicFeed(TOPICS[0] as unknown as TopicEntry, SITE);
		expect(vision.channel).toMatchObject({
			title: 'Abstracta — Vision',
			description: 'Images and video.',
			homeUrl: `${SITE}/topics/vision/`,
			feedUrl: `${SITE}/topics/vision/rss.xml`,
		});
		expect(vision.items.map((i) => i.link)).toEqual([
			`${SITE}/papers/2503.00003/`,
			`${SITE}/papers/2503.00001/`,
		]);
		const speech = await getTopicFeed(TOPICS[1] as unknown as TopicEntry, SITE);
		expect(speech.channel.description).toBe('Newest papers on Speech.');
		expect(speech.items.map((i) => i.id)).toEqual([
			`${SITE}/papers/2503.00002/`,
			`${SITE}/papers/unit/`,
		]);
	});

	test('the list of feeds: the site feed first, then one per topic in topic order', async () => {
		expect(await getFeedLinks(SITE)).toEqual([
			{
				title: 'Abstracta — all papers',
				xmlUrl: `${SITE}/rss.xml`,
				htmlUrl: `${SITE}/`,
				description: 'Trending research papers with readable abstracts, topics, search and feeds.',
			},
			{
				title: 'Abstracta — Vision',
				xmlUrl: `${SITE}/topics/vision/rss.xml`,
				htmlUrl: `${SITE}/topics/vision/`,
				description: 'Images and video.',
			},
			{
				title: 'Abstracta — Speech',
				xmlUrl: `${SITE}/topics/speech/rss.xml`,
				htmlUrl: `${SITE}/topics/speech/`,
				description: '',
			},
		]);
	});
});
