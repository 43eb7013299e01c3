/**
 * The date of a trending page: its date line (`Mar 18`, `Tuesday, March 18, 2025`,
 * `2025-03-18`) and the ISO date in its file name, which gives the year.
 */
import { MONTH_NAMES } from '../../../src/lib/format.ts';

/** Month names as a date line may give them: `march`, and its first three letters. */
const FULL_MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const MONTHS = FULL_MONTHS.map((m) => m.slice(0, 3));
/**
 * A page's date line: `Mar 18`, `March 18th`, `18 Mar`, optionally with a year and a weekday
 * before it (`Tuesday, March 18, 2025`).
 */
const DATE_LINE =
	/^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?)(?:,?\s+(\d{4}))?$/i;
/** A date line written as an ISO date: `2025-03-18`. */
const ISO_LINE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO date in a file's path. */
const ISO_IN_NAME = /(\d{4})-(\d{2})-(\d{2})/g;

/**
 * The ISO date that names a file: the last one in its path, so the file's own name wins over
 * its folders' (`archive-2024-01-01/2025-03-18-t.txt` took 2024), and a folder per day
 * (`2025-03-18/trending.txt`) still names its pages.
 */
export function isoInName(file: string): RegExpExecArray | undefined {
	return [...file.matchAll(ISO_IN_NAME)].at(-1);
}
/**
 * Year used when neither the date line nor the file name carries one. Documented in the
 * README; a warning is printed. Never the clock, so that builds stay reproducible.
 */
export const FALLBACK_YEAR = 2025;
/**
 * Parses a month-day date line into `[month, day, year?]`, or undefined when it is not one.
 * The day is not checked here: `Mar 32` is a date line with a typo, which the page reports at
 * its line (read as a header line, it let the file name's date redate the page unseen). An ISO
 * line's month is not either (`2025-13-01`).
 */
export function parseDateLine(line: string): [number, number, number | undefined] | undefined {
	const iso = ISO_LINE.exec(line.trim());
	if (iso) return [Number(iso[2]), Number(iso[3]), Number(iso[1])];
	const m = DATE_LINE.exec(line.trim());
	if (!m) return undefined;
	const monthName = (m[1] ?? m[4] ?? '').toLowerCase();
	const month = MONTHS.findIndex((name) => monthName.startsWith(name)) + 1;
	const day = Number(m[2] ?? m[3]);
	if (month === 0) return undefined;
	if (monthName.length > 3 && !fullMonthMatches(monthName)) return undefined;
	return [month, day, m[5] ? Number(m[5]) : undefined];
}

function fullMonthMatches(name: string): boolean {
	return [...FULL_MONTHS, 'sept'].some((f) => f.startsWith(name) || name === f);
}

const pad = (n: number): string => String(n).padStart(2, '0');

const DAY = 86_400_000;
/** A page saved more than this many days after the day it lists is probably misnamed. */
const MAX_DAYS_APART = 7;

const isoTime = (iso: RegExpExecArray): number =>
	Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));

/**
 * Resolves the listing date of a trending page from its date line and file name.
 * The year comes from the date line, else from an ISO date in the file name (the latest date on
 * or before the file's date, so a `Dec 31` page in a `2026-01-01` file is 2025-12-31; a warning
 * when they are more than MAX_DAYS_APART apart), else `FALLBACK_YEAR` with a warning.
 */
export function resolveListingDate(
	file: string,
	dateLine: [number, number, number | undefined] | undefined,
): { date: string; warning?: string; hint?: string } {
	const iso = isoInName(file);
	if (!dateLine) {
		if (iso) return { date: `${iso[1]}-${iso[2]}-${iso[3]}` };
		return {
			date: `${FALLBACK_YEAR}-01-01`,
			warning: `no date line and no YYYY-MM-DD in the file name; using ${FALLBACK_YEAR}-01-01`,
		};
	}
	const [month, day, year] = dateLine;
	if (year) {
		const date = `${year}-${pad(month)}-${pad(day)}`;
		// A year the page gives is kept, but said when the file name's date is far from it.
		const apart = iso ? Math.round((isoTime(iso) - Date.UTC(year, month - 1, day)) / DAY) : 0;
		if (Math.abs(apart) > MAX_DAYS_APART)
			return {
				date,
				warning: `the date line is ${Math.abs(apart)} days ${apart > 0 ? 'before' : 'after'} the file name's ${iso![0]}; using ${date}`,
				hint: 'check the date line and the date in the file name',
			};
		return { date };
	}
	if (iso) {
		// The listed day is on or before the day in the file name (a day of slack for time
		// zones): the latest such date. The nearest one put `Mar 18` in a file of 2025-09-18 in
		// 2026, half a year ahead.
		const fileYear = Number(iso[1]);
		const fileTime = isoTime(iso);
		const year = [fileYear + 1, fileYear, fileYear - 1].find(
			(y) => Date.UTC(y, month - 1, day) <= fileTime + DAY,
		)!;
		const date = `${year}-${pad(month)}-${pad(day)}`;
		const apart = Math.round((fileTime - Date.UTC(year, month - 1, day)) / DAY);
		if (apart > MAX_DAYS_APART)
			return {
				date,
				warning: `the date line is ${apart} days before the file name's ${iso[1]}-${iso[2]}-${iso[3]}; using ${date}`,
				hint: 'check the date line and the date in the file name',
			};
		return { date };
	}
	return {
		date: `${FALLBACK_YEAR}-${pad(month)}-${pad(day)}`,
		warning: `no YYYY-MM-DD in the file name, so the year of the date line is unknown; using ${FALLBACK_YEAR}`,
	};
}
