/**
 * Cards coordinator process (forked by the cards integration in `astro:build:start`): lists and
 * keys every card of the project, draws the missing ones through the drawer pool, and answers
 * with each card's cache file. In a process of its own because listing and hashing 10,000
 * entries takes 1–3 s, which in the hook held up Astro's bundling. Runs as plain TypeScript under
 * Node's type stripping, hence the `.ts` imports.
 */
import { prepareCards, type DrawnCards } from './build.ts';
import type { SiteText } from './jobs.ts';

/** The message the integration sends. */
export interface CoordinatorRequest {
	root: string;
	site: SiteText;
	/** Drawer processes (default: one per core). */
	threads?: number;
}

/** The one answer: the drawn cards, or why drawing failed. */
export type CoordinatorResult = DrawnCards | { error: string };

process.once('message', (request: CoordinatorRequest) => {
	const reply = (result: CoordinatorResult): void => {
		process.send?.(result, () => process.disconnect?.());
	};
	try {
		const prepared = prepareCards(request.root, request.site, request.threads);
		prepared.done.then(
			() =>
				reply({
					jobs: prepared.jobs.map(({ out, file }) => ({ out, file })),
					drawn: prepared.drawn,
					drawMs: prepared.drawn ? performance.now() - prepared.started : 0,
					cacheDir: prepared.cacheDir,
				}),
			(e: unknown) => reply({ error: (e as Error).message }),
		);
	} catch (e) {
		reply({ error: (e as Error).message });
	}
});
