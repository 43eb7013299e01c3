/** Tokenising on two threads: a builder that merges another's part equals one builder. */
import { describe, expect, test } from 'vitest';
import { generateCorpus, loadMaterial } from '../../scripts/bench/corpus.ts';
import { buildPapers } from '../../scripts/ingest/build-papers.ts';
import { parseSource } from '../../scripts/ingest/parse/index.ts';
import {
	buildCorpus,
	CorpusBuilder,
	maxWords,
	type Corpus,
	type TextDoc,
} from '../../scripts/ingest/topics/tfidf.ts';

const docs: TextDoc[] = buildPapers(
	generateCorpus(loadMaterial('../shared'), 300).flatMap(
		(f) => parseSource({ name: f.name, bytes: new TextEncoder().encode(f.text) }).records,
	),
).papers.map(({ paper }) => ({ title: paper.title, text: paper.summary }));
// Words first seen in the second part, spellings of known stems, URLs and hyphenated prefixes.
docs.push(
	{
		title: 'Zebrafish-X Pre-Training',
		text: 'Zebrafish zebrafishes see https://x.org/a pre-training.',
	},
	{ title: 'Methods', text: 'The METHODS of out-of-distribution zebrafish work.' },
);

/** The corpus with its lists copied out of their oversized buffers, for comparison. */
const plain = (c: Corpus) => ({
	...c,
	tokens: Array.from(c.tokens),
	occurrences: Array.from(c.occurrences),
	unigrams: [...c.unigrams],
});

describe('CorpusBuilder', () => {
	const whole = plain(buildCorpus(docs));

	test.each([0, 1, 150, docs.length - 1, docs.length])(
		'merging the documents from %i on gives the same corpus',
		(cut) => {
			const first = new CorpusBuilder(maxWords(docs));
			first.addDocs(docs.slice(0, cut));
			const second = new CorpusBuilder(maxWords(docs.slice(cut)), false);
			second.addDocs(docs.slice(cut));
			first.merge(second.part());
			expect(plain(first.finish())).toEqual(whole);
		},
	);
});
