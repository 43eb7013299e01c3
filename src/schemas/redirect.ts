/**
 * Former paper addresses, as written by the ingest to `content/papers/_redirects.json` and read
 * by the paper route (`getRedirects` in src/lib/papers.ts) and the sitemap's filter: a paper first listed without an arXiv id (a trending page) moves
 * to its arXiv id once an arXiv record of it is added, and its old page then redirects there.
 */
import { z } from 'astro/zod';
import { SlugSchema } from './paper.ts';

/** One former address of a paper. */
export const RedirectSchema = z.object({
	/** The slug the paper had before (`/papers/<from>/`); no paper holds it now. */
	from: SlugSchema,
	/** The paper's slug now. */
	to: SlugSchema,
});
export type Redirect = z.infer<typeof RedirectSchema>;

/** Where the ingest writes the former addresses, relative to the project root. */
export const REDIRECTS_FILE = 'content/papers/_redirects.json';
