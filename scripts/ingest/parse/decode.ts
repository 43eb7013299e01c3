import { isUtf8 } from 'node:buffer';
import type { Problem } from '../types.ts';

const DECODER = new TextDecoder('utf-8', { fatal: true });
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Checks a source file's bytes strictly as UTF-8 and returns them without a leading BOM (up to
 * two: TextDecoder drops one and a second was always dropped by hand), or a problem: invalid
 * bytes are reported with the first line that holds them (replacing them silently would lose
 * text), and a file of nothing but white space is reported as empty. isUtf8 is SIMD-fast, so
 * valid input costs little.
 */
export function checkUtf8(
	file: string,
	bytes: Uint8Array,
): { bytes?: Uint8Array; error?: Problem } {
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
	let body = bytes;
	for (let n = 0; n < 2 && BOM.every((b, i) => body[i] === b); n++) body = body.subarray(3);
	if (isBlank(body))
		return {
			error: { file, line: 0, message: 'file is empty', hint: 'add papers to it or remove it' },
		};
	return { bytes: body };
}

/** Decodes bytes that checkUtf8 accepted. */
export function decodeChecked(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Whether the text is only white space (as `String.prototype.trim` sees it). ASCII bytes are
 * looked at directly; from the first other byte on the rest is decoded, since Unicode has
 * white space outside ASCII (no-break space, line separator, …).
 */
function isBlank(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
		if (b < 0x80) return false;
		return decodeChecked(bytes.subarray(i)).trim() === '';
	}
	return true;
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
