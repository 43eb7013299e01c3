import { describe, expect, test } from 'vitest';
import { cacheNames, planPrecache } from '../../src/lib/offline-plan.ts';
import { offlineLabel } from '../../src/scripts/offline-state.ts';

describe('precache plan', () => {
	test('precaches the whole site up to and including the limit', () => {
		expect(planPrecache(10, 10)).toBe('full');
		expect(planPrecache(11, 10)).toBe('core');
	});
});

describe('cache names', () => {
	test('every cache of a build shares a prefix no other build has', () => {
		const a = cacheNames('aaaa');
		const b = cacheNames('bbbb');
		expect(a.pages.startsWith(a.prefix) && a.search.startsWith(a.prefix)).toBe(true);
		expect(b.pages.startsWith(a.prefix)).toBe(false);
	});
});

describe('offline indicator', () => {
	test('is empty online and says what still works offline', () => {
		expect(offlineLabel(true, 'full')).toBe('');
		expect(offlineLabel(false, 'full')).toMatch(/saved pages and search still work/);
		// A large site's worker keeps only what the reader used: it promises no more.
		expect(offlineLabel(false, 'core')).toMatch(/pages you have opened and searches you have run/);
		expect(offlineLabel(false, undefined)).toMatch(/not opened before will not load/);
	});
});
