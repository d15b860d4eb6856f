import type { Db } from './db';
import { getSetting, setSetting, SETTING } from './settings';
import { cachedStatement } from './statement-cache';

/** Message ids a batch of the background fill covers: one short write transaction, then the console's turn. */
export const FIELD_MARKS_BATCH = 2000;

/**
 * Marks one batch of the messages stored before migration 032 with whether they have field rows, the newest first
 * (the conversations people open), and lowers the cursor in the same transaction: an interrupted fill loses at most
 * its open batch and resumes below the last one it finished; a row already marked is left as it is. Returns whether
 * rows may remain below the cursor.
 */
export function markFieldRows(db: Db, batch = FIELD_MARKS_BATCH): boolean {
  return db
    .transaction(() => {
      const below = Number(getSetting(db, SETTING.fieldMarksBelow) ?? 1);
      if (below <= 1) return false;
      const oldest = cachedStatement(db, 'SELECT id FROM messages WHERE id < ? AND has_fields IS NULL ORDER BY id LIMIT 1', 'pluck').get(below) as number | undefined;
      const from = oldest === undefined ? 1 : Math.max(oldest, below - batch);
      if (oldest !== undefined) {
        cachedStatement(
          db,
          `UPDATE messages SET has_fields = EXISTS (SELECT 1 FROM message_fields f WHERE f.message_id = messages.id)
           WHERE id >= ? AND id < ? AND has_fields IS NULL`,
        ).run(from, below);
      }
      // Nothing unmarked is left below the oldest unmarked row: a file whose old messages retention removed ends there.
      const done = from === (oldest ?? 1);
      setSetting(db, SETTING.fieldMarksBelow, String(done ? 1 : from));
      return !done;
    })
    .immediate();
}

/**
 * Runs `markFieldRows` a batch at a time in the background, `delayMs` after the call (after the console's first
 * paint), then every `everyMs` until no row is left. Returns a function that stops it.
 */
export function scheduleFieldMarks(opts: { db: Db; delayMs: number; everyMs: number; onError: (e: unknown) => void; mark?: (db: Db) => boolean }): () => void {
  const mark = opts.mark ?? markFieldRows;
  let timer: NodeJS.Timeout | undefined;
  const next = (ms: number) => {
    timer = setTimeout(() => {
      try {
        if (opts.db.open && mark(opts.db)) next(opts.everyMs);
      } catch (e) {
        opts.onError(e);
      }
    }, ms);
    timer.unref();
  };
  if (Number(getSetting(opts.db, SETTING.fieldMarksBelow) ?? 1) > 1) next(opts.delayMs);
  return () => clearTimeout(timer);
}
