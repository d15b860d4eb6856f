/**
 * The process the crash harness kills: a real core (SQLite file, OS keychain, audit trail) with the connector
 * runtime pulling from the Telegram emulator and sending replies through the outbox, until it is SIGKILLed.
 * Every inbound message gets one reply, decided by count (the k-th reply of a conversation is "reply k to chat C"),
 * so a restart re-derives what is still owed and never queues a reply twice.
 *   DIR=<data dir> SVC=<keychain service> TG_URL=<emulator> TOKEN=<bot token> node --import tsx test/proof/long/crash-child.ts
 */
import { openCore } from '../../../main/core/app';
import { AUDIT_ACTIONS } from '../../../main/core/audit';
import { ConnectorRuntime } from '../../../main/core/connectors';

const core = await openCore({ embedded: 'store', dataDir: process.env.DIR!, keychainService: process.env.SVC, background: { retentionEveryMs: 3_600_000 } });
await core.ready();
if (!core.store.channels.list().some((c) => c.id === 'tg')) {
  await core.vault.set('channel:tg', JSON.stringify({ botToken: process.env.TOKEN }));
  core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'crash bot' });
}
const runtime = new ConnectorRuntime({
  sink: core.store.sink,
  outbox: core.store.outbox,
  vault: core.vault,
  audit: core.audit,
  outboxIdleMs: 50,
  http: { timeoutMs: 2_000, retries: 1, retryBaseMs: 50, retryCapMs: 200 },
  errorBackoff: { baseMs: 50, capMs: 200 },
});
runtime.add({ id: 'tg', kind: 'telegram', baseUrl: process.env.TG_URL, settings: { longPollSeconds: 1 } });
// As the console does when a reply settles: an audit entry, so kills land between audit writes too.
runtime.on('outcome', (o) => core.audit({ action: AUDIT_ACTIONS.messageSent, actor: 'crash-agent', target: `outbox:${o.outboxId}`, details: { state: o.state } }));
runtime.start();

const owed = core.db.prepare(`
  SELECT c.id, c.platform_conversation_id AS chat,
         sum(m.direction = 'in') AS inbound, sum(m.direction = 'out') AS replies
  FROM conversations c JOIN messages m ON m.conversation_id = c.id
  WHERE c.channel_id = 'tg' GROUP BY c.id HAVING inbound > replies`);
setInterval(() => {
  for (const row of owed.all() as Array<{ id: number; chat: string; inbound: number; replies: number }>) {
    for (let k = row.replies + 1; k <= row.inbound; k++) core.store.outbox.enqueue({ conversationId: row.id, text: `reply ${k} to chat ${row.chat}`, authorId: 'crash-agent' });
  }
  runtime.notifyOutbox('tg');
}, 25);
process.stdout.write('ready\n');
