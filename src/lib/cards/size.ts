/** Card size in pixels (the Open Graph recommendation), shared by the drawing code and the pages' meta tags. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * PNG settings: zlib level 3 without adaptive filtering. Measured on a card: level 9 with
 * filtering ~30 ms, level 6 ~6 ms (68 KB), level 3 ~3.7 ms (75 KB), level 1 ~2.8 ms (91 KB).
 * A flat background and text compress well at any level; level 3 is the knee of that curve.
 * (Here and not in render.ts: the build keys cards by it without loading HarfBuzz and sharp.)
 */
export const PNG_OPTIONS = { compressionLevel: 3, adaptiveFiltering: false } as const;
