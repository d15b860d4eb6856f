import type { SqlExecutor } from '../../main/hub/store';

export interface StatementTimes {
  /** Per kind of statement (its first words): how many ran and their summed wall time. */
  byStatement: Map<string, { n: number; ms: number }>;
  /**
   * Whole transactions, and the part of them not spent waiting for a statement: pool checkout, BEGIN, COMMIT and the
   * hub's own work between statements (a statement's time includes work done while it is in flight).
   */
  tx: { n: number; ms: number; outsideStatementsMs: number };
}

const kindOf = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 4)
    .join(' ')
    .replace(/\(.*$/, '');

/** Wraps the hub's SQL port to time where an operation's database time goes (the bench's "where the time goes"). */
export function timedExecutor(inner: SqlExecutor): { q: SqlExecutor; times: StatementTimes } {
  const times: StatementTimes = { byStatement: new Map(), tx: { n: 0, ms: 0, outsideStatementsMs: 0 } };
  let inStatements = 0;
  const record = async <T>(key: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      const ms = performance.now() - t0;
      inStatements += ms;
      const s = times.byStatement.get(key) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += ms;
      times.byStatement.set(key, s);
    }
  };
  const wrap = (e: SqlExecutor): SqlExecutor => ({
    dialect: e.dialect,
    all: (sql, params) => record(kindOf(sql), () => e.all(sql, params)),
    get: (sql, params) => record(kindOf(sql), () => e.get(sql, params)),
    run: (sql, params) => record(kindOf(sql), () => e.run(sql, params)),
    serializeEvents: () => record('(event lock: pg_advisory_xact_lock)', () => e.serializeEvents()),
    eventLockCondition: () => e.eventLockCondition(),
    close: () => e.close(),
    tx: async (fn) => {
      const t0 = performance.now();
      const before = inStatements;
      try {
        return await e.tx((t) => fn(wrap(t)));
      } finally {
        const ms = performance.now() - t0;
        times.tx.n++;
        times.tx.ms += ms;
        times.tx.outsideStatementsMs += ms - (inStatements - before);
      }
    },
  });
  return { q: wrap(inner), times };
}

/** The statements that took most of the time, as lines for the bench's output. */
export function describeTimes(times: StatementTimes, messages: number, top = 6): string[] {
  const rows = [...times.byStatement.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((a, [, s]) => a + s.n, 0);
  return [
    `${(total / messages).toFixed(1)} statements per message; ${times.tx.n} transactions, ${times.tx.ms.toFixed(0)} ms in them, ${times.tx.outsideStatementsMs.toFixed(0)} ms of it outside statements (pool checkout, BEGIN, COMMIT, the hub's own work between them)`,
    ...rows.slice(0, top).map(([k, s]) => `${s.ms.toFixed(0).padStart(6)} ms  ${String(s.n).padStart(6)} ×  ${k}`),
  ];
}
