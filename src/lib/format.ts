/**
 * Display formatting that must not depend on the build machine's locale or ICU version.
 * The search page's script imports it: nothing here may pull in the TeX tables of math-text.ts
 * (titleParts lives there for that reason).
 */

import { truncateText } from './teaser.ts';

/** English month names, January first: the ingest reads dates by them too. */
export const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** `2025-03-18` → `18 March 2025`. */
export function formatDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

/**
 * `2025-03-18` → `18 Mar 2025` (compact, for list items and search results): day, month, year
 * like formatDate and the feeds' view, only the month shortened.
 */
export function formatShortDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTH_NAMES[(m ?? 1) - 1]!.slice(0, 3)} ${y}`;
}

/** `6215` → `6,215`: counts read the same on every machine. */
export function formatCount(n: number): string {
	return n.toLocaleString('en-US');
}

/** `1` → `1 paper`, `2` → `2 papers`. */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** What a linked repository holds, as its badge names it. */
export type LinkKind = 'code' | 'data' | 'demo' | 'model' | 'page';

/** Hugging Face's path prefixes and what they hold. */
const HF_KINDS = new Map<string, LinkKind>([
	['datasets', 'data'],
	['spaces', 'demo'],
	['models', 'model'],
]);

/** What readers are told each kind of link is (badges on the page, labels in feeds). */
export const LINK_NAMES: Readonly<Record<LinkKind, string>> = {
	code: 'Code',
	data: 'Data',
	demo: 'Demo',
	model: 'Model',
	page: 'Link',
};

/** Hugging Face's own sections, whose addresses are no model's (`collections/org/name`). */
const HF_SECTIONS = new Set([
	'papers',
	'collections',
	'docs',
	'blog',
	'learn',
	'organizations',
	'posts',
	'tasks',
	'settings',
	'pricing',
	'join',
	'login',
]);

/**
 * What a code link leads to: a Hugging Face dataset, space (a demo) or model, another of its
 * pages (a collection, an organisation), else code. A dataset shown with a "Code" badge promised
 * code that was not there.
 */
export function linkKind(url: string): LinkKind {
	const u = URL.parse(url);
	if (u?.hostname.replace(/^www\./, '') !== 'huggingface.co') return 'code';
	const parts = u.pathname.split('/').filter(Boolean);
	const kind = HF_KINDS.get(parts[0] ?? '');
	if (kind) return kind;
	// A bare `huggingface.co/org/name` is a model's address.
	return parts.length >= 2 && !HF_SECTIONS.has(parts[0]!) ? 'model' : 'page';
}

/** Whether any of a paper's links is code (its "Code" badge and the search's filter). */
export function hasCode(urls: readonly string[]): boolean {
	return urls.some((u) => linkKind(u) === 'code');
}

/**
 * A readable label for a code repository URL: `owner/repo` for GitHub, GitLab, Bitbucket,
 * Codeberg and Hugging Face; otherwise host and path.
 */
export function repoLabel(url: string): string {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return url;
	}
	const host = u.hostname.replace(/^www\./, '');
	const parts = u.pathname.split('/').filter(Boolean);
	// Hugging Face puts a kind first: `datasets/org/name` read "datasets/org", and two datasets
	// of one organisation had the same label. The kind is the link's badge (linkKind).
	if (host === 'huggingface.co' && HF_KINDS.has(parts[0] ?? '') && parts.length >= 3)
		return `${parts[1]}/${parts[2]}`;
	// One of its own pages (`collections/Zyphra/zamba2-vl`): the whole path, which owner/repo cut
	// to "collections/Zyphra", the same for every collection of one owner.
	if (host === 'huggingface.co' && HF_SECTIONS.has(parts[0] ?? '')) return parts.join('/');
	const forges = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'huggingface.co'];
	if (forges.includes(host) && parts.length >= 2) {
		return `${parts[0]}/${parts[1]!.replace(/\.git$/, '')}`;
	}
	return (host + u.pathname).replace(/\/$/, '');
}

/** Authors a paper page shows before the rest fold away (collaborations list hundreds). */
export const AUTHORS_SHOWN = 30;

/**
 * A paper's author list in two parts: the names shown, and the rest behind "and N more" (on the
 * page and in the search index all the same: a reader searching for the 31st author finds the
 * paper). "et al." ends the list when the source names only some (`more`: Paper.moreAuthors).
 */
export function authorLines(
	authors: readonly string[],
	more = false,
	max = AUTHORS_SHOWN,
): { shown: string; rest?: { text: string; count: number } } {
	const etAl = more ? ' et al.' : '';
	if (authors.length <= max) return { shown: `${authors.join(', ')}${etAl}` };
	const rest = authors.slice(max);
	return {
		shown: `${authors.slice(0, max).join(', ')},`,
		rest: { text: `${rest.join(', ')}${etAl}`, count: rest.length },
	};
}

/** Authors a search result names before the rest are counted ("and 5 more"). */
export const SEARCH_AUTHORS = 3;

/**
 * A paper's authors as a search result shows them: the first few and how many more
 * (`A. One, B. Two, C. Three and 5 more`), or "et al." when the source names only some.
 * Empty without authors (trending pages list none).
 */
export function searchAuthors(
	authors: readonly string[],
	more = false,
	max = SEARCH_AUTHORS,
): string {
	if (authors.length === 0) return '';
	const shown = authors.slice(0, max).join(', ');
	if (more) return `${shown} et al.`;
	return authors.length > max ? `${shown} and ${authors.length - max} more` : shown;
}

/**
 * Longest page title a document `<title>` and its social titles carry, in characters. The
 * longest of the corpus's 1,076 titles is 185; a crafted 400-character title would fill a tab
 * and a search result with no end in sight, so longer ones are cut at a word.
 */
export const PAGE_TITLE_MAX = 200;

/** A page's own title as `<title>`, `og:title` and `twitter:title` carry it. */
export function pageTitle(title: string): string {
	return truncateText(title, PAGE_TITLE_MAX);
}

/** A page's `<title>`: its own title (pageTitle), then the site's name. */
export function documentTitle(title: string, siteTitle: string): string {
	return title === siteTitle ? title : `${pageTitle(title)} · ${siteTitle}`;
}
