/**
 * Which pages the sitemap lists: not the offline fallback, not the former addresses of papers
 * that moved or of renamed topics and not the `…/page/1/` aliases of listings (all noindex pages; a sitemap that
 * submits them is reported as an error by search engines).
 */
import { readMovedTopics } from './moved-topics.ts';
import { readRedirects } from './redirects.ts';
import { FIRST_PAGE_ALIAS, OFFLINE_PAGE, paperPath, topicPath } from './urls.ts';

/**
 * The sitemap's filter for a site under `base` (`/` or `/sub/`). The former addresses are read
 * from `redirectsFile` at the first call: the sitemap is written at the end of the build, when
 * the ingest that runs beside the build has long written the file.
 */
export function sitemapFilter(
	base: string,
	redirectsFile: string,
	topicsFile: string,
): (page: string) => boolean {
	let excluded: Set<string> | undefined;
	let movedTopics: string[] | undefined;
	return (page) => {
		excluded ??= new Set([
			`${base}${OFFLINE_PAGE}`,
			...readRedirects(redirectsFile).map((r) => `${base}${paperPath(r.from)}`),
		]);
		// Every page of a former topic address: its first page and its `page/N/`.
		movedTopics ??= readMovedTopics(topicsFile).map((t) => `${base}${topicPath(t.from)}`);
		const pathname = new URL(page).pathname;
		return (
			!excluded.has(pathname) &&
			!pathname.endsWith(`/${FIRST_PAGE_ALIAS}/`) &&
			!movedTopics.some((prefix) => pathname.startsWith(prefix))
		);
	};
}
