/** Plain data that crosses the ingest's stage boundaries. */
import type { SourceRef } from '../../src/schemas/paper.ts';

/** A problem with the input, reported with its place. Errors fail the run; warnings do not. */
export interface Problem {
	/** File name relative to `content/sources/`. */
	file: string;
	/** 1-based line, or 0 when the problem concerns the whole file. */
	line: number;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint?: string;
}

/** A source file read from disk: its name and raw bytes. */
export interface SourceFile {
	/** File name relative to `content/sources/`. */
	name: string;
	/** Raw bytes (decoded by the parser, which reports invalid UTF-8). */
	bytes: Uint8Array;
}

/** One paper as parsed, before normalisation. */
export interface RawRecord {
	title: string;
	abstract: string;
	source: SourceRef;
	/** Listing date, `YYYY-MM-DD`. */
	date: string;
	/**
	 * Whether `date` is the day a listing (trending page) showed the paper, rather than an arXiv
	 * record's `update_date`: a paper both list is dated by its listing (see buildFromPrepared).
	 */
	listed?: boolean;
	/** 1-based position on its listing. */
	rank: number;
	arxivId?: string;
	authors?: string;
	categories?: string;
	doi?: string;
	journalRef?: string;
	comments?: string;
	/** Day its arXiv v1 was submitted (`versions`), `YYYY-MM-DD`. */
	submitted?: string;
	/** Day of its latest arXiv version, when there are several. */
	revised?: string;
	/** Number of that latest version (2 for v2). */
	version?: number;
}

/** What a parser returns for one file. */
export interface ParseResult {
	records: RawRecord[];
	errors: Problem[];
	warnings: Problem[];
}

/** See src/lib/input-problem.ts (shared with the LaTeX prose reader the site uses too). */
export { InputProblem } from '../../src/lib/input-problem.ts';
