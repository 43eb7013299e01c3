/**
 * Worker thread of the ingest (see parallel.ts): normalises the later records, tokenises the
 * later documents, takes chunks of the papers for keywords and vectors, builds the related
 * papers' index, then takes chunks for related papers, with the same functions as the main
 * thread; it answers on its port, waking the main thread through the shared flag.
 */
import { workerData } from 'node:worker_threads';
import {
	keywordsInRange,
	prepareFromBack,
	takeChunks,
	tokenisePart,
	vectorAt,
	type Task,
	type VectorStore,
	type WorkerSetup,
} from './parallel.ts';
import { championLists, linkBuffers, relatedPacked } from './related.ts';
import { freshCaches, type Corpus } from './tfidf.ts';

const { port, flag } = workerData as WorkerSetup;
let c: Corpus;
let store: VectorStore;

const answer = (message: unknown, transfer: ArrayBuffer[] = []): void => {
	port.postMessage(message, transfer);
	Atomics.store(flag, 0, 1);
	Atomics.notify(flag, 0);
};

port.on('message', (task: Task) => {
	try {
		if (task.kind === 'prepare')
			answer({
				value: prepareFromBack(task.records, task.chunks, (part) => port.postMessage({ part })),
			});
		else if (task.kind === 'tokenise') {
			const { part, buffers } = tokenisePart(task.docs);
			answer({ value: part }, buffers);
		} else if (task.kind === 'setup') {
			c = { ...task.corpus, ...freshCaches(task.corpus.df.length) } as unknown as Corpus;
			store = task.store;
		} else if (task.kind === 'champion') {
			const vectors = Array.from({ length: c.size }, (_, d) => vectorAt(store, d));
			answer({ value: championLists(vectors, c.df.length) });
		} else if (task.kind === 'keywords')
			answer({ value: takeChunks(task.chunks, (from, to) => keywordsInRange(c, store, from, to)) });
		else {
			const { postings, order, fields } = task;
			// Packed in typed arrays, handed over without a copy (see PackedLinks).
			const parts = takeChunks(task.chunks, (from, to) => [
				relatedPacked(c, store, postings, order, fields, from, to),
			]);
			answer(
				{ value: parts },
				parts.flatMap(([, [packed]]) => linkBuffers(packed!)),
			);
		}
	} catch (e) {
		answer({ error: (e as Error).stack ?? String(e) });
	}
});
answer({ ready: true });
