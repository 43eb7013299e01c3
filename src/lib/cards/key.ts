/**
 * Cache keys: a card is redrawn only when something that changes its pixels changes — the
 * template version, the card's data, the fonts it uses (package versions and subset files),
 * the icon source, or the encoder (sharp's version and PNG settings).
 */
import { createHash } from 'node:crypto';
import type { CardData } from './layout.ts';

/** JSON with sorted keys, so equal data always hashes equally. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(value);
}

/** The content hash naming a card in the cache (hex sha256, 32 characters kept). */
export function cardKey(card: CardData, fontFiles: string[], environment: string): string {
	return createHash('sha256')
		.update(environment)
		.update('\0')
		.update(fontFiles.join('|'))
		.update('\0')
		.update(stableJson(card))
		.digest('hex')
		.slice(0, 32);
}
