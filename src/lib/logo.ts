/**
 * The site's logo as PNGs, for what needs a raster image, drawn from the favicon's drawing
 * (public/favicon.svg) with resvg at build time, so that they never differ:
 * - /logo.png (src/pages/logo.png.ts), the publisher's logo in the article's structured data;
 * - /favicon.png (src/pages/favicon.png.ts), the icon every page links to. A PNG, not the SVG itself:
 *   Chromium decodes an SVG icon in the page's own process by building a whole SVG document for it
 *   (8–42 ms on the 2-core machine of `npm run bench`), and headless Chromium does so again for every
 *   history entry, which is every filter change on the project index.
 */
export const LOGO_SIZE = 512;

/** The icon's size in pixels: a browser tab's icon is 16 CSS pixels, 32 on a high-density screen. */
export const FAVICON_SIZE = 32;
