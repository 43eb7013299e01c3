/**
 * Builds the seed site once per end-to-end run: at the root (`dist/`, the way `npm run build`
 * does: ingest and Astro together) and under a sub-path (`dist-base/`, Astro alone). Set E2E_SKIP_BUILD=1 to reuse existing builds while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';

const VITE_ENV_KEYS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

export default function setup(): void {
	if (process.env.E2E_SKIP_BUILD && existsSync(DIST) && existsSync(DIST_BASE)) return;
	// Vitest puts Vite's import.meta.env keys into process.env (BASE_URL=/, MODE=test, DEV, PROD,
	// SSR); a child `astro build` would take them over its own config, e.g. dropping BASE_PATH.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !VITE_ENV_KEYS.has(k)),
	);
	const run = (args: string[], env: Record<string, string> = {}, command = 'npx'): void => {
		execFileSync(command, args, { stdio: 'inherit', env: { ...inherited, ...env } });
	};
	run(
		['scripts/build.ts', '--outDir', DIST],
		{ SITE_URL: 'https://abstracta.example' },
		process.execPath,
	);
	run(['astro', 'build', '--outDir', DIST_BASE], {
		SITE_URL: 'https://abstracta.example',
		BASE_PATH,
	});
}
