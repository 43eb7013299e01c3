/**
 * The sources folder as messages name it: the one given with `--sources`, so that a place
 * printed is one the operator can open, and the default where none is given.
 */

/** Where source files are read from unless `--sources` says otherwise. */
export const SOURCES_FOLDER = 'content/sources';

/** `file` (relative to the sources folder) as the operator reaches it: `content/sources/a.jsonl`. */
export function inSourcesFolder(file: string, folder: string = SOURCES_FOLDER): string {
	return `${folder.replace(/\/+$/, '')}/${file}`;
}
