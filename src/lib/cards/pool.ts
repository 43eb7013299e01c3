/**
 * Draws cards across worker threads, one per core by default: each worker takes the next job
 * when it finishes one, so long CJK cards do not hold up a fixed share.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardData } from './layout.ts';

/** A card to draw into a cache file. */
export interface DrawJob {
	card: CardData;
	file: string;
}

/** Draws `jobs` with `threads` workers; resolves with the per-card milliseconds. */
export async function drawInWorkers(
	jobs: DrawJob[],
	root: string,
	threads = Math.max(1, availableParallelism()),
): Promise<number[]> {
	if (jobs.length === 0) return [];
	const times: number[] = [];
	const workerFile = join(root, 'src/lib/cards/worker.ts');
	let next = 0;
	const workers: Worker[] = [];
	const run = (): Promise<void> =>
		new Promise((resolve, reject) => {
			const worker = new Worker(workerFile, { workerData: { root } });
			workers.push(worker);
			const feed = (): void => {
				if (next >= jobs.length) {
					void worker.terminate().then(() => resolve());
					return;
				}
				const index = next++;
				worker.postMessage({ index, ...jobs[index] });
			};
			worker.on('message', (m: { index: number; ms?: number; error?: string }) => {
				if (m.error) {
					next = jobs.length; // hand out no more work
					reject(new Error(`card ${jobs[m.index]?.file}: ${m.error}`));
					return;
				}
				times.push(m.ms ?? 0);
				feed();
			});
			worker.on('error', reject);
			worker.on('online', feed);
		});
	try {
		await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, run));
	} finally {
		// On failure, stop every worker so none keeps the build process alive.
		await Promise.all(workers.map((w) => w.terminate()));
	}
	return times;
}
