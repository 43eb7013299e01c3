/**
 * Site-wide settings, one typed and documented object. Deployment settings (`SITE_URL`,
 * `BASE_PATH`) come from the environment in `astro.config.mjs`; everything here is editorial.
 */
import { sizeSetting } from './lib/deploy-env.ts';

export interface SiteConfig {
	/** Site name, shown in the header, titles, feeds and cards. */
	title: string;
	/** One-line description for the home page, feeds and meta tags. */
	description: string;
	/** `<html lang>` and feed language. */
	lang: string;
	/**
	 * Papers per page on the home, topic and day listings (an arXiv dump dates tens of thousands
	 * of records to one day).
	 */
	pageSize: number;
	/** Items per RSS / JSON feed, and more to finish the last day (feedSlice in lib/feed.ts). */
	feedSize: number;
	/** Precache the whole site for offline use while the precache stays under this many bytes. */
	offlinePrecacheLimitBytes: number;
}

/** The settings in force. */
export const SITE: SiteConfig = {
	title: 'Abstracta',
	description: 'Trending research papers with readable abstracts, topics, search and feeds.',
	lang: 'en',
	pageSize: sizeSetting('PAGE_SIZE', process.env.PAGE_SIZE, 50),
	feedSize: sizeSetting('FEED_SIZE', process.env.FEED_SIZE, 50),
	offlinePrecacheLimitBytes: 10 * 1024 * 1024,
};
