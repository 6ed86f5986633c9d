/**
 * "Download this view": the projects a filter selects, as a CSV file built in the browser.
 *
 * It reads /data/projects.json (same origin, allowed by the CSP's connect-src 'self'), keeps the
 * records with the given ids, in that order (every record for `null`), and writes them with the same
 * columns and the same writer rules as /data/projects.csv (src/lib/export.ts, src/lib/csv.ts). The
 * result equals the published file restricted to those rows; tests/e2e/data.spec.ts checks that for
 * the full list.
 *
 * Call it from the element that knows the selection, as the index's button does
 * (src/components/projects/download-view.ts):
 *   downloadView(await index.selectedIds(), { jsonUrl: this.dataset.json });
 */
import { CSV_MIME, toCsv } from '~/lib/csv.ts';
import { csvTable, selectRecords, viewFileName, type ProjectJson } from '~/lib/export.ts';

/** The CSV text (with BOM) for `ids` (null: every project), from the JSON file at `jsonUrl`. */
export async function viewCsv(ids: readonly string[] | null, jsonUrl: string, fetcher: typeof fetch = fetch): Promise<string> {
  const res = await fetcher(jsonUrl);
  if (!res.ok) throw new Error(`${jsonUrl}: HTTP ${res.status}`);
  const doc: unknown = await res.json();
  const projects = (doc as { projects?: unknown }).projects;
  if (!Array.isArray(projects)) throw new Error(`${jsonUrl}: no "projects" list`);
  const records = projects as ProjectJson[];
  return toCsv(csvTable(ids === null ? records : selectRecords(records, ids)), { bom: true });
}

/** Hands `text` to the browser as a file download. */
export function saveCsv(text: string, fileName: string): void {
  // The BOM is already in `text`; a Blob keeps it as the first three bytes.
  const url = URL.createObjectURL(new Blob([text], { type: CSV_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the given projects (null: every project) as CSV, named after the current filters
 * (`projects-category-social-district-medeu.csv`). Rejects if the JSON cannot be read, so the caller
 * can fall back to linking the full /data/projects.csv.
 */
export async function downloadView(
  ids: readonly string[] | null,
  { jsonUrl, search = location.search }: { jsonUrl: string; search?: string },
): Promise<void> {
  saveCsv(await viewCsv(ids, jsonUrl), viewFileName(search));
}

