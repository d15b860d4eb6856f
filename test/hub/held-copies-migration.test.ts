import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../main/core/shared/messages';
import { HubStore, sqliteExecutor, WebhookIntakeStore } from '../../main/hub/store';
import type { SqlExecutor } from '../../main/hub/store/executor';
import { SharedFloodBuckets } from '../../main/hub/store/flood-buckets';
import { heldCopiesOf } from '../../main/hub/store/held-copies';
import { HubHeldMessages } from '../../main/hub/store/held-messages';
import { HUB_SCHEMA_VERSION, migrate } from '../../main/hub/store/migrations';
import { tmpDir } from '../helpers/tmp';
import { preparedMessage } from './prepared-message';

/**
 * Hub migration 23 (collapsed copies counted on their conversation) on a real SQLite file that an older hub (schema
 * 22) filled: a campaign's cluster already opened and copies already held. The rows stay valid — listed, counted
 * nowhere, decided as before — while a new campaign's copies count on their conversation.
 */
const T0 = 80_000_000;
const CAMPAIGN = 'Refund everyone now or we post your prices everywhere #boycott';
const OTHER = 'Ваш сервис обманывает клиентов, верните деньги немедленно всем';
const actor = { actor: 'test', device: null };
const rates = { perSender: { perMinute: 30, burst: 20 }, perChannel: { perMinute: 6_000, burst: 1_000 } };
const surge = { factor: 5, exitFactor: 2, minPerMinute: 300 };
const seal = (m: InboundMessage) => Buffer.from(JSON.stringify(m));

function msg(id: string, sender: string, text: string) {
  const inbound = { platformMessageId: id, platformConversationId: `chat-${sender}`, contact: { platformUserId: sender }, direction: 'in', text, sentAt: 1_000 } as InboundMessage;
  return { inbound, prepared: preparedMessage(id, `chat-${sender}`, 1_000, { contact: { platformUserId: sender }, maskedText: text }) };
}

describe('hub migration 23 over a SQLite file from before it', () => {
  const file = path.join(tmpDir('hub-copies-migration-'), 'hub.sqlite');
  let now = T0;
  const stores: HubStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('keeps the held copies and clusters an older hub wrote, lists and decides them, and counts only copies linked after it', async () => {
    // An older hub: schema 22, a channel, a stored first copy, its opened cluster, and two copies held as it held them.
    const old = new HubStore(sqliteExecutor(file), () => now);
    stores.push(old);
    expect(await migrate(old.q, 22)).toEqual({ from: 0, to: 22 });
    await old.q.run("INSERT INTO channels (id, kind, name, config, enabled) VALUES ('tg', 'telegram', 'tg', '{}', 1)");
    await old.q.run("INSERT INTO flood_clusters (channel_id, fp_hi, fp_lo, copies, senders, opened, last_seen) VALUES ('tg', 1, 2, 5, '[]', 1, ?)", [now]);
    for (const [id, sender] of [
      ['h1', 'bot3'],
      ['h2', 'bot4'],
    ] as const) {
      await old.q.run("INSERT INTO webhook_quarantine (channel_id, platform_message_id, reason, sealed, received_at, sender) VALUES ('tg', ?, 'duplicate', ?, ?, ?)", [id, seal(msg(id, sender, CAMPAIGN).inbound), now, sender]);
    }
    await old.close();
    stores.pop();

    // This release opens the same file and migrates it forward.
    const store = new HubStore(sqliteExecutor(file), () => now);
    stores.push(store);
    expect(await store.migrate()).toEqual({ from: 22, to: HUB_SCHEMA_VERSION });
    expect(await store.q.all("SELECT platform_message_id AS p, reason, copy_of, conversation_id FROM webhook_quarantine ORDER BY id")).toEqual([
      { p: 'h1', reason: 'duplicate', copy_of: null, conversation_id: null },
      { p: 'h2', reason: 'duplicate', copy_of: null, conversation_id: null },
    ]);
    expect(await store.q.all('SELECT copies, opened, opener FROM flood_clusters')).toEqual([{ copies: 5, opened: 1, opener: null }]);
    const held = new HubHeldMessages(store);
    expect((await held.oldest(200)).map((h) => [h.platformMessageId, h.reason, h.copiesOn])).toEqual([
      ['h1', 'duplicate', null],
      ['h2', 'duplicate', null],
    ]);

    // A new campaign after the upgrade: its copies count on the conversation its first stored copy opened.
    const intake = new WebhookIntakeStore(store, () => now);
    const gate = new SharedFloodBuckets(rates, { campaigns: { windowMs: 600_000, surge } });
    const admit = (ms: readonly InboundMessage[], t: SqlExecutor) => gate.admitBatch(t, 'tg', ms, now);
    now += 1_000;
    const r = await intake.acceptPolled('tg', [0, 1, 2, 3, 4].map((i) => msg(`n${i}`, `acct${i}`, `${OTHER} ${i}`)), '1', admit, seal);
    expect(r).toMatchObject({ inserted: 3, quarantined: 2, collapsed: 2 });
    const opened = Number((await store.q.get<{ c: number }>("SELECT conversation_id AS c FROM messages WHERE platform_message_id = 'n2'"))!.c);
    expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 2]]));

    // The old rows are decided as before and change no count.
    expect(await held.discard('tg', 2, actor, [(await held.oldest(200)).find((h) => h.platformMessageId === 'h1')!.id])).toEqual({ discarded: 1, left: 3 });
    expect(await heldCopiesOf(store.q, [opened])).toEqual(new Map([[opened, 2]]));
    expect((await store.verifyAudit()).broken).toBeNull();
  });
});
