/**
 * The hand-over between the ingest and `astro build` when `npm run build` starts them together
 * (scripts/build.ts): Astro's loaders of `content/papers/` wait here until the ingest has
 * finished, so they read this run's entries. Outside that script (`astro build`, `astro dev`,
 * tests) there is no ingest to wait for and the gate is open.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Environment variable naming the file in which scripts/build.ts records how the ingest ended. */
export const INGEST_STATUS_ENV = 'ABSTRACTA_INGEST_STATUS';

/** What the status file holds once the ingest has ended. */
export const INGEST_OK = 'ok';

/** How often the status file is looked at: small against a 1-10 s ingest. */
const POLL_MS = 20;

/** One wait per status file (the loaders of a build share it). */
const waits = new Map<string, Promise<void>>();

/**
 * Resolves when the ingest running beside this build has written its entries; at once when
 * there is none. Rejects when the ingest failed (its errors are already printed) or when the
 * process that started both is gone.
 */
export function ingestFinished(env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const file = env[INGEST_STATUS_ENV];
	if (!file) return Promise.resolve();
	let wait = waits.get(file);
	if (wait) return wait;
	wait = (async () => {
		const parent = process.ppid;
		for (;;) {
			if (existsSync(file)) {
				const status = readFileSync(file, 'utf8').trim();
				if (status === INGEST_OK) return;
				throw new Error(`the ingest failed (${status}): see its errors above`);
			}
			try {
				process.kill(parent, 0); // signal 0: only asks whether it still runs
			} catch {
				throw new Error('the build script that runs the ingest has stopped');
			}
			await new Promise((resolve) => setTimeout(resolve, POLL_MS));
		}
	})();
	waits.set(file, wait);
	return wait;
}
