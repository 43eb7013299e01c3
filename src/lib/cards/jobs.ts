/**
 * The cards a build needs, read straight from the generated content (the integration runs
 * before and beside Astro's rendering, so it cannot query collections): one per paper, one per
 * topic, one for the site. Entries are validated with the same schemas as the site's.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../frontmatter.ts';
import { dateLabel } from '../paper-page.ts';
import { PaperSchema } from '../../schemas/paper.ts';
import { readTopicsFile } from '../topics-file.ts';
import { paperCardPath, SITE_CARD_PATH, topicCardPath } from '../urls.ts';
import type { CardData } from './layout.ts';

/** A card and where it goes, relative to the build output (see src/lib/urls.ts). */
export interface CardJob {
	/** The card's file relative to the output folder (paperCardPath, topicCardPath, SITE_CARD_PATH). */
	out: string;
	card: CardData;
}

/** Site-level text the cards show. */
export interface SiteText {
	title: string;
	description: string;
}

/** The fields of a paper entry a card shows (topics as slugs). */
export interface PaperFields {
	slug: string;
	title: string;
	shortName?: string;
	topics: string[];
	date: string;
	/** What the paper page says of that date: `Listed` or `Updated` (dateLabel). */
	dateLabel: 'Listed' | 'Updated';
}

/**
 * Parsed entries by a hash of their file text, kept between builds: YAML parsing and schema
 * validation cost ~1 ms per entry, which would dominate an unchanged rebuild of 10,000 cards.
 */
export type PaperIndex = Record<string, PaperFields>;

/**
 * Bump when PaperFields changes: it is hashed with every entry's text, so an index written with
 * other fields matches nothing and is read again (an entry of the index before `dateLabel` would
 * have drawn `undefined 18 March 2025`).
 */
const FIELDS_VERSION = 'fields-v2';

/** Parses and validates one entry's frontmatter. */
export function readPaperFields(text: string, name: string): PaperFields {
	const { data } = splitFrontmatter(text);
	const result = PaperSchema.safeParse(data);
	if (!result.success) throw new Error(`content/papers/${name}: ${result.error.message}`);
	const p = result.data;
	return {
		slug: p.slug,
		title: p.title,
		...(p.shortName ? { shortName: p.shortName } : {}),
		topics: p.topics,
		date: p.date,
		dateLabel: dateLabel(p.sources),
	};
}

/**
 * Reads `content/papers/` under `root` and lists every card, in a stable order. Entries whose
 * text hash is in `index` are not parsed again; the returned index holds exactly the current ones.
 */
export function listCardJobs(
	root: string,
	site: SiteText,
	index: PaperIndex = {},
): { jobs: CardJob[]; index: PaperIndex } {
	const dir = join(root, 'content/papers');
	const topics = readTopicsFile(root);
	const names = new Map(topics.map((t) => [t.slug, t.name]));
	const jobs: CardJob[] = [
		{
			out: SITE_CARD_PATH,
			card: { kind: 'site', site: site.title, description: site.description },
		},
	];
	const next: PaperIndex = {};
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((n) => n.endsWith('.mdx'))
				.sort()
		: [];
	for (const name of files) {
		const text = readFileSync(join(dir, name));
		const hash = createHash('sha256')
			.update(FIELDS_VERSION)
			.update('\0')
			.update(text)
			.digest('base64url');
		const p = index[hash] ?? readPaperFields(text.toString('utf8'), name);
		next[hash] = p;
		jobs.push({
			out: paperCardPath(p.slug),
			card: {
				kind: 'paper',
				site: site.title,
				title: p.title,
				...(p.shortName ? { shortName: p.shortName } : {}),
				topics: p.topics.map((t) => names.get(t) ?? t),
				date: p.date,
				dateLabel: p.dateLabel,
			},
		});
	}
	for (const t of [...topics].sort((a, b) => (a.slug < b.slug ? -1 : 1)))
		jobs.push({
			out: topicCardPath(t.slug),
			card: {
				kind: 'topic',
				site: site.title,
				name: t.name,
				description: t.description,
				count: t.count,
			},
		});
	return { jobs, index: next };
}
