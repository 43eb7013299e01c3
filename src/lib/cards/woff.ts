/**
 * WOFF 1.0 → SFNT (TrueType/OpenType) conversion, pure. The @fontsource packages ship WOFF, and
 * HarfBuzz reads only SFNT: each table is inflated (when stored compressed) and laid out again
 * behind a fresh table directory. Checksums are copied from the WOFF directory, as the spec allows.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;

/** Converts a WOFF file to the SFNT bytes it wraps; throws on anything that is not WOFF 1.0. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
	const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (woff.byteLength < WOFF_HEADER || src.getUint32(0) !== WOFF_SIGNATURE)
		throw new Error('not a WOFF 1.0 font');
	const flavor = src.getUint32(4);
	const numTables = src.getUint16(12);
	const tables = Array.from({ length: numTables }, (_, i) => {
		const at = WOFF_HEADER + i * WOFF_ENTRY;
		const offset = src.getUint32(at + 4);
		const compLength = src.getUint32(at + 8);
		const origLength = src.getUint32(at + 12);
		const stored = woff.subarray(offset, offset + compLength);
		const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
		if (data.byteLength !== origLength) throw new Error('WOFF table has the wrong length');
		return { tag: src.getUint32(at), checksum: src.getUint32(at + 16), data };
	});
	const dirSize = 12 + 16 * numTables;
	const size = tables.reduce((n, t) => n + ((t.data.byteLength + 3) & ~3), dirSize);
	const out = new Uint8Array(size);
	const dst = new DataView(out.buffer);
	// The binary-search fields of the SFNT offset table.
	const entrySelector = Math.floor(Math.log2(numTables));
	const searchRange = 16 * 2 ** entrySelector;
	dst.setUint32(0, flavor);
	dst.setUint16(4, numTables);
	dst.setUint16(6, searchRange);
	dst.setUint16(8, entrySelector);
	dst.setUint16(10, numTables * 16 - searchRange);
	let offset = dirSize;
	tables.forEach((t, i) => {
		const at = 12 + 16 * i;
		dst.setUint32(at, t.tag);
		dst.setUint32(at + 4, t.checksum);
		dst.setUint32(at + 8, offset);
		dst.setUint32(at + 12, t.data.byteLength);
		out.set(t.data, offset);
		offset += (t.data.byteLength + 3) & ~3;
	});
	return out;
}
