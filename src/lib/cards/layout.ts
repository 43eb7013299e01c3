/**
 * What each card kind (paper, topic, site) draws and where, 1200×630, light. Pure: data in, a
 * positioned scene out. Text is wrapped here so a title that does not fit ends
 * with an ellipsis at a word boundary and the font size can shrink for long titles first.
 */
import { formatDate } from '../format.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './size.ts';
import {
	measureInter,
	titleToText,
	visualOrder,
	wrapText,
	type Measure,
	type MeasureFor,
} from './text.ts';

/** Bump when the design or its text changes: every card's cache key includes it. */
export const TEMPLATE_VERSION = 'cards-v6';

/** Design tokens: a light, typographic card. */
export const COLORS = {
	paper: '#fbfaf7',
	ink: '#16181d',
	muted: '#5b6270',
	// The brand red of the header's mark and the icons (it was navy, unlike the site).
	accent: '#a3262a',
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
	/** The word the paper page puts before that date (dateLabel in paper-page.ts). */
	dateLabel: 'Listed' | 'Updated';
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

/** A filled rectangle, in pixels. */
export interface RectItem {
	x: number;
	y: number;
	width: number;
	height: number;
	color: string;
}
/** One line of text: drawn from `x` on the integer `baseline`, already in visual order. */
export interface TextItem {
	x: number;
	baseline: number;
	text: string;
	size: number;
	weight: 400 | 700;
	color: string;
}
/** Everything a card draws, positioned: the renderer only paints it. */
export interface Scene {
	background: string;
	rects: RectItem[];
	texts: TextItem[];
	/** Where the site icon goes (a square of ICON_PX). */
	icon: { x: number; y: number };
}

const PAD_X = 80;
const PAD_TOP = 64;
const BAR = 14;
/** Left edge of every text column. */
const LEFT = BAR + PAD_X;
/** Width available to text. */
export const TEXT_WIDTH = CARD_WIDTH - BAR - 2 * PAD_X + 14;
const FOOTER_H = 104;
/** Size of the site icon in the footer (the renderer rasterises it once at this size). */
export const ICON_PX = 40;

/**
 * Inter's vertical metrics (hhea ascender 1984 and descender 494 of 2048 units): text sits in its
 * line box as CSS puts it, the glyphs' ascent-to-descent box centred in the line height.
 */
const ASCENT = 1984 / 2048;
const DESCENT = 494 / 2048;

/** Baseline of text at `size` in a line box of `lineBox` pixels starting at `top`. */
const baselineIn = (top: number, lineBox: number, size: number): number =>
	Math.round(top + (lineBox - (ASCENT + DESCENT) * size) / 2 + ASCENT * size);

/** A block of lines from `top`, each exactly `round(size × lineHeight)` high; returns its height. */
function block(
	out: TextItem[],
	ls: string[],
	top: number,
	size: number,
	weight: 400 | 700,
	color: string,
	lineHeight: number,
): number {
	const step = Math.round(size * lineHeight);
	ls.forEach((l, i) =>
		out.push({
			x: LEFT,
			baseline: baselineIn(top + i * step, size * lineHeight, size),
			text: visualOrder(l),
			size,
			weight,
			color,
		}),
	);
	return ls.length * step;
}

/**
 * Chooses the largest size (from `sizes`) at which `text` fits in `height`; at the smallest size
 * the text is cut with an ellipsis instead. `measureFor` defaults to Inter's bundled widths.
 */
export function fitText(
	text: string,
	sizes: number[],
	height: number,
	lineHeight: number,
	weight: 400 | 700 = 700,
	measureFor: MeasureFor = measureInter,
): { size: number; lines: string[]; truncated: boolean } {
	let last = { size: 0, lines: [] as string[], truncated: true };
	for (const size of sizes) {
		const maxLines = Math.max(1, Math.floor(height / Math.round(size * lineHeight)));
		const w = wrapText(text, TEXT_WIDTH, maxLines, measureFor(size, weight));
		last = { size, ...w };
		if (!w.truncated) return last;
	}
	return last;
}

/** Room kept between the footer's left text and the site icon. */
const FOOTER_GAP = 48;
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

/**
 * The footer: a rule, `left` parts (date, topics) on the left, icon and site name on the right,
 * vertically centred in the bottom FOOTER_H pixels. The left parts take the width up to the icon
 * (less FOOTER_GAP): a fixed 710 pixels left 141 unused before the icon of `Abstracta`, where the
 * date's label (`Updated 26 November 2008`) took the room of 282 of the 971 topics the 1,074
 * cards of the corpus showed; and it ran under the icon of a site name of 300 pixels.
 */
function footer(scene: Scene, left: string[], site: string, measureFor: MeasureFor): void {
	const top = CARD_HEIGHT - FOOTER_H;
	const size = 28;
	const baseline = baselineIn(top, FOOTER_H, size);
	scene.rects.push({ x: LEFT, y: top, width: TEXT_WIDTH, height: 2, color: COLORS.rule });
	const name = wrapText(site, 300, 1, measureFor(size, 700)).lines[0] ?? '';
	const nameX = Math.round(LEFT + TEXT_WIDTH - measureFor(size, 700)(name));
	scene.icon = { x: nameX - 14 - ICON_PX, y: top + (FOOTER_H - ICON_PX) / 2 };
	const leftLine = joinFitting(left, scene.icon.x - FOOTER_GAP - LEFT, measureFor(size, 400));
	if (leftLine)
		scene.texts.push({
			x: LEFT,
			baseline,
			text: visualOrder(leftLine),
			size,
			weight: 400,
			color: COLORS.muted,
		});
	scene.texts.push({
		x: nameX,
		baseline,
		text: visualOrder(name),
		size,
		weight: 700,
		color: COLORS.ink,
	});
}

/** An empty card: paper background and the accent bar down the left edge. */
function frame(): Scene {
	return {
		background: COLORS.paper,
		rects: [{ x: 0, y: 0, width: BAR, height: CARD_HEIGHT, color: COLORS.accent }],
		texts: [],
		icon: { x: 0, y: 0 },
	};
}

const KICKER = 34;
const AVAILABLE = CARD_HEIGHT - PAD_TOP - FOOTER_H - 36;

/**
 * A paper card's date as the paper page's head says it (`Updated 26 November 2008`): a bare
 * date read as the day the paper came out, and an arXiv record's date is its last update.
 */
const paperDate = (card: PaperCard): string => `${card.dateLabel} ${formatDate(card.date)}`;

/** Every piece of text a card draws (to pick fonts for it). */
export function cardText(card: CardData): string {
	if (card.kind === 'paper')
		return [
			titleToText(card.shortName ?? ''),
			titleToText(card.title),
			card.topics.join(' · '),
			card.site,
			paperDate(card),
			'…',
		].join(' ');
	if (card.kind === 'topic')
		return [card.name, card.description, card.site, 'Topic papers…'].join(' ');
	return [card.site, card.description, '…'].join(' ');
}

/**
 * The scene of a card: every rectangle and line of text at its place. `measureFor` gives text
 * widths; the renderer passes one from the fonts it draws with, so characters Inter lacks (CJK,
 * symbols, emoji) are wrapped at their real width.
 */
export function cardScene(card: CardData, measureFor: MeasureFor = measureInter): Scene {
	const scene = frame();
	const texts = scene.texts;
	const kicker = (text: string): number => {
		texts.push({
			x: LEFT,
			baseline: baselineIn(PAD_TOP, (ASCENT + DESCENT) * KICKER, KICKER),
			text: visualOrder(text),
			size: KICKER,
			weight: 700,
			color: COLORS.accent,
		});
		return PAD_TOP + 52 + 12;
	};
	if (card.kind === 'paper') {
		// The short name is a kicker above the title, unless it is the whole title.
		const short = titleToText(card.shortName ?? '');
		const hasKicker = short !== '' && short !== titleToText(card.title);
		const top = hasKicker ? kicker(short) : PAD_TOP;
		const t = fitText(
			titleToText(card.title),
			[68, 60, 54, 48],
			AVAILABLE - (hasKicker ? 64 : 0),
			1.18,
			700,
			measureFor,
		);
		block(texts, t.lines, top, t.size, 700, COLORS.ink, 1.18);
		footer(scene, [paperDate(card), ...card.topics.slice(0, 3)], card.site, measureFor);
		return scene;
	}
	if (card.kind === 'topic') {
		const top = kicker('Topic');
		const name = fitText(card.name, [84, 72, 60], 2 * 100, 1.15, 700, measureFor);
		const nameH = block(texts, name.lines, top, name.size, 700, COLORS.ink, 1.15);
		const desc = fitText(
			card.description,
			[34],
			AVAILABLE - 64 - nameH - 28,
			1.35,
			400,
			measureFor,
		);
		block(texts, desc.lines, top + nameH + 28, desc.size, 400, COLORS.muted, 1.35);
		footer(
			scene,
			[`${card.count} ${card.count === 1 ? 'paper' : 'papers'}`],
			card.site,
			measureFor,
		);
		return scene;
	}
	const title = fitText(card.site, [120, 96], 2 * 140, 1.1, 700, measureFor);
	const titleH = block(texts, title.lines, PAD_TOP + 40, title.size, 700, COLORS.ink, 1.1);
	const desc = fitText(card.description, [40, 34], 3 * 54, 1.35, 400, measureFor);
	block(texts, desc.lines, PAD_TOP + 40 + titleH + 28, desc.size, 400, COLORS.muted, 1.35);
	footer(scene, [], card.site, measureFor);
	return scene;
}
