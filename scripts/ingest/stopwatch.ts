/** Times the stages of a run: regressions show up in the build output (`[timing]` lines). */
export interface Stopwatch {
	/** Milliseconds per stage, in order. */
	timings: Array<{ stage: string; ms: number }>;
	/** Ends a stage: records the time since the last lap (or the start) under `stage`. */
	lap(stage: string): void;
	/** Adds stages timed elsewhere (`prefix` + their names); the next lap starts now. */
	add(stages: ReadonlyArray<{ stage: string; ms: number }>, prefix?: string): void;
}

/** A stopwatch started now. */
export function startStopwatch(): Stopwatch {
	const timings: Stopwatch['timings'] = [];
	let mark = performance.now();
	return {
		timings,
		lap(stage) {
			const now = performance.now();
			timings.push({ stage, ms: now - mark });
			mark = now;
		},
		add(stages, prefix = '') {
			timings.push(...stages.map((t) => ({ stage: `${prefix}${t.stage}`, ms: t.ms })));
			mark = performance.now();
		},
	};
}
