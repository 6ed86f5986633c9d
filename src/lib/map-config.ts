/**
 * Map tiles, in one place. The site's only outside resource is the tile server, so its address,
 * attribution and zoom limit live here, and astro.config.mjs imports `tileOrigin()` from this module
 * to allow that origin (and only it) in the Content Security Policy's img-src.
 *
 * The default is OpenStreetMap's standard tile layer, whose usage policy requires the attribution
 * below. Set PUBLIC_TILE_URL at build time to use another server (a self-hosted cache, a test stub);
 * the CSP follows automatically because both read the same variable through `tileConfig()`.
 */

/** OpenStreetMap's standard raster tiles. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** OpenStreetMap's required credit, as HTML for Leaflet's attribution control. */
export const OSM_ATTRIBUTION =
  '<span lang="en">© <a href="https://www.openstreetmap.org/copyright" rel="noopener">OpenStreetMap</a> contributors</span>';

/** The deepest zoom the standard tile layer serves. */
export const MAX_ZOOM = 19;

export interface TileConfig {
  /** URL template with {z}/{x}/{y} (and optionally {s}) placeholders. */
  url: string;
  /** HTML credit shown in the map corner. */
  attribution: string;
  maxZoom: number;
}

/**
 * The tile settings for a build. `env` is `import.meta.env` in pages and `process.env` in
 * astro.config.mjs, so both see the same PUBLIC_TILE_URL.
 */
export function tileConfig(env: Record<string, string | boolean | undefined> = {}): TileConfig {
  const override = env['PUBLIC_TILE_URL'];
  const url = typeof override === 'string' && override.trim() !== '' ? override.trim() : DEFAULT_TILE_URL;
  return { url, attribution: OSM_ATTRIBUTION, maxZoom: MAX_ZOOM };
}

/**
 * The origin of a tile URL template, as a CSP source: `https://tile.openstreetmap.org`.
 * A `{s}` subdomain placeholder becomes the CSP wildcard `*`. Throws on a template that has no
 * http(s) origin, so a typo in PUBLIC_TILE_URL stops the build instead of blanking every map.
 */
export function tileOrigin(template: string): string {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(template);
  if (!m?.[1]) throw new Error(`PUBLIC_TILE_URL must start with http:// or https://; got ${JSON.stringify(template)}`);
  return m[1].replace('{s}', '*').toLowerCase();
}
