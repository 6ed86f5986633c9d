// The build's worker pool (src/data/build-workers.ts): jobs go to workers, at most `size` at a time,
// and to the main thread when no worker can run them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { listedImageKeys, prepareShareImages, workerPool, type WorkerLike } from '../../src/data/build-workers.ts';
import { CACHE_ENV, cacheKey, drawingFingerprint } from '../../src/lib/share-image-cache.ts';
import type { BuildJob } from '../../src/lib/build-worker.ts';
import { tempDir } from './temp-dir.ts';
import { forgetBuildWorkerState } from './build-workers-state.ts';

// The build workers' state is shared with the next test file (tests/unit/build-workers-state.ts).
afterAll(forgetBuildWorkerState);

const card = (title: string): BuildJob => ({ kind: 'png', card: { kicker: 'k', title, stats: [], footer: 'f' } });
const titleOf = (job: BuildJob) => (job.kind === 'png' ? job.card.title : job.kind === 'xlsx' ? job.lang : job.kind);
const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const text = (png: Uint8Array) => Buffer.from(png).toString();

/** A worker that answers each card with "worker:<title>" when told to, and can crash. */
class FakeWorker implements WorkerLike {
  listeners: Record<string, Array<(v: never) => void>> = {};
  inbox: Array<{ id: number; job: BuildJob }> = [];
  refs = 0;
  on(event: string, listener: (v: never) => void) {
    (this.listeners[event] ??= []).push(listener);
    return this;
  }
  postMessage(message: unknown) {
    this.inbox.push(message as { id: number; job: BuildJob });
  }
  ref() {
    this.refs += 1;
  }
  unref() {
    this.refs -= 1;
  }
  /** Answers the oldest card. */
  answer(error?: string) {
    const m = this.inbox.shift()!;
    for (const l of this.listeners['message'] ?? []) l((error ? { id: m.id, error } : { id: m.id, result: bytes(`worker:${titleOf(m.job)}`) }) as never);
  }
  crash() {
    for (const l of this.listeners['error'] ?? []) l(new Error('boom') as never);
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('workerPool', () => {
  test('runs at most `size` cards at once, hands the next to whichever worker is free, and keeps only busy workers alive', async () => {
    const workers: FakeWorker[] = [];
    const pool = workerPool({ size: 2, create: () => (workers.push(new FakeWorker()), workers.at(-1)), fallback: async (job) => bytes(`main:${titleOf(job)}`) });
    const results = ['a', 'b', 'c'].map((t) => pool.run(card(t)));
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.inbox.map((m) => titleOf(m.job)))).toEqual([['a'], ['b']]);
    workers[1]!.answer();
    // "c" goes to the worker that finished first.
    expect(workers[1]!.inbox.map((m) => titleOf(m.job))).toEqual(['c']);
    workers[0]!.answer();
    workers[1]!.answer();
    expect((await Promise.all(results)).map(text)).toEqual(['worker:a', 'worker:b', 'worker:c']);
    // Idle workers do not hold the build open.
    expect(workers.map((w) => w.refs)).toEqual([0, 0]);
  });

  test('a card the worker cannot draw fails with the worker\'s message (the build stops, as before)', async () => {
    const worker = new FakeWorker();
    const pool = workerPool({ size: 1, create: () => worker, fallback: async () => bytes('main') });
    const result = pool.run(card('x'));
    worker.answer('share image "x": the bundled Noto Sans subsets have no glyph for "☃"');
    await expect(result).rejects.toThrow('no glyph for "☃"');
  });

  test('no worker at all: the main thread draws every card', async () => {
    const pool = workerPool({ size: 2, create: () => undefined, fallback: async (job) => bytes(`main:${titleOf(job)}`) });
    expect((await Promise.all(['a', 'b'].map((t) => pool.run(card(t))))).map(text)).toEqual(['main:a', 'main:b']);
  });

  test('a worker that crashes hands its card and every waiting one to the main thread', async () => {
    const worker = new FakeWorker();
    const pool = workerPool({ size: 1, create: () => worker, fallback: async (job) => bytes(`main:${titleOf(job)}`) });
    const results = ['a', 'b'].map((t) => pool.run(card(t)));
    worker.crash();
    await settle();
    expect((await Promise.all(results)).map(text)).toEqual(['main:a', 'main:b']);
    // And every card after it.
    expect(text(await pool.run(card('c')))).toBe('main:c');
  });
});

describe('the share images listed by the /og/ endpoint', () => {
  test('every listed card is kept from pruning, under its key in the kept images', () => {
    vi.stubEnv(CACHE_ENV, tempDir('listed'));
    try {
      const a = { kicker: 'k', title: 'kept', stats: [], footer: 'f' };
      const b = { kicker: 'k', title: 'new', stats: [], footer: 'f' };
      const fingerprint = drawingFingerprint(process.cwd())!;
      writeFileSync(join(process.env[CACHE_ENV]!, `${cacheKey(fingerprint, a)}.png`), 'png');
      prepareShareImages([a, b]);
      const keys = [cacheKey(fingerprint, a), cacheKey(fingerprint, b)];
      expect(keys[1]).not.toBe(keys[0]);
      expect(listedImageKeys().has(keys[0]!)).toBe(true);
      expect(listedImageKeys().has(keys[1]!)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
