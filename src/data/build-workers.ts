/**
 * The build's heavy files made on worker threads, so that every core works on them while the main
 * thread renders pages: share images (about 9 ms of CPU each, and with a card per project and
 * language the real content has about 200) and the spreadsheets (seconds each at 10,000 projects).
 * Made one after another on the thread that also renders every page, they were half of the real
 * content's build and a tenth of the 10,000-project one (npm run bench).
 *
 * The endpoints hand their jobs over when Astro asks them for their paths, before any page is
 * rendered, and each request then takes its file when ready. The workers run src/lib/build-worker.ts,
 * the same code the endpoints called before, so every file is byte for byte the same. Where no worker
 * can start (the worker file is not there, a Node without type stripping) or one fails, jobs run on the
 * main thread as before.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runJob, type BuildJob } from '~/lib/build-worker.ts';
import type { ShareCard } from '~/lib/share-card.ts';
import { CACHE_ENV, cacheKey, drawingFingerprint, imageCache, type ImageCache } from '~/lib/share-image-cache.ts';

/** What the pool needs of a worker thread (node:worker_threads' Worker has it; the tests pass fakes). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: { id: number; result?: Uint8Array<ArrayBuffer>; error?: string }) => void): unknown;
  on(event: 'error' | 'exit', listener: (value: unknown) => void): unknown;
  /** Whether a waiting worker keeps the process alive: only while it has a card. */
  ref(): void;
  unref(): void;
}

interface Task {
  job: BuildJob;
  resolve: (png: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

/**
 * A pool of at most `size` workers made by `create`, running jobs in the order they come; `fallback`
 * runs a job on the main thread when no worker can (and every job after a worker has failed).
 */
export function workerPool(options: { size: number; create: () => WorkerLike | undefined; fallback: (job: BuildJob) => Promise<Uint8Array<ArrayBuffer>> }) {
  const queue: Task[] = [];
  /** Workers waiting for a card, each as the function that hands it one. */
  const idle: Array<(task: Task) => void> = [];
  let started = 0;
  let broken = false;
  let nextId = 0;

  const onMainThread = (task: Task) => options.fallback(task.job).then(task.resolve, task.reject);
  const fail = () => {
    broken = true;
    for (const task of queue.splice(0)) void onMainThread(task);
  };

  function start(): ((task: Task) => void) | undefined {
    let worker: WorkerLike | undefined;
    try {
      worker = options.create();
    } catch {
      worker = undefined;
    }
    if (!worker) return undefined;
    started += 1;
    let current: (Task & { id: number }) | undefined;
    const w = worker;
    const lost = () => {
      if (broken && !current) return;
      const task = current;
      current = undefined;
      fail();
      if (task) void onMainThread(task);
    };
    w.on('message', (message) => {
      const task = current;
      if (!task || message.id !== task.id) return;
      current = undefined;
      if (message.result) task.resolve(message.result);
      else task.reject(new Error(message.error ?? 'build worker: no file and no error'));
      w.unref();
      idle.push(run);
      pump();
    });
    w.on('error', lost);
    w.on('exit', lost);
    const run = (task: Task) => {
      current = { ...task, id: (nextId += 1) };
      w.ref();
      w.postMessage({ id: current.id, job: task.job });
    };
    return run;
  }

  function pump() {
    while (queue.length && !broken) {
      const run = idle.pop() ?? (started < options.size ? start() : undefined);
      if (!run) {
        // No worker could start: the main thread draws everything.
        if (started === 0) fail();
        return;
      }
      run(queue.shift()!);
    }
  }

  return {
    run(job: BuildJob): Promise<Uint8Array<ArrayBuffer>> {
      if (broken || options.size < 1) return options.fallback(job);
      return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
  };
}

/** The worker's source, run by Node from the project root (where the build runs, as share-image.ts assumes). */
const WORKER = join(process.cwd(), 'src/lib/build-worker.ts');

let pool: ReturnType<typeof workerPool> | undefined;

/** Runs a job on a worker (or on the main thread, where none can start). */
export function offMainThread(job: BuildJob): Promise<Uint8Array<ArrayBuffer>> {
  pool ??= workerPool({
    // One worker per core: the main thread mostly waits for them once the pages are done.
    size: existsSync(WORKER) ? Math.min(4, availableParallelism()) : 0,
    create: () => new Worker(WORKER),
    fallback: runJob,
  });
  const result = pool.run(job);
  // Often started ahead of its request: a failure is reported when the request awaits it.
  result.catch(() => {});
  return result;
}

const drawn = new WeakMap<ShareCard, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * Workers pay for themselves only over many images: each loads Skia and the fonts, and holds a canvas
 * of its own. The real content's two hundred cards go to them; the few dozen of a long list (beyond
 * PROJECT_IMAGES_UP_TO, projects have none) are drawn on the main thread when requested, which at
 * 10,000 projects kept the build's peak memory a quarter of a gigabyte lower (measured with the
 * drawing code before Skia).
 */
export const WORKER_IMAGES = 100;
let pooledImages = false;

/** Called with every card when Astro asks for the images' paths: hands them all to the workers, if worth it. */
export function prepareShareImages(cards: readonly ShareCard[]) {
  // `astro dev` draws an image when it is requested: a reader of one page needs no other.
  pooledImages = import.meta.env.PROD && cards.length >= WORKER_IMAGES;
  if (pooledImages) for (const card of cards) void drawShareImage(card);
}

let kept: { store: ImageCache; fingerprint: string } | null | undefined;

/** The images kept from earlier builds (src/lib/share-image-cache.ts), where the build set a folder. */
function keptImages() {
  if (kept === undefined) {
    const dir = process.env[CACHE_ENV];
    const fingerprint = dir ? drawingFingerprint(process.cwd()) : undefined;
    kept = dir && fingerprint ? { store: imageCache(dir), fingerprint } : null;
  }
  return kept;
}

/** A card's PNG as kept by an earlier build, or drawn by `draw` and kept for the next one. */
async function keptOrDrawn(card: ShareCard, draw: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
  const cache = keptImages();
  if (!cache) return draw();
  const key = cacheKey(cache.fingerprint, card);
  const png = cache.store.get(key);
  if (png) return png;
  const drawnNow = await draw();
  cache.store.set(key, drawnNow);
  return drawnNow;
}

/**
 * A card's PNG: kept from an earlier build, or from the workers (started ahead by
 * prepareShareImages), or drawn here and now.
 */
export function drawShareImage(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  if (!pooledImages) return keptOrDrawn(card, () => runJob({ kind: 'png', card }));
  let png = drawn.get(card);
  if (!png) {
    png = keptOrDrawn(card, () => offMainThread({ kind: 'png', card }));
    png.catch(() => {});
    drawn.set(card, png);
  }
  return png;
}
