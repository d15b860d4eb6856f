import crypto from 'node:crypto';
import pg from 'pg';
import { DiwanError } from '../../core/shared/errors';
import { numberedPlaceholders, type SqlExecutor, type SqlValue } from './executor';

/** Key of the transaction-scoped advisory lock that orders event rows by commit (any constant unique to Diwan). */
const EVENT_LOCK = 7_241_001;
/** Takes the event lock and queues the one NOTIFY that wakes the nodes (both once per transaction). */
const TAKE_EVENT_LOCK = `pg_advisory_xact_lock(${EVENT_LOCK}), pg_notify('diwan_events', '')`;

/** Connection failures a person can do something about, said in words (the hub's /healthz repeats them). */
export function describePgError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code === 'ECONNREFUSED') return 'PostgreSQL refuses connections (is it running, and on this address and port?)';
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return 'the PostgreSQL host name does not resolve';
  if (err.code === 'ETIMEDOUT') return 'PostgreSQL does not answer in time';
  if (err.code === '28P01' || err.code === '28000') return 'PostgreSQL refused the hub\'s user name or password';
  if (err.code === '3D000') return 'the PostgreSQL database named in the hub\'s configuration does not exist';
  if (err.code === '57P01' || err.code === '57P03') return 'PostgreSQL is shutting down or starting up';
  return `PostgreSQL failed (${err.code ?? 'error'})`;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** True when a failure means the database is out of reach (the operation may be retried later), not a bad request. */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err?.code && CONNECTION_CODES.has(err.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(err?.message ?? '');
}

function unavailable(e: unknown): never {
  if (e instanceof DiwanError) throw e;
  if (isConnectionError(e)) throw new DiwanError('hub_db_unavailable', `The hub cannot reach its database: ${describePgError(e)}.`);
  throw e;
}

export interface PgOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}

/** BIGINT (int8) columns come back as JavaScript numbers: every id and millisecond time fits in 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

export function newPgPool(o: PgOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: o.connectionString,
    max: o.max ?? 10,
    connectionTimeoutMillis: o.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: o.applicationName ?? 'diwan-hub',
    types,
  });
  // A dropped idle connection must not crash the process; the next query reports the outage.
  pool.on('error', () => {});
  return pool;
}

/** Named statements by SQL text (see `queryOf`); bounded, past which statements simply go unnamed. */
const named = new Map<string, { name: string; text: string }>();
const MAX_NAMED = 200;

/**
 * A statement that takes its rows as array parameters (`SqlArray`) has one text whatever the batch's size (ingest,
 * events), so it is named: each connection parses it once and PostgreSQL may keep its plan. Other statements (whose
 * `IN (…)` lists change their text) stay unnamed, so a connection never collects them.
 */
function queryOf(sql: string, params?: readonly SqlValue[]): pg.QueryConfig {
  const values = params as unknown[] | undefined;
  if (!params?.some((p) => Array.isArray(p))) return { text: numberedPlaceholders(sql), values };
  let statement = named.get(sql);
  if (!statement) {
    const text = numberedPlaceholders(sql);
    if (named.size >= MAX_NAMED) return { text, values };
    statement = { name: `diwan_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
    named.set(sql, statement);
  }
  return { ...statement, values };
}

export function postgresExecutor(o: PgOptions): SqlExecutor & { readonly pool: pg.Pool } {
  const pool = newPgPool(o);
  // `tx` is the state of one transaction (shared by nested `tx` calls): whether it holds the event lock yet.
  const on = (client: pg.Pool | pg.PoolClient, tx: { eventLock: boolean } | null): SqlExecutor => ({
    dialect: 'postgres',
    all: async <T>(sql: string, params?: readonly SqlValue[]) => {
      try {
        return (await client.query(queryOf(sql, params))).rows as T[];
      } catch (e) {
        return unavailable(e);
      }
    },
    get: async <T>(sql: string, params?: readonly SqlValue[]) => {
      try {
        return (await client.query(queryOf(sql, params))).rows[0] as T | undefined;
      } catch (e) {
        return unavailable(e);
      }
    },
    run: async (sql: string, params?: readonly SqlValue[]) => {
      try {
        return { changes: (await client.query(queryOf(sql, params))).rowCount ?? 0 };
      } catch (e) {
        return unavailable(e);
      }
    },
    tx: async <T>(fn: (q: SqlExecutor) => Promise<T>) => {
      if (tx) return fn(on(client, tx));
      let c: pg.PoolClient;
      try {
        c = await pool.connect();
      } catch (e) {
        return unavailable(e);
      }
      let broken = false;
      try {
        await c.query('BEGIN');
        const out = await fn(on(c, { eventLock: false }));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        broken = isConnectionError(e) || (e instanceof DiwanError && e.code === 'hub_db_unavailable');
        if (!broken) await c.query('ROLLBACK').catch(() => {});
        return unavailable(e);
      } finally {
        c.release(broken);
      }
    },
    serializeEvents: async () => {
      if (!tx) throw new Error('serializeEvents outside a transaction');
      // Once per transaction: the lock lasts until COMMIT, and one NOTIFY (delivered at COMMIT, after the rows are
      // visible) wakes the nodes for every event the transaction writes. Each further round trip would lengthen
      // the span every node's writers wait for the lock (bench/README.md, "Team hub").
      if (tx.eventLock) return;
      try {
        await client.query(`SELECT ${TAKE_EVENT_LOCK}`);
      } catch (e) {
        unavailable(e);
      }
      tx.eventLock = true;
    },
    eventLockCondition: () => {
      if (!tx) throw new Error('eventLockCondition outside a transaction');
      if (tx.eventLock) return null;
      tx.eventLock = true;
      return `(SELECT true FROM ${TAKE_EVENT_LOCK})`;
    },
    close: async () => {
      await pool.end();
    },
  });
  return Object.assign(on(pool, null), { pool });
}
