import { describe, expect, test } from 'vitest';
import { paperPageCacheKey } from '../../src/lib/paper-page.ts';

describe('paperPageCacheKey', () => {
	const parts = {
		entry: { id: 'codet5', data: { title: 'CodeT5', date: '2025-03-18' } },
		text: { html: '<p>Abstract.</p>', summary: 'Abstract.' },
		related: [],
		topicNames: { code: 'Code and software' },
		citeKey: 'wang2021codet5',
		dayPage: 1,
	};

	test('changes when the page of its day that lists the paper changes', () => {
		// Its date links that page: a new page size, or papers placed before it, move it.
		expect(paperPageCacheKey({ ...parts, dayPage: 2 })).not.toBe(paperPageCacheKey(parts));
		expect(paperPageCacheKey({ ...parts })).toBe(paperPageCacheKey(parts));
	});
});
