/**
 * Worker thread of the papers loader: compiles batches of entry bodies to HTML with the same
 * renderer as the main thread, so a clean build of a big site uses every core.
 */
import { parentPort } from 'node:worker_threads';
import { renderOne } from './render-pool.ts';

parentPort?.on('message', (batch: { start: number; bodies: string[] }) => {
	parentPort?.postMessage({ start: batch.start, results: batch.bodies.map(renderOne) });
});
