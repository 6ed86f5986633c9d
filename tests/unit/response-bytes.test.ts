import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import pageBytes from '../../src/integrations/page-bytes.ts';
import { directBytes, joinChunks, readChunks } from '../../src/lib/response-bytes.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A stream of the given chunks, as a page or a download made in pieces arrives. */
function streamOf(chunks: unknown[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as Uint8Array);
      controller.close();
    },
  });
}

describe('joinChunks', () => {
  test('a lone chunk that fills its buffer is handed on without a copy', () => {
    const chunk = enc.encode('<!doctype html><p>Алматы</p>');
    expect(joinChunks([chunk])).toBe(chunk.buffer);
  });

  test('a lone chunk that is part of a larger buffer is copied, so no other bytes come with it', () => {
    const whole = enc.encode('xx<p>a</p>yy');
    const part = whole.subarray(2, 10);
    const out = joinChunks([part]);
    expect(out).not.toBe(whole.buffer);
    expect(dec.decode(out)).toBe('<p>a</p>');
  });

  test('several chunks are joined in order, once', () => {
    expect(dec.decode(joinChunks([enc.encode('a,'), enc.encode('Әб,'), enc.encode('c')]))).toBe('a,Әб,c');
    expect(joinChunks([]).byteLength).toBe(0);
  });
});

describe('readChunks', () => {
  test('a page as Astro makes it (new Response(bytes)) arrives as one chunk that fills its buffer', async () => {
    // What joinChunks counts on to skip the copies; if Node changes this, the pages still come out
    // right, only with a copy.
    const chunks = await readChunks(new Response(enc.encode('<p>Медеу</p>')).body!);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.byteOffset).toBe(0);
    expect(chunks[0]!.byteLength).toBe(chunks[0]!.buffer.byteLength);
  });

  test('refuses a chunk that is not bytes, as Response.arrayBuffer() does', async () => {
    await expect(readChunks(streamOf(['text']))).rejects.toThrow(TypeError);
  });
});

describe('directBytes', () => {
  test('the page arrives byte for byte, from the body Astro rendered', async () => {
    const html = '<!doctype html><html lang="kk"><p>Жетісу ауданы — 12 345</p></html>';
    const response = directBytes(new Response(enc.encode(html), { headers: { 'content-type': 'text/html' } }));
    expect(Object.hasOwn(response, 'arrayBuffer')).toBe(true);
    expect(dec.decode(await response.arrayBuffer())).toBe(html);
    expect(response.bodyUsed).toBe(true);
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  test('a body in many pieces (the downloads) comes out whole', async () => {
    const pieces = ['[', '{"id":"a"}', ',', '{"id":"б"}', ']'];
    const response = directBytes(new Response(streamOf(pieces.map((p) => enc.encode(p)))));
    expect(dec.decode(await response.arrayBuffer())).toBe(pieces.join(''));
  });

  test('nothing is read until asked, so a body read another way is as before', async () => {
    const response = directBytes(new Response('plain text'));
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('plain text');
  });

  test('a response without a body, or one already read, is left as it is', async () => {
    const empty = new Response(null, { status: 204 });
    expect(directBytes(empty)).toBe(empty);
    expect(Object.hasOwn(empty, 'arrayBuffer')).toBe(false);
    const read = new Response('x');
    await read.text();
    expect(Object.hasOwn(directBytes(read), 'arrayBuffer')).toBe(false);
  });
});

describe('the page-bytes integration', () => {
  test('adds its middleware to `astro build` only, from a file that exists', () => {
    const setup = pageBytes().hooks['astro:config:setup'] as (options: unknown) => void;
    for (const command of ['dev', 'preview', 'sync']) {
      const added: unknown[] = [];
      setup({ command, addMiddleware: (m: unknown) => added.push(m), updateConfig: (c: unknown) => added.push(c) });
      expect(added, command).toEqual([]);
    }
    const added: Array<{ order: string; entrypoint: URL }> = [];
    const configs: Array<{ vite: { plugins: Array<{ name: string }> } }> = [];
    setup({ command: 'build', addMiddleware: (m: { order: string; entrypoint: URL }) => added.push(m), updateConfig: (c: (typeof configs)[number]) => configs.push(c) });
    expect(added).toHaveLength(1);
    expect(existsSync(fileURLToPath(added[0]!.entrypoint))).toBe(true);
    // The patch of Astro's renderPage (tests/unit/page-release.test.ts), for the build only as well.
    expect(configs.flatMap((c) => c.vite.plugins.map((p) => p.name))).toEqual(['page-bytes']);
  });
});
