import crypto from 'node:crypto';
import net from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { relayProtocol } from '../../main/core/connectors/relay-client';
import { DeviceAuth } from '../../main/relay/device-auth';
import type { RunningRelay } from '../../main/relay/server';
import { startEmulators } from './emulators';
import { makeDevice, postWebhook, relayEnv, VERIFY_TOKEN, whatsappBody } from './harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(config?: Record<string, unknown>): Promise<RunningRelay> {
  const emu = await startEmulators('123456:TEST-bot-token-for-relay');
  cleanups.push(() => emu.close());
  const env = await relayEnv({ platformUrl: emu.url, config });
  const relay = await env.start();
  cleanups.push(() => relay.close());
  return relay;
}

/** A raw socket to the webhook port that sends `text` and keeps the connection open. */
function rawSocket(relay: RunningRelay, text: string): Promise<{ socket: net.Socket; received: () => string; closed: Promise<number> }> {
  const url = new URL(relay.webhookUrl);
  return new Promise((resolve, reject) => {
    let got = '';
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(text);
      const opened = Date.now();
      resolve({ socket, received: () => got, closed: new Promise((r) => socket.once('close', () => r(Date.now() - opened))) });
    });
    socket.on('data', (c) => (got += String(c)));
    socket.on('error', () => {});
    socket.once('error', reject);
    cleanups.push(() => void socket.destroy());
  });
}

describe('relay edge: what a hostile tester found', () => {
  it("10,050 challenge requests from another office host do not evict a console's pending challenge", () => {
    const victim = makeDevice();
    const other = makeDevice();
    const devices = new Map(
      [victim, other].map((d, i) => [d.fingerprint, { name: `desk-${i}`, fingerprint: d.fingerprint, key: crypto.createPublicKey(d.publicKeyPem) }]),
    );
    const auth = new DeviceAuth(devices, { now: () => Date.now() });
    const mine = auth.challenge(victim.fingerprint, '10.20.1.5');
    if (!mine || mine === 'busy') throw new Error('no challenge');
    // the attacker names the victim's fingerprint (it is not secret) and the other console's, from its own host
    for (let i = 0; i < 10_050; i++) expect(auth.challenge(i % 2 ? victim.fingerprint : other.fingerprint, '10.20.9.9')).not.toBe('busy');
    const timestamp = Date.now();
    const signature = victim.sign(relayProtocol.deviceAuthMessage(mine.nonce, timestamp, victim.fingerprint));
    expect(auth.open({ fingerprint: victim.fingerprint, nonce: mine.nonce, timestamp, signature })).toMatchObject({ ok: true });
  });

  it('caps concurrent webhook bodies: past the cap a delivery gets 503 with Retry-After before its body is read', async () => {
    const relay = await setup({ webhook: { host: '127.0.0.1', port: 0, maxConcurrentBodies: 2 } });
    const head = 'POST /webhooks/wa-main HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"object":';
    const slow = [await rawSocket(relay, head), await rawSocket(relay, head)];
    const third = await rawSocket(relay, head);
    await expect.poll(() => third.received(), { timeout: 5000 }).toMatch(/^HTTP\/1\.1 503/);
    expect(third.received()).toMatch(/retry-after: 1/i);
    expect(third.received()).toMatch(/x-content-type-options: nosniff/i);
    expect(relay.health().channels.find((c) => c.id === 'wa-main')!.webhooks.refused).toMatchObject({ busy: 1 });
    // the slots free up as soon as those bodies end (here: the senders give up)
    for (const s of slow) s.socket.destroy();
    await expect.poll(async () => (await postWebhook(relay, whatsappBody(['wamid.E1']))).status, { timeout: 5000 }).toBe(200);
  });

  it('cuts a socket that never finishes its headers at the configured 10 s, not after the 30 s check interval', async () => {
    const relay = await setup();
    const s = await rawSocket(relay, 'POST /webhooks/wa-main HTTP/1.1\r\nHost: relay\r\n');
    const heldMs = await s.closed;
    expect(heldMs).toBeGreaterThanOrEqual(9_000);
    expect(heldMs).toBeLessThan(20_000); // was 38–48 s: Node checked the deadline only every 30 s
  }, 40_000);

  it('the verify handshake echoes its challenge with nosniff, and every answer carries it', async () => {
    const relay = await setup();
    const ok = await request(`${relay.webhookUrl}/webhooks/wa-main?hub.mode=subscribe&hub.challenge=%3Chtml%3E&hub.verify_token=${VERIFY_TOKEN}`);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    await ok.body.dump();
    const missing = await request(`${relay.webhookUrl}/nowhere`);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    await missing.body.dump();
  });
});
