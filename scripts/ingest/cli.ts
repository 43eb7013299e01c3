/**
 * The ingest's command line: its options, its usage text, and what a mistyped command gets.
 * Pure, so that the messages are tested without starting the ingest.
 */
import { parseArgs } from 'node:util';
import { SOURCES_FOLDER } from './sources-folder.ts';

/** The options of `node scripts/ingest.ts`, with their defaults. */
export interface IngestCliOptions {
	sources: string;
	out: string;
	topics: string;
	quiet: boolean;
}

/** What the command line asks for: a run, the usage, or nothing (a mistake, with its message). */
export type IngestCli =
	| { kind: 'run'; options: IngestCliOptions }
	| { kind: 'help' }
	| { kind: 'error'; message: string };

/** The defaults of the options: the usage text and the parser both read them. */
const DEFAULTS = {
	sources: SOURCES_FOLDER,
	out: 'content/papers',
	topics: 'content/topics.yaml',
} as const;

/** The usage printed by `--help`. */
export const USAGE = `Usage: npm run ingest -- [options]   (or, with the pinned Node: npx node scripts/ingest.ts [options])

Reads the source files (trending pages .txt, arXiv JSON Lines .jsonl or .json) and writes one MDX
entry per paper. On bad input every problem is printed with file and line, nothing is
written, and the exit code is 1.

Options:
  --sources DIR   folder of source files, subfolders included (default: ${DEFAULTS.sources})
  --out DIR       folder the entries are written to, replaced whole (default: ${DEFAULTS.out})
                  (never the sources folder, one around it, or one holding other files)
  --topics FILE   the topic taxonomy (default: ${DEFAULTS.topics})
  --quiet         print no summary, only problems
  -h, --help      print this help and exit
`;

/** Hint printed under a command-line mistake. */
export const USAGE_HINT = 'run `npm run ingest -- --help` for the options';

/**
 * Reads the ingest's arguments. parseArgs throws on an unknown option, a missing value or a
 * stray argument; the operator gets one line saying which, not Node's stack trace.
 */
export function parseIngestArgs(args: readonly string[]): IngestCli {
	let values;
	try {
		({ values } = parseArgs({
			args: [...args],
			options: {
				sources: { type: 'string', default: DEFAULTS.sources },
				out: { type: 'string', default: DEFAULTS.out },
				topics: { type: 'string', default: DEFAULTS.topics },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}));
	} catch (e) {
		return { kind: 'error', message: argumentMistake(e as Error & { code?: string }) };
	}
	if (values.help) return { kind: 'help' };
	const { sources, out, topics, quiet } = values;
	return { kind: 'run', options: { sources, out, topics, quiet } };
}

/** Node's parseArgs messages run to several sentences of advice on `--`: only the first is kept. */
export function argumentMistake(e: Error & { code?: string }): string {
	const quoted = /'([^']*)'/.exec(e.message)?.[1];
	if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
	if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted)
		return `unexpected argument ${quoted}`;
	const first = (e.message.split(/(?<=\.) /)[0] ?? e.message).replace(/\.$/, '');
	return first.charAt(0).toLowerCase() + first.slice(1);
}

/** What the ingest itself writes into `--out`: anything else there was put by someone else. */
const GENERATED = /^(?:[^/]+\.mdx|_topics\.json|_redirects\.json)$/;

/**
 * Why `--out` must not be used, if it must not: the output folder is replaced whole, so it may
 * not be, hold or sit inside the sources (`--out content` deleted content/sources/ and exited
 * 0), hold the topics file, or hold files the ingest did not write (someone's notes would be
 * deleted with it). `outEntries` are the names in the existing output folder (none if missing);
 * the paths are absolute and resolved through links where they exist.
 */
export function outFolderProblem(
	paths: { out: string; sources: string; topics: string },
	outEntries: readonly string[],
): string | undefined {
	const inside = (child: string, parent: string): boolean =>
		child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
	if (inside(paths.sources, paths.out))
		return paths.sources === paths.out
			? 'is the sources folder: the output folder is replaced whole, the sources would be deleted'
			: 'holds the sources folder: the output folder is replaced whole, the sources would be deleted';
	if (inside(paths.out, paths.sources))
		return 'is inside the sources folder: the entries would be read as sources next time';
	if (inside(paths.topics, paths.out))
		return 'holds the topics file: the output folder is replaced whole, it would be deleted';
	// Dot files (`.DS_Store`, which Finder leaves in any folder it shows) go with the folder.
	const foreign = outEntries.filter((n) => !n.startsWith('.') && !GENERATED.test(n)).sort();
	if (foreign.length === 0) return undefined;
	const named = foreign.slice(0, 3).join(', ');
	const more = foreign.length > 3 ? `, and ${foreign.length - 3} more` : '';
	return `holds files the ingest did not write (${named}${more}): the output folder is replaced whole, they would be deleted`;
}
