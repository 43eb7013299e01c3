/**
 * Every URL of the site is built here, so base-path handling has exactly one home.
 * `base` is Astro's `base` (BASE_PATH, always ending in `/`; see configuredBase); `site` is
 * `SITE_URL`.
 */

const BASE: string = normaliseBase(configuredBase());

/** Astro's `base`, defined by `astro.config.mjs` at build time (see there); absent in plain Node. */
declare const __ABSTRACTA_BASE__: string | undefined;

/**
 * The configured base path. Not `import.meta.env.BASE_URL`: in the build that value is taken
 * from an inherited `BASE_URL` environment variable when one exists (Vitest sets `BASE_URL=/`
 * for its child processes), which silently drops the sub-path from every link.
 */
function configuredBase(): string {
	return typeof __ABSTRACTA_BASE__ === 'string' ? __ABSTRACTA_BASE__ : '/';
}

/** Ensures a base path starts and ends with a single `/`. */
export function normaliseBase(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** A site-relative path with the base prepended: `path('papers/x/')` → `/base/papers/x/`. */
export function path(relative = ''): string {
	return BASE + relative.replace(/^\/+/, '');
}

/** A paper page's path relative to the base (for code outside the site's modules: the config). */
export const paperPath = (slug: string): string => `papers/${slug}/`;
/** URL of a paper page. */
export const paperUrl = (slug: string): string => path(paperPath(slug));
/**
 * The file of a paper's page, relative to the output folder (without the base path: the paths
 * Pagefind turns into result URLs). Mirrors `paperUrl`.
 */
export const paperPageFile = (slug: string): string => `papers/${slug}/index.html`;
/** URL of the topics index. */
export const topicsUrl = (): string => path('topics/');
/**
 * The rest parameter of a paginated route (home, a topic, a day): none for page 1, which lives at the
 * listing's own address, `page/N` after it.
 */
export const pageParam = (page: number): string | undefined =>
	page > 1 ? `page/${page}` : undefined;
/** Page `page` of a listing, relative to the listing's address: '' or `page/N/`. */
const pageSuffix = (page: number): string => {
	const param = pageParam(page);
	return param ? `${param}/` : '';
};
/** URL of a topic page (page 1 by default). */
/** A topic's first page, relative to the base (for code outside the site's modules: the config). */
export const topicPath = (topic: string): string => `topics/${topic}/`;
export const topicUrl = (topic: string, page = 1): string =>
	path(topicPath(topic) + pageSuffix(page));
/** URL of a topic's RSS feed. */
export const topicFeedUrl = (topic: string): string => path(`topics/${topic}/rss.xml`);
/** URL of a home listing page. */
export const homeUrl = (page = 1): string => path(pageSuffix(page));
/** Whether `pathname` is a home listing page (`/`, `/page/N/`): the header marks "Papers". */
export const isHomeListing = (pathname: string): boolean =>
	pathname === homeUrl() || pathname.startsWith(path('page/'));
/**
 * The rest parameter of page 1's alias: `/page/1/` (and a topic's or a day's `…/page/1/`) is a page that
 * sends the reader to the listing's first page, which lives at the listing's own address.
 */
export const FIRST_PAGE_ALIAS = 'page/1';
/**
 * URL of a day's page in the archive (page 1 by default): `/days/<date>/`, then
 * `/days/<date>/page/N/` (an arXiv dump dates tens of thousands of records to one day).
 */
export const dayUrl = (date: string, page = 1): string => path(`days/${date}/${pageSuffix(page)}`);
/** URL of the days archive. */
export const daysUrl = (): string => path('days/');
/** The site root (the base path): the service worker's scope, Pagefind's `baseUrl`. */
export const rootUrl = (): string => path();
/**
 * Pagefind's folder, under the base and in the output folder: the Pagefind integration writes the
 * index into it and serves it in `astro dev`, the search-hints integration reads its entry file.
 */
export const PAGEFIND_DIR = 'pagefind';
/**
 * URL of Pagefind's folder (its script, entry and index chunks), ending in `/`. Under the site's
 * base by default; the integrations, which run outside the site's modules, pass the configured one.
 */
export const pagefindUrl = (base: string = BASE): string =>
	`${normaliseBase(base)}${PAGEFIND_DIR}/`;
/** URL of the service worker. */
export const serviceWorkerUrl = (): string => path('sw.js');
/** The search page's file, relative to the output folder (mirrors `searchUrl`). */
export const SEARCH_PAGE_FILE = 'search/index.html';
/** URL of the search page, optionally with a query. */
export const searchUrl = (query?: string): string =>
	path('search/') + (query ? `?q=${encodeURIComponent(query)}` : '');
/** The offline fallback page, relative to the base: precached, and kept out of the sitemap (it is noindex). */
export const OFFLINE_PAGE = 'offline/';
/** URL of the site RSS feed. */
export const feedUrl = (): string => path('rss.xml');
/** URL of the JSON feed. */
export const jsonFeedUrl = (): string => path('feed.json');
/** URL of the feeds page. */
export const feedsPageUrl = (): string => path('feeds/');
/** URL of the OPML list of feeds. */
export const opmlUrl = (): string => path('feeds.opml');
/** A paper's Open Graph card, relative to the base (the file the card step writes). */
export const paperCardPath = (slug: string): string => `og/papers/${slug}.png`;
/** A topic's Open Graph card, relative to the base. */
export const topicCardPath = (topic: string): string => `og/topics/${topic}.png`;
/** The site's Open Graph card, relative to the base. */
export const SITE_CARD_PATH = 'og/site.png';
/** URL of a paper's Open Graph card. */
export const paperCardUrl = (slug: string): string => path(paperCardPath(slug));
/** URL of a topic's Open Graph card. */
export const topicCardUrl = (topic: string): string => path(topicCardPath(topic));
/** URL of the site's Open Graph card. */
export const siteCardUrl = (): string => path(SITE_CARD_PATH);

/**
 * Files at the site's root under fixed names, relative to the base: the icons and web app
 * manifest the cards step writes (lib/cards/icons.ts), the feeds' stylesheet in public/, and the
 * sitemap index @astrojs/sitemap writes. The writers and the links take the names from here.
 */
export const ROOT_FILES = {
	faviconIco: 'favicon.ico',
	faviconSvg: 'favicon.svg',
	appleTouchIcon: 'apple-touch-icon.png',
	icon192: 'icon-192.png',
	icon512: 'icon-512.png',
	maskableIcon: 'icon-maskable-512.png',
	/** The feeds' channel image. */
	feedIcon: 'feed-icon.png',
	manifest: 'manifest.webmanifest',
	/** Styles the RSS feeds in a browser. */
	feedStylesheet: 'rss.xsl',
	sitemapIndex: 'sitemap-index.xml',
} as const;
/** URL of one of the fixed root files. */
export const rootFileUrl = (file: keyof typeof ROOT_FILES): string => path(ROOT_FILES[file]);

/** Makes a site-relative URL absolute against `SITE_URL` (Astro's `site`). */
export function absolute(url: string, site: URL | string | undefined): string {
	if (!site) return url;
	return new URL(url, site).href;
}

/**
 * The origin of `SITE_URL` (`https://abstracta.example`, without the base path), or '' without
 * one: a root-relative URL of the site carries the base already, so the origin alone before it
 * makes it absolute (the printed listings put it before each title's href).
 */
export function siteOrigin(site: URL | string | undefined): string {
	return site ? new URL(site).origin : '';
}

/** arXiv abstract page of an id. */
export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
/** arXiv PDF of an id. */
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
/**
 * DOI resolver URL of one DOI. Characters that would end or alter the path doi.org receives
 * (`%`, `#`, `?`, quotes, angle brackets, whitespace), all legal in a DOI, are percent-encoded.
 */
export const doiUrl = (doi: string): string =>
	`https://doi.org/${doi.replace(/[%#?"<>\s]/g, (c) => encodeURIComponent(c))}`;
