/**
 * The request/answer exchange of a forked child process with its parent: one request, one
 * answer, then the channel closes and the process ends.
 */

/**
 * Answers the parent's first request with what `handle` gives, then disconnects. The 'message'
 * listener stays until then, on purpose: Node keeps the channel, and so this process, alive only
 * while such a listener is there. With a `once` listener, a handler waiting on work that did not
 * hold the event loop let the process end with code 0 before it answered, and the build that
 * waited for the answer failed, about once in a dozen rebuilds.
 */
export function answerParent<Request, Answer>(
	handle: (request: Request) => Answer | Promise<Answer>,
): void {
	let taken = false;
	process.on('message', (request: Request) => {
		if (taken) return;
		taken = true;
		void Promise.resolve(request)
			.then(handle)
			.then((answer) => process.send?.(answer, () => process.disconnect?.()));
	});
}
