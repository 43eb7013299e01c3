/**
 * Whether an author is a group, not a person: one test for every citation format, which each
 * name a group differently (BibTeX braces it whole, JSON-LD types it as an Organization).
 */

/**
 * An author that is a group, not a person (`Tongyi DeepResearch Team`, `The ATLAS
 * Collaboration`, `Mistral AI`): read as a person, BibTeX took the last word for the surname and
 * abbreviated the rest (`T. D. Team`), and JSON-LD called the team a Person.
 */
const GROUP =
	/\s(?:Team|Collaboration|Consortium|Group|Labs?|Laborator(?:y|ies)|Project|Initiative|Contributors|Community|Committee|Alliance|Foundation|Institute|Organi[sz]ation|Society|Association|Network|AI|Inc\.?|Ltd\.?|LLC)$/;

/** Whether an author name is a group's (see GROUP). */
export function isGroupAuthor(name: string): boolean {
	return GROUP.test(name.trim());
}
