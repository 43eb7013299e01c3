/**
 * Former addresses of renamed topics (`formerly:` in content/topics.yaml, carried into
 * `_topics.json`): one reader for the topic routes, the sitemap's filter and the site check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { TopicSchema } from '../schemas/topic.ts';

/** A former topic slug and the topic it now belongs to. */
export interface MovedTopic {
	from: string;
	to: string;
}

/** Every former slug of the given topics, in topic order. */
export const movedTopics = (
	topics: ReadonlyArray<{ slug: string; formerly?: string[] | undefined }>,
): MovedTopic[] => topics.flatMap((t) => (t.formerly ?? []).map((from) => ({ from, to: t.slug })));

/** The former slugs in the ingest's `_topics.json`; none when the file is absent. */
export function readMovedTopics(file: string): MovedTopic[] {
	if (!existsSync(file)) return [];
	return movedTopics(z.array(TopicSchema).parse(JSON.parse(readFileSync(file, 'utf8'))));
}
