/**
 * The DOIs of a paper. arXiv's `doi` field holds one DOI, or several separated by spaces when
 * a paper has more than one published version (an article and its erratum, say); as one
 * string they make a link that resolves nowhere and a `doi` field no reference manager reads.
 */

/** The DOIs of a `doi` field, in order and without repeats; none when the field is absent. */
export function splitDois(field: string | undefined): string[] {
	// A DOI never holds whitespace (the DOI handbook requires it to be encoded).
	return [...new Set((field ?? '').split(/\s+/).filter(Boolean))];
}
