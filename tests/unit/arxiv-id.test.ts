import { describe, expect, test } from 'vitest';
import { ARXIV_ID, arxivIdOrder } from '../../src/lib/arxiv-id.ts';

describe('arxivIdOrder', () => {
	test('reads the month and number of new- and old-style ids', () => {
		expect(arxivIdOrder('0704.0047')).toEqual({ month: '2007-04', number: 47 });
		expect(arxivIdOrder('2510.24701v2')).toEqual({ month: '2025-10', number: 24701 });
		expect(arxivIdOrder('hep-th/9901001')).toEqual({ month: '1999-01', number: 1 });
		expect(arxivIdOrder('cond-mat.mes-hall/0101001')).toEqual({ month: '2001-01', number: 1 });
		expect(arxivIdOrder('math.GT/0309136')).toEqual({ month: '2003-09', number: 136 });
	});
	test('is undefined for anything else', () => {
		expect(arxivIdOrder(undefined)).toBeUndefined();
		expect(arxivIdOrder('lifegpt')).toBeUndefined();
		expect(arxivIdOrder('0704.47')).toBeUndefined();
	});
	test('knows no month 00 or 13, as ARXIV_ID does not', () => {
		const ids = ['0700.0001', '1513.00001', 'hep-th/9900001', 'math.GT/0313136v2'];
		expect(ids.map(arxivIdOrder)).toEqual(ids.map(() => undefined));
		expect(ids.filter((id) => ARXIV_ID.test(id))).toEqual([]);
	});
});
