/**
 * Where a conversation's first opening goes (issue #26 round 23 of the store): the opening of a 200+-message
 * conversation through the main dispatcher, as `console.ts` and `call-reads.ts` run it, split by part — the page of
 * messages (and its field and attachment rows), the scam flags, the read mark, the audit entry, the commit and its
 * fsync, the customer panel (notes, details, earlier conversations) and the rest of the call (dispatch, contract
 * check, the rows made into the renderer's DTO) — in pages read (SQLite's cache misses: `rchar`, exact), statements
 * and process CPU (every thread, user + system), and the disk syncs of the whole run (`--strace`: counted by strace
 * around the openings only). The database is evicted from the OS page cache first, as `console.ts` does.
 *   node --import tsx bench/store/open-parts.ts --dir <a copy of a bulk.ts dataset> [--openings 100] [--again 0|1]
 * The calls write (read marks, audit entries): give it a copy. `--again 1` opens the same conversations a second time
 * and reports that too.
 */
import '../../main/core/shared/regexp-engine';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../main/core/app';
import { AuditTrail } from '../../main/core/audit';
import { addPeople } from '../../test/helpers/console-people';
import { agentCaller } from './agent-caller';
import { argValue, fileKeychain, longConversations } from './common';

const dirArg = process.argv.indexOf('--dir');
if (dirArg < 0) throw new Error('Give a copy of a kept dataset: --dir <directory>');
const dir = process.argv[dirArg + 1]!;
const openings = argValue('--openings', 100);
const again = argValue('--again', 1) === 1;
const dbFile = path.join(dir, 'diwan.sqlite');

function evict(): void {
  for (const f of [dbFile, `${dbFile}-wal`]) {
    if (!fs.existsSync(f)) continue;
    execFileSync('python3', ['-c', 'import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)', f]);
  }
}

let own = 0;
const readBytes = () => {
  const text = fs.readFileSync('/proc/self/io', 'latin1');
  const n = Number(/^rchar: (\d+)$/m.exec(text)![1]) - own;
  own += text.length;
  return n;
};
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type Tally = { n: number; pages: number; ms: number };
const parts = new Map<string, Tally>();
const statements = new Map<string, Tally>();
let pageSize = 4096;
const add = (m: Map<string, Tally>, key: string, pages: number, ms: number) => {
  const t = m.get(key) ?? { n: 0, pages: 0, ms: 0 };
  t.n++;
  t.pages += pages;
  t.ms += ms;
  m.set(key, t);
};
/** Wraps `obj[name]` so each call's pages and CPU are added to the part `label` (parts may nest: read each alone). */
function part(obj: object, name: string, label: string): void {
  const o = obj as Record<string, (...a: unknown[]) => unknown>;
  const fn = o[name]!;
  o[name] = function (this: unknown, ...a: unknown[]) {
    const r0 = readBytes();
    const c0 = cpu();
    try {
      return fn.apply(this, a);
    } finally {
      add(parts, label, (readBytes() - r0) / pageSize, cpu() - c0);
    }
  };
}

evict();
const core = await openCore({ dataDir: dir, keychain: fileKeychain(path.join(dir, 'bench-keychain.json')), keychainService: 'Diwan-bench' });
await core.ready();
if (core.identity.users.count() === 0) await addPeople(core);
const db = core.db;
pageSize = db.pragma('page_size', { simple: true }) as number;
const call = await agentCaller(core);

const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
for (const m of ['all', 'get', 'run', 'iterate']) {
  const fn = proto[m]!;
  proto[m] = function (this: { source: string }, ...a: unknown[]) {
    const r0 = readBytes();
    const c0 = cpu();
    try {
      return fn.apply(this, a);
    } finally {
      add(statements, this.source.replace(/\s+/g, ' ').trim(), (readBytes() - r0) / pageSize, cpu() - c0);
    }
  };
}
const store = core.store as unknown as Record<string, object>;
const conv = Object.getPrototypeOf(store.conversations) as object;
part(conv, 'get', 'conversation row (get)');
// The branch of round 23 reads the page through `page` (its scam outcomes with it); main through `messages`.
if ('page' in conv) part(conv, 'page', 'page of messages (rows, field rows, attachments)');
else part(conv, 'messages', 'page of messages (rows, field rows, attachments)');
part(conv, 'markRead', 'read mark');
part(conv, 'lastInboundAt', 'last inbound time');
part(conv, 'latestInboundId', 'latest inbound id');
part(conv, 'earlier', 'earlier conversations (ids)');
part(conv, 'contactDetails', 'contact details');
part(Object.getPrototypeOf(store.notes) as object, 'list', 'notes');
part(Object.getPrototypeOf(store.inboundChecks) as object, 'of', 'scam outcomes read');
part(Object.getPrototypeOf(store.inboundChecks) as object, 'record', 'scam outcomes written');
if ('onPage' in (Object.getPrototypeOf(store.inboundChecks) as object)) part(Object.getPrototypeOf(store.inboundChecks) as object, 'onPage', 'scam outcomes from the page');
part(AuditTrail.prototype, 'append', 'audit entry (its own statements)');

const big = longConversations(db.name);
if (big.length < openings) throw new Error(`only ${big.length} conversations of 200 messages or more`);
await call('listConversations', { filter: {}, limit: 100 });
await call('inboxCounts', {});
evict();

async function run(name: string): Promise<void> {
  parts.clear();
  statements.clear();
  const perCall: Array<{ pages: number; ms: number }> = [];
  let bytes = 0;
  if (process.env.OPEN_PARTS_MARK) fs.writeFileSync(process.env.OPEN_PARTS_MARK, `${name} start\n`, { flag: 'a' });
  for (let i = 0; i < openings; i++) {
    const r0 = readBytes();
    const c0 = cpu();
    const v = await call('openConversation', { conversationId: big[big.length - 1 - i]!, lang: 'en' });
    perCall.push({ pages: (readBytes() - r0) / pageSize, ms: cpu() - c0 });
    bytes += JSON.stringify(v).length;
  }
  if (process.env.OPEN_PARTS_MARK) fs.writeFileSync(process.env.OPEN_PARTS_MARK, `${name} end\n`, { flag: 'a' });
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;
  const ms = perCall.map((c) => c.ms);
  const pg = perCall.map((c) => c.pages);
  const total = ms.reduce((a, b) => a + b, 0);
  console.log(
    `\n${name}: ${openings} calls; process CPU a call mean ${(total / openings).toFixed(2)} ms, p50 ${q(ms, 0.5).toFixed(2)}, p99 ${q(ms, 0.99).toFixed(2)}; ` +
      `pages a call mean ${(pg.reduce((a, b) => a + b, 0) / openings).toFixed(1)}, p50 ${q(pg, 0.5)}, p99 ${q(pg, 0.99)}; ` +
      `the response ${Math.round(bytes / openings)} bytes as JSON (load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log('  parts (nested parts overlap; a call each unless said):');
  for (const [k, t] of [...parts].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`    ${(t.ms / openings).toFixed(3).padStart(7)} ms  ${(t.pages / openings).toFixed(2).padStart(6)} pages  ${(t.n / openings).toFixed(2).padStart(5)}×  ${k}`);
  }
  const stmtMs = [...statements.values()].reduce((a, t) => a + t.ms, 0);
  const stmtN = [...statements.values()].reduce((a, t) => a + t.n, 0);
  console.log(`  statements: ${(stmtN / openings).toFixed(1)} a call, ${(stmtMs / openings).toFixed(3)} ms of CPU a call in them (the rest ${((total - stmtMs) / openings).toFixed(3)} ms):`);
  const label = (sql: string) => (sql.length > 110 ? `${sql.slice(0, 78)} … ${sql.slice(-28)}` : sql);
  for (const [k, t] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 24)) {
    console.log(`    ${(t.ms / openings).toFixed(3).padStart(7)} ms  ${(t.pages / openings).toFixed(2).padStart(6)} pages  ${(t.n / openings).toFixed(2).padStart(5)}×  ${label(k)}`);
  }
}

await run('first opening of a 200+-message conversation');
if (again) await run('the same conversations again');
core.close();
