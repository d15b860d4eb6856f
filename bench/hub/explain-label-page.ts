/**
 * What PostgreSQL does for a label's page, before and after schema 11, on the store-scale data (no timing: the plan
 * and the rows and buffers it touches, which do not depend on the machine's load).
 *   node --import tsx bench/hub/explain-label-page.ts [--messages 1000000]
 */
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { startTestPostgres } from '../../test/helpers/postgres';

const i = process.argv.indexOf('--messages');
const conversations = (i >= 0 ? Number(process.argv[i + 1]) : 1_000_000) / 10;
const pg = await startTestPostgres();
const store = new HubStore(postgresExecutor({ connectionString: await pg.newDatabase(), max: 2 }), Date.now);
try {
  await store.migrate();
  const q = store.q;
  await q.run("INSERT INTO channels (id, kind, name, config) VALUES ('tg', 'telegram', 'bot', '{}')");
  await q.run(`INSERT INTO contacts (channel_id, platform_user_id, display_name) SELECT 'tg', 'u' || g, 'Customer ' || g FROM generate_series(1, ${conversations}) g`);
  await q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, last_message_at, version)
    SELECT 'tg', 'c' || g, g, CASE WHEN g % 10 < 7 THEN 'resolved' ELSE 'open' END, 1700000000000 + g * 1000, 1 FROM generate_series(1, ${conversations}) g`);
  await q.run(`INSERT INTO labels (name, name_key, created_at) SELECT 'label ' || g, 'label ' || g, 0 FROM generate_series(1, 3) g`);
  await q.run(`INSERT INTO conversation_labels (conversation_id, label_id, last_message_at)
    SELECT g, 1, 1700000000000 + g * 1000 FROM generate_series(1, ${conversations}, 400) g
    UNION ALL SELECT g, 2, 1700000000000 + g * 1000 FROM generate_series(3, ${conversations}, 20) g
    UNION ALL SELECT g, 3, 1700000000000 + g * 1000 FROM generate_series(5, ${conversations}, 5) g`);
  await q.run('ANALYZE');
  const before = (label: number) =>
    `SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE EXISTS (SELECT 1 FROM conversation_labels l WHERE l.conversation_id = c.id AND l.label_id = ${label}) ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50`;
  const after = (label: number) =>
    `SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id JOIN conversation_labels l ON l.conversation_id = c.id WHERE l.label_id = ${label} ORDER BY l.last_message_at DESC, l.conversation_id DESC LIMIT 50`;
  for (const [name, label] of [['0.25 %', 1], ['5 %', 2], ['20 %', 3]] as const) {
    for (const [which, sql] of [['before', before(label)], ['after', after(label)]] as const) {
      const plan = (await q.all<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).map((r) => r['QUERY PLAN']);
      const top = plan.find((l) => /Buffers/.test(l)) ?? '';
      const scan = plan.filter((l) => /Scan|Sort {2}/.test(l)).map((l) => l.trim().replace(/\s+\(cost=[^)]*\)/, '')).join(' | ');
      console.log(`label on ${name} of ${conversations.toLocaleString('en')} conversations, ${which}: ${plan.at(-1)!.trim()}; ${top.trim()}\n    ${scan}`);
    }
  }
} finally {
  await store.close();
  await pg.destroy();
}
