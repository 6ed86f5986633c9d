/**
 * A worker thread for the build's heavy files (src/data/build-workers.ts starts one per core): share
 * images (src/lib/share-image.ts) and spreadsheets (src/lib/xlsx-write.ts), and the list of share
 * images worked out at the start of the build (src/lib/share-list.ts). It receives `{ id, job }`
 * and answers `{ id, result }` (the file's bytes) or `{ id, error }`. Node runs it from source (type
 * stripping), so it and what it imports keep to erasable TypeScript, as all of src/lib does.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ShareCard } from './share-card.ts';
import type { PlainSheet } from './xlsx-sheets.ts';
import type { Locale } from './vocabulary.ts';
import type { ShareContent } from './share-images.ts';
import type { Outlines } from './outlines.ts';

/**
 * What a worker can be asked to make. A `share-list` is the share images' cards, from the content and
 * the outlines' GeoJSON text (simplified on the worker; `file` names it in errors), or without the
 * cards that have a map when the text is null (`simplified`: the text's outlines, already simplified by a
 * warm-up). A `warm` job gets a worker ready to draw (src/lib/share-image.ts, warmUp) and, given the
 * outlines' text, answers them simplified, as JSON: the build's head start
 * (src/integrations/head-start.ts).
 */
export type BuildJob =
  | { kind: 'png'; card: ShareCard }
  | { kind: 'xlsx'; sheets: PlainSheet[]; lang: Locale }
  | { kind: 'share-list'; content: ShareContent; outlines: string | null; file: string; simplified?: Outlines }
  | { kind: 'warm'; outlines: { text: string; file: string } | null };

/** Makes one file: on a worker, or on the main thread where no worker can (the same code either way). */
export async function runJob(job: BuildJob): Promise<Uint8Array<ArrayBuffer>> {
  if (job.kind === 'png') return (await import('./share-image.ts')).renderPng(job.card);
  if (job.kind === 'share-list') return (await import('./share-list.ts')).shareList(job.content, job.outlines, job.file, job.simplified);
  if (job.kind === 'warm') return warm(job.outlines);
  const bytes = await (await import('./xlsx-write.ts')).writeWorkbook(job.sheets, job.lang);
  // A view of exactly its own buffer, which can then be handed over rather than copied.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** A `warm` job (see BuildJob). */
async function warm(outlines: { text: string; file: string } | null): Promise<Uint8Array<ArrayBuffer>> {
  const [{ warmUp }, { simplifiedOutlines }] = await Promise.all([import('./share-image.ts'), import('./share-list.ts')]);
  await warmUp();
  return simplifiedOutlines(outlines);
}

/**
 * On Linux, setpriority(2) of "the process" 0 is the calling thread alone: the worker gives way to the
 * main thread. The main thread renders the pages, and the build ends when it does; the workers' files
 * are wanted only at the end, and a core the main thread leaves idle is theirs. On two cores, with the
 * workers at the main thread's priority, the main thread got a quarter to half a core while they drew;
 * measured on 3 December 2026 (interleaved first builds of the real content, six each): mean 4.96 s
 * against 5.36 s, and in a slower hour 5.59 s against 5.84 s. Elsewhere (macOS) the same call would
 * lower the whole process, so it is left out.
 */
export const WORKER_NICENESS = 19;

const port = parentPort;
if (port) {
  if (process.platform === 'linux') {
    try {
      setPriority(WORKER_NICENESS);
    } catch {
      // A system that refuses only leaves the worker at the main thread's priority.
    }
  }
  port.on('message', (message: { id: number; job: BuildJob }) => {
    runJob(message.job).then(
      (result) => port.postMessage({ id: message.id, result }, [result.buffer]),
      (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
