/**
 * What citation formats (BibTeX, Highwire tags, JSON-LD) need to know of where and when a paper
 * was published. From arXiv's free-form `journal-ref` (`Phys.Rev.D76:013009,2007`,
 * `J. Phys. A: Math. Theor. 40 (2007) 8265-8288`): the journal's name and the year, and, for the
 * few shapes that leave no doubt, the volume and pages. All are guesses from the shape of the
 * text; when a guess is doubtful it is left out, and what is not read stays as a note. Else the
 * year of the arXiv id.
 */
import type { Paper } from '../schemas/paper.ts';
import { arxivIdOrder } from './arxiv-id.ts';

/** The reference itself, without an erratum or second publication after `;`. */
const mainPart = (ref: string): string => ref.split(';')[0]!.replace(/\s+/g, ' ').trim();

/**
 * The journal's name: the text before the first digit, without a trailing volume marker
 * (`vol.`, `V.`, `No.`). Undefined when that is no plausible name: too short, too long or with
 * a comma (an author list or a title came first), or cut after a function word (`Proceedings of
 * the 2007 …`).
 */
export function journalName(ref: string | undefined): string | undefined {
	if (!ref) return undefined;
	const name = /^[^0-9]*/
		.exec(mainPart(ref))![0]
		.replace(/(?<=^|[\s,.])(?:v|vol|volume|no|issue|pp)\.?\s*$/i, '')
		.replace(/[\s,;:([-]+$/, '');
	// 80 characters hold the longest journal names (`Modelling and Simulation in Materials
	// Science and Engineering`). A comma inside is a book's title and its series, or an author
	// list (`P. Virnau, L. A. Mirny, M. Kardar, PLoS Comp Biol 2, …`); the rare journal with a
	// comma in its name (`… A: Mathematical, Physical and Engineering Sciences`) stays a note.
	if (!/\p{L}.*\p{L}/u.test(name) || name.length > 80 || name.includes(',')) return undefined;
	if (/\b(?:of|the|on|in|for|and|to|at)$/i.test(name)) return undefined;
	return name;
}

/** A journal reference read into citation fields (pages as BibTeX writes a range: `1--36`). */
export interface JournalCitation {
	journal: string;
	volume: string;
	/** The issue, when the reference gives one (`23(10)`, `No. 2`). */
	number?: string;
	pages: string;
	year: string;
	/** What follows the reference after `;` (an erratum, a second publication), if anything. */
	more?: string;
}

// The parts of a reference, in the shapes arXiv's references take (see JOURNAL_FORMS).
const VOL = String.raw`(?:(?:v|vol|volume)\.?\s*)?(?<volume>\d+)`;
const ISSUE = String.raw`(?:\s*\((?<number>\d+(?:-\d+)?)\)|\s*,?\s*No\.?\s*(?<no>\d+(?:-\d+)?))?`;
const PAGES = String.raw`(?:pp\.?\s*)?(?<pages>[A-Z]?\d+(?:\s*[-–]+\s*[A-Z]?\d+)?)`;
const YEAR = String.raw`(?<year>19[5-9]\d|20[0-4]\d)`;
const NAME = String.raw`^\D*?[\s,.]*`;
/**
 * The shapes read, each whole (a reference that only starts like one is not read):
 * `Phys.Rev.D76:013009,2007` and `Contrib. Plasma Phys. Volume 47, 368, 2007` (volume, pages,
 * year); `Phys. Rev. D 76, 013009 (2007)` and `J.Opt.Soc.Am.A 23(10): 2592-2601 (2006)` (year in
 * parentheses last); `Astron.Astrophys. 473 (2007) 805` and `Comm. Math. Helv. 84 (2009), No. 2,
 * pp. 259–296` (year in parentheses after the volume).
 */
const JOURNAL_FORMS = [
	String.raw`${NAME}${VOL}${ISSUE}\s*[:,]\s*${PAGES},\s*${YEAR}\.?$`,
	String.raw`${NAME}${VOL}${ISSUE}\s*(?:[:,]\s*|\s(?=pp))${PAGES}\s*\(${YEAR}\)\.?$`,
	String.raw`${NAME}${VOL}\s*\(${YEAR}\)${ISSUE}\s*,?\s*${PAGES}\.?$`,
].map((form) => new RegExp(form, 'iu'));

/**
 * The reference read into journal, volume, issue, pages and year, when it has one of the
 * shapes of JOURNAL_FORMS and a plausible journal name (journalName); else undefined.
 */
export function parseJournalRef(ref: string | undefined): JournalCitation | undefined {
	const journal = journalName(ref);
	if (!ref || !journal) return undefined;
	const main = mainPart(ref);
	const g = JOURNAL_FORMS.map((form) => form.exec(main)).find(Boolean)?.groups;
	if (!g) return undefined;
	const more = ref.replace(/\s+/g, ' ').split(';').slice(1).join(';').trim();
	return {
		journal,
		volume: g.volume!,
		...(g.number || g.no ? { number: g.number ?? g.no } : {}),
		pages: g.pages!.replace(/\s*[-–]+\s*/, '--'),
		year: g.year!,
		...(more ? { more } : {}),
	};
}

/**
 * The reference without the journal's name at its start (`Physica A, V. 387, Issues 2-3 (2008)`
 * → `V. 387, Issues 2-3 (2008)`), for a citation that names the journal already; the whole
 * reference when it has no name (journalName).
 */
export function journalRefRest(ref: string): string {
	const whole = ref.replace(/\s+/g, ' ').trim();
	const name = journalName(ref);
	return name ? whole.slice(name.length).replace(/^[\s,;:.]+/, '') : whole;
}

/**
 * The year of publication: the year of a reference read by parseJournalRef (`J. Phys. A 40
 * (2007) 1999` was published in 2007, not on page 1999), else its last year-like number
 * (1950–2049).
 */
export function journalYear(ref: string | undefined): string | undefined {
	return yearOfReference(ref, parseJournalRef(ref));
}

/** journalYear of `ref`, read by parseJournalRef as `cite` (undefined: not read whole). */
function yearOfReference(
	ref: string | undefined,
	cite: JournalCitation | undefined,
): string | undefined {
	if (cite) return cite.year;
	if (!ref) return undefined;
	const years = [...mainPart(ref).matchAll(/(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/g)];
	return years.at(-1)?.[1];
}

/**
 * Year of publication when the data says it: the journal reference's year, else the year of the
 * arXiv id (its first version: `2504.12351` → 2025, `hep-th/9901001` → 1999). Undefined for a
 * paper known from a trending page alone, whose listing date is not its publication date.
 */
export function knownPublicationYear(p: Pick<Paper, 'arxivId' | 'journalRef'>): string | undefined {
	return publicationYear(p, parseJournalRef(p.journalRef));
}

/**
 * knownPublicationYear of a paper whose journal reference the caller has read already for its
 * other fields (`cite`, from parseJournalRef; undefined when it is not read whole), so that the
 * reference is read once.
 */
export function publicationYear(
	p: Pick<Paper, 'arxivId' | 'journalRef'>,
	cite: JournalCitation | undefined,
): string | undefined {
	return yearOfReference(p.journalRef, cite) ?? arxivIdOrder(p.arxivId)?.month.slice(0, 4);
}
