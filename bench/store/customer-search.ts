/**
 * Finding conversations by the customer's name or handle (`SearchRepository.customers`): every contact's name and
 * handle is folded and matched in JavaScript (no index), then each matching customer's latest conversation is read.
 * Generates N contacts (Arabic, Persian and Latin names, a third with handles, one conversation each, 10 % with a
 * second) straight into the schema, then times queries of one letter to a full name; then the same over a team
 * console's cache holding the same conversations (`TeamCache.latestPerCustomer`, the team mode's path).
 *   node --import tsx bench/store/customer-search.ts [--contacts 100000]
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { customerMatches, openDatabase, queryTerms } from '../../main/core/store';
import { TeamCache } from '../../main/core/team';
import { SearchRepository } from '../../main/core/store/search';
import type { StoreContext } from '../../main/core/store/context';
import { argValue, freshDir, ms, rng, timings } from './common';

const n = argValue('--contacts', 100_000);
const db = openDatabase(path.join(freshDir('customer-search'), 'bench.sqlite'));
const r = rng(7);
const FIRST = ['Mohammad', 'Sara', 'Omar', 'Layla', 'أحمد', 'فاطمة', 'علي', 'زهراء', 'مریم', 'حسین', 'Nour', 'Karim'];
const LAST = ['Karimi', 'Haddad', 'الكريمي', 'العلي', 'رضایی', 'احمدی', 'Saleh', 'Mansour', 'الزهراني', 'Hosseini'];
const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
db.prepare("INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 0)").run();
const contact = db.prepare("INSERT INTO contacts (id, channel_id, platform_user_id, handle, display_name, created_at) VALUES (?, 'tg', ?, ?, ?, 0)");
const conversation = db.prepare("INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, last_activity_at, created_at) VALUES ('tg', ?, ?, ?, ?, 0)");
db.transaction(() => {
  for (let i = 1; i <= n; i++) {
    contact.run(i, `u${i}`, r() < 0.33 ? `user_${i}` : null, `${pick(FIRST)} ${pick(LAST)} ${i % 97}`);
    conversation.run(`c${i}`, i, r() < 0.5 ? 'open' : 'resolved', i * 1000);
    if (r() < 0.1) conversation.run(`c${i}b`, i, 'open', i * 1000 + 500);
  }
})();
const search = new SearchRepository({ db } as unknown as StoreContext);
const QUERIES: Array<[string, string[]]> = [
  ['one letter', ['m', 'ع', 's']],
  ['a first name', ['sara', 'احمد', 'مريم']],
  ['first and last name', ['mohammad karimi', 'علي العلي', 'حسین رضایی']],
  ['a handle', ['user_4242', '@user_99']],
  ['no match', ['zzzz', 'ثثثث']],
];
console.log(`customer search over ${n.toLocaleString('en')} contacts (30 runs of each query)`);
for (const [what, qs] of QUERIES) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let k = 0; k < 30; k++) {
    for (const q of qs) {
      const s = performance.now();
      const c = process.cpuUsage();
      found = search.customers(q, { limit: 20 }).total;
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      wall.push(performance.now() - s);
    }
  }
  const [w, c] = [timings(wall), timings(cpu)];
  console.log(`  ${what.padEnd(20)} wall p50 ${ms(w.p50)} p99 ${ms(w.p99)} · CPU p50 ${ms(c.p50)} p99 ${ms(c.p99)}  (last query: ${found} customers)`);
}
db.close();

const cache = new TeamCache(path.join(freshDir('customer-search-cache'), 'cache.sqlite'), crypto.randomBytes(32));
const r2 = rng(7);
const frames: Array<{ seq: number; kind: string; payload: unknown }> = [];
let seq = 0;
for (let i = 1; i <= n; i++) {
  const c = { name: `${pick(FIRST)} ${pick(LAST)} ${i % 97}`, handle: r2() < 0.33 ? `user_${i}` : null };
  frames.push({ seq: ++seq, kind: 'conversation.updated', payload: { id: i, channelId: 'tg', contact: { id: i, displayName: c.name, handle: c.handle }, status: r2() < 0.5 ? 'open' : 'resolved', assigneeId: null, lastMessageAt: i * 1000, version: 1 } });
  if (frames.length === 5000) cache.applyFrame(seq, frames.splice(0));
}
if (frames.length) cache.applyFrame(seq, frames.splice(0));
console.log(`team cache: the same ${n.toLocaleString('en')} customers, one conversation each`);
for (const [what, qs] of QUERIES) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let k = 0; k < 10; k++) {
    for (const q of qs) {
      const terms = queryTerms(q);
      const s = performance.now();
      const c = process.cpuUsage();
      found = cache.latestPerCustomer((x) => customerMatches(terms, x.contact.displayName, x.contact.handle), 20, 1000).total;
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      wall.push(performance.now() - s);
    }
  }
  const [w, c] = [timings(wall), timings(cpu)];
  console.log(`  ${what.padEnd(20)} wall p50 ${ms(w.p50)} p99 ${ms(w.p99)} · CPU p50 ${ms(c.p50)} p99 ${ms(c.p99)}  (last query: ${found} customers)`);
}
cache.close();
