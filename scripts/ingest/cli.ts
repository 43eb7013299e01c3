/**
 * The ingest's command line: its options, its usage text, and what a mistyped command gets.
 * Pure, so that the messages are tested without starting the ingest.
 */
import { parseArgs } from 'node:util';

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
	sources: 'content/sources',
	out: 'content/papers',
	topics: 'content/topics.yaml',
} as const;

/** The usage printed by `--help`. */
export const USAGE = `Usage: node scripts/ingest.ts [options]   (or: npm run ingest -- [options])

Reads the source files (trending pages .txt, arXiv JSON Lines .jsonl) and writes one MDX
entry per paper. On bad input every problem is printed with file and line, nothing is
written, and the exit code is 1.

Options:
  --sources DIR   folder of source files, subfolders included (default: ${DEFAULTS.sources})
  --out DIR       folder the entries are written to, replaced whole (default: ${DEFAULTS.out})
  --topics FILE   the topic taxonomy (default: ${DEFAULTS.topics})
  --quiet         print no summary, only problems
  -h, --help      print this help and exit
`;

/** Hint printed under a command-line mistake. */
export const USAGE_HINT = 'run `node scripts/ingest.ts --help` for the options';

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
function argumentMistake(e: Error & { code?: string }): string {
	const quoted = /'([^']*)'/.exec(e.message)?.[1];
	if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
	if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted)
		return `unexpected argument ${quoted}`;
	const first = (e.message.split(/(?<=\.) /)[0] ?? e.message).replace(/\.$/, '');
	return first.charAt(0).toLowerCase() + first.slice(1);
}
