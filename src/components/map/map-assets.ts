/**
 * What the street map needs besides its code: its stylesheet and the district outlines. Both are
 * requested the moment a reader presses "show on the street map" (project-map.ts), beside the street
 * map's code rather than after it, so that a slow network pays one round trip for the three instead of
 * two; street-map.ts then waits for the same requests. Nothing here loads before the press, and the
 * module holds no Leaflet: it is part of the small script every map page loads.
 */
// Imported as a URL, not as a stylesheet: Astro would hoist a plain CSS import into every page that
// has a map, so that it would load before the map is needed.
import stylesheet from './map-styles.css?url';

let styles: Promise<void> | undefined;

/** Links the map stylesheet once and resolves when it has loaded (or failed: markers still work). */
export function loadStyles(): Promise<void> {
  styles ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
  return styles;
}

const json = new Map<string, Promise<unknown>>();

/**
 * The JSON at `href` (the district outlines), or undefined when there is none or it cannot be read;
 * one request per address, whoever asks first.
 */
export function fetchJson(href: string | undefined): Promise<unknown> {
  if (!href) return Promise.resolve(undefined);
  let request = json.get(href);
  if (!request) {
    request = fetch(href)
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    json.set(href, request);
  }
  return request;
}
