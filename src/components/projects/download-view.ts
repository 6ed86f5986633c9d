/**
 * <download-view>: the "download this view" button of the project index. Its button is rendered
 * `hidden` and shown only once this element upgrades, because without JavaScript there is no view
 * to download (the plain link to the full CSV next to it works for everyone).
 *
 * On click it asks the surrounding <project-index> which projects the current filter selects (all
 * of them, also those on further pages of a paged index, not only what is on screen) and saves them
 * as CSV with the same columns as /data/projects.csv (src/scripts/download-view.ts). With no filter,
 * or where the index cannot say, that is every project. If the files cannot be read, it falls back
 * to the full file.
 */
import { downloadView } from '~/scripts/download-view.ts';
import type { ProjectSelection } from './project-index.ts';

const isSelection = (el: Element | null): el is Element & ProjectSelection =>
  el !== null && typeof (el as Partial<ProjectSelection>).selectedIds === 'function';

class DownloadView extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[data-download]');
    const jsonUrl = this.dataset['json'];
    const csvUrl = this.dataset['csv'];
    if (!button || !jsonUrl || !csvUrl) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      const index = this.closest('project-index');
      button.disabled = true;
      (isSelection(index) ? index.selectedIds() : Promise.resolve(null))
        .then((ids) => downloadView(ids, { jsonUrl }))
        .catch(() => {
          location.href = csvUrl;
        })
        .finally(() => {
          button.disabled = false;
        });
    });
  }
}

if (!customElements.get('download-view')) customElements.define('download-view', DownloadView);
