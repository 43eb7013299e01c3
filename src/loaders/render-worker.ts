/**
 * Worker thread of the papers loader: compiles batches of entry bodies to HTML with the same
 * renderer as the main thread, so a clean build of a big site uses every core.
 */
import { parentPort } from 'node:worker_threads';
import { renderAbstractHtml } from '../lib/render-abstract.ts';

parentPort?.on('message', (batch: { start: number; bodies: string[] }) => {
	const results = batch.bodies.map((body) => {
		try {
			return { html: renderAbstractHtml(body) };
		} catch (e) {
			return { error: (e as Error).message };
		}
	});
	parentPort?.postMessage({ start: batch.start, results });
});
