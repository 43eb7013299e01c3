/**
 * The form of an arXiv identifier, one definition for the ingest (which refuses a record whose
 * id is not one) and the search page (which reads a query that is one). Two copies had drifted:
 * the search did not know `cond-mat.mes-hall/0101001` as an id.
 */

/**
 * An id without its version and without anchors, to build patterns from: `YYMM.NNNN` (2007–2014)
 * or `YYMM.NNNNN` (since 2015), or before 2007 an archive, maybe a subject class, and `YYMMNNN`
 * (`hep-th/9901001`, `math.GT/0309136`, `cond-mat.mes-hall/0101001`). The month is checked, not
 * whether the number was ever given out.
 */
export const ARXIV_ID_BODY = String.raw`\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?\/\d{2}(?:0[1-9]|1[0-2])\d{3}`;

/** A whole arXiv id, with an optional version (`v2`). */
export const ARXIV_ID = new RegExp(String.raw`^(?:${ARXIV_ID_BODY})(?:v[1-9]\d*)?$`);

/** An id's month and number (see arxivIdOrder). */
export interface ArxivIdOrder {
	/** `YYYY-MM`, the month arXiv received the paper. */
	month: string;
	/** Its number within that month (within the month of its archive before 2007). */
	number: number;
}

/**
 * Where an id falls in the order arXiv received papers: `0704.0047` → 2007-04, 47;
 * `hep-th/9901001` → 1999-01, 1. arXiv numbers papers as they arrive, so two ids of one month
 * compare by number; an id never changes, unlike a record's `update_date`. Undefined when `id`
 * is no arXiv id (ARXIV_ID: a month 00 or 13 makes none).
 */
export function arxivIdOrder(id: string | undefined): ArxivIdOrder | undefined {
	if (!id || !ARXIV_ID.test(id)) return undefined;
	// The year, month and number are the id's first digits, `.` between them in a new-style id.
	const [, yy, mm, number] = /(\d{2})(\d{2})\.?(\d+)/.exec(id)!;
	// Old-style ids began in 1991 and ended in March 2007.
	const century = id.includes('/') && Number(yy) > 90 ? '19' : '20';
	return { month: `${century}${yy}-${mm}`, number: Number(number) };
}
