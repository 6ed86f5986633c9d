/**
 * The build's cheaper type stripping (scripts/strip-types.mjs): Oxc's transform, from rolldown, in
 * place of Node's amaro for our own .ts files, registered by scripts/build-head-start.mjs in the main
 * thread and in the share-image workers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'rolldown/utils';
import { afterAll, describe, expect, test } from 'vitest';
import { stripTypesHook } from '../../scripts/strip-types.mjs';

const next = (url: string) => ({ format: 'next', source: url, shortCircuit: false });

describe('stripTypesHook', () => {
  const sources: Record<string, string> = {
    '/repo/src/a.ts': "import type { T } from './t.ts';\nimport { kept } from './k.ts';\nexport const n: number = 1 as T;\nexport function f(x: string): string { return x; }\n",
    '/repo/src/broken.ts': 'export const = ;',
  };
  const hook = stripTypesHook(transformSync, 'file:///repo', (path: string) => sources[path] ?? '');

  test('strips the types of a .ts file under the root, as Node would: type imports out, other imports kept', () => {
    const out = hook('file:///repo/src/a.ts', {}, next);
    expect(out).toMatchObject({ format: 'module', shortCircuit: true });
    const code = String(out.source);
    expect(code).not.toMatch(/: number|: string|import type|as T/);
    expect(code).toMatch(/import \{ kept \} from ["']\.\/k\.ts["']/);
    expect(code).not.toMatch(/\.\/t\.ts/);
    expect(code).toMatch(/export const n = 1/);
  });

  test.each([
    ['outside the root', 'file:///elsewhere/a.ts'],
    ['a package', 'file:///repo/node_modules/pkg/index.ts'],
    ['JavaScript', 'file:///repo/src/a.mjs'],
    ['a built-in', 'node:fs'],
    ['a file with a syntax error (Node then reports it)', 'file:///repo/src/broken.ts'],
  ])('leaves %s to Node', (_, url) => {
    expect(hook(url, {}, next)).toEqual(next(url));
  });
});

describe('scripts/build-head-start.mjs', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'strip-types-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  // In an empty folder: the head start finds no site there and starts no workers of its own.
  const run = (args: string[]) =>
    JSON.parse(execFileSync(process.execPath, [...args, resolve('tests/fixtures/strip-types/main.mjs')], { cwd, encoding: 'utf8' }).trim().split('\n').at(-1)!) as {
      main: { amaro: boolean };
      worker: { amaro: boolean; total: number };
    };

  test('a worker thread runs our TypeScript without Node loading amaro, in either thread', () => {
    const out = run([`--import=${pathToFileURL(resolve('scripts/build-head-start.mjs')).href}`]);
    expect(out.worker.total).toBe(6);
    expect(out).toMatchObject({ main: { amaro: false }, worker: { amaro: false } });
  });

  test('without it Node strips the types itself (the check above can tell)', () => {
    const out = run([]);
    expect(out.worker).toEqual({ amaro: true, total: 6 });
  });
});
