import type { APIRoute } from 'astro';
import { buildOpml } from '../lib/feed.ts';
import { getFeedLinks } from '../lib/site-feeds.ts';
import { SITE } from '../site.config.ts';

/** OPML list of every feed, to subscribe to all of them at once. */
export const GET: APIRoute = async ({ site }) =>
	new Response(buildOpml(`${SITE.title} feeds`, await getFeedLinks(site)), {
		headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
	});
