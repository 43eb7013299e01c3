/**
 * Compiles many entry bodies to HTML. Plain prose takes the fast path in this thread; the rest
 * (math, links GFM would find) goes to worker threads when there are enough of them to repay
 * starting the workers (a clean build of thousands of papers), and stays here otherwise.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileAbstractHtml } from '../lib/render-abstract.ts';
import { fastAbstractHtml } from '../lib/render-abstract-fast.ts';

/** The HTML of one body, or the message of the error that stopped it. */
export type RenderResult = { html: string } | { error: string };

/** Below this many bodies the workers' start-up (about 0.3 s each) costs more than it saves. */
export const MIN_FOR_WORKERS = 400;
/** Bodies per message: large enough that messaging is negligible, small enough to balance. */
const BATCH = 64;

/**
 * Compiles one body with the full pipeline; an error becomes its message (shared with the worker
 * threads). Only for bodies the fast path already declined: `renderBodies` tries it first.
 */
export function renderOne(body: string): RenderResult {
	try {
		return { html: compileAbstractHtml(body) };
	} catch (e) {
		return { error: (e as Error).message };
	}
}

/** Renders `bodies` in order (the result at index i belongs to body i); `root` is the project's. */
export async function renderBodies(
	bodies: readonly string[],
	root: string,
	threads = availableParallelism(),
): Promise<RenderResult[]> {
	const results: Array<RenderResult | undefined> = bodies.map((b) => {
		const html = fastAbstractHtml(b);
		return html === undefined ? undefined : { html };
	});
	const slow = results.flatMap((r, i) => (r ? [] : [i]));
	if (slow.length < MIN_FOR_WORKERS || threads < 2) {
		for (const i of slow) results[i] = renderOne(bodies[i]!);
		return results as RenderResult[];
	}
	const slowResults = await renderInWorkers(
		slow.map((i) => bodies[i]!),
		root,
		threads,
	);
	slow.forEach((i, k) => (results[i] = slowResults[k]));
	return results as RenderResult[];
}

/** Renders `bodies` on `threads` worker threads, in order. */
async function renderInWorkers(
	bodies: readonly string[],
	root: string,
	threads: number,
): Promise<RenderResult[]> {
	const results: RenderResult[] = new Array(bodies.length);
	let next = 0;
	const workers: Worker[] = [];
	const run = (): Promise<void> =>
		new Promise((resolve, reject) => {
			const worker = new Worker(join(root, 'src/loaders/render-worker.ts'));
			workers.push(worker);
			const feed = (): void => {
				if (next >= bodies.length) return resolve();
				const start = next;
				next += BATCH;
				worker.postMessage({ start, bodies: bodies.slice(start, start + BATCH) });
			};
			worker.on('message', (m: { start: number; results: RenderResult[] }) => {
				m.results.forEach((r, i) => (results[m.start + i] = r));
				feed();
			});
			worker.on('error', reject);
			worker.on('online', feed);
		});
	try {
		await Promise.all(Array.from({ length: threads }, run));
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
	return results;
}
