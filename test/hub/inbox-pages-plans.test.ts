import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type SqlExecutor, type SqlValue } from '../../main/hub/store';
import { conversationPage, inboxPage, type InboxQuery } from '../../main/hub/store/inbox-pages';
import { bothAdapters } from './adapters';

/**
 * The hub's inbox page (`GET /v1/conversations`, every filter a console can ask: anyone's, mine, unassigned; each
 * status; a common or a rare label; an agent's channels) and a conversation's first page (`GET
 * /v1/conversations/:id/messages`) read by index on PostgreSQL: every statement they run is captured and its plan
 * walked, and no table is read whole. On enough rows (60,000 conversations, 300,000 messages, 95,000 label rows, analysed) that the
 * planner weighs a scan against the indexes as on a large table (`bench/hub/store-scale.ts` times them at 3M).
 */
const { postgres: open } = bothAdapters('hub-inbox-plans-');
const STATUSES = [undefined, 'open', 'pending', 'resolved', 'snoozed'] as const;

/** `q` with every statement and its parameters written down. */
function capturing(q: SqlExecutor, seen: Array<{ sql: string; params: readonly SqlValue[] }>): SqlExecutor {
  return {
    ...q,
    dialect: q.dialect,
    all: (sql, params = []) => (seen.push({ sql, params }), q.all(sql, params)),
    get: (sql, params = []) => (seen.push({ sql, params }), q.get(sql, params)),
  };
}

type Node = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: Node[] };

describe('inbox pages read by index: postgres', () => {
  let store: HubStore;
  beforeAll(async () => {
    store = await open(Date.now);
    await store.migrate();
    const q = store.q;
    const n = 60_000;
    await q.run("INSERT INTO channels (id, kind, name, config) VALUES ('tg', 'telegram', 'bot', '{}'), ('wa', 'whatsapp', 'wa', '{}')");
    await q.run("INSERT INTO users (username, display_name, role, password_hash, created_at) SELECT 'agent' || g, 'Agent ' || g, 'agent', 'x', 0 FROM generate_series(1, 100) g");
    await q.run(`INSERT INTO contacts (channel_id, platform_user_id, display_name) SELECT CASE WHEN g % 3 = 0 THEN 'wa' ELSE 'tg' END, 'u' || g, 'Customer ' || g FROM generate_series(1, ${n}) g`);
    await q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, assignee_id, last_message_at, version, snoozed_until)
      SELECT CASE WHEN g % 3 = 0 THEN 'wa' ELSE 'tg' END, 'c' || g, g,
             CASE WHEN g % 13 < 8 THEN 'resolved' WHEN g % 13 < 10 THEN 'open' WHEN g % 13 < 12 THEN 'pending' ELSE 'snoozed' END,
             CASE WHEN g % 17 = 0 THEN NULL ELSE 1 + (g % 100) END, 1700000000000 + g * 1000, 1,
             CASE WHEN g % 13 = 12 THEN 1800000000000 + g END
        FROM generate_series(1, ${n}) g`);
    await q.run(`INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sent_at)
      SELECT 1 + (g % ${n}), CASE WHEN (1 + (g % ${n})) % 3 = 0 THEN 'wa' ELSE 'tg' END, 'm' || g, CASE WHEN g % 10 = 0 THEN 'out' ELSE 'in' END, 'my card [CARD ••••1111]', 1700000000000 + g
        FROM generate_series(1, ${n * 5}) g`);
    await q.run("INSERT INTO message_fields (message_id, n, type, shown, sealed) SELECT g, 0, 'CARD', '••••1111', '\\x00'::bytea FROM generate_series(1, 300000, 3) g");
    // Label 1 on 5.3 % of conversations, label 2 on 0.1 %, labels 3–5 on half of them each (a team that labels most work).
    await q.run("INSERT INTO labels (name, name_key, created_at) SELECT 'label ' || g, 'label ' || g, 0 FROM generate_series(1, 5) g");
    await q.run(`INSERT INTO conversation_labels (conversation_id, label_id, last_message_at)
      SELECT g, 1, 1700000000000 + g * 1000 FROM generate_series(19, ${n}, 19) g
      UNION ALL SELECT g, 2, 1700000000000 + g * 1000 FROM generate_series(7, ${n}, 1000) g
      UNION ALL SELECT g, l, 1700000000000 + g * 1000 FROM generate_series(2, ${n}, 2) g, generate_series(3, 5) l`);
    await q.run(`INSERT INTO outbox (message_id, channel_id, platform_conversation_id, state, device, client_id)
      SELECT g, 'tg', 'c' || (1 + (g % ${n})), 'delivered', 'dev', 'client-' || g FROM generate_series(10, ${n * 5}, 10) g`);
    await q.run(`INSERT INTO webhook_quarantine (channel_id, platform_message_id, reason, sealed, received_at, sender, conversation_id)
      SELECT 'tg', 'h' || g, 'duplicate', '\\x00'::bytea, 0, 's' || g, 1 + (g % 50) * 400 FROM generate_series(1, 2000) g`);
    await q.run('ANALYZE');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  async function readsOf(run: (s: HubStore) => Promise<unknown>): Promise<string[][]> {
    const seen: Array<{ sql: string; params: readonly SqlValue[] }> = [];
    await run(new HubStore(capturing(store.q, seen), Date.now));
    const out: string[][] = [];
    for (const { sql, params } of seen) {
      const [row] = await store.q.all<{ 'QUERY PLAN': Array<{ Plan: Node }> }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const nodes: Node[] = [];
      const walk = (node: Node) => (nodes.push(node), node.Plans?.forEach(walk));
      walk(row!['QUERY PLAN'][0]!.Plan);
      out.push(nodes.filter((x) => x['Relation Name'] || x['Index Name']).map((x) => `${x['Node Type']} ${x['Relation Name'] ?? ''} ${x['Index Name'] ?? ''}`.replace(/\s+/g, ' ').trim()));
    }
    return out;
  }

  const queries: Array<[string, InboxQuery]> = [];
  for (const [who, base] of [
    ['lead', { channels: null }],
    ['agent on tg', { channels: ['tg'] }],
  ] as const)
    for (const [scope, assignee] of [
      ['anyone’s', {}],
      ['mine', { assigneeId: 7 }],
      ['unassigned', { assigneeId: null }],
    ] as const)
      for (const status of STATUSES)
        for (const [label, labelId] of [
          ['', undefined],
          [', common label', 1],
          [', rare label', 2],
        ] as const)
          queries.push([
            `${who}: ${scope}${status ? `, ${status}` : ''}${label}`,
            { ...base, ...assignee, ...(status ? { status } : {}), ...(labelId ? { labelId } : {}), limit: 50 },
          ]);

  it(`the inbox page, each of ${queries.length} filters: every statement reads by index, no table whole`, async () => {
    const failures: string[] = [];
    const pages: number[] = [];
    for (const [name, query] of queries) {
      let rows = 0;
      const statements = await readsOf(async (s) => (rows = (await inboxPage(s, query)).conversations.length));
      // An empty page asks nothing more; any other reads its rows' labels and held copies, one statement each.
      expect({ name, statements: statements.length }).toEqual({ name, statements: rows ? 3 : 1 });
      pages.push(rows);
      for (const reads of statements) {
        if (!reads.length || reads.some((r) => r.startsWith('Seq Scan')) || !reads.some((r) => /Index/.test(r))) failures.push(`${name}: ${reads.join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
    // The plans are of pages that hold rows: most filters find some (a rare label with one person's or one status's
    // conversations may find none).
    expect(pages.filter((n) => n > 0).length).toBeGreaterThan(queries.length / 2);
  }, 120_000);

  it('a conversation’s first page (messages, fields, labels, snooze, held copies): every statement reads by index', async () => {
    for (const id of [1, 9, 401, 59_999]) {
      const c = (await store.conversation(id))!;
      const statements = await readsOf((s) => conversationPage(s, c));
      expect(statements.length).toBeGreaterThanOrEqual(4);
      for (const reads of statements) {
        expect(reads.filter((r) => r.startsWith('Seq Scan'))).toEqual([]);
        expect(reads.some((r) => /Index/.test(r))).toBe(true);
      }
    }
  });
});
