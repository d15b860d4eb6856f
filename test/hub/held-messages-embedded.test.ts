import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { hubSignature } from '../../main/core/connectors';
import { openCore } from '../../main/core/app';
import { startEmbeddedHub, type StartedEmbeddedHub } from '../../main/hub/embedded';
import { watchHeld } from '../../main/ipc/team/events';
import { MetaEmulator } from '../emulators/meta';
import { consoleWindow, conversationIn, ok, seedTeam } from '../helpers/console-window';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';
import { until } from './harness';

const PASSWORD = 'a long and careful passphrase 7';
const WA_TOKEN = 'EAAtest-wa-embedded-held-0123456789';
const CARD = '4111 1111 1111 1111';
const LOUD = '971500333444';

type Listing = { messages: Array<{ id: number; reason: string; fromSender: { held: number } | null; preview: unknown }>; limits: unknown; channels: Array<{ held: number }> };

/**
 * The single seat's default (the embedded hub: the hub's own code in the console's process, on SQLite): held messages
 * are listed, counted, released and discarded through the same IPC and the same core use case (`core/team/held.ts`)
 * as in a team, the hub's flood limits hold a sender's burst, and an agent is refused by the console and the hub.
 */
describe('held messages at the embedded hub (one computer)', () => {
  it('holds a sender over the default limit, lists the reason and the sender’s flood, counts them for the badge, releases all from the sender and discards a single one; agents are refused', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const meta = await MetaEmulator.start(WA_TOKEN, 900_000);
    const tls = new Agent({ connect: { rejectUnauthorized: false } });
    // IT's policy names Layla for the lead role (one administrator may give it on this computer).
    const core = await openCore({ dataDir, keychain, keychainService: service, embedded: 'hub', identityPolicy: { privilegedUsers: [{ username: 'layla', role: 'lead' }] }, embeddedHub: (o, source) => startEmbeddedHub({ ...o, runtime: { outboxIdleMs: 200 } }, source) });
    const changed: string[] = [];
    const unwatch = watchHeld(core, (c) => changed.push(c.channelId));
    try {
      await core.ready();
      const hub = core.embeddedHub() as StartedEmbeddedHub;
      await core.vault.set('hub:wa.token', WA_TOKEN);
      await core.vault.set('hub:wa.app-secret', meta.appSecret);
      await hub.store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp desk', enabled: true, config: { baseUrl: meta.url, settings: { phoneNumberId: meta.phoneNumberId } } }, { actor: 'test', device: null });
      const desk = consoleWindow(core);
      await seedTeam(desk, PASSWORD);

      // One delivery of 23 messages from one sender: the default limit (a burst of 20) lets 20 in and holds 3.
      const deliver = async (texts: string[], first: number) => {
        const raw = Buffer.from(JSON.stringify(meta.waPayload(texts.map((text, i) => ({ from: LOUD, name: 'Loud', text, id: `wamid.EMB${first + i}` })))));
        const r = await request(`${hub.url}/webhooks/wa`, { method: 'POST', dispatcher: tls, headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, meta.appSecret) }, body: raw });
        await r.body.dump();
        expect(r.statusCode).toBe(200);
      };
      await deliver([...Array.from({ length: 20 }, (_, i) => `hello ${i}`), `my card ${CARD} again`, 'spam one', 'spam two'], 1);
      const held = async () => Number((await hub.store.q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM webhook_quarantine'))!.n);
      await until(async () => ((await held()) === 3 ? true : null), 'three messages held');

      // The agent: refused by the console (permission) for every held-message call.
      await ok(desk('signIn', { username: 'amal', password: PASSWORD }));
      for (const [channel, ask] of [
        ['listHeldMessages', {}],
        ['countHeldMessages', {}],
        ['releaseHeldMessages', { channelId: 'wa', sameSenderAs: 1 }],
        ['discardHeldMessages', { channelId: 'wa', ids: [1] }],
      ] as const) {
        expect(await desk(channel, ask), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      await ok(desk('signOut'));
      expect(await held()).toBe(3);

      // The lead: the badge's count, the list with the limit that held them and the sender's flood, masked.
      await ok(desk('signIn', { username: 'layla', password: PASSWORD }));
      expect(await ok(desk('countHeldMessages'))).toEqual({ held: 3 });
      const listing = await ok<Listing>(desk('listHeldMessages'));
      expect(listing.messages.map((m) => [m.reason, m.fromSender?.held])).toEqual([
        ['sender_rate', 3],
        ['sender_rate', 3],
        ['sender_rate', 3],
      ]);
      expect(listing.limits).toEqual({ perSender: { perMinute: 30, burst: 20 }, perChannel: { perMinute: 3000, burst: 500 } });
      expect(JSON.stringify(listing)).not.toContain(CARD);
      expect(JSON.stringify(listing)).not.toContain(LOUD);

      // Each change reaches the screen and the badge from the hub's stream (`heldMessagesChanged`).
      const heard = (before: number, what: string) => until(async () => (changed.length > before ? true : null), what);
      // All from this sender, named by one of their held messages: into the inbox, masked.
      let before = changed.length;
      expect(await ok(desk('releaseHeldMessages', { channelId: 'wa', sameSenderAs: listing.messages[1]!.id }))).toEqual({ released: 3, left: 0 });
      await heard(before, 'the release heard');
      expect(await ok(desk('countHeldMessages'))).toEqual({ held: 0 });
      await conversationIn(desk, 'wa');
      expect(await desk('discardHeldMessages', { channelId: 'wa', sameSenderAs: listing.messages[1]!.id })).toMatchObject({ ok: false, error: { code: 'quarantine_empty' } });

      // Another burst (the bucket refilled a little meanwhile, 30 a minute): what is over is held, and one is discarded alone.
      before = changed.length;
      await deliver(Array.from({ length: 25 }, (_, i) => `more ${i}`), 100);
      const nowHeld = await until(async () => ((await held()) > 0 ? held() : null), 'the burst held');
      await heard(before, 'the hold heard');
      before = changed.length;
      const again = await ok<Listing>(desk('listHeldMessages'));
      expect(await ok(desk('discardHeldMessages', { channelId: 'wa', ids: [again.messages[0]!.id] }))).toEqual({ discarded: 1, left: nowHeld - 1 });
      await heard(before, 'the discard heard');

      expect(new Set(changed)).toEqual(new Set(['wa']));
      const trail = await hub.store.q.all<{ actor: string; action: string; details: string }>("SELECT actor, action, details FROM audit WHERE action LIKE 'guard.quarantine.%' ORDER BY seq");
      expect(trail.map((a) => [a.actor, a.action, JSON.parse(a.details)])).toEqual([
        ['layla', 'guard.quarantine.released', { released: 3, delivered: 3, left: 0, scope: 'sender' }],
        ['layla', 'guard.quarantine.discarded', { discarded: 1, left: nowHeld - 1 }],
      ]);
    } finally {
      unwatch();
      await core.closeAndWait();
      await meta.close();
      await tls.close();
    }
  }, 120_000);
});
