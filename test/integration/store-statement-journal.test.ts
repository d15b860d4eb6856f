import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { inbound, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

/** Bytes this thread has handed to write system calls so far (Linux's per-thread I/O accounting). */
const written = () => Number(/^wchar: (\d+)$/m.exec(fs.readFileSync('/proc/thread-self/io', 'utf8'))![1]);

describe('an ingest batch writes only its WAL frames (issue #26 round 9: statement journals in memory)', () => {
  it.runIf(fs.existsSync('/proc/thread-self/io'))('a batch of new conversations writes no statement journal to a temporary file', async () => {
    core = await storeCore();
    const c = core;
    // Every message its own conversation and contact: each conversation insert fires triggers (inbox rows, tallies),
    // so each statement keeps a statement journal; once one spilled to a file, every later one wrote its pages there.
    const batch = Array.from({ length: 2000 }, (_, i) =>
      inbound(i, { platformConversationId: `chat${i}`, contact: { platformUserId: `u${i}`, displayName: `Customer ${i}` } }),
    );
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = written();
    c.store.sink.ingest('tg', batch);
    const during = written() - before;
    const frames = (c.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;
    const pageSize = c.db.pragma('page_size', { simple: true }) as number;
    const wal = 32 + frames * (24 + pageSize);
    expect(frames).toBeGreaterThan(0);
    // The WAL's frames and nothing of the size of a page per statement besides (a little slack for the WAL index).
    expect(during).toBeLessThanOrEqual(wal + 64 * 1024);
  });
});
