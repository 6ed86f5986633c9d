/**
 * Leaflet with marker clustering and the map styles, as one lazily loaded chunk: <project-map>
 * imports this module only when a map is about to scroll into view, so pages load none of it before.
 * Leaflet and its CSS come from npm and are bundled with the site (no CDN); markers are drawn with
 * CSS (divIcon), so Leaflet's default PNG icons are never requested.
 */
import L from 'leaflet';
// leaflet.markercluster is a UMD script that extends the global `L`, which Leaflet sets when it runs;
// the import order guarantees that Leaflet runs first.
import 'leaflet.markercluster';
// Imported as a URL, not as a stylesheet: Astro would hoist a plain CSS import into every page that
// has a map, so that it would load before the map is needed.
import stylesheet from './map-styles.css?url';

/** Links the map stylesheet once and resolves when it has loaded (or failed: markers still work). */
export function loadStyles(): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>('link[data-map-styles]');
  if (existing) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    link.dataset['mapStyles'] = '';
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

export default L;
