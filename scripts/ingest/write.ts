/**
 * The only stage that touches the filesystem. Writes the generated entries so that a run
 * either replaces the folder whole or changes nothing:
 *  - unchanged inputs write no file (contents compared first);
 *  - otherwise a complete new folder is assembled beside the old one (unchanged files
 *    hard-linked, so they keep their bytes and mtime), then swapped in with two renames.
 */
import {
	statSync,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
	copyFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What a write changed. */
export interface WriteSummary {
	written: number;
	unchanged: number;
	removed: number;
}

/** Lists a folder's files with their raw bytes, sorted by name; missing folder → empty. */
export function readSourceFiles(dir: string): Array<{ name: string; bytes: Uint8Array }> {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isFile() && !d.name.startsWith('.'))
		.map((d) => d.name)
		.sort()
		.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Whether `file` already holds exactly `text` (sizes first, so most changes cost no read). */
function sameContent(file: string, text: string): boolean {
	try {
		if (statSync(file).size !== Buffer.byteLength(text)) return false;
		return readFileSync(file, 'utf8') === text;
	} catch {
		return false;
	}
}

/** Makes `dir` contain exactly `files` (name → contents), atomically per run. */
export function writeFolder(dir: string, files: Map<string, string>): WriteSummary {
	const existingNames = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
	const unchangedNames = new Set<string>();
	for (const [name, text] of files) {
		if (existingNames.has(name) && sameContent(join(dir, name), text)) unchangedNames.add(name);
	}
	const unchanged = unchangedNames.size;
	const written = files.size - unchanged;
	const removed = [...existingNames].filter((name) => !files.has(name)).length;
	if (written === 0 && removed === 0) return { written, unchanged, removed };

	const parent = dirname(dir);
	const staging = join(parent, `.${basename(dir)}.staging`);
	const old = join(parent, `.${basename(dir)}.old`);
	rmSync(staging, { recursive: true, force: true });
	rmSync(old, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	for (const [name, text] of files) {
		if (unchangedNames.has(name)) {
			try {
				linkSync(join(dir, name), join(staging, name));
			} catch {
				copyFileSync(join(dir, name), join(staging, name));
			}
		} else writeFileSync(join(staging, name), text);
	}
	if (existsSync(dir)) renameSync(dir, old);
	renameSync(staging, dir);
	rmSync(old, { recursive: true, force: true });
	return { written, unchanged, removed };
}
