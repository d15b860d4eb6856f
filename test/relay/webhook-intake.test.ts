import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { relayProtocol } from '../../main/core/connectors/relay-client';
import type { RunningRelay } from '../../main/relay/server';
import { startEmulators, type Emulators } from './emulators';
import { hubSignature } from '../../main/core/connectors';
import { APP_SECRET, linkFor, postWebhook, relayEnv, VERIFY_TOKEN, whatsappBody, type RelayEnv } from './harness';

let emu: Emulators;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(config?: Record<string, unknown>): Promise<{ env: RelayEnv; relay: RunningRelay }> {
  emu = await startEmulators('123456:TEST-bot-token-for-relay');
  cleanups.push(() => emu.close());
  const env = await relayEnv({ platformUrl: emu.url, config });
  const r = await env.start();
  cleanups.push(() => r.close());
  return { env, relay: r };
}

async function events(env: RelayEnv, r: RunningRelay, channel = 'wa-main') {
  const link = linkFor(r, env.devices[0]!);
  cleanups.push(() => link.close());
  return link.expect(await link.call('GET', `/v1/channels/${channel}/events?after=0&limit=1000`), relayProtocol.eventsResponse).events;
}

describe('relay webhook intake', () => {
  it('answers the Meta verification handshake only with the right verify token', async () => {
    const { relay: r } = await setup();
    const ok = await request(`${r.webhookUrl}/webhooks/wa-main?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.text()).toBe('1158201444');
    const bad = await request(`${r.webhookUrl}/webhooks/wa-main?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong`);
    expect(bad.statusCode).toBe(403);
    await bad.body.dump();
    const unknown = await request(`${r.webhookUrl}/webhooks/nope?hub.mode=subscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`);
    expect(unknown.statusCode).toBe(404);
    await unknown.body.dump();
  });

  it('queues a signed delivery and refuses unsigned and tampered ones before parsing', async () => {
    const { env, relay: r } = await setup();
    const body = whatsappBody(['wamid.A1', 'wamid.A2']);
    expect((await postWebhook(r, body)).status).toBe(200);
    expect((await postWebhook(r, body, { signature: null })).status).toBe(401);
    const tampered = body.replace('#1182', '#9999');
    expect((await postWebhook(r, tampered, { signature: hubSignature(body, APP_SECRET) })).status).toBe(401);
    expect((await postWebhook(r, body, { signature: hubSignature(body, 'another-app-secret') })).status).toBe(401);
    expect((await postWebhook(r, 'not json {', { signature: null })).status).toBe(401); // unsigned garbage is never parsed

    const list = await events(env, r);
    expect(list.map((e) => (e.kind === 'message' ? e.message.platformMessageId : null))).toEqual(['wamid.A1', 'wamid.A2']);
    const h = r.health().channels.find((c) => c.id === 'wa-main')!;
    expect(h.webhooks.refused).toMatchObject({ unsigned: 2, bad_signature: 2 });
  });

  it('ignores a replayed body and a message id seen before, so nothing is queued twice', async () => {
    const { env, relay: r } = await setup();
    const body = whatsappBody(['wamid.B1']);
    expect((await postWebhook(r, body)).status).toBe(200);
    expect((await postWebhook(r, body)).status).toBe(200); // Meta's redelivery, or an attacker's replay
    // The same message inside a different delivery (Meta batches differently on retry).
    expect((await postWebhook(r, whatsappBody(['wamid.B1', 'wamid.B2']))).status).toBe(200);
    const list = await events(env, r);
    expect(list.map((e) => (e.kind === 'message' ? e.message.platformMessageId : ''))).toEqual(['wamid.B1', 'wamid.B2']);
    expect(r.health().channels.find((c) => c.id === 'wa-main')!.webhooks.duplicates).toBe(2);
  });

  it('refuses bodies of the wrong size, type or shape with the right status', async () => {
    const { relay: r } = await setup({ webhook: { host: '127.0.0.1', port: 0, maxBodyBytes: 4096 } });
    const big = whatsappBody(['wamid.C1'], '34600111222', 'x'.repeat(5000));
    expect((await postWebhook(r, big)).status).toBe(413);
    expect((await postWebhook(r, whatsappBody(['wamid.C2']), { contentType: 'text/plain' })).status).toBe(415);
    expect((await postWebhook(r, '{"object": "whatsapp_business_account", "entry": [')).status).toBe(400);
    expect((await postWebhook(r, '{"hello": 1}')).status).toBe(400);
    // Signed by Meta but for another product: acknowledged (retrying would not help) and counted.
    const other = JSON.stringify({ object: 'page', entry: [] });
    expect((await postWebhook(r, other)).status).toBe(200);
    const h = r.health().channels.find((c) => c.id === 'wa-main')!;
    expect(h.webhooks).toMatchObject({ ignored: 1, accepted: 0 });
    expect(h.webhooks.refused).toMatchObject({ too_large: 1, wrong_type: 1, malformed: 2 });
    expect(h.queued).toBe(0);
  });

  it('quarantines a flood from one sender, still acknowledges it, and counts it in health', async () => {
    const { env, relay: r } = await setup({ flood: { perSender: { perMinute: 1, burst: 3 }, perChannel: { perMinute: 1000, burst: 1000 } } });
    const ids = Array.from({ length: 10 }, (_, i) => `wamid.F${i}`);
    expect((await postWebhook(r, whatsappBody(ids))).status).toBe(200);
    expect((await postWebhook(r, whatsappBody(['wamid.G1'], '34600999888'))).status).toBe(200); // another customer
    const list = await events(env, r);
    expect(list).toHaveLength(4);
    const h = r.health();
    expect(h.channels.find((c) => c.id === 'wa-main')).toMatchObject({ queued: 4, quarantined: 7 });
    expect(h.queue).toMatchObject({ depth: 4, quarantined: 7 });
  });

  it('passes WhatsApp delivery statuses on as receipts', async () => {
    const { env, relay: r } = await setup();
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '420000000000002' }, statuses: [{ id: 'wamid.OUT1', status: 'read', timestamp: '1767225700', recipient_id: '34600111222' }] } }] }],
    });
    expect((await postWebhook(r, body)).status).toBe(200);
    const list = await events(env, r);
    expect(list).toEqual([{ seq: expect.any(Number), kind: 'receipt', receipt: { platformMessageId: 'wamid.OUT1', state: 'read' } }]);
  });

  it('keeps health free of customer data and secrets', async () => {
    const { env, relay: r } = await setup();
    await postWebhook(r, whatsappBody(['wamid.H1'], '34600111222', 'my national id is 1234567890'));
    const insecure = new Agent({ connect: { rejectUnauthorized: false } });
    cleanups.push(() => insecure.close());
    const res = await request(`${r.consoleUrl}/healthz`, { dispatcher: insecure });
    expect(res.statusCode).toBe(200);
    const text = await res.body.text();
    const h = JSON.parse(text);
    expect(h.queue.depth).toBe(1);
    expect(h.consoles.enrolled).toBe(2);
    for (const leak of ['1234567890', '34600111222', 'Ana', APP_SECRET, VERIFY_TOKEN]) expect(text).not.toContain(leak);
    const logs = JSON.stringify(env.logs);
    for (const leak of ['1234567890', '34600111222', APP_SECRET, VERIFY_TOKEN]) expect(logs).not.toContain(leak);
  });
});
