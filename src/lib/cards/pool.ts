/**
 * Draws cards across child processes, one per core by default: each takes the next job when it
 * finishes one, so long CJK cards do not hold up a fixed share.
 *
 * Why processes rather than worker threads: drawing holds fonts, glyph masks and canvases
 * (some 100 MB per drawer). As threads of the astro process they added to its peak
 * memory, 2.37 GB for a clean 10,000-paper build; as processes each has its own, small heap,
 * and a crash in the native rasteriser cannot take the build process with it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CardData } from './layout.ts';

/** A card to draw into a cache file. */
export interface DrawJob {
	card: CardData;
	file: string;
}

/** Draws `jobs` with `processes` drawers; resolves with the per-card milliseconds. */
export async function drawInWorkers(
	jobs: DrawJob[],
	root: string,
	processes = Math.max(1, availableParallelism()),
): Promise<number[]> {
	if (jobs.length === 0) return [];
	const times: number[] = [];
	const drawerFile = join(root, 'src/lib/cards/worker.ts');
	let next = 0;
	const drawers: ChildProcess[] = [];
	const run = (): Promise<void> =>
		new Promise((resolve, reject) => {
			// Plain Node (its own type stripping), without the parent's loaders or flags.
			const drawer = fork(drawerFile, [root], {
				execArgv: [],
				serialization: 'advanced',
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			});
			drawers.push(drawer);
			let finished = false;
			const feed = (): void => {
				if (next >= jobs.length) {
					finished = true;
					drawer.disconnect();
					return;
				}
				const index = next++;
				drawer.send({ index, ...jobs[index] });
			};
			drawer.on('message', (m: { index: number; ms?: number; error?: string }) => {
				if (m.error) {
					next = jobs.length; // hand out no more work
					reject(new Error(`card ${jobs[m.index]?.file}: ${m.error}`));
					return;
				}
				times.push(m.ms ?? 0);
				feed();
			});
			drawer.on('error', reject);
			drawer.on('exit', (code, signal) => {
				if (finished && code === 0) resolve();
				else
					reject(
						new Error(`card drawer exited (${signal ?? `code ${code}`}) before its work was done`),
					);
			});
			feed();
		});
	try {
		await Promise.all(Array.from({ length: Math.min(processes, jobs.length) }, run));
	} finally {
		// On failure, stop every drawer so none keeps the build alive.
		for (const d of drawers) if (d.exitCode === null && d.signalCode === null) d.kill();
	}
	return times;
}
