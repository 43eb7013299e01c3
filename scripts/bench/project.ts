/**
 * A copy of the project to build in isolation (benchmarks, the end-to-end corpus build): the
 * files git tracks, without content/sources/, and a node_modules folder of links to this one's
 * packages without its caches, so that the copy builds clean.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Copies the project at `root` to the empty folder `to`, with an empty content/sources/. */
export function copyProject(root: string, to: string): void {
	const files = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
		.stdout.split('\0')
		.filter(Boolean);
	for (const f of files)
		if (!f.startsWith('content/sources/')) cpSync(join(root, f), join(to, f), { recursive: true });
	mkdirSync(join(to, 'node_modules'));
	for (const name of readdirSync(join(root, 'node_modules'))) {
		if (name === '.astro' || name === '.cache' || name === '.vite') continue;
		symlinkSync(join(root, 'node_modules', name), join(to, 'node_modules', name));
	}
	mkdirSync(join(to, 'content', 'sources'), { recursive: true });
}
