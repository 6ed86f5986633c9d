import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every unit test's temporary folders go in (tests/unit/temp-dir.ts). */
    unitTempRoot: string;
  }
}

/**
 * Vitest's global setup (vitest.config.ts): one folder for the whole run's temporary folders, deleted
 * once every test file has finished. Deleted there rather than after each test, because some work a
 * test starts (a share image drawn on a worker and kept) may still write to its folder afterwards.
 */
export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'almaty-unit-'));
  project.provide('unitTempRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
