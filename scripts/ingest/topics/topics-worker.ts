/**
 * Worker thread of the topics stage (see parallel.ts): computes keywords and vectors, then
 * related papers, for the chunks of papers it takes, with the same functions as the main
 * thread, and answers on its port, waking the main thread through the shared flag.
 */
import { workerData } from 'node:worker_threads';
import { keywordsInRange, takeChunks, vectorAt, type Task, type WorkerSetup } from './parallel.ts';
import { relatedInRange } from './related.ts';
import type { Corpus } from './tfidf.ts';

const { corpus, store, port, flag } = workerData as WorkerSetup;
const c = { ...corpus, displayCache: new Map() } as unknown as Corpus;

const answer = (message: unknown): void => {
	port.postMessage(message);
	Atomics.store(flag, 0, 1);
	Atomics.notify(flag, 0);
};

port.on('message', (task: Task) => {
	try {
		if (task.kind === 'keywords')
			answer({ value: takeChunks(task.chunks, (from, to) => keywordsInRange(c, store, from, to)) });
		else {
			const vectors = Array.from({ length: c.size }, (_, d) => vectorAt(store, d));
			const { postings, order } = task;
			answer({
				value: takeChunks(task.chunks, (from, to) =>
					relatedInRange(c, vectors, postings, order, from, to),
				),
			});
		}
	} catch (e) {
		answer({ error: (e as Error).stack ?? String(e) });
	}
});
answer({ ready: true });
