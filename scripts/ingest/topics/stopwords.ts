/**
 * Stop words for topic, keyword and related-paper analysis. A fixed list in the repo (rather
 * than a package) so that results never change with a dependency update.
 */

/** Function words of English, dropped before stemming (after the SMART and Snowball lists). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	`a about above across after again against all almost along already also although always am
among an and another any anyone anything are around as at be became because become becomes been
before being below between both but by can cannot could did do does doing done down during each
either else enough etc even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like many may me
might more most much must my myself neither no nor not now of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps quite rather same several she
should since so some such than that the their theirs them themselves then there thereby therefore
these they this those though through throughout thus to too toward towards under unless until up
upon us very via was we well were what whatever when where whereas whether which while who whom
whose why will with within without would yet you your yours yourself e.g i.e et al vs also`.split(
		/\s+/u,
	),
);

/**
 * Words that are frequent in any abstract and say nothing about its subject. They stay in the
 * token stream (so phrases like "language model" still match) but never start a keyword, never
 * make a keyword on their own, and never count as shared terms of related papers.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
	`propose proposed proposes present presents presented show shows shown demonstrate demonstrates
demonstrated novel new approach approaches method methods paper work study studies result results
achieve achieves achieved achieving outperform outperforms outperforming state art existing previous
prior recent recently various different significant significantly improve improves improved
improving improvement improvements performance performances based using use used uses make makes
first two three four five six seven eight nine ten extensive experiments experiment experimental
evaluate evaluated evaluation evaluations effective effectively efficient efficiently task tasks
framework frameworks problem problems however furthermore moreover specifically particular
particularly available release released publicly github https http com www et al introduce
introduces introduced leverage leverages leveraging enable enables enabling challenge challenges
challenging key important able higher lower larger smaller better best good
strong stronger simple well data set sets provide provides including include includes further
across given compared compare comparison competitive superior respectively able aim aims address
addresses addressing allow allows propose lead leads via due called termed called named thereby
remain remains remaining number numbers way ways often even still whereas yet etc overall
experiments finally first second third conduct conducted consider considered find found general
generally specific model models learning learn learned discuss discussed discusses analysis
analyses analyze analyzed project obtain obtained investigate investigated investigation describe
described determine determined calculate calculated report reported case cases half prove
proves proved`.split(/\s+/u),
);
