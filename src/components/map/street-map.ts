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
import Supercluster from 'supercluster';
import L from './leaflet-setup.ts';
import { fetchJson, loadStyles } from './map-assets.ts';
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
  /** Plural forms for "N projects at this point", a group no zoom separates. */
  atPoint: string[];
  /** What selecting such a group does: "select to list them". */
  toList: string;
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
  atPoint: [],
  toList: '',
};

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const forms = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

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
    toList: str('toList'),
    cluster: forms(o['cluster']),
    atPoint: forms(o['atPoint']),
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
  // The outlines and Leaflet's CSS were requested with this module (project-map.ts); these are the
  // same requests. Without the outlines (offline, a failed request) the markers are drawn alone.
  const outlines = fetchJson(host.dataset['outlines']);
  // Leaflet measures its container when it starts, so its CSS must be in place first.
  await loadStyles();
  const strings = parseStrings(host.dataset['strings']);
  const features = parseFeatures(host.dataset['features']);
  const outline = outlinesFrom(await outlines, host.dataset['outlineFocus'] || undefined);
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
  if (bounds) {
    map.fitBounds(withPoints(bounds, features), { padding: [16, 16] });
  } else if (features[0]) {
    map.setView(toLatLng(features[0]), Number.isFinite(zoom) && zoom > 0 ? zoom : 15);
  } else {
    map.setView([43.25, 76.92], 11);
  }
  // The markers are drawn for the view: now, and after every move.
  const draw = clusterLayer(map, features, link, strings, lang);
  draw();
  map.on('moveend', draw);
  return map;
}

/** The bounds to fit, widened to hold every point in case a point lies just outside its district's outline. */
function withPoints(b: LatLngBoundsTuple, features: Array<PointFeature<MarkerProps>>): Leaflet.LatLngBounds {
  const bounds = L.latLngBounds(b);
  for (const f of features) bounds.extend(toLatLng(f));
  return bounds;
}

/**
 * Project markers, grouped where they would overlap. Supercluster (a k-d tree index) groups the
 * points once, for every zoom from the map's smallest to its largest; each move then draws only the
 * groups and markers in view (with a margin), keeping those already drawn. Markers whose centres
 * would be closer than about 40 px are one group, so that no two targets cover each other; a group
 * says how many projects it holds. A click or Enter zooms in until the group comes apart, and Enter
 * then moves focus to one of its markers. A group that no zoom separates (the same point, or points
 * closer than the largest zoom can show apart) opens a list of its projects instead.
 *
 * Why not leaflet.markercluster, used before: it built a Leaflet marker for every project up front
 * and a grid for every zoom, which at 10,000 projects took most of the half second the city's
 * street map took to draw (npm run bench); Supercluster indexes the same points in a few
 * milliseconds and is a fifth of the code a reader downloads.
 */
function clusterLayer(map: Leaflet.Map, features: Array<PointFeature<MarkerProps>>, link: LinkMaker, strings: Strings, lang: string): () => void {
  const rules = new Intl.PluralRules(lang);
  const zoomForms = pluralCategories(strings.cluster);
  const pointForms = pluralCategories(strings.atPoint);
  const maxZoom = map.getMaxZoom();
  // Leaflet's tiles are 256 px: a radius of 40 relative to a 256 extent is 40 px on screen.
  const index = new Supercluster<MarkerProps, Record<string, never>>({ radius: 40, extent: 256, minZoom: Math.floor(map.getMinZoom()), maxZoom }).load(
    features as unknown as Array<GeoJSON.Feature<GeoJSON.Point, MarkerProps>>,
  );
  const layer = L.layerGroup().addTo(map);
  const markers = new Map<object, Leaflet.Marker>();
  const groups = new Map<number, Leaflet.Marker>();
  let shown = new Set<Leaflet.Marker>();

  // Supercluster hands back a new feature each time, with the project's own properties object: the
  // key that finds a project's marker again.
  const markerOf = (f: PointFeature<MarkerProps>) => {
    let m = markers.get(f.properties);
    if (!m) markers.set(f.properties, (m = marker(f, link, strings, map)));
    return m;
  };

  /** The smallest zoom from `from` at which `f` stands on its own, if there is one. */
  const aloneAt = (f: PointFeature<MarkerProps>, from: number) => {
    const [lon, lat] = f.geometry.coordinates;
    // The index keeps positions as 32-bit floats: a box of about 10 m around the point finds it.
    const box: [number, number, number, number] = [lon - 1e-4, lat - 1e-4, lon + 1e-4, lat + 1e-4];
    for (let z = from; z <= maxZoom; z += 1) {
      if (index.getClusters(box, z).some((c) => c.properties === f.properties)) return z;
    }
    return undefined;
  };

  const groupMarker = (g: PointFeature<{ cluster_id: number; point_count: number }>) => {
    const id = g.properties.cluster_id;
    const known = groups.get(id);
    if (known) return known;
    const n = g.properties.point_count;
    // The zoom at which the group comes apart; beyond the map's largest, it never does.
    const expansion = index.getClusterExpansionZoom(id);
    const opens = expansion <= maxZoom;
    const form = pluralForm(rules, opens ? zoomForms : pointForms, n);
    const html = el('span', 'pm-cluster-inner');
    // The number shows; a screen reader hears the whole name, number included ("3 projects here,
    // select to zoom in"), once. (Before, the number was hidden from it and not in the name.)
    const name = `${n}${form ? ` ${form}` : ''}${!opens && strings.toList ? `, ${strings.toList}` : ''}`;
    html.append(el('span', '', String(n)), el('span', 'visually-hidden', name));
    html.firstElementChild?.setAttribute('aria-hidden', 'true');
    // 28 px holds two digits; three and four get a larger disc rather than spilling over its edge.
    const size = n < 100 ? 28 : n < 1000 ? 34 : 40;
    const icon = L.divIcon({ html, className: `pm-cluster${opens ? '' : ' pm-cluster-point'}${n < 1000 ? '' : ' pm-cluster-big'}`, iconSize: L.point(size, size) });
    const m = L.marker(toLatLng(g), { icon, keyboard: true, riseOnHover: true });
    m.on('click keypress', (e: Leaflet.LeafletEvent & { originalEvent?: KeyboardEvent }) => {
      const byKey = e.type === 'keypress';
      if (byKey && e.originalEvent?.key !== 'Enter') return;
      if (!opens) {
        if (!m.getPopup()) bindList(m, index.getLeaves(id, Infinity) as unknown as Array<PointFeature<MarkerProps>>, n, form, link, strings, popupOptions(map));
        m.openPopup();
        return;
      }
      if (!byKey) {
        map.setView(toLatLng(g), expansion);
        return;
      }
      // Enter: zoom in until one of the group's projects stands alone, then focus its marker.
      const leaves = index.getLeaves(id, 20) as unknown as Array<PointFeature<MarkerProps>>;
      let target: PointFeature<MarkerProps> | undefined;
      let at = expansion;
      for (const leaf of leaves) {
        const z = aloneAt(leaf, expansion);
        if (z !== undefined && (!target || z < at)) [target, at] = [leaf, z];
        if (target && at === expansion) break;
      }
      map.once('moveend', () => {
        const next = target ? markers.get(target.properties) : undefined;
        (next?.getElement() ?? nearest(g))?.focus();
      });
      map.setView(target ? toLatLng(target) : toLatLng(g), at);
    });
    groups.set(id, m);
    return m;
  };

  /** The element of the drawn marker or group nearest to `g` (focus after a zoom left no single marker). */
  const nearest = (g: PointFeature<unknown>) => {
    const at = map.latLngToLayerPoint(toLatLng(g));
    let best: HTMLElement | undefined;
    let distance = Infinity;
    for (const m of shown) {
      const d = map.latLngToLayerPoint(m.getLatLng()).distanceTo(at);
      if (d < distance) [best, distance] = [m.getElement(), d];
    }
    return best;
  };

  return () => {
    const b = map.getBounds().pad(0.5);
    const next = new Set<Leaflet.Marker>();
    // At a half zoom the groups are those of the zoom it rounds to, as leaflet.markercluster's were: 40 px
    // there is 28 px at the half step below it, still no less than a group's width.
    for (const item of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.round(map.getZoom()))) {
      const p = item.properties as { cluster?: boolean };
      next.add(p.cluster ? groupMarker(item as unknown as Parameters<typeof groupMarker>[0]) : markerOf(item as unknown as PointFeature<MarkerProps>));
    }
    for (const m of shown) {
      if (next.has(m)) continue;
      layer.removeLayer(m);
    }
    for (const m of next) if (!shown.has(m)) layer.addLayer(m);
    // Groups of another zoom will not come back as they were: forget them.
    for (const [id, m] of groups) if (!next.has(m)) groups.delete(id);
    shown = next;
  };
}

/**
 * A popup's size, and how far from the map's edges it pans to. On a phone a 300 px popup is wider than
 * the map and lost its right edge, close button included: it is at most the map's width less its frame
 * (about 45 px) and the margins. It keeps 84 px from the top, so that the zoom buttons (top left, 74 px
 * with their margin) never cover its first line, which they did.
 */
function popupOptions(map: Leaflet.Map): Leaflet.PopupOptions {
  const maxWidth = Math.max(160, Math.min(300, map.getSize().x - 72));
  return { maxWidth, minWidth: Math.min(200, maxWidth), maxHeight: 260, autoPanPadding: L.point(12, 12), autoPanPaddingTopLeft: L.point(12, 84) };
}

/**
 * A project marker: a target named by the project's title. Its popup (with the link to the project
 * page) is made on the first click or Enter, not up front: at 10,000 projects, thousands of popups
 * and their listeners made in advance cost more than drawing the map.
 */
function marker(f: PointFeature<MarkerProps>, link: LinkMaker, strings: Strings, map: Leaflet.Map): Leaflet.Marker {
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
    bindPopup(m, f, link, strings, popupOptions(map));
    m.openPopup();
  };
  m.on('click keypress', first);
  return m;
}

/** The popup of a marker and its keyboard behaviour (focus into it, Escape back to the marker). */
function bindPopup(marker: Leaflet.Marker, f: PointFeature<MarkerProps>, link: LinkMaker, strings: Strings, options: Leaflet.PopupOptions): void {
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
    options,
  );
  keyboardPopup(marker, strings);
}

/**
 * A group's list of its projects, for a group that no zoom separates: each project's title as a link
 * to its page, with its category. Made on the first click or Enter, like a marker's popup.
 */
function bindList(marker: Leaflet.Marker, leaves: Array<PointFeature<MarkerProps>>, n: number, form: string, link: LinkMaker, strings: Strings, options: Leaflet.PopupOptions): void {
  marker.bindPopup(
    () => {
      const box = el('div', 'pm-popup pm-popup-group');
      box.append(el('p', 'pm-popup-title', form ? `${n} ${form}` : String(n)));
      const list = el('ul', 'pm-popup-list');
      for (const f of leaves) {
        const p = f.properties;
        const item = el('li', `cat-${p.category}`);
        item.append(link(p.href, p.title, p.titleLang), ' ', el('span', 'pm-popup-kind', p.categoryLabel));
        list.append(item);
      }
      box.append(list);
      return box;
    },
    options,
  );
  keyboardPopup(marker, strings);
}

/** A popup's keyboard behaviour: focus moves into it, and Escape closes it and returns to the marker. */
function keyboardPopup(marker: Leaflet.Marker, strings: Strings): void {
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
