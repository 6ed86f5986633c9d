/**
 * Each page's bytes, from Astro's renderer to the file, with no copy and no wait for the garbage
 * collector. For `astro build` only; `astro dev` serves responses as they are.
 *
 * - Astro's renderPage encodes a page into fresh bytes and hands them to `new Response(bytes)`, which
 *   in Node copies them. A patch of renderPage (below) gives Response the same bytes as a one-chunk
 *   stream, which it takes as they are, and registers them (src/lib/page-release.ts).
 * - Astro writes every page from `response.arrayBuffer()`, which in Node copies the body twice more; a
 *   middleware gives each response an arrayBuffer() that hands over a lone chunk's own buffer
 *   (src/lib/response-bytes.ts).
 * - Once the file is written, the registered bytes are freed (src/lib/page-release.ts says why: at
 *   10,000 projects, the pages' bytes waiting for the collector set off most of its full collections).
 *
 * If Astro's renderPage no longer reads as the patch expects, the build warns once and keeps Astro's
 * code (tests/unit/page-release.test.ts fails on such an upgrade); the pages are the same either way.
 * The release is left out where Astro's incremental build is on, since that reads a page's bytes
 * again after writing them.
 */
import type { AstroIntegration } from 'astro';
import { astroPatches } from './astro-patch.ts';
import { PAGE_BYTES, releaseWrittenPages } from '../lib/page-release.ts';

/** The module with renderPage, with or without a query. */
export const PAGE_MODULE = /[\\/]astro[\\/]dist[\\/]runtime[\\/]server[\\/]render[\\/]page\.js(?:\?|$)/;

/** Where renderPage encodes a page rendered as one string, as astro 7 ships it. */
export const ASTRO_PAGE_ENCODE = '    body = encoder.encode(body);\n    headers.set("Content-Length", body.byteLength.toString());\n';

/** Astro's page.js with a page's encoded bytes given to Response as a registered one-chunk stream; undefined when the code is not as expected. */
export function registeredPageBytes(code: string): string | undefined {
  if (code.split(ASTRO_PAGE_ENCODE).length !== 2) return undefined;
  const helper = `
/** A page's fresh bytes as a one-chunk stream, which Response keeps without a copy, registered so that the build frees them once written (src/integrations/page-bytes.ts). */
function registeredPageBytes(bytes) {
  globalThis[Symbol.for(${JSON.stringify(PAGE_BYTES.description)})]?.add(bytes.buffer);
  return new ReadableStream({ start(controller) { controller.enqueue(bytes); controller.close(); } });
}
`;
  return `${code.replace(ASTRO_PAGE_ENCODE, `${ASTRO_PAGE_ENCODE}    body = registeredPageBytes(body);\n`)}\n${helper}`;
}

export default function pageBytes(): AstroIntegration {
  let uninstall: (() => void) | undefined;
  let incremental = false;
  const stop = () => {
    uninstall?.();
    uninstall = undefined;
  };
  return {
    name: 'page-bytes',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, updateConfig }) => {
        if (command !== 'build') return;
        addMiddleware({ order: 'pre', entrypoint: new URL('./page-bytes-middleware.ts', import.meta.url) });
        updateConfig({
          vite: {
            plugins: [
              astroPatches('page-bytes', [
                {
                  module: PAGE_MODULE,
                  apply: registeredPageBytes,
                  warning: "astro/dist/runtime/server/render/page.js has changed: each page's bytes are copied again and freed by the garbage collector (src/integrations/page-bytes.ts)",
                },
              ]),
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        incremental = Boolean((config.experimental as { incrementalBuild?: unknown }).incrementalBuild);
      },
      'astro:build:start': () => {
        if (!incremental) uninstall = releaseWrittenPages();
      },
      'astro:build:generated': stop,
      'astro:build:done': stop,
    },
  };
}
