/**
 * The archive's days: which papers a day's page shows, and what it calls its day. A day holds the
 * papers its trending pages list and, from an arXiv dump, those whose record was last updated
 * that day (`update_date`): calling the latter a "listing" told readers that arXiv listed 22
 * papers of 2007 on 26 November 2008.
 */
import { formatCount, formatDate, plural } from './format.ts';
import { isTrendingPage } from './paper-page.ts';

/** One day of the archive (`/days/<date>/`, paginated: `/days/<date>/page/N/`). */
export interface Day<P> {
	/** `YYYY-MM-DD`. */
	date: string;
	/**
	 * Every paper a source gives this day (a trending page lists it, or its arXiv record was last
	 * updated), in their order on the day: a trending page's papers in its order.
	 */
	papers: P[];
	/** How many of them a trending page lists this day; the others were updated on arXiv. */
	listed: number;
	/** How many of them are dated this day (their first listing): the home page lists them under it. */
	first: number;
}

/** What `groupDays` reads of a paper. */
export interface DayPaper {
	data: {
		date: string;
		rank: number;
		sources: ReadonlyArray<{ file: string; date?: string; rank?: number }>;
	};
}

/**
 * The days of the archive, newest first, from papers in listing order. A paper is on its own
 * day (`date`, at `rank`) and on the day of every other source that gives it a place
 * (SourceRef.rank): a daily trending page repeats most of the day before's papers, and its day
 * showed only the few it listed first ("4 papers on this listing" of 73).
 *
 * Papers are pushed, not copied: a dump dates tens of thousands of records to one day. A day's
 * papers are sorted by place only when they arrive out of order (those of earlier days that its
 * page lists again come after its new ones).
 */
export function groupDays<P extends DayPaper>(papers: Iterable<P>): Array<Day<P>> {
	const days = new Map<string, { day: Day<P>; ranks: number[]; sorted: boolean }>();
	const place = (date: string, paper: P, rank: number, listed: boolean, first: boolean): void => {
		let d = days.get(date);
		if (!d) {
			d = { day: { date, papers: [], listed: 0, first: 0 }, ranks: [], sorted: true };
			days.set(date, d);
		}
		if (rank < (d.ranks.at(-1) ?? 0)) d.sorted = false;
		d.day.papers.push(paper);
		d.ranks.push(rank);
		if (listed) d.day.listed++;
		if (first) d.day.first++;
	};
	for (const p of papers) {
		const { date, rank, sources } = p.data;
		// Its own day from its own fields: the first source gives them (and entries written
		// before sources had dates have no other).
		place(date, p, rank, isTrendingPage(sources[0]!), true);
		for (const s of sources)
			if (s.date !== undefined && s.rank !== undefined && s.date !== date)
				place(s.date, p, s.rank, isTrendingPage(s), false);
	}
	return [...days.values()]
		.sort((a, b) => (a.day.date < b.day.date ? 1 : a.day.date > b.day.date ? -1 : 0))
		.map(({ day, ranks, sorted }) => {
			if (sorted) return day;
			// Ties (none from the ingest) keep listing order.
			const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
			return { ...day, papers: order.map((i) => day.papers[i]!) };
		});
}

/**
 * The page of its own day (`date`, the day its page and listings link) that lists each paper, by
 * id, with `pageSize` papers a page. From the paper's place among the day's papers, not from its
 * rank: ranks skip the places of papers merged away (a day saved twice, once with one paper
 * more, ranks that paper 101st of 51), and a page worked out from one would not exist.
 */
export function ownDayPages<P extends { id: string; data: { date: string } }>(
	days: Iterable<Day<P>>,
	pageSize: number,
): Map<string, number> {
	const pages = new Map<string, number>();
	for (const day of days)
		day.papers.forEach((p, i) => {
			if (p.data.date === day.date) pages.set(p.id, Math.floor(i / pageSize) + 1);
		});
	return pages;
}

/** The words of a day page: its title, meta description and the line under its heading. */
export interface DayWording {
	title: string;
	description: string;
	lede: string;
}

/** How a day page names its day, from where its papers' places on it come from. */
export function dayWording(day: {
	date: string;
	papers: { length: number };
	listed: number;
}): DayWording {
	const date = formatDate(day.date);
	const total = day.papers.length;
	const count = plural(total, 'paper');
	if (day.listed === total)
		return {
			title: `Papers listed ${date}`,
			description: `${count} listed on ${date}.`,
			lede: `${count} on this listing, in listing order.`,
		};
	if (day.listed === 0)
		return {
			title: `Papers updated on arXiv ${date}`,
			description: `${count} whose arXiv record was updated on ${date}.`,
			lede: `${count} whose arXiv record was last updated this day.`,
		};
	return {
		title: `Papers of ${date}`,
		description: `${count} listed or updated on arXiv on ${date}.`,
		lede: `${count} listed (${day.listed}) or updated on arXiv (${total - day.listed}) this day.`,
	};
}

/** A day's papers: those on its archive page, and those first listed that day. */
export interface DayCount {
	papers: number;
	first: number;
}

/**
 * A day's count on the home page, which lists each paper once, under its first listing: "4 new
 * of 73 papers" when the day's page shows more than it (papers listed the days before too).
 */
export function dayCountWords(day: DayCount): string {
	return day.first === day.papers
		? plural(day.papers, 'paper')
		: `${formatCount(day.first)} new of ${plural(day.papers, 'paper')}`;
}
