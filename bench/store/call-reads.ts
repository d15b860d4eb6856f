/**
 * The pages two console calls read, statement by statement (issue #26 round 18): a conversation's first opening and
 * the mixed inbox page (the filter classes in turn, every second call also page 2), through the main dispatcher as
 * `console.ts` runs them. A page read is a miss of SQLite's own cache: the bytes the serving thread read with read()
 * (`rchar` of /proc/thread-self/io, whether or not the OS had the page cached), so the counts are exact and do not
 * depend on the machine's load. Printed per call class: pages a call, and for each statement (SQL text) the pages it
 * read a call and its share.
 *   node --import tsx bench/store/call-reads.ts --dir <a copy of a bulk.ts dataset> [--openings 100] [--pages 200]
 * The calls write (read marks, audit entries): give it a copy.
 */
import '../../main/core/shared/regexp-engine';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../main/core/app';
import { addPeople } from '../../test/helpers/console-people';
import { agentCaller } from './agent-caller';
import { argValue, fileKeychain, longConversations } from './common';

const dirArg = process.argv.indexOf('--dir');
if (dirArg < 0) throw new Error('Give a copy of a kept dataset: --dir <directory>');
const dir = process.argv[dirArg + 1]!;
const openings = argValue('--openings', 100);
const pages = argValue('--pages', 200);

// Less what reading the counter itself added (its own text, counted by the next reading).
let own = 0;
const readBytes = () => {
  const text = fs.readFileSync('/proc/thread-self/io', 'latin1');
  const n = Number(/^rchar: (\d+)$/m.exec(text)![1]) - own;
  own += text.length;
  return n;
};

const core = await openCore({ dataDir: dir, keychain: fileKeychain(path.join(dir, 'bench-keychain.json')), keychainService: 'Diwan-bench' });
await core.ready();
if (core.identity.users.count() === 0) await addPeople(core);
const db = core.db;
const pageSize = db.pragma('page_size', { simple: true }) as number;
const call = await agentCaller(core);

// Every statement's reads, by SQL text (better-sqlite3's run, get, all and iterate; an iterator's later steps are
// counted with the call, not the statement).
const byStatement = new Map<string, number>();
const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
for (const m of ['all', 'get', 'run', 'iterate']) {
  const fn = proto[m]!;
  proto[m] = function (this: { source: string }, ...a: unknown[]) {
    const before = readBytes();
    try {
      return fn.apply(this, a);
    } finally {
      const sql = this.source.replace(/\s+/g, ' ').trim();
      byStatement.set(sql, (byStatement.get(sql) ?? 0) + readBytes() - before);
    }
  };
}

async function measure(name: string, n: number, f: (i: number) => Promise<unknown>): Promise<void> {
  byStatement.clear();
  const perCall: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = readBytes();
    await f(i);
    perCall.push((readBytes() - before) / pageSize);
  }
  perCall.sort((a, b) => a - b);
  const all = perCall.reduce((a, b) => a + b, 0);
  console.log(
    `\n${name}: ${n} calls, pages read a call mean ${(all / n).toFixed(1)}, median ${perCall[Math.floor(n / 2)]!.toFixed(0)}, ` +
      `p99 ${perCall[Math.min(n - 1, Math.ceil(n * 0.99) - 1)]!.toFixed(0)}, max ${perCall[n - 1]!.toFixed(0)} (${pageSize}-byte pages; load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  const label = (sql: string) => (sql.length > 120 ? `${sql.slice(0, 85)} … ${sql.slice(-30)}` : sql);
  for (const [sql, bytes] of [...byStatement].sort((a, b) => b[1] - a[1])) {
    if (!bytes) continue;
    const p = bytes / pageSize;
    console.log(`  ${(p / n).toFixed(2).padStart(7)} a call  ${((100 * p) / all).toFixed(1).padStart(5)} %  ${label(sql)}`);
  }
}

const big = longConversations(db.name);
if (big.length < openings) throw new Error(`only ${big.length} conversations of 200 messages or more`);
const filters = [{}, { status: 'open' }, { scope: 'mine' }, { scope: 'unassigned' }, { channelId: 'wa' }, { label: 'label-4' }, { status: 'open', label: 'label-2' }, { status: 'pending', channelId: 'x' }];

await call('listConversations', { filter: {}, limit: 100 });
await call('inboxCounts', {});
// The conversations from the far end of the list: ones console.ts's first openings do not reach first.
await measure('open a conversation of 200+ messages, the first time', openings, (i) => call('openConversation', { conversationId: big[big.length - 1 - i]!, lang: 'en' }));
// The mixed calls' reads split by filter class and page (round 25): which class and which page the pages come from.
const byPage = new Map<string, { calls: number; pages: number[]; statements: Map<string, number> }>();
const listPage = async (filter: object, cursor: string | null, which: string) => {
  const key = `${JSON.stringify(filter).padEnd(38)} ${which}`;
  const at = byPage.get(key) ?? { calls: 0, pages: [], statements: new Map<string, number>() };
  byPage.set(key, at);
  const before = readBytes();
  const mark = new Map(byStatement);
  const page = (await call('listConversations', { filter, limit: 100, ...(cursor ? { cursor } : {}) })) as { nextCursor: string | null };
  at.calls++;
  at.pages.push((readBytes() - before) / pageSize);
  for (const [sql, bytes] of byStatement) {
    const d = bytes - (mark.get(sql) ?? 0);
    if (d) at.statements.set(sql, (at.statements.get(sql) ?? 0) + d);
  }
  return page;
};
await measure('inbox page, the filter classes in turn, every 2nd call also page 2', pages, async (i) => {
  const filter = filters[i % filters.length]!;
  const page = await listPage(filter, null, 'page 1');
  if (i % 2 && page.nextCursor) await listPage(filter, page.nextCursor, 'page 2');
});
console.log('\n… by filter class and page: calls, pages read a call mean / max, and the statement that read most');
for (const [key, at] of [...byPage].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const all = at.pages.reduce((a, b) => a + b, 0);
  const [top, bytes] = [...at.statements].sort((a, b) => b[1] - a[1])[0] ?? ['—', 0];
  const short = top.length > 70 ? `${top.slice(0, 40)} … ${top.slice(-25)}` : top;
  console.log(`  ${key}  ${String(at.calls).padStart(4)} calls  ${(all / at.calls).toFixed(2).padStart(6)} / ${Math.max(...at.pages).toFixed(0).padStart(3)}  ${(bytes / pageSize / at.calls).toFixed(2)} a call: ${short}`);
}
core.close();
