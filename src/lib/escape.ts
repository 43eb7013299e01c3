/**
 * Escaping text for markup written by hand (feeds, charts, the search index's pages): one place,
 * so no module escapes fewer characters than another.
 */

/**
 * Escapes text for XML or HTML character data and (single- or double-quoted) attribute values.
 * XML's own five entities only (`&apos;`, not `&#39;`): @astrojs/rss parses a feed's extra
 * elements again with a parser that decodes no numeric references, so "O'Brien" was shown as
 * "O&#39;Brien" in feed readers.
 */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * Escapes plain text for a place that readers treat as HTML (RSS `description`), so that
 * `a<b` or `<script>` in an abstract shows as text instead of becoming markup. Only `&`, `<`
 * and `>`: the feeds' XSL stylesheet decodes exactly these three for its browser view.
 */
export function escapeHtmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
