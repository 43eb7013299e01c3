import { describe, expect, test } from 'vitest';
import { escapeTexPercent, renderAbstractHtml } from '../../src/lib/render-abstract.ts';

describe('percent signs in math', () => {
	test('an unescaped % is escaped; an escaped one and a line break before one are kept apart', () => {
		expect(escapeTexPercent('\\textbf{92.52%}')).toBe('\\textbf{92.52\\%}');
		expect(escapeTexPercent('87\\%')).toBe('87\\%');
		expect(escapeTexPercent('a\\\\%')).toBe('a\\\\\\%');
		expect(escapeTexPercent('x^2')).toBe('x^2');
	});

	test('a formula with a bare % (2602.06507) typesets instead of failing', () => {
		const html = renderAbstractHtml(
			'achieving $\\textbf{92.52%}$ external-wall IoU and $\\sim\\!\\textbf{6%}$ gains.',
		);
		expect(html).not.toContain('katex-error');
		expect(html.match(/<span class="katex">/g)).toHaveLength(2);
		expect(html).toContain(
			'<annotation encoding="application/x-tex">\\textbf{92.52\\%}</annotation>',
		);
	});
});
