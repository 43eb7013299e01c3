import { escapeXml } from '../../src/lib/escape.ts';
import { describe, expect, test } from 'vitest';
import {
	chartDays,
	dateChart,
	fitLabel,
	textWidth,
	topicChart,
} from '../../src/lib/topic-chart.ts';

const topics = [
	{ slug: 'other', name: 'Other', count: 9, catchAll: true },
	{ slug: 'speech', name: 'Speech <&> audio', count: 3 },
	{ slug: 'vision', name: 'Computer vision', count: 12 },
	{ slug: 'empty', name: 'Empty', count: 0 },
];

describe('topicChart', () => {
	const svg = topicChart(topics);

	test('is an image labelled by its own title and description', () => {
		expect(svg).toMatch(/^<svg [^>]*role="img"/);
		expect(svg).toContain(
			'aria-labelledby="topic-chart-title" aria-describedby="topic-chart-desc"',
		);
		expect(svg).toContain('<title id="topic-chart-title">Papers per topic</title>');
		expect(svg).toMatch(/<desc id="topic-chart-desc">Computer vision: 12; .*Other: 9<\/desc>/);
	});

	test('orders bars by count with the catch-all last and leaves out empty topics', () => {
		const labels = [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1]);
		expect(labels).toEqual(['Computer vision', 'Speech &lt;&amp;&gt; audio', 'Other']);
	});

	test('scales bars to the largest count', () => {
		const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
		expect(widths[0]).toBeGreaterThan(widths[1]!);
		expect(widths[1]! / widths[0]!).toBeCloseTo(3 / 12, 1);
	});

	test('takes colours from the theme, never fixed values', () => {
		expect(svg).toContain('var(--chart-bar, currentColor)');
		expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
	});

	test('escapes labels and links nothing (the topics are listed, linked, beside it)', () => {
		expect(svg).not.toContain('<a ');
		expect(svg).not.toContain('<&>');
		expect(escapeXml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &apos;b&apos;');
	});
});

describe('layout', () => {
	const viewBoxWidth = (svg: string) => Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
	const labelX = (svg: string) => Number(/<text x="(\d+)"[^>]*text-anchor="end"/.exec(svg)![1]);
	test('the label column is as wide as the longest label, so short labels leave room for bars', () => {
		const years = dateChart([
			{ date: '2016', count: 3 },
			{ date: '2022', count: 40 },
		])!;
		expect(labelX(years)).toBeLessThan(60);
		const long = topicChart([
			{ slug: 'x', name: 'Condensed Matter: effective potential', count: 2 },
		]);
		expect(long).toContain('>Condensed Matter: effective potential<');
		expect(labelX(long)).toBeGreaterThan(250);
		// The chart is never drawn much smaller or any larger than its own size.
		expect(years).toContain(
			`min-width: ${Math.round(((viewBoxWidth(years) * 0.9) / 16) * 100) / 100}rem; max-width: ${Math.round((viewBoxWidth(years) / 16) * 100) / 100}rem`,
		);
	});
	test('stacked: each label on its own line above its bar, in a phone’s width', () => {
		const svg = topicChart(topics, { id: 'narrow', layout: 'stacked' });
		expect(viewBoxWidth(svg)).toBeLessThanOrEqual(340);
		expect(svg).toContain('class="bar-chart bar-chart--stacked"');
		expect(svg).not.toContain('text-anchor="end"');
		// Labels and bars start at the same left edge; each label is above its bar.
		const label = /<text x="(\d+)" y="(\d+)"[^>]*>Computer vision</.exec(svg)!;
		const bar = /<rect x="(\d+)" y="(\d+)"/.exec(svg)!;
		expect(label[1]).toBe(bar[1]);
		expect(Number(label[2])).toBeLessThan(Number(bar[2]));
		expect(svg).toContain('aria-labelledby="narrow-title" aria-describedby="narrow-desc"');
	});
});

describe('chartDays', () => {
	test('months without papers are shown as empty months, and a long span is shown by year', () => {
		const days = ['2025-01-03', '2025-01-09', '2025-04-02', '2025-04-20', '2025-04-25'].map(
			(date) => ({ date, count: 2 }),
		);
		expect(chartDays(days, 4)).toEqual({
			unit: 'month',
			bars: [
				{ date: '2025-01', count: 4 },
				{ date: '2025-02', count: 0 },
				{ date: '2025-03', count: 0 },
				{ date: '2025-04', count: 6 },
			],
		});
		// Four months from first to last, at most 3 bars: by year.
		expect(chartDays(days, 3)).toEqual({ unit: 'year', bars: [{ date: '2025', count: 10 }] });
	});
	test('years without papers are shown as empty years, not skipped', () => {
		const days = Array.from({ length: 40 }, (_, k) => ({
			date: `${k < 20 ? 2016 : 2022}-${String((k % 12) + 1).padStart(2, '0')}-${String(k + 1).padStart(2, '0')}`,
			count: 1,
		}));
		const { unit, bars } = chartDays(days, 12);
		expect(unit).toBe('year');
		expect(bars.map((b) => b.date)).toEqual([
			'2016',
			'2017',
			'2018',
			'2019',
			'2020',
			'2021',
			'2022',
		]);
		expect(bars.map((b) => b.count)).toEqual([20, 0, 0, 0, 0, 0, 20]);
	});
});

describe('dateChart', () => {
	test('is omitted for a single listing date', () => {
		expect(dateChart([{ date: '2025-03-18', count: 75 }])).toBeUndefined();
	});

	test('lists several dates oldest first with its own ids', () => {
		const svg = dateChart([
			{ date: '2025-03-19', count: 4 },
			{ date: '2025-03-18', count: 7 },
		])!;
		expect(svg).toContain('aria-labelledby="date-chart-title" aria-describedby="date-chart-desc"');
		expect(svg.indexOf('2025-03-18')).toBeLessThan(svg.indexOf('2025-03-19'));
	});

	test('keeps its default title when the caller passes title: undefined', () => {
		// The topics page passes `title: undefined` unless it grouped dates by month.
		const days = [
			{ date: '2025-03-18', count: 7 },
			{ date: '2025-03-19', count: 4 },
		];
		expect(dateChart(days, { title: undefined })).toContain(
			'<title id="date-chart-title">Papers per listing date</title>',
		);
		expect(topicChart(topics, { title: undefined })).toContain(
			'<title id="topic-chart-title">Papers per topic</title>',
		);
	});
});

describe('fitLabel', () => {
	test('keeps a label that fits and cuts a longer one at its width, with an ellipsis', () => {
		expect(fitLabel('Reinforcement learning and agents', 234)).toBe(
			'Reinforcement learning and agents',
		);
		const cut = fitLabel('Information theory and communications', 234);
		expect(cut).toBe('Information theory and communi…');
		expect(textWidth(cut)).toBeLessThanOrEqual(234);
		// Wide characters count one em each (13 units at the chart's font size).
		expect(textWidth('语言模型')).toBe(4 * 13);
	});
	test('the chart cuts its labels to the label column, at its widest', () => {
		const name = 'Physics: Information theory and quantum communications';
		const svg = topicChart([{ slug: 'info', name, count: 3 }], {});
		expect(svg).toMatch(/>Physics: Information theory and [^<]*…<\/text>/);
		expect(svg).toContain(`<title>${name}: 3</title>`);
		// A label that fits the widest column is whole.
		expect(
			topicChart([{ slug: 'i', name: 'Information theory and communications', count: 3 }]),
		).toContain('>Information theory and communications</text>');
	});
});
