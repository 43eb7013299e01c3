/**
 * Writing the entries on a worker thread while the ingest still renders them: at 100,000
 * papers rendering and writing take about 2.6 s each on one thread, and the second core is idle
 * by then. The worker runs the same FolderWriter, so the folder still changes all at once or
 * not at all.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { FolderWriter, type WriteSummary } from './write.ts';

/** Where rendered entries go, one by one, until the run finishes or aborts. */
export interface EntrySink {
	/** Hands over one file of the new folder. */
	add(name: string, text: string): void;
	/** Swaps the new folder in; rejects with the first write error. */
	finish(): Promise<WriteSummary>;
	/** Drops everything staged: the folder stays as it was. */
	abort(): Promise<void>;
}

/** From this many entries on the writing happens on a worker thread. */
export const THREADED_FROM = 5000;
/** Entries per message: few enough messages, small enough for the two threads to overlap. */
const BATCH = 256;

type Message =
	{ kind: 'add'; entries: Array<[string, string]> } | { kind: 'finish' } | { kind: 'abort' };
type Reply = { summary: WriteSummary } | { aborted: true } | { error: string };

/** A sink into `dir`; for `total` entries or more on a worker thread (when there is a second core). */
export function openFolderSink(
	dir: string,
	total: number,
	threadedFrom = THREADED_FROM,
): EntrySink {
	if (total < threadedFrom || availableParallelism() < 2) return inThread(dir);
	return threaded(dir);
}

/** The same on this thread, with the same error behaviour: a failed write is reported by `finish`. */
function inThread(dir: string): EntrySink {
	const writer = new FolderWriter(dir);
	let failure: Error | undefined;
	return {
		add(name, text) {
			if (failure) return;
			try {
				writer.add(name, text);
			} catch (e) {
				failure = e as Error;
				writer.abort();
			}
		},
		async finish() {
			if (failure) throw failure;
			try {
				return writer.finish();
			} catch (e) {
				writer.abort();
				throw e;
			}
		},
		abort: async () => writer.abort(),
	};
}

function threaded(dir: string): EntrySink {
	const worker = new Worker(new URL(import.meta.url), { workerData: { dir } });
	let batch: Array<[string, string]> = [];
	const flush = () => {
		if (batch.length > 0) worker.postMessage({ kind: 'add', entries: batch } satisfies Message);
		batch = [];
	};
	const reply = new Promise<Reply>((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`entry writer exited with code ${code}`)));
	});
	// Awaited only at the end: a worker that fails early must not crash the run as an unhandled
	// rejection while entries are still being rendered; `finish` reports it.
	reply.catch(() => undefined);
	const end = async (message: Message): Promise<Reply> => {
		flush();
		worker.postMessage(message);
		try {
			return await reply;
		} finally {
			void worker.terminate();
		}
	};
	return {
		add(name, text) {
			batch.push([name, text]);
			if (batch.length === BATCH) flush();
		},
		async finish() {
			const r = await end({ kind: 'finish' });
			if ('error' in r) throw new Error(r.error);
			if (!('summary' in r)) throw new Error('entry writer: no summary');
			return r.summary;
		},
		async abort() {
			batch = [];
			const r = await end({ kind: 'abort' });
			if ('error' in r) throw new Error(r.error);
		},
	};
}

// The worker: adds entries as they come; after a failed write it only waits to report it (and
// drops the staging folder), so the main thread learns of it once, when it finishes.
if (!isMainThread && parentPort) {
	const port = parentPort;
	const writer = new FolderWriter((workerData as { dir: string }).dir);
	let failure: string | undefined;
	port.on('message', (m: Message) => {
		if (m.kind === 'add') {
			if (failure) return;
			try {
				for (const [name, text] of m.entries) writer.add(name, text);
			} catch (e) {
				failure = (e as Error).message;
				writer.abort();
			}
			return;
		}
		let r: Reply;
		try {
			if (m.kind === 'abort' || failure) {
				writer.abort();
				r = failure ? { error: failure } : { aborted: true };
			} else r = { summary: writer.finish() };
		} catch (e) {
			writer.abort();
			r = { error: (e as Error).message };
		}
		port.postMessage(r satisfies Reply);
	});
}
