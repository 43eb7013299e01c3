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
