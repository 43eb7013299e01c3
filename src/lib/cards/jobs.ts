/**
 * The cards a build needs, read straight from the generated content (the integration runs
 * before and beside Astro's rendering, so it cannot query collections): one per paper, one per
 * topic, one for the site. Entries are validated with the same schemas as the site's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../loaders/papers-loader.ts';
import { PaperSchema } from '../../schemas/paper.ts';
import { TopicSchema, type Topic } from '../../schemas/topic.ts';
import type { CardData } from './layout.ts';

/** A card and where it goes, relative to the build output (see src/lib/urls.ts). */
export interface CardJob {
	/** `og/papers/<slug>.png`, `og/topics/<slug>.png` or `og/site.png`. */
	out: string;
	card: CardData;
}

/** Site-level text the cards show. */
export interface SiteText {
	title: string;
	description: string;
}

/** Reads `content/papers/` under `root` and lists every card, in a stable order. */
export function listCardJobs(root: string, site: SiteText): CardJob[] {
	const dir = join(root, 'content/papers');
	const topicsFile = join(dir, '_topics.json');
	const topics: Topic[] = existsSync(topicsFile)
		? (JSON.parse(readFileSync(topicsFile, 'utf8')) as unknown[]).map((t) => TopicSchema.parse(t))
		: [];
	const names = new Map(topics.map((t) => [t.slug, t.name]));
	const jobs: CardJob[] = [
		{ out: 'og/site.png', card: { kind: 'site', site: site.title, description: site.description } },
	];
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((n) => n.endsWith('.mdx'))
				.sort()
		: [];
	for (const name of files) {
		const { data } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
		const result = PaperSchema.safeParse(data);
		if (!result.success) throw new Error(`content/papers/${name}: ${result.error.message}`);
		const p = result.data;
		jobs.push({
			out: `og/papers/${p.slug}.png`,
			card: {
				kind: 'paper',
				site: site.title,
				title: p.title,
				...(p.shortName ? { shortName: p.shortName } : {}),
				topics: p.topics.map((t) => names.get(t) ?? t),
				date: p.date,
			},
		});
	}
	for (const t of [...topics].sort((a, b) => (a.slug < b.slug ? -1 : 1)))
		jobs.push({
			out: `og/topics/${t.slug}.png`,
			card: {
				kind: 'topic',
				site: site.title,
				name: t.name,
				description: t.description,
				count: t.count,
			},
		});
	return jobs;
}
