/**
 * Topics: the curated taxonomy of `content/topics.yaml` plus topics derived from the data,
 * as written by the ingest to `content/papers/_topics.json` and read by `src/content.config.ts`.
 */
import { z } from 'astro/zod';

/** One topic of the site. */
export const TopicSchema = z.object({
	/** URL slug, `/topics/<slug>/`. */
	slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
	/** Display name. */
	name: z.string().min(1),
	/** One-line description shown on topic pages. */
	description: z.string(),
	/** True for topics derived from the data by clustering rather than curated in topics.yaml. */
	derived: z.boolean(),
	/** True for the catch-all topic of papers that fit nothing else. */
	catchAll: z.boolean(),
	/** Number of papers in the topic. */
	count: z.number().int().nonnegative(),
	/** The topic's most distinctive terms in this corpus, best first. */
	terms: z.array(z.string()),
	/**
	 * Former slugs of a renamed curated topic (`formerly:` in topics.yaml): their addresses send
	 * readers on, their feeds go on. Absent when there are none.
	 */
	formerly: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)).optional(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** Where the ingest writes the topics, relative to the project root. */
export const TOPICS_FILE = 'content/papers/_topics.json';
