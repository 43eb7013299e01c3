/**
 * The site's feeds from the content collections: the channel and items of the site feed and of
 * each topic feed, and the list of all feeds (OPML, /feeds/ page). Endpoints only serialise.
 */
import { SITE } from '../site.config.ts';
import {
	buildFeedItem,
	feedSlice,
	type FeedChannel,
	type FeedItem,
	type FeedLink,
} from './feed.ts';
import {
	getPapers,
	getPapersOfTopic,
	getRedirects,
	getTopicNames,
	getTopics,
	type PaperEntry,
	type TopicEntry,
} from './papers.ts';
import { paperText } from './paper-text.ts';
import {
	absolute,
	feedUrl,
	homeUrl,
	paperUrl,
	rootFileUrl,
	topicFeedUrl,
	topicUrl,
} from './urls.ts';

type Site = URL | string | undefined;

/** Site-relative URL of the XSL stylesheet that styles the RSS feeds in a browser. */
export const feedStylesheetUrl = (): string => rootFileUrl('feedStylesheet');

/** Items of the newest papers of a list already in listing order: whole days (feedSlice). */
async function itemsOf(papers: PaperEntry[], site: Site): Promise<FeedItem[]> {
	const names = await getTopicNames();
	// A moved paper keeps the id of its former address (only one: it moves once, to its arXiv id).
	const former = new Map<string, string>();
	for (const r of await getRedirects()) former.set(r.to, r.from);
	return feedSlice(papers, SITE.feedSize, (p) => p.data.date).map((entry) => {
		const text = paperText(entry.id, entry.digest);
		const from = former.get(entry.id);
		return buildFeedItem({ ...entry.data, summary: text.summary }, text.html, {
			link: absolute(paperUrl(entry.id), site),
			topicName: (slug) => names[slug],
			...(from ? { formerLink: absolute(paperUrl(from), site) } : {}),
		});
	});
}

function channel(
	site: Site,
	fields: Pick<FeedChannel, 'title' | 'description'> & { home: string; feed: string },
): FeedChannel {
	return {
		title: fields.title,
		description: fields.description,
		homeUrl: absolute(fields.home, site),
		feedUrl: absolute(fields.feed, site),
		language: SITE.lang,
		imageUrl: absolute(rootFileUrl('feedIcon'), site),
		iconUrl: absolute(rootFileUrl('icon512'), site),
		stylesheet: feedStylesheetUrl(),
	};
}

/** Title of a topic's feed. */
export const topicFeedTitle = (topic: TopicEntry): string => `${SITE.title} — ${topic.data.name}`;

/** The site feed: newest papers of every topic. `feed` is the URL it is served at. */
export async function getSiteFeed(
	site: Site,
	feed = feedUrl(),
): Promise<{ channel: FeedChannel; items: FeedItem[] }> {
	return {
		channel: channel(site, {
			title: SITE.title,
			description: SITE.description,
			home: homeUrl(),
			feed,
		}),
		items: await itemsOf(await getPapers(), site),
	};
}

/** The feed of one topic. */
export async function getTopicFeed(
	topic: TopicEntry,
	site: Site,
): Promise<{ channel: FeedChannel; items: FeedItem[] }> {
	return {
		channel: channel(site, {
			title: topicFeedTitle(topic),
			description: topic.data.description || `Newest papers on ${topic.data.name}.`,
			home: topicUrl(topic.id),
			feed: topicFeedUrl(topic.id),
		}),
		items: await itemsOf(await getPapersOfTopic(topic.id), site),
	};
}

/** Every RSS feed of the site: the site feed first, then one per topic (largest first). */
export async function getFeedLinks(site: Site): Promise<FeedLink[]> {
	const topics = await getTopics();
	return [
		{
			title: `${SITE.title} — all papers`,
			xmlUrl: absolute(feedUrl(), site),
			htmlUrl: absolute(homeUrl(), site),
			description: SITE.description,
		},
		...topics.map((t) => ({
			title: topicFeedTitle(t),
			xmlUrl: absolute(topicFeedUrl(t.id), site),
			htmlUrl: absolute(topicUrl(t.id), site),
			description: t.data.description,
		})),
	];
}
