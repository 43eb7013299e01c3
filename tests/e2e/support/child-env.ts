/** Keys Vitest puts into process.env from Vite's import.meta.env. */
const VITE_ENV_KEYS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/**
 * The environment for a build started from a test, with `extra` set: without Vite's keys
 * (BASE_URL=/, MODE=test, …), which a child `astro build` would take over its own config,
 * e.g. dropping BASE_PATH.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !VITE_ENV_KEYS.has(k)),
	);
	return { ...inherited, ...extra };
}
