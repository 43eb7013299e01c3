/**
 * A small static file server for end-to-end tests: serves a built site under its base path,
 * answers 404 with the site's 404 page, like a CDN would.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.xsl': 'text/xsl',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain',
	'.opml': 'text/x-opml',
	'.woff2': 'font/woff2',
};

/** A running server: its origin + base URL and a way to stop it. */
export interface SiteServer {
	/** e.g. `http://127.0.0.1:43123/reading-list/` */
	url: string;
	origin: string;
	close: () => Promise<void>;
	/** Bytes sent per request path, for transfer-size measurements. */
	log: Array<{ path: string; bytes: number }>;
	/** Request paths (as requested, base included) answered with this status (a CDN's error). */
	fail: Map<string, number>;
}

/** Serves `dir` at `base` (default `/`) on a free loopback port. */
export async function serveSite(dir: string, base = '/'): Promise<SiteServer> {
	const log: SiteServer['log'] = [];
	const fail: SiteServer['fail'] = new Map();
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let pathname = decodeURIComponent(url.pathname);
		const status = fail.get(pathname);
		if (status) {
			res.writeHead(status, { 'content-type': 'text/plain', 'cache-control': 'no-cache' });
			return res.end(`error ${status}`);
		}
		const send = (status: number, file: string): void => {
			const body = readFileSync(file);
			log.push({ path: pathname, bytes: body.length });
			res.writeHead(status, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': 'no-cache',
			});
			res.end(body);
		};
		const notFound = join(dir, '404.html');
		if (!pathname.startsWith(base))
			return existsSync(notFound) ? send(404, notFound) : (res.writeHead(404), res.end());
		pathname = '/' + pathname.slice(base.length);
		let file = normalize(join(dir, pathname));
		if (!file.startsWith(normalize(dir))) return (res.writeHead(403), res.end());
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (existsSync(file)) return send(200, file);
		return existsSync(notFound) ? send(404, notFound) : (res.writeHead(404), res.end());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: origin + base,
		origin,
		log,
		fail,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
