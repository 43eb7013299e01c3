/**
 * robots.txt, generated so the sitemap line carries the deployment's absolute URL
 * (SITE_URL + BASE_PATH).
 */
import type { APIRoute } from 'astro';
import { absolute, rootFileUrl } from '../lib/urls.ts';

/** Allows everything and points crawlers at the sitemap index. */
export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nAllow: /\n\nSitemap: ${absolute(rootFileUrl('sitemapIndex'), site)}\n`,
		{
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		},
	);
