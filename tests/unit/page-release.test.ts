// A page's bytes from Astro's renderer to the file (src/integrations/page-bytes.ts): the patch of
// renderPage registers them, and the release frees them once written (src/lib/page-release.ts).
import { readFileSync } from 'node:fs';
import { promises as fsPromises } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import pageBytes, { PAGE_MODULE, registeredPageBytes } from '../../src/integrations/page-bytes.ts';
import { pageRegistry, releaseWrittenPages } from '../../src/lib/page-release.ts';
import { directBytes } from '../../src/lib/response-bytes.ts';
import { tempDir } from './temp-dir.ts';

const PAGE_JS = createRequire(import.meta.url).resolve('astro/package.json').replace(/package\.json$/, 'dist/runtime/server/render/page.js');
const enc = new TextEncoder();
const dec = new TextDecoder();

/** The helper the patch adds to Astro's page.js, as a function. */
function patchedHelper(): (bytes: Uint8Array) => ReadableStream<Uint8Array> {
  const code = registeredPageBytes(readFileSync(PAGE_JS, 'utf8'))!;
  const helper = code.slice(code.indexOf('function registeredPageBytes('));
  return new Function(`${helper}\nreturn registeredPageBytes;`)() as (bytes: Uint8Array) => ReadableStream<Uint8Array>;
}

/** A stand-in for fs.promises: records what each write saw, or fails. */
function fakeFs(fail = false) {
  const seen: string[] = [];
  return {
    seen,
    writeFile: (async (_file: unknown, data: unknown) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (fail) throw new Error('disk full');
      seen.push(dec.decode(data as Uint8Array));
    }) as typeof fsPromises.writeFile,
  };
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe('the patch of renderPage', () => {
  test('Astro ships the lines it changes (fails on an Astro upgrade that changes them)', () => {
    const code = registeredPageBytes(readFileSync(PAGE_JS, 'utf8'));
    expect(code).toContain('headers.set("Content-Length", body.byteLength.toString());\n    body = registeredPageBytes(body);\n');
    expect(PAGE_MODULE.test(PAGE_JS)).toBe(true);
    expect(PAGE_MODULE.test(`${PAGE_JS}?v=1`)).toBe(true);
  });

  test('changes nothing it does not recognise', () => {
    expect(registeredPageBytes('body = encoder.encode(body);')).toBeUndefined();
  });

  test("a page's bytes reach Astro's writer as the same buffer, registered while a build writes pages", async () => {
    const helper = patchedHelper();
    const html = '<!doctype html><html lang="kk"><p>Жетісу ауданы</p></html>';
    // Outside a build nothing is registered, and the page is the same.
    const outside = enc.encode(html);
    expect(dec.decode(await directBytes(new Response(helper(outside))).arrayBuffer())).toBe(html);
    uninstall = releaseWrittenPages(fakeFs());
    const bytes = enc.encode(html);
    const buffer = await directBytes(new Response(helper(bytes))).arrayBuffer();
    expect(buffer).toBe(bytes.buffer);
    expect(pageRegistry()!.has(bytes.buffer)).toBe(true);
    expect(pageRegistry()!.has(outside.buffer)).toBe(false);
  });
});

describe('releaseWrittenPages', () => {
  test('frees a registered page once its write has finished, after the write saw it whole', async () => {
    const fs = fakeFs();
    uninstall = releaseWrittenPages(fs);
    const page = Buffer.from(enc.encode('<p>Медеу</p>').buffer);
    pageRegistry()!.add(page.buffer);
    await fs.writeFile('/x/index.html', page);
    expect(fs.seen).toEqual(['<p>Медеу</p>']);
    expect(page.buffer.detached).toBe(true);
    expect(pageRegistry()!.has(page.buffer)).toBe(false);
  });

  test('leaves every buffer it was not given, and a page whose write failed', async () => {
    const other = Buffer.from(enc.encode('kept').buffer);
    const ok = fakeFs();
    uninstall = releaseWrittenPages(ok);
    await ok.writeFile('/x/a', other);
    expect(other.buffer.detached).toBe(false);
    uninstall();
    const failing = fakeFs(true);
    uninstall = releaseWrittenPages(failing);
    const page = Buffer.from(enc.encode('<p>a</p>').buffer);
    pageRegistry()!.add(page.buffer);
    await expect(failing.writeFile('/x/b', page)).rejects.toThrow('disk full');
    expect(page.buffer.detached).toBe(false);
  });

  test('uninstalling puts the original writeFile back and removes the registry', () => {
    const fs = fakeFs();
    const original = fs.writeFile;
    const stop = releaseWrittenPages(fs);
    expect(fs.writeFile).not.toBe(original);
    expect(pageRegistry()).toBeDefined();
    stop();
    expect(fs.writeFile).toBe(original);
    expect(pageRegistry()).toBeUndefined();
  });

  test("on Node's own fs.promises, the file is written whole and the page's memory freed", async () => {
    uninstall = releaseWrittenPages();
    const file = join(tempDir('page-release'), 'index.html');
    const html = '<!doctype html><p>Алматы: 12 345 жоба</p>';
    const page = Buffer.from(enc.encode(html).buffer);
    pageRegistry()!.add(page.buffer);
    await fsPromises.writeFile(file, page);
    expect(readFileSync(file, 'utf8')).toBe(html);
    expect(page.buffer.detached).toBe(true);
  });
});

describe('the integration', () => {
  type Hooks = Record<string, (options?: unknown) => void>;
  test("installs the release when a build starts, removes it when the pages are written, and never where Astro's incremental build reads pages again", () => {
    const hooks = pageBytes().hooks as unknown as Hooks;
    hooks['astro:config:done']!({ config: { experimental: {} } });
    hooks['astro:build:start']!();
    expect(pageRegistry()).toBeDefined();
    hooks['astro:build:generated']!();
    expect(pageRegistry()).toBeUndefined();
    hooks['astro:build:done']!();
    const incremental = pageBytes().hooks as unknown as Hooks;
    incremental['astro:config:done']!({ config: { experimental: { incrementalBuild: true } } });
    incremental['astro:build:start']!();
    expect(pageRegistry()).toBeUndefined();
  });
});
