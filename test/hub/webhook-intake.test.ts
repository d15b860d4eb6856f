import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSignature, parseChannelPayload, xSignature } from '../../main/core/connectors';
import { CredentialsDirSecrets, startHubNode, type HubConfig, type RunningHub } from '../../main/hub';
import { corpus } from '../fixtures/platforms/corpus';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, seedHub, until, type HubFiles } from './harness';

const APP_SECRET = `app-${crypto.randomBytes(12).toString('hex')}`;
const VERIFY_TOKEN = `verify-${crypto.randomBytes(8).toString('hex')}`;
const X_SECRET = `consumer-${crypto.randomBytes(12).toString('hex')}`;
const IT = { actor: 'it:test' };

/** A WhatsApp delivery of text messages from one customer. */
function waBody(ids: string[], from = '34600111222', text = 'My card 4111 1111 1111 1111 was charged twice'): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '310000000000001',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550100000', phone_number_id: '420000000000002' },
              contacts: [{ profile: { name: 'Ana Ruiz' }, wa_id: from }],
              messages: ids.map((id) => ({ from, id, timestamp: '1767225600', type: 'text', text: { body: `${text} (${id})` } })),
            },
          },
        ],
      },
    ],
  });
}

/**
 * Webhook intake at the hub (what the relay used to do), one node in this process on a real PostgreSQL: Meta's
 * handshake and X's CRC, signatures over the raw bytes with the channel's secret from the hub's secret store, the
 * connectors' own parsers, masking and sealing at ingest, de-duplication, the relay's limits and flood control.
 */
describe('hub webhook intake', () => {
  let custodian: CustodianProcess;
  let pg: TestPostgres;
  let files: HubFiles;
  let hub: RunningHub;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const logs: string[] = [];
  const agent = new Agent({ connect: { rejectUnauthorized: false } });

  async function post(channel: string, body: string | Buffer, o: { signature?: string | null; header?: string; contentType?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/json' };
    const sig = o.signature === undefined ? hubSignature(body, APP_SECRET) : o.signature;
    if (sig !== null) headers[o.header ?? 'x-hub-signature-256'] = sig;
    const r = await request(`${hub.url}/webhooks/${channel}`, { method: 'POST', dispatcher: agent, headers, body });
    return { status: r.statusCode, text: await r.body.text() };
  }

  async function get(pathAndQuery: string) {
    const r = await request(`${hub.url}${pathAndQuery}`, { dispatcher: agent });
    return { status: r.statusCode, text: await r.body.text(), headers: r.headers };
  }

  const storedIds = async (channel: string) =>
    (await seed.store.q.all<{ platform_message_id: string }>('SELECT platform_message_id FROM messages WHERE channel_id = ? ORDER BY id', [channel])).map((r) => r.platform_message_id);

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    const put = (name: string, value: string) => fs.writeFileSync(path.join(files.credentials, name), value, { mode: 0o400 });
    for (const id of ['wa', 'fb', 'ig']) {
      put(`${id}.app-secret`, APP_SECRET);
      put(`${id}.verify-token`, VERIFY_TOKEN);
    }
    put('xa.consumer-secret', X_SECRET);
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }] });
    // These channels have no token: the lease holder's runtime cannot send on them (it reports that in its health);
    // intake needs only the webhook secrets.
    await seed.store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp', enabled: true, config: { settings: { phoneNumberId: '420000000000002' } } }, IT);
    await seed.store.saveChannel({ id: 'fb', kind: 'messenger', name: 'Page', enabled: true, config: { settings: { pageId: '700000000000001' } } }, IT);
    await seed.store.saveChannel({ id: 'ig', kind: 'instagram', name: 'Instagram', enabled: true, config: { settings: { pageId: '700000000000001', accountId: '17840000000000009' } } }, IT);
    await seed.store.saveChannel({ id: 'xa', kind: 'x', name: 'X', enabled: true, config: { settings: { userId: '1500000000000000001' } } }, IT);
    await seed.store.saveChannel({ id: 'off', kind: 'whatsapp', name: 'Old number', enabled: false, config: { settings: { phoneNumberId: '1' } } }, IT);
    const config: HubConfig = inProcessHubConfig(files, pg.url, {
      // Consoles only from a range this test is not in: webhooks do not depend on it.
      officeRanges: ['10.99.0.0/16'],
      sessions: { idleMinutes: 15, requireTwoFactor: false },
      limits: { maxBufferedBytes: 64 * 1024, maxFrameBytes: 4 * 1024, maxBodyBytes: 8 * 1024, maxConsoles: 100 },
      webhooks: { maxBodyBytes: 64 * 1024, maxConcurrentBodies: 4, flood: { perSender: { perMinute: 1, burst: 3 }, perChannel: { perMinute: 100_000, burst: 100_000 } } },
    });
    hub = await startHubNode({ config, secrets: new CredentialsDirSecrets(files.credentials), log: (l) => logs.push(JSON.stringify(l)) });
  }, 60_000);

  afterAll(async () => {
    await custodian?.stop();
    await hub?.close();
    await agent.close();
    await seed?.store.close();
    await pg?.destroy();
  }, 60_000);

  it("answers Meta's verification handshake only with the channel's verify token, and X's CRC with its consumer secret", async () => {
    const ok = await get(`/webhooks/wa?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
    expect(ok).toMatchObject({ status: 200, text: '1158201444' });
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/webhooks/wa?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong')).status).toBe(403);
    expect((await get(`/webhooks/nope?hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`)).status).toBe(404);
    expect((await get(`/webhooks/off?hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`)).status).toBe(404);

    const crc = await get('/webhooks/xa?crc_token=challenge-abc');
    expect(crc.status).toBe(200);
    expect(JSON.parse(crc.text)).toEqual({ response_token: xSignature('challenge-abc', X_SECRET) });
    expect(JSON.parse(crc.text).response_token).toBe(`sha256=${crypto.createHmac('sha256', X_SECRET).update('challenge-abc').digest('base64')}`);
    expect((await get('/webhooks/xa')).status).toBe(403);
  });

  it('stores a signed delivery once, masked and sealed, and refuses unsigned and tampered ones before parsing', async () => {
    const body = waBody(['wamid.A1', 'wamid.A2']);
    expect((await post('wa', body)).status).toBe(200);
    expect((await post('wa', body, { signature: null })).status).toBe(401);
    const tampered = body.replace('charged twice', 'charged once');
    expect((await post('wa', tampered, { signature: hubSignature(body, APP_SECRET) })).status).toBe(401);
    expect((await post('wa', body, { signature: hubSignature(body, 'another-app-secret') })).status).toBe(401);
    expect((await post('wa', 'not json {', { signature: null })).status).toBe(401); // unsigned garbage is never parsed

    expect(await storedIds('wa')).toEqual(['wamid.A1', 'wamid.A2']);
    const rows = await seed.store.q.all<{ masked_text: string; sealed_text: Buffer | null }>("SELECT masked_text, sealed_text FROM messages WHERE channel_id = 'wa'");
    for (const r of rows) {
      expect(r.masked_text).not.toMatch(/4111 1111/);
      expect(r.sealed_text?.length).toBeGreaterThan(0);
      expect(r.sealed_text!.toString('latin1')).not.toMatch(/4111 1111/);
    }
    // Each stored message is an event for the consoles, like a polled one.
    const events = await seed.store.q.all<{ kind: string }>("SELECT kind FROM events WHERE channel_id = 'wa' AND kind = 'message.added'");
    expect(events).toHaveLength(2);
  });

  it('ignores a replayed body and a message id seen before, so nothing is stored twice', async () => {
    const body = waBody(['wamid.R1']);
    expect((await post('wa', body)).status).toBe(200);
    expect((await post('wa', body)).status).toBe(200);
    expect((await post('wa', waBody(['wamid.R1', 'wamid.R2'], '34600111333', 'second try'))).status).toBe(200);
    const ids = await storedIds('wa');
    expect(ids.filter((i) => i === 'wamid.R1')).toHaveLength(1);
    expect(ids).toContain('wamid.R2');
  });

  it('refuses bodies of the wrong size, type or shape with the right status, and acknowledges another product', async () => {
    const big = waBody(['wamid.BIG'], '34600111444', 'x'.repeat(70 * 1024));
    expect((await post('wa', big)).status).toBe(413);
    expect((await post('wa', waBody(['wamid.T']), { contentType: 'text/plain' })).status).toBe(415);
    const notJson = 'not json {';
    expect((await post('wa', notJson, { signature: hubSignature(notJson, APP_SECRET) })).status).toBe(400);
    const shapeless = JSON.stringify({ hello: 'world' });
    expect((await post('wa', shapeless, { signature: hubSignature(shapeless, APP_SECRET) })).status).toBe(400);
    const page = JSON.stringify({ object: 'page', entry: [] });
    expect((await post('wa', page, { signature: hubSignature(page, APP_SECRET) }))).toMatchObject({ status: 200, text: 'EVENT_RECEIVED' });
    expect(await storedIds('wa')).not.toContain('wamid.BIG');
    expect(await storedIds('wa')).not.toContain('wamid.T');
  });

  it('reads at most maxConcurrentBodies bodies at once: past it, 503 with Retry-After before the body is read', async () => {
    const { port } = new URL(hub.url);
    const slow = await Promise.all(
      Array.from({ length: 4 }, () => {
        return new Promise<tls.TLSSocket>((resolve) => {
          const s = tls.connect({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false }, () => {
            // Headers and the first byte of a 1,000-byte body, then nothing: each holds one body slot.
            s.write('POST /webhooks/wa HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
            resolve(s);
          });
          s.on('error', () => {});
        });
      }),
    );
    try {
      const busy = await until(async () => {
        const r = await request(`${hub.url}/webhooks/wa`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' }, body: '{}' });
        await r.body.dump();
        return r.statusCode === 503 ? r : null;
      }, 'a fifth body to be turned away');
      expect(busy.headers['retry-after']).toBe('1');
      expect((await hub.health()).webhooks.wa!.refused.busy).toBeGreaterThan(0);
    } finally {
      for (const s of slow) s.destroy();
    }
    // The slots come back when those senders go away.
    await until(async () => (await post('wa', waBody(['wamid.AFTER'], '34600555000'))).status === 200, 'intake to take bodies again');
  });

  it('cuts a sender that never finishes its headers, however slowly it keeps trickling (slowloris)', async () => {
    const { port } = new URL(hub.url);
    const s = tls.connect({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false });
    s.on('error', () => {});
    const closed = new Promise<void>((resolve) => s.once('close', () => resolve()));
    await new Promise<void>((resolve) => s.once('secureConnect', () => resolve()));
    s.write('POST /webhooks/wa HTTP/1.1\r\nHost: hub\r\n');
    // One header byte every half second, never the blank line: before the headers deadline (15 s, checked every
    // second) this went on for 38–48 s at the relay. Counted in trickles, not timed: 60 trickles are 30 s of sending.
    let trickles = 0;
    let cut = false;
    void closed.then(() => (cut = true));
    while (!cut && trickles < 60) {
      s.write('X');
      trickles++;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(cut, `still open after ${trickles} trickles`).toBe(true);
    s.destroy();
  }, 60_000);

  it('holds a flood from one sender in quarantine (sealed), still acknowledges it, and counts it', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `wamid.F${i}`);
    expect((await post('wa', waBody(ids, '34600999000', 'spam spam'))).status).toBe(200);
    const stored = (await storedIds('wa')).filter((i) => i.startsWith('wamid.F'));
    expect(stored).toEqual(['wamid.F0', 'wamid.F1', 'wamid.F2']); // the burst of 3 per sender
    const held = await seed.store.q.all<{ platform_message_id: string; sealed: Buffer }>("SELECT platform_message_id, sealed FROM webhook_quarantine WHERE channel_id = 'wa' ORDER BY id");
    expect(held.map((h) => h.platform_message_id)).toEqual(['wamid.F3', 'wamid.F4', 'wamid.F5']);
    for (const h of held) expect(h.sealed.toString('latin1')).not.toMatch(/spam/);
    // Redelivered, the held ones are recognised and not held (or stored) again.
    expect((await post('wa', waBody(ids, '34600999000', 'spam spam'))).status).toBe(200);
    expect((await seed.store.q.all("SELECT 1 FROM webhook_quarantine WHERE channel_id = 'wa'")).length).toBe(3);
    const audit = await seed.store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'webhook.quarantined'");
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ messages: 3, reason: 'flood' }]);
    expect((await hub.health()).webhooks.wa!.quarantined).toBe(3);
  });

  it('passes WhatsApp delivery statuses on to the reply they are about', async () => {
    const conv = (await seed.store.conversations({})).find((c) => c.channelId === 'wa')!;
    const amal = seed.ids.amal!;
    const out = await seed.store.enqueueReply({
      conversationId: conv.id,
      authorId: amal,
      device: 'desk',
      clientId: 'client-0001',
      maskedText: 'On its way',
      fields: [],
      seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('queued reply'),
      actor: { actor: 'amal' },
    });
    await seed.store.markOutbox(out.outboxId, 'sent', null, { platformMessageId: 'wamid.OUT1' });
    const statuses = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '310000000000001', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '420000000000002' }, statuses: [{ id: 'wamid.OUT1', status: 'read', timestamp: '1767225700', recipient_id: '34600111222' }] } }] }],
    });
    expect((await post('wa', statuses)).status).toBe(200);
    expect((await seed.store.q.get<{ state: string }>('SELECT state FROM outbox WHERE id = ?', [out.outboxId]))?.state).toBe('read');
  });

  it('takes every fixture delivery of WhatsApp, Messenger, Instagram and X through the same parsers as the connectors', async () => {
    const cases: Array<{ channel: string; platform: 'whatsapp' | 'messenger' | 'instagram' | 'x'; payload: unknown; name: string }> = [
      ...corpus('whatsapp').cases.map((c) => ({ channel: 'wa', platform: 'whatsapp' as const, payload: c.payload, name: c.name })),
      ...corpus('messenger').cases.map((c) => ({ channel: 'fb', platform: 'messenger' as const, payload: c.payload, name: c.name })),
      ...corpus('instagram').cases.map((c) => ({ channel: 'ig', platform: 'instagram' as const, payload: c.payload, name: c.name })),
      ...(corpus('x').webhooks ?? []).map((c) => ({ channel: 'xa', platform: 'x' as const, payload: c.payload, name: c.name })),
    ];
    const settings = { wa: { phoneNumberId: '420000000000002' }, fb: { selfIds: ['700000000000001'] }, ig: { selfIds: ['700000000000001', '17840000000000009'] }, xa: {} } as const;
    for (const c of cases) {
      const raw = JSON.stringify(c.payload);
      const signature = c.platform === 'x' ? xSignature(raw, X_SECRET) : hubSignature(raw, APP_SECRET);
      const r = await post(c.channel, raw, { signature, header: c.platform === 'x' ? 'x-twitter-webhooks-signature' : 'x-hub-signature-256' });
      expect(r.status, `${c.platform}: ${c.name}`).toBe(200);
      // What the connector's parser makes of it is what the hub holds now: stored, or held by flood control (this
      // node lets a sender send 3 at once, and the fixtures reuse a few customers).
      const expected = parseChannelPayload(c.platform, c.payload, { ...settings[c.channel as keyof typeof settings], now: Date.now() }).flatMap((i) =>
        i.type === 'message' ? [i.message.platformMessageId] : [],
      );
      const held = await seed.store.q.all<{ platform_message_id: string }>('SELECT platform_message_id FROM webhook_quarantine WHERE channel_id = ?', [c.channel]);
      const have = new Set([...(await storedIds(c.channel)), ...held.map((h) => h.platform_message_id)]);
      for (const id of expected) expect(have.has(id), `${c.platform}: ${c.name} → ${id}`).toBe(true);
    }
    for (const channel of ['fb', 'ig', 'xa']) expect((await storedIds(channel)).length, channel).toBeGreaterThan(0);
    // X signs with its own header and secret: a Meta-style signature is refused.
    const x = JSON.stringify(corpus('x').webhooks![0]!.payload);
    expect((await post('xa', x, { signature: hubSignature(x, X_SECRET), header: 'x-twitter-webhooks-signature' })).status).toBe(401);
  });

  it('says in words when a channel’s webhooks fail their signature, and keeps health and logs free of customer data and secrets', async () => {
    const body = waBody(['wamid.H1']);
    expect((await post('wa', body, { signature: hubSignature(body, 'rotated-at-meta') })).status).toBe(401);
    let h = await hub.health();
    expect(h.webhookProblems.join(' ')).toMatch(/Webhooks for channel "wa" are being refused: their signature does not match the secret this hub holds \("wa\.app-secret"/);
    // A forged webhook from the internet must not make a healthy node look down to its load balancer.
    expect(h.ok).toBe(true);
    expect((await get('/healthz')).status).toBe(200);
    expect((await post('wa', body)).status).toBe(200);
    h = await hub.health();
    expect(h.webhookProblems.join(' ')).not.toMatch(/"wa"/);
    expect(h.webhooks.wa!.refused.bad_signature).toBeGreaterThan(0);
    const metrics = await get('/metrics');
    expect(metrics.text).toMatch(/diwan_hub_webhooks_total\{node="n1",channel="wa",outcome="refused",reason="bad_signature"\} \d+/);
    const everything = JSON.stringify(h) + metrics.text + logs.join('\n');
    for (const leak of ['4111 1111', 'charged', 'Ana Ruiz', '34600111222', APP_SECRET, VERIFY_TOKEN, X_SECRET]) expect(everything).not.toContain(leak);
  });
});
