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

/** The settings of `env`, or an Error saying which variable is wrong and how to write it. */
export function deploySettings(env: {
	SITE_URL?: string | undefined;
	BASE_PATH?: string | undefined;
}): DeploySettings {
	const rawSite = env.SITE_URL?.trim() || 'http://localhost:4321';
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
	if (!/^[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(rawBase) || /(^|\/)\.\.?(\/|$)/.test(rawBase))
		throw new Error(`BASE_PATH must be a URL path such as /reading-list/ (got "${rawBase}")`);
	return { site: url.origin, base: normaliseBase(rawBase) };
}
