/**
 * Card drawer process (forked by pool.ts with the project root as its argument): draws the cards
 * it is sent and writes each PNG into the cache atomically (temp file + rename), so an
 * interrupted build never leaves a half-written card behind. Runs as plain TypeScript under
 * Node 24's type stripping, hence the explicit `.ts` imports. Exits when the pool disconnects.
 */
import { renameSync, writeFileSync } from 'node:fs';
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

// One libvips thread per drawer: the pool already runs one drawer per core.
sharp.concurrency(1);
const renderer = createRenderer(process.argv[2] ?? process.cwd());

process.on('message', (job: WorkerJob) => {
	const t = performance.now();
	renderer
		.render(job.card)
		.then((png) => {
			const tmp = `${job.file}.${process.pid}.${job.index}.tmp`;
			writeFileSync(tmp, png);
			renameSync(tmp, job.file);
			process.send?.({ index: job.index, ms: performance.now() - t });
		})
		.catch((e: unknown) => {
			process.send?.({ index: job.index, error: String((e as Error)?.stack ?? e) });
		});
});
