/**
 * A worker thread for the build's heavy files (src/data/build-workers.ts starts one per core): share
 * images (src/lib/share-image.ts) and spreadsheets (src/lib/xlsx-write.ts), and the list of share
 * images worked out at the start of the build (src/lib/share-list.ts). It receives `{ id, job }`
 * and answers `{ id, result }` (the file's bytes) or `{ id, error }`. Node runs it from source (type
 * stripping), so it and what it imports keep to erasable TypeScript, as all of src/lib does.
 */
import { parentPort } from 'node:worker_threads';
import type { ShareCard } from './share-card.ts';
import type { PlainSheet } from './xlsx-sheets.ts';
import type { Locale } from './vocabulary.ts';
import type { ShareContent } from './share-images.ts';

/**
 * What a worker can be asked to make. A `share-list` is the share images' cards, from the content and
 * the outlines' GeoJSON text (simplified on the worker; `file` names it in errors), or without the
 * cards that have a map when the text is null.
 */
export type BuildJob =
  | { kind: 'png'; card: ShareCard }
  | { kind: 'xlsx'; sheets: PlainSheet[]; lang: Locale }
  | { kind: 'share-list'; content: ShareContent; outlines: string | null; file: string };

/** Makes one file: on a worker, or on the main thread where no worker can (the same code either way). */
export async function runJob(job: BuildJob): Promise<Uint8Array<ArrayBuffer>> {
  if (job.kind === 'png') return (await import('./share-image.ts')).renderPng(job.card);
  if (job.kind === 'share-list') return (await import('./share-list.ts')).shareList(job.content, job.outlines, job.file);
  const bytes = await (await import('./xlsx-write.ts')).writeWorkbook(job.sheets, job.lang);
  // A view of exactly its own buffer, which can then be handed over rather than copied.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

const port = parentPort;
if (port) {
  port.on('message', (message: { id: number; job: BuildJob }) => {
    runJob(message.job).then(
      (result) => port.postMessage({ id: message.id, result }, [result.buffer]),
      (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
