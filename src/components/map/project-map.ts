/**
 * <project-map>: a static map (inline SVG, drawn at build time) that a reader can swap for the street
 * map. The page is complete without it: the SVG, its legend and the lists below work without
 * JavaScript and in print. This element only shows the "show on the street map" button (it is hidden
 * in the HTML, since it needs a script) and, when pressed, loads Leaflet and street-map.ts as one
 * separate chunk. Until then nothing is requested from the tile server and no map code is loaded:
 * pages open faster, and the tile server learns nothing about a reader who never asks for it.
 *
 * Kept deliberately small (it is the only map script a page loads before the press); everything
 * about drawing lives in street-map.ts.
 */
class ProjectMap extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    const street = this.querySelector<HTMLElement>('.pm-street');
    const button = street?.querySelector<HTMLButtonElement>('button');
    // Without tile settings there is nothing to switch to: the static map stays, alone.
    if (!street || !button || !this.dataset['tiles'] || this.#started) return;
    street.hidden = false;
    button.addEventListener('click', () => void this.#start(button));
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
    try {
      const { drawStreetMap } = await import('./street-map.ts');
      // The street map takes the static map's place; its box keeps a fixed height so Leaflet can measure it.
      canvas.hidden = false;
      if (still) still.hidden = true;
      await drawStreetMap(this, canvas);
      this.querySelector<HTMLElement>('.pm-street')?.setAttribute('hidden', '');
      if (status) status.textContent = '';
      this.dataset['ready'] = 'true';
      // The button is gone: focus moves to the map itself (Leaflet makes it focusable), so the next Tab
      // reaches its controls and markers.
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
