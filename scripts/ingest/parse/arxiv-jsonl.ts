import type { ParseResult, Problem, RawRecord } from '../types.ts';

/** Fields of the arXiv metadata snapshot that we read. Others (`versions`, …) are ignored. */
interface ArxivRecord {
	id?: unknown;
	title?: unknown;
	abstract?: unknown;
	authors?: unknown;
	categories?: unknown;
	update_date?: unknown;
	doi?: unknown;
	'journal-ref'?: unknown;
	comments?: unknown;
}

const str = (v: unknown): string | undefined =>
	typeof v === 'string' && v.trim() !== '' ? v : undefined;

/**
 * Parses JSON Lines in the arXiv metadata snapshot format: one record per line. Every bad
 * line is reported (invalid JSON, not an object, no title or abstract, bad date); blank lines
 * are allowed. The listing date is `update_date`; rank is the record's order in the file.
 */
export function parseArxivJsonl(file: string, text: string): ParseResult {
	const records: RawRecord[] = [];
	const errors: Problem[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!.trim();
		if (raw === '') continue;
		const line = i + 1;
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch (e) {
			errors.push({
				file,
				line,
				message: `invalid JSON: ${(e as Error).message}`,
				hint: 'each line must be one JSON object',
			});
			continue;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			errors.push({
				file,
				line,
				message: 'line is not a JSON object',
				hint: 'each line must be one arXiv metadata record',
			});
			continue;
		}
		const rec = value as ArxivRecord;
		const title = str(rec.title);
		const abstract = str(rec.abstract);
		const missing = [!title && 'title', !abstract && 'abstract'].filter(Boolean);
		if (missing.length > 0) {
			errors.push({
				file,
				line,
				message: `record without ${missing.join(' or ')}`,
				hint: 'every record needs "title" and "abstract"',
			});
			continue;
		}
		const date = str(rec.update_date);
		if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
			errors.push({
				file,
				line,
				message: `missing or invalid "update_date": ${JSON.stringify(rec.update_date)}`,
				hint: 'use YYYY-MM-DD',
			});
			continue;
		}
		records.push({
			title: title!,
			abstract: abstract!,
			source: { file, line },
			date,
			rank: records.length + 1,
			arxivId: str(rec.id),
			authors: str(rec.authors),
			categories: str(rec.categories),
			doi: str(rec.doi),
			journalRef: str(rec['journal-ref']),
			comments: str(rec.comments),
		});
	}
	return { records, errors, warnings: [] };
}
