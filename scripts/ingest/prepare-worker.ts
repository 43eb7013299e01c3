/** Worker thread of `parseAndPrepareAll`: one source file in, its `PreparedSource` out. */
import { parentPort } from 'node:worker_threads';
import { parseAndPrepare } from './prepare.ts';
import type { SourceFile } from './types.ts';

parentPort!.on('message', (source: SourceFile) => {
	parentPort!.postMessage(parseAndPrepare(source));
});
