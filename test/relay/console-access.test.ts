import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { relayProtocol } from '../../main/core/connectors/relay-client';
import type { RunningRelay } from '../../main/relay/server';
import { startEmulators } from './emulators';
import { linkFor, makeDevice, relayEnv, type RelayEnv } from './harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(officeRanges?: string[]): Promise<{ env: RelayEnv; relay: RunningRelay }> {
  const emu = await startEmulators('123456:TEST-bot-token-for-relay');
  cleanups.push(() => emu.close());
  const env = await relayEnv({ platformUrl: emu.url, officeRanges });
  const relay = await env.start();
  cleanups.push(() => relay.close());
  return { env, relay };
}

/** A client that skips certificate checks (these tests are about the relay's own checks), from `localAddress`. */
function insecure(localAddress?: string): Agent {
  const a = new Agent({ connect: { rejectUnauthorized: false }, ...(localAddress ? { localAddress } : {}) });
  cleanups.push(() => a.close());
  return a;
}

async function post(relay: RunningRelay, path: string, body: unknown, localAddress?: string) {
  const dispatcher = insecure(localAddress);
  const res = await request(`${relay.consoleUrl}${path}`, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, body: (await res.body.json()) as { error?: string; nonce?: string; token?: string } };
}

describe('relay console access', () => {
  it('lets an enrolled device in range sign in and read events', async () => {
    const { env, relay } = await setup();
    const link = linkFor(relay, env.devices[0]!);
    cleanups.push(() => link.close());
    const reply = await link.call('GET', '/v1/channels/wa-main/events?after=0');
    expect(link.expect(reply, relayProtocol.eventsResponse)).toEqual({ events: [], more: false });
  });

  it('refuses a device that is not enrolled', async () => {
    const { relay } = await setup();
    const stranger = makeDevice();
    const r = await post(relay, '/v1/session/challenge', { fingerprint: stranger.fingerprint });
    expect(r).toMatchObject({ status: 403, body: { error: 'not_enrolled' } });
    const link = linkFor(relay, stranger);
    cleanups.push(() => link.close());
    await expect(link.ensureSession()).rejects.toMatchObject({ kind: 'token-rejected', message: expect.stringMatching(/not enrolled/) });
  });

  it('refuses a device that claims an enrolled fingerprint without its key, and a reused or forged challenge', async () => {
    const { env, relay } = await setup();
    const enrolled = env.devices[0]!;
    const impostor = makeDevice();
    const c = await post(relay, '/v1/session/challenge', { fingerprint: enrolled.fingerprint });
    expect(c.status).toBe(200);
    const timestamp = Date.now();
    const forged = impostor.sign(relayProtocol.deviceAuthMessage(c.body.nonce!, timestamp, enrolled.fingerprint));
    expect(await post(relay, '/v1/session', { fingerprint: enrolled.fingerprint, nonce: c.body.nonce, timestamp, signature: forged })).toMatchObject({
      status: 403,
      body: { error: 'bad_signature' },
    });
    // The nonce was used up by the failed attempt: even the right signature cannot reuse it.
    const real = enrolled.sign(relayProtocol.deviceAuthMessage(c.body.nonce!, timestamp, enrolled.fingerprint));
    expect(await post(relay, '/v1/session', { fingerprint: enrolled.fingerprint, nonce: c.body.nonce, timestamp, signature: real })).toMatchObject({
      status: 403,
      body: { error: 'bad_challenge' },
    });
    // A nonce the relay never issued.
    const made = crypto.randomBytes(24).toString('base64url');
    const sig = enrolled.sign(relayProtocol.deviceAuthMessage(made, timestamp, enrolled.fingerprint));
    expect((await post(relay, '/v1/session', { fingerprint: enrolled.fingerprint, nonce: made, timestamp, signature: sig })).body.error).toBe('bad_challenge');
    // A clock far off.
    const c2 = await post(relay, '/v1/session/challenge', { fingerprint: enrolled.fingerprint });
    const old = Date.now() - 10 * 60_000;
    const late = enrolled.sign(relayProtocol.deviceAuthMessage(c2.body.nonce!, old, enrolled.fingerprint));
    expect((await post(relay, '/v1/session', { fingerprint: enrolled.fingerprint, nonce: c2.body.nonce, timestamp: old, signature: late })).body.error).toBe('clock_skew');
  });

  it('refuses an address outside the office ranges, even for an enrolled device', async () => {
    const { env, relay } = await setup(['127.0.0.1/32']);
    const r = await post(relay, '/v1/session/challenge', { fingerprint: env.devices[0]!.fingerprint }, '127.0.0.2');
    expect(r).toMatchObject({ status: 403, body: { error: 'outside_office' } });
    const link = linkFor(relay, env.devices[0]!, { localAddress: '127.0.0.2' });
    cleanups.push(() => link.close());
    await expect(link.ensureSession()).rejects.toMatchObject({ kind: 'token-rejected', message: expect.stringMatching(/office ranges/) });
    // Health is for the office (or the health ranges) too.
    const h = await request(`${relay.consoleUrl}/healthz`, { dispatcher: insecure('127.0.0.2') });
    expect(h.statusCode).toBe(403);
    await h.body.dump();
  });

  it('requires a session for every call but sign-in', async () => {
    const { relay } = await setup();
    const res = await request(`${relay.consoleUrl}/v1/channels/wa-main/events?after=0`, { dispatcher: insecure() });
    expect(res.statusCode).toBe(401);
    await res.body.dump();
    const forged = await request(`${relay.consoleUrl}/v1/channels`, { dispatcher: insecure(), headers: { authorization: `Bearer ${'A'.repeat(43)}` } });
    expect(forged.statusCode).toBe(401);
    await forged.body.dump();
  });

  it('protects health with a token when asked to', async () => {
    const emu = await startEmulators('123456:TEST-bot-token-for-relay');
    cleanups.push(() => emu.close());
    const env = await relayEnv({ platformUrl: emu.url, config: { health: { protect: true } } });
    fs.writeFileSync(path.join(env.credentials, 'health-token'), 'health-token-for-monitoring', { mode: 0o400 });
    const relay = await env.start();
    cleanups.push(() => relay.close());
    const without = await request(`${relay.consoleUrl}/healthz`, { dispatcher: insecure() });
    expect(without.statusCode).toBe(401);
    await without.body.dump();
    const wrong = await request(`${relay.consoleUrl}/healthz`, { dispatcher: insecure(), headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    await wrong.body.dump();
    const ok = await request(`${relay.consoleUrl}/healthz`, { dispatcher: insecure(), headers: { authorization: 'Bearer health-token-for-monitoring' } });
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.json()).toMatchObject({ status: expect.any(String), queue: { depth: 0 } });
  });

  it('refuses to talk to a relay whose certificate does not match the pin', async () => {
    const { env, relay } = await setup();
    const link = linkFor(relay, env.devices[0]!, { pin: crypto.createHash('sha256').update('another key').digest('base64') });
    cleanups.push(() => link.close());
    await expect(link.ensureSession()).rejects.toMatchObject({ kind: 'token-rejected', sent: 'no', message: expect.stringMatching(/pin/) });
  });
});
