/**
 * The seed trending page (75 papers), classified with the shipped taxonomy: every assignment
 * below was read by hand against the abstract.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { PaperSchema } from '../../src/schemas/paper.ts';
import { readTopicsYaml } from '../../scripts/ingest/topics/topics-yaml.ts';
import { readSourceFiles } from '../../scripts/ingest/write.ts';

const { topics } = readTopicsYaml(
	readFileSync('content/topics.yaml', 'utf8'),
	'content/topics.yaml',
);
const result = ingest(readSourceFiles('content/sources'), { topics });
const bySlug = new Map(result.papers.map((p) => [p.slug, p]));

// [slug, topic it must have, topic it must be first in (when the subject is unambiguous)]
const CASES: Array<[string, string, boolean]> = [
	['speecht5', 'speech-audio', true],
	['pre-training-for-speech-translation-ctc', 'speech-audio', true],
	['tera', 'speech-audio', false],
	['ssast', 'speech-audio', true],
	['lighthubert', 'speech-audio', true],
	['paraformer', 'speech-audio', true],
	['understanding-in-context-learning-in-transformers', 'in-context-learning', true],
	['what-learning-algorithm-is-in-context', 'in-context-learning', true],
	['what-and-how-does-in-context', 'in-context-learning', true],
	['transformers-learn-in-context-by-gradient', 'in-context-learning', true],
	['in-context-learning-through-the-bayesian', 'in-context-learning', true],
	['pretraining-task-diversity-and-the-emergence', 'in-context-learning', true],
	['pretraining-data-mixtures-enable-narrow-model', 'in-context-learning', false],
	['a-survey-of-techniques-for-optimizing', 'surveys', false],
	['a-comprehensive-survey-on-pretrained-foundation', 'surveys', false],
	['a-comprehensive-survey-on-applications-of', 'surveys', false],
	['a-practical-survey-on-faster-and', 'surveys', false],
	['codet5', 'code', true],
	['multimend', 'code', true],
	['exploring-and-evaluating-personalized-models-for', 'code', true],
	['dust3r', 'three-d', true],
	['joint-liver-and-hepatic-lesion-segmentation', 'medicine-science', true],
	['informer', 'time-series', false],
	['lumina-mgpt', 'generative', true],
	['matvlm', 'multimodal', false],
	['vtrans', 'efficiency', true],
	['quantizable-transformers-removing-outliers-by-helping', 'efficiency', false],
	['tunbert', 'multilingual', true],
	['pre-training-tasks-for-embedding-based', 'retrieval', true],
	['codebook-features-sparse-and-discrete-interpretability', 'interpretability', true],
	['sit', 'pre-training', true],
	['frozenseg', 'vision', false],
	['pasta', 'reinforcement-learning', true],
];

describe('topics of the seed page', () => {
	test('ingests without errors and leaves no paper in the catch-all', () => {
		expect(result.errors).toEqual([]);
		expect(result.catchAll).toEqual([]);
	});

	test('the papers returned are exactly what the shared schema parses them to', () => {
		// The pipeline keeps the validated objects rather than zod's copies (for speed).
		for (const paper of result.papers) expect(PaperSchema.parse(paper)).toStrictEqual(paper);
	});

	test.each(CASES)('%s is in %s', (slug, topic, first) => {
		const paper = bySlug.get(slug)!;
		expect(paper.topics).toContain(topic);
		if (first) expect(paper.topics[0]).toBe(topic);
		expect(paper.topicReasons[topic]!.length).toBeGreaterThan(0);
	});

	test('only survey papers are in surveys', () => {
		const surveys = result.papers.filter((p) => p.topics.includes('surveys')).map((p) => p.slug);
		for (const slug of surveys)
			expect(bySlug.get(slug)!.summary).toMatch(/survey|overview|review|book/i);
	});

	test('every paper has 1–3 topics, 3–8 keywords and up to 5 related papers', () => {
		for (const p of result.papers) {
			expect(p.topics.length).toBeGreaterThanOrEqual(1);
			expect(p.topics.length).toBeLessThanOrEqual(3);
			expect(p.keywords.length).toBeGreaterThanOrEqual(3);
			expect(p.keywords.length).toBeLessThanOrEqual(8);
			expect(p.related.length).toBeLessThanOrEqual(5);
			for (const r of p.related) expect(bySlug.has(r.slug)).toBe(true);
		}
	});

	test('writes _topics.json with the counts of the non-empty topics', () => {
		const list = JSON.parse(result.entries.get('_topics.json')!) as Array<{
			slug: string;
			count: number;
		}>;
		for (const t of list) {
			expect(t.count).toBeGreaterThan(0);
			expect(t.count).toBe(result.papers.filter((p) => p.topics.includes(t.slug)).length);
		}
	});
});
