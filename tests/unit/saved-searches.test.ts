import { describe, expect, test } from 'vitest';
import {
	markSearches,
	rememberSearch,
	SAVED_SEARCHES_KEY,
	SAVED_SEARCHES_MAX,
	savedSearches,
	staleSearches,
} from '../../src/scripts/saved-searches.ts';

/** An in-memory Storage, optionally full. */
function memory(
	full = false,
): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => {
			if (full) throw new DOMException('full', 'QuotaExceededError');
			data.set(k, v);
		},
	};
}

describe('saved searches', () => {
	test('keeps each query once, most recent first, with the build that answered it', () => {
		const s = memory();
		rememberSearch(s, 'speech', 'aaa');
		rememberSearch(s, ' diffusion ', 'aaa');
		rememberSearch(s, 'speech', 'bbb');
		rememberSearch(s, '   ', 'bbb');
		expect(savedSearches(s)).toEqual([
			{ q: 'speech', build: 'bbb' },
			{ q: 'diffusion', build: 'aaa' },
		]);
	});

	test(`keeps the ${SAVED_SEARCHES_MAX} most recent`, () => {
		const s = memory();
		for (let i = 0; i < SAVED_SEARCHES_MAX + 5; i++) rememberSearch(s, `q${i}`, 'aaa');
		const list = savedSearches(s);
		expect(list).toHaveLength(SAVED_SEARCHES_MAX);
		expect(list[0]!.q).toBe(`q${SAVED_SEARCHES_MAX + 4}`);
	});

	test('the searches of another build are stale until run again on this one', () => {
		const s = memory();
		rememberSearch(s, 'a', 'old');
		rememberSearch(s, 'b', 'new');
		rememberSearch(s, 'c', 'old');
		expect(staleSearches(s, 'new')).toEqual(['c', 'a']);
		// Only "c" loaded in full: "a" is tried again later.
		markSearches(s, ['c'], 'new');
		expect(staleSearches(s, 'new')).toEqual(['a']);
		expect(savedSearches(s).map((x) => x.q)).toEqual(['c', 'b', 'a']);
	});

	test('garbled or missing storage reads as none; a full one is no error', () => {
		const s = memory();
		s.data.set(SAVED_SEARCHES_KEY, '{not json');
		expect(savedSearches(s)).toEqual([]);
		s.data.set(SAVED_SEARCHES_KEY, JSON.stringify([{ q: 1 }, { q: 'x', build: 'b' }, null]));
		expect(savedSearches(s)).toEqual([{ q: 'x', build: 'b' }]);
		expect(() => rememberSearch(memory(true), 'x', 'b')).not.toThrow();
	});
});
