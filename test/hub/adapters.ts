import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { HubStore, postgresExecutor, sqliteExecutor, type SqlExecutor } from '../../main/hub/store';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { tmpDir } from '../helpers/tmp';

const databases = new WeakMap<HubStore, string>();

/**
 * The two store adapters a conformance suite runs against: the embedded SQLite file and a throwaway PostgreSQL (one
 * server per test file, started before its tests and destroyed after them; a fresh database per store).
 */
export function bothAdapters(prefix: string): Record<'sqlite' | 'postgres', (now: () => number) => Promise<HubStore>> {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  });
  return {
    sqlite: async (now) => new HubStore(sqliteExecutor(path.join(tmpDir(prefix), 'hub.sqlite')), now),
    postgres: async (now) => {
      const url = await server.newDatabase();
      const store = new HubStore(postgresExecutor({ connectionString: url, max: 4 }), now);
      databases.set(store, url);
      return store;
    },
  };
}

/** A second, independent connection to the same database, as a second hub node has (SQLite: the same store). */
export function secondNode(store: HubStore, now: () => number): HubStore {
  const url = databases.get(store);
  return url ? new HubStore(postgresExecutor({ connectionString: url, max: 4 }), now) : store;
}

/** The port with every statement's text written down (a batch's round trips, counted). */
export function recording(q: SqlExecutor, seen: string[]): SqlExecutor {
  return {
    dialect: q.dialect,
    all: (sql, params) => (seen.push(sql), q.all(sql, params)),
    get: (sql, params) => (seen.push(sql), q.get(sql, params)),
    run: (sql, params) => (seen.push(sql), q.run(sql, params)),
    tx: (fn) => q.tx((t) => fn(recording(t, seen))),
    serializeEvents: () => q.serializeEvents(),
    eventLockCondition: () => q.eventLockCondition(),
    close: () => q.close(),
  };
}
