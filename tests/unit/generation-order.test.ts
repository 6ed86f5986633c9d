import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AstroPrerenderer } from 'astro';
import { reordered, WAITING_ROUTES, waitingLast } from '../../src/integrations/generation-order.ts';

const path = (pathname: string, component: string) => ({ pathname, route: { component } });

describe('generation order', () => {
  test('the paths that wait for the workers go last, in the workers’ order; the rest keep theirs', () => {
    const paths = [
      path('/data/projects.xlsx', 'src/pages/[...lang]/data/projects.xlsx.ts'),
      path('/data/', 'src/pages/[...lang]/data/index.astro'),
      path('/', 'src/pages/[...lang]/index.astro'),
      path('/kk/data/projects.xlsx', 'src/pages/[...lang]/data/projects.xlsx.ts'),
      path('/kk/data/', 'src/pages/[...lang]/data/index.astro'),
      path('/projects/a/', 'src/pages/[...lang]/projects/[id].astro'),
    ];
    expect(waitingLast(paths).map((p) => p.pathname)).toEqual(['/', '/projects/a/', '/data/projects.xlsx', '/kk/data/projects.xlsx', '/data/', '/kk/data/']);
  });

  test('every waiting route names a page file that exists', () => {
    for (const file of WAITING_ROUTES) expect(existsSync(file), file).toBe(true);
  });

  test('the reordered prerenderer hands out the same paths and renders with the one it wraps', async () => {
    const calls: string[] = [];
    const base: AstroPrerenderer = {
      name: 'fake',
      setup: async () => void calls.push('setup'),
      getStaticPaths: async () => [path('/data/projects.xlsx', WAITING_ROUTES[0]), path('/', 'src/pages/[...lang]/index.astro')] as never,
      render: async (request) => {
        calls.push(`render ${new URL(request.url).pathname}`);
        return new Response('ok');
      },
      teardown: async () => void calls.push('teardown'),
    };
    const wrapped = reordered(base);
    await wrapped.setup?.();
    expect((await wrapped.getStaticPaths()).map((p) => p.pathname)).toEqual(['/', '/data/projects.xlsx']);
    const rendered = await wrapped.render(new Request('http://x/data/projects.xlsx'), { routeData: {} as never });
    expect(await (rendered instanceof Response ? rendered : rendered.response).text()).toBe('ok');
    await wrapped.teardown?.();
    expect(calls).toEqual(['setup', 'render /data/projects.xlsx', 'teardown']);
  });
});
