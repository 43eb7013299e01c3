/**
 * Builds the seed site once per end-to-end run: at the root (`dist/`, the way `npm run build`
 * does: ingest and Astro together) and under a sub-path (`dist-base/`, Astro alone). Set E2E_SKIP_BUILD=1 to reuse existing builds while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { childEnv } from './support/child-env.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';

export default function setup(): void {
	if (process.env.E2E_SKIP_BUILD && existsSync(DIST) && existsSync(DIST_BASE)) return;
	const run = (args: string[], env: Record<string, string> = {}, command = 'npx'): void => {
		execFileSync(command, args, { stdio: 'inherit', env: childEnv(env) });
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
