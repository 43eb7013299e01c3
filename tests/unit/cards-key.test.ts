import { expect, test } from 'vitest';
import { cardKey, stableJson } from '../../src/lib/cards/key.ts';

const card = { kind: 'site' as const, site: 'Abstracta', description: 'Papers.' };

test('the same card, fonts and environment give the same key, whatever the key order', () => {
	const reordered = { description: 'Papers.', site: 'Abstracta', kind: 'site' as const };
	expect(cardKey(reordered, ['a.woff'], 'env')).toBe(cardKey(card, ['a.woff'], 'env'));
	expect(stableJson({ b: 1, a: [2, { d: 3, c: undefined }] })).toBe('{"a":[2,{"d":3}],"b":1}');
});

test('the key changes with the data, the fonts and the environment', () => {
	const k = cardKey(card, ['a.woff'], 'env');
	expect(cardKey({ ...card, description: 'Other.' }, ['a.woff'], 'env')).not.toBe(k);
	expect(cardKey(card, ['a.woff', 'b.woff'], 'env')).not.toBe(k);
	expect(cardKey(card, ['a.woff'], 'env2')).not.toBe(k);
});
