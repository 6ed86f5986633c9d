/**
 * <download-view>: the "download this view" button of the project index. Its button is rendered
 * `hidden` and shown only once this element upgrades, because without JavaScript there is no view
 * to download (the plain link to the full CSV next to it works for everyone).
 *
 * On click it collects the projects the surrounding <project-index> currently shows, in page order,
 * and saves them as CSV with the same columns as /data/projects.csv (src/scripts/download-view.ts).
 * If the JSON cannot be read, it falls back to the full file.
 */
import { downloadView } from '~/scripts/download-view.ts';

class DownloadView extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[data-download]');
    const jsonUrl = this.dataset['json'];
    const csvUrl = this.dataset['csv'];
    if (!button || !jsonUrl || !csvUrl) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      const scope = this.closest('project-index') ?? document;
      const ids = [...scope.querySelectorAll<HTMLElement>('[data-filter-item]')]
        .filter((el) => !el.closest('[hidden]'))
        .map((el) => el.dataset['projectId'] ?? '')
        .filter(Boolean);
      button.disabled = true;
      downloadView(ids, { jsonUrl })
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
