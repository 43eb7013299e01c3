/**
 * What a day page of the archive calls its day. A paper is dated by the trending page that listed
 * it or, from an arXiv dump, by the day its record was last updated (`update_date`): calling the
 * latter a "listing" told readers that arXiv listed 22 papers of 2007 on 26 November 2008.
 */
import { formatDate, plural } from './format.ts';
import { listedOnTrendingPage } from './paper-page.ts';

/** The words of a day page: its title, meta description and the line under its heading. */
export interface DayWording {
	title: string;
	description: string;
	lede: string;
}

/** How a day page names its day, from where its papers' dates come from. */
export function dayWording(
	date: string,
	papers: ReadonlyArray<{ data: { sources: ReadonlyArray<{ file: string }> } }>,
): DayWording {
	const day = formatDate(date);
	const count = plural(papers.length, 'paper');
	const listed = papers.filter((p) => listedOnTrendingPage(p.data.sources)).length;
	if (listed === papers.length)
		return {
			title: `Papers listed ${day}`,
			description: `${count} listed on ${day}.`,
			lede: `${count} on this listing, in listing order.`,
		};
	if (listed === 0)
		return {
			title: `Papers updated on arXiv ${day}`,
			description: `${count} whose arXiv record was updated on ${day}.`,
			lede: `${count} whose arXiv record was last updated this day.`,
		};
	return {
		title: `Papers of ${day}`,
		description: `${count} listed or updated on arXiv on ${day}.`,
		lede: `${count} listed (${listed}) or updated on arXiv (${papers.length - listed}) this day.`,
	};
}
