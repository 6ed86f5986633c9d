// The benchmark's breakdown of a build profile (scripts/bench/profile.mjs): chunk lines back to their
// source modules, and each sample to one part of the site.
import { describe, expect, test } from 'vitest';
import { attribute, classify, frameSource, mainThreadProfile, moduleAt, moduleStarts, phases } from '../../scripts/bench/profile.mjs';

const CHUNK = [
  'import { x } from "./other.mjs";',
  '// src/components/projects/ProjectFacts.astro',
  'var $$ProjectFacts = createComponent(() => {',
  '  // a comment inside the module is not a module start',
  '});',
  '//#region src/lib/structured-data.ts',
  'function jsonLd() {}',
  '// node_modules/astro/dist/runtime/server/escape.js',
  'function escapeHTML() {}',
].join('\n');

describe('chunk modules', () => {
  const starts = moduleStarts(CHUNK);

  test('finds each module comment, in either of Rolldown\'s spellings', () => {
    expect(starts).toEqual([
      [1, 'src/components/projects/ProjectFacts.astro'],
      [5, 'src/lib/structured-data.ts'],
      [7, 'node_modules/astro/dist/runtime/server/escape.js'],
    ]);
  });

  test.each([
    // Before the first module: Rolldown's own imports.
    [0, undefined],
    // The module's own first line.
    [5, 'src/lib/structured-data.ts'],
    // Inside a module, a comment that is not a module name changes nothing.
    [3, 'src/components/projects/ProjectFacts.astro'],
    [6, 'src/lib/structured-data.ts'],
    [8, 'node_modules/astro/dist/runtime/server/escape.js'],
  ])('line %i belongs to %s', (line, source) => {
    expect(moduleAt(starts, line)).toBe(source);
  });
});

describe('frameSource', () => {
  const chunks = new Map([['chunks/_id_.mjs', moduleStarts(CHUNK)]]);
  const ctx = { root: '/tmp/site/', chunks };
  test.each([
    // A chunk line leads to the module it came from.
    [{ url: 'file:///tmp/site/dist-bench/.prerender/chunks/_id_.mjs', functionName: 'x', lineNumber: 2 }, 'src/components/projects/ProjectFacts.astro'],
    // A package, wherever node_modules is (synthetic sites link it).
    [{ url: 'file:///work/repo/node_modules/vite/dist/node/chunks/node.js', functionName: 'x', lineNumber: 1 }, 'node_modules/vite/dist/node/chunks/node.js'],
    // A file of the site itself, relative to its root (the integration runs from source).
    [{ url: 'file:///tmp/site/src/integrations/content-problems.ts', functionName: 'checkFolder', lineNumber: 1 }, 'src/integrations/content-problems.ts'],
    // Node's own modules and built-in functions.
    [{ url: 'node:internal/fs/promises', functionName: 'mkdir', lineNumber: 1 }, 'node:internal/fs/promises'],
    [{ url: '', functionName: 'mkdir', lineNumber: -1 }, 'native:mkdir'],
    // V8's own entries.
    [{ url: '', functionName: '(garbage collector)', lineNumber: -1 }, '(garbage collector)'],
  ])('%#: %s', (frame, source) => {
    expect(frameSource(frame, ctx)).toBe(source);
  });
});

describe('classify', () => {
  const page = ['(root)', 'node_modules/astro/dist/core/build/generate.js', 'node_modules/astro/dist/runtime/server/render/page.js'];
  test.each([
    // Everything under the content check is validation, zod and YAML included.
    [['(root)', 'astro.config.mjs', 'src/integrations/content-problems.ts', 'src/schemas/content-check.ts', 'node_modules/zod/v4/core.js'], 'validation'],
    // The content layer is the content layer even when a page asks for it.
    [[...page, 'src/data/content.ts', 'node_modules/astro/dist/content/runtime.js'], 'content'],
    // Our component, and the Astro helper it calls to escape its text, count as the component.
    [[...page, 'src/components/projects/ProjectFacts.astro', 'node_modules/astro/dist/runtime/server/escape.js'], 'facts'],
    // The leaf-most module of ours decides: JSON-LD built inside the project page's view.
    [[...page, 'src/data/views/project.ts', 'src/lib/structured-data.ts'], 'jsonld'],
    // A module of ours no part names.
    [[...page, 'src/lib/format.ts'], 'other-src'],
    // Rendering with no code of ours on the stack is Astro's.
    [page, 'render'],
    // Writing a page's file.
    [[...page.slice(0, 2), 'node:internal/fs/promises', 'native:mkdir'], 'write'],
    // Share images: Skia under our endpoint.
    [[...page, 'src/pages/og/[lang]/[name].png.ts', 'src/lib/share-image.ts', 'node_modules/@napi-rs/canvas/index.js'], 'share'],
    // The sitemap, whatever it calls.
    [['(root)', 'node_modules/@astrojs/sitemap/dist/index.js', 'astro.config.mjs', 'src/lib/sitemap.ts'], 'sitemap'],
    // Bundling.
    [['(root)', 'node_modules/vite/dist/node/chunks/node.js', 'node_modules/rolldown/dist/index.mjs'], 'bundling'],
    // V8's own samples.
    [['(garbage collector)'], 'gc'],
    [['(root)', '(idle)'], 'idle'],
    [['(root)', '(program)'], 'other'],
  ])('%j → %s', (stack, part) => {
    expect(classify(stack)).toBe(part);
  });
});

test('attribute adds each sample\'s time to its part, in milliseconds', () => {
  // root → generate → ProjectFacts, and a GC sample.
  const profile = {
    nodes: [
      { id: 1, callFrame: { url: '', functionName: '(root)', lineNumber: -1 }, children: [2, 4] },
      { id: 2, callFrame: { url: 'file:///r/node_modules/astro/dist/core/build/generate.js', functionName: 'g', lineNumber: 1 }, children: [3] },
      { id: 3, callFrame: { url: 'file:///r/dist-bench/.prerender/chunks/_id_.mjs', functionName: '', lineNumber: 2 } },
      { id: 4, callFrame: { url: '', functionName: '(garbage collector)', lineNumber: -1 } },
    ],
    samples: [3, 3, 4],
    timeDeltas: [1000, 2000, 500],
  };
  const ms = attribute(profile, { root: '/r/', chunks: new Map([['chunks/_id_.mjs', moduleStarts(CHUNK)]]) });
  expect(ms.facts).toBe(3);
  expect(ms.gc).toBe(0.5);
  expect(Object.values(ms).reduce((a, b) => a + b, 0)).toBe(3.5);
});

test('phases reads the hook times and Astro\'s timer', () => {
  const p = phases(
    { 'config:done': 900, 'build:generated': 9000, 'build:done': 9500, end: 9600 },
    { 'Sync content layer': { elapsedTime: 1000 }, 'Prerender build': { elapsedTime: 700 }, 'Client build': { elapsedTime: 300 }, 'Static generate': { elapsedTime: 6000 } },
  );
  expect(p).toEqual({ startup: 900, contentSync: 1000, bundling: 1000, generate: 6000, after: 500, total: 9600 });
});

test('mainThreadProfile picks the main thread\'s file, not a worker\'s, in any order', () => {
  // As node --cpu-prof names them. The main thread's file sorts first today only because it starts
  // first; the choice should not rest on that or on the order a directory lists its files in.
  const main = 'CPU.20261204.041932.11864.0.001.cpuprofile';
  const workers = ['CPU.20261204.041931.11864.1.003.cpuprofile', 'CPU.20261204.041932.11864.2.002.cpuprofile', 'CPU.20261204.041932.11864.10.004.cpuprofile'];
  expect(mainThreadProfile([...workers, main, 'hooks.json'])).toBe(main);
  expect(mainThreadProfile([main, ...workers])).toBe(main);
  expect(mainThreadProfile(workers)).toBeUndefined();
});
