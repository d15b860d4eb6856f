import { HubStore, postgresExecutor } from '../../main/hub/store';
import { startTestPostgres } from '../../test/helpers/postgres';
const messages = Number(process.argv[2] ?? 1_000_000);
const conversations = messages / 10;
const pg = await startTestPostgres();
const store = new HubStore(postgresExecutor({ connectionString: await pg.newDatabase(), max: 4 }), Date.now);
await store.migrate();
const q = store.q;
await q.run("INSERT INTO channels (id, kind, name, config) VALUES ('tg', 'telegram', 'bot', '{}'), ('wa', 'whatsapp', 'wa', '{}')");
await q.run(`INSERT INTO contacts (channel_id, platform_user_id, display_name) SELECT CASE WHEN g % 3 = 0 THEN 'wa' ELSE 'tg' END, 'u' || g, 'Customer ' || g FROM generate_series(1, ${conversations}) g`);
await q.run(`INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, status, assignee_id, last_message_at, version)
    SELECT CASE WHEN g % 3 = 0 THEN 'wa' ELSE 'tg' END, 'c' || g, g, 'open', NULL, 1700000000000 + g * 1000, 1 FROM generate_series(1, ${conversations}) g`);
await q.run(`INSERT INTO labels (name, name_key, created_at) SELECT 'label ' || g, 'label ' || g, 0 FROM generate_series(1, 20) g`);
await q.run(`INSERT INTO conversation_labels (conversation_id, label_id)
    SELECT g, 1 + (g % 19) FROM generate_series(1, ${conversations}, 20) g
    UNION ALL SELECT g, 20 FROM generate_series(7, ${conversations}, 1000) g`);
for (const s of (process.env.EXTRA ?? '').split(';').filter(Boolean)) await q.run(s);
await q.run('ANALYZE');
for (const label of [3, 20]) {
  const rows = await q.all<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.last_message_at FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE EXISTS (SELECT 1 FROM conversation_labels l WHERE l.conversation_id = c.id AND l.label_id = ${label}) ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50`);
  console.log(`label ${label}\n` + rows.map((r) => r['QUERY PLAN']).join('\n'));
}
await store.close();
await pg.destroy();
