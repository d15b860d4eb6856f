import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubStore, type SqlExecutor } from '../../main/hub/store';
import { HubRelayQueue, relayTargets, type RelayPayload, type RelaySeal } from '../../main/hub/store/relay-queue';
import { bothAdapters, secondNode } from './adapters';

const adapters = bothAdapters('hub-relay-');
const IT = { actor: 'it:test', device: null };
const DESK = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

/** A real AES-GCM seal bound to its identity, as the hub's outbox-key gives one. */
function testSeal(): RelaySeal {
  const key = crypto.randomBytes(32);
  return {
    seal(channelId, device, dedup, payload) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`${channelId}:${device}:${dedup}`));
      const body = Buffer.concat([c.update(payload, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(channelId, device, dedup, blob) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12)).setAAD(Buffer.from(`${channelId}:${device}:${dedup}`));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const message = (id: string, text = `hello ${id}`): RelayPayload => ({
  kind: 'message',
  message: { platformMessageId: id, platformConversationId: 'c1', contact: { platformUserId: 'u1' }, direction: 'in', text, sentAt: 1_000 },
});

for (const [name, open] of Object.entries(adapters)) {
  describe(`relay queue conformance: ${name}`, () => {
    let store: HubStore;
    let queue: HubRelayQueue;
    const seal = testSeal();
    let t = 50_000;
    const now = () => t;
    const enqueue = (events: RelayPayload[], devices = [DESK]) => store.q.tx((x: SqlExecutor) => queue.enqueueIn(x, 'wa', devices, events));

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      await store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { settings: { relayTo: [DESK] } } }, IT);
      queue = new HubRelayQueue(store, seal);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('reads the devices a channel is relayed to, ignoring anything that is not a fingerprint', () => {
      expect(relayTargets({ settings: { relayTo: [DESK, 'nope', 7, OTHER.toUpperCase()] } })).toEqual([DESK]);
      expect(relayTargets({ settings: {} })).toEqual([]);
      expect(relayTargets({})).toEqual([]);
    });

    it('queues per device, once per event while it waits, sealed; the cursor acknowledges and erases; bounded batches', async () => {
      expect(await enqueue([message('m1', 'card 4111 1111 1111 1111'), message('m2')], [DESK, OTHER])).toBe(4);
      expect(await enqueue([message('m1', 'card 4111 1111 1111 1111')], [DESK])).toBe(0);
      const raw = await store.q.all<{ sealed: Buffer }>('SELECT sealed FROM relay_events');
      expect(raw.map((r) => Buffer.from(r.sealed).toString('latin1')).join('')).not.toContain('4111 1111');

      const first = await queue.take('wa', DESK, 0, 1);
      expect(first.events.map((e) => e.kind === 'message' && e.message.platformMessageId)).toEqual(['m1']);
      expect(first.more).toBe(true);
      const second = await queue.take('wa', DESK, first.events[0]!.seq, 10);
      expect(second.events.map((e) => e.kind === 'message' && e.message.text)).toEqual(['hello m2']);
      expect(second.more).toBe(false);
      // Acknowledged events are gone for this device only; the other device still has both.
      expect((await queue.waiting()).map((w) => [w.device, w.events])).toEqual([
        [DESK, 1],
        [OTHER, 2],
      ]);
      const trail = await store.q.all<{ action: string; details: string }>("SELECT action, details FROM audit WHERE action LIKE 'relay.%' ORDER BY seq");
      expect(trail.map((a) => a.action)).toEqual(['relay.queued', 'relay.acknowledged']);
      expect(JSON.stringify(trail)).not.toMatch(/4111 1111|hello/);
      await queue.take('wa', DESK, second.events[0]!.seq, 10);
      await queue.take('wa', OTHER, Number.MAX_SAFE_INTEGER, 10);
    });

    it('a sealed event opened under another device or channel fails instead of showing another desk’s message', async () => {
      await enqueue([message('m3')]);
      await store.q.run('UPDATE relay_events SET device = ? WHERE device = ?', [OTHER, DESK]);
      await expect(queue.take('wa', OTHER, 0, 10)).rejects.toThrow();
      await store.q.run('DELETE FROM relay_events');
    });

    it('delivers every event exactly once, in order, whatever the interleaving of webhooks and acknowledgements', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(fc.record({ add: fc.integer({ min: 1, max: 4 }) }), fc.record({ take: fc.integer({ min: 1, max: 5 }), ack: fc.boolean() })), { maxLength: 25 }), async (steps) => {
          await store.q.run('DELETE FROM relay_events');
          let next = 0;
          let cursor = 0;
          const got: string[] = [];
          const run = `p${crypto.randomBytes(4).toString('hex')}`;
          for (const s of steps) {
            if ('add' in s) {
              await enqueue(Array.from({ length: s.add }, () => message(`${run}-${next++}`)));
            } else {
              const b = await queue.take('wa', DESK, cursor, s.take);
              // Without acknowledging, the console asks again from the same cursor: the same events come back.
              if (s.ack && b.events.length) {
                got.push(...b.events.map((e) => (e.kind === 'message' ? e.message.platformMessageId : '')));
                cursor = b.events.at(-1)!.seq;
              }
            }
          }
          for (;;) {
            const b = await queue.take('wa', DESK, cursor, 1000);
            if (!b.events.length) break;
            got.push(...b.events.map((e) => (e.kind === 'message' ? e.message.platformMessageId : '')));
            cursor = b.events.at(-1)!.seq;
          }
          expect(got).toEqual(Array.from({ length: next }, (_, i) => `${run}-${i}`));
        }),
        { numRuns: name === 'postgres' ? 15 : 40 },
      );
    }, 120_000);

    it('sessions expire and end when the device is revoked', async () => {
      await store.enrolDevice({ fingerprint: DESK, publicKey: 'pem', label: 'desk' }, IT);
      await queue.openSession('h1', DESK, t + 1_000);
      expect(await queue.sessionDevice('h1')).toBe(DESK);
      expect(await queue.sessionDevice('nope')).toBeNull();
      t += 2_000;
      expect(await queue.sessionDevice('h1')).toBeNull();
      await queue.openSession('h2', DESK, t + 60_000);
      await store.revokeDevice(DESK, IT);
      expect(await queue.sessionDevice('h2')).toBeNull();
    });

    it('claims a reply once across nodes; a reply not sent may be claimed again; only its device reads it', async () => {
      const other = secondNode(store, now);
      const otherQueue = new HubRelayQueue(other, seal);
      const claims = await Promise.all([queue.claimReply('wa', 'ob-1', DESK), otherQueue.claimReply('wa', 'ob-1', DESK)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await queue.reply('wa', 'ob-1', DESK)).toMatchObject({ state: 'sending' });
      await queue.settleReply('wa', { outboxId: 'ob-1', state: 'sent', platformMessageId: 'wamid.1', at: 7 }, DESK);
      expect(await otherQueue.reply('wa', 'ob-1', DESK)).toMatchObject({ outboxId: 'ob-1', state: 'sent', platformMessageId: 'wamid.1', at: 7 });
      expect(await queue.reply('wa', 'ob-1', OTHER)).toBeNull();

      expect(await queue.claimReply('wa', 'ob-2', DESK)).toBe(true);
      await queue.releaseReply('wa', 'ob-2', DESK);
      expect(await queue.reply('wa', 'ob-2', DESK)).toBeNull();
      expect(await queue.claimReply('wa', 'ob-2', DESK)).toBe(true);
      if (other !== store) await other.close();
    });
  });
}
