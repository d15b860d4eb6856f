import { afterEach, describe, expect, it } from 'vitest';
import { ThreadControl } from '../../../main/core/app/thread-control';
import type { ChannelConfig } from '../../../main/core/connectors';
import { MetaEmulator } from '../../emulators/meta';
import { connectorCore, fastTime, putSecrets, storedMessages, testRuntime, until } from '../../helpers/connectors';

const TOKEN = 'EAAtest-page-token-0123456789';
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A Messenger or Instagram channel polling the emulator, with one customer's conversation stored. */
async function setup(kind: 'messenger' | 'instagram', settings: Record<string, string> = {}) {
  const time = fastTime(100);
  const meta = await MetaEmulator.start(TOKEN);
  meta.now = time.clock.now;
  const core = await connectorCore([{ id: 'ch', kind }, { id: 'tg', kind: 'telegram' }], time.clock);
  await core.ready(); // the audit trail's key, so entries are written (not buffered)
  await putSecrets(core, 'ch', { pageAccessToken: TOKEN });
  const config: ChannelConfig = { id: 'ch', kind, baseUrl: meta.url, pollIntervalMs: 15_000, settings: { pageId: meta.pageId, ...(kind === 'instagram' ? { instagramAccountId: meta.igAccountId } : {}), ...settings } };
  const { runtime, logs } = testRuntime(core, time, [config]);
  cleanup.push(() => core.close(), () => meta.close(), () => runtime.stop());
  meta.addInbound(kind, '6100000000000042', 'Ana Ruiz', 'I want a human, not the bot');
  runtime.start();
  await until(() => storedMessages(core, 'ch').length === 1, 'the customer message');
  const conversationId = core.db.prepare("SELECT id FROM conversations WHERE channel_id = 'ch'").pluck().get() as number;
  const control = new ThreadControl({ store: core.store, runtime, audit: core.audit });
  const audits = async () =>
    core.auditTrail
      .list()
      .filter((e) => e.action === 'conversation.thread_control')
      .map((e) => ({ actor: e.actor, target: e.target, details: e.details as Record<string, unknown> }));
  return { meta, core, runtime, logs, control, conversationId, audits };
}

describe('handover protocol against the Graph emulator', () => {
  for (const kind of ['messenger', 'instagram'] as const) {
    it(`${kind}: takes, passes and requests a thread through the Graph API, each audited`, async () => {
      const { meta, control, conversationId, audits, logs } = await setup(kind);
      await control.run('amal', conversationId, 'take');
      expect(meta.threadOwner.get('6100000000000042')).toBe(meta.appId);
      await control.run('amal', conversationId, 'request');
      await control.run('amal', conversationId, 'pass');
      // Passed to Meta's Page Inbox when the channel names no other app.
      expect(meta.threadControl).toEqual([
        { action: 'take', recipient: '6100000000000042', metadata: 'diwan' },
        { action: 'request', recipient: '6100000000000042', metadata: 'diwan' },
        { action: 'pass', recipient: '6100000000000042', targetAppId: '263902037430900', metadata: 'diwan' },
      ]);
      expect(meta.threadOwner.get('6100000000000042')).toBe('263902037430900');
      expect(await audits()).toEqual(
        ['take', 'request', 'pass'].map((action) => ({ actor: 'amal', target: `conversation:${conversationId}`, details: { channel: 'ch', action, outcome: 'done' } })),
      );
      expect(JSON.stringify(logs)).not.toContain(TOKEN);
    });
  }

  it('passes to the app the channel names, and says in words when Graph refuses; the refusal is audited too', async () => {
    const { meta, control, conversationId, audits } = await setup('messenger', { handoverTargetAppId: '5550000000000777' });
    await control.run('amal', conversationId, 'pass');
    expect(meta.threadControl.at(-1)).toMatchObject({ action: 'pass', targetAppId: '5550000000000777' });

    meta.threads.clear(); // Graph no longer knows the customer
    await expect(control.run('amal', conversationId, 'take')).rejects.toMatchObject({ code: 'connector_rejected', message: expect.stringMatching(/Messenger refused the request \(code 100/) });
    meta.tokens.clear();
    await expect(control.run('amal', conversationId, 'take')).rejects.toMatchObject({ code: 'connector_token_rejected' });
    expect((await audits()).map((a) => a.details)).toEqual([
      { channel: 'ch', action: 'pass', outcome: 'done' },
      { channel: 'ch', action: 'take', outcome: 'refused', code: 'connector_rejected' },
      { channel: 'ch', action: 'take', outcome: 'refused', code: 'connector_token_rejected' },
    ]);
  });

  it('refuses a conversation of a channel without handover, in words, and audits the refusal', async () => {
    const { core, control, audits } = await setup('messenger');
    const other = core.store.sink.ingest('tg', [{ platformMessageId: 't1', platformConversationId: 'chat-1', contact: { platformUserId: 'u1' }, direction: 'in', text: 'hi', sentAt: 1 }]);
    const id = (await other).conversationIds[0]!;
    await expect(control.run('amal', id, 'take')).rejects.toMatchObject({ code: 'channel_unknown' });
    expect((await audits()).map((a) => a.details)).toEqual([{ channel: 'tg', action: 'take', outcome: 'refused', code: 'channel_unknown' }]);
  });
});
