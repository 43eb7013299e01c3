import { describe, expect, test } from 'vitest';
import { describeAbstract, firstSentence, truncateText } from '../../src/lib/teaser.ts';

describe('firstSentence', () => {
	test('ends at the first full stop followed by a capital', () => {
		expect(firstSentence('We propose Combiner. It is fast. Very.')).toBe('We propose Combiner.');
	});

	test('does not split after abbreviations, initials or decimals', () => {
		expect(
			firstSentence('Models, e.g. BERT, and work by J. Smith et al. Reach 3.5 points. Next one.'),
		).toBe('Models, e.g. BERT, and work by J. Smith et al. Reach 3.5 points.');
	});

	test('keeps dollars: the summary holds formulas as Unicode, so a $ is money', () => {
		expect(firstSentence('Cost is O(L²) in length, $5 a run. More.')).toBe(
			'Cost is O(L²) in length, $5 a run.',
		);
	});

	test('cuts a very long first sentence at a word boundary with an ellipsis', () => {
		const t = firstSentence('word '.repeat(200).trim() + '. Next.', 60);
		expect(t.length).toBeLessThanOrEqual(60);
		expect(t.endsWith('word…')).toBe(true);
	});

	test('returns the whole text when there is no sentence end', () => {
		expect(firstSentence('no period here')).toBe('no period here');
	});
});

describe('truncateText and describeAbstract', () => {
	test('leaves short text alone and collapses whitespace', () => {
		expect(truncateText('  a \n b ', 10)).toBe('a b');
	});

	test('never cuts a surrogate pair in half', () => {
		expect(truncateText('𝔸'.repeat(10), 6)).toBe('𝔸𝔸…');
	});

	test('describes an abstract in at most 160 characters', () => {
		const d = describeAbstract('The quick brown fox jumps. '.repeat(20));
		expect(d.length).toBeLessThanOrEqual(160);
		expect(d.endsWith('…')).toBe(true);
	});

	test('a dollar in the text is a dollar: formulas reach it as Unicode already', () => {
		expect(describeAbstract('It costs $5 and $10 per run, and O(L²) time.')).toBe(
			'It costs $5 and $10 per run, and O(L²) time.',
		);
	});
});
