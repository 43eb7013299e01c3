/** A forked child answers its parent even when its work holds nothing of the event loop. */
import { fork } from 'node:child_process';
import { expect, test } from 'vitest';

test('the child answers after an unref’d wait, then ends by itself', async () => {
	const child = fork('tests/fixtures/child/answer-later.ts', [], {
		execArgv: [],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const answers: unknown[] = [];
	child.on('message', (m) => answers.push(m));
	const closed = new Promise<number | null>((done) => child.once('close', done));
	child.send(21);
	// With a `once` listener the process ended with code 0 and no answer.
	expect(await closed).toBe(0);
	expect(answers).toEqual([42]);
});
