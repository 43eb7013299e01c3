/**
 * Latin text in plain ASCII letters where it can be: the one folding that slugs and citation
 * keys share, so that an author or a title reads the same in both.
 */

/** Letters NFKD does not take apart (dropped, `Kłopotek` became `kopotek`, `Łukasz` `ukasz`). */
const LATIN: Record<string, string> = {
	ł: 'l',
	Ł: 'L',
	ø: 'o',
	Ø: 'O',
	æ: 'ae',
	Æ: 'AE',
	œ: 'oe',
	Œ: 'OE',
	ß: 'ss',
	đ: 'd',
	Đ: 'D',
	ð: 'd',
	Ð: 'D',
	þ: 'th',
	Þ: 'TH',
	ı: 'i',
};
const UNSPLIT = new RegExp(`[${Object.keys(LATIN).join('')}]`, 'g');
const HAS_UNSPLIT = new RegExp(UNSPLIT.source);

/** Accents folded away and ł, ø, æ, ß… in Latin letters (`Kłopotek` → `Klopotek`); the rest kept. */
export function foldLatin(s: string): string {
	return s
		.replace(UNSPLIT, (c) => LATIN[c]!)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '');
}

/**
 * Whether `s` holds a letter that foldLatin writes otherwise but taking accents apart does not
 * (ł, ø, ß, đ…): a search that folds accents (`Balazs` finds Balázs) still misses `Klopotek`.
 */
export function hasUnsplitLatin(s: string): boolean {
	return HAS_UNSPLIT.test(s);
}
