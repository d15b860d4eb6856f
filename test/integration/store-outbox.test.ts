import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { openCore } from '../../main/core/app';
import { fixedClock, inbound, storeCore } from '../helpers/store';
import { testKeychain } from '../helpers/keychain';

let core: Core | undefined;
afterEach(() => core?.close());

async function withConversation() {
  const clock = fixedClock(10_000);
  core = await storeCore({ clock });
  core.store.sink.ingest('tg', [inbound(1, { sentAt: 5_000 })]);
  const conversationId = core.store.conversations.list().items[0]!.id;
  return { store: core.store, clock, conversationId };
}

const delivery = (c: Core, id: number) => c.db.prepare('SELECT delivery, delivery_reason AS reason FROM messages WHERE id = ?').get(id);

describe('outbox (replies are stored before they are sent)', () => {
  it('enqueues a masked reply, hands the original to the connector, and records the platform id', async () => {
    const { store, conversationId } = await withConversation();
    const { messageId, outboxId } = store.outbox.enqueue({ conversationId, text: 'Your code is sent to 0509998877', authorId: 'agent-1', options: { tag: 'HUMAN_AGENT' } });
    expect(store.conversations.messages(conversationId).at(-1)).toMatchObject({ direction: 'out', delivery: 'queued', maskedText: 'Your code is sent to ⟦NUMBER·••77⟧' });
    const item = store.outbox.claim('tg', 10_000);
    expect(item).toEqual({
      outboxId: String(outboxId),
      messageId: String(messageId),
      channelId: 'tg',
      platformConversationId: 'chat1',
      text: 'Your code is sent to 0509998877',
      attempts: 1,
      options: { tag: 'HUMAN_AGENT' },
    });
    expect(store.outbox.claim('tg', 10_000)).toBeNull();
    store.outbox.markSent(item!.outboxId, 'pm-77', 10_500);
    expect(delivery(core!, messageId)).toEqual({ delivery: 'sent', reason: null });
    // The platform echoes our reply: it is a duplicate, not a second message.
    expect(store.sink.ingest('tg', [inbound(2, { platformMessageId: 'pm-77', direction: 'out', text: 'Your code is sent to 0509998877' })])).toMatchObject({ duplicates: 1 });
    store.outbox.markDelivery('tg', 'pm-77', 'read');
    store.outbox.markDelivery('tg', 'pm-77', 'delivered');
    expect(delivery(core!, messageId)).toMatchObject({ delivery: 'read' });
  });

  it('retries after notBefore, fails for good with the reason, and lets the agent send again', async () => {
    const { store, conversationId } = await withConversation();
    const { messageId } = store.outbox.enqueue({ conversationId, text: 'hi', authorId: 'a' });
    const first = store.outbox.claim('tg', 10_000)!;
    store.outbox.markFailed(first.outboxId, '429 too many requests', { notBefore: 20_000 });
    expect(delivery(core!, messageId)).toEqual({ delivery: 'queued', reason: '429 too many requests' });
    expect(store.outbox.claim('tg', 19_999)).toBeNull();
    const second = store.outbox.claim('tg', 20_000)!;
    expect(second.attempts).toBe(2);
    store.outbox.markFailed(second.outboxId, 'chat not found', null);
    expect(delivery(core!, messageId)).toEqual({ delivery: 'failed', reason: 'chat not found' });
    expect(store.outbox.claim('tg', 99_999)).toBeNull();
    store.outbox.retry(second.outboxId);
    expect(store.outbox.claim('tg', 99_999)?.attempts).toBe(3);
  });

  it('turns replies caught mid-send into unknown when the console starts, never resending them blindly', async () => {
    const { keychain, service } = testKeychain();
    const clock = fixedClock(10_000);
    const first = await openCore({ embedded: 'store', dataDir: (await import('../helpers/tmp')).tmpDir(), keychain, keychainService: service, clock });
    first.store.channels.create({ id: 'tg', kind: 'telegram', name: 'bot' });
    first.store.sink.ingest('tg', [inbound(1)]);
    const conversationId = first.store.conversations.list().items[0]!.id;
    const { messageId } = first.store.outbox.enqueue({ conversationId, text: 'hi', authorId: 'a' });
    expect(first.store.outbox.claim('tg', 10_000)).not.toBeNull();
    first.close();

    // The CLI opening the same database does not touch the console's in-flight replies…
    const cli = await openCore({ embedded: 'store', dataDir: first.dataDir, keychain, keychainService: service, clock });
    expect(delivery(cli, messageId)).toMatchObject({ delivery: 'sending' });
    cli.close();
    // …the console does, at start.
    core = await openCore({ embedded: 'store', dataDir: first.dataDir, keychain, keychainService: service, clock, background: { retentionEveryMs: 3_600_000 } });
    expect(delivery(core, messageId)).toEqual({ delivery: 'unknown', reason: 'interrupted while sending' });
    expect(core.store.outbox.claim('tg', 99_999)).toBeNull();
  });

  it('refuses a reply to a conversation that does not exist, and an empty reply', async () => {
    const { store, conversationId } = await withConversation();
    expect(() => store.outbox.enqueue({ conversationId: 999, text: 'hi', authorId: 'a' })).toThrow(/no conversation 999/);
    expect(() => store.outbox.enqueue({ conversationId, text: '  ', authorId: 'a' })).toThrow(/between 1 and/);
    expect(() => store.outbox.markSent('12345', 'x', 1)).toThrow(/no outbox item/);
  });
});
