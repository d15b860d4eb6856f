/**
 * Retention and one customer's erasure at the hub (issue #16, store/customer-data.ts, store/retention.ts) on
 * PostgreSQL: N messages (default 200,000) in N/10 conversations spread over 100 days, each with a sealed text, a
 * third with a sealed field, two event rows per message. Measured in one run:
 *   - erasing one customer of 10 messages (200 customers, p50/p99), and one of 10,000 messages;
 *   - `originals` after 30 days and then `all` after 60 days over the whole channel: rows/s and each batch
 *     transaction's time (p50/p99/max: how long a batch holds the event lock other writers wait for);
 *   - the peer in the same run: a plain `UPDATE messages SET sealed_text = NULL` of the same rows in one statement.
 *
 *   node --import tsx bench/hub/customer-data.ts [--messages N] [--batch B]
 */
import { HubCustomerData, HubRetention, HubStore, postgresExecutor, type SqlExecutor } from '../../main/hub/store';
import { startTestPostgres } from '../../test/helpers/postgres';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MESSAGES = arg('--messages', 200_000);
const BATCH = arg('--batch', 500);
const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;
const actor = { actor: 'bench' };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Records each transaction's wall time. */
function txTimer(inner: SqlExecutor): { q: SqlExecutor; times: number[] } {
  const times: number[] = [];
  const q: SqlExecutor = {
    dialect: inner.dialect,
    all: (s, p) => inner.all(s, p),
    get: (s, p) => inner.get(s, p),
    run: (s, p) => inner.run(s, p),
    serializeEvents: () => inner.serializeEvents(),
    eventLockCondition: () => inner.eventLockCondition(),
    close: () => inner.close(),
    tx: async (fn) => {
      const t0 = performance.now();
      try {
        return await inner.tx(fn);
      } finally {
        times.push(performance.now() - t0);
      }
    },
  };
  return { q, times };
}

async function load(q: SqlExecutor, messages: number): Promise<void> {
  const conversations = messages / 10;
  await q.run("INSERT INTO channels (id, kind, name, config) VALUES ('tg', 'telegram', 'bot', '{}')");
  await q.run(`INSERT INTO contacts (channel_id, platform_user_id, display_name) SELECT 'tg', 'u' || g, 'Customer ' || g FROM generate_series(1, ${conversations}) g`);
  // Ten consecutive messages per conversation: conversations spread over the 100 days, old ones wholly old.
  await q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, last_message_at, version)
    SELECT 'tg', 'c' || g, g, 'resolved', 0, 1 FROM generate_series(1, ${conversations}) g`);
  await q.run(`INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at)
    SELECT 1 + (g - 1) / 10, 'tg', 'm' || g, 'in', 'my order ' || g || ' and my card [CARD ••••1111]', '\\x0102030405060708'::bytea,
           ${NOW - 100 * DAY} + g::bigint * ${Math.floor((100 * DAY) / messages)} FROM generate_series(1, ${messages}) g`);
  await q.run(`INSERT INTO message_fields (message_id, n, type, shown, sealed) SELECT g, 0, 'CARD', '••••1111', '\\x0a0b0c'::bytea FROM generate_series(1, ${messages}, 3) g`);
  await q.run(`INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload)
    SELECT 0, 'message.added', 'conversation', 'tg', 1 + (g - 1) / 20, '{"maskedText":"my order"}' FROM generate_series(1, ${messages * 2}) g`);
  await q.run(`UPDATE conversations c SET last_message_at = (SELECT MAX(m.sent_at) FROM messages m WHERE m.conversation_id = c.id)`);
  await q.run('ANALYZE');
}

async function main() {
  const pg = await startTestPostgres();
  try {
    const url = await pg.newDatabase();
    const timer = txTimer(postgresExecutor({ connectionString: url, max: 4 }));
    const store = new HubStore(timer.q, () => NOW);
    await store.migrate();
    const t0 = performance.now();
    await load(store.q, MESSAGES);
    console.log(`loaded ${MESSAGES} messages in ${MESSAGES / 10} conversations (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Erase: 200 customers of 10 messages each.
    const data = new HubCustomerData(store);
    const erase: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = 1 + Math.floor(Math.random() * (MESSAGES / 10));
      const s = performance.now();
      try {
        await data.erase({ contactId: id }, actor);
      } catch {
        continue; // drawn twice
      }
      erase.push(performance.now() - s);
    }
    console.log(`erase, one customer of 10 messages (${erase.length}): p50 ${ms(pct(erase, 50))}, p99 ${ms(pct(erase, 99))}`);
    // One customer of 10,000 messages.
    await store.q.run(`INSERT INTO contacts (channel_id, platform_user_id, display_name) VALUES ('tg', 'big', 'Big')`);
    const big = (await store.q.get<{ id: number }>("SELECT id FROM contacts WHERE platform_user_id = 'big'"))!.id;
    await store.q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, last_message_at) VALUES ('tg', 'big', ?, 'open', ?)`, [big, NOW]);
    const bigConv = (await store.q.get<{ id: number }>("SELECT id FROM conversations WHERE platform_conversation_id = 'big'"))!.id;
    await store.q.run(`INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at)
      SELECT ?, 'tg', 'big' || g, 'in', 'text', '\\x01'::bytea, ${NOW} - g FROM generate_series(1, 10000) g`, [bigConv]);
    await store.q.run(`INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload) SELECT 0, 'message.added', 'conversation', 'tg', ?, '{}' FROM generate_series(1, 20000) g`, [bigConv]);
    let s = performance.now();
    const r = await data.erase({ contactId: big }, actor);
    console.log(`erase, one customer of ${r.messages} messages: ${ms(performance.now() - s)}`);

    // Peer: the same rows' originals cleared by one plain statement (rolled back).
    s = performance.now();
    const peerRows = await store.q.tx(async (t) => {
      const n = (await t.run(`UPDATE messages SET sealed_text = NULL WHERE channel_id = 'tg' AND sent_at < ?`, [NOW - 30 * DAY])).changes;
      throw Object.assign(new Error('rollback'), { n });
    }).catch((e: { n: number }) => e.n);
    const peerMs = performance.now() - s;
    console.log(`peer: one UPDATE clearing ${peerRows} originals (rolled back): ${(peerRows / (peerMs / 1000)).toFixed(0)} rows/s`);

    const retention = new HubRetention(store, { batch: BATCH });
    for (const [mode, days] of [['originals', 30], ['all', 60]] as const) {
      await retention.setPolicy('tg', mode, days, actor);
      timer.times.length = 0;
      s = performance.now();
      const [o] = await retention.apply(actor);
      const wall = performance.now() - s;
      const batches = timer.times.filter((x) => x > 0);
      const rows = mode === 'originals' ? o!.originalsCleared : o!.messagesDeleted;
      console.log(
        `retention ${mode} after ${days} days, batch ${BATCH}: ${rows} ${mode === 'originals' ? 'originals cleared' : `messages and ${o!.conversationsDeleted} conversations deleted`} in ${(wall / 1000).toFixed(1)} s ` +
          `(${(rows / (wall / 1000)).toFixed(0)} rows/s); ${batches.length} transactions, p50 ${ms(pct(batches, 50))}, p99 ${ms(pct(batches, 99))}, max ${ms(Math.max(...batches))}`,
      );
    }
    console.log(`audit chain intact: ${(await store.verifyAudit()).broken === null}`);
    await store.close();
  } finally {
    await pg.destroy();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
