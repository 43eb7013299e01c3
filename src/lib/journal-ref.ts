/**
 * What citation formats (BibTeX, Highwire tags, JSON-LD) need to know of where and when a paper
 * was published. From arXiv's free-form `journal-ref` (`Phys.Rev.D76:013009,2007`,
 * `J. Phys. A: Math. Theor. 40 (2007) 8265-8288`): the journal's name and the year. Both are
 * guesses from the shape of the text; when a guess is doubtful it is left out, and the whole
 * reference is still shown and cited as a note. Else the year of the arXiv id.
 */
import type { Paper } from '../schemas/paper.ts';

/** The reference itself, without an erratum or second publication after `;`. */
const mainPart = (ref: string): string => ref.split(';')[0]!.replace(/\s+/g, ' ').trim();

/**
 * The journal's name: the text before the first digit, without a trailing volume marker
 * (`vol.`, `V.`, `No.`). Undefined when that is no plausible name: too short, too long (an
 * author list or a title came first), or cut after a function word (`Proceedings of the 2007 …`).
 */
export function journalName(ref: string | undefined): string | undefined {
	if (!ref) return undefined;
	const name = /^[^0-9]*/
		.exec(mainPart(ref))![0]
		.replace(/(?:^|[\s,])(?:v|vol|volume|no|issue|pp)\.?\s*$/i, '')
		.replace(/[\s,;:([-]+$/, '');
	if (!/\p{L}.*\p{L}/u.test(name) || name.length > 60) return undefined;
	if (/\b(?:of|the|on|in|for|and|to|at)$/i.test(name)) return undefined;
	return name;
}

/** The year of publication: the last year-like number of the reference (1950–2049). */
export function journalYear(ref: string | undefined): string | undefined {
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
	const journal = journalYear(p.journalRef);
	if (journal) return journal;
	const m = /^(\d{2})(\d{2})\.\d{4,5}/.exec(p.arxivId ?? '');
	if (m) return `20${m[1]}`;
	const old = /\/(\d{2})\d{5}$/.exec(p.arxivId ?? '');
	if (old) return `${Number(old[1]) > 90 ? '19' : '20'}${old[1]}`;
	return undefined;
}
