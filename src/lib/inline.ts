/** The inline tree of a normalised abstract: what the renderer turns into MDX. */
export type Inline =
	| { type: 'text'; value: string }
	| {
			type: 'math';
			/** The TeX as written: the text of the abstract (feeds, descriptions, search). */
			value: string;
			display: boolean;
			/** What is typeset instead of `value`, when that differs (bare math: see markBareMath). */
			tex?: string;
	  }
	| { type: 'code'; value: string }
	| { type: 'emphasis' | 'strong'; children: Inline[] }
	| { type: 'link'; url: string; children: Inline[] };
