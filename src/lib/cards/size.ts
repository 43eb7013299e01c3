/** Card size in pixels (the Open Graph recommendation), shared by the drawing code and the pages' meta tags. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
