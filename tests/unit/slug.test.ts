import { describe, expect, test } from 'vitest';
import {
	arxivSlug,
	assignSlugs,
	assignSlugsKeepingFormer,
	baseSlug,
	slugify,
} from '../../scripts/ingest/slug.ts';

const paper = (
	title: string,
	order: string,
	extra: { arxivId?: string; shortName?: string } = {},
) => ({
	title,
	identity: `${title}\n${order}`,
	order,
	...extra,
});

describe('slugs', () => {
	test('come from the arXiv id without version', () => {
		expect(arxivSlug('2504.12351v2')).toBe('2504.12351');
		expect(arxivSlug('hep-th/9901001')).toBe('hep-th-9901001');
		expect(baseSlug({ arxivId: '0704.0001', shortName: 'X', title: 'T' })).toBe('0704.0001');
	});
	test('else from the short name, else from the first words of the title', () => {
		expect(baseSlug({ shortName: 'VL-GPT', title: 'VL-GPT: x' })).toBe('vl-gpt');
		expect(baseSlug({ title: 'Adapting LLaMA Decoder to Vision Transformer for Everything' })).toBe(
			'adapting-llama-decoder-to-vision-transformer',
		);
		expect(slugify('Étude à Zürich')).toBe('etude-a-zurich');
		// Letters NFKD does not take apart, folded as citation keys fold them.
		expect(slugify('Łukasz Kłopotek, Ørsted, Æther, Straße')).toBe(
			'lukasz-klopotek-orsted-aether-strasse',
		);
	});
	test('six words longer than 60 characters are cut at the end of a word, not inside one', () => {
		expect(
			baseSlug({
				title:
					'Electroencephalographic Characterization of Neurophysiological Interdisciplinary Transformations',
			}),
		).toBe('electroencephalographic-characterization-of');
	});
	test('Greek letters are spelled out; a name with no letter left gives way to the title', () => {
		// `π0: A Vision-Language-Action Flow Model` had the address /papers/0/.
		expect(baseSlug({ shortName: 'π0', title: 'π0: A Flow Model' })).toBe('pi0');
		expect(baseSlug({ shortName: 'π0.5', title: 'π0.5: x' })).toBe('pi0-5');
		expect(slugify('α-Net and β-Net, Σ')).toBe('alpha-net-and-beta-net-sigma');
		// A Greek word reads by sound.
		expect(slugify('Ελληνικά')).toBe('ellinika');
		expect(baseSlug({ shortName: '2.0', title: 'Version Two of Things' })).toBe(
			'version-two-of-things',
		);
	});
	test('a title with no Latin letters still gets a stable slug', () => {
		expect(baseSlug({ title: '中文标题' })).toMatch(/^paper-[0-9a-f]{8}$/);
	});
	test('collisions: the first listed keeps the plain slug, the others get a content-hash suffix', () => {
		const a = paper('UNIT: one', '2025-03-18');
		const b = paper('UNIT: two', '2025-04-01');
		const slugs = assignSlugs([b, a].map((p) => ({ ...p, shortName: 'UNIT' })));
		expect(slugs[1]).toBe('unit');
		expect(slugs[0]).toMatch(/^unit-[0-9a-f]{6}$/);
	});
	test("a paper's slug never changes when later papers are added", () => {
		const a = { ...paper('UNIT: one', '2025-03-18'), shortName: 'UNIT' };
		const before = assignSlugs([a])[0];
		const later = { ...paper('UNIT: other', '2025-09-09'), shortName: 'UNIT' };
		expect(assignSlugs([later, a])[1]).toBe(before);
	});
	test('a paper that gained an arXiv id moves to it and keeps holding its former slug', () => {
		const a = { ...paper('UNIT: one', '2025-03-18'), shortName: 'UNIT', arxivId: '2503.00001v2' };
		const b = { ...paper('UNIT: two', '2025-03-19'), shortName: 'UNIT' };
		const c = { ...paper('UNIT: three', '2025-03-20'), shortName: 'UNIT', arxivId: '2503.00003' };
		// Before any arXiv record: a unit, b unit-<hash>, c unit-<hash>.
		const before = assignSlugs([a, b, c].map((p) => ({ ...p, arxivId: undefined })));
		expect(before[0]).toBe('unit');
		// a and c were listed without their ids (trending pages); their records joined.
		const { slugs, moved } = assignSlugsKeepingFormer([a, b, c], [true, false, true]);
		expect(slugs).toEqual(['2503.00001', before[1], '2503.00003']);
		expect(moved).toEqual([
			['unit', '2503.00001'],
			[before[2], '2503.00003'],
		]);
		// Papers only ever known with their id have no former address.
		expect(assignSlugsKeepingFormer([a, b, c], [false, false, false])).toEqual({
			slugs: assignSlugs([a, b, c]),
			moved: [],
		});
	});
});
