/**
 * Slugs: stable, readable, unique. From the arXiv id where known, else from the short name or
 * the title's first words. On a collision the paper listed first (earliest date, then source
 * order) keeps the plain slug and the others get a suffix hashed from their own text, so a slug
 * never changes when later papers are added.
 */
import { foldLatin } from '../../src/lib/fold-latin.ts';
import { shortHash } from './hash.ts';
import { INVISIBLE } from './parse/characters.ts';

const MAX_WORDS = 6;
const MAX_LENGTH = 60;

/** Invisible characters inside words (zero-width space, soft hyphen). */
const DROPPED = new RegExp(`[${INVISIBLE}]`, 'g');

/** Greek letters α…ω (and final ς) by name and by sound. */
const greek = (list: string): Record<string, string> =>
	Object.fromEntries(list.split(' ').map((latin, k) => [String.fromCharCode(0x3b1 + k), latin]));
const GREEK_NAMES = greek(
	'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma sigma tau upsilon phi chi psi omega',
);
const GREEK_SOUNDS = greek('a v g d e z i th i k l m n x o p r s s t y f ch ps o');

/**
 * Greek in Latin letters: a letter alone by its name, as model names use it (`π0` → `pi0`,
 * `α-Net` → `alpha-net`; dropped, they left `/papers/0/`), a word by sound (`Ελληνικά` → ellinika).
 */
const latinGreek = (s: string): string =>
	s.replace(/[\u03b1-\u03c9]+/g, (run) =>
		run.length === 1 ? GREEK_NAMES[run]! : [...run].map((c) => GREEK_SOUNDS[c]).join(''),
	);

/**
 * Lowercase ASCII slug of any text; Latin letters folded (foldLatin: `Łukasz` → lukasz),
 * invisible characters dropped, Greek in Latin letters (latinGreek), the rest `-`.
 */
export function slugify(s: string): string {
	return latinGreek(foldLatin(s).replace(DROPPED, '').toLowerCase())
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
	// A name that leaves no letter (`C++` would, `2.0`) is no address of its own: the title is.
	const fromName = p.shortName ? slugify(p.shortName) : '';
	if (/[a-z]/.test(fromName)) return fromName;
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
 * Slugs when some papers were first listed without their arXiv id (a trending page) and an
 * arXiv record of them joined later: such a paper moves to its arXiv id, but keeps holding the
 * slug it had without it, so that no other paper takes that address (and with it the paper's
 * links, bookmarks and feed items), and its old page redirects. `listedWithoutId[i]` says that
 * paper `i` has a record without an arXiv id. Returns the slugs in input order and the
 * `[former, current]` pairs of the papers that moved, sorted by former slug.
 */
export function assignSlugsKeepingFormer(
	papers: SlugInput[],
	listedWithoutId: readonly boolean[],
): { slugs: string[]; moved: Array<[string, string]> } {
	const gained = papers.map((p, i) => Boolean(p.arxivId && listedWithoutId[i]));
	if (!gained.includes(true)) return { slugs: assignSlugs(papers), moved: [] };
	// Every slug as if the moved papers had no id: theirs stay reserved, the others' unchanged.
	const named = assignSlugs(papers.map((p, i) => (gained[i] ? { ...p, arxivId: undefined } : p)));
	const taken = new Set(named);
	const slugs = named.map((slug, i) => {
		if (!gained[i]) return slug;
		const id = arxivSlug(papers[i]!.arxivId!);
		// An old-style id can read like a title slug (`hep-th-9901001`): then it stays put.
		if (!id || taken.has(id)) return slug;
		taken.add(id);
		return id;
	});
	const moved = slugs
		.map((slug, i): [string, string] => [named[i]!, slug])
		.filter(([former, slug]) => former !== slug)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return { slugs, moved };
}
