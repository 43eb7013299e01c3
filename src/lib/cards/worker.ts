/**
 * worker_threads entry: draws the cards it is sent and writes each PNG into the cache atomically
 * (temp file + rename), so an interrupted build never leaves a half-written card behind.
 * Runs as plain TypeScript under Node 24's type stripping, hence the explicit `.ts` imports.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { createRenderer } from './render.ts';
import type { CardData } from './layout.ts';

/** A job as sent by the pool. */
export interface WorkerJob {
	index: number;
	card: CardData;
	/** Absolute path of the cache file to write. */
	file: string;
}

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
const renderer = createRenderer((workerData as { root: string }).root);

parentPort?.on('message', (job: WorkerJob) => {
	const t = performance.now();
	renderer
		.render(job.card)
		.then((png) => {
			const tmp = `${job.file}.${process.pid}.${job.index}.tmp`;
			writeFileSync(tmp, png);
			renameSync(tmp, job.file);
			parentPort?.postMessage({ index: job.index, ms: performance.now() - t });
		})
		.catch((e: unknown) => {
			parentPort?.postMessage({ index: job.index, error: String((e as Error)?.stack ?? e) });
		});
});
