import type { ParseResult, Problem, RawRecord } from '../types.ts';
import { isCalendarDate } from '../../../src/lib/calendar.ts';
import { MONTH_NAMES } from '../../../src/lib/format.ts';
import {
	encodingHint,
	findUnreadable,
	mayHoldMojibake,
	mojibakeHint,
	mojibakeIn,
	unreadableCharacter,
} from './characters.ts';
import { ARXIV_ID } from '../../../src/lib/arxiv-id.ts';

/** A control character JSON allows nowhere in a line (tab may stand between its tokens). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const C0_CONTROL = /[\u0000-\u0008\u000a-\u001f]/;

/** Fields of the arXiv metadata snapshot that we read. Others (`submitter`, …) are ignored. */
interface ArxivRecord {
	id?: unknown;
	title?: unknown;
	abstract?: unknown;
	authors?: unknown;
	categories?: unknown;
	update_date?: unknown;
	doi?: unknown;
	'journal-ref'?: unknown;
	comments?: unknown;
	/** `[{ version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' }, …]`, oldest first. */
	versions?: unknown;
}

/** The fields read, in the order they are checked. */
const FIELDS: Array<keyof ArxivRecord> = [
	'id',
	'title',
	'abstract',
	'authors',
	'categories',
	'update_date',
	'doi',
	'journal-ref',
	'comments',
];

/** `Jan` … `Dec`, as RFC 2822 dates write months. */
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

/** The day of one `versions` entry's `created` (an RFC 2822 date in GMT), as `YYYY-MM-DD`. */
function createdDay(entry: unknown): string | undefined {
	const created =
		typeof entry === 'object' && entry !== null
			? (entry as { created?: unknown }).created
			: undefined;
	if (typeof created !== 'string') return undefined;
	const m =
		/^(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) \d{2}:\d{2}(?::\d{2})? (?:GMT|UT|UTC|\+0000)$/.exec(
			created.trim(),
		);
	const month = m ? MONTHS.indexOf(m[2]!) + 1 : 0;
	if (!m || month === 0) return undefined;
	const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
	return isCalendarDate(iso) ? iso : undefined;
}

/**
 * The day of the latest entry of a snapshot record's `versions`, as `YYYY-MM-DD`; `undefined`
 * when there is none or it does not read as one.
 */
export function latestVersionDate(versions: unknown): string | undefined {
	return Array.isArray(versions) ? createdDay(versions.at(-1)) : undefined;
}

/**
 * A paper's history from a snapshot record's `versions` (oldest first): the day v1 was submitted
 * and, when there are later versions, the number and day of the latest. Nothing for what does
 * not read as dates (an empty list, as some snapshots write).
 */
export function versionHistory(
	versions: unknown,
): { submitted: string; revised?: string; version?: number } | undefined {
	if (!Array.isArray(versions) || versions.length === 0) return undefined;
	const submitted = createdDay(versions[0]);
	if (!submitted) return undefined;
	if (versions.length === 1) return { submitted };
	const last: unknown = versions.at(-1);
	const revised = createdDay(last);
	const named =
		typeof last === 'object' && last !== null ? (last as { version?: unknown }).version : undefined;
	const version =
		typeof named === 'string' && /^v\d+$/.test(named) ? Number(named.slice(1)) : versions.length;
	return revised && revised >= submitted && version > 1
		? { submitted, revised, version }
		: { submitted };
}

const str = (v: unknown): string | undefined =>
	typeof v === 'string' && v.trim() !== '' ? v : undefined;

/**
 * Calls `each` with every line of `bytes` (valid UTF-8, without BOM) and its 1-based number,
 * decoding one line at a time: a whole 10 MB file as one string is held twice as wide as soon
 * as one character is outside Latin-1, and splitting it keeps every line a slice of it, while a
 * line's own string is small, short-lived and one byte per character where it can be (parse
 * 1.8 → 1.3 s for 100,000 records).
 */
export function forEachLine(input: Uint8Array, each: (line: string, number: number) => void): void {
	const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	let number = 1;
	for (let start = 0; start <= bytes.length; number++) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		each(bytes.toString('utf8', start, end), number);
		start = end + 1;
	}
}

/**
 * The record's arXiv id as arXiv writes it: some tools prefix it (`arXiv:2401.00001`), which
 * would otherwise become a slug of its own and keep the paper apart from its other records.
 */
export const arxivIdOf = (id: string | undefined): string | undefined =>
	id?.replace(/^arxiv:\s*/i, '') || undefined;

/**
 * A JSON.parse message as it reads for one line of a file: V8 counts positions from 0 in the
 * string it was given (`at position 195 (line 1 column 196)`), and line 1 is always that
 * string, not the file's line. The place becomes `at column N` of the file's line (`lead` is
 * the white space trimmed from its start).
 */
export function jsonParseMessage(message: string, lead: number): string {
	return message.replace(
		/(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?/,
		(_, at: string) => ` at column ${Number(at) + lead + 1}`,
	);
}

/**
 * Whether the bytes hold Â, Ã or â (C3 82, C3 83, C3 A2), with which mojibake starts (see
 * characters.ts): one memchr pass over the file, so that most files need no check per record.
 * (U+FFFD, the other sign of it, is looked for with the unreadable characters, at no cost.)
 */
function mayHoldMojibakeBytes(bytes: Buffer): boolean {
	for (let i = bytes.indexOf(0xc3); i >= 0; i = bytes.indexOf(0xc3, i + 1)) {
		const next = bytes[i + 1];
		if (next === 0x82 || next === 0x83 || next === 0xa2) return true;
	}
	return false;
}

/**
 * Parses JSON Lines in the arXiv metadata snapshot format: one record per line. Every bad
 * line is reported (invalid JSON, not an object, no title or abstract, bad date); blank lines
 * are allowed. The listing date is `update_date`, or without one the date of the latest of
 * `versions` (with a warning); rank is the record's order in the file.
 * `bytes` must be valid UTF-8 without BOM (parseSource checks them first).
 */
export function parseArxivJsonl(file: string, bytes: Uint8Array): ParseResult {
	const records: RawRecord[] = [];
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const undated: number[] = [];
	const suspect = mayHoldMojibakeBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
	forEachLine(bytes, (text, line) => {
		const raw = text.trim();
		if (raw === '') return;
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch (e) {
			// Raw control characters (a line of NUL bytes) are named, not echoed to the terminal:
			// those below U+0020, which JSON refuses. Another unreadable one (a C1 control) breaks
			// no JSON, so the parser's own message says what did.
			const lead = text.length - text.trimStart().length;
			const found = C0_CONTROL.test(raw) ? findUnreadable(raw) : undefined;
			errors.push(
				found
					? {
							file,
							line,
							message: `${found.message}${found.column ? ` at column ${found.column + lead}` : ''}`,
							hint: encodingHint(found.message) ?? 'remove the character',
						}
					: {
							file,
							line,
							message: `invalid JSON: ${jsonParseMessage((e as Error).message, lead)}`,
							hint: 'each line must be one JSON object',
						},
			);
			return;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			errors.push({
				file,
				line,
				message: 'line is not a JSON object',
				hint: 'each line must be one arXiv metadata record',
			});
			return;
		}
		const rec = value as ArxivRecord;
		// Raw C0 control characters are invalid JSON already; escapes (`\u0007`, `\ud800`), raw DEL
		// and C1 controls and the raw noncharacters U+FFFE and U+FFFF are not. Such lines, and
		// those with U+FFFD, are checked field by field.
		const unusual = raw.includes('\\u') || /[\u007f-\u009f\ufffd-\uffff]/.test(raw);
		for (const key of unusual ? FIELDS : []) {
			const v = rec[key];
			const found = typeof v === 'string' ? unreadableCharacter(v) : undefined;
			if (found) {
				errors.push({
					file,
					line,
					message: `${found} in "${key}"`,
					hint: encodingHint(found) ?? 'remove or correct the character (or its \\u escape)',
				});
				return;
			}
		}
		// Every field is a string or null in the snapshot. Anything else would be dropped without
		// a word (authors as a list) or mangled (a number loses the id's zeros: 0704.0010 →
		// 704.001): never guess.
		const odd = FIELDS.find(
			(k) => rec[k] !== undefined && rec[k] !== null && typeof rec[k] !== 'string',
		);
		if (odd) {
			errors.push({
				file,
				line,
				message: `"${odd}" is not a string: ${JSON.stringify(rec[odd]).slice(0, 80)}`,
				hint:
					odd === 'id'
						? 'write the arXiv id as a string, e.g. "0704.0001"'
						: `write "${odd}" as one string, as the arXiv metadata snapshot does`,
			});
			return;
		}
		const id = arxivIdOf(str(rec.id));
		if (id !== undefined && !ARXIV_ID.test(id.trim())) {
			errors.push({
				file,
				line,
				message: `"id" is not an arXiv id: ${JSON.stringify(rec.id).slice(0, 80)}`,
				hint: 'write the id as arXiv does: "2504.12351" or "0704.0001", "hep-th/9901001" before 2007, with "v2" for a version',
			});
			return;
		}
		const title = str(rec.title);
		const abstract = str(rec.abstract);
		const missing = [!title && 'title', !abstract && 'abstract'].filter(Boolean);
		if (missing.length > 0) {
			errors.push({
				file,
				line,
				message: `record without ${missing.join(' or ')}`,
				hint: 'every record needs "title" and "abstract"',
			});
			return;
		}
		// Without update_date (null in some snapshots), the latest version's day: when the record
		// last changed, which is what update_date says. A wrong update_date stays an error.
		const given = str(rec.update_date);
		const date = given ?? latestVersionDate(rec.versions);
		if (!date || !isCalendarDate(date)) {
			errors.push({
				file,
				line,
				message: `missing or invalid "update_date": ${JSON.stringify(rec.update_date)}`,
				hint: given
					? 'use a calendar date as YYYY-MM-DD'
					: 'give "update_date" as YYYY-MM-DD, or "versions" with their "created" dates',
			});
			return;
		}
		if (!given) undated.push(line);
		// Mojibake is kept (it may be the text as published) but said, once per record.
		if (unusual || (suspect && mayHoldMojibake(raw))) {
			for (const key of FIELDS) {
				const v = rec[key];
				const found = typeof v === 'string' ? mojibakeIn(v, `"${key}"`) : undefined;
				if (found) {
					warnings.push({ file, line, message: found, hint: mojibakeHint(found) });
					break;
				}
			}
		}
		records.push({
			title: title!,
			abstract: abstract!,
			source: { file, line },
			date,
			rank: records.length + 1,
			arxivId: id,
			authors: str(rec.authors),
			categories: str(rec.categories),
			doi: str(rec.doi),
			journalRef: str(rec['journal-ref']),
			comments: str(rec.comments),
			...versionHistory(rec.versions),
		});
	});
	// One warning per file: a snapshot without update_date lacks it on every line.
	if (undated.length)
		warnings.unshift({
			file,
			line: undated[0]!,
			message: `${undated.length} record(s) without "update_date" dated by their latest version${undated.length > 1 ? ` (lines ${undated.slice(0, 5).join(', ')}${undated.length > 5 ? ', …' : ''})` : ''}`,
		});
	return { records, errors, warnings };
}
