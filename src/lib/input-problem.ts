/**
 * The error for input the ingest cannot take. It lives here, not with the ingest, because the
 * LaTeX prose reader (latex-prose.ts) throws it and the site reads titles through that reader too.
 */

/**
 * Thrown for input the ingest cannot take (a limit it exceeds): where records are prepared it
 * becomes a Problem at the record's place, with its hint.
 */
export class InputProblem extends Error {
	/** How to fix it. */
	readonly hint?: string;

	constructor(message: string, hint?: string) {
		super(message);
		this.name = 'InputProblem';
		this.hint = hint;
	}
}
