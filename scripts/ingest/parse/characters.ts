/**
 * Characters no reader can be shown: C0 control characters other than white space (tab, line
 * breaks, vertical tab and form feed, which normalising turns into spaces), the noncharacters
 * U+FFFE and U+FFFF and, from JSON escapes, unpaired surrogates. XML forbids them, so one of
 * them makes the RSS feeds unreadable for every paper; HTML shows them as nothing or as U+FFFD.
 * Such input is reported, never dropped or replaced silently.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNREADABLE = /[\u0000-\u0008\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

/** The first unreadable character of `s` as a message (`control character U+0007`), or undefined. */
export function unreadableCharacter(s: string): string | undefined {
	const m = UNREADABLE.exec(s);
	if (!m) return undefined;
	const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
	if (/\p{Cs}/u.test(m[0])) return `unpaired surrogate ${code}`;
	return m[0] >= '\ufffe' ? `noncharacter ${code}` : `control character ${code}`;
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
