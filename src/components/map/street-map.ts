/**
 * The street map, drawn when a reader presses "show on the street map" (see project-map.ts, which
 * imports this module only then): Leaflet with OpenStreetMap tiles, the district outline(s) and the
 * project markers, fitted to the outline. What it draws comes from data-* attributes written at build
 * time: data-features (GeoJSON of project markers), data-bounds ([[s, w], [n, e]] to fit), data-zoom
 * (for a single point), data-tiles ({ url, attribution, maxZoom }), data-strings (interface text),
 * data-target ("_blank" in embeds); and data-outlines, the address of /data/districts.geojson, whose
 * outlines it fetches now (the data-outline-focus district's alone, or all eight).
 */
import type * as Leaflet from 'leaflet';
import L, { loadStyles } from './leaflet-setup.ts';
import {
  parseBounds,
  parseFeatures,
  outlinesFrom,
  toLatLng,
  isApproximate,
  type LatLngBoundsTuple,
  type MarkerProps,
  type PointFeature,
} from '~/lib/geo.ts';
import { pluralCategories, pluralForm } from '~/lib/format.ts';

interface Strings {
  zoomIn: string;
  zoomOut: string;
  closePopup: string;
  pointMarks: string;
  newTab: string;
  /** Plural forms for "N projects here, select to zoom in", chosen with Intl.PluralRules. */
  cluster: string[];
}

interface Tiles {
  url: string;
  attribution: string;
  maxZoom: number;
}

const DEFAULT_STRINGS: Strings = {
  zoomIn: '+',
  zoomOut: '−',
  closePopup: '×',
  pointMarks: '',
  newTab: '',
  cluster: [],
};

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseStrings(text: string | undefined): Strings {
  const v = parseJson(text);
  if (typeof v !== 'object' || v === null) return DEFAULT_STRINGS;
  const o = v as Record<string, unknown>;
  const str = (k: keyof Strings) => (typeof o[k] === 'string' ? (o[k] as string) : (DEFAULT_STRINGS[k] as string));
  return {
    zoomIn: str('zoomIn'),
    zoomOut: str('zoomOut'),
    closePopup: str('closePopup'),
    pointMarks: str('pointMarks'),
    newTab: str('newTab'),
    cluster: Array.isArray(o['cluster']) ? o['cluster'].filter((s): s is string => typeof s === 'string') : [],
  };
}

export function parseTiles(text: string | undefined): Tiles | undefined {
  const v = parseJson(text);
  if (typeof v !== 'object' || v === null) return undefined;
  const { url, attribution, maxZoom } = v as Record<string, unknown>;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return undefined;
  return {
    url,
    attribution: typeof attribution === 'string' ? attribution : '',
    maxZoom: typeof maxZoom === 'number' && maxZoom > 0 ? maxZoom : 18,
  };
}

/** An element with text and an optional lang attribute, built without innerHTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string, lang?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  if (lang) e.lang = lang;
  return e;
}

type LinkMaker = (href: string, text: string, lang?: string) => HTMLAnchorElement;

/**
 * Draws the street map into `canvas` from `host`'s data attributes and resolves with the Leaflet map.
 * Throws when something is missing, and the caller puts the static map back.
 */
export async function drawStreetMap(host: HTMLElement, canvas: HTMLElement): Promise<Leaflet.Map> {
  const tiles = parseTiles(host.dataset['tiles']);
  if (!tiles) throw new Error('no tile settings');
  // The outlines are fetched while Leaflet's CSS loads; without them (offline, a failed request) the
  // markers are drawn alone.
  const outlines = fetchOutlines(host.dataset['outlines'], host.dataset['outlineFocus']);
  // Leaflet measures its container when it starts, so its CSS must be in place first.
  await loadStyles();
  const strings = parseStrings(host.dataset['strings']);
  const features = parseFeatures(host.dataset['features']);
  const outline = await outlines;
  const bounds = parseBounds(host.dataset['bounds']);
  const zoom = Number(host.dataset['zoom']);
  const target = host.dataset['target'] === '_blank' ? '_blank' : undefined;
  const lang = document.documentElement.lang || 'ru';

  canvas.replaceChildren();
  const map = L.map(canvas, {
    zoomControl: false,
    attributionControl: false,
    // Scrolling the page must not zoom the map under the reader's pointer.
    scrollWheelZoom: false,
    maxZoom: tiles.maxZoom,
    // Half steps let a frame fill the box instead of dropping a whole zoom level when it just misses.
    zoomSnap: 0.5,
    // Nothing here is smaller than the city (zoom 10–11): clustering then works out 11 zoom levels
    // instead of 20, which is most of the time a map of thousands of projects takes to draw.
    minZoom: 9,
  });
  L.control.zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut }).addTo(map);
  // In an embed, the credits open in a new tab too instead of replacing the framed map.
  const credit = (html: string) => (target ? html.replace(/<a /g, '<a target="_blank" ') : html);
  L.control.attribution({ prefix: credit('<a href="https://leafletjs.com/" rel="noopener">Leaflet</a>') }).addTo(map);
  // When tiles cannot load (offline, blocked) the layer fails quietly and the outline and markers stay
  // on the plain background that the CSS gives the container.
  L.tileLayer(tiles.url, { attribution: credit(tiles.attribution), maxZoom: tiles.maxZoom }).addTo(map);

  const link: LinkMaker = (href, text, textLang) => {
    const a = el('a', '');
    // The text carries its own lang so that the "opens in a new tab" note stays in the page language.
    if (text) a.append(el('span', '', text, textLang));
    a.href = href;
    if (target) {
      a.target = target;
      a.rel = 'noopener';
      if (strings.newTab) a.append(' ', el('span', 'visually-hidden', strings.newTab));
    }
    return a;
  };

  // The outlines are a picture under the markers: no pointer events, no focus, nothing to announce.
  if (outline) {
    L.geoJSON(outline as GeoJSON.GeoJsonObject, {
      interactive: false,
      style: (f) => (f?.properties?.role === 'focus' ? { className: 'pm-outline pm-outline-focus' } : { className: 'pm-outline' }),
    }).addTo(map);
  }
  map.addLayer(cluster(features, link, strings, lang));

  if (bounds) {
    map.fitBounds(withPoints(bounds, features), { padding: [16, 16] });
  } else if (features[0]) {
    map.setView(toLatLng(features[0]), Number.isFinite(zoom) && zoom > 0 ? zoom : 15);
  } else {
    map.setView([43.25, 76.92], 11);
  }
  return map;
}

/** The district outlines from the file at `href`, or undefined when there is none or it cannot be read. */
async function fetchOutlines(href: string | undefined, focus: string | undefined) {
  if (!href) return undefined;
  try {
    const response = await fetch(href);
    return response.ok ? outlinesFrom(await response.json(), focus || undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** The bounds to fit, widened to hold every point in case a point lies just outside its district's outline. */
function withPoints(b: LatLngBoundsTuple, features: Array<PointFeature<MarkerProps>>): Leaflet.LatLngBounds {
  const bounds = L.latLngBounds(b);
  for (const f of features) bounds.extend(toLatLng(f));
  return bounds;
}

/**
 * Project markers in a cluster group. Markers that would overlap (centres closer than about
 * 40 px) are grouped, so that no two targets cover each other; a cluster says how many projects it
 * holds and opens (zooms in) with a click or Enter.
 */
function cluster(features: Array<PointFeature<MarkerProps>>, link: LinkMaker, strings: Strings, lang: string): Leaflet.MarkerClusterGroup {
  const rules = new Intl.PluralRules(lang);
  const forms = pluralCategories(strings.cluster);
  const group = L.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: (c) => {
      const n = c.getChildCount();
      const form = pluralForm(rules, forms, n);
      const html = el('span', 'pm-cluster-inner');
      html.append(el('span', '', String(n)), el('span', 'visually-hidden', form ? ` ${form}` : ''));
      html.firstElementChild?.setAttribute('aria-hidden', 'true');
      return L.divIcon({ html, className: 'pm-cluster', iconSize: L.point(28, 28) });
    },
  });
  // A cluster is a marker with role=button; Enter should do what a click does: zoom in to it.
  group.on('clusterkeypress', (e: Leaflet.LeafletEvent) => {
    const { originalEvent, layer: c } = e as Leaflet.LeafletEvent & { originalEvent?: KeyboardEvent; layer: Leaflet.MarkerCluster };
    if (originalEvent?.key !== 'Enter') return;
    const first = c.getAllChildMarkers()[0];
    group.zoomToShowLayer(first ?? c, () => first?.getElement()?.focus());
  });
  group.addLayers(features.map((f) => marker(f, link, strings)));
  return group;
}

/**
 * A project marker: a target named by the project's title. Its popup (with the link to the project
 * page) is made on the first click or Enter, not up front: at 10,000 projects, thousands of popups
 * and their listeners made in advance cost more than drawing the map.
 */
function marker(f: PointFeature<MarkerProps>, link: LinkMaker, strings: Strings): Leaflet.Marker {
  const p = f.properties;
  const approx = isApproximate(p.precision);
  // The icon's text is its accessible name (Leaflet gives the icon role=button and tabindex=0);
  // it carries the title's own lang, so a Russian title on the English page is read in Russian.
  const icon = L.divIcon({
    html: el('span', 'visually-hidden', p.title, p.titleLang),
    className: `pm-marker cat-${p.category} ${approx ? 'pm-approx' : 'pm-exact'}`,
    iconSize: L.point(24, 24),
  });
  const m = L.marker(toLatLng(f), { icon, title: p.title, keyboard: true, riseOnHover: true });
  // Click or Enter (Leaflet's own popup binding listens to both): the first makes the popup; from then
  // on Leaflet's handlers open and close it.
  const first = (e: Leaflet.LeafletEvent & { originalEvent?: KeyboardEvent }) => {
    if (m.getPopup() || (e.type === 'keypress' && e.originalEvent?.key !== 'Enter')) return;
    bindPopup(m, f, link, strings);
    m.openPopup();
  };
  m.on('click keypress', first);
  return m;
}

/** The popup of a marker and its keyboard behaviour (focus into it, Escape back to the marker). */
function bindPopup(marker: Leaflet.Marker, f: PointFeature<MarkerProps>, link: LinkMaker, strings: Strings): void {
  const p = f.properties;
  const approx = isApproximate(p.precision);
  marker.bindPopup(
    () => {
      const box = el('div', `pm-popup cat-${p.category}`);
      const title = el('p', 'pm-popup-title');
      title.append(link(p.href, p.title, p.titleLang));
      box.append(title, el('p', 'pm-popup-cat', p.categoryLabel));
      box.append(el('p', `pm-popup-precision ${approx ? 'pm-approx' : 'pm-exact'}`, p.precisionLabel));
      if (p.refersTo) {
        const marks = el('p', 'pm-popup-refers');
        if (strings.pointMarks) marks.append(el('strong', '', `${strings.pointMarks}: `));
        marks.append(el('span', '', p.refersTo, p.refersToLang));
        box.append(marks);
      }
      return box;
    },
    { maxWidth: 300, minWidth: 200, maxHeight: 260, autoPanPadding: L.point(12, 12) },
  );
  marker.on('popupopen', (e: Leaflet.PopupEvent) => {
    const container = e.popup.getElement();
    const close = container?.querySelector<HTMLElement>('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', strings.closePopup);
    close?.setAttribute('title', strings.closePopup);
    // Move focus into the popup so a keyboard user reaches its link next, and can leave with Escape.
    container?.querySelector<HTMLElement>('.pm-popup a')?.focus({ preventScroll: true });
    // Leaflet keeps a popup's container between openings: listen for Escape only once per popup.
    if (container && !container.dataset['escape']) {
      container.dataset['escape'] = 'close';
      container.addEventListener('keydown', (k) => {
        if (k.key === 'Escape') {
          marker.closePopup();
          marker.getElement()?.focus();
        }
      });
    }
  });
  marker.on('popupclose', () => {
    if (document.activeElement === document.body) marker.getElement()?.focus({ preventScroll: true });
  });
}
