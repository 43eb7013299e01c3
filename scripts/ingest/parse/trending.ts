import type { ParseResult, Problem, RawRecord } from '../types.ts';
import { isCalendarDate } from '../../../src/lib/calendar.ts';
import { isoInName, parseDateLine, resolveListingDate } from './date-line.ts';
import {
	encodingHint,
	INVISIBLE,
	mayHoldMojibake,
	mojibakeHint,
	mojibakeIn,
	unreadableCharacter,
} from './characters.ts';

/**
 * A line that looks blank: nothing but INVISIBLE characters. Read as text, such a line would
 * pair with the title before it in place of the abstract.
 */
const BLANK = new RegExp(`^[${INVISIBLE}]*$`);
/**
 * A rank or vote count a copied page puts before a title: `1. `, `3) `, `#2 `, `▲ 123`, `↑ 45`.
 * Not any leading number: `3D Gaussian Splatting`, `1.58-bit LLMs`.
 */
const RANK_PREFIX = /^(?:\d+[.)]\s|#\d+\s|[▲↑]\s*\d+)/;
/** An abstract is prose: long, or several sentences. A title is one short line. */
const MIN_ABSTRACT_CHARS = 200;

/**
 * Whether a line is a scrap rather than a (short) abstract: under five words and 60 characters
 * (Chinese or Japanese prose has no spaces between its words), and not ending like a sentence.
 * No abstract is that short; page furniture is.
 */
function isScrap(line: string): boolean {
	return line.length < 60 && line.split(/\s+/).length < 5 && !/[.!?。！？]["'”’)]?$/.test(line);
}

/**
 * Characters of scripts written without spaces, each about a word's worth (Han, kana, Hangul):
 * a 100-character Chinese abstract says what 200 Latin letters do.
 */
const WIDE = /[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** Whether a line is as long as an abstract, a wide character counting twice. */
function isLong(line: string): boolean {
	return (
		line.length >= MIN_ABSTRACT_CHARS ||
		line.length + (line.match(WIDE)?.length ?? 0) >= MIN_ABSTRACT_CHARS
	);
}

/** Whether a line reads like an abstract rather than a title. */
export function looksLikeAbstract(line: string): boolean {
	if (line.length >= MIN_ABSTRACT_CHARS) return true;
	const wide = line.match(WIDE)?.length ?? 0;
	if (line.length + wide >= MIN_ABSTRACT_CHARS) return true;
	// Shorter prose still ends like a sentence and has a sentence's worth of words; titles do not.
	return /[.!。！？]$/.test(line) && line.split(/\s+/).length + wide / 2 >= 8;
}

/**
 * Parses a trending page: header lines, a date line, then title / abstract pairs separated
 * by blank lines. The header is everything before the date line, whatever its wording; a page
 * without a date line starts at the first title that is followed by an abstract.
 */
export function parseTrendingPage(file: string, text: string): ParseResult {
	const lines = text.split(/\r\n|\r|\n/);
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	// Control characters: the file is not readable text (often UTF-16), whatever it parses into.
	const line = lines.findIndex((l) => unreadableCharacter(l) !== undefined);
	if (line >= 0) {
		const message = unreadableCharacter(lines[line]!)!;
		const hint = encodingHint(message) ?? 'remove the character';
		return { records: [], errors: [{ file, line: line + 1, message, hint }], warnings };
	}
	const nonEmpty = lines
		.map((l, i) => ({ text: l.trim(), line: i + 1 }))
		.filter((l) => !BLANK.test(l.text));

	const looks = nonEmpty.map((l) => looksLikeAbstract(l.text));
	// A title may read as an abstract too (`Transformers Are Secretly Fast Weight Programmers, and
	// So Is Everyone Else!`): a sentence of eight words, shorter than an abstract, followed by a
	// line that is one by its length. Taken for the first abstract, it made the line before it
	// (`byAK and the research community`) the first title.
	const titleOfNext = (i: number): boolean =>
		looks[i] === true && !isLong(nonEmpty[i]!.text) && isLong(nonEmpty[i + 1]?.text ?? '');
	const isAbstract = (i: number): boolean => looks[i] === true && !titleOfNext(i);

	// The date line is the date-like line before the first title/abstract pair (a title may read
	// as one: `May 5`). Two of them are an error: taking the last one dated a page of `Dec 30`
	// and `Dec 31` by the second, unseen, and the first one a page headed `1 Mar 2025`, `Mar 18`.
	const firstAbstract = nonEmpty.findIndex((_, i) => isAbstract(i));
	const beforePapers = firstAbstract < 0 ? nonEmpty.length : firstAbstract - 1;
	let dateLines = nonEmpty.filter(
		(l, i) => i < beforePapers && parseDateLine(l.text) !== undefined,
	);
	// A header line long enough to read as an abstract may come before the date line, or a title
	// long enough may follow it: then the date-like lines before the second abstract's title.
	// Not further: a paper titled `June 4th` in the middle of a page without a date line became
	// its date, and the papers before it its header. Nor a date-like title whose abstract a paper
	// follows: as the date line it left that abstract without a title (`June 4th` first).
	if (dateLines.length === 0) {
		const second = nonEmpty.findIndex((_, i) => i > firstAbstract && isAbstract(i));
		const limit = firstAbstract < 0 || second < 0 ? nonEmpty.length : second - 1;
		const titled = (i: number): boolean =>
			looks[i + 1] === true &&
			(i + 2 >= nonEmpty.length || (!looks[i + 2] && looks[i + 3] === true));
		dateLines = nonEmpty.filter(
			(l, i) => i < limit && parseDateLine(l.text) !== undefined && !titled(i),
		);
	}
	if (dateLines.length > 1)
		return { records: [], errors: [tooManyDates(file, dateLines)], warnings };
	let start = dateLines.length > 0 ? nonEmpty.indexOf(dateLines[0]!) : -1;
	const dateLine = start >= 0 ? parseDateLine(nonEmpty[start]!.text) : undefined;
	if (start >= 0) start += 1;
	else {
		// No date line: the header is the run of lines before the first title/abstract pair.
		start = nonEmpty.findIndex((_, i) => (!looks[i] || titleOfNext(i)) && isAbstract(i + 1));
		if (start < 0) start = 0;
		// A first title that reads as a date (`Mar 18`, then a long line) may be the date line
		// above a header line that reads as an abstract: the same lines as a paper titled so.
		const first = nonEmpty[start];
		if (first && parseDateLine(first.text))
			warnings.push({
				file,
				line: first.line,
				message: `the first title, "${first.text}", reads as a date; with no date line before it, it is taken as a title`,
				hint: 'if it is the date line, move the lines between it and the first paper above it',
			});
	}
	// Skipped lines are named when the header was guessed (no date line) or holds what reads as
	// an abstract before a late date line: a first paper with a short abstract is not lost unseen.
	const header = nonEmpty.slice(0, dateLine ? start - 1 : start);
	if (header.length > 0 && (!dateLine || (firstAbstract >= 0 && firstAbstract < start - 1))) {
		const shown = header.slice(0, 6).map((l) => `"${l.text.slice(0, 50)}"`);
		warnings.push({
			file,
			line: header[0]!.line,
			message: `${dateLine ? 'lines before the date line' : 'no date line: lines'} taken as the page header and skipped: ${shown.join(', ')}${header.length > 6 ? ', …' : ''}`,
			hint: 'put the date line (e.g. "Mar 18") between the header and the first paper',
		});
	}
	// The file name's date gives the year, or the whole date of a page without a date line.
	const named = isoInName(file)?.[0];
	if (named && !isCalendarDate(named)) {
		const message = `the date in the file name, ${named}, is no calendar day`;
		const hint = 'name the file with its listing date, YYYY-MM-DD-<name>.txt';
		return { records: [], errors: [{ file, line: 0, message, hint }], warnings };
	}
	const { date, warning, hint } = resolveListingDate(file, dateLine);
	// An impossible date is only an error: how far it is from the file's date means nothing.
	const impossible = dateLine !== undefined && !isCalendarDate(date);
	if (warning && !impossible)
		warnings.push({
			file,
			line: hint ? nonEmpty[start - 1]!.line : 0,
			message: warning,
			hint: hint ?? 'name the file YYYY-MM-DD-<name>.txt',
		});
	// Month or day may be out of range (`Mar 32`), or impossible together (`Feb 30`, `Feb 29` of 2025).
	if (impossible) {
		const at = nonEmpty[start - 1]!;
		// A day or month no year has (`Mar 32`) is shown without the year it was given by chance.
		const [month, day] = dateLine;
		const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31;
		errors.push({
			file,
			line: at.line,
			message: `no such date: "${at.text}"${inRange ? ` (${date})` : ''}`,
			hint: 'correct the date line',
		});
	}

	const records: RawRecord[] = [];
	// Line of each title and abstract listed so far.
	const listedAt = new Map<string, number>();
	// One test of the whole page; only a page that may hold mojibake is looked at paper by paper.
	const suspect = mayHoldMojibake(text);
	let i = start;
	while (i < nonEmpty.length) {
		const title = nonEmpty[i]!;
		const next = nonEmpty[i + 1];
		// Lines pair up by position. The shape of the lines only decides where a pair is broken:
		// the next line reads like a title and the one after it like an abstract, so the next line
		// starts the following pair and this one stands alone. A long title or a short abstract
		// in its place is still read as the page gives it.
		const alone = !next || (!looks[i + 1] && looks[i + 2] === true);
		if (alone) {
			errors.push(loneLineProblem(file, nonEmpty, looks, i));
			i += 1;
			continue;
		}
		// A line without a single letter (`42`, `· 1.2k`: an upvote count) is no abstract, nor is
		// a scrap of a few words that is no sentence (`akhaliq` after `Submitted by`, `Company`
		// after `System theme` in a page's footer): published, they were pages of junk.
		const notAbstract = !/\p{L}/u.test(next.text)
			? 'has no words'
			: isScrap(next.text)
				? 'is too short to be an abstract'
				: undefined;
		if (notAbstract) {
			errors.push({
				file,
				line: title.line,
				message: `title without abstract: "${title.text.slice(0, 80)}" (the next line, "${next.text.slice(0, 40)}", ${notAbstract})`,
				hint: NOT_A_PAPER_HINT,
			});
			i += 2;
			continue;
		}
		// A paper the page lists twice (copied twice over) is one paper at its first place: counted
		// again, it pushed every paper after it one rank down (1, 2, 4, 5).
		const listed = listedAt.get(`${title.text}\n${next.text}`);
		if (listed !== undefined) {
			warnings.push({
				file,
				line: title.line,
				message: `"${title.text.slice(0, 60)}" is listed again; line ${listed} has it`,
				hint: 'remove the repeated title and abstract (the repeat is not counted in the ranks)',
			});
			i += 2;
			continue;
		}
		listedAt.set(`${title.text}\n${next.text}`, title.line);
		// Kept as the page gives it, but said: an abstract shorter than MIN_ABSTRACT_CHARS, whichever
		// test let it pair (`We release the code.`; a footer's `Get the latest trending papers
		// delivered to your inbox every single morning.` reads as a sentence, and was published).
		if (!isLong(next.text))
			warnings.push({
				file,
				line: title.line,
				message: `"${next.text.slice(0, 60)}" is short for an abstract (title "${title.text.slice(0, 60)}")`,
				hint: 'if these two lines are not a paper, remove them',
			});
		// A rank or vote count copied with the title is kept (a title may start with a number,
		// `3D Gaussian …`), but said: it would be in the title, the address and the citation.
		const counted = RANK_PREFIX.exec(title.text);
		if (counted)
			warnings.push({
				file,
				line: title.line,
				message: `the title starts with "${counted[0].trim()}", which reads as a rank or vote count: "${title.text.slice(0, 60)}"`,
				hint: 'remove the rank or vote count from the title line (the title is kept as given)',
			});
		// Kept as the page gives it (a corrected page changes it), but said once per paper.
		const inTitle = suspect ? mojibakeIn(title.text, 'the title') : undefined;
		const garbled = inTitle ?? (suspect ? mojibakeIn(next.text, 'the abstract') : undefined);
		if (garbled)
			warnings.push({
				file,
				line: inTitle ? title.line : next.line,
				message: garbled,
				hint: mojibakeHint(garbled),
			});
		records.push({
			title: title.text,
			abstract: next.text,
			source: { file, line: title.line },
			date,
			listed: true,
			rank: records.length + 1,
		});
		i += 2;
	}
	if (records.length === 0 && errors.length === 0) {
		errors.push({
			file,
			line: 0,
			message: 'no papers found',
			hint: 'a trending page has title and abstract lines after its date line',
		});
	}
	return { records, errors, warnings };
}

/** Remove-the-line hint for page furniture read where a paper belongs. */
const NOT_A_PAPER_HINT =
	'remove lines that are not part of a paper (upvote counts, "Submitted by" lines, menus)';

/**
 * What a line that pairs with nothing is (`i` in `lines`, whose `looks` say which read as
 * abstracts): the next line starts a paper, or there is none.
 */
function loneLineProblem(
	file: string,
	lines: ReadonlyArray<{ text: string; line: number }>,
	looks: readonly boolean[],
	i: number,
): Problem {
	const { text, line } = lines[i]!;
	const next = lines[i + 1];
	const after = lines[i + 2];
	const quoted = `"${text.slice(0, 80)}"`;
	if (looks[i])
		return {
			file,
			line,
			message: 'abstract without a title',
			hint: 'put the title on the line before the abstract (or join the line to the abstract it continues)',
		};
	// A date line among the papers starts another day's list (pages pasted together): said as
	// such, not as a title that lost its abstract.
	if (parseDateLine(text))
		return {
			file,
			line,
			message: `a second date line ${quoted}: one page lists one day`,
			hint: 'split the file per day, one YYYY-MM-DD-<name>.txt per date line',
		};
	// An upvote count after an abstract (`123`) is no title that lost its abstract.
	if (!/\p{L}/u.test(text))
		return {
			file,
			line,
			message: `a line with no words between papers: ${quoted}`,
			hint: NOT_A_PAPER_HINT,
		};
	// The page separates every line by a blank one; two lines with none between them, the second
	// reading as an abstract, are most likely an abstract wrapped by hand, and a title followed
	// so by a line that reads as one is most likely a title wrapped by hand.
	if (next && after && after.line === next.line + 1)
		return {
			file,
			line,
			message: `title without abstract: ${quoted}, or its abstract is split over lines ${next.line}–${after.line}`,
			hint: `if lines ${next.line}–${after.line} are one abstract, join them into one line`,
		};
	if (next && next.line === line + 1)
		return {
			file,
			line,
			message: `title without abstract: ${quoted}, or the title goes on at line ${next.line}`,
			hint: `if line ${next.line} continues the title, join the two lines into one`,
		};
	if (isScrap(text))
		return {
			file,
			line,
			message: `title without abstract: ${quoted}, or a line that is no part of a paper`,
			hint: `${NOT_A_PAPER_HINT}, or add the abstract on the next non-blank line`,
		};
	return {
		file,
		line,
		message: `title without abstract: ${quoted}`,
		hint: `add the abstract on the next non-blank line, or remove the title${next ? ` (if line ${next.line} continues the title, join the two lines)` : ''}`,
	};
}

/** The error for a page with several date lines before its papers, naming each one. */
function tooManyDates(file: string, dates: ReadonlyArray<{ text: string; line: number }>): Problem {
	const named = dates.map((d) => `"${d.text.slice(0, 40)}" (line ${d.line})`);
	return {
		file,
		line: dates[0]!.line,
		message: `${dates.length} date lines before the papers, ${named.slice(0, -1).join(', ')} and ${named.at(-1)!}: a page lists one day`,
		hint: 'keep the date line of the day the page lists and remove the others, or split the file into one YYYY-MM-DD-<name>.txt per day',
	};
}
