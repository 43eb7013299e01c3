/**
 * The one schema of a paper entry, shared by the ingest (which validates every entry
 * before writing it) and by `src/content.config.ts` (which validates it again at build).
 * Imported from plain Node as well as from Astro, so it depends only on `astro/zod` (and the
 * dependency-free calendar check).
 */
import { z } from 'astro/zod';
import { isCalendarDate } from '../lib/calendar.ts';

/** ISO calendar date, `YYYY-MM-DD`, of a day that exists (not `2025-02-30`). */
export const IsoDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
	.refine(isCalendarDate, 'no such day');

/**
 * Where a paper came from: a file in `content/sources/` and the 1-based line of its title, with
 * the day that source lists the paper and its place on that day's page. A daily trending page
 * repeats most of the day before's papers: the paper is dated by its first listing, and its day
 * pages are those of every source with a `rank`.
 */
export const SourceRefSchema = z.object({
	/** File name relative to `content/sources/`, e.g. `2025-03-18-trending.txt`. */
	file: z.string().min(1),
	/** 1-based line number of the paper's title (trending pages) or record (JSON Lines). */
	line: z.number().int().positive(),
	/**
	 * The day this source lists the paper: its trending page's date, or the arXiv record's
	 * `update_date` (else its latest version's day). Absent in entries written before it was
	 * recorded.
	 */
	date: IsoDateSchema.optional(),
	/**
	 * The paper's 1-based place on the page of `date` in the archive (`/days/<date>/`): its place
	 * on the trending page, after the papers of that day's earlier pages (files by name); for an
	 * arXiv record, after the day's listed papers, in source order. The first source's is the
	 * paper's `rank`. Absent when this source adds no day: the paper already has a place on it
	 * (a second listing the same day, an arXiv record updated the day a trending page listed it),
	 * or the record is not the paper's newest arXiv record (its `update_date` is no longer its
	 * last update).
	 */
	rank: z.number().int().positive().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** One matched term that made the classifier pick a topic. */
export const TopicReasonSchema = z.object({
	/** The term or phrase as written in `topics.yaml`, or `arXiv:cs.CL` for category evidence. */
	term: z.string(),
	/** Its contribution to the topic's score. */
	weight: z.number(),
});

/** A related paper and the shared terms that explain the link. */
export const RelatedSchema = z.object({
	/** Slug of the related paper. */
	slug: z.string(),
	/** The highest-weighted terms the two papers share ("related through: …"). */
	terms: z.array(z.string()),
});

/** A paper page's slug: `/papers/<slug>/`. */
export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/);

/** The frontmatter of a generated MDX entry in `content/papers/`. */
export const PaperSchema = z.object({
	/** Full title, exactly as given (normalised to NFC, whitespace collapsed). */
	title: z.string().min(1),
	/** The acronym or name before the colon in titles like `CodeT5: …`, when there is one. */
	shortName: z.string().optional(),
	/** URL slug: arXiv id when known, else from the short name or title; stable across rebuilds. */
	slug: SlugSchema,
	/**
	 * Listing date: the first trending page that lists it, else its newest arXiv record's
	 * `update_date`. The home page, feeds and search list the paper once, by this date; the
	 * archive shows it on every day a source gives it (SourceRef).
	 */
	date: IsoDateSchema,
	/** 1-based position among the papers listed the same day, in source order (page order on a trending page). */
	rank: z.number().int().positive(),
	/** Every source that listed this paper; the first is the primary one (it gives `date` and `rank`). */
	sources: z.array(SourceRefSchema).min(1),
	/** Code repository URLs found in the abstract (then in the comments), repaired and de-duplicated. */
	codeUrls: z.array(z.url()),
	/** arXiv identifier (`2504.12351` or `hep-th/9901001`) when the input carries one. */
	arxivId: z.string().optional(),
	/** Author names in order; empty when the input has none. */
	authors: z.array(z.string()),
	/** The source names only some authors (it ends with "et al."): shown and cited as such. */
	moreAuthors: z.literal(true).optional(),
	/** arXiv categories, primary first; empty when unknown. */
	categories: z.array(z.string()),
	/** DOI when known. */
	doi: z.string().optional(),
	/** Journal reference when known. */
	journalRef: z.string().optional(),
	/** Author comments (pages, venue) when known. */
	comments: z.string().optional(),
	/** Day the arXiv v1 was submitted, when the record gives its `versions`. */
	submitted: IsoDateSchema.optional(),
	/** Day of the latest arXiv version, when there are several (with `version`). */
	revised: IsoDateSchema.optional(),
	/** Number of that latest version: 2 for v2. */
	version: z.number().int().min(2).optional(),
	/** Topic slugs (1–3), best first; filled by the classifier. */
	topics: z.array(z.string()),
	/** Why each topic was chosen: matched terms with their weights, keyed by topic slug. */
	topicReasons: z.record(z.string(), z.array(TopicReasonSchema)),
	/** 3–8 keyphrases extracted from the corpus by TF-IDF. */
	keywords: z.array(z.string()),
	/** Up to 5 related papers, most similar first. */
	related: z.array(RelatedSchema),
	/** Whether the abstract contains math (lists tell screen-reader users so). */
	hasMath: z.boolean(),
	/** Plain-text abstract, formulas as Unicode (O(L²)): for descriptions, teasers, feeds, cards. */
	summary: z.string(),
});
export type Paper = z.infer<typeof PaperSchema>;

/** The keys of the fields only a paper's own page shows (see `PaperPageFieldsSchema`). */
const PAGE_ONLY = { topicReasons: true, keywords: true, related: true } as const;

/**
 * The fields only a paper's own page shows: they live beside the content store, in the
 * page-fields file of `src/lib/paper-text.ts`, not in it. Astro bundles the store into the build
 * as one string module: with them it was 14.4 MB at 10,000 papers, without them 5.2 MB, and
 * bundling it took 4.4-5.1 s against 2.7 s.
 */
export const PaperPageFieldsSchema = PaperSchema.pick(PAGE_ONLY);
export type PaperPageFields = z.infer<typeof PaperPageFieldsSchema>;

/**
 * A paper as the site's content collection stores it: the entry's frontmatter without the
 * plain-text abstract (kept with the HTML abstract in `src/lib/paper-text.ts`) and the page-only
 * fields, plus the teaser that listing pages show.
 */
export const PaperEntrySchema = PaperSchema.omit({ summary: true, ...PAGE_ONLY }).extend({
	/** The abstract's first sentence (at most 240 characters), for listings. */
	teaser: z.string(),
});
