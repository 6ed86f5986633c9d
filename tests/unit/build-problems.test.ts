// `astro build` on a folder with three broken files in two collections lists all three, in
// `npm run check:content`'s words, and exits 1 before building anything: no stack trace, no ":0:0".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkFolder } from '../../src/integrations/content-problems.ts';

const FOLDER = 'tests/fixtures/content/build-problems';

test('the build reports every problem in every file, then fails', () => {
  const out = mkdtempSync(join(tmpdir(), 'build-problems-'));
  try {
    const r = spawnSync('npx', ['astro', 'build', '--outDir', join(out, 'dist')], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CONTENT_DIR: FOLDER, ASTRO_CACHE_DIR: join(out, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status, output).toBe(1);
    const lines = checkFolder(FOLDER).issues.map((i) => `${i.file}: ${i.field}: ${i.message}`);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(output).toContain(line);
    expect(output).toContain('✗ 3 problems in 3 files');
    expect(output).not.toMatch(/Stack trace|:0:0|\*\*|\n\s+at /);
    // Nothing was built.
    expect(existsSync(join(out, 'dist'))).toBe(false);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 90_000);
