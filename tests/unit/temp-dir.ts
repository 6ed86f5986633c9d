import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/**
 * A new folder for a test, inside the run's temporary folder, which the global setup deletes at the
 * end of the run (tests/unit/temp-root.ts). Before it, each `npm test` left about twenty folders in
 * the OS temp folder.
 */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(inject('unitTempRoot'), `${prefix}-`));
}
