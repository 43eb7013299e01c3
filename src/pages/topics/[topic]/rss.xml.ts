import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildRssOptions } from '../../../lib/feed.ts';
import { getTopics, type TopicEntry } from '../../../lib/papers.ts';
import { getTopicFeed } from '../../../lib/site-feeds.ts';

export const getStaticPaths = (async () =>
	(await getTopics()).flatMap((topic) =>
		// A renamed topic's feed goes on at its former addresses too: a static site cannot send a
		// feed reader on, so its subscribers would otherwise get nothing new.
		[topic.id, ...(topic.data.formerly ?? [])].map((id) => ({
			params: { topic: id },
			props: { topic },
		})),
	)) satisfies GetStaticPaths;

/** RSS 2.0 feed of the newest papers of one topic. */
export const GET: APIRoute<{ topic: TopicEntry }> = async ({ props, site }) => {
	const { channel, items } = await getTopicFeed(props.topic, site);
	return rss(buildRssOptions(channel, items));
};
