import type { Problem } from '../types.ts';

const DECODER = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a source file strictly as UTF-8 (a leading BOM is dropped). Returns the text, or a
 * problem naming the first line with invalid bytes: replacing them silently would lose text.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; error?: Problem } {
	let text: string;
	try {
		text = DECODER.decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return {
			error: {
				file,
				line: firstBadLine(bytes),
				message: 'file is not valid UTF-8',
				hint: 'save the file as UTF-8',
			},
		};
	}
	if (text.trim() === '')
		return {
			error: { file, line: 0, message: 'file is empty', hint: 'add papers to it or remove it' },
		};
	return { text };
}

/** 1-based number of the first line that does not decode (UTF-8 never splits a character across `\n`). */
function firstBadLine(bytes: Uint8Array): number {
	let start = 0;
	let line = 1;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 0x0a) {
			try {
				DECODER.decode(bytes.subarray(start, i));
			} catch {
				return line;
			}
			start = i + 1;
			line++;
		}
	}
	return 0;
}
