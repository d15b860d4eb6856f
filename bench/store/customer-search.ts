/**
 * Finding conversations by the customer's name or handle (`SearchRepository.customers`), before and after the index
 * of folded names (issue #26), in one run: "scan" is the rule as it was (every contact's name and handle folded and
 * matched in JavaScript, `customerMatches`), "index" is today's path (`contact_words`, migration 020). Generates N
 * contacts (Arabic, Persian and Latin names, a third with handles, one conversation each, 10 % with a second)
 * straight into the schema (the index through `noteContactWords`, as the writers fill it), then times queries of
 * one letter to a full name; then the same over a team console's cache holding the same conversations
 * (`TeamCache.latestPerCustomer` on its `names` column, against the old parse-every-body scan). Each query's
 * answer is checked to be the scan's.
 *   node --import tsx bench/store/customer-search.ts [--contacts 100000] [--runs 30]
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { customerMatches, MAX_CUSTOMER_MATCHES, openDatabase, queryTerms } from '../../main/core/store';
import { noteContactWords } from '../../main/core/store/contact-words';
import { TeamCache, type CachedConversation } from '../../main/core/team';
import { SearchRepository } from '../../main/core/store/search';
import type { StoreContext } from '../../main/core/store/context';
import { argValue, freshDir, ms, rng, timings } from './common';

const n = argValue('--contacts', 100_000);
const runs = argValue('--runs', 30);
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
    noteContactWords(db, i);
    conversation.run(`c${i}`, i, r() < 0.5 ? 'open' : 'resolved', i * 1000);
    if (r() < 0.1) conversation.run(`c${i}b`, i, 'open', i * 1000 + 500);
  }
})();
const search = new SearchRepository({ db } as unknown as StoreContext);

/** The single-seat search as it was before migration 020: every contact folded per query. */
const allContacts = db.prepare('SELECT id, display_name, handle FROM contacts');
const latest = db.prepare('SELECT id, last_activity_at FROM conversations WHERE contact_id = ? ORDER BY last_activity_at DESC, id DESC LIMIT 1');
function scanCustomers(query: string, limit: number): { ids: number[]; total: number } {
  const terms = queryTerms(query);
  if (!terms.length) return { ids: [], total: 0 };
  const matched: number[] = [];
  for (const c of allContacts.iterate() as IterableIterator<{ id: number; display_name: string | null; handle: string | null }>) {
    if (!customerMatches(terms, c.display_name, c.handle)) continue;
    matched.push(c.id);
    if (matched.length >= MAX_CUSTOMER_MATCHES) break;
  }
  const hits = matched.map((id) => latest.get(id) as { id: number; last_activity_at: number }).filter(Boolean);
  hits.sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
  return { ids: hits.slice(0, limit).map((h) => h.id), total: hits.length };
}

const QUERIES: Array<[string, string[]]> = [
  ['one letter', ['m', 'ع', 's']],
  ['a first name', ['sara', 'احمد', 'مريم']],
  ['first and last name', ['mohammad karimi', 'علي العلي', 'حسین رضایی']],
  ['a handle', ['user_4242', '@user_99']],
  ['no match', ['zzzz', 'ثثثث']],
];

function time(what: string, k: number, run: (q: string) => number, qs: string[]): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let i = 0; i < k; i++) {
    for (const q of qs) {
      const s = performance.now();
      const c = process.cpuUsage();
      found = run(q);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      wall.push(performance.now() - s);
    }
  }
  const [w, c] = [timings(wall), timings(cpu)];
  console.log(`  ${what.padEnd(28)} wall p50 ${ms(w.p50)} p99 ${ms(w.p99)} · CPU p50 ${ms(c.p50)} p99 ${ms(c.p99)}  (last query: ${found} customers)`);
}

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`customer search over ${n.toLocaleString('en')} contacts (${runs} runs of each query), load average ${load()}`);
for (const [what, qs] of QUERIES) {
  for (const q of qs) {
    const before = scanCustomers(q, 20);
    const after = search.customers(q, { limit: 20 });
    assert.deepEqual({ ids: after.hits.map((h) => h.conversationId), total: after.total }, before, q);
  }
  time(`${what}: scan (before)`, runs, (q) => scanCustomers(q, 20).total, qs);
  time(`${what}: index`, runs, (q) => search.customers(q, { limit: 20 }).total, qs);
}

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

/** The team cache's customer search as it was: every cached conversation's body parsed, then the rule. */
const bodies = cache.db.prepare('SELECT body FROM conversations ORDER BY last_message_at DESC, id DESC').pluck();
function scanCache(query: string): { ids: number[]; total: number } {
  const terms = queryTerms(query);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const b of bodies.iterate() as IterableIterator<string>) {
    const c = JSON.parse(b) as CachedConversation;
    if (seen.has(c.contact.id) || !customerMatches(terms, c.contact.displayName, c.contact.handle)) continue;
    seen.add(c.contact.id);
    if (out.length < 20) out.push(c.id);
    if (seen.size >= MAX_CUSTOMER_MATCHES) break;
  }
  return { ids: out, total: seen.size };
}
const cacheRuns = Math.max(1, Math.round(runs / 3));
console.log(`team cache: the same ${n.toLocaleString('en')} customers, one conversation each (${cacheRuns} runs of each query), load average ${load()}`);
for (const [what, qs] of QUERIES) {
  for (const q of qs) {
    const after = cache.latestPerCustomer(queryTerms(q), () => true, 20, MAX_CUSTOMER_MATCHES);
    assert.deepEqual({ ids: after.conversations.map((c) => c.id), total: after.total }, scanCache(q), q);
  }
  time(`${what}: parse all (before)`, cacheRuns, (q) => scanCache(q).total, qs);
  time(`${what}: names column`, cacheRuns, (q) => cache.latestPerCustomer(queryTerms(q), () => true, 20, MAX_CUSTOMER_MATCHES).total, qs);
}
cache.close();
console.log(`load average at the end ${load()}`);
