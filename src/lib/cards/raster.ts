/**
 * A small anti-aliased path rasteriser, pure: outlines in, an 8-bit coverage mask out. It is the
 * signed-area accumulation method of font-rs: every edge adds its exact area contribution to a
 * buffer, and a running sum along each row gives each pixel's coverage (non-zero winding, as
 * font outlines need). Curves are flattened into lines first. Used for glyphs, which are drawn
 * once per process and size and then composited, so cards never go through an SVG renderer.
 */

/** A path command as HarfBuzz emits it (`glyphToJson`): M/L take x,y; Q cx,cy,x,y; C two controls and x,y. */
export interface PathCommand {
	type: string;
	values: number[];
}

/** A coverage mask placed at integer pixel `x`, `y` (its top-left corner). */
export interface Mask {
	x: number;
	y: number;
	width: number;
	height: number;
	/** Row-major coverage, 0–255. */
	alpha: Uint8Array;
}

/**
 * Maps font-unit commands (y up) to pixel commands (y down): `scale` pixels per unit, origin at
 * `dx`, `dy` (the pen position on the baseline).
 */
export function transformPath(
	commands: PathCommand[],
	scale: number,
	dx: number,
	dy: number,
): PathCommand[] {
	return commands.map((c) => ({
		type: c.type,
		values: c.values.map((v, i) => (i % 2 === 0 ? dx + v * scale : dy - v * scale)),
	}));
}

/** Rasterises a path given in pixel coordinates; an empty path gives an empty mask. */
export function rasterize(commands: PathCommand[]): Mask {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const c of commands)
		for (let i = 0; i < c.values.length; i += 2) {
			const x = c.values[i]!;
			const y = c.values[i + 1]!;
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
		}
	if (!(minX <= maxX && minY <= maxY))
		return { x: 0, y: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
	const x0 = Math.floor(minX);
	const y0 = Math.floor(minY);
	// One spare column: an edge in the last pixel also writes to the pixel right of it.
	const width = Math.ceil(maxX) - x0 + 2;
	const height = Math.max(1, Math.ceil(maxY) - y0);
	const acc = new Float32Array(width * height + 2);
	const add = (i: number, v: number): void => {
		acc[i] = acc[i]! + v;
	};

	const line = (ax: number, ay: number, bx: number, by: number): void => {
		if (ay === by) return;
		let dir = 1;
		if (ay > by) {
			dir = -1;
			[ax, ay, bx, by] = [bx, by, ax, ay];
		}
		const dxdy = (bx - ax) / (by - ay);
		let x = ax;
		const yEnd = Math.min(height, Math.ceil(by));
		for (let y = Math.max(0, Math.floor(ay)); y < yEnd; y++) {
			const rowStart = y * width;
			const dy = Math.min(y + 1, by) - Math.max(y, ay);
			const xNext = x + dxdy * dy;
			const d = dy * dir;
			const lo = x < xNext ? x : xNext;
			const hi = x < xNext ? xNext : x;
			const loFloor = Math.floor(lo);
			const loI = loFloor;
			const hiCeil = Math.ceil(hi);
			const hiI = hiCeil;
			if (hiI <= loI + 1) {
				// The edge stays within one pixel on this row.
				const xmf = 0.5 * (x + xNext) - loFloor;
				add(rowStart + loI, d - d * xmf);
				add(rowStart + loI + 1, d * xmf);
			} else {
				const s = 1 / (hi - lo);
				const loF = lo - loFloor;
				const a0 = 0.5 * s * (1 - loF) * (1 - loF);
				const hiF = hi - hiCeil + 1;
				const am = 0.5 * s * hiF * hiF;
				add(rowStart + loI, d * a0);
				if (hiI === loI + 2) add(rowStart + loI + 1, d * (1 - a0 - am));
				else {
					const a1 = s * (1.5 - loF);
					add(rowStart + loI + 1, d * (a1 - a0));
					for (let xi = loI + 2; xi < hiI - 1; xi++) add(rowStart + xi, d * s);
					const a2 = a1 + (hiI - loI - 3) * s;
					add(rowStart + hiI - 1, d * (1 - a2 - am));
				}
				add(rowStart + hiI, d * am);
			}
			x = xNext;
		}
	};

	let sx = 0;
	let sy = 0;
	let px = 0;
	let py = 0;
	const to = (x: number, y: number): void => {
		line(px - x0, py - y0, x - x0, y - y0);
		px = x;
		py = y;
	};
	for (const { type, values: v } of commands) {
		if (type === 'M') {
			if (px !== sx || py !== sy) to(sx, sy);
			px = sx = v[0]!;
			py = sy = v[1]!;
		} else if (type === 'L') to(v[0]!, v[1]!);
		else if (type === 'Q') {
			const [cx, cy, x, y] = v as [number, number, number, number];
			const n = segments(px - 2 * cx + x, py - 2 * cy + y);
			const [ox, oy] = [px, py];
			for (let i = 1; i < n; i++) {
				const t = i / n;
				const u = 1 - t;
				to(u * u * ox + 2 * u * t * cx + t * t * x, u * u * oy + 2 * u * t * cy + t * t * y);
			}
			to(x, y);
		} else if (type === 'C') {
			const [c1x, c1y, c2x, c2y, x, y] = v as [number, number, number, number, number, number];
			const n = Math.max(
				segments(px - 2 * c1x + c2x, py - 2 * c1y + c2y),
				segments(c1x - 2 * c2x + x, c1y - 2 * c2y + y),
			);
			const [ox, oy] = [px, py];
			for (let i = 1; i < n; i++) {
				const t = i / n;
				const u = 1 - t;
				const a = u * u * u;
				const b = 3 * u * u * t;
				const c = 3 * u * t * t;
				const e = t * t * t;
				to(a * ox + b * c1x + c * c2x + e * x, a * oy + b * c1y + c * c2y + e * y);
			}
			to(x, y);
		} else if (type === 'Z') to(sx, sy);
	}
	if (px !== sx || py !== sy) to(sx, sy);

	const alpha = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) {
		// Each row's contributions sum to zero for a closed path: restart the sum per row, so
		// rounding error never carries into the next one.
		let sum = 0;
		for (let x = 0, i = y * width; x < width; x++, i++) {
			sum += acc[i]!;
			const cover = Math.abs(sum);
			alpha[i] = cover >= 1 ? 255 : Math.round(cover * 255);
		}
	}
	return { x: x0, y: y0, width, height, alpha };
}

/** Line segments for a curve whose second difference is (dx, dy): flat curves get one. */
function segments(dx: number, dy: number): number {
	const devsq = dx * dx + dy * dy;
	return devsq < 0.333 ? 1 : 1 + Math.floor(Math.sqrt(Math.sqrt(3 * devsq)));
}
