import { escapeXml } from '../../src/lib/escape.ts';
import { describe, expect, test } from 'vitest';
import { dateChart, fitLabel, textWidth, topicChart } from '../../src/lib/topic-chart.ts';

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
		expect(svg).toContain('aria-labelledby="topic-chart-title topic-chart-desc"');
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

describe('dateChart', () => {
	test('is omitted for a single listing date', () => {
		expect(dateChart([{ date: '2025-03-18', count: 75 }])).toBeUndefined();
	});

	test('lists several dates oldest first with its own ids', () => {
		const svg = dateChart([
			{ date: '2025-03-19', count: 4 },
			{ date: '2025-03-18', count: 7 },
		])!;
		expect(svg).toContain('aria-labelledby="date-chart-title date-chart-desc"');
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
	test('the chart cuts its labels to the label column', () => {
		const svg = topicChart(
			[{ slug: 'info', name: 'Information theory and communications', count: 3 }],
			{},
		);
		expect(svg).toContain('>Information theory and communi…</text>');
		expect(svg).toContain('<title>Information theory and communications: 3</title>');
	});
});
