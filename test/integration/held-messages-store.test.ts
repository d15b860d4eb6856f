import { describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { watchHeld } from '../../main/ipc/team/events';
import { consoleWindow, conversationIn, ok, seedTeam } from '../helpers/console-window';
import { inbound } from '../helpers/guard';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

const PASSWORD = 'a long and careful passphrase 7';
const CARD = '4111 1111 1111 1111';
const LOUD = '971500333444';

type Listing = {
  channels: Array<{ channelId: string; channelName: string; held: number; oldestAt: number }>;
  messages: Array<{ id: number; reason: string; fromSender: { held: number } | null; preview: unknown; sender: unknown; readable: boolean }>;
  limits: unknown;
};

/**
 * A single-seat console (`store` mode) holds floods in its own quarantine before the store: a lead or administrator
 * sees them on the same screen as at a hub (the same IPC), masked, and releases or discards them, audited with
 * counts; released messages reach the inbox once, past the flood gate.
 */
describe('held messages of a single-seat console', () => {
  it('lists what its flood gate held with the reason and the sender’s flood, masked; releases all from a sender, discards one; agents are refused', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const core = await openCore({ dataDir, keychain, keychainService: service, embedded: 'store', identityPolicy: { privilegedUsers: [{ username: 'layla', role: 'lead' }] } });
    const changed: string[] = [];
    const unwatch = watchHeld(core, (c) => changed.push(c.channelId));
    try {
      await core.ready();
      core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Telegram desk' });
      const desk = consoleWindow(core);
      await seedTeam(desk, PASSWORD);

      // Where every channel delivers (the flood gate in front of the store): a burst of 10 from one sender, the rest held.
      const sink = core.channels.sink;
      const now = core.clock.now();
      sink.ingest('tg', [
        ...Array.from({ length: 10 }, (_, i) => inbound(`m${i}`, LOUD, `question number ${i} about my order ${7000 + i}`, now)),
        inbound('m10', LOUD, `and my card is ${CARD} if you need it`, now),
        inbound('m11', LOUD, 'are you there, this is urgent', now),
        inbound('m12', LOUD, 'hello hello hello anyone', now),
      ]);
      expect(core.guards.quarantine.pendingCount('tg')).toBe(3);
      expect(changed).toEqual(['tg']);

      await ok(desk('signIn', { username: 'amal', password: PASSWORD }));
      for (const [channel, ask] of [
        ['listHeldMessages', {}],
        ['countHeldMessages', {}],
        ['releaseHeldMessages', { channelId: 'tg', sameSenderAs: 1 }],
        ['discardHeldMessages', { channelId: 'tg', ids: [1] }],
      ] as const) {
        expect(await desk(channel, ask), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      await ok(desk('signOut'));

      await ok(desk('signIn', { username: 'layla', password: PASSWORD }));
      expect(await ok(desk('countHeldMessages'))).toEqual({ held: 3 });
      const listing = await ok<Listing>(desk('listHeldMessages'));
      expect(listing.channels).toEqual([{ channelId: 'tg', channelName: 'Telegram desk', kind: 'telegram', held: 3, oldestAt: expect.any(Number) }]);
      expect(listing.channels[0]!.oldestAt).toBeGreaterThanOrEqual(now);
      expect(listing.messages.map((m) => [m.reason, m.fromSender?.held, m.readable])).toEqual([
        ['sender_rate', 3, true],
        ['sender_rate', 3, true],
        ['sender_rate', 3, true],
      ]);
      expect(listing.limits).toEqual({ perSender: { perMinute: 20, burst: 10 }, perChannel: { perMinute: 3000, burst: 200 } });
      const shown = JSON.stringify(listing);
      expect(shown).not.toContain(CARD);
      expect(shown).not.toContain(LOUD);
      expect(shown).toContain('"type":"CARD"');

      // One discarded alone, then every other one from the sender released, named by one of their held messages.
      expect(await ok(desk('discardHeldMessages', { channelId: 'tg', ids: [listing.messages[2]!.id] }))).toEqual({ discarded: 1, left: 2 });
      expect(await ok(desk('releaseHeldMessages', { channelId: 'tg', sameSenderAs: listing.messages[0]!.id }))).toEqual({ released: 2, left: 0 });
      expect(await desk('releaseHeldMessages', { channelId: 'tg', sameSenderAs: listing.messages[0]!.id })).toMatchObject({ ok: false, error: { code: 'quarantine_empty' } });
      expect(await desk('discardHeldMessages', { channelId: 'tg', ids: [listing.messages[2]!.id] })).toMatchObject({ ok: false, error: { code: 'quarantine_empty' } });
      expect(await ok(desk('countHeldMessages'))).toEqual({ held: 0 });
      expect(changed).toEqual(['tg', 'tg', 'tg']);

      // The released ones are in the store once (12 of 13: the discarded one is gone), masked like every message.
      const conversation = await conversationIn(desk, 'tg');
      const detail = await ok<{ messages: Array<{ segments: unknown }> }>(desk('openConversation', { conversationId: conversation.id }));
      expect(detail.messages).toHaveLength(12);
      expect(JSON.stringify(detail)).not.toContain(CARD);
      sink.ingest('tg', [inbound('m10', LOUD, `and my card is ${CARD} if you need it`, now)]);
      expect(core.guards.quarantine.pendingCount('tg')).toBe(0);

      const trail = core.auditTrail.list({ newestFirst: false, limit: 500 }).filter((e) => e.action.startsWith('guard.quarantine.'));
      expect(trail.map((e) => [e.actor, e.action, e.details])).toEqual([
        ['layla', 'guard.quarantine.discarded', { discarded: 1, left: 2 }],
        ['layla', 'guard.quarantine.released', { released: 2, reason: null, cluster: null, left: 0, scope: 'sender' }],
      ]);
    } finally {
      unwatch();
      await core.closeAndWait();
    }
  }, 60_000);
});
