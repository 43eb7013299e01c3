import type { ParseResult, SourceFile } from '../types.ts';
import { parseArxivJsonl } from './arxiv-jsonl.ts';
import { checkUtf8, decodeChecked } from './decode.ts';
import { parseTrendingPage } from './trending.ts';

/**
 * Input formats by file extension. Anything else is an error, never skipped silently. JSON
 * Lines are read from the checked bytes line by line (see forEachLine), the rest from the text.
 */
const PARSERS: Record<string, (file: string, bytes: Uint8Array) => ParseResult> = {
	'.txt': (file, bytes) => parseTrendingPage(file, decodeChecked(bytes)),
	'.jsonl': parseArxivJsonl,
};

/** Extensions accepted in `content/sources/`. */
export const SOURCE_EXTENSIONS = Object.keys(PARSERS);

/** Decodes and parses one source file with the parser for its format. */
export function parseSource(source: SourceFile): ParseResult {
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
					hint: `use ${SOURCE_EXTENSIONS.join(' or ')}, or move the file out of content/sources/`,
				},
			],
		};
	}
	const { bytes, error } = checkUtf8(source.name, source.bytes);
	if (error) return { records: [], errors: [error], warnings: [] };
	return parser(source.name, bytes!);
}
