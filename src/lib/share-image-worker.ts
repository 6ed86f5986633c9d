/**
 * A worker thread that draws share cards (src/data/share-render.ts starts it): it receives
 * `{ id, card }` and answers `{ id, png }` or `{ id, error }`. Node runs it from source (type
 * stripping), so it and what it imports keep to erasable TypeScript, as all of src/lib does.
 */
import { parentPort } from 'node:worker_threads';
import { renderPng } from './share-image.ts';
import type { ShareCard } from './share-card.ts';

const port = parentPort;
if (port) {
  port.on('message', (task: { id: number; card: ShareCard }) => {
    renderPng(task.card).then(
      (png) => port.postMessage({ id: task.id, png }, [png.buffer]),
      (error: unknown) => port.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
