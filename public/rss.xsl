<?xml version="1.0" encoding="UTF-8"?>
<!--
  Styles the site's RSS feeds when a browser opens one: what a feed is, how to subscribe, and the
  newest papers. Feed readers ignore it. Descriptions are HTML-escaped plain text, so the
  "unescape" template decodes the three entities the feed writer produces (&amp; &lt; &gt;)
  instead of relying on disable-output-escaping, which not every browser honours.
-->
<xsl:stylesheet version="1.0"
	xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	exclude-result-prefixes="atom dc">
	<xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

	<xsl:template match="/">
		<xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href"/>
		<html lang="{/rss/channel/language}">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<meta name="robots" content="noindex"/>
				<title><xsl:value-of select="/rss/channel/title"/> (feed)</title>
				<!-- The channel's image (under the site's base): without a link the browser asked for
					/favicon.ico at the host's root, outside a sub-path site. -->
				<xsl:if test="/rss/channel/image/url">
					<link rel="icon" type="image/png" href="{/rss/channel/image/url}"/>
				</xsl:if>
				<!-- The site's theme script, byte for byte (its hash is in the CSP of _headers; a test
					keeps the two equal): the theme the reader picked on the site applies here too. -->
				<script>try{var t=localStorage.getItem('theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}</script>
				<style>
					:root { color-scheme: light; --fg: #1d1c1a; --muted: #5e5a53; --bg: #faf9f6; --card: #fff; --line: #e4e0d8; --accent: #1f4fbf; --note: #f2f0eb; }
					@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { color-scheme: dark; --fg: #e8e6e1; --muted: #aba69c; --bg: #15171b; --card: #1c1f24; --line: #2e3238; --accent: #8db4ff; --note: #23272d; } }
					:root[data-theme='dark'] { color-scheme: dark; --fg: #e8e6e1; --muted: #aba69c; --bg: #15171b; --card: #1c1f24; --line: #2e3238; --accent: #8db4ff; --note: #23272d; }
					* { box-sizing: border-box; }
					body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
					main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
					a { color: var(--accent); }
					.note { background: var(--note); border-radius: 0.6rem; padding: 1rem 1.2rem; margin: 0 0 1.5rem; }
					.note h2 { margin: 0 0 0.4rem; font-size: 1.05rem; }
					.note p { margin: 0.4rem 0; }
					.address { display: block; padding: 0.45rem 0.6rem; border-radius: 0.35rem; background: var(--card); border: 1px solid var(--line); font: 0.9rem/1.4 ui-monospace, monospace; overflow-wrap: break-word; user-select: all; }
					h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.5rem 0 0.3rem; }
					.lead { color: var(--muted); margin: 0 0 1.2rem; }
					ol { list-style: none; padding: 0; margin: 0; }
					li { background: var(--card); border: 1px solid var(--line); border-radius: 0.6rem; padding: 0.9rem 1.1rem; margin: 0 0 0.8rem; }
					li h2 { font-size: 1.08rem; line-height: 1.35; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
					li h2 a { text-decoration: none; color: inherit; }
					li h2 a:hover { text-decoration: underline; }
					.meta { color: var(--muted); font-size: 0.88rem; margin: 0 0 0.4rem; }
					.summary { margin: 0; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; overflow-wrap: anywhere; }
					.tags { margin-top: 0.5rem; }
					.tag { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.5rem; margin-right: 0.3rem; font-size: 0.8rem; }
				</style>
			</head>
			<body>
				<main>
					<h1><xsl:value-of select="/rss/channel/title"/></h1>
					<p class="lead"><xsl:value-of select="/rss/channel/description"/></p>
					<section class="note" aria-labelledby="what">
						<h2 id="what">This is a web feed</h2>
						<p>Subscribe by copying this address into your feed reader (for example NetNewsWire, Feedly, Inoreader, Thunderbird or Miniflux):</p>
						<code class="address"><xsl:call-template name="breakable"><xsl:with-param name="text" select="$self"/></xsl:call-template></code>
						<p>New papers then arrive in your reader with their full abstracts. <a href="{/rss/channel/link}">Visit the website</a>.</p>
					</section>
					<ol>
						<xsl:for-each select="/rss/channel/item">
							<li>
								<h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
								<p class="meta">
									<xsl:value-of select="substring(pubDate, 6, 11)"/>
									<xsl:if test="dc:creator">
										<xsl:text> · </xsl:text>
										<xsl:value-of select="dc:creator"/>
									</xsl:if>
								</p>
								<p class="summary">
									<xsl:call-template name="unescape">
										<xsl:with-param name="text" select="description"/>
									</xsl:call-template>
								</p>
								<xsl:if test="category">
									<p class="meta tags">
										<xsl:for-each select="category">
											<span class="tag"><xsl:value-of select="."/></span>
										</xsl:for-each>
									</p>
								</xsl:if>
							</li>
						</xsl:for-each>
					</ol>
				</main>
			</body>
		</html>
	</xsl:template>

	<!-- An address with a line-break opportunity after each slash: on a phone "…/rss.xm" and "l"
		read as broken. -->
	<xsl:template name="breakable">
		<xsl:param name="text"/>
		<xsl:choose>
			<xsl:when test="contains($text, '/')">
				<xsl:value-of select="substring-before($text, '/')"/>
				<xsl:text>/</xsl:text>
				<xsl:if test="not(starts-with(substring-after($text, '/'), '/'))"><wbr/></xsl:if>
				<xsl:call-template name="breakable">
					<xsl:with-param name="text" select="substring-after($text, '/')"/>
				</xsl:call-template>
			</xsl:when>
			<xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<!--
	  Halves a long text before an "&" (no entity is cut) and decodes each half: the decoding below
	  recurses once per entity, and browsers' XSLT gives up at a few thousand levels (an abstract
	  with 1,644 escaped characters left the whole feed page blank). Split, the depth grows with the
	  logarithm of the length.
	-->
	<xsl:template name="unescape">
		<xsl:param name="text"/>
		<xsl:variable name="half" select="floor(string-length($text) div 2)"/>
		<xsl:variable name="tail" select="substring($text, $half + 1)"/>
		<xsl:choose>
			<xsl:when test="string-length($text) &lt;= 200 or not(contains($text, '&amp;'))">
				<xsl:call-template name="unescape-run"><xsl:with-param name="text" select="$text"/></xsl:call-template>
			</xsl:when>
			<xsl:when test="contains($tail, '&amp;')">
				<xsl:call-template name="unescape">
					<xsl:with-param name="text" select="concat(substring($text, 1, $half), substring-before($tail, '&amp;'))"/>
				</xsl:call-template>
				<xsl:call-template name="unescape">
					<xsl:with-param name="text" select="concat('&amp;', substring-after($tail, '&amp;'))"/>
				</xsl:call-template>
			</xsl:when>
			<!-- No "&" after the middle: the last entity may straddle it ("p &l" | "t; 0.05"), and
				is then moved whole to the second part. -->
			<xsl:otherwise>
				<xsl:variable name="back" select="substring($text, $half - 4, 5)"/>
				<xsl:choose>
					<xsl:when test="contains($back, '&amp;')">
						<xsl:call-template name="unescape">
							<xsl:with-param name="text" select="concat(substring($text, 1, $half - 5), substring-before($back, '&amp;'))"/>
						</xsl:call-template>
						<xsl:call-template name="unescape-run">
							<xsl:with-param name="text" select="concat('&amp;', substring-after($back, '&amp;'), $tail)"/>
						</xsl:call-template>
					</xsl:when>
					<xsl:otherwise>
						<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($text, 1, $half)"/></xsl:call-template>
						<xsl:value-of select="$tail"/>
					</xsl:otherwise>
				</xsl:choose>
			</xsl:otherwise>
		</xsl:choose>
	</xsl:template>

	<xsl:template name="unescape-run">
		<xsl:param name="text"/>
		<xsl:choose>
			<xsl:when test="contains($text, '&amp;')">
				<xsl:value-of select="substring-before($text, '&amp;')"/>
				<xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
				<xsl:choose>
					<xsl:when test="starts-with($rest, 'lt;')">
						<xsl:text>&lt;</xsl:text>
						<xsl:call-template name="unescape-run"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template>
					</xsl:when>
					<xsl:when test="starts-with($rest, 'gt;')">
						<xsl:text>&gt;</xsl:text>
						<xsl:call-template name="unescape-run"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template>
					</xsl:when>
					<xsl:when test="starts-with($rest, 'amp;')">
						<xsl:text>&amp;</xsl:text>
						<xsl:call-template name="unescape-run"><xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template>
					</xsl:when>
					<xsl:otherwise>
						<xsl:text>&amp;</xsl:text>
						<xsl:call-template name="unescape-run"><xsl:with-param name="text" select="$rest"/></xsl:call-template>
					</xsl:otherwise>
				</xsl:choose>
			</xsl:when>
			<xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
		</xsl:choose>
	</xsl:template>
</xsl:stylesheet>
