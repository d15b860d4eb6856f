import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/**
 * Prepared statements kept per database and SQL text, for queries whose SQL is built per call (filters, optional
 * clauses) or that are run from code with no natural place to hold a statement. A `db.prepare` per call costs
 * the parse and plan every time, and the statements were measured not to be given back: RSS grew 8–180 KB per
 * console call, GC or not (issue #26, bench/store/console.ts). The cache reuses one statement per distinct SQL text.
 *
 * The cache is bounded: SQL built from a fixed set of clauses has a fixed number of texts, and past the bound the
 * oldest statement is dropped. Never build SQL from values —
 * pass them as parameters. A statement from here must not be held across calls (`iterate` keeps it busy).
 */
const MAX_PER_DB = 512;
const caches = new WeakMap<Db, Map<string, Statement>>();

export function cachedStatement(db: Db, sql: string, mode: 'rows' | 'pluck' = 'rows'): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = mode === 'pluck' ? `pluck\0${sql}` : sql;
  const hit = cache.get(key);
  if (hit) return hit;
  const stmt = db.prepare(sql);
  if (mode === 'pluck') stmt.pluck();
  if (cache.size >= MAX_PER_DB) cache.delete(cache.keys().next().value!);
  cache.set(key, stmt);
  return stmt;
}

/** How many statements the cache holds for `db` (tests: the bound holds). */
export function cachedStatementCount(db: Db): number {
  return caches.get(db)?.size ?? 0;
}
