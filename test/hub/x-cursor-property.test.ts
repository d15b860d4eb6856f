import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realSleep, type Connector } from '../../main/core/connectors';
import { generateSealingKey } from '../../main/core/custody';
import { hubSink } from '../../main/hub/channels';
import { hubChannelSecrets } from '../../main/hub/channel-secrets';
import { hubRegistry } from '../../main/hub/registry';
import { OriginalsSealer } from '../../main/hub/sealing';
import { CredentialsDirSecrets } from '../../main/hub/secrets';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { XEmulator } from '../emulators/x';
import { tmpDir } from '../helpers/tmp';

/**
 * X's cursor at the hub, for generated histories: DMs (the customers' and the account's own) arrive in bursts of any
 * size, the lease holder polls at any moment with any page size, and the channel moves to a fresh connector (another
 * node, reading only the store) at any moment. Whatever the order, every event is stored exactly once.
 */
describe('X polling at the hub across lease moves (generated histories)', () => {
  let x: XEmulator;
  let itDir: string;
  const sealer = new OriginalsSealer('acme', ((k) => () => k)(generateSealingKey(1)), crypto.randomBytes(32));
  beforeAll(async () => {
    x = await XEmulator.start({ tokenTag: 'hubprop-' });
    itDir = tmpDir('hub-xprop-it-');
    fs.writeFileSync(path.join(itDir, 'xa.token'), JSON.stringify({ ...x.issue(), clientId: x.clientId, expiresAt: Date.now() + 86_400_000 }), { mode: 0o400 });
  });
  afterAll(async () => {
    await x?.close();
  });

  type Step = { kind: 'arrive'; n: number; own: boolean } | { kind: 'poll' } | { kind: 'move' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('arrive' as const), n: fc.integer({ min: 1, max: 12 }), own: fc.boolean() }),
    fc.constant({ kind: 'poll' as const }),
    fc.constant({ kind: 'move' as const }),
  );

  it('stores every event once, whatever the arrivals, page size, polls and lease moves', async () => {
    let sender = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 7 }), fc.array(step, { maxLength: 25 }), async (pageSize, steps) => {
        x.events = [];
        x.pageSize = pageSize;
        const store = new HubStore(sqliteExecutor(path.join(tmpDir('hub-xprop-'), 'hub.sqlite')), Date.now);
        await store.migrate();
        await store.saveChannel({ id: 'xa', kind: 'x', name: 'X', config: { baseUrl: x.url }, enabled: true }, { actor: 'it', device: null });
        const { vault } = hubChannelSecrets({ store, setup: new HubChannelSetup(store), sealer, it: new CredentialsDirSecrets(itDir), nodeId: 'n' });
        const sink = hubSink(store, sealer);
        const signal = new AbortController().signal;
        const connector = async (): Promise<Connector> => {
          const c = hubRegistry.x({
            // Pages enough for any burst here (the page limit is a separate, documented cap); the emulator has no budget to spare.
            config: { id: 'xa', kind: 'x', baseUrl: x.url, rateLimit: { perSecond: 10_000, burst: 10_000 }, settings: { userId: x.me.id, maxPages: 1_000 } },
            vault,
            clock: { now: Date.now },
            sleep: realSleep,
            jitter: Math.random,
            log: () => {},
          });
          await c.start(signal);
          return c;
        };
        const poll = async (c: Connector) => {
          const batch = await c.pull!(await sink.cursor('xa'), signal);
          await sink.ingest('xa', batch.messages, batch.cursor);
        };
        let holder = await connector();
        try {
          for (const s of steps) {
            if (s.kind === 'poll') await poll(holder);
            else if (s.kind === 'move') {
              await holder.stop();
              holder = await connector();
            } else {
              for (let i = 0; i < s.n; i++) {
                const customer = String(2200000001 + (sender++ % 4));
                if (s.own) x.addOwn(customer, `ours ${i}`);
                else x.addInbound(customer, `theirs ${i}`);
              }
            }
          }
          await poll(holder);
          const stored = await store.q.all<{ platform_message_id: string }>("SELECT platform_message_id FROM messages WHERE channel_id = 'xa'");
          expect(stored.map((r) => r.platform_message_id).sort()).toEqual(x.events.map((e) => e.id).sort());
          expect(await store.channelCursor('xa')).toBe(x.events[0]?.id ?? null);
        } finally {
          await holder.stop();
          await store.close();
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
