/**
 * <project-map>: a static map (inline SVG, drawn at build time) that a reader can swap for the street
 * map. The page is complete without it: the SVG, its legend and the lists below work without
 * JavaScript and in print. This element only shows the "show on the street map" button (it is hidden
 * in the HTML, since it needs a script) and, when pressed, loads Leaflet and street-map.ts as one
 * separate chunk, and with it the map stylesheet and the district outlines (map-assets.ts). Until then
 * nothing is requested from the tile server and no map code is loaded: pages open faster, and the
 * tile server learns nothing about a reader who never asks for it. Once the street map is drawn, the
 * same button switches back to the drawn picture and again to the street map (a reader on a slow
 * network, or one who wants the shades and counts back, need not reload).
 *
 * Kept deliberately small (it is the only map script a page loads before the press); everything
 * about drawing lives in street-map.ts.
 */
import { fetchJson, loadStyles } from './map-assets.ts';

class ProjectMap extends HTMLElement {
  #started = false;
  /** Leaflet's map once drawn: the button then switches between it and the drawn picture. */
  #map: { invalidateSize(): unknown } | undefined;

  connectedCallback(): void {
    const street = this.querySelector<HTMLElement>('.pm-street');
    const button = street?.querySelector<HTMLButtonElement>('button');
    // Without tile settings there is nothing to switch to: the static map stays, alone.
    if (!street || !button || !this.dataset['tiles'] || this.#started) return;
    street.hidden = false;
    button.addEventListener('click', () => (this.#map ? this.#toggle(button) : void this.#start(button)));
  }

  /** After the street map is drawn: the drawn picture and the street map, one or the other. */
  #toggle(button: HTMLButtonElement): void {
    const still = this.querySelector<HTMLElement>('.pm-static');
    const canvas = this.querySelector<HTMLElement>('.pm-canvas');
    if (!still || !canvas) return;
    const toStreet = canvas.hidden;
    canvas.hidden = !toStreet;
    still.hidden = toStreet;
    button.textContent = (toStreet ? button.dataset['drawn'] : button.dataset['street']) ?? '';
    // Leaflet measured nothing while its box was hidden.
    if (toStreet) this.#map?.invalidateSize();
  }

  async #start(button: HTMLButtonElement): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const still = this.querySelector<HTMLElement>('.pm-static');
    const canvas = this.querySelector<HTMLElement>('.pm-canvas');
    const status = this.querySelector<HTMLElement>('.pm-status');
    if (!canvas) return;
    button.disabled = true;
    if (status) status.textContent = status.dataset['loading'] ?? '';
    // The stylesheet and the outlines are requested now, beside the street map's code, not after it.
    void loadStyles();
    void fetchJson(this.dataset['outlines']);
    try {
      const { drawStreetMap } = await import('./street-map.ts');
      // The street map takes the static map's place; its box keeps a fixed height so Leaflet can measure it.
      canvas.hidden = false;
      if (still) still.hidden = true;
      this.#map = await drawStreetMap(this, canvas);
      // The button now takes the reader back to the drawn picture (and again to the street map); the
      // sentence on why the street map waits for a press has done its work.
      button.textContent = button.dataset['drawn'] ?? '';
      button.disabled = false;
      this.querySelector<HTMLElement>('.pm-why')?.setAttribute('hidden', '');
      if (status) status.textContent = '';
      this.dataset['ready'] = 'true';
      // Focus moves to the map itself (Leaflet makes it focusable), so the next Tab reaches its
      // controls and markers.
      canvas.focus({ preventScroll: true });
    } catch {
      // Leaflet could not be loaded or drawn: the static map comes back, and the reader is told.
      canvas.hidden = true;
      if (still) still.hidden = false;
      if (status) status.textContent = status.dataset['failed'] ?? '';
      button.hidden = true;
    }
  }
}

if (!customElements.get('project-map')) customElements.define('project-map', ProjectMap);
