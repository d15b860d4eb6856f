import Database from 'better-sqlite3';
import { DiwanError } from '../../core/shared/errors';
import type { SqlExecutor, SqlValue } from './executor';

type Db = Database.Database;

/**
 * The embedded adapter: one better-sqlite3 connection. Calls are serialised through a queue, so a transaction's
 * awaited steps never interleave with another caller's statements on the same connection.
 */
export function sqliteExecutor(file: string): SqlExecutor {
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // An erased customer's rows are overwritten with zeros, not left readable in free pages (store/customer-data.ts).
    db.pragma('secure_delete = ON');
  } catch (e) {
    throw new DiwanError('hub_db_unavailable', `The hub cannot open its database file ${file} (${(e as Error).message}).`);
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      // Multi-row statements differ by their row count; a full cache starts over rather than growing without end.
      if (statements.size >= 512) statements.clear();
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const bind = (params: readonly SqlValue[] = []) =>
    params.map((p) => {
      if (Array.isArray(p)) throw new Error('array parameters are PostgreSQL only');
      return typeof p === 'boolean' ? (p ? 1 : 0) : p;
    });

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  const direct = (inTx: boolean): SqlExecutor => ({
    dialect: 'sqlite',
    all: async <T>(sql: string, params?: readonly SqlValue[]) => {
      const s = prepare(sql);
      return (s.reader ? s.all(...bind(params)) : (s.run(...bind(params)), [])) as T[];
    },
    get: async <T>(sql: string, params?: readonly SqlValue[]) => {
      const s = prepare(sql);
      return (s.reader ? s.get(...bind(params)) : (s.run(...bind(params)), undefined)) as T | undefined;
    },
    run: async (sql: string, params?: readonly SqlValue[]) => ({ changes: prepare(sql).run(...bind(params)).changes }),
    tx: async <T>(fn: (q: SqlExecutor) => Promise<T>) => {
      if (inTx) return fn(direct(true));
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(direct(true));
        db.exec('COMMIT');
        return out;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
    serializeEvents: async () => {},
    eventLockCondition: () => null,
    close: async () => {
      db.close();
    },
  });

  const inner = direct(false);
  return {
    dialect: 'sqlite',
    all: (sql, params) => serial(() => inner.all(sql, params)),
    get: (sql, params) => serial(() => inner.get(sql, params)),
    run: (sql, params) => serial(() => inner.run(sql, params)),
    tx: (fn) => serial(() => inner.tx(fn)),
    serializeEvents: async () => {},
    eventLockCondition: () => null,
    close: () => serial(() => inner.close()),
  };
}
