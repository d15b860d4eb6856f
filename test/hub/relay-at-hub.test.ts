import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../main/core/auth';
import { hubSignature } from '../../main/core/connectors';
import { RelayConnector, RelayLink, type DeviceSigner } from '../../main/core/connectors/relay-client';
import type { ConnectorContext } from '../../main/core/connectors/context';
import { CredentialsDirSecrets, startHubNode, type HubConfig, type RunningHub } from '../../main/hub';
import { relayStates } from '../../main/hub/store/relay-queue';
import { MetaEmulator } from '../emulators/meta';
import { discardHeld, listHeld, releaseHeld } from '../../main/core/team';
import { heldHub } from './held-hub';
import { inProcessHubConfig, until, type HubFiles } from './harness';

const WA_TOKEN = 'EAAG-hub-held-token-0123456789';
const CUSTOMER = '966501234567';
const IT = { actor: 'it:test' };

function device(): DeviceSigner & { publicKeyPem: string } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    fingerprint: fingerprintOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (data) => crypto.sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
  };
}

const ctx = (id: string) => ({ config: { id, kind: 'whatsapp' } }) as unknown as ConnectorContext;

/**
 * The hub serves the console ⇄ relay protocol v1 for a channel IT relays to named devices (`settings.relayTo`): one
 * hub node in this process on a real PostgreSQL, the Meta emulator posting signed webhooks to the hub, and the
 * console's own relay client (`RelayLink`, `RelayConnector`) over the hub's pinned TLS, signing in with an enrolled
 * Ed25519 device key. The hub queues, never ingests; the cursor acknowledges; replies leave once with the hub's token.
 */
describe('the hub as the relay for a desk', () => {
  let fixture: Awaited<ReturnType<typeof heldHub>>;
  let files: HubFiles;
  let seed: Awaited<ReturnType<typeof heldHub>>['seed'];
  let meta: MetaEmulator;
  let hub: RunningHub;
  let config: HubConfig;
  const logs: string[] = [];
  const desk = device();
  const stranger = device();
  const otherDesk = device();
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  const links: RelayLink[] = [];

  const link = (d: DeviceSigner, o: { localAddress?: string } = {}) => {
    const l = new RelayLink({ url: hub.url, pin: hub.pin, device: d, timeoutMs: 5_000, ...o });
    links.push(l);
    return l;
  };

  /** Meta's webhook to the hub: the raw bytes signed with the app secret. */
  async function webhook(payload: unknown): Promise<number> {
    const raw = Buffer.from(JSON.stringify(payload));
    const r = await request(`${hub.url}/webhooks/wa`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, meta.appSecret) },
      body: raw,
    });
    await r.body.dump();
    return r.statusCode;
  }

  async function startNode(port = 0): Promise<RunningHub> {
    return startHubNode({ config: { ...config, listen: { ...config.listen, port } }, secrets: new CredentialsDirSecrets(files.credentials), log: (l) => logs.push(JSON.stringify(l)) });
  }

  beforeAll(async () => {
    fixture = await heldHub(
      () => hub.url,
      async (f) => {
        meta = await MetaEmulator.start(WA_TOKEN, 300_000);
        const put = (name: string, value: string) => fs.writeFileSync(path.join(f.credentials, name), value, { mode: 0o400 });
        put('wa.app-secret', meta.appSecret);
        put('wa.verify-token', 'verify-relay-0123');
        put('wa.token', WA_TOKEN);
        return {};
      },
    );
    ({ files, seed } = fixture);
    await seed.store.enrolDevice({ fingerprint: desk.fingerprint, publicKey: desk.publicKeyPem, label: 'desk 1' }, IT);
    await seed.store.enrolDevice({ fingerprint: otherDesk.fingerprint, publicKey: otherDesk.publicKeyPem, label: 'desk 2' }, IT);
    await seed.store.saveChannel(
      { id: 'wa', kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { baseUrl: meta.url, settings: { phoneNumberId: meta.phoneNumberId, relayTo: [desk.fingerprint] } } },
      IT,
    );
    // The office is 127.0.0.1 alone: a console connecting from 127.0.0.2 is outside it.
    // One sender may send 8 at once: the flood test's ninth and tenth are held back.
    config = inProcessHubConfig(files, fixture.pg.url, { officeRanges: ['127.0.0.1/32'], webhooks: { flood: { perSender: { perMinute: 0.001, burst: 8 } } } });
    hub = await startNode();
  }, 90_000);

  afterAll(async () => {
    for (const l of links) await l.close();
    await hub?.close();
    await agent.close();
    await meta?.close();
    await fixture?.close();
  }, 60_000);

  it('queues a webhook for the named device instead of ingesting it; the device long-polls it and its cursor acknowledges it', async () => {
    const relay = new RelayConnector(ctx('wa'), link(desk), 2);
    const waiting = relay.pull(null, AbortSignal.timeout(10_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(await webhook(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'My card 4111 1111 1111 1111 was charged twice', id: 'wamid.A1' }]))).toBe(200);
    const first = await waiting;
    expect(first.messages.map((m) => [m.platformMessageId, m.text])).toEqual([['wamid.A1', 'My card 4111 1111 1111 1111 was charged twice']]);
    expect(first.cursor).toMatch(/^\d+@[0-9a-f]+$/);

    // Not ingested at the hub: the channel's connector does not run here (it would poll into the hub's
    // conversations), there is no conversation, no message; the waiting copy is sealed.
    expect((await hub.health()).channels).not.toContain('wa');
    expect(await seed.store.q.all("SELECT id FROM messages WHERE channel_id = 'wa'")).toEqual([]);
    const queued = await seed.store.q.all<{ sealed: Buffer }>('SELECT sealed FROM relay_events');
    expect(queued).toHaveLength(1);
    expect(Buffer.from(queued[0]!.sealed).toString('latin1')).not.toMatch(/4111 1111|charged/);

    // The same webhook again (Meta retries) while it waits: queued once.
    expect(await webhook(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'My card 4111 1111 1111 1111 was charged twice', id: 'wamid.A1' }]))).toBe(200);
    const again = await relay.pull(null, AbortSignal.timeout(10_000));
    expect(again.messages.map((m) => m.platformMessageId)).toEqual(['wamid.A1']);

    // The cursor acknowledges: the event is erased at the hub, and the next poll waits for new ones.
    const empty = await relay.pull(first.cursor ?? null, AbortSignal.timeout(10_000));
    expect(empty.messages).toEqual([]);
    expect(await seed.store.q.all('SELECT seq FROM relay_events')).toEqual([]);

    // Arabic and Persian text arrive as they were written (the console masks them at its own ingest).
    expect(await webhook(meta.waPayload([{ from: CUSTOMER, name: 'امید', text: 'سلام، شماره من ۰۹۱۲۳۴۵۶۷۸۹ است', id: 'wamid.A2' }]))).toBe(200);
    const persian = await relay.pull(first.cursor ?? null, AbortSignal.timeout(10_000));
    expect(persian.messages.map((m) => m.text)).toEqual(['سلام، شماره من ۰۹۱۲۳۴۵۶۷۸۹ است']);
    await relay.pull(persian.cursor ?? null, AbortSignal.timeout(10_000));
  }, 60_000);

  it('sends a reply with the token held at the hub exactly once, whatever the console retries', async () => {
    const relay = new RelayConnector(ctx('wa'), link(desk), 2);
    const item = { outboxId: 'ob-1-relay', messageId: '1', channelId: 'wa', platformConversationId: CUSTOMER, text: 'We are sorry; the second charge is refunded.', attempts: 1 };
    const sent = await relay.send(item, AbortSignal.timeout(10_000));
    expect(sent.platformMessageId).toMatch(/^wamid\./);
    expect(await relay.send(item, AbortSignal.timeout(10_000))).toEqual(sent);
    expect(meta.waSends.filter((s) => s.to === CUSTOMER)).toHaveLength(1);
    expect(meta.waSends[0]).toMatchObject({ to: CUSTOMER, body: { text: { body: 'We are sorry; the second charge is refunded.' } } });
    // Another enrolled desk cannot reuse the id, nor act on a channel that is not relayed to it.
    await expect(new RelayConnector(ctx('wa'), link(otherDesk), 2).send(item, AbortSignal.timeout(10_000))).rejects.toThrow(/does not relay channel wa to this computer/);
  }, 60_000);

  it('loses and repeats nothing when the hub restarts mid-stream: the unacknowledged event comes again, the acknowledged one never', async () => {
    const relay = new RelayConnector(ctx('wa'), link(desk), 1);
    const start = await relay.pull(null, AbortSignal.timeout(10_000));
    const base = start.cursor ?? null;
    expect(await webhook(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'first before restart', id: 'wamid.R1' }]))).toBe(200);
    const r1 = await relay.pull(base, AbortSignal.timeout(10_000));
    expect(r1.messages.map((m) => m.platformMessageId)).toEqual(['wamid.R1']);

    // The node stops before the console acknowledged R1; a new node takes the same address.
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await expect(relay.pull(r1.cursor ?? null, AbortSignal.timeout(10_000))).rejects.toThrow(/could not be reached|connection to the relay broke/);
    hub = await startNode(port);
    expect(await webhook(meta.waPayload([{ from: CUSTOMER, name: 'Noura', text: 'second after restart', id: 'wamid.R2' }]))).toBe(200);

    // The console did not store R1 (it crashed too): asking from its old cursor gets R1 and R2, once each.
    const resumed = await relay.pull(base, AbortSignal.timeout(10_000));
    expect(resumed.messages.map((m) => m.platformMessageId)).toEqual(['wamid.R1', 'wamid.R2']);
    // Stored now: from its new cursor nothing comes twice.
    const after = await relay.pull(resumed.cursor ?? null, AbortSignal.timeout(10_000));
    expect(after.messages).toEqual([]);
  }, 60_000);

  it('holds a flood for the desk instead of dropping it; a lead sees the count and releases it into the desk’s queue; health says what waits', async () => {
    const relay = new RelayConnector(ctx('wa'), link(desk), 2);
    const base = (await relay.pull(null, AbortSignal.timeout(10_000))).cursor ?? null;
    const flood = Array.from({ length: 10 }, (_, i) => ({ from: '966509999999', name: 'Bot', text: `flood ${i} card 4111 1111 1111 1111`, id: `wamid.F${i}` }));
    expect(await webhook(meta.waPayload(flood))).toBe(200);
    const first = await relay.pull(base, AbortSignal.timeout(10_000));
    expect(first.messages.map((m) => m.platformMessageId)).toEqual(flood.slice(0, 8).map((f) => f.id));

    // Waiting unacknowledged at the hub: every node says so, from the database.
    const h = await hub.health();
    expect(h.ok).toBe(true);
    expect(h.relay).toEqual([
      { channelId: 'wa', enabled: true, lastWebhookAt: expect.any(Number), desks: [expect.objectContaining({ device: desk.fingerprint, label: 'desk 1', waiting: 8, collectedAt: expect.any(Number), expired: 0 })] },
    ]);
    const metrics = await request(`${hub.url}/metrics`, { dispatcher: agent });
    expect(await metrics.body.text()).toContain(`diwan_hub_relay_events_waiting{node="${hub.nodeId}",channel="wa",device="${desk.fingerprint.slice(0, 16)}"} 8`);

    const { api, lead } = fixture;
    await fixture.signIn();
    expect(await api.call('GET', '/v1/quarantine', 'layla')).toEqual({ status: 200, body: { channels: [{ channelId: 'wa', held: 2, oldestAt: expect.any(Number) }] } });
    expect((await api.call('POST', '/v1/quarantine/wa/release', 'amal', {})).status).toBe(403);
    expect((await api.call('GET', '/v1/quarantine/messages', 'amal')).status).toBe(403);
    // The console's client (core/team/held.ts): the oldest held messages, opened and masked at the hub, then one chosen.
    const listed = await listHeld(lead);
    expect(listed.messages.map((m) => [m.channelId, m.sender, m.reason, m.readable])).toEqual([
      ['wa', 'Bot', 'sender_rate', true],
      ['wa', 'Bot', 'sender_rate', true],
    ]);
    expect(listed.messages[0]!.maskedText).toMatch(/^flood 8 card ⟦CARD/);
    expect(JSON.stringify(listed)).not.toContain('4111 1111');
    expect(await releaseHeld(lead, 'wa', { ids: [listed.messages[0]!.id] })).toEqual({ released: 1, delivered: 1, left: 1 });
    await expect(discardHeld(lead, 'wa', { ids: [listed.messages[0]!.id] })).rejects.toMatchObject({ code: 'quarantine_empty', status: 409 });
    expect(await api.call('POST', '/v1/quarantine/wa/release', 'layla', {})).toEqual({ status: 200, body: { released: 1, delivered: 1, left: 0 } });
    expect(await api.call('POST', '/v1/quarantine/wa/discard', 'layla', {})).toEqual({ status: 409, body: { error: 'quarantine_empty', message: expect.stringMatching(/nothing to release or discard/) } });
    const released = await relay.pull(first.cursor ?? null, AbortSignal.timeout(10_000));
    expect(released.messages.map((m) => [m.platformMessageId, m.text])).toEqual(flood.slice(8).map((f) => [f.id, f.text]));
    await relay.pull(released.cursor ?? null, AbortSignal.timeout(10_000));
    // (/healthz reads these figures at most every 5 s; the database has them at once.)
    expect((await relayStates(seed.store))[0]!.desks[0]).toMatchObject({ waiting: 0 });
  }, 60_000);

  it('refuses an unenrolled device and a console outside the office ranges, with a sentence, and audits each step without customer text', async () => {
    const unknown = new RelayConnector(ctx('wa'), link(stranger), 1);
    await expect(unknown.start(AbortSignal.timeout(10_000))).rejects.toMatchObject({ kind: 'token-rejected', message: 'This device is not enrolled on the relay. Ask IT to enrol its fingerprint.' });
    const raw = await request(`${hub.url}/v1/session/challenge`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fingerprint: stranger.fingerprint }) });
    expect(raw.statusCode).toBe(403);
    expect(await raw.body.json()).toEqual({ error: 'not_enrolled', message: expect.stringMatching(/not enrolled with the hub\. Ask IT/) });

    const outside = new RelayConnector(ctx('wa'), link(desk, { localAddress: '127.0.0.2' }), 1);
    await expect(outside.start(AbortSignal.timeout(10_000))).rejects.toMatchObject({ kind: 'token-rejected', message: expect.stringMatching(/not in the office ranges/) });

    const trail = await seed.store.q.all<{ action: string; details: string | null }>("SELECT action, details FROM audit WHERE action LIKE 'relay.%' ORDER BY seq");
    const actions = new Set(trail.map((a) => a.action));
    for (const a of ['relay.signed_in', 'relay.queued', 'relay.acknowledged', 'relay.reply.sending', 'relay.reply.sent', 'relay.signin_refused']) expect(actions).toContain(a);
    const held = await seed.store.q.all<{ action: string; details: string | null }>("SELECT action, details FROM audit WHERE action IN ('webhook.quarantined', 'guard.quarantine.released') ORDER BY seq");
    expect(held.map((a) => a.action)).toEqual(['webhook.quarantined', 'guard.quarantine.released', 'guard.quarantine.released']);
    const everything = JSON.stringify(trail) + JSON.stringify(held) + logs.join('\n');
    for (const secret of ['4111 1111', 'charged', 'flood 9', 'سلام', '۰۹۱۲', 'refunded', 'restart', WA_TOKEN]) expect(everything).not.toContain(secret);
  }, 60_000);

  it('a running node’s sweep erases a relayed event past the age limit, audits `relay.expired` with the count and logs counts only', async () => {
    expect(await webhook(meta.waPayload([{ from: '966500000077', name: 'Late', text: 'card 4111 1111 1111 1111, nobody collected this', id: 'wamid.OLD1' }]))).toBe(200);
    const waiting = () => seed.store.q.all<{ seq: number }>("SELECT seq FROM relay_events WHERE channel_id = 'wa' AND device = ? AND dedup = 'm:wamid.OLD1'", [desk.fingerprint]);
    expect(await waiting()).toHaveLength(1);
    const expiredBefore = Number((await seed.store.q.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM audit WHERE action = 'relay.expired'"))!.n);
    // A second node whose clock is past the age limit (14 days by default), sweeping every 50 ms instead of every 10 minutes.
    const sweepLogs: string[] = [];
    const late = await startHubNode({
      config: { ...config, nodeId: 'sweeper', listen: { ...config.listen, port: 0 } },
      secrets: new CredentialsDirSecrets(files.credentials),
      clock: { now: () => Date.now() + 15 * 86_400_000 },
      relaySweepMs: 50,
      log: (l) => sweepLogs.push(JSON.stringify(l)),
    });
    try {
      await until(async () => ((await waiting()).length === 0 ? true : null), 'the sweep to erase the old event');
      const entry = await until(
        async () => (await seed.store.q.all<{ target: string; details: string }>("SELECT target, details FROM audit WHERE action = 'relay.expired' ORDER BY seq")).slice(expiredBefore).find((e) => JSON.parse(e.details).device === desk.fingerprint),
        'the relay.expired audit entry',
      );
      expect(entry.target).toBe('channel:wa');
      expect(JSON.parse(entry.details)).toMatchObject({ device: desk.fingerprint, events: expect.any(Number) });
      expect(JSON.parse(entry.details).events).toBeGreaterThanOrEqual(1);
      await until(async () => (sweepLogs.some((l) => l.includes('"event":"relay.expired"')) ? true : null), 'the sweep’s log line');
      expect(sweepLogs.join('\n') + entry.details).not.toMatch(/4111 1111|nobody collected|Late/);
      expect((await relayStates(seed.store))[0]!.desks.find((x) => x.device === desk.fingerprint)).toMatchObject({ waiting: 0, expired: expect.any(Number) });
    } finally {
      await late.close();
    }
  }, 60_000);
});

