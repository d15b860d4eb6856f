import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSealingKey } from '../../main/core/custody';
import { hubChannelSecrets } from '../../main/hub/channel-secrets';
import { HubChannels } from '../../main/hub/channels';
import { localLeases } from '../../main/hub/leases';
import { OriginalsSealer } from '../../main/hub/sealing';
import { CredentialsDirSecrets } from '../../main/hub/secrets';
import { HubStore, type SqlExecutor } from '../../main/hub/store';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { XEmulator } from '../emulators/x';
import { fastTime } from '../helpers/connectors';
import { tmpDir } from '../helpers/tmp';
import { bothAdapters } from './adapters';
import { until } from './harness';

/**
 * X direct messages polled at the hub (issue 16), on both store adapters: `HubChannels` runs the X connector under
 * the channel's lease against the X emulator; each batch of DMs and the channel's cursor commit in one transaction
 * (a batch whose cursor cannot be written leaves nothing behind and is fetched again); the access token is refreshed
 * and the rotated pair saved sealed by compare-and-set; `x-rate-limit-*` and a 429 are waited out until X's reset;
 * replies leave through the outbox and their echo in `dm_events` is not a second message. Time runs 100× (the
 * emulator follows the same clock), so waits of a minute take under a second; nothing here depends on speed.
 */
const adapters = bothAdapters('hub-xpoll-');

const CARD = '4111 1111 1111 1111';
const TOKEN = /x-(access|refresh)-/;

/** The store's executor, with the channel cursor's write failing while `failing()` says so (inside the ingest's transaction). */
function cursorWriteFails(inner: SqlExecutor, failing: () => boolean): SqlExecutor {
  const wrap = (q: SqlExecutor): SqlExecutor => ({
    dialect: q.dialect,
    all: (sql, params) => q.all(sql, params),
    get: (sql, params) => q.get(sql, params),
    run: async (sql, params) => {
      if (failing() && /^UPDATE channels SET cursor/.test(sql)) throw new Error('injected: the cursor could not be written');
      return q.run(sql, params);
    },
    tx: (fn) => q.tx((t) => fn(wrap(t))),
    serializeEvents: () => q.serializeEvents(),
    eventLockCondition: () => q.eventLockCondition(),
    close: () => q.close(),
  });
  return wrap(inner);
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`X polled at the hub: ${name}`, () => {
    const time = fastTime(100);
    let x: XEmulator;
    let store: HubStore;
    let channels: HubChannels;
    let itPair: { accessToken: string; refreshToken: string };
    let failCursor = false;
    const logs: string[] = [];
    const sealer = new OriginalsSealer('acme', ((k) => () => k)(generateSealingKey(1)), crypto.randomBytes(32));

    beforeAll(async () => {
      x = await XEmulator.start({ tokenTag: `hubpoll-${name}-` });
      x.now = time.clock.now;
      x.pageSize = 5;
      const base = await open(time.clock.now);
      await base.migrate();
      store = new HubStore(cursorWriteFails(base.q, () => failCursor), time.clock.now);
      await store.saveChannel({ id: 'xa', kind: 'x', name: 'X', config: { baseUrl: x.url, pollIntervalMs: 20_000 }, enabled: true }, { actor: 'it:test', device: null });
      // IT's first pair, already expired: the first poll refreshes it.
      const itDir = tmpDir('hub-xpoll-it-');
      itPair = x.issue();
      fs.writeFileSync(path.join(itDir, 'xa.token'), JSON.stringify({ ...itPair, clientId: x.clientId, expiresAt: 0 }), { mode: 0o400 });
      const setup = new HubChannelSetup(store);
      const { vault } = hubChannelSecrets({ store, setup, sealer, it: new CredentialsDirSecrets(itDir), nodeId: 'n1' });
      channels = new HubChannels({
        store,
        leases: localLeases(),
        sealer,
        vault,
        clock: time.clock,
        log: (l) => logs.push(JSON.stringify(l)),
        retryMs: 100,
        runtime: { sleep: time.sleep, errorBackoff: { baseMs: 5_000, capMs: 20_000 }, outboxIdleMs: 20_000 },
        setup,
        nodeId: 'n1',
      });
    });
    afterAll(async () => {
      await channels?.stop();
      await store?.close();
      await x?.close();
    });

    const inbound = async () => Number((await store.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM messages WHERE channel_id = 'xa' AND direction = 'in'"))!.n);
    const distinctIds = async () => Number((await store.q.get<{ n: number }>("SELECT COUNT(DISTINCT platform_message_id) AS n FROM messages WHERE channel_id = 'xa'"))!.n);
    const newestInbound = () => x.events.find((e) => e.sender_id !== x.me.id)!.id;

    it('stores every DM once with the cursor, masked, after refreshing the token and saving the rotated pair by compare-and-set', async () => {
      for (let i = 0; i < 12; i++) x.addInbound(String(2200000001 + (i % 3)), `Refund ${i} please, card ${CARD}`);
      channels.start();
      await until(async () => (await inbound()) === 12, 'twelve DMs over three pages');
      expect(await distinctIds()).toBe(12);
      expect(await store.channelCursor('xa')).toBe(newestInbound());
      const texts = await store.q.all<{ masked_text: string }>("SELECT masked_text FROM messages WHERE channel_id = 'xa'");
      for (const t of texts) expect(t.masked_text).not.toContain(CARD);
      expect(Number((await store.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE kind = 'message.added' AND channel_id = 'xa'"))!.n)).toBe(12);
      expect(Number((await store.q.get<{ n: number }>("SELECT COUNT(*) AS n FROM conversations WHERE channel_id = 'xa'"))!.n)).toBe(3);

      // IT's refresh token is spent at X; the rotated pair is in the database, sealed, and audited by name only.
      expect(x.refreshTokens.has(itPair.refreshToken)).toBe(false);
      const saved = await store.q.get<{ sealed: Buffer; updated_by: string }>("SELECT sealed, updated_by FROM hub_secrets WHERE name = 'xa.token'");
      expect(saved!.updated_by).toBe('hub:n1');
      const pair = JSON.parse(sealer.openSecret('xa.token', Buffer.from(saved!.sealed))) as { refreshToken: string; accessToken: string };
      expect(x.refreshTokens.has(pair.refreshToken)).toBe(true);
      expect(Buffer.from(saved!.sealed).toString('latin1')).not.toMatch(TOKEN);
      expect(await store.q.all("SELECT actor, target FROM audit WHERE action = 'hub.secret_rotated'")).toEqual([{ actor: 'hub:n1', target: 'secret:xa.token' }]);
      expect(logs.some((l) => l.includes('x.token_refreshed'))).toBe(true);
      expect(logs.filter((l) => TOKEN.test(l))).toEqual([]);
    }, 60_000);

    it('a batch whose cursor cannot be written leaves neither its messages nor the cursor; the next poll stores them once', async () => {
      const cursorBefore = await store.channelCursor('xa');
      const calls = () => x.calls.filter((c) => c.route === 'dm_events').length;
      failCursor = true;
      for (let i = 0; i < 3; i++) x.addInbound('2200000004', `arrived while the cursor could not be written ${i}`);
      const before = calls();
      await until(() => calls() >= before + 2 && logs.some((l) => l.includes('injected')), 'polls whose transaction fails');
      expect(await inbound()).toBe(12);
      expect(await store.channelCursor('xa')).toBe(cursorBefore);
      failCursor = false;
      await until(async () => (await inbound()) === 15, 'the three DMs once the cursor can be written');
      expect(await distinctIds()).toBe(15);
      expect(await store.channelCursor('xa')).toBe(newestInbound());
    }, 60_000);

    it('waits for x-rate-limit-reset at zero remaining calls, and for the reset a 429 names, without another call before it', async () => {
      const calls = () => x.calls.filter((c) => c.route === 'dm_events');
      const resetAt = Math.floor(time.clock.now() / 1000) + 120;
      x.limit = { limit: 300, remaining: 1, resetAt };
      x.addInbound('2200000001', 'the last call of the window');
      await until(async () => (await inbound()) === 16, 'the poll that spends the window');
      const spent = calls().length;
      x.addInbound('2200000001', 'after the reset');
      await until(async () => (await inbound()) === 17, 'the poll after the reset');
      // Quiet until X's reset, not the 20 s poll interval, and no 429 asked for.
      expect(calls()[spent]!.at).toBeGreaterThanOrEqual(resetAt * 1000 - 1_000);
      expect(x.calls.some((c) => c.status === 429)).toBe(false);

      const reset429 = Math.floor(time.clock.now() / 1000) + 90;
      x.faults.add('dm_events', {
        kind: 'status',
        status: 429,
        body: { title: 'Too Many Requests', status: 429 },
        headers: { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset429) },
      });
      const at429 = calls().length;
      x.addInbound('2200000001', 'after the 429');
      await until(async () => (await inbound()) === 18, 'the DM after the 429');
      expect(calls()[at429]!.status).toBe(429);
      expect(calls()[at429 + 1]!.at).toBeGreaterThanOrEqual(reset429 * 1000 - 1_000);
      await until(async () => (await store.q.get<{ state: string }>("SELECT state FROM channel_health WHERE channel_id = 'xa'"))?.state === 'ok', 'the channel healthy again');
    }, 60_000);

    it("sends a reply through the hub's outbox; X's echo of it in dm_events, even listed before the send returns, is not a second message", async () => {
      const conv = (await store.q.get<{ id: number }>("SELECT id FROM conversations WHERE channel_id = 'xa' AND platform_conversation_id = ?", ['1100000009-2200000001']))!;
      // X lists the reply in dm_events before its send is answered: the poll that brings its echo waits for the reply's mark.
      x.answerSendsAfterListing = true;
      const p = sealer.prepareReply('Your refund was issued today.');
      await store.enqueueReply({ conversationId: conv.id, authorId: null, device: 'desk', clientId: `client-x-${name}-1`, maskedText: p.maskedText, fields: p.fields, seal: p.seal, outboxText: p.outboxText, actor: { actor: 'amal' } });
      channels.wake('xa');
      await until(() => x.sent.length === 1, 'the reply at X');
      expect(x.sent[0]).toMatchObject({ participant: '2200000001', text: 'Your refund was issued today.' });
      await until(async () => (await store.q.get<{ state: string }>('SELECT state FROM outbox WHERE client_id = ?', [`client-x-${name}-1`]))?.state === 'sent', 'the reply marked sent');
      x.answerSendsAfterListing = false;
      x.addInbound('2200000001', 'thanks!');
      await until(async () => (await inbound()) === 19, 'the next poll');
      const out = await store.q.all<{ platform_message_id: string }>("SELECT platform_message_id FROM messages WHERE channel_id = 'xa' AND direction = 'out'");
      expect(out).toEqual([{ platform_message_id: x.sent[0]!.id }]);
      expect(await store.channelCursor('xa')).toBe(newestInbound());
      expect(logs.filter((l) => TOKEN.test(l))).toEqual([]);
    }, 60_000);

    it("a reply whose echo was stored first (X's webhook at another node) is still marked sent; the echo keeps X's id", async () => {
      await channels.stop(); // the store alone: nothing sends this reply
      const conv = (await store.q.get<{ id: number }>("SELECT id FROM conversations WHERE channel_id = 'xa' AND platform_conversation_id = ?", ['1100000009-2200000001']))!;
      const p = sealer.prepareReply('Echoed before its mark.');
      const r = await store.enqueueReply({ conversationId: conv.id, authorId: null, device: 'desk', clientId: `client-x-${name}-2`, maskedText: p.maskedText, fields: p.fields, seal: p.seal, outboxText: p.outboxText, actor: { actor: 'amal' } });
      const echoId = '1880000000000999999';
      await store.ingest('xa', [
        { platformMessageId: echoId, platformConversationId: '1100000009-2200000001', contact: { platformUserId: '2200000001' }, direction: 'out', maskedText: 'Echoed before its mark.', sealedText: null, sentAt: time.clock.now(), attachments: [], fields: [], seal: () => ({ text: null, fields: [] }) },
      ]);
      await store.markOutbox(r.outboxId, 'sent', null, { platformMessageId: echoId });
      expect(await store.q.get('SELECT state FROM outbox WHERE id = ?', [r.outboxId])).toEqual({ state: 'sent' });
      expect(await store.q.all("SELECT direction FROM messages WHERE channel_id = 'xa' AND platform_message_id = ?", [echoId])).toEqual([{ direction: 'out' }]);
    });
  });
}
