/**
 * Characters no reader can be shown: C0 control characters other than white space (tab, line
 * breaks, vertical tab and form feed, which normalising turns into spaces), DEL and the C1
 * controls U+0080–U+009F, the noncharacters U+FFFE and U+FFFF and, from JSON escapes, unpaired
 * surrogates. XML forbids most of them, so one makes the RSS feeds unreadable for every paper;
 * HTML counts every one a parse error and shows it as nothing or as U+FFFD. Such input is
 * reported, never dropped or replaced silently.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNREADABLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/u;

/** The first unreadable character of `s` as a message (`control character U+0007`), or undefined. */
export function unreadableCharacter(s: string): string | undefined {
	return findUnreadable(s)?.message;
}

/**
 * The first unreadable character of `s`: its message (as unreadableCharacter gives it) and its
 * 1-based column. A line of nothing but NUL bytes (two or more) is named as such, without a
 * column: it is what a file cut short while it was written holds, and a terminal shows it as
 * nothing at all.
 */
export function findUnreadable(s: string): { message: string; column?: number } | undefined {
	const m = UNREADABLE.exec(s);
	if (!m) return undefined;
	const column = m.index + 1;
	if (/^\0{2,}$/.test(s)) return { message: `a line of ${s.length} NUL bytes (U+0000)` };
	const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
	if (/\p{Cs}/u.test(m[0])) return { message: `unpaired surrogate ${code}`, column };
	const what = m[0] >= '\ufffe' ? 'noncharacter' : 'control character';
	return { message: `${what} ${code}`, column };
}

/**
 * What usually put an unreadable character (as unreadableCharacter names it) in a file, when
 * its code tells: NUL bytes come from UTF-16, and C1 controls from Windows-1252 text (curly
 * quotes, dashes) decoded as Latin-1 somewhere upstream. Undefined otherwise.
 */
export function encodingHint(found: string): string | undefined {
	if (found.startsWith('a line of'))
		return 'a program that stopped while writing the file (a crash, a full disk) leaves such lines: remove the line, or restore the file from a good copy';
	if (found.includes('U+0000')) return 'a file with NUL bytes is usually UTF-16: save it as UTF-8';
	if (/U\+00[89]/.test(found))
		return 'U+0080–U+009F are usually Windows-1252 quotes or dashes decoded as Latin-1: convert the text from Windows-1252 to UTF-8';
	return undefined;
}

/**
 * Invisible format characters that pages copied from a browser carry: zero-width space and
 * joiners, word joiner, byte-order mark, soft hyphen. A regular-expression class body; one line
 * of only these is blank, a paper with them is the same paper, and a slug drops them.
 */
export const INVISIBLE = '\\u200b-\\u200d\\u2060\\ufeff\\u00ad';

/** Whether a UTF-16 code unit is one of the INVISIBLE characters. */
export const isInvisible = (c: number): boolean =>
	(c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;

/**
 * Windows-1252 for the bytes 0x80–0x9F: the characters UTF-8's continuation bytes become when
 * UTF-8 text is decoded as Windows-1252 (0xA0–0xFF are Latin-1's own). Five bytes are unused.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** A UTF-8 continuation byte (0x80–0xBF) as Windows-1252 shows it: a regular-expression class body. */
const CONTINUATION = `${CP1252_HIGH.replace(/[\u0081\u008d\u008f\u0090\u009d]/g, '')}\u00a0-\u00bf`;
/**
 * Mojibake: UTF-8 decoded as Windows-1252 (or Latin-1) and saved again. `é` (C3 A9) becomes
 * `Ã©`, `°` (C2 B0) `Â°`, and `’` (E2 80 99) `â€™`. Only the lead characters Â, Ã and â are
 * looked for, followed by what only a continuation byte shows as (`€`, `™`, `©`, `°`…): real
 * words put letters after them (`SÃO`, `château`). No-break space and « » may follow a real
 * word (`«IRMÃ»`), so they do not count right after the lead (which misses `à` as `Ã` and a
 * no-break space, seldom alone in a record); nor may a closing quote, a dash or an ellipsis
 * (`“MAÇÃ”`). After `â` (the lead of a three-byte character) two continuation characters must
 * follow, or `€` alone (`â€` of a `”` whose last byte Windows-1252 lacks): `â†`, `â²` are
 * notation (a†, â²). And U+FFFD, which a decoder writes for bytes it could not read: the
 * character it replaced is lost.
 */
const MOJIBAKE = new RegExp(
	`\ufffd|[ÂÃ](?![\u00a0\u00ab\u00bb”’–—…])[${CONTINUATION}]|â(?:[${CONTINUATION}]{2}|€)`,
);

/** A character MOJIBAKE matched as the Windows-1252 byte it was. */
function cp1252Byte(c: string): number {
	const code = c.charCodeAt(0);
	return code >= 0xa0 && code <= 0xff ? code : 0x80 + CP1252_HIGH.indexOf(c);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether `s` may hold mojibake: one regular-expression test, so that a caller can check a
 * whole record (or page) at once and only look closer when it says yes.
 */
export const mayHoldMojibake = (s: string): boolean => MOJIBAKE.test(s);

/**
 * The first mojibake in `s`, found in `where` (`"abstract"`, `the title`), as a message:
 * `mojibake "â€™" (was "’") in "abstract": "… the developerâ€™s code …"`, or undefined. The text
 * around it lets the operator find it; what it was is shown when it reads back as UTF-8.
 */
export function mojibakeIn(s: string, where: string): string | undefined {
	const m = MOJIBAKE.exec(s);
	if (!m) return undefined;
	const from = Math.max(0, m.index - 20);
	const to = m.index + m[0].length + 20;
	const around = `${from > 0 ? '…' : ''}${s.slice(from, to).trim()}${to < s.length ? '…' : ''}`;
	if (m[0] === '\ufffd') return `replacement character U+FFFD in ${where}: "${around}"`;
	let was: string | undefined;
	try {
		was = STRICT_UTF8.decode(new Uint8Array([...m[0]].map((c) => cp1252Byte(c))));
	} catch {
		was = undefined;
	}
	return `mojibake "${m[0]}"${was ? ` (was "${was}")` : ''} in ${where}: "${around}"`;
}

/** How to fix what mojibakeIn found. */
export function mojibakeHint(found: string): string {
	return found.startsWith('replacement')
		? 'a decoder replaced a character it could not read with U+FFFD: restore it from the original text (the text is kept as it is)'
		: 'UTF-8 text was read as Windows-1252 somewhere upstream and saved again: export it again as UTF-8, or correct the characters (the text is kept as it is)';
}
