import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { afterThisFile, afterThisTest } from '../helpers/cleanup';
import { keepTestData, tmpDir } from '../helpers/tmp';

// The helpers' clean-up runs through test/setup.ts for every file, whichever file of a worker first imported them.
// The second test reads what the first one's end undid, so the two keep their order under `--sequence.shuffle`.
describe('clean-up after each test', { shuffle: false }, () => {
  const undone: string[] = [];
  let dir = '';

  it('registers what to undo', () => {
    dir = tmpDir();
    afterThisTest(() => undone.push('first'));
    afterThisTest(() => undone.push('second'));
    afterThisFile(() => undone.push('file'));
    expect(fs.existsSync(dir)).toBe(true);
  });

  it('undid it when the test ended, latest first, and keeps what lasts the file', () => {
    expect(undone).toEqual(['second', 'first']);
    expect(fs.existsSync(dir)).toBe(keepTestData);
  });
});
