import { describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { parseHubConfig } from '../../main/hub';
import { startEmbeddedHub, type StartedEmbeddedHub } from '../../main/hub/embedded';
import { TelegramEmulator } from '../emulators/telegram';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';
import { until } from './harness';
import { consoleWindow, ok, seedTeam } from '../helpers/console-window';

const PASSWORD = 'a long and careful passphrase 7';
const TOKEN = '123456:one-machine-test-token';
const CARD = '4111 1111 1111 1111';

const window = consoleWindow;

type Detail = { messages: Array<{ id: number; segments: Array<{ kind: string; fieldIndex?: number; type?: string }> }> };

/**
 * One machine, two people (issue 16): on the console's built-in hub, an agent asks for a card reveal that needs a
 * lead; the lead signs in on the SAME window (same device) and approves; the agent signs back in, finds the request
 * again and reads the value for the grant's time. Nobody approves their own request; the trail names both people.
 */
describe('one machine, two people: a lead approves a reveal on the computer that asked', () => {
  it('lets a lead approve on the same device after the agent signs out; the agent signs back in and reads the value; self-approval stays refused', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const tg = await TelegramEmulator.start(TOKEN, 600_000);
    // IT's policy names Layla for the lead role: one administrator may give it (anyone else waits for a second one).
    const core = await openCore({ dataDir, keychain, keychainService: service, embedded: 'hub', identityPolicy: { privilegedUsers: [{ username: 'layla', role: 'lead' }] }, embeddedHub: (o, source) => startEmbeddedHub({ ...o, runtime: { outboxIdleMs: 200 } }, source) });
    try {
      await core.ready();
      const hub = core.embeddedHub() as StartedEmbeddedHub;
      await core.vault.set('hub:tg.token', TOKEN);
      await hub.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support bot', enabled: true, config: { baseUrl: tg.url, settings: { longPollSeconds: 1 } } }, { actor: 'test', device: null });

      const desk = window(core);
      await seedTeam(desk, PASSWORD);

      // The agent, at the desk: a customer's card number arrives masked; a card needs a lead's approval.
      await ok(desk('signIn', { username: 'amal', password: PASSWORD }));
      tg.addText(7001, `I was charged twice on card ${CARD}`, { first_name: 'Noura' });
      const conversationId = await until(async () => {
        const list = await ok<{ items: Array<{ id: number; channelId: string }> }>(desk('listConversations', { filter: { scope: 'all' }, cursor: null, limit: 50 }));
        return list.items.find((c) => c.channelId === 'tg')?.id;
      }, 'the message to reach the console');
      const detail = await ok<Detail>(desk('openConversation', { conversationId }));
      const message = detail.messages.find((m) => m.segments.some((s) => s.type === 'CARD'))!;
      const field = message.segments.find((s) => s.type === 'CARD')!.fieldIndex!;
      expect(JSON.stringify(detail)).not.toContain('4111 1111');
      const asked = await ok<{ status: string; requestId: string }>(desk('requestReveal', { messageId: message.id, fieldIndex: field, reason: 'Customer disputes a double charge' }));
      expect(asked.status).toBe('pending');
      // An agent decides nothing; the request waits.
      expect(await desk('decideReveal', { requestId: asked.requestId, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await desk('readReveal', { grantId: asked.requestId })).toMatchObject({ ok: false, error: { code: 'reveal_pending' } });
      await ok(desk('signOut'));

      // The lead signs in on the same window: she sees Amal's request and approves it from this computer.
      await ok(desk('signIn', { username: 'layla', password: PASSWORD }));
      const waiting = await ok<{ requests: Array<{ requestId: string; requestedBy: string; fieldType: string }> }>(desk('listRevealApprovals'));
      expect(waiting.requests).toEqual([expect.objectContaining({ requestId: asked.requestId, requestedBy: 'Amal', fieldType: 'CARD' })]);
      // Her own request for the same field is hers alone to wait on: nobody approves their own.
      const hers = await ok<{ status: string; requestId: string }>(desk('requestReveal', { messageId: message.id, fieldIndex: field, reason: 'Checking the refund for the customer' }));
      expect(hers.status).toBe('pending');
      expect((await ok<{ requests: Array<{ requestId: string }> }>(desk('listRevealApprovals'))).requests.map((r) => r.requestId)).not.toContain(hers.requestId);
      expect(await desk('decideReveal', { requestId: hers.requestId, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await desk('decideReveal', { requestId: asked.requestId, approve: true })).toMatchObject({ ok: true });
      await ok(desk('signOut'));

      // The agent signs back in: the console lists her request again (decided now) and opens the value once.
      await ok(desk('signIn', { username: 'amal', password: PASSWORD }));
      const own = await ok<{ reveals: Array<{ requestId: string; messageId: number; fieldIndex: number; fieldType: string; state: string }> }>(desk('listOwnReveals'));
      expect(own.reveals).toEqual([{ requestId: asked.requestId, messageId: message.id, fieldIndex: field, fieldType: 'CARD', state: 'granted' }]);
      const read = await ok<{ value: string; expiresAt: number }>(desk('readReveal', { grantId: asked.requestId }));
      expect(read.value).toBe(CARD);
      expect(read.expiresAt).toBeGreaterThan(Date.now());
      // The lead's own request is hers: another person's session never lists or reads it.
      expect(await desk('readReveal', { grantId: hers.requestId })).toMatchObject({ ok: false });

      const trail = await hub.store.q.all<{ actor: string; action: string }>("SELECT actor, action FROM audit WHERE action LIKE 'reveal.%' ORDER BY seq");
      expect(trail.map((e) => `${e.actor} ${e.action}`)).toEqual(['amal reveal.requested', 'layla reveal.requested', 'layla reveal.approved', 'amal reveal.read']);
      expect((await hub.store.verifyAudit()).broken).toBeNull();
    } finally {
      await core.closeAndWait();
      await tg.close();
    }
  }, 120_000);

  it('refuses oneMachine with a separate custodian, which always wants the approving lead’s own computer', () => {
    expect(() =>
      parseHubConfig({
        nodeId: 'n1',
        database: { sqlite: '/tmp/hub.sqlite' },
        listen: { host: '127.0.0.1', port: 0 },
        tls: { certFile: '/tmp/cert.pem' },
        custodian: { url: 'https://127.0.0.1:9444', pin: 'A'.repeat(43) + '=' },
        officeRanges: ['127.0.0.1/32'],
        oneMachine: true,
      }),
    ).toThrow(/oneMachine is for a team on one computer with the embedded custodian/);
  });
});
