import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { reordered, WAITING_ROUTES, waitingLast } from '../../src/integrations/generation-order.ts';

const path = (pathname: string, component: string) => ({ pathname, route: { component } });

describe('generation order', () => {
  test('the paths that wait for the workers go last, in the workers’ order; the rest keep theirs', () => {
    const paths = [
      path('/og/ru/index.png', 'src/pages/og/[lang]/[name].png.ts'),
      path('/data/', 'src/pages/[...lang]/data/index.astro'),
      path('/', 'src/pages/[...lang]/index.astro'),
      path('/og/kk/index.png', 'src/pages/og/[lang]/[name].png.ts'),
      path('/data/projects.xlsx', 'src/pages/[...lang]/data/projects.xlsx.ts'),
      path('/projects/a/', 'src/pages/[...lang]/projects/[id].astro'),
    ];
    expect(waitingLast(paths).map((p) => p.pathname)).toEqual(['/', '/projects/a/', '/og/ru/index.png', '/og/kk/index.png', '/data/projects.xlsx', '/data/']);
  });

  test('every waiting route names a page file that exists', () => {
    for (const file of WAITING_ROUTES) expect(existsSync(file), file).toBe(true);
  });

  test('the reordered prerenderer hands out the same paths and renders with the one it wraps', async () => {
    const calls: string[] = [];
    const base: AstroPrerenderer = {
      name: 'fake',
      setup: async () => void calls.push('setup'),
      getStaticPaths: async () => [path('/og/ru/index.png', WAITING_ROUTES[0]), path('/', 'src/pages/[...lang]/index.astro')] as never,
      render: async (request) => {
        calls.push(`render ${new URL(request.url).pathname}`);
        return new Response('ok');
      },
      teardown: async () => void calls.push('teardown'),
    };
    const wrapped = reordered(base);
    await wrapped.setup?.();
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual(['/', '/og/ru/index.png']);
    const rendered = await wrapped.render(new Request('http://x/og/ru/index.png'), { routeData: {} as never });
    expect(await (rendered instanceof Response ? rendered : rendered.response).text()).toBe('ok');
    await wrapped.teardown?.();
    expect(calls).toEqual(['setup', 'render /og/ru/index.png', 'teardown']);
  });
});
