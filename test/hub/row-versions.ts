import type { SqlExecutor } from '../../main/hub/store';

/** Row versions one transaction wrote to a table: inserted, updated, and of those updates the in-place ("HOT") ones. */
export interface RowVersions {
  ins: number;
  upd: number;
  hot: number;
}

/**
 * `q` whose every transaction reports the row versions it wrote to `tables`: the backend's not-yet-reported counts
 * (`pg_stat_xact_user_tables`, which also hold earlier transactions' until the backend reports them when idle) read at
 * the transaction's start and just before it commits. Counted, not timed: the figures do not depend on the machine.
 */
export function countingRowVersions(q: SqlExecutor, tables: readonly string[], report: (written: Map<string, RowVersions>) => void): SqlExecutor {
  const read = async (t: SqlExecutor) =>
    new Map(
      (
        await t.all<{ relname: string; ins: string; upd: string; hot: string }>(
          `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_xact_user_tables WHERE relname = ANY(CAST(? AS TEXT[]))`,
          [[...tables]],
        )
      ).map((r) => [r.relname, { ins: Number(r.ins), upd: Number(r.upd), hot: Number(r.hot) }]),
    );
  return {
    ...q,
    dialect: q.dialect,
    tx: (fn) =>
      q.tx(async (t) => {
        const before = await read(t);
        const out = await fn(t);
        const after = await read(t);
        const zero = { ins: 0, upd: 0, hot: 0 };
        report(new Map(tables.map((table) => {
          const [was, now] = [before.get(table) ?? zero, after.get(table) ?? zero];
          return [table, { ins: now.ins - was.ins, upd: now.upd - was.upd, hot: now.hot - was.hot }];
        })));
        return out;
      }),
  };
}
