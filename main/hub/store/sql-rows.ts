/**
 * Helpers for set-based statements written once for both dialects: multi-row `VALUES` lists with `?` placeholders,
 * cut into chunks that stay far below either database's limit on bound parameters (SQLite 32,766; PostgreSQL 65,535).
 */

/** Rows per multi-row statement: 250 rows × the widest row the store writes (9 columns) is 2,250 parameters. */
export const ROWS_PER_STATEMENT = 250;

export function chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `(?, ?, ?), (?, ?, ?)` for `rows` rows; `row` is one row's placeholder text, e.g. `(?, ?, ?)`. */
export function valuesList(rows: number, row: string): string {
  return Array.from({ length: rows }, () => row).join(', ');
}

/** `?, ?, ?` for an `IN (…)` list. */
export function inList(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
