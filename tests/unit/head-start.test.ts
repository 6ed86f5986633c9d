/**
 * `npm run build`'s head start (src/integrations/head-start.ts): before Astro loads, the workers that
 * will draw a first build's share images start, get ready to draw and simplify the district outlines,
 * which the list of cards then takes instead of simplifying them again. The workers give way to the
 * main thread (src/lib/build-worker.ts). Uses real worker threads, as the build does.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { headStart } from '../../src/integrations/head-start.ts';
import { CANVAS_ALLOCATOR } from '../../src/integrations/share-image-cache.ts';
import { checkFolder } from '../../src/integrations/content-problems.ts';
import { contentFromCheck } from '../../src/integrations/early-share-images.ts';
import { drawAhead, outlinesMadeAhead, SHARED } from '../../src/data/build-workers.ts';
import { runJob, WORKER_NICENESS } from '../../src/lib/build-worker.ts';
import { OUTLINES_FILE, simplifyOutlines, type Outlines } from '../../src/lib/outlines.ts';
import { shareList, type ShareList } from '../../src/lib/share-list.ts';
import { forgetBuildWorkerState } from './build-workers-state.ts';
import { tempDir } from './temp-dir.ts';

// The build workers' state is shared with the next test file (tests/unit/build-workers-state.ts).
afterAll(forgetBuildWorkerState);

const outlinesText = readFileSync(OUTLINES_FILE, 'utf8');
const decode = <T,>(bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as T;

/** A content folder of `n` project files (only their names count for the decision). */
function folderOf(n: number) {
  const dir = tempDir('head-start-content');
  mkdirSync(join(dir, 'projects'));
  for (let i = 0; i < n; i += 1) writeFileSync(join(dir, 'projects', `p${i}.md`), '');
  return dir;
}

describe('headStart: only where the build will draw its cards ahead', () => {
  test('not without project files, with too few or too many projects, nor where an earlier build kept its images', () => {
    const cache = tempDir('head-start-cache');
    const env = (content: string) => ({ CONTENT_DIR: content, ASTRO_CACHE_DIR: cache });
    expect(headStart(process.cwd(), env(join(cache, 'no-such-folder')))).toBe(false);
    // Three cards per project; the workers take 100 or more (WORKER_IMAGES), up to 300 projects.
    expect(headStart(process.cwd(), env(folderOf(33)))).toBe(false);
    expect(headStart(process.cwd(), env(folderOf(301)))).toBe(false);
    // The folder src/integrations/share-image-cache.ts gives the kept images: <cache>/share-images/.
    mkdirSync(join(cache, 'share-images'));
    writeFileSync(join(cache, 'share-images', 'kept.png'), 'x');
    expect(headStart(process.cwd(), env(resolve('content')))).toBe(false);
  });

  test("a first build of the real content starts, with Skia's allocator setting in place before it loads", () => {
    const env: Record<string, string | undefined> = { ASTRO_CACHE_DIR: tempDir('head-start-fresh') };
    expect(headStart(process.cwd(), env)).toBe(true);
    for (const [name, value] of Object.entries(CANVAS_ALLOCATOR)) expect(env[name]).toBe(value);
    // A setting the environment already has is kept.
    const own = { ASTRO_CACHE_DIR: tempDir('head-start-own'), MIMALLOC_PURGE_DELAY: '5' };
    headStart(process.cwd(), own);
    expect(own.MIMALLOC_PURGE_DELAY).toBe('5');
  });

  test('the warm-up simplified the outlines, and drawing ahead takes them instead of simplifying the text again', async () => {
    // headStart ran above in this file's process. Its state lives on globalThis (src/data/build-workers.ts).
    const state = (globalThis as unknown as Record<symbol, { warmed?: { text: string; outlines: Promise<Outlines | null> } }>)[SHARED]!;
    expect(state.warmed?.text).toBe(outlinesText);
    expect(await state.warmed?.outlines).toEqual(JSON.parse(JSON.stringify(await simplifyOutlines(outlinesText))));
    // As if the warm-up had answered these: the list must hand them on as they are.
    const marked = { ...(await simplifyOutlines(outlinesText)), attribution: 'from the warm-up' };
    state.warmed = { text: outlinesText, outlines: Promise.resolve(marked) };
    const dir = resolve('tests/fixtures/content/valid');
    const checked = new Map<string, { data: unknown; valid?: unknown }>();
    checkFolder(dir, process.cwd(), ({ file, data, valid }) => checked.set(resolve(file.path), { data, valid }));
    drawAhead(contentFromCheck(checked, dir)!, outlinesText, OUTLINES_FILE);
    expect((await outlinesMadeAhead(outlinesText))?.attribution).toBe('from the warm-up');
  }, 30_000);
});

describe('the warm-up and the list', () => {
  test('a warm-up answers the outlines simplified, or null without them', async () => {
    expect(decode<Outlines>(await runJob({ kind: 'warm', outlines: { text: outlinesText, file: OUTLINES_FILE } }))).toEqual(
      JSON.parse(JSON.stringify(await simplifyOutlines(outlinesText))),
    );
    expect(decode<null>(await runJob({ kind: 'warm', outlines: null }))).toBeNull();
  }, 30_000);

  test('the list uses outlines already simplified as they are, instead of simplifying the text again', async () => {
    const dir = resolve('tests/fixtures/content/valid');
    const checked = new Map<string, { data: unknown; valid?: unknown }>();
    checkFolder(dir, process.cwd(), ({ file, data, valid }) => checked.set(resolve(file.path), { data, valid }));
    const content = contentFromCheck(checked, dir)!;
    const outlines = await simplifyOutlines(outlinesText);
    const marked = { ...outlines, attribution: 'given, not simplified here' };
    expect(decode<ShareList>(await shareList(content, outlinesText, OUTLINES_FILE, marked)).outlines?.attribution).toBe('given, not simplified here');
    expect(decode<ShareList>(await shareList(content, outlinesText, OUTLINES_FILE)).outlines?.attribution).toBe(outlines.attribution);
    // Without the text, no map and no outlines, whatever is given.
    expect(decode<ShareList>(await shareList(content, null, OUTLINES_FILE, marked)).outlines).toBeNull();
  }, 30_000);
});

describe.runIf(process.platform === 'linux')('a build worker gives way to the main thread', () => {
  test('its own thread runs at the lowest priority; the main thread keeps its own', async () => {
    const niceOf = () =>
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // Fields after the command's closing parenthesis; nice is the 19th field of stat.
        return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
      });
    const before = new Set(niceOf().filter((t) => t.nice === WORKER_NICENESS).map((t) => t.tid));
    const worker = new Worker(resolve('src/lib/build-worker.ts'));
    try {
      const answer = new Promise((r) => worker.once('message', r));
      worker.postMessage({ id: 1, job: { kind: 'warm', outlines: null } });
      await answer;
      const lowered = niceOf().filter((t) => t.nice === WORKER_NICENESS && !before.has(t.tid));
      expect(WORKER_NICENESS).toBe(19);
      expect(lowered.length).toBe(1);
      expect(getPriority()).toBe(0);
      expect(niceOf().find((t) => t.tid === process.pid)?.nice ?? getPriority()).not.toBe(WORKER_NICENESS);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
