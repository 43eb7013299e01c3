/**
 * The element trees satori draws: one layout per card kind (paper, topic, site), 1200×630, light.
 * Pure: data in, tree out. Text is wrapped here (not by satori) so a title that does not fit ends
 * with an ellipsis at a word boundary and the font size can shrink for long titles first.
 */
import { formatDate } from '../format.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './size.ts';
import { measureInter, titleToText, visualOrder, wrapText, type Measure } from './text.ts';

/** Bump when the design changes: every card's cache key includes it. */
export const TEMPLATE_VERSION = 'cards-v1';

/** Design tokens: a light, typographic card. */
export const COLORS = {
	paper: '#fbfaf7',
	ink: '#16181d',
	muted: '#5b6270',
	accent: '#1f4e79',
	rule: '#d9d6cf',
};

/** What a paper card shows. */
export interface PaperCard {
	kind: 'paper';
	site: string;
	title: string;
	shortName?: string;
	/** Topic display names, best first. */
	topics: string[];
	/** ISO date. */
	date: string;
}
/** What a topic card shows. */
export interface TopicCard {
	kind: 'topic';
	site: string;
	name: string;
	description: string;
	count: number;
}
/** What the site card shows. */
export interface SiteCard {
	kind: 'site';
	site: string;
	description: string;
}
/** Data of any card: exactly what is drawn, so its hash is a complete cache key. */
export type CardData = PaperCard | TopicCard | SiteCard;

/** A satori element (the subset of React elements satori reads). */
export interface CardNode {
	type: string;
	props: {
		style?: Record<string, unknown>;
		children?: Array<CardNode | string> | string;
		src?: string;
		width?: number;
		height?: number;
	};
}

const el = (
	type: string,
	style: Record<string, unknown>,
	children?: Array<CardNode | string> | string,
): CardNode => ({ type, props: { style, children } });

const PAD_X = 80;
const PAD_TOP = 64;
const BAR = 14;
/** Width available to text. */
export const TEXT_WIDTH = CARD_WIDTH - BAR - 2 * PAD_X + 14;
const FOOTER_H = 104;
/** Size of the site icon in the footer (the renderer rasterises it once at this size). */
export const ICON_PX = 40;

/** Lines of text as stacked divs, each exactly one line high, right-to-left runs reordered. */
function lines(
	ls: string[],
	size: number,
	weight: 400 | 700,
	color: string,
	lineHeight: number,
): CardNode[] {
	return ls.map((l) =>
		el(
			'div',
			{
				display: 'flex',
				fontSize: size,
				fontWeight: weight,
				color,
				height: Math.round(size * lineHeight),
				lineHeight,
				whiteSpace: 'pre',
			},
			visualOrder(l),
		),
	);
}

/**
 * Chooses the largest size (from `sizes`) at which `text` fits in `height`; at the smallest size
 * the text is cut with an ellipsis instead.
 */
export function fitText(
	text: string,
	sizes: number[],
	height: number,
	lineHeight: number,
	weight: 400 | 700 = 700,
): { size: number; lines: string[]; truncated: boolean } {
	let last = { size: 0, lines: [] as string[], truncated: true };
	for (const size of sizes) {
		const maxLines = Math.max(1, Math.floor(height / Math.round(size * lineHeight)));
		const w = wrapText(text, TEXT_WIDTH, maxLines, measureInter(size, weight));
		last = { size, ...w };
		if (!w.truncated) return last;
	}
	return last;
}

const FOOTER_LEFT = TEXT_WIDTH - 330;
const SEP = '  ·  ';

/** Joins footer parts while they fit, dropping whole trailing parts (topics) rather than cutting one. */
export function joinFitting(parts: string[], maxWidth: number, measure: Measure): string {
	let line = '';
	for (const part of parts) {
		const next = line ? line + SEP + part : part;
		if (measure(next) > maxWidth)
			return line || (wrapText(part, maxWidth, 1, measure).lines[0] ?? '');
		line = next;
	}
	return line;
}

function footer(left: string[], site: string, icon: string): CardNode {
	const leftLine = joinFitting(left, FOOTER_LEFT, measureInter(28, 400));
	return el(
		'div',
		{
			display: 'flex',
			position: 'absolute',
			left: BAR + PAD_X,
			bottom: 0,
			width: TEXT_WIDTH,
			height: FOOTER_H,
			alignItems: 'center',
			justifyContent: 'space-between',
			fontSize: 28,
			color: COLORS.muted,
		},
		[
			// A 2px box, not a border: satori draws borders with clip paths that cost raster time.
			el('div', {
				display: 'flex',
				position: 'absolute',
				left: 0,
				top: 0,
				width: TEXT_WIDTH,
				height: 2,
				backgroundColor: COLORS.rule,
			}),
			el('div', { display: 'flex', whiteSpace: 'pre' }, visualOrder(leftLine)),
			el('div', { display: 'flex', alignItems: 'center', color: COLORS.ink, fontWeight: 700 }, [
				{
					type: 'img',
					props: { src: icon, width: ICON_PX, height: ICON_PX, style: { marginRight: 14 } },
				},
				wrapText(site, 300, 1, measureInter(28, 700)).lines[0] ?? '',
			]),
		],
	);
}

function frame(children: CardNode[], fontFamily: string): CardNode {
	return el(
		'div',
		{
			display: 'flex',
			position: 'relative',
			width: CARD_WIDTH,
			height: CARD_HEIGHT,
			backgroundColor: COLORS.paper,
			fontFamily,
			color: COLORS.ink,
		},
		[
			el('div', {
				display: 'flex',
				position: 'absolute',
				left: 0,
				top: 0,
				width: BAR,
				height: CARD_HEIGHT,
				backgroundColor: COLORS.accent,
			}),
			...children,
		],
	);
}

function column(children: CardNode[]): CardNode {
	return el(
		'div',
		{
			display: 'flex',
			flexDirection: 'column',
			position: 'absolute',
			left: BAR + PAD_X,
			top: PAD_TOP,
			width: TEXT_WIDTH,
		},
		children,
	);
}

const KICKER = 34;
const AVAILABLE = CARD_HEIGHT - PAD_TOP - FOOTER_H - 36;

/** Every piece of text a card draws (to pick fonts for it). */
export function cardText(card: CardData): string {
	if (card.kind === 'paper')
		return [
			titleToText(card.shortName ?? ''),
			titleToText(card.title),
			card.topics.join(' · '),
			card.site,
			formatDate(card.date),
			'…',
		].join(' ');
	if (card.kind === 'topic')
		return [card.name, card.description, card.site, 'Topic papers…'].join(' ');
	return [card.site, card.description, '…'].join(' ');
}

/**
 * The satori tree of a card; `icon` is the site icon as a data URL (a PNG of ICON_PX, so the
 * rasteriser only copies it), `fontFamily` the CSS family
 * list of the fonts loaded for it (see fonts.ts).
 */
export function cardTree(card: CardData, icon: string, fontFamily: string): CardNode {
	if (card.kind === 'paper') {
		// The short name is a kicker above the title, unless it is the whole title.
		const short = titleToText(card.shortName ?? '');
		const kicker =
			short && short !== titleToText(card.title)
				? [
						el(
							'div',
							{
								display: 'flex',
								fontSize: KICKER,
								fontWeight: 700,
								color: COLORS.accent,
								height: 52,
								whiteSpace: 'pre',
							},
							visualOrder(short),
						),
					]
				: [];
		const t = fitText(
			titleToText(card.title),
			[68, 60, 54, 48],
			AVAILABLE - (kicker.length ? 64 : 0),
			1.18,
		);
		const left = [formatDate(card.date), ...card.topics.slice(0, 3)];
		return frame(
			[
				column([
					...kicker,
					el(
						'div',
						{ display: 'flex', flexDirection: 'column', marginTop: kicker.length ? 12 : 0 },
						lines(t.lines, t.size, 700, COLORS.ink, 1.18),
					),
				]),
				footer(left, card.site, icon),
			],
			fontFamily,
		);
	}
	if (card.kind === 'topic') {
		const name = fitText(card.name, [84, 72, 60], 2 * 100, 1.15);
		const nameH = name.lines.length * Math.round(name.size * 1.15);
		const desc = fitText(card.description, [34], AVAILABLE - 64 - nameH - 28, 1.35, 400);
		return frame(
			[
				column([
					el(
						'div',
						{
							display: 'flex',
							fontSize: KICKER,
							fontWeight: 700,
							color: COLORS.accent,
							height: 52,
						},
						'Topic',
					),
					el(
						'div',
						{ display: 'flex', flexDirection: 'column', marginTop: 12 },
						lines(name.lines, name.size, 700, COLORS.ink, 1.15),
					),
					el(
						'div',
						{ display: 'flex', flexDirection: 'column', marginTop: 28 },
						lines(desc.lines, desc.size, 400, COLORS.muted, 1.35),
					),
				]),
				footer([`${card.count} ${card.count === 1 ? 'paper' : 'papers'}`], card.site, icon),
			],
			fontFamily,
		);
	}
	const title = fitText(card.site, [120, 96], 2 * 140, 1.1);
	const desc = fitText(card.description, [40, 34], 3 * 54, 1.35, 400);
	return frame(
		[
			column([
				el(
					'div',
					{ display: 'flex', flexDirection: 'column', marginTop: 40 },
					lines(title.lines, title.size, 700, COLORS.ink, 1.1),
				),
				el(
					'div',
					{ display: 'flex', flexDirection: 'column', marginTop: 28 },
					lines(desc.lines, desc.size, 400, COLORS.muted, 1.35),
				),
			]),
			footer([], card.site, icon),
		],
		fontFamily,
	);
}
