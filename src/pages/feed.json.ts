import type { APIRoute } from 'astro';
import { buildJsonFeed } from '../lib/feed.ts';
import { getSiteFeed } from '../lib/site-feeds.ts';
import { jsonFeedUrl } from '../lib/urls.ts';

/** JSON Feed 1.1 of the newest papers (the same items as /rss.xml). */
export const GET: APIRoute = async ({ site }) => {
	const { channel, items } = await getSiteFeed(site, jsonFeedUrl());
	return new Response(`${JSON.stringify(buildJsonFeed(channel, items), null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
	});
};
