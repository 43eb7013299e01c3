/**
 * A fast path for `renderAbstractHtml`: the HTML of an entry body that uses only what the ingest
 * writes for plain prose — escaped text and `<em>`, `<strong>`, `<code>`, `<a href>` — without
 * going through the unified pipeline. Measured on the 1,074-paper corpus: the pipeline takes
 * 0.5–0.6 ms per plain abstract (micromark with the MDX, GFM and math extensions), which was
 * most of a clean build's papers loader.
 *
 * It reads a deliberately small grammar and returns `undefined` for anything outside it, so the
 * caller falls back to the full compiler: math (`$`), anything GFM would turn into a link outside
 * a link (`www.`, `://`, `@`), any tag or entity the ingest does not write, control characters,
 * several lines. tests/unit/render-abstract-fast.test.ts proves that whenever it answers, the
 * answer is byte for byte the pipeline's.
 */

import { showsOwnUrl, URL_BREAK, URL_LINK_CLASS } from './linked-text.ts';

/** The elements the ingest writes (see scripts/ingest/render.ts). */
const TAGS = new Set(['em', 'strong', 'code']);
/** What CommonMark lets a backslash escape: ASCII punctuation. */
const PUNCTUATION = /[!-/:-@[-`{-~]/;
/** The named references the ingest writes. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
/** Text the pipeline's GFM autolink literal would turn into a link. */
const AUTOLINK = /www\.|:\/\/|@/i;
/** Characters the fast path leaves to the pipeline (controls, and what only it handles). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSUPPORTED = /[\u0000-\u001f\u007f-\u009f$]/;

/** Characters the ingest always escapes: unescaped, they may be Markdown, MDX or HTML. */
const RAW_SYNTAX = new Set([...'>{}\n\r`*_[]#|~!^@']);
/** Block syntax at the start of a paragraph, which the ingest always guards. */
const BLOCK_START = /^(?:[-+=>#*_~:]|\d{1,9}[.)]|(?:import|export)\b)/;

/** Escapes text as rehype-stringify does (only `&` and `<` in text). */
const escapeText = (s: string): string => s.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');

/**
 * The HTML of an entry body, or `undefined` when the body needs the full compiler.
 * Always equal to `compileAbstractHtml(body)` when defined.
 */
export function fastAbstractHtml(body: string): string | undefined {
	if (body === '' || UNSUPPORTED.test(body) || /^\s|\s$/.test(body) || BLOCK_START.test(body))
		return undefined;
	let out = '<p>';
	let text = '';
	const open: string[] = [];
	/** Where the open link's start tag is in `out`, and the text it shows so far. */
	let linkAt = 0;
	let linkText = '';
	const flush = (): boolean => {
		const inLink = open.includes('a');
		if (!inLink && AUTOLINK.test(text)) return false;
		if (inLink) linkText += text;
		out += escapeText(text);
		text = '';
		return true;
	};
	let i = 0;
	while (i < body.length) {
		const c = body[i]!;
		if (c === '\\') {
			const next = body[i + 1];
			if (next === undefined || !PUNCTUATION.test(next)) return undefined;
			text += next;
			i += 2;
		} else if (c === '&') {
			const m = /^&(?:(amp|lt|gt)|#(\d{1,6}));/.exec(body.slice(i, i + 10));
			if (!m) return undefined;
			if (m[1]) text += NAMED[m[1]]!;
			else {
				const code = Number(m[2]);
				if (code < 32 || (code > 126 && code < 160) || code > 0xd7ff) return undefined;
				text += String.fromCharCode(code);
			}
			i += m[0].length;
		} else if (c === '<') {
			const m = /^<(\/?)([a-z]+)((?: href="https?:\/\/[^"&\s<>{}\\`']+")?)>/.exec(
				body.slice(i, i + 2100),
			);
			if (!m) return undefined;
			const [tag, close, name, href] = m as unknown as [string, string, string, string];
			if (!flush()) return undefined;
			if (close) {
				if (href || open.pop() !== name) return undefined;
				// As rehypeMarkUrlLinks: a link that shows its own address is marked for print.
				if (name === 'a') {
					const start = /^<a href="([^"]*)">/.exec(out.slice(linkAt))!;
					if (showsOwnUrl(linkText, start[1]!)) {
						// Break points after its slashes when its content is plain text, as
						// rehypeMarkUrlLinks does (text holds no `<`: it is escaped).
						const inner = out.slice(linkAt + start[0].length);
						const shown = inner.includes('<') ? inner : inner.replace(URL_BREAK, '/<wbr>');
						out = `${out.slice(0, linkAt)}<a href="${start[1]!}" class="${URL_LINK_CLASS}">${shown}`;
					}
				}
				out += `</${name}>`;
			} else if (name === 'a') {
				if (!href || open.includes('a')) return undefined;
				open.push('a');
				linkAt = out.length;
				linkText = '';
				out += `<a${href}>`;
			} else {
				if (href || !TAGS.has(name)) return undefined;
				open.push(name);
				out += `<${name}>`;
			}
			i += tag.length;
		} else if (RAW_SYNTAX.has(c)) {
			return undefined;
		} else {
			text += c;
			i++;
		}
	}
	if (open.length > 0 || !flush()) return undefined;
	return `${out}</p>`;
}
