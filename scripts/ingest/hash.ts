import { createHash } from 'node:crypto';

/** Short, stable hex digest of a string (sha256 prefix). */
export function shortHash(s: string, length = 6): string {
	return createHash('sha256').update(s).digest('hex').slice(0, length);
}
