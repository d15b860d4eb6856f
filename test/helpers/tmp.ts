import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterThisFile, afterThisTest } from './cleanup';

/**
 * Under a full `npm test` (scripts/test.sh sets DIWAN_KEEP_TEST_DATA) test data stays until the suite ends, so the
 * leak scan can search every database, WAL, backup, log and export the tests wrote; the script removes it after.
 */
export const keepTestData = process.env.DIWAN_KEEP_TEST_DATA === '1';

/** A fresh temporary directory, removed after the current test (or after the leak scan, see above). */
export function tmpDir(prefix = 'diwan-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterThisTest(() => remove(dir));
  return dir;
}

// Outside vitest (a bench importing test harnesses) no clean-up runs: the caller removes what it made.
const remove = (dir: string) => keepTestData || fs.rmSync(dir, { recursive: true, force: true });

/** A temporary directory that lasts the whole test file (several processes share it, e.g. a hub's credentials). */
export function suiteTmpDir(prefix = 'diwan-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterThisFile(() => remove(dir));
  return dir;
}
