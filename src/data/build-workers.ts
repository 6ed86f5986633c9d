/**
 * The build's heavy files made on worker threads, so that every core works on them while the main
 * thread renders pages: share images (about 9 ms of CPU each, and with a card per project and
 * language the real content has about 200) and the spreadsheets (seconds each at 10,000 projects).
 * Made one after another on the thread that also renders every page, they were half of the real
 * content's build and a tenth of the 10,000-project one (npm run bench).
 *
 * The endpoints hand their jobs over when Astro asks them for their paths, before any page is
 * rendered, and each request then takes its file when ready; in `astro build` the share images are
 * not requested but written by the build after the pages (writeShareImageFiles), which takes each
 * image the same way. The workers run src/lib/build-worker.ts,
 * the same code the endpoints called before, so every file is byte for byte the same. Where no worker
 * can start (the worker file is not there, a Node without type stripping) or one fails, jobs run on the
 * main thread as before.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
// Relative imports: src/integrations/early-share-images.ts loads this module with the config, too.
import { runJob, type BuildJob } from '../lib/build-worker.ts';
import type { ShareList } from '../lib/share-list.ts';
import { PROJECT_IMAGES_UP_TO, type ShareCard } from '../lib/share-card.ts';
import { LOCALES } from '../lib/vocabulary.ts';
import type { ShareContent } from '../lib/share-images.ts';
import type { Outlines } from '../lib/outlines.ts';
import { CACHE_ENV, cacheKey, drawingFingerprint, hasKeptImages, imageCache, type ImageCache } from '../lib/share-image-cache.ts';

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

/**
 * What the build's two copies of this module share. Astro loads the integrations with the config and
 * the pages in its bundle: src/integrations/early-share-images.ts starts drawing with one copy, the
 * /og/ endpoint takes the images with the other, and both must use one pool of workers and one list
 * of the cards drawn. So the state lives on globalThis, under a registered symbol.
 */
interface Shared {
  pool?: ReturnType<typeof workerPool>;
  /** Every card handed to the workers, by its JSON, with its PNG to come. */
  drawn: Map<string, Promise<Uint8Array<ArrayBuffer>>>;
  /** The cards drawAhead handed them that no request has asked for yet, by their JSON. */
  unasked: Set<string>;
  /** Whether cards go to the workers (a production build with many of them), or are drawn on request. */
  pooled: boolean;
  /** The images kept from earlier builds, once looked for: null where the build set no folder. */
  kept?: { store: ImageCache; fingerprint: string } | null;
  /** The folder `kept` was looked for in (CACHE_ENV then): looked for again if that changes. */
  keptFor?: string | undefined;
  /** The outlines a worker simplified at the start of the build, with the GeoJSON text it was given. */
  outlines?: { text: string; outlines: Promise<Outlines> };
  /** The outlines a warm-up simplified before Astro loaded (warmWorkers), with their text. */
  warmed?: { text: string; outlines: Promise<Outlines | null> };
  /** The kept images' keys of the cards the /og/ endpoint lists, which pruning keeps. */
  listed: Set<string>;
  /** The share images `astro build` writes itself, as the /og/ endpoint listed them (listShareImageFiles). */
  files?: ShareImageFile[];
}

/** The registered symbol the state lives under (above); the unit tests read and forget it there. */
export const SHARED = Symbol.for('almaty-projects.build-workers');

function shared(): Shared {
  const g = globalThis as typeof globalThis & { [SHARED]?: Shared };
  g[SHARED] ??= { drawn: new Map(), unasked: new Set(), pooled: false, listed: new Set() };
  return g[SHARED];
}

/** Whether a worker can start: its file is there (a copy of the site without src/ draws on the main thread). */
export const workersAvailable = () => existsSync(WORKER);

/** One worker per core: the main thread mostly waits for them once the pages are done. */
const poolSize = () => (workersAvailable() ? Math.min(4, availableParallelism()) : 0);

/** Runs a job on a worker (or on the main thread, where none can start). */
export function offMainThread(job: BuildJob): Promise<Uint8Array<ArrayBuffer>> {
  const state = shared();
  state.pool ??= workerPool({
    size: poolSize(),
    create: () => new Worker(WORKER),
    fallback: runJob,
  });
  const result = state.pool.run(job);
  // Often started ahead of its request: a failure is reported when the request awaits it.
  result.catch(() => {});
  return result;
}

/**
 * Workers pay for themselves only over many images: each loads Skia and the fonts, and holds a canvas
 * of its own. The real content's two hundred cards go to them; the few dozen of a long list (beyond
 * PROJECT_IMAGES_UP_TO, projects have none) are drawn on the main thread when asked for, which at
 * 10,000 projects kept the build's peak memory a quarter of a gigabyte lower (measured with the
 * drawing code before Skia).
 */
export const WORKER_IMAGES = 100;

/**
 * Whether a build of `projects` projects draws its cards ahead (drawAhead): where the workers would
 * draw them anyway (every project has cards, three languages each, WORKER_IMAGES or more in all) and
 * no earlier build kept its images in `keptDir`.
 */
export const worthDrawingAheadFor = (projects: number, keptDir: string | undefined) =>
  projects <= PROJECT_IMAGES_UP_TO && LOCALES.length * projects >= WORKER_IMAGES && !hasKeptImages(keptDir);

/**
 * Called with every card when Astro asks the /og/ endpoint for its paths: hands the cards no earlier
 * build kept to the workers, if worth it, and notes every card's key in the kept images, which pruning
 * keeps. A kept image is read when the card is asked for (drawShareImage).
 */
export function prepareShareImages(cards: readonly ShareCard[]): void {
  // `astro dev` draws an image when it is requested: a reader of one page needs no other.
  const state = shared();
  state.pooled ||= import.meta.env.PROD && cards.length >= WORKER_IMAGES;
  const cache = keptImages();
  for (const card of cards) {
    // In the endpoint's list: a card drawn ahead for it was not drawn for nothing.
    state.unasked.delete(JSON.stringify(card));
    const key = cache ? cacheKey(cache.fingerprint, card) : undefined;
    if (key) state.listed.add(key);
    if (state.pooled && !(key && cache?.store.has(key))) void drawShareImage(card);
  }
}

/** The keys of every card the /og/ endpoint listed in this build. */
export const listedImageKeys = (): ReadonlySet<string> => shared().listed;

/**
 * Starts the share images at the start of `astro build`, from the content as the content check read
 * it (src/integrations/early-share-images.ts), seconds before Astro asks the endpoint for its
 * paths: one worker lists the cards that have no map, which the workers draw at once, and another
 * simplifies the outlines and lists the rest. The endpoint's own cards (src/data/share.ts) are what
 * counts: a card it lists that was drawn ahead is taken, one that differs is drawn then. The outlines
 * go to src/data/geo.ts, which takes them for the same GeoJSON text instead of simplifying it again.
 */
export function drawAhead(content: ShareContent, outlinesText: string, file: string) {
  const state = shared();
  state.pooled = true;
  // Outlines a warm-up has simplified from the same text (warmWorkers) are given to the list.
  const warmed = state.warmed?.text === outlinesText ? state.warmed.outlines : undefined;
  // The list without outlines is handed over at once; the other waits for the warm-up, if any.
  const list = async (outlines: string | null) => {
    const simplified = outlines !== null && warmed ? await warmed.catch(() => null) : null;
    const bytes = await offMainThread({ kind: 'share-list', content, outlines, file, ...(simplified ? { simplified } : {}) });
    return JSON.parse(new TextDecoder().decode(bytes)) as ShareList;
  };
  const draw = (l: ShareList) => {
    for (const card of l.cards) {
      const key = JSON.stringify(card);
      if (state.drawn.has(key)) continue;
      state.unasked.add(key);
      void pooled(card, key);
    }
  };
  list(null).then(draw, () => {});
  const full = list(outlinesText);
  full.then(draw, () => {});
  const outlines = full.then((l) => l.outlines ?? Promise.reject(new Error('share-list: no outlines')));
  outlines.catch(() => {});
  state.outlines = { text: outlinesText, outlines };
}

/**
 * Starts the workers before Astro has loaded and gets them ready to draw (the build's head start,
 * src/integrations/head-start.ts): one warm-up per worker, the first of which also simplifies the
 * outlines from `outlinesText`, which drawAhead then gives to the list of cards instead of having them
 * simplified again. Nothing is drawn yet: the cards come from the content check (drawAhead).
 */
export function warmWorkers(outlinesText: string, file: string) {
  const state = shared();
  if (state.warmed) return;
  const outlines = offMainThread({ kind: 'warm', outlines: { text: outlinesText, file } }).then(
    (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Outlines | null,
  );
  outlines.catch(() => {});
  state.warmed = { text: outlinesText, outlines };
  for (let i = 1; i < poolSize(); i += 1) void offMainThread({ kind: 'warm', outlines: null });
}

/**
 * The outlines simplified ahead from exactly `text`, if drawAhead started that; src/data/geo.ts
 * simplifies the text itself otherwise, and when this fails.
 */
export function outlinesMadeAhead(text: string): Promise<Outlines> | undefined {
  const ahead = shared().outlines;
  return ahead && ahead.text === text ? ahead.outlines : undefined;
}

/** The images kept from earlier builds (src/lib/share-image-cache.ts), where the build set a folder. */
function keptImages() {
  const state = shared();
  const dir = process.env[CACHE_ENV];
  if (state.kept === undefined || state.keptFor !== dir) {
    const fingerprint = dir ? drawingFingerprint(process.cwd()) : undefined;
    state.kept = dir && fingerprint ? { store: imageCache(dir), fingerprint } : null;
    state.keptFor = dir;
  }
  return state.kept;
}

/** Waits until every image drawn so far is written to the kept images (before the build prunes them). */
export async function imagesKept(): Promise<void> {
  await shared().kept?.store.flush();
}

/** A card's PNG as kept by an earlier build, or drawn by `draw` and kept for the next one. */
async function keptOrDrawn(card: ShareCard, draw: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
  const cache = keptImages();
  if (!cache) return draw();
  const key = cacheKey(cache.fingerprint, card);
  const png = await cache.store.get(key);
  if (png) return png;
  const drawnNow = await draw();
  cache.store.set(key, drawnNow);
  return drawnNow;
}

/** A card's PNG from the workers, handed to them once (`key` is the card's JSON). */
function pooled(card: ShareCard, key: string): Promise<Uint8Array<ArrayBuffer>> {
  const state = shared();
  let png = state.drawn.get(key);
  if (!png) {
    png = keptOrDrawn(card, () => offMainThread({ kind: 'png', card }));
    png.catch(() => {});
    state.drawn.set(key, png);
  }
  return png;
}

/**
 * A card's PNG: kept from an earlier build, or from the workers (started ahead by drawAhead or
 * prepareShareImages), or drawn here and now.
 */
export function drawShareImage(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const state = shared();
  // By the card's JSON, not the object: the cards drawn ahead are copies made on a worker.
  const key = JSON.stringify(card);
  state.unasked.delete(key);
  if (state.drawn.has(key) || state.pooled) return pooled(card, key);
  return keptOrDrawn(card, () => runJob({ kind: 'png', card }));
}

/** A share image as `astro build` writes it: its path under the output folder, and its card. */
export interface ShareImageFile {
  file: string;
  card: ShareCard;
}

/**
 * `astro build` only: the share images the build writes itself (writeShareImageFiles), which the /og/
 * endpoint lists here instead of giving Astro their paths. Astro's handling of a file it renders
 * (the response, the middleware, its copies of the bytes, its file writes) cost the real content's
 * first build about 0.4 s of the main thread for 198 images that are drawn elsewhere anyway
 * (src/integrations/share-image-files.ts).
 */
export function listShareImageFiles(files: readonly ShareImageFile[]): void {
  shared().files = [...files];
}

/**
 * Writes every share image listed by listShareImageFiles into `outDir`: from the workers, which have
 * drawn most of them while the pages were rendered, or from the kept images; the folders once each.
 * Returns how many it wrote. Throws when nothing was listed: the endpoint's list never ran, and a
 * site without its share images must not pass for built.
 */
export async function writeShareImageFiles(outDir: string): Promise<number> {
  const files = shared().files;
  if (!files) throw new Error('share images: the /og/ endpoint (src/pages/og/[lang]/[name].png.ts) listed none, so none were written');
  const folders = new Map<string, Promise<unknown>>();
  await Promise.all(
    files.map(async ({ file, card }) => {
      const path = join(outDir, file);
      const folder = dirname(path);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      const [png] = await Promise.all([drawShareImage(card), folders.get(folder)]);
      await writeFile(path, png);
    }),
  );
  return files.length;
}

/**
 * How many cards drawAhead had drawn that the endpoint's list did not name: at the end of a build,
 * where the list made from the content check and the endpoint's list disagree (a slower build, not a
 * wrong image).
 */
export const unaskedAhead = () => shared().unasked.size;
