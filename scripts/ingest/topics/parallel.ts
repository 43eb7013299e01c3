/**
 * The per-paper steps of the topics stage (keywords and vectors, then related papers) split
 * between this thread and one worker thread on big corpora: they are the stage's largest costs
 * (about 9 s each at 100,000 papers) and each paper's result depends only on read-only shared
 * data. The split is invisible to callers: `analyzeTopics` stays synchronous (this thread
 * blocks on an Atomics flag for the worker's half) and its output is the same at any split.
 */
import { availableParallelism } from 'node:os';
import {
	MessageChannel,
	receiveMessageOnPort,
	Worker,
	type MessagePort,
} from 'node:worker_threads';
import { extractKeywords } from './keywords.ts';
import { buildVector, type Postings, type SparseVector } from './related.ts';
import { docTerms, type Corpus } from './tfidf.ts';

/**
 * From this many papers on a worker is started. Measured: at 10,000 papers the split is within
 * the noise (its start-up eats the gain); at 100,000 it saves about 7 s (docs/BENCHMARKS.md).
 */
export const PARALLEL_FROM = 5000;
/** A worker that has not started within this time is taken for broken. */
const START_TIMEOUT_MS = 60_000;

/** Every paper's vector in fixed-width slots of shared memory: both threads write their own. */
export interface VectorStore {
	width: number;
	terms: Int32Array;
	weights: Float32Array;
	lengths: Int32Array;
}

/** Room for `n` vectors of at most `width` terms. */
export function createVectorStore(n: number, width: number): VectorStore {
	return {
		width,
		terms: new Int32Array(new SharedArrayBuffer(n * width * 4)),
		weights: new Float32Array(new SharedArrayBuffer(n * width * 4)),
		lengths: new Int32Array(new SharedArrayBuffer(n * 4)),
	};
}

/** Paper d's vector (views of the store, no copy). */
export function vectorAt(store: VectorStore, d: number): SparseVector {
	const at = d * store.width;
	const end = at + store.lengths[d]!;
	return { terms: store.terms.subarray(at, end), weights: store.weights.subarray(at, end) };
}

/** Keywords of papers `from` … `to − 1`, whose vectors go into the store. */
export function keywordsInRange(
	c: Corpus,
	store: VectorStore,
	from: number,
	to: number,
): string[][] {
	const keywords: string[][] = [];
	for (let d = from; d < to; d++) {
		const terms = docTerms(c, d);
		keywords.push(extractKeywords(c, terms));
		const v = buildVector(c, terms);
		if (v.terms.length > store.width) throw new Error('vector wider than its slot');
		store.lengths[d] = v.terms.length;
		store.terms.set(v.terms, d * store.width);
		store.weights.set(v.weights, d * store.width);
	}
	return keywords;
}

/**
 * Papers cut into chunks that both threads take from one shared counter, so that whichever
 * runs faster (or starts earlier: the worker first loads its modules) does more of them. A
 * fixed half each left the main thread waiting 3.9 s for the worker at 100,000 papers.
 */
export interface Chunks {
	/** Index of the next chunk to take, shared by both threads. */
	next: Int32Array;
	/** Papers per chunk. */
	size: number;
	/** Papers in all. */
	total: number;
}

/** Chunks over `total` papers: about `parts` of them, never under 256 papers each. */
export function createChunks(total: number, parts = 64): Chunks {
	return {
		next: new Int32Array(new SharedArrayBuffer(4)),
		size: Math.max(256, Math.ceil(total / parts)),
		total,
	};
}

/** Takes chunks until none is left; returns each chunk's index and results. */
export function takeChunks<T>(
	chunks: Chunks,
	run: (from: number, to: number) => T[],
): Array<[number, T[]]> {
	const done: Array<[number, T[]]> = [];
	for (;;) {
		const k = Atomics.add(chunks.next, 0, 1);
		const from = k * chunks.size;
		if (from >= chunks.total) return done;
		done.push([k, run(from, Math.min(chunks.total, from + chunks.size))]);
	}
}

/** Both threads' chunk results, back in paper order. */
export function inPaperOrder<T>(parts: Array<[number, T[]]>): T[] {
	return parts.sort((a, b) => a[0] - b[0]).flatMap(([, results]) => results);
}

/** A task for the worker: take chunks of the papers alongside this thread. */
export type Task =
	| { kind: 'keywords'; chunks: Chunks }
	| { kind: 'related'; postings: Postings; order: Int32Array; chunks: Chunks };

/** What the worker is given once: the corpus without what it does not read, and the store. */
export interface WorkerSetup {
	corpus: Omit<Corpus, 'tokens' | 'starts' | 'titleLengths' | 'unigrams' | 'displayCache'>;
	store: VectorStore;
	port: MessagePort;
	flag: Int32Array;
}

/** The worker thread, driven synchronously from this one. */
export class TopicsHelper {
	private readonly worker: Worker;
	private readonly port: MessagePort;
	private readonly flag = new Int32Array(new SharedArrayBuffer(4));
	private ready = false;

	/** Starts a worker when the corpus is big enough and there is a second core; else undefined. */
	static start(c: Corpus, store: VectorStore, from = PARALLEL_FROM): TopicsHelper | undefined {
		if (c.size < from || availableParallelism() < 2) return undefined;
		return new TopicsHelper(c, store);
	}

	private constructor(c: Corpus, store: VectorStore) {
		const { port1, port2 } = new MessageChannel();
		this.port = port1;
		// Never the token list: it is a view of a buffer sized for the worst case, and a clone
		// would copy all of it.
		const { tokens, starts, titleLengths, unigrams, displayCache, ...corpus } = c;
		void [tokens, starts, titleLengths, unigrams, displayCache];
		const setup: WorkerSetup = { corpus, store, port: port2, flag: this.flag };
		this.worker = new Worker(new URL('./topics-worker.ts', import.meta.url), {
			workerData: setup,
			transferList: [port2],
		});
		this.worker.unref();
	}

	/** Hands the worker a task; `result()` returns its answer. */
	post(task: Task): void {
		this.port.postMessage(task);
	}

	/** Blocks until the worker answers the last task; rethrows its error. */
	result<T>(): T {
		const started = Date.now();
		for (;;) {
			const received = receiveMessageOnPort(this.port);
			if (received) {
				Atomics.store(this.flag, 0, 0);
				const m = received.message as { ready: true } | { value: T } | { error: string };
				if ('ready' in m) {
					this.ready = true;
					continue;
				}
				if ('error' in m) throw new Error(`topics worker: ${m.error}`);
				return m.value;
			}
			if (!this.ready && Date.now() - started > START_TIMEOUT_MS)
				throw new Error('topics worker did not start');
			Atomics.wait(this.flag, 0, 0, 1000);
		}
	}

	/** Stops the worker. */
	close(): void {
		void this.worker.terminate();
		this.port.close();
	}
}
