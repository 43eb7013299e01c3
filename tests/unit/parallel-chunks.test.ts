/**
 * The topics stage's work sharing (scripts/ingest/topics/parallel.ts): two threads take chunks
 * of the papers from one shared counter, or from both ends of a row of chunks (normalising);
 * every paper is done once and the results come back in paper order, however the chunks fell.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import {
	createChunks,
	createEndChunks,
	inPaperOrder,
	takeChunks,
	takeFromEnd,
	type Chunks,
	type EndChunks,
} from '../../scripts/ingest/topics/parallel.ts';

const ids = (from: number, to: number): number[] =>
	Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Runs `call` (JavaScript over `chunks`, `ids` and the module's exports) on another thread that
 * raises `ready` once it has started; resolves with what `call` returned.
 */
function onOtherThread(
	call: string,
	chunks: unknown,
	ready: Int32Array,
): { result: Promise<Array<[number, number[]]>>; stop: () => Promise<number> } {
	const code = `
		const { workerData, parentPort } = require('node:worker_threads');
		import(workerData.module).then((parallel) => {
			const ids = (from, to) => Array.from({ length: to - from }, (_, i) => from + i);
			const chunks = workerData.chunks;
			Atomics.store(workerData.ready, 0, 1);
			Atomics.notify(workerData.ready, 0);
			parentPort.postMessage(${call});
		});`;
	const worker = new Worker(code, {
		eval: true,
		workerData: {
			chunks,
			ready,
			module: pathToFileURL(resolve('scripts/ingest/topics/parallel.ts')).href,
		},
	});
	const result = new Promise<Array<[number, number[]]>>((ok, fail) => {
		worker.once('message', ok);
		worker.once('error', fail);
	});
	return { result, stop: () => worker.terminate() };
}

describe('chunks', () => {
	test('sizes: about `parts` chunks, at least 256 papers each, one chunk for one part', () => {
		expect(createChunks(100_000).size).toBe(1563);
		expect(createChunks(1000).size).toBe(256);
		expect(createChunks(100_000, 1).size).toBe(100_000);
		expect(takeChunks(createChunks(0), ids)).toEqual([]);
	});

	test('one thread alone takes every chunk; the last one is partial', () => {
		const parts = takeChunks(createChunks(1000), ids);
		expect(parts.map(([k, r]) => [k, r[0], r.length])).toEqual([
			[0, 0, 256],
			[1, 256, 256],
			[2, 512, 256],
			[3, 768, 232],
		]);
		expect(inPaperOrder(parts)).toEqual(ids(0, 1000));
	});

	test('two threads share the chunks; together they cover every paper once, in order', async () => {
		const chunks = createChunks(20_000, 80); // 80 chunks of 256 papers (the last partial)
		// The other thread: the same takeChunks on the same shared counter.
		const ready = new Int32Array(new SharedArrayBuffer(4));
		const other = onOtherThread('parallel.takeChunks(chunks, ids)', chunks, ready);
		// This thread holds its first chunk until the other one has started, then takes 1 ms per
		// chunk: both threads get chunks.
		const mine = takeChunks(chunks as Chunks, (from, to) => {
			Atomics.wait(ready, 0, 0, from === 0 ? 20_000 : 0);
			if (from > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
			return ids(from, to);
		});
		const theirs = await other.result;
		await other.stop();
		expect(mine.length).toBeGreaterThan(0);
		expect(theirs.length).toBeGreaterThan(0);
		expect(mine.length + theirs.length).toBe(79);
		expect(inPaperOrder([...theirs, ...mine])).toEqual(ids(0, 20_000));
	});
});

describe('chunks from both ends', () => {
	test('the worker may take only the back share; the front takes the rest', () => {
		const chunks = createEndChunks(10_000, 0.48); // 40 chunks of 256; the worker may take 21–39
		expect([chunks.size, chunks.taken.length, chunks.first]).toEqual([256, 40, 21]);
		// The worker first (it takes down to `first`), then this thread: it stops at chunk 21.
		const back = takeFromEnd(chunks, 'back', ids);
		const front = takeFromEnd(chunks, 'front', ids);
		expect(back.map(([k]) => k)).toEqual(ids(21, 40).reverse());
		expect(front.map(([k]) => k)).toEqual(ids(0, 21));
		expect(inPaperOrder([...back, ...front])).toEqual(ids(0, 10_000));
	});

	test('a worker that starts late finds its chunks taken and does nothing', () => {
		const chunks = createEndChunks(10_000, 0.48);
		expect(inPaperOrder(takeFromEnd(chunks, 'front', ids))).toEqual(ids(0, 10_000));
		expect(takeFromEnd(chunks, 'back', ids)).toEqual([]);
	});

	test('two threads meet where they meet; together they cover every paper once, in order', async () => {
		const chunks = createEndChunks(20_000, 0.5, 80);
		// The other thread takes from the back, 1 ms per chunk.
		const ready = new Int32Array(new SharedArrayBuffer(4));
		const other = onOtherThread(
			`parallel.takeFromEnd(chunks, 'back', (from, to) => {
				Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
				return ids(from, to);
			})`,
			chunks,
			ready,
		);
		// This thread waits for the worker to start, then takes 1 ms per chunk, like the worker.
		const mine = takeFromEnd(chunks as EndChunks, 'front', (from, to) => {
			Atomics.wait(ready, 0, 0, from === 0 ? 20_000 : 0);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
			return ids(from, to);
		});
		const theirs = await other.result;
		await other.stop();
		expect(mine.length).toBeGreaterThan(0);
		expect(theirs.length).toBeGreaterThan(0);
		expect(theirs.every(([k]) => k >= chunks.first)).toBe(true);
		expect(mine.length + theirs.length).toBe(chunks.taken.length);
		expect(inPaperOrder([...theirs, ...mine])).toEqual(ids(0, 20_000));
	});
});
