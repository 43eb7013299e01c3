import { isUtf8 } from 'node:buffer';
import type { Problem } from '../types.ts';

const DECODER = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a source file strictly as UTF-8 (a leading BOM is dropped). Returns the text, or a
 * problem naming the first line with invalid bytes: replacing them silently would lose text.
 * Validity is checked first (isUtf8 is SIMD-fast), so valid input is decoded without the strict
 * decoder's slower path.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; error?: Problem } {
	if (!isUtf8(bytes)) {
		return {
			error: {
				file,
				line: firstBadLine(bytes),
				message: 'file is not valid UTF-8',
				hint: 'save the file as UTF-8',
			},
		};
	}
	let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	// TextDecoder drops one BOM and a second one was dropped by hand: same here.
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
