/**
 * Static, accessible SVG bar charts for the topics index: papers per topic, and papers per
 * listing date when the corpus spans several dates. Pure string builders, made at build time:
 * no script, no external styles. Colours come from `currentColor` and CSS custom properties
 * (`--chart-bar`, `--chart-muted`), so the charts follow the page's light or dark theme.
 */
import { escapeXml } from './escape.ts';

/**
 * One bar: its label and its value. No links: the topics and dates are listed, linked, beside
 * the chart (TopicLandscape.astro).
 */
export interface ChartBar {
	label: string;
	value: number;
}

/** Options of a chart. */
export interface ChartOptions {
	/** Unique prefix for the ids of `<title>` and `<desc>` (several charts on one page). */
	id: string;
	/** Short accessible name, e.g. "Papers per topic". */
	title: string;
	/** Longer text alternative; by default the bars' values are listed. */
	description?: string;
	/** Width of the SVG's coordinate system (it scales to its container). */
	width?: number;
	/**
	 * `rows` (default): label, bar and value side by side. `stacked`: each label on a line of its
	 * own above its bar, for phones, where the side-by-side chart had to scroll sideways and hid
	 * the biggest counts.
	 */
	layout?: 'rows' | 'stacked';
}

const ROW = 26;
const BAR = 18;
/** The label column's bounds: sized to the longest label (a year needs 48, a topic up to 330). */
const LABEL_MIN = 48;
const LABEL_MAX = 330;
/** Room for the bars beside the labels, by default. */
const TRACK = 300;
const VALUE_WIDTH = 56;
const PAD = 8;
/** A stacked chart's width and row height (label line, then bar). */
const STACKED_WIDTH = 340;
const STACKED_ROW = 40;

const FONT_SIZE = 13;

/**
 * Advances in em of DejaVu Sans (Linux's default sans serif, among the widest), which the chart
 * may be drawn in: its labels are cut to fit by them. A 36-character cut overflowed in it
 * ("Information theory and communications" lost its first letters off the left edge).
 */
const LOWER_EM = [
	0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634,
	0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
];

/** Estimated advance of a character in em, on the wide side. */
function charEm(c: string): number {
	const code = c.charCodeAt(0);
	if (code >= 97 && code <= 122) return LOWER_EM[code - 97]!;
	if (/[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|\p{Extended_Pictographic}/u.test(c))
		return 1;
	if (/[ .,:;'|!]/.test(c)) return 0.32;
	if (/[()[\]-]/.test(c)) return 0.39;
	if (/[MW]/.test(c)) return 0.99;
	return 0.78; // capitals, digits and the rest
}

/** Estimated width of a text in the chart's font, in its units. */
export function textWidth(text: string): number {
	let em = 0;
	for (const c of text) em += charEm(c);
	return em * FONT_SIZE;
}

/**
 * Shortens a label to fit `room` (the label column), with an ellipsis; the full text stays in
 * the bar's tooltip and in the table beside the chart.
 */
export function fitLabel(label: string, room: number): string {
	if (textWidth(label) <= room) return label;
	const chars = [...label];
	let used = textWidth('…');
	let n = 0;
	while (n < chars.length && used + textWidth(chars[n]!) <= room) used += textWidth(chars[n++]!);
	return `${chars.slice(0, n).join('').trimEnd()}…`;
}

/** A length in the chart's units (drawn 1:1 at 16 px text) in rem, to two decimals. */
const rem = (units: number): number => Math.round((units / 16) * 100) / 100;

/**
 * A horizontal bar chart, one row per bar, in the given order. The SVG scales to its container
 * but never below nine tenths of its own size (`min-width`: labels stay readable, the container
 * scrolls) nor above it (`max-width`: a chart of short labels is not blown up). Its name is its
 * title; its bars' values are its description (as the name too, they were read twice).
 */
export function renderBarChart(bars: readonly ChartBar[], options: ChartOptions): string {
	const stacked = options.layout === 'stacked';
	const max = Math.max(1, ...bars.map((b) => b.value));
	const longest = Math.max(0, ...bars.map((b) => Math.ceil(textWidth(b.label))));
	// Stacked: no label column; the bars start at the left edge, under their labels.
	const labelWidth = stacked ? 0 : Math.min(LABEL_MAX, Math.max(LABEL_MIN, longest + 2 * PAD));
	const width =
		options.width ?? (stacked ? STACKED_WIDTH : labelWidth + TRACK + VALUE_WIDTH + 2 * PAD);
	const x0 = stacked ? PAD : labelWidth;
	const track = width - x0 - VALUE_WIDTH - 2 * PAD;
	const row = stacked ? STACKED_ROW : ROW;
	const height = Math.max(row, bars.length * row) + 2 * PAD;
	const id = options.id.replace(/[^A-Za-z0-9_-]/g, '-');
	const description = options.description ?? bars.map((b) => `${b.label}: ${b.value}`).join('; ');
	const rows = bars.map((b, i) => {
		const y = PAD + i * row;
		const w = b.value > 0 ? Math.max(2, Math.round((b.value / max) * track)) : 0;
		// Stacked: the label on the row's first line, the bar and value on its second.
		const barTop = stacked ? y + row - BAR - 4 : y + (row - BAR) / 2;
		const mid = barTop + BAR / 2;
		const label = stacked
			? `<text x="${PAD}" y="${y + 8}" dominant-baseline="middle" fill="currentColor">${escapeXml(fitLabel(b.label, width - 2 * PAD))}</text>`
			: `<text x="${labelWidth - PAD}" y="${mid}" text-anchor="end" dominant-baseline="middle" fill="currentColor">${escapeXml(fitLabel(b.label, labelWidth - 2 * PAD))}</text>`;
		return `<g>${[
			`<title>${escapeXml(`${b.label}: ${b.value}`)}</title>`,
			label,
			`<rect x="${x0}" y="${barTop}" width="${w}" height="${BAR}" rx="3" style="fill: var(--chart-bar, currentColor)"/>`,
			`<text x="${x0 + w + PAD}" y="${mid}" dominant-baseline="middle" fill="currentColor" style="font-variant-numeric: tabular-nums">${b.value}</text>`,
		].join('')}</g>`;
	});
	// In rem, so that a reader's larger text size draws the chart (and its text) larger too; a
	// stacked chart may shrink further, to fit a 320 px window (400% zoom).
	const floor = stacked ? 0.8 : 0.9;
	const size = `min-width: ${rem(width * floor)}rem; max-width: ${rem(width)}rem`;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="inherit" font-size="${FONT_SIZE}" class="bar-chart bar-chart--${stacked ? 'stacked' : 'rows'}" style="${size}">`,
		`<title id="${id}-title">${escapeXml(options.title)}</title>`,
		`<desc id="${id}-desc">${escapeXml(description)}</desc>`,
		...(stacked
			? []
			: [
					`<line x1="${labelWidth}" y1="${PAD}" x2="${labelWidth}" y2="${height - PAD}" stroke-width="1" style="stroke: var(--chart-muted, currentColor)"/>`,
				]),
		...rows,
		'</svg>',
	].join('\n');
}

/** Papers per topic, most papers first (ties by name); the catch-all topic last. */
export function topicChart(
	topics: ReadonlyArray<{ slug: string; name: string; count: number; catchAll?: boolean }>,
	options: Partial<ChartOptions> = {},
): string {
	const sorted = [...topics]
		.filter((t) => t.count > 0)
		.sort(
			(a, b) =>
				Number(a.catchAll ?? false) - Number(b.catchAll ?? false) ||
				b.count - a.count ||
				(a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
		);
	return renderBarChart(
		sorted.map((t) => ({ label: t.name, value: t.count })),
		{ ...options, id: options.id ?? 'topic-chart', title: options.title ?? 'Papers per topic' },
	);
}

/**
 * Papers per listing date, oldest first; `undefined` when there are fewer than two dates
 * (a single bar says nothing a sentence could not).
 */
export function dateChart(
	days: ReadonlyArray<{ date: string; count: number }>,
	options: Partial<ChartOptions> = {},
): string | undefined {
	if (days.length < 2) return undefined;
	const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return renderBarChart(
		sorted.map((d) => ({ label: d.date, value: d.count })),
		{
			// Spread first: an explicit `title: undefined` must not erase the default.
			...options,
			id: options.id ?? 'date-chart',
			title: options.title ?? 'Papers per listing date',
		},
	);
}

/** What one bar of the date chart counts. */
export type ChartUnit = 'date' | 'month' | 'year';

/** More years than this between the first and the last date: no empty years are filled in. */
const YEAR_SPAN_MAX = 100;

/**
 * Listing dates for the date chart: one bar per date, per month when there are more than
 * `maxBars` dates (an arXiv dump spans hundreds of days), per year when the months from the
 * first to the last are more than that too (46 bars of months were too thin to read). Months and
 * years without papers are bars of 0: 2016 followed by 2022 read as a timeline without a gap.
 */
export function chartDays(
	days: ReadonlyArray<{ date: string; count: number }>,
	maxBars = 31,
): { unit: ChartUnit; bars: Array<{ date: string; count: number }> } {
	if (days.length <= maxBars) return { unit: 'date', bars: [...days] };
	const sum = (length: number): Map<string, number> => {
		const sums = new Map<string, number>();
		for (const d of days)
			sums.set(d.date.slice(0, length), (sums.get(d.date.slice(0, length)) ?? 0) + d.count);
		return sums;
	};
	const months = sum(7);
	const monthKeys = [...months.keys()].sort();
	const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1;
	const [firstMonth, lastMonth] = [monthIndex(monthKeys[0]!), monthIndex(monthKeys.at(-1)!)];
	if (lastMonth - firstMonth < maxBars)
		return {
			unit: 'month',
			bars: Array.from({ length: lastMonth - firstMonth + 1 }, (_, k) => {
				const m = firstMonth + k;
				const date = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
				return { date, count: months.get(date) ?? 0 };
			}),
		};
	const years = sum(4);
	const numbers = [...years.keys()].map(Number);
	const [first, last] = [Math.min(...numbers), Math.max(...numbers)];
	if (last - first >= YEAR_SPAN_MAX)
		return { unit: 'year', bars: [...years].map(([date, count]) => ({ date, count })) };
	return {
		unit: 'year',
		bars: Array.from({ length: last - first + 1 }, (_, k) => ({
			date: String(first + k),
			count: years.get(String(first + k)) ?? 0,
		})),
	};
}
