/**
 * The site's logo as a PNG, for what needs a raster image: the publisher's logo in the article's
 * structured data. /logo.png (src/pages/logo.png.ts) draws the favicon (public/favicon.svg) at this
 * size with resvg at build time, so the two never differ.
 */
export const LOGO_SIZE = 512;
