/** The inline tree of a normalised abstract: what the renderer turns into MDX. */
export type Inline =
	| { type: 'text'; value: string }
	| { type: 'math'; value: string; display: boolean }
	| { type: 'code'; value: string }
	| { type: 'emphasis' | 'strong'; children: Inline[] }
	| { type: 'link'; url: string; children: Inline[] };
