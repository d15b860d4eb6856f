import fs from 'node:fs';
import type { Db } from '../../main/core/store';

/**
 * The SQL of every statement `f` runs on `db` (better-sqlite3's `all`, `get`, `run` and `iterate`, whitespace folded)
 * and how many statements it prepares, counted on the real database.
 */
export function statementsOf(db: Db, f: () => void): { run: string[]; prepared: number } {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  const run: string[] = [];
  let prepared = 0;
  const original = Object.fromEntries(['all', 'get', 'run', 'iterate'].map((m) => [m, proto[m]!]));
  for (const [m, fn] of Object.entries(original)) {
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      run.push(this.source.replace(/\s+/g, ' ').trim());
      return fn.apply(this, a);
    };
  }
  const prepare = db.prepare;
  db.prepare = ((...a: Parameters<typeof prepare>) => (prepared++, prepare.apply(db, a))) as typeof prepare;
  try {
    f();
  } finally {
    Object.assign(proto, original);
    db.prepare = prepare;
  }
  return { run, prepared };
}

/**
 * Counts the rows `f` writes to each of `tables` (inserted, updated, deleted), triggers' writes included: a temporary
 * trigger per table and kind adds to a temporary tally, dropped afterwards. Tables must be in the main schema.
 */
export function rowWritesOf(db: Db, tables: string[], f: () => void): Record<string, { insert: number; update: number; delete: number }> {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS row_writes (tbl TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (tbl, kind)); DELETE FROM temp.row_writes;');
  const kinds = ['insert', 'update', 'delete'] as const;
  for (const t of tables) {
    for (const k of kinds) {
      db.exec(`CREATE TEMP TRIGGER count_${t}_${k} AFTER ${k.toUpperCase()} ON main.${t} BEGIN
        INSERT INTO temp.row_writes (tbl, kind, n) VALUES ('${t}', '${k}', 1) ON CONFLICT DO UPDATE SET n = n + 1; END`);
    }
  }
  try {
    f();
  } finally {
    for (const t of tables) for (const k of kinds) db.exec(`DROP TRIGGER IF EXISTS temp.count_${t}_${k}`);
  }
  const rows = db.prepare('SELECT tbl, kind, n FROM temp.row_writes').all() as Array<{ tbl: string; kind: (typeof kinds)[number]; n: number }>;
  db.exec('DROP TABLE temp.row_writes');
  const out = Object.fromEntries(tables.map((t) => [t, { insert: 0, update: 0, delete: 0 }]));
  for (const r of rows) out[r.tbl]![r.kind] = r.n;
  return out;
}

/**
 * The pages `f`'s transactions write, by B-tree (table or index name), counted in the WAL: it is checkpointed and
 * emptied first, so every frame after `f` is a page a commit wrote and fsynced; `dbstat` names each page's owner.
 * `db` must be a file database in WAL mode whose automatic checkpoint does not run during `f`.
 */
export function pagesWrittenBy(db: Db, f: () => void): Map<string, number> {
  db.pragma('wal_checkpoint(TRUNCATE)');
  f();
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const wal = fs.readFileSync(`${db.name}-wal`);
  const pages: number[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.push(wal.readUInt32BE(at));
  const owner = new Map(
    (db.prepare('SELECT pageno, name FROM dbstat WHERE pageno IN (SELECT value FROM json_each(?))').all(JSON.stringify(pages)) as Array<{ pageno: number; name: string }>).map((p) => [p.pageno, p.name]),
  );
  const out = new Map<string, number>();
  for (const p of pages) out.set(owner.get(p) ?? '', (out.get(owner.get(p) ?? '') ?? 0) + 1);
  return out;
}
