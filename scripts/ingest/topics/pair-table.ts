/**
 * A hash table from pairs of non-negative int32 to int32 ids, with open addressing over typed
 * arrays. It replaces a Map with number keys in the n-gram counting loop, where tens of millions
 * of lookups on 100,000 papers made Map (with its boxed, non-integer keys) the bottleneck.
 */
export class PairTable {
	private keysA: Int32Array;
	private keysB: Int32Array;
	private values: Int32Array;
	private mask: number;
	/** Number of pairs stored. */
	size = 0;

	constructor(capacity = 1 << 16) {
		const n = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
		this.keysA = new Int32Array(n).fill(-1);
		this.keysB = new Int32Array(n);
		this.values = new Int32Array(n);
		this.mask = n - 1;
	}

	private slot(a: number, b: number): number {
		let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
		h ^= h >>> 15;
		let i = h & this.mask;
		while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b))
			i = (i + 1) & this.mask;
		return i;
	}

	/** The id of (a, b), or −1. */
	get(a: number, b: number): number {
		const i = this.slot(a, b);
		return this.keysA[i] === -1 ? -1 : this.values[i]!;
	}

	/** Stores `id` for (a, b), which must be absent (check with `get` first). */
	add(a: number, b: number, id: number): void {
		if ((this.size + 1) * 2 > this.keysA.length) this.grow();
		const i = this.slot(a, b);
		this.keysA[i] = a;
		this.keysB[i] = b;
		this.values[i] = id;
		this.size++;
	}

	private grow(): void {
		const { keysA, keysB, values } = this;
		const n = keysA.length * 2;
		this.keysA = new Int32Array(n).fill(-1);
		this.keysB = new Int32Array(n);
		this.values = new Int32Array(n);
		this.mask = n - 1;
		for (let i = 0; i < keysA.length; i++) {
			if (keysA[i] === -1) continue;
			const j = this.slot(keysA[i]!, keysB[i]!);
			this.keysA[j] = keysA[i]!;
			this.keysB[j] = keysB[i]!;
			this.values[j] = values[i]!;
		}
	}
}
