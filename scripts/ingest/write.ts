/**
 * The only stage that touches the filesystem. Writes the generated entries so that a run
 * either replaces the folder whole or changes nothing:
 *  - unchanged inputs write no file (contents compared first);
 *  - otherwise a complete new folder is assembled beside the old one (unchanged files
 *    hard-linked, so they keep their bytes and mtime), then swapped in with two renames.
 */
import {
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

/** Reads every file of a folder (non-recursive) into a name → contents map. */
export function readFolder(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir).sort())
		files.set(name, readFileSync(join(dir, name), 'utf8'));
	return files;
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

/** Makes `dir` contain exactly `files` (name → contents), atomically per run. */
export function writeFolder(dir: string, files: Map<string, string>): WriteSummary {
	const existing = readFolder(dir);
	let written = 0;
	let unchanged = 0;
	for (const [name, text] of files) {
		if (existing.get(name) === text) unchanged++;
		else written++;
	}
	const removed = [...existing.keys()].filter((name) => !files.has(name)).length;
	if (written === 0 && removed === 0) return { written, unchanged, removed };

	const parent = dirname(dir);
	const staging = join(parent, `.${basename(dir)}.staging`);
	const old = join(parent, `.${basename(dir)}.old`);
	rmSync(staging, { recursive: true, force: true });
	rmSync(old, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	for (const [name, text] of files) {
		if (existing.get(name) === text) {
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
