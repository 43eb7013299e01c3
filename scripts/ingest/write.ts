/**
 * The only stage that touches the filesystem. Writes the generated entries so that a run
 * either replaces the folder whole or changes nothing:
 *  - unchanged inputs write no file (contents compared first);
 *  - otherwise a complete new folder is assembled beside the old one (unchanged files
 *    hard-linked, so they keep their bytes and mtime), then swapped in with two renames.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { copyFile, link, readFile, stat, writeFile } from 'node:fs/promises';
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

/** Files written or compared at once: the kernel work of many small files runs on libuv's threads. */
const CONCURRENCY = 8;

/** Runs `task` over `items` with at most CONCURRENCY at once. */
async function pool<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const runner = async (): Promise<void> => {
		while (next < items.length) await task(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, runner));
}

/** Whether `file` already holds exactly `text` (sizes first, so most changes cost no read). */
async function sameContent(file: string, text: string): Promise<boolean> {
	try {
		if ((await stat(file)).size !== Buffer.byteLength(text)) return false;
		return (await readFile(file, 'utf8')) === text;
	} catch {
		return false;
	}
}

/** Makes `dir` contain exactly `files` (name → contents), atomically per run. */
export async function writeFolder(dir: string, files: Map<string, string>): Promise<WriteSummary> {
	const existingNames = existsSync(dir) ? new Set(readdirSync(dir)) : new Set<string>();
	const unchangedNames = new Set<string>();
	await pool(
		[...files].filter(([name]) => existingNames.has(name)),
		async ([name, text]) => {
			if (await sameContent(join(dir, name), text)) unchangedNames.add(name);
		},
	);
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
	await pool([...files], async ([name, text]) => {
		if (unchangedNames.has(name)) {
			try {
				await link(join(dir, name), join(staging, name));
			} catch {
				await copyFile(join(dir, name), join(staging, name));
			}
		} else await writeFile(join(staging, name), text);
	});
	if (existsSync(dir)) renameSync(dir, old);
	renameSync(staging, dir);
	rmSync(old, { recursive: true, force: true });
	return { written, unchanged, removed };
}
