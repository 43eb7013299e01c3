/**
 * The deployment settings from the environment, checked: `SITE_URL` (Astro `site`, the origin
 * every absolute link, feed and card URL is built on) and `BASE_PATH` (Astro `base`). A wrong
 * value otherwise fails deep in the build (`Invalid URL`) or, worse, builds a site whose feeds
 * and canonical links point elsewhere.
 */
import { normaliseBase } from './urls.ts';

/** What astro.config.mjs passes to Astro. */
export interface DeploySettings {
	site: string;
	base: string;
}

/** The site's address when nothing sets one: the local preview server's. */
export const LOCAL_SITE = 'http://localhost:4321';

/**
 * The settings of `env`, or an Error saying which variable is wrong and how to write it. Without
 * `SITE_URL`, a Netlify build takes the site's address Netlify gives (`URL`, its custom domain
 * once set), and anything else the local preview's.
 */
export function deploySettings(env: {
	SITE_URL?: string | undefined;
	BASE_PATH?: string | undefined;
	NETLIFY?: string | undefined;
	URL?: string | undefined;
}): DeploySettings {
	const rawSite =
		env.SITE_URL?.trim() || (env.NETLIFY === 'true' ? env.URL?.trim() : undefined) || LOCAL_SITE;
	let url: URL;
	try {
		url = new URL(rawSite);
	} catch {
		throw new Error(
			`SITE_URL must be an absolute http(s) URL such as https://papers.example.org (got "${rawSite}")`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`SITE_URL must start with https:// or http:// (got "${rawSite}")`);
	if (url.search || url.hash || url.username || url.password)
		throw new Error(
			`SITE_URL must be the site's address only, without query or login (got "${rawSite}")`,
		);
	// A sub-path in SITE_URL would be dropped from every absolute link: it belongs in BASE_PATH.
	if (url.pathname !== '/')
		throw new Error(
			`SITE_URL is the site's origin, without a path (got "${rawSite}"): use SITE_URL=${url.origin} BASE_PATH=${url.pathname.replace(/\/?$/, '/')}`,
		);
	const rawBase = env.BASE_PATH?.trim() || '/';
	// A whole address pasted here (`https://you.github.io/reading-list/`) became the path
	// `/https://you.github.io/reading-list/` under every link: say where each part goes.
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rawBase)) {
		const pasted = URL.parse(rawBase);
		throw new Error(
			`BASE_PATH is the path only (got "${rawBase}")${pasted ? `: use SITE_URL=${pasted.origin} BASE_PATH=${pasted.pathname.replace(/\/?$/, '/')}` : ''}`,
		);
	}
	if (
		!/^[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(rawBase) ||
		/(^|\/)\.\.?(\/|$)/.test(rawBase) ||
		// An empty segment (`/a//b/`) or a broken escape (`%zz`): no browser asks for that path.
		/.\/\/./.test(rawBase) ||
		/%(?![0-9A-Fa-f]{2})/.test(rawBase)
	)
		throw new Error(`BASE_PATH must be a URL path such as /reading-list/ (got "${rawBase}")`);
	return { site: url.origin, base: normaliseBase(rawBase) };
}

/**
 * A count from the environment (`PAGE_SIZE`, `FEED_SIZE`): a whole number from 1 to 10,000, or
 * `fallback` when unset. Anything else is an Error saying so: `PAGE_SIZE=-5` once built a home
 * page listing 74 of 79 papers with no page 2, and `0` or `abc` quietly meant 50.
 */
export function sizeSetting(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw.trim() === '') return fallback;
	const n = Number(raw);
	if (!/^\s*\d+\s*$/.test(raw) || n < 1 || n > 10_000)
		throw new Error(`${name} must be a whole number from 1 to 10000 (got "${raw}")`);
	return n;
}

/** Whether an on/off setting (`INGEST`, `CARDS`) says off: `off`, `0` or `false`, in any case. */
export function isOff(value: string | undefined): boolean {
	return /^(off|0|false)$/i.test(value ?? '');
}
