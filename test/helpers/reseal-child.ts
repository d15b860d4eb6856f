/**
 * The upgrade's re-seal, in a process a test can kill at a known point: opens the data directory without the
 * re-seal at open, then re-seals in batches of BATCH, printing each batch's progress as a JSON line and waiting for
 * one byte on stdin before going on — so the parent kills it after a counted number of batches, not after a time.
 *   DIR=<data dir> SVC=<keychain service> [BATCH=3] node --import tsx test/helpers/reseal-child.ts
 */
import fs from 'node:fs';
import { openCore } from '../../main/core/app';

const core = await openCore({ embedded: 'store', dataDir: process.env.DIR!, keychainService: process.env.SVC, custody: { resealAtOpen: false } });
const one = Buffer.alloc(1);
const r = core.store.reseal({
  batchSize: Number(process.env.BATCH ?? 3),
  onProgress: (p) => {
    process.stdout.write(`${JSON.stringify(p)}\n`);
    if (fs.readSync(0, one, 0, 1, null) === 0) process.exit(3);
  },
});
process.stdout.write(`${JSON.stringify({ done: r.sealed })}\n`);
core.close();
