import crypto from 'node:crypto';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deviceAuthMessage } from '../../main/core/connectors/relay-client/protocol';
import { fingerprintOf } from '../../main/core/auth';
import { HUB_SCHEMA_VERSION, startHubNode, type HubConfig, type RunningHub } from '../../main/hub';
import { webhookLimits } from '../../main/hub/config';
import { CredentialsDirSecrets } from '../../main/hub';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import type { RunningCustodian } from '../../main/custodian';
import { TestDesk } from '../helpers/hub-desk';
import { startTestCustodian } from './custody-fixture';
import { hubFiles, PASSWORD, seedHub, type HubFiles } from './harness';
import { preparedMessage } from './prepared-message';

/** Bad input at the hub: each refused with a sentence a person can act on, and nothing changes. */
describe('team hub refusals', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let hub: RunningHub;
  let custodian: RunningCustodian;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const desk = new TestDesk();
  const { key, publicKeyPem, fingerprint } = desk;
  const agent = new Agent({ connect: { rejectUnauthorized: false } });

  const config = (over: Partial<HubConfig> = {}): HubConfig => ({
    nodeId: 'n1',
    team: 'acme',
    database: { postgres: pg.url },
    listen: { host: '127.0.0.1', port: 0 },
    tls: { certFile: files.certFile },
    custodian: { url: files.custody.url, pin: files.custody.pin },
    officeRanges: ['127.0.0.1/32'],
    secrets: { source: 'credentials', keychainService: 'x' },
    sessions: { idleMinutes: 15, requireTwoFactor: false },
    limits: { maxBufferedBytes: 64 * 1024, maxFrameBytes: 4 * 1024, maxBodyBytes: 8 * 1024, maxConsoles: 100 },
    leaseRetryMs: 60_000,
    auditCheckpointSeconds: 60,
    workflow: { presenceTtlSeconds: 45, sweepSeconds: 10, markerTtlSeconds: 8, markerThrottleMs: 1_000 },
    ...over,
  });

  async function post(path: string, json: unknown, o: { token?: string; localAddress?: string; raw?: string } = {}) {
    const a = o.localAddress ? new Agent({ localAddress: o.localAddress, connect: { rejectUnauthorized: false } }) : agent;
    const r = await request(`${hub.url}${path}`, {
      method: 'POST',
      dispatcher: a,
      headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
      body: o.raw ?? JSON.stringify(json),
    });
    const body = (await r.body.json()) as Record<string, string>;
    if (a !== agent) await a.close();
    return { status: r.statusCode, body };
  }

  async function signIn(username = 'amal', password = PASSWORD): Promise<{ status: number; body: Record<string, string> }> {
    return desk.signIn((p, json) => post(p, json), username, password);
  }

  function stream(token: string, after = 0): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${hub.url.replace('https', 'wss')}/v1/stream?after=${after}`, { headers: { authorization: `Bearer ${token}` }, rejectUnauthorized: false });
      const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
      ws.on('open', () => resolve({ ws, closed }));
      ws.on('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
      ws.on('error', () => {});
    });
  }

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = await startTestCustodian(files.custody);
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }, { username: 'omar', role: 'agent' }] });
    await seed.store.enrolDevice({ fingerprint, publicKey: publicKeyPem, label: 'desk' }, { actor: 'it:test' });
    await seed.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:test' });
    hub = await startHubNode({ config: config(), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
    await custodian?.close();
    await agent.close();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('refuses a console outside the office ranges', async () => {
    const r = await post('/v1/challenge', { fingerprint }, { localAddress: '127.0.0.2' });
    expect(r.status).toBe(403);
    expect(r.body.message).toMatch(/office networks/);
    expect(await seed.store.q.get<{ n: number }>('SELECT COUNT(*)::int AS n FROM device_challenges')).toEqual({ n: 0 });
  });

  it('refuses an unenrolled device, a replayed proof and a signature by another key', async () => {
    const stranger = crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const c = await post('/v1/challenge', { fingerprint: fingerprintOf(stranger) });
    expect(c).toMatchObject({ status: 403, body: { error: 'device_not_enrolled' } });

    const ch = await post('/v1/challenge', { fingerprint });
    const timestamp = Date.now();
    const signature = crypto.sign(null, Buffer.from(deviceAuthMessage(ch.body.nonce!, timestamp, fingerprint)), key.privateKey).toString('base64');
    const body = { username: 'amal', password: PASSWORD, fingerprint, nonce: ch.body.nonce, timestamp, signature };
    expect((await post('/v1/sign-in', body)).status).toBe(200);
    expect(await post('/v1/sign-in', body)).toMatchObject({ status: 403, body: { error: 'device_proof_stale' } });

    const other = crypto.generateKeyPairSync('ed25519');
    const ch2 = await post('/v1/challenge', { fingerprint });
    const forged = crypto.sign(null, Buffer.from(deviceAuthMessage(ch2.body.nonce!, timestamp, fingerprint)), other.privateKey).toString('base64');
    expect(await post('/v1/sign-in', { ...body, nonce: ch2.body.nonce, signature: forged })).toMatchObject({ status: 403, body: { error: 'device_proof_invalid' } });
  });

  it('a ninth pending sign-in from one computer replaces the oldest, and that one is refused with a sentence saying so', async () => {
    const first = await post('/v1/challenge', { fingerprint });
    for (let i = 0; i < 8; i++) expect((await post('/v1/challenge', { fingerprint })).status).toBe(200);
    const timestamp = Date.now();
    const signature = crypto.sign(null, Buffer.from(deviceAuthMessage(first.body.nonce!, timestamp, fingerprint)), key.privateKey).toString('base64');
    const r = await post('/v1/sign-in', { username: 'amal', password: PASSWORD, fingerprint, nonce: first.body.nonce, timestamp, signature });
    expect(r).toMatchObject({ status: 403, body: { error: 'device_proof_stale' } });
    expect(r.body.message).toMatch(/replaced by newer sign-ins started on this computer \(at most eight wait at once\)/);
  });

  it('locks a name out after repeated wrong passwords, and says for how long', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('omar', 'wrong password here')).status).toBe(403);
    const locked = await signIn('omar', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/Try again in \d+ seconds/);
  });

  it('refuses stale and foreign tokens on the API and the stream', async () => {
    const r = await request(`${hub.url}/v1/me`, { dispatcher: agent, headers: { authorization: `Bearer ${crypto.randomBytes(32).toString('base64url')}` } });
    expect(r.statusCode).toBe(401);
    expect(((await r.body.json()) as { message: string }).message).toMatch(/Sign in again/);
    await expect(stream(crypto.randomBytes(32).toString('base64url'))).rejects.toMatchObject({ status: 401 });
  });

  it('refuses malformed and oversized bodies with a sentence', async () => {
    const s = await signIn();
    expect(await post('/v1/conversations/1/notes', null, { token: s.body.token, raw: '{not json' })).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    const big = await post('/v1/conversations/1/notes', { text: 'x'.repeat(20_000) }, { token: s.body.token });
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/limited to/);
    expect(await post('/v1/conversations/1/assign', { assigneeId: 'me' }, { token: s.body.token })).toMatchObject({ status: 400 });
  });

  it('closes a stream that sends a malformed, an impossible or an oversized frame', async () => {
    const s = await signIn();
    const a = await stream(s.body.token!);
    a.ws.send('{"type":"hello"}');
    expect(await a.closed).toMatchObject({ code: 1007 });
    const b = await stream(s.body.token!);
    b.ws.send(JSON.stringify({ type: 'ack', seq: 10_000_000 }));
    expect(await b.closed).toMatchObject({ code: 1008 });
    const c = await stream(s.body.token!);
    c.ws.send('x'.repeat(10_000));
    expect((await c.closed).code).toBe(1009);
  });

  it('cuts off a console that never reads, once its queue passes the limit, and it resumes from its cursor', async () => {
    const s = await signIn();
    await seed.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:test' });
    const from = await seed.store.latestEventSeq();
    const slow = await stream(s.body.token!, from);
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // Plain masked rows (this is about the stream, not masking): 32 KB each, far more than the limit and the socket buffers.
    const filler = 'payload '.repeat(4000);
    for (let i = 0; i < 40; i++) {
      await seed.store.ingest(
        'tg',
        Array.from({ length: 20 }, (_, j) => preparedMessage(`slow-${i}-${j}`, `c${j}`, Date.now(), { contact: { platformUserId: `u${j}` }, maskedText: filler })),
      );
      if ((slow.ws as unknown as { readyState: number }).readyState !== WebSocket.OPEN) break;
    }
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/resume from your cursor/);
    // Reconnecting from the same cursor gets the same events again, from the first one after it.
    const again = await stream(s.body.token!, from);
    const first = await new Promise<{ upTo: number; events: Array<{ seq: number }> }>((r) => again.ws.once('message', (d) => r(JSON.parse(String(d)))));
    expect(first.events[0]!.seq).toBe(from + 1);
    again.ws.close();
  }, 60_000);

  it('a node refuses to start on a schema newer than its code, in words', async () => {
    await seed.store.q.run("UPDATE hub_meta SET value = ? WHERE key = 'schema.version'", [String(HUB_SCHEMA_VERSION + 1)]);
    try {
      await expect(startHubNode({ config: config({ nodeId: 'n2' }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} })).rejects.toThrow(/newer than this hub/);
    } finally {
      await seed.store.q.run("UPDATE hub_meta SET value = ? WHERE key = 'schema.version'", [String(HUB_SCHEMA_VERSION)]);
    }
  });

  it('a node refuses to start while a running node uses other flood thresholds, in words; a stopped node’s values do not count', async () => {
    const limits = webhookLimits(config());
    const withFlood = (nodeId: string, flood: Partial<typeof limits.flood>) => config({ nodeId, webhooks: { ...limits, flood: { ...limits.flood, ...flood } } });
    const meta = async () => (await seed.store.q.all<{ key: string }>("SELECT key FROM hub_meta WHERE key LIKE 'node.%' ORDER BY key")).map((r) => r.key);
    expect(await meta()).toEqual(['node.n1.webhooks.flood']);
    await expect(startHubNode({ config: withFlood('n2', { collapseAfterCopies: 5, surge: { ...limits.flood.surge, factor: 8 } }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} })).rejects.toThrow(
      /^This node's webhooks\.flood differs from that of node "n1", which is running on the same database \(collapseAfterCopies is 5 here and 3 there; surge\.factor is 8 here and 5 there\)\. .*give this node the same webhooks\.flood, or stop every node, change all their files, then start them\.$/,
    );
    expect(await meta()).toEqual(['node.n1.webhooks.flood']);
    // A node that is not running (no connection named after it) does not count: its record stays, unread.
    await seed.store.q.run("INSERT INTO hub_meta (key, value) VALUES ('node.gone.webhooks.flood', '{\"collapseAfterCopies\":9}')");
    const second = await startHubNode({ config: withFlood('n2', {}), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
    await second.close();
    expect(await meta()).toEqual(['node.gone.webhooks.flood', 'node.n1.webhooks.flood', 'node.n2.webhooks.flood']);
  });
});
