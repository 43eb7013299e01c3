/**
 * The topics the ingest wrote (`TOPICS_FILE`), for build steps outside Astro's content layer
 * (cards, the search index's pages), validated with the schema the content layer uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS_FILE, TopicSchema, type Topic } from '../schemas/topic.ts';

/** The topics of the project at `root`; none before the ingest has run. */
export function readTopicsFile(root: string): Topic[] {
	const file = join(root, TOPICS_FILE);
	if (!existsSync(file)) return [];
	return (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).map((t) => TopicSchema.parse(t));
}
