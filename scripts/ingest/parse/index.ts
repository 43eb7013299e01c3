import type { ParseResult, Problem, SourceFile } from '../types.ts';
import { parseArxivJsonl } from './arxiv-jsonl.ts';
import { checkUtf8, decodeChecked } from './decode.ts';
import { parseTrendingPage } from './trending.ts';
import { inSourcesFolder, SOURCES_FOLDER } from '../sources-folder.ts';

/**
 * Input formats by file extension. Anything else is an error, never skipped silently. JSON
 * Lines are read from the checked bytes line by line (see forEachLine), the rest from the text.
 */
const PARSERS: Record<string, (file: string, bytes: Uint8Array) => ParseResult> = {
	'.txt': (file, bytes) => parseTrendingPage(file, decodeChecked(bytes)),
	'.jsonl': (file, bytes) => notJsonLines(file, bytes) ?? parseArxivJsonl(file, bytes),
	// arXiv's own snapshot is JSON Lines named `.json` (arxiv-metadata-oai-snapshot.json).
	'.json': (file, bytes) => notJsonLines(file, bytes) ?? parseArxivJsonl(file, bytes),
};

/**
 * A file that is one JSON document (an array) or pretty-printed JSON (`jq .` without `-c`:
 * objects over several lines) rather than one record per line: one error for the file, not one
 * per line of it (a pretty-printed dump of 854 records gave 40,683).
 */
function notJsonLines(file: string, bytes: Uint8Array): ParseResult | undefined {
	const head = new TextDecoder().decode(bytes.subarray(0, 65_536)).split('\n');
	const at = head.findIndex((l) => l.trim() !== '');
	const first = at < 0 ? undefined : /^\s*(?:(\[)|\{\s*$)/.exec(head[at]!);
	if (!first) return undefined;
	const error: Problem = {
		file,
		line: at + 1,
		message: first[1]
			? 'a JSON array, not JSON Lines: the arXiv metadata format has one record per line'
			: 'pretty-printed JSON ("{" alone on a line), not JSON Lines: the arXiv metadata format has one record per line',
		hint: first[1]
			? "write one JSON object per line: `jq -c '.[]' FILE`"
			: 'write one JSON object per line: `jq -c . FILE` (jq without -c spreads each record over many lines)',
	};
	return { records: [], warnings: [], errors: [error] };
}

/** Extensions accepted in the sources folder. */
export const SOURCE_EXTENSIONS = Object.keys(PARSERS);

/**
 * Decodes and parses one source file with the parser for its format. `folder` is the sources
 * folder as messages name it (`--sources`, relative to the working folder).
 */
export function parseSource(source: SourceFile, folder = SOURCES_FOLDER): ParseResult {
	const ext = /\.[^.]+$/.exec(source.name)?.[0]?.toLowerCase() ?? '';
	const parser = PARSERS[ext];
	if (!parser) {
		return {
			records: [],
			warnings: [],
			errors: [
				{
					file: source.name,
					line: 0,
					message: `unknown source format "${ext || source.name}"`,
					hint: `use ${SOURCE_EXTENSIONS.join(' or ')}, or move the file out of ${inSourcesFolder('', folder)}`,
				},
			],
		};
	}
	const { bytes, error } = checkUtf8(source.name, source.bytes);
	if (error) return { records: [], errors: [error], warnings: [] };
	return parser(source.name, bytes!);
}
