/**
 * The Open Graph image of each kind of page: its card URL, alt text and size, built in one place
 * so pages only say which card they show.
 */
import { SITE } from '../site.config.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './cards/size.ts';
import { paperCardUrl, siteCardUrl, topicCardUrl } from './urls.ts';

/** What BaseLayout needs for `og:image` and its companions. */
export interface OgImage {
	url: string;
	alt: string;
	width: number;
	height: number;
}

const card = (url: string, alt: string): OgImage => ({
	url,
	alt,
	width: CARD_WIDTH,
	height: CARD_HEIGHT,
});

/** The site card: every page that has no card of its own. */
export const siteImage = (): OgImage => card(siteCardUrl(), `${SITE.title}: ${SITE.description}`);
/** A paper's card. */
export const paperImage = (slug: string, title: string): OgImage => card(paperCardUrl(slug), title);
/** A topic's card. */
export const topicImage = (slug: string, name: string): OgImage =>
	card(topicCardUrl(slug), `${name} — ${SITE.title}`);
