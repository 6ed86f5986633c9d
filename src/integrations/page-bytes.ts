/**
 * Astro writes every page of a build from `response.arrayBuffer()`, which in Node copies the page
 * twice more than it needs to (src/lib/response-bytes.ts says why that matters). For `astro build`
 * only, a middleware gives each response an arrayBuffer() without those copies. `astro dev` serves
 * responses as they are.
 */
import type { AstroIntegration } from 'astro';

export default function pageBytes(): AstroIntegration {
  return {
    name: 'page-bytes',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ order: 'pre', entrypoint: new URL('./page-bytes-middleware.ts', import.meta.url) });
      },
    },
  };
}
