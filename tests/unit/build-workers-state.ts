import { SHARED } from '../../src/data/build-workers.ts';

/**
 * src/data/build-workers.ts keeps its state (the worker pool, the cards drawn and asked for, the
 * warm-up's outlines) on globalThis, as the build needs. The unit test files share worker processes
 * (isolate: false in vitest.config.ts), so a file that leaves that state behind changes the next
 * file's results: after head-start.test.ts, early-share-images.test.ts found the warm-up's outlines
 * and failed (`--sequence.shuffle.files --sequence.seed=3`). Each file that uses the state forgets it
 * when it ends (afterAll). The forgotten pool's idle worker threads do not keep the process alive
 * (build-workers.ts unrefs a worker without a card) and end with it; the next file starts its own.
 */
export function forgetBuildWorkerState(): void {
  delete (globalThis as Record<symbol, unknown>)[SHARED];
}
