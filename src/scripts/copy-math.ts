/**
 * Copying text that holds formulas. Chromium writes each MathML token of a selection on a line of
 * its own ("short, \nP\n=\n2.230736\n±\n0.000010\n days"); the plain text put on the clipboard
 * here has each whole formula as its TeX between dollars instead, where it stood in the sentence.
 * The HTML copy is left as the browser makes it.
 */

/** The TeX of one KaTeX formula (its annotation), or undefined. */
const texOf = (el: Element): string | undefined =>
	el.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? undefined;

/** Block elements: a line break between them, as the browser's own plain text has. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dd, dt';

/** The plain text of a copied fragment with every formula as `$TeX$` (`$$TeX$$` on display). */
export function plainTextWithTex(fragment: DocumentFragment): string {
	const doc = fragment.ownerDocument;
	// A long formula cut at its relations (katex-pieces) is one formula again.
	for (const el of fragment.querySelectorAll('.katex-pieces')) {
		const tex = [...el.querySelectorAll('.katex')].map(texOf).filter(Boolean).join(' ');
		el.replaceWith(doc.createTextNode(`$${tex}$`));
	}
	for (const el of fragment.querySelectorAll('.katex-display')) {
		const tex = texOf(el);
		if (tex !== undefined) el.replaceWith(doc.createTextNode(`$$${tex}$$`));
	}
	for (const el of fragment.querySelectorAll('.katex, math')) {
		const tex = texOf(el);
		if (tex !== undefined) el.replaceWith(doc.createTextNode(`$${tex}$`));
	}
	for (const el of fragment.querySelectorAll(BLOCKS)) el.append(doc.createTextNode('\n\n'));
	return (fragment.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/** Handles `copy` on a page with formulas; other copies are left to the browser. */
export function copyWithTex(e: ClipboardEvent): void {
	const selection = document.getSelection();
	if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !e.clipboardData) return;
	const range = selection.getRangeAt(0);
	const fragment = range.cloneContents();
	if (!fragment.querySelector('math')) return;
	const html = document.createElement('div');
	html.append(range.cloneContents());
	e.clipboardData.setData('text/plain', plainTextWithTex(fragment));
	e.clipboardData.setData('text/html', html.innerHTML);
	e.preventDefault();
}
