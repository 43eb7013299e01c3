import { expect, test } from 'vitest';
import { journalName, journalYear } from '../../src/lib/journal-ref.ts';

// Journal references of ../shared/corpora, as arXiv writes them.
test.each([
	['Phys.Rev.D76:013009,2007', 'Phys.Rev.D', '2007'],
	['J. Phys. A: Math. Theor. 40 (2007) 8265-8288.', 'J. Phys. A: Math. Theor.', '2007'],
	[
		'International Journal of Astrobiology 2 (2003) 141-148',
		'International Journal of Astrobiology',
		'2003',
	],
	['Physica A, V. 387, Issues 2-3 (2008), Pages 385-406', 'Physica A', '2008'],
	['Journal of Applied Physics, vol 104, 073536 (2008)', 'Journal of Applied Physics', '2008'],
	['JHEP 0705:034,2007', 'JHEP', '2007'],
	// The erratum after `;` is another publication: its year is not the paper's.
	[
		'J.Opt.Soc.Am.A 23, 2578-2591 (2006); Erratum: J.Opt.Soc.Am.A 32, 2407 (2015)',
		'J.Opt.Soc.Am.A',
		'2006',
	],
	// An author list or title first: no name, the year still.
	[
		'L. H. Friedman. Order of epitaxial self-assembled quantum dots: Linear analysis. Journal of Nanophotonics 1, 013513 (2007)',
		undefined,
		'2007',
	],
	['Proceedings of the 2007 IEEE Symposium', undefined, '2007'],
	['In press', 'In press', undefined],
])('%s: journal %s, year %s', (ref, name, year) => {
	expect(journalName(ref)).toBe(name);
	expect(journalYear(ref)).toBe(year);
});
