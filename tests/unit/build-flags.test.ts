// `npm run build` runs Astro with V8's TurboFan off for builds of up to 1,000 projects and with glibc's
// allocator keeping its memory (scripts/build-flags.mjs says why); the benchmark uses the same settings.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { HEAD_START, HEAP_GROWING, HUGE_PAGES, MALLOC_TUNABLES, MAX_OPT_UP_TO, buildEnv, buildNodeFlags, projectCount } from '../../scripts/build-flags.mjs';

describe('build flags', () => {
  test('TurboFan is off and the head start loads first up to MAX_OPT_UP_TO projects; beyond, neither, and the heap may double between full collections', () => {
    expect(MAX_OPT_UP_TO).toBe(1000);
    const short = ['--max-opt=2', `--import=${HEAD_START}`];
    expect(existsSync(fileURLToPath(HEAD_START))).toBe(true);
    expect(HEAD_START.endsWith('/scripts/build-head-start.mjs')).toBe(true);
    expect(buildNodeFlags(0)).toEqual(short);
    expect(buildNodeFlags(1000)).toEqual(short);
    expect(buildNodeFlags(1001)).toEqual([HEAP_GROWING]);
    expect(HEAP_GROWING).toBe('--heap-growing-percent=100');
    expect(buildNodeFlags(10000)).toEqual([HEAP_GROWING]);
  });

  test("glibc's allocator keeps its memory, with huge pages only beyond MAX_OPT_UP_TO projects, unless GLIBC_TUNABLES is already set", () => {
    expect(buildEnv({}, 55)).toEqual({ GLIBC_TUNABLES: MALLOC_TUNABLES });
    expect(buildEnv({ PATH: '/usr/bin' }, 1000)).toEqual({ GLIBC_TUNABLES: MALLOC_TUNABLES });
    expect(buildEnv({}, 1001)).toEqual({ GLIBC_TUNABLES: `${MALLOC_TUNABLES}:${HUGE_PAGES}` });
    expect(buildEnv({}, 10000)).toEqual({ GLIBC_TUNABLES: `${MALLOC_TUNABLES}:${HUGE_PAGES}` });
    expect(buildEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 55)).toEqual({});
    expect(buildEnv({ GLIBC_TUNABLES: '' }, 10000)).toEqual({});
    expect(MALLOC_TUNABLES).toBe('glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864');
    expect(HUGE_PAGES).toBe('glibc.malloc.hugetlb=1');
  });

  test('counts the project files of the content folder the build reads, CONTENT_DIR included', () => {
    const real = readdirSync('content/projects').filter((f) => f.endsWith('.md')).length;
    expect(real).toBeGreaterThan(10);
    expect(projectCount('.', {})).toBe(real);
    expect(projectCount('.', { CONTENT_DIR: 'tests/fixtures/no-such-folder' })).toBe(0);
  });

  test('npm run build is the wrapper, which runs astro build with the flags and passes arguments through', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toBe('node scripts/build.mjs');
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/astro build/);
  });
});
