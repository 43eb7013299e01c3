/**
 * Which build the service worker in control serves: its answer to `GET_BUILD` (see
 * service-worker.ts `buildSnippet`). Shared by the site script and the search page.
 */
import type { OfflineMode } from './offline-state.ts';

/** A worker's build: its id and what it keeps offline. */
export interface WorkerBuild {
	id: string;
	mode: Exclude<OfflineMode, undefined>;
}

/** The worker's build, or undefined when none answers within a second (an older build's, or none). */
export function workerBuild(
	worker: ServiceWorker | null | undefined,
): Promise<WorkerBuild | undefined> {
	if (!worker) return Promise.resolve(undefined);
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(undefined), 1000);
		channel.port1.onmessage = (e: MessageEvent<Partial<WorkerBuild>>) => {
			clearTimeout(timer);
			const { id, mode } = e.data;
			resolve(id && mode ? { id, mode } : undefined);
		};
		worker.postMessage({ type: 'GET_BUILD' }, [channel.port2]);
	});
}
