/**
 * Parse and prepare source files, on several threads when there is enough input. A file is the
 * unit of work: it is decoded, parsed and each of its records normalised and rendered
 * (`prepareRecord`) on one thread; results are put back in file order, so the output does not
 * depend on how the files were shared out.
 */
import { Worker } from 'node:worker_threads';
import { prepareRecord, type PreparedRecord } from './build-papers.ts';
import { parseSource } from './parse/index.ts';
import type { Problem, SourceFile } from './types.ts';

/** One source file, parsed and (when it has no errors) prepared. */
export interface PreparedSource {
	records: number;
	errors: Problem[];
	warnings: Problem[];
	prepared: PreparedRecord[];
}

/** Parses one source file and prepares its records unless it has errors (the run fails then). */
export function parseAndPrepare(source: SourceFile): PreparedSource {
	const { records, errors, warnings } = parseSource(source);
	return {
		records: records.length,
		errors,
		warnings,
		prepared: errors.length > 0 ? [] : records.map(prepareRecord),
	};
}

/**
 * `sources.map(parseAndPrepare)` on this thread and `workers` worker threads, each taking the
 * next file when it is done with one. A worker that fails leaves its file to this thread.
 */
export async function parseAndPrepareAll(
	sources: SourceFile[],
	workers: number,
): Promise<PreparedSource[]> {
	const results: Array<PreparedSource | undefined> = new Array(sources.length);
	const queue = sources.map((_, i) => i);
	let settle: (() => void) | undefined;
	const wake = (): void => settle?.();
	let running = 0;
	for (let w = 0; w < Math.min(workers, sources.length - 1); w++) {
		const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), {});
		let job: number | undefined;
		const next = (): void => {
			job = queue.shift();
			if (job === undefined) void worker.terminate();
			else worker.postMessage(sources[job]);
		};
		running++;
		worker.on('message', (result: PreparedSource) => {
			results[job!] = result;
			next();
			wake();
		});
		worker.on('error', () => {
			if (job !== undefined) queue.unshift(job);
			job = undefined;
		});
		worker.on('exit', () => {
			running--;
			if (job !== undefined) queue.unshift(job);
			job = undefined;
			wake();
		});
		next();
	}
	for (;;) {
		const i = queue.shift();
		if (i !== undefined) {
			results[i] = parseAndPrepare(sources[i]!);
			// Let the workers' messages in before the next file.
			await new Promise((resolve) => setImmediate(resolve));
			continue;
		}
		if (running === 0) break;
		await new Promise<void>((resolve) => (settle = resolve));
		settle = undefined;
	}
	return results as PreparedSource[];
}
