/**
 * The only stage that touches the filesystem. Writes the generated entries so that a run
 * either replaces the folder whole or changes nothing:
 *  - unchanged inputs write no file (contents compared first);
 *  - otherwise a complete new folder is assembled beside the old one (unchanged files
 *    hard-linked, so they keep their bytes and mtime), then swapped in with two renames.
 * Entries can be handed over one by one as they are rendered (`FolderWriter`), so that on big
 * corpora a worker thread writes while the ingest still renders (write-worker.ts).
 */
import {
	statSync,
	type Stats,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	realpathSync,
	renameSync,
	rmSync,
	writeFileSync,
	copyFileSync,
	cpSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Problem } from './types.ts';

/** A source file that cannot be read, as a problem at its place (`file` relative to the folder). */
export class SourceReadError extends Error {
	readonly problem: Problem;

	constructor(problem: Problem, cause: unknown) {
		super(`${problem.file}: ${problem.message}; ${problem.hint}`, { cause });
		this.name = 'SourceReadError';
		this.problem = problem;
	}
}

/** What a write changed. */
export interface WriteSummary {
	written: number;
	unchanged: number;
	removed: number;
}

/**
 * The source files under a folder with their raw bytes, sorted by name; missing folder → empty.
 * Subfolders are read too (names are then paths relative to `dir`, with `/`), and symbolic
 * links followed: a file that is not read would be dropped without a word. Names starting with
 * `.` (`.DS_Store`, `.gitkeep`, editor files) are skipped, as the README says. A file too large
 * to read whole throws an Error naming it.
 */
export function readSourceFiles(dir: string): Array<{ name: string; bytes: Uint8Array }> {
	if (!existsSync(dir)) return [];
	return listSourceNames(dir, '', new Set())
		.sort()
		.map((name) => ({ name, bytes: readSource(join(dir, name), name) }));
}

/** Names of the files below `dir/prefix`, not entering a folder twice (links may loop). */
function listSourceNames(dir: string, prefix: string, seen: Set<string>): string[] {
	const here = join(dir, prefix);
	const real = realpathSync(here);
	if (seen.has(real)) return [];
	seen.add(real);
	return readdirSync(here)
		.filter((name) => !name.startsWith('.'))
		.flatMap((name) => {
			const rel = prefix ? `${prefix}/${name}` : name;
			return statOf(join(dir, rel), rel).isDirectory() ? listSourceNames(dir, rel, seen) : [rel];
		});
}

/** `statSync`, with a link to nothing named as such (Node says only "ENOENT … stat"). */
function statOf(path: string, name: string): Stats {
	try {
		return statSync(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT')
			throw new SourceReadError(
				{
					file: name,
					line: 0,
					message: `a symbolic link to nothing (${readlinkSync(path)})`,
					hint: 'remove the link, or restore its target',
				},
				e,
			);
		throw e;
	}
}

function readSource(path: string, name: string): Uint8Array {
	try {
		return readFileSync(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ERR_FS_FILE_TOO_LARGE')
			throw new SourceReadError(
				{
					file: name,
					line: 0,
					message: `the file is too large to read (${(statSync(path).size / 2 ** 30).toFixed(1)} GiB, at most 2 GiB)`,
					hint: 'split it into several files',
				},
				e,
			);
		throw e;
	}
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

/**
 * Makes a folder contain exactly the files added to it, and the dot files it held (`.gitkeep`,
 * an editor's notes: the CLI lets them be, and the swap deleted them), atomically: nothing in
 * the folder changes before `finish()`, and `abort()` leaves it as it was. The staging folder
 * beside it is only made once the first file differs, so a run that changes nothing writes
 * nothing.
 */
export class FolderWriter {
	private readonly existing: Set<string>;
	private readonly dotFiles: string[];
	private readonly added = new Set<string>();
	/** Unchanged files seen before the staging folder existed: linked when it is made. */
	private readonly pending: string[] = [];
	private staging: string | undefined;
	private written = 0;
	private unchanged = 0;
	private readonly dir: string;

	/** Starts a run that will replace `dir` (made if missing). */
	constructor(dir: string) {
		this.dir = dir;
		const names = existsSync(dir) ? readdirSync(dir) : [];
		this.existing = new Set(names.filter((n) => !n.startsWith('.')));
		this.dotFiles = names.filter((n) => n.startsWith('.'));
	}

	/** Adds one file of the new folder. A name may be added once. */
	add(name: string, text: string): void {
		if (this.added.has(name)) throw new Error(`${name}: added twice`);
		this.added.add(name);
		if (this.existing.has(name) && sameContent(join(this.dir, name), text)) {
			this.unchanged++;
			if (this.staging) this.keep(name);
			else this.pending.push(name);
			return;
		}
		this.written++;
		writeFileSync(join(this.stage(), name), text);
	}

	/** Swaps the new folder in (when anything changed) and says what changed. */
	finish(): WriteSummary {
		let removed = 0;
		for (const name of this.existing) if (!this.added.has(name)) removed++;
		const summary = { written: this.written, unchanged: this.unchanged, removed };
		if (!this.staging && removed === 0) return summary;
		const staging = this.stage();
		for (const name of this.dotFiles)
			if (statSync(join(this.dir, name)).isDirectory())
				cpSync(join(this.dir, name), join(staging, name), { recursive: true });
			else this.keep(name);
		const old = join(dirname(this.dir), `.${basename(this.dir)}.old`);
		rmSync(old, { recursive: true, force: true });
		if (existsSync(this.dir)) renameSync(this.dir, old);
		renameSync(staging, this.dir);
		rmSync(old, { recursive: true, force: true });
		this.staging = undefined;
		return summary;
	}

	/** Drops whatever was staged: the folder stays as it was. */
	abort(): void {
		if (this.staging) rmSync(this.staging, { recursive: true, force: true });
		this.staging = undefined;
	}

	/** The staging folder, made (with the unchanged files seen so far) on first use. */
	private stage(): string {
		if (this.staging) return this.staging;
		const staging = join(dirname(this.dir), `.${basename(this.dir)}.staging`);
		rmSync(staging, { recursive: true, force: true });
		mkdirSync(staging, { recursive: true });
		this.staging = staging;
		for (const name of this.pending.splice(0)) this.keep(name);
		return staging;
	}

	/** An unchanged file goes into the new folder as a hard link (a copy where links fail). */
	private keep(name: string): void {
		try {
			linkSync(join(this.dir, name), join(this.staging!, name));
		} catch {
			copyFileSync(join(this.dir, name), join(this.staging!, name));
		}
	}
}

/** Makes `dir` contain exactly `files` (name → contents), atomically per run. */
export function writeFolder(dir: string, files: Map<string, string>): WriteSummary {
	const writer = new FolderWriter(dir);
	try {
		for (const [name, text] of files) writer.add(name, text);
		return writer.finish();
	} catch (e) {
		writer.abort();
		throw e;
	}
}
