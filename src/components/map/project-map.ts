/**
 * <project-map>: the map island. The page is complete without it: every project is listed in the
 * HTML, and without scripting CSS leaves the map box out, so there is no empty frame. The element
 * reads everything it draws from data-* attributes written at build time, waits until it is about to
 * scroll into view, and only then loads Leaflet (and its CSS) as a separate chunk.
 *
 * Attributes (all JSON except data-target): data-features (GeoJSON of project markers),
 * data-bubbles (GeoJSON of district circles), data-bounds ([[s, w], [n, e]] to fit), data-zoom (for a
 * single point), data-tiles ({ url, attribution, maxZoom }), data-strings (interface text),
 * data-target ("_blank" in embeds).
 */
import type * as Leaflet from 'leaflet';
import {
  parseBounds,
  parseBubbles,
  parseFeatures,
  toLatLng,
  isApproximate,
  type BubbleProps,
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

function parseTiles(text: string | undefined): Tiles | undefined {
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

class ProjectMap extends HTMLElement {
  #map: Leaflet.Map | undefined;
  #observer: IntersectionObserver | undefined;
  #started = false;

  connectedCallback(): void {
    const ui = this.querySelector<HTMLElement>('.pm-ui');
    const canvas = this.querySelector<HTMLElement>('.pm-canvas');
    const tiles = parseTiles(this.dataset['tiles']);
    if (this.#started || !ui) return;
    // The map box is shown from the first paint where scripting is on (its height is reserved by CSS,
    // so the page does not jump when Leaflet arrives); without what it needs, it goes away again.
    if (!canvas || !tiles) {
      ui.hidden = true;
      return;
    }
    if (!('IntersectionObserver' in window)) {
      void this.#load(canvas, tiles);
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer?.disconnect();
          void this.#load(canvas, tiles);
        }
      },
      { rootMargin: '200px 0px' },
    );
    this.#observer.observe(canvas);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#map?.remove();
    this.#map = undefined;
  }

  async #load(canvas: HTMLElement, tiles: Tiles): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    let L: typeof Leaflet;
    try {
      const setup = await import('./leaflet-setup.ts');
      // Leaflet measures its container when it starts, so its CSS must be in place first.
      await setup.loadStyles();
      L = setup.default;
    } catch {
      this.#fail();
      return;
    }
    try {
      this.#draw(L, canvas, tiles);
    } catch {
      this.#fail();
    }
  }

  /** Leaflet could not be loaded or drawn: hide the box and say so; the list on the page remains. */
  #fail(): void {
    const ui = this.querySelector<HTMLElement>('.pm-ui');
    const failed = this.querySelector<HTMLElement>('.pm-failed');
    if (ui) ui.hidden = true;
    if (failed) failed.hidden = false;
  }

  #draw(L: typeof Leaflet, canvas: HTMLElement, tiles: Tiles): void {
    const strings = parseStrings(this.dataset['strings']);
    const features = parseFeatures(this.dataset['features']);
    const bubbles = parseBubbles(this.dataset['bubbles']);
    const bounds = parseBounds(this.dataset['bounds']);
    const zoom = Number(this.dataset['zoom']);
    const target = this.dataset['target'] === '_blank' ? '_blank' : undefined;
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
    });
    this.#map = map;
    L.control.zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut }).addTo(map);
    // In an embed, the credits open in a new tab too instead of replacing the framed map.
    const credit = (html: string) => (target ? html.replace(/<a /g, '<a target="_blank" ') : html);
    L.control.attribution({ prefix: credit('<a href="https://leafletjs.com/" rel="noopener">Leaflet</a>') }).addTo(map);
    // When tiles cannot load (offline, blocked) the layer fails quietly and the markers stay on the
    // plain background that the CSS gives the container.
    L.tileLayer(tiles.url, { attribution: credit(tiles.attribution), maxZoom: tiles.maxZoom }).addTo(map);

    const link = (href: string, text: string, textLang?: string): HTMLAnchorElement => {
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

    // District circles first, so that in the DOM (and the Tab order) they come before the points.
    for (const b of bubbles) this.#bubble(L, map, b, link);

    if (this.dataset['markers'] === 'decorative') {
      // On the city map the district circles are the links. Project points are drawn as small
      // non-interactive dots: they show where located projects are, and would otherwise sit on top of
      // the circles as overlapping targets. Their details are one click away on the district page.
      for (const f of features) this.#dot(L, f).addTo(map);
    } else {
      map.addLayer(this.#cluster(L, features, link, strings, lang));
    }

    if (bounds) {
      // District circles are up to ~70 px wide: leave room so that none is cut at the edge.
      const pad = bubbles.length > 0 ? 40 : 16;
      map.fitBounds(this.#withPoints(L, bounds, features), { padding: [pad, pad] });
    } else if (features[0]) {
      map.setView(toLatLng(features[0]), Number.isFinite(zoom) && zoom > 0 ? zoom : 15);
    } else {
      map.setView([43.25, 76.92], 11);
    }
    this.dataset['ready'] = 'true';
  }

  /**
   * Project markers in a cluster group. Markers that would overlap (centres closer than about
   * 40 px) are grouped, so that no two targets cover each other; a cluster says how many projects it
   * holds and opens (zooms in) with a click or Enter.
   */
  #cluster(
    L: typeof Leaflet,
    features: Array<PointFeature<MarkerProps>>,
    link: (href: string, text: string, lang?: string) => HTMLAnchorElement,
    strings: Strings,
    lang: string,
  ): Leaflet.MarkerClusterGroup {
    const rules = new Intl.PluralRules(lang);
    const forms = pluralCategories(strings.cluster);
    const cluster = L.markerClusterGroup({
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
    cluster.on('clusterkeypress', (e: Leaflet.LeafletEvent) => {
      const { originalEvent, layer: c } = e as Leaflet.LeafletEvent & { originalEvent?: KeyboardEvent; layer: Leaflet.MarkerCluster };
      if (originalEvent?.key !== 'Enter') return;
      const first = c.getAllChildMarkers()[0];
      cluster.zoomToShowLayer(first ?? c, () => first?.getElement()?.focus());
    });
    for (const f of features) cluster.addLayer(this.#marker(L, f, link, strings));
    return cluster;
  }

  /** A located project on the city map: a small dot with no role, no focus and no pointer events. */
  #dot(L: typeof Leaflet, f: PointFeature<MarkerProps>): Leaflet.Marker {
    const p = f.properties;
    const icon = L.divIcon({
      html: '',
      className: `pm-dot cat-${p.category} ${isApproximate(p.precision) ? 'pm-approx' : 'pm-exact'}`,
      iconSize: L.point(12, 12),
    });
    // Under the circles, which are translucent: the dots stay visible and never hide a circle's count.
    return L.marker(toLatLng(f), { icon, keyboard: false, interactive: false, zIndexOffset: -2000 });
  }

  /** The bounds to fit, widened to hold every point in case a point lies just outside its district frame. */
  #withPoints(L: typeof Leaflet, b: LatLngBoundsTuple, features: Array<PointFeature<MarkerProps>>): Leaflet.LatLngBounds {
    const bounds = L.latLngBounds(b);
    for (const f of features) bounds.extend(toLatLng(f));
    return bounds;
  }

  #marker(
    L: typeof Leaflet,
    f: PointFeature<MarkerProps>,
    link: (href: string, text: string, lang?: string) => HTMLAnchorElement,
    strings: Strings,
  ): Leaflet.Marker {
    const p = f.properties;
    const approx = isApproximate(p.precision);
    // The icon's text is its accessible name (Leaflet gives the icon role=button and tabindex=0);
    // it carries the title's own lang, so a Russian title on the English page is read in Russian.
    const label = el('span', 'visually-hidden', p.title, p.titleLang);
    const icon = L.divIcon({
      html: label,
      className: `pm-marker cat-${p.category} ${approx ? 'pm-approx' : 'pm-exact'}`,
      iconSize: L.point(24, 24),
    });
    const marker = L.marker(toLatLng(f), { icon, title: p.title, keyboard: true, riseOnHover: true });
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
    return marker;
  }

  #bubble(
    L: typeof Leaflet,
    map: Leaflet.Map,
    b: PointFeature<BubbleProps>,
    link: (href: string, text: string, lang?: string) => HTMLAnchorElement,
  ): void {
    const p = b.properties;
    // The link is at least 28 px square (a comfortable target); the disc inside it has the
    // proportional radius, and a district with no project gets a small dashed ring.
    const disc = p.count > 0 ? 2 * p.radius : 12;
    const size = Math.max(disc, 28);
    // The circle is a real link (to the district page): its name says the district, the count and
    // the split by category, which the tooltip shows to sighted readers on hover or focus.
    const a = link(p.href, '');
    a.className = p.count > 0 ? 'pm-bubble' : 'pm-bubble pm-bubble-empty';
    const shape = el('span', 'pm-bubble-disc');
    shape.style.width = `${disc}px`;
    shape.style.height = `${disc}px`;
    const count = el('span', 'pm-bubble-count', String(p.count));
    shape.setAttribute('aria-hidden', 'true');
    count.setAttribute('aria-hidden', 'true');
    a.prepend(shape, count, el('span', 'visually-hidden', [p.label, ...p.breakdown].join('. ')));
    const icon = L.divIcon({ html: a, className: 'pm-bubble-icon', iconSize: L.point(size, size) });
    // keyboard: false, because the link inside is the focusable element; the icon must not be a second
    // Tab stop with role=button around it.
    const marker = L.marker(toLatLng(b), { icon, keyboard: false, zIndexOffset: -1000 }).addTo(map);
    const tip = el('div', 'pm-tip');
    tip.append(el('strong', '', p.label));
    for (const line of p.breakdown) tip.append(el('span', '', line));
    marker.bindTooltip(tip, { direction: 'top', offset: L.point(0, -size / 2), opacity: 1 });
    a.addEventListener('focus', () => marker.openTooltip());
    a.addEventListener('blur', () => marker.closeTooltip());
  }
}

if (!customElements.get('project-map')) customElements.define('project-map', ProjectMap);
