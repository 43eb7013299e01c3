/**
 * The per-paper steps of the ingest split between this thread and one worker thread on big
 * corpora: normalising the records, then in the topics stage tokenising, keywords and vectors,
 * the related papers' index and the related papers themselves. Each paper's result depends only
 * on its own record or on read-only shared data, and the worker's answers come back in paper
 * order (or, for tokenising, are merged as if one builder had gone on), so the split is
 * invisible: `ingest` and `analyzeTopics` stay synchronous (this thread blocks on an Atomics
 * flag for the worker's answer) and their output is the same at any split.
 */
import { availableParallelism } from 'node:os';
import {
	MessageChannel,
	receiveMessageOnPort,
	Worker,
	type MessagePort,
} from 'node:worker_threads';
import { prepareRun, type PreparedRun } from '../build-papers.ts';
import type { RawRecord } from '../types.ts';
import { extractKeywords } from './keywords.ts';
import { buildVector, type Postings, type VectorStore } from './related.ts';
import {
	buildCorpus,
	CorpusBuilder,
	docTerms,
	maxWords,
	type Corpus,
	type CorpusPart,
	type TextDoc,
} from './tfidf.ts';

/**
 * From this many papers on a worker is started. Measured: at 10,000 papers the split is within
 * the noise (its start-up eats the gain); at 100,000 it saves about 7 s (docs/BENCHMARKS.md).
 */
export const PARALLEL_FROM = 5000;
/** A worker that has not started within this time is taken for broken. */
const START_TIMEOUT_MS = 60_000;

export { createVectorStore, vectorAt, type VectorStore } from './related.ts';

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

/** The corpus as the worker gets it: without what it does not read. */
export type WorkerCorpus = Omit<
	Corpus,
	'tokens' | 'starts' | 'titleLengths' | 'unigrams' | 'displayCache'
>;

/**
 * A task for the worker: normalise records from the back (each chunk's PreparedRecords sent as
 * a part, then the count); tokenise the later documents (answered with their CorpusPart); take
 * the corpus and vector store (no answer); take chunks of the papers alongside this thread;
 * build the related papers' inverted index (answered with its Postings, in shared memory).
 */
export type Task =
	| { kind: 'prepare'; records: RawRecord[]; chunks: EndChunks }
	| { kind: 'tokenise'; docs: TextDoc[] }
	| { kind: 'setup'; corpus: WorkerCorpus; store: VectorStore }
	| { kind: 'keywords'; chunks: Chunks }
	| { kind: 'champion' }
	| { kind: 'related'; postings: Postings; order: Int32Array; fields: Uint8Array; chunks: Chunks };

/** What the worker is started with: its port, and the flag that wakes this thread. */
export interface WorkerSetup {
	port: MessagePort;
	flag: Int32Array;
}

/**
 * Share of the documents this thread tokenises before merging the worker's part: a little
 * under half, because this thread then merges (0.3 s at 100,000 papers).
 */
const TOKENISE_HERE = 0.47;

/**
 * The corpus of the documents (see CorpusBuilder). With a helper the worker tokenises the later
 * documents while this thread does the first ones, then its part is merged: the same corpus.
 */
export function tokeniseCorpus(docs: readonly TextDoc[], helper?: TopicsHelper): Corpus {
	if (!helper) return buildCorpus(docs);
	const builder = new CorpusBuilder(maxWords(docs));
	const cut = Math.floor(docs.length * TOKENISE_HERE);
	helper.post({ kind: 'tokenise', docs: docs.slice(cut) });
	builder.addDocs(docs.slice(0, cut));
	builder.merge(helper.result<CorpusPart>());
	return builder.finish();
}

/**
 * Papers in chunks that this thread claims from the front and the worker from the back, one
 * flag per chunk, until they meet: the worker is sent only the records of the back chunks it
 * may take (cloning all of them would cost more than it saves), and whichever thread is faster
 * does more. A fixed split left this thread waiting 1.4 s for the worker on a machine where
 * the worker was slower to start.
 */
export interface EndChunks {
	/** Per chunk: 0 free, 1 taken by this thread, 2 taken by the worker (shared memory). */
	taken: Int32Array;
	/** Papers per chunk. */
	size: number;
	/** Papers in all. */
	total: number;
	/** The first chunk the worker may take (it holds the records from there on). */
	first: number;
}

/** EndChunks over `total` papers, about `parts` of them; the worker may take the last `share`. */
export function createEndChunks(total: number, share: number, parts = 64): EndChunks {
	const size = Math.max(256, Math.ceil(total / parts));
	const count = Math.ceil(total / size);
	return {
		taken: new Int32Array(new SharedArrayBuffer(4 * count)),
		size,
		total,
		first: Math.min(count, Math.ceil(count * (1 - share))),
	};
}

/**
 * Claims chunks from one end until the other thread's claims are met: this thread (`front`)
 * ascending from chunk 0, the worker descending from the last one down to `first`. Each chunk
 * is claimed with one compare-and-swap, so none is done twice and none is left out.
 */
export function takeFromEnd<T>(
	chunks: EndChunks,
	end: 'front' | 'back',
	run: (from: number, to: number, k: number) => T[],
): Array<[number, T[]]> {
	const done: Array<[number, T[]]> = [];
	const count = chunks.taken.length;
	const front = end === 'front';
	for (let k = front ? 0 : count - 1; front ? k < count : k >= chunks.first; k += front ? 1 : -1) {
		if (Atomics.compareExchange(chunks.taken, k, 0, front ? 1 : 2) !== 0) break;
		done.push([k, run(k * chunks.size, Math.min(chunks.total, (k + 1) * chunks.size), k)]);
	}
	return done;
}

/**
 * Most records the worker may normalise: it is sent the last 48% (at 100,000 records on an
 * idle machine this thread's 52% took as long as the worker's part), and this thread takes
 * back whatever the worker has not started.
 */
const PREPARE_SHARE = 0.48;

/**
 * Every record prepared (see prepareRun), the later ones by the worker when there is one; the
 * problems of records that could not be, in record order.
 */
export function prepareRecords(records: readonly RawRecord[], helper?: TopicsHelper): PreparedRun {
	if (!helper) return prepareRun(records);
	const chunks = createEndChunks(records.length, PREPARE_SHARE);
	helper.post({ kind: 'prepare', records: records.slice(chunks.first * chunks.size), chunks });
	const here = takeFromEnd(chunks, 'front', (from, to) => [prepareRun(records.slice(from, to))]);
	const runs = inPaperOrder([...here, ...helper.resultParts<[number, PreparedRun[]]>()]);
	return {
		records: runs.flatMap((run) => run.records),
		problems: runs.flatMap((run) => run.problems),
	};
}

/**
 * The prepare task, on the worker: takes chunks from the back of its records and hands each
 * one to `send` as soon as it is done; returns how many it took.
 */
export function prepareFromBack(
	records: readonly RawRecord[],
	chunks: EndChunks,
	send: (part: [number, PreparedRun[]]) => void,
): number {
	const offset = chunks.first * chunks.size;
	return takeFromEnd(chunks, 'back', (from, to, k) => {
		send([k, [prepareRun(records.slice(from - offset, to - offset))]]);
		return []; // sent, not kept
	}).length;
}

/** The tokenise task, on the worker: the part and the buffers to hand over without a copy. */
export function tokenisePart(docs: readonly TextDoc[]): {
	part: CorpusPart;
	buffers: ArrayBuffer[];
} {
	const builder = new CorpusBuilder(maxWords(docs), false);
	builder.addDocs(docs);
	const part = builder.part();
	const buffers = Object.values(part)
		.filter((v): v is Int32Array | Uint8Array => ArrayBuffer.isView(v))
		.map((v) => v.buffer as ArrayBuffer);
	return { part, buffers };
}

/**
 * Runs `run` with a worker for `papers` papers (see TopicsHelper.start; none for few papers or
 * one core), closing it afterwards whatever happens.
 */
export function withHelper<T>(
	papers: number,
	from: number | undefined,
	run: (helper: TopicsHelper | undefined) => T,
): T {
	const helper = TopicsHelper.start(papers, from);
	try {
		return run(helper);
	} finally {
		helper?.close();
	}
}

/** The worker thread, driven synchronously from this one. */
export class TopicsHelper {
	private readonly worker: Worker;
	private readonly port: MessagePort;
	private readonly flag = new Int32Array(new SharedArrayBuffer(4));
	private ready = false;
	/** Parts of the answer to come, sent one by one as the worker finishes them. */
	private parts: unknown[] = [];

	/** Starts a worker for `papers` papers when they are enough and there is a second core. */
	static start(papers: number, from = PARALLEL_FROM): TopicsHelper | undefined {
		if (papers < from || availableParallelism() < 2) return undefined;
		return new TopicsHelper();
	}

	private constructor() {
		const { port1, port2 } = new MessageChannel();
		this.port = port1;
		const setup: WorkerSetup = { port: port2, flag: this.flag };
		this.worker = new Worker(new URL('./topics-worker.ts', import.meta.url), {
			workerData: setup,
			transferList: [port2],
		});
		this.worker.unref();
	}

	/** Gives the worker the corpus and the store the later tasks work on. */
	setup(c: Corpus, store: VectorStore): void {
		// Never the token list: it is a view of a buffer sized for the worst case, and a clone
		// would copy all of it.
		const { tokens, starts, titleLengths, unigrams, displayCache, ...corpus } = c;
		void [tokens, starts, titleLengths, unigrams, displayCache];
		this.post({ kind: 'setup', corpus, store });
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
				const m = received.message as
					{ ready: true } | { part: unknown } | { value: T } | { error: string };
				if ('ready' in m) {
					this.ready = true;
					continue;
				}
				if ('part' in m) {
					this.parts.push(m.part);
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

	/**
	 * Blocks until the worker answers the last task, and returns the parts it sent before the
	 * answer (`{ part }` messages, see prepareFromBack): cloning each part as soon as it is done,
	 * rather than all of them at the end, leaves this thread less to wait for.
	 */
	resultParts<T>(): T[] {
		this.result<unknown>();
		const parts = this.parts as T[];
		this.parts = [];
		return parts;
	}

	/** Stops the worker. */
	close(): void {
		void this.worker.terminate();
		this.port.close();
	}
}
