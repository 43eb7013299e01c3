import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildRssOptions } from '../lib/feed.ts';
import { getSiteFeed } from '../lib/site-feeds.ts';

/** RSS 2.0 feed of the newest papers. */
export const GET: APIRoute = async ({ site }) => {
	const { channel, items } = await getSiteFeed(site);
	return rss(buildRssOptions(channel, items));
};
