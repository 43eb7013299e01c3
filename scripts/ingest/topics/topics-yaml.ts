/**
 * Reader and validator of `content/topics.yaml`, the curated taxonomy. Pure: takes the file's
 * text and name, returns the topics or every problem found, each with its line.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A curated topic as written in topics.yaml. */
export interface TopicDefinition {
	slug: string;
	name: string;
	description: string;
	/** Phrases that are decisive evidence on their own (weight 2). */
	strong: string[];
	/** Phrases that indicate the topic (weight 1). */
	terms: string[];
	/** Phrases that count against the topic (weight -1.5), e.g. "speech act" for speech. */
	negative: string[];
	/** arXiv categories whose papers belong here (`cs.CL`, or a prefix like `q-bio`). */
	categories: string[];
	/** The one topic for papers that fit nothing else. */
	catchAll: boolean;
	/** A kind of paper (surveys) rather than a subject: kept whenever it passes the threshold. */
	genre: boolean;
	/**
	 * The topic's former slugs, after a rename: their pages send readers on and their feeds go on
	 * (`/topics/<old>/rss.xml` carries the topic's items), so links and subscriptions keep working.
	 */
	formerly: string[];
	/** 1-based line of the topic in the file, for messages. */
	line: number;
}

/** A problem in topics.yaml, with its place. */
export interface TopicsProblem {
	file: string;
	line: number;
	message: string;
	hint?: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const LISTS = ['strong', 'terms', 'negative', 'categories', 'formerly'] as const;
const KNOWN = new Set(['slug', 'name', 'description', 'catchAll', 'genre', ...LISTS]);

/** Parses and validates topics.yaml; `topics` is empty whenever `problems` is not. */
export function readTopicsYaml(
	text: string,
	file: string,
): { topics: TopicDefinition[]; problems: TopicsProblem[] } {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
	const problems: TopicsProblem[] = [];
	const lineOf = (node: Node | null | undefined): number =>
		node?.range ? counter.linePos(node.range[0]).line : 1;
	const fail = (line: number, message: string, hint?: string) =>
		problems.push({ file, line, message, hint });
	for (const e of doc.errors) fail(counter.linePos(e.pos[0]).line, e.message.split('\n')[0]!);
	if (problems.length > 0) return { topics: [], problems };

	const list = isMap(doc.contents) ? doc.contents.get('topics', true) : undefined;
	if (!isSeq(list)) {
		fail(
			lineOf(doc.contents),
			'expected a top-level `topics:` list',
			'see the comment at the top of the file',
		);
		return { topics: [], problems };
	}
	const topics: TopicDefinition[] = [];
	const seen = new Map<string, number>();
	for (const item of list.items) {
		const line = lineOf(item as Node);
		if (!isMap(item)) {
			fail(line, 'each topic must be a mapping with slug, name, description and terms');
			continue;
		}
		const raw = item.toJSON() as Record<string, unknown>;
		for (const key of Object.keys(raw))
			if (!KNOWN.has(key))
				fail(
					lineOf(item.get(key, true) as Node),
					`unknown field "${key}"`,
					`known fields: ${[...KNOWN].join(', ')}`,
				);
		const str = (key: string): string => {
			const v = raw[key];
			if (typeof v === 'string' && v.trim()) return v.trim();
			fail(line, `topic is missing "${key}" (a non-empty string)`);
			return '';
		};
		const slug = str('slug');
		const name = str('name');
		const description = str('description');
		if (slug && !SLUG.test(slug))
			fail(line, `slug "${slug}" is not lower-case letters, digits and hyphens`);
		if (slug && seen.has(slug))
			fail(line, `duplicate slug "${slug}" (first on line ${seen.get(slug)})`);
		seen.set(slug, line);
		const lists = {} as Record<(typeof LISTS)[number], string[]>;
		for (const key of LISTS) {
			const v = raw[key] ?? [];
			const ok = Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim());
			if (!ok)
				fail(
					lineOf(item.get(key, true) as Node) || line,
					`"${key}" must be a list of non-empty strings`,
				);
			lists[key] = ok ? (v as string[]).map((x) => x.trim()) : [];
		}
		const catchAll = raw.catchAll === true;
		const genre = raw.genre === true;
		for (const key of ['catchAll', 'genre'])
			if (raw[key] !== undefined && typeof raw[key] !== 'boolean')
				fail(line, `"${key}" must be true or false`);
		if (!catchAll && lists.strong.length + lists.terms.length + lists.categories.length === 0)
			fail(
				line,
				`topic "${slug}" has no strong terms, terms or categories`,
				'a topic nothing can match would stay empty',
			);
		for (const old of lists.formerly) {
			if (!SLUG.test(old))
				fail(line, `former slug "${old}" is not lower-case letters, digits and hyphens`);
			else if (old === slug) fail(line, `"${slug}" is both the topic's slug and a former one`);
		}
		topics.push({ slug, name, description, ...lists, catchAll, genre, line });
	}
	// A former slug is an address that redirects: it cannot be a topic's too, nor redirect twice.
	const owners = new Map(topics.map((t) => [t.slug, `is the slug of the topic on line ${t.line}`]));
	for (const t of topics)
		for (const old of t.formerly) {
			const owner = owners.get(old);
			if (owner) fail(t.line, `former slug "${old}" ${owner}`);
			owners.set(old, `is already a former slug of the topic on line ${t.line}`);
		}
	const catchAlls = topics.filter((t) => t.catchAll);
	if (catchAlls.length !== 1)
		fail(
			catchAlls[1]?.line ?? lineOf(list),
			`expected exactly one topic with "catchAll: true", found ${catchAlls.length}`,
		);
	return problems.length > 0 ? { topics: [], problems } : { topics, problems };
}
