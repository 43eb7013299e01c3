/**
 * Slugs: stable, readable, unique. From the arXiv id where known, else from the short name or
 * the title's first words. On a collision the paper listed first (earliest date, then source
 * order) keeps the plain slug and the others get a suffix hashed from their own text, so a slug
 * never changes when later papers are added.
 */
import { shortHash } from './hash.ts';

const MAX_WORDS = 6;
const MAX_LENGTH = 60;

/** Lowercase ASCII slug of any text; diacritics dropped, everything else to `-`. */
export function slugify(s: string): string {
	return s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** arXiv id without version, as a slug: `2504.12351v2` → `2504.12351`, `hep-th/9901001` → `hep-th-9901001`. */
export function arxivSlug(id: string): string {
	return id
		.trim()
		.toLowerCase()
		.replace(/v\d+$/, '')
		.replace(/[^a-z0-9.]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** The slug a paper would like before collisions are resolved. */
export function baseSlug(p: { arxivId?: string; shortName?: string; title: string }): string {
	if (p.arxivId) {
		const s = arxivSlug(p.arxivId);
		if (s) return s;
	}
	const fromName = p.shortName ? slugify(p.shortName) : '';
	if (fromName) return fromName;
	const words = slugify(p.title).split('-').filter(Boolean).slice(0, MAX_WORDS).join('-');
	const trimmed =
		words.length > MAX_LENGTH ? words.slice(0, MAX_LENGTH).replace(/-[^-]*$/, '') : words;
	return trimmed || `paper-${shortHash(p.title, 8)}`;
}

/** What slug assignment needs to know of a paper. */
export interface SlugInput {
	arxivId?: string;
	shortName?: string;
	title: string;
	/** Identity text (title + abstract), hashed into collision suffixes. */
	identity: string;
	/** Sort key of first listing: date, then source file and line. */
	order: string;
}

/** Assigns unique slugs; returns them in input order. */
export function assignSlugs(papers: SlugInput[]): string[] {
	const bases = papers.map(baseSlug);
	const groups = new Map<string, number[]>();
	bases.forEach((b, i) => groups.set(b, [...(groups.get(b) ?? []), i]));
	const slugs = [...bases];
	const taken = new Set(bases);
	for (const [base, members] of groups) {
		if (members.length < 2) continue;
		const sorted = [...members].sort((a, b) =>
			papers[a]!.order < papers[b]!.order ? -1 : papers[a]!.order > papers[b]!.order ? 1 : a - b,
		);
		for (const i of sorted.slice(1)) {
			let len = 6;
			let slug = `${base}-${shortHash(papers[i]!.identity, len)}`;
			while (taken.has(slug)) slug = `${base}-${shortHash(papers[i]!.identity, ++len)}`;
			taken.add(slug);
			slugs[i] = slug;
		}
	}
	return slugs;
}

/**
 * Former addresses of papers that gained an arXiv id: a paper first listed without one (a
 * trending page) had a slug from its short name or title; once an arXiv record of it joins,
 * its slug becomes the arXiv id, and the old address must keep working (links, bookmarks,
 * feed items). `listedWithoutId[i]` says that paper `i` has a record without an arXiv id.
 * Returns `[former, current]` pairs, sorted by former slug: each former slug is the one the
 * paper gets when its arXiv id is left out (collisions resolved the same way), kept only when
 * no paper holds that slug now.
 */
export function formerSlugs(
	papers: SlugInput[],
	slugs: readonly string[],
	listedWithoutId: readonly boolean[],
): Array<[string, string]> {
	const gained = papers.map((p, i) => Boolean(p.arxivId && listedWithoutId[i]));
	if (!gained.includes(true)) return [];
	const before = assignSlugs(papers.map((p, i) => (gained[i] ? { ...p, arxivId: undefined } : p)));
	const taken = new Set(slugs);
	const pairs: Array<[string, string]> = [];
	gained.forEach((g, i) => {
		if (g && before[i] !== slugs[i] && !taken.has(before[i]!)) pairs.push([before[i]!, slugs[i]!]);
	});
	return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
