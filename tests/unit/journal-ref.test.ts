import { expect, test } from 'vitest';
import {
	journalName,
	journalRefRest,
	journalYear,
	knownPublicationYear,
	parseJournalRef,
	publicationYear,
} from '../../src/lib/journal-ref.ts';

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
	['P. Virnau, L. A. Mirny, M. Kardar, PLoS Comp Biol 2, 1074-1079 (2006)', undefined, '2006'],
	// A volume marker right after the name's last dot.
	['Contrib. Plasma Phys.Volume 47, 368, 2007', 'Contrib. Plasma Phys.', '2007'],
	// The pages of a reference read whole are no year.
	['J. Phys. A 40 (2007) 1999', 'J. Phys. A', '2007'],
	['In press', 'In press', undefined],
	// A long journal name is one (0704.0185); a book's title and series are not.
	[
		'Modelling and Simulation in Materials Science and Engineering 15 (2007), 295',
		'Modelling and Simulation in Materials Science and Engineering',
		'2007',
	],
	[
		'Theory and Simulation of Hard-Sphere Fluids and Related Systems, Lectures Notes in Physics, vol. 753, Angel Mulero, ed. (Springer, Berlin, 2008), pp. 183-245',
		undefined,
		'2008',
	],
])('%s: journal %s, year %s', (ref, name, year) => {
	expect(journalName(ref)).toBe(name);
	expect(journalYear(ref)).toBe(year);
});

// The shapes of arXiv's references, read into fields (pages as BibTeX writes ranges).
test.each([
	['Phys.Rev.D76:013009,2007', 'Phys.Rev.D', '76', undefined, '013009', '2007'],
	['Phys. Rev. D 76, 013009 (2007)', 'Phys. Rev. D', '76', undefined, '013009', '2007'],
	['Phys. Rev. B77, 075325 (2008)', 'Phys. Rev. B', '77', undefined, '075325', '2008'],
	['JHEP 0705:001,2007', 'JHEP', '0705', undefined, '001', '2007'],
	['Astrophys.J.660:L33-L36,2007', 'Astrophys.J.', '660', undefined, 'L33--L36', '2007'],
	['Nucl.Phys.B775:1-36,2007', 'Nucl.Phys.B', '775', undefined, '1--36', '2007'],
	['Astron.Astrophys. 473 (2007) 805', 'Astron.Astrophys.', '473', undefined, '805', '2007'],
	['J. Algebra 321 (2009), 3450-3468.', 'J. Algebra', '321', undefined, '3450--3468', '2009'],
	['J.Opt.Soc.Am.A 23(10): 2592-2601 (2006)', 'J.Opt.Soc.Am.A', '23', '10', '2592--2601', '2006'],
	[
		'Comm. Math. Helv. 84 (2009), No. 2, pp. 259–296.',
		'Comm. Math. Helv.',
		'84',
		'2',
		'259--296',
		'2009',
	],
	[
		'J. Low. Temp. Phys. Vol. 140 pp77-89 (2005)',
		'J. Low. Temp. Phys.',
		'140',
		undefined,
		'77--89',
		'2005',
	],
	[
		'Journal of Applied Physics, vol 104, 073536 (2008)',
		'Journal of Applied Physics',
		'104',
		undefined,
		'073536',
		'2008',
	],
])('%s: read', (ref, journal, volume, number, pages, year) => {
	expect(parseJournalRef(ref)).toEqual({
		journal,
		volume,
		...(number ? { number } : {}),
		pages,
		year,
	});
});

test('a second publication after `;` is kept apart', () => {
	expect(
		parseJournalRef(
			'Phys.Part.Nucl.Lett.4:11-17,2007; PismaFiz.Elem.Chast.Atom.Yadra2007N1:25-35,2007',
		),
	).toEqual({
		journal: 'Phys.Part.Nucl.Lett.',
		volume: '4',
		pages: '11--17',
		year: '2007',
		more: 'PismaFiz.Elem.Chast.Atom.Yadra2007N1:25-35,2007',
	});
});

// Shapes that leave a doubt (where the volume is, a date for a year, no name) are not read.
test.each([
	'Annals of Applied Probability 2008, Vol. 18, No. 3, 1026-1058',
	'J. Phys. A: Math. Theor. 40 No 41 (12 October 2007) 12315-12333',
	'Physica A, V. 387, Issues 2-3 (2008), Pages 385-406',
	'P. Virnau, L. A. Mirny, M. Kardar, PLoS Comp Biol 2, 1074-1079 (2006)',
	'Phys. Rev. D 76 (2007)',
	'In press',
])('%s: not read', (ref) => {
	expect(parseJournalRef(ref)).toBeUndefined();
});

test('journalRefRest: the reference after the journal’s name, or all of it without one', () => {
	expect(journalRefRest('Physica A, V. 387, Issues 2-3 (2008), Pages 385-406')).toBe(
		'V. 387, Issues 2-3 (2008), Pages 385-406',
	);
	expect(journalRefRest('Proceedings of the 2007 IEEE Symposium')).toBe(
		'Proceedings of the 2007 IEEE Symposium',
	);
});

test('publicationYear, given the reference read already, is knownPublicationYear', () => {
	const papers = [
		{ arxivId: '0704.0001', journalRef: 'Phys.Rev.D76:013009,2007' },
		// Not read whole: its last year; and none at all: the id's.
		{ arxivId: '0704.0001', journalRef: 'Lectures Notes in Physics (Springer, Berlin, 2008)' },
		{ arxivId: '0704.0001', journalRef: 'In press' },
		{ arxivId: 'hep-th/9901001' },
		{},
	];
	const years = papers.map((p) => publicationYear(p, parseJournalRef(p.journalRef)));
	expect(years).toEqual(['2007', '2008', '2007', '1999', undefined]);
	expect(papers.map(knownPublicationYear)).toEqual(years);
});
