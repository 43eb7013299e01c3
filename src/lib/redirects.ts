/**
 * Reading the former paper addresses the ingest wrote (see src/schemas/redirect.ts): one reader
 * for the paper route, the sitemap's filter and the site check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { RedirectSchema, type Redirect } from '../schemas/redirect.ts';

/**
 * The former addresses in `file`, checked against the schema; none when the file is absent (a
 * content folder written before the ingest wrote it).
 */
export function readRedirects(file: string): Redirect[] {
	if (!existsSync(file)) return [];
	return z.array(RedirectSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}
