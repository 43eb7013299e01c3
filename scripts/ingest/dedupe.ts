/**
 * Duplicates: the same paper in two sources (same arXiv id, or same title and abstract)
 * becomes one paper that records both sources. Different papers with the same title stay apart.
 */
import type { RawRecord } from './types.ts';
import { hash } from 'node:crypto';
import { arxivSlug } from './slug.ts';

/** A paper made of one or more records of it, the first being the primary one. */
export interface MergedRecord {
	primary: RawRecord;
	records: RawRecord[];
}

/**
 * Text identity for duplicate detection: title and abstract lowercased with whitespace and ASCII
 * punctuation removed (so wrapping and spacing differences don't matter), hashed to keep the
 * map small at 100,000 papers.
 */
export function textKey(r: RawRecord): string {
	return hash('sha1', `${squash(r.title)}\u0000${squash(r.abstract)}`, 'base64');
}

/** Printable ASCII and whitespace: no NFKC change, no context-dependent lowercasing. */
const ASCII = /^[\t\n\r -~]*$/;
const SQUASHED = /[\s!-/:-@[-`{-~]+/g;

/** Lowercased, whitespace and ASCII punctuation removed (NFKC first). */
function squash(s: string): string {
	// ASCII: removing before lowercasing gives the same string and is several times faster.
	if (ASCII.test(s)) return s.replace(SQUASHED, '').toLowerCase();
	return s.normalize('NFKC').toLowerCase().replace(SQUASHED, '');
}

/** Merges duplicate records, keeping first-seen order. */
export function mergeDuplicates(records: RawRecord[]): {
	merged: MergedRecord[];
	duplicates: number;
} {
	const byKey = new Map<string, MergedRecord>();
	const merged: MergedRecord[] = [];
	let duplicates = 0;
	for (const r of records) {
		const keys = [textKey(r), ...(r.arxivId ? [`arxiv:${arxivSlug(r.arxivId)}`] : [])];
		const existing = keys.map((k) => byKey.get(k)).find(Boolean);
		if (existing) {
			existing.records.push(r);
			duplicates++;
			keys.forEach((k) => byKey.set(k, existing));
			continue;
		}
		const m = { primary: r, records: [r] };
		merged.push(m);
		keys.forEach((k) => byKey.set(k, m));
	}
	return { merged, duplicates };
}

/** The first defined value of a field across a paper's records (metadata from any source fills gaps). */
export function firstOf<K extends keyof RawRecord>(
	m: MergedRecord,
	key: K,
): RawRecord[K] | undefined {
	return m.records.map((r) => r[key]).find((v) => v !== undefined);
}
