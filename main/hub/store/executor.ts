/**
 * The hub's one door to its database. The store's operations are written once against this port, with `?`
 * placeholders; two adapters answer it: PostgreSQL (`postgres.ts`, the team hub) and better-sqlite3 (`sqlite.ts`, the
 * embedded single-seat default). Every change and its event row go through `tx`, so they commit together.
 */
export type SqlValue = string | number | bigint | boolean | null | Buffer | SqlArray;
/**
 * PostgreSQL only: one array parameter (`CAST(? AS TEXT[])`, read with `unnest` or `= ANY`), so a batch's statement
 * has the same short text and a handful of parameters whatever the batch's size (bench/README.md, "Team hub").
 */
export type SqlArray = ReadonlyArray<string | number | boolean | null | Buffer>;

export interface SqlExecutor {
  readonly dialect: 'postgres' | 'sqlite';
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs `fn` in one transaction on one connection; a throw rolls everything back. */
  tx<T>(fn: (q: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Inside `tx`: waits until no other transaction can append events, so event sequence numbers are handed out in
   * commit order and a reader that follows `seq` never skips a row that commits late. PostgreSQL takes a
   * transaction-scoped advisory lock and queues one NOTIFY for the nodes (both once per transaction, however many
   * events it writes); SQLite has one writer already.
   */
  serializeEvents(): Promise<void>;
  /**
   * Inside `tx`, for the one statement that writes events, instead of `serializeEvents` (one round trip fewer): a
   * condition for that statement's `WHERE` that takes the same lock and NOTIFY, or null when there is nothing to take
   * (held already in this transaction; SQLite). It is an uncorrelated subquery, which PostgreSQL runs once as a
   * one-time filter before the statement produces its first row, so before any event `seq` is drawn
   * (`test/hub/event-wakeups.test.ts` proves it with a second connection holding the lock). The transaction counts
   * the lock as held from then on: the caller must run that statement next.
   */
  eventLockCondition(): string | null;
  close(): Promise<void>;
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the store never puts a `?` inside a string literal). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
