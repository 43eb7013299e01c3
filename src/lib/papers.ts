/**
 * Data shaping for pages: papers in listing order, by topic, by day (pagination: listing.ts).
 * Page files call these and pass the results to layouts; components never query collections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { REDIRECTS_FILE, type Redirect } from '../schemas/redirect.ts';
import { ingestFinished } from './ingest-gate.ts';
import { readRedirects } from './redirects.ts';
import type { PaperPageFields } from '../schemas/paper.ts';
import { compareListing } from './listing.ts';
import { groupDays, ownDayPages, type Day } from './day-page.ts';
import { SITE } from '../site.config.ts';
import { searchFacets, type SearchFacets } from './search-meta.ts';

/** A paper as stored in the content collection. */
export type PaperEntry = CollectionEntry<'papers'>;

/** A paper entry with the fields only its own page shows (from `src/lib/paper-text.ts`). */
export type FullPaperEntry = PaperEntry & { data: PaperEntry['data'] & PaperPageFields };
/** A topic as stored in the content collection. */
export type TopicEntry = CollectionEntry<'topics'>;

let cache: PaperEntry[] | undefined;

/** Every paper in listing order: newest listing date first, then rank on that listing. */
export async function getPapers(): Promise<PaperEntry[]> {
	cache ??= (await getCollection('papers')).sort((a, b) => compareListing(a.data, b.data));
	return cache;
}

/** Every topic, largest first (catch-all last), ties by name. */
export async function getTopics(): Promise<TopicEntry[]> {
	return (await getCollection('topics')).sort(
		(a, b) =>
			Number(a.data.catchAll) - Number(b.data.catchAll) ||
			b.data.count - a.data.count ||
			a.data.name.localeCompare(b.data.name),
	);
}

/**
 * Former paper addresses (`from` slug → `to` slug), as the ingest wrote them beside the papers.
 * Read here rather than as a collection: it is empty on nearly every site, and Astro warns about
 * every empty collection on every build.
 */
export async function getRedirects(file = REDIRECTS_FILE): Promise<Redirect[]> {
	await ingestFinished();
	return readRedirects(file);
}

/** Papers of one topic, in listing order. */
export async function getPapersOfTopic(topic: string): Promise<PaperEntry[]> {
	return (await getPapers()).filter((p) => p.data.topics.includes(topic));
}

let days: Array<Day<PaperEntry>> | undefined;

/**
 * The archive's days, newest first, each with every paper its sources give it in their order
 * there (see `groupDays`): a paper repeated by the next day's trending page is on both days.
 */
export async function getDays(): Promise<Array<Day<PaperEntry>>> {
	days ??= groupDays(await getPapers());
	return days;
}

let dayPages: Map<string, number> | undefined;

/**
 * Which page of its own day lists each paper, by id (see `ownDayPages`): a paper's date links
 * that page of the day, not the first of a day of hundreds.
 */
export async function getDayPages(): Promise<Map<string, number>> {
	dayPages ??= ownDayPages(await getDays(), SITE.pageSize);
	return dayPages;
}

let topicNames: Record<string, string> | undefined;

/** Topic display names by slug (for chips, feeds and filters). */
export async function getTopicNames(): Promise<Record<string, string>> {
	topicNames ??= Object.fromEntries((await getTopics()).map((t) => [t.id, t.data.name]));
	return topicNames;
}

/** The search page's filter choices, counted over every paper (see `searchFacets`). */
export async function getSearchFacets(): Promise<SearchFacets> {
	const names = await getTopicNames();
	return searchFacets(
		(await getPapers()).map((p) => p.data),
		(slug) => names[slug],
	);
}
