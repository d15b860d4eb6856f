import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { HubApi, TestDesk } from '../helpers/hub-desk';
import { CustodianProcess } from './custody-fixture';
import { freePort, hubFiles, NodeProcess, nodeConfig, PASSWORD, seedHub, until, type HubFiles } from './harness';

/**
 * Two hub nodes (own processes) on one PostgreSQL, each with its cache of verified sessions: a session signed out
 * through node A, a device revoked or a user disabled (through the database, as node A or `diwan hub` would) is
 * refused by node B at its very next request — which node B answered from its cache just before — and node B closes
 * that session's stream.
 */
describe('cached sessions across two hub nodes', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let custodian: CustodianProcess;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const nodes: NodeProcess[] = [];
  const url = (n: NodeProcess) => `https://127.0.0.1:${n.port}`;
  const onA = new HubApi(() => url(nodes[0]!));
  const onB = new HubApi(() => url(nodes[1]!));
  const desks = { amal: new TestDesk(), badr: new TestDesk(), carim: new TestDesk() };
  const sockets: WebSocket[] = [];
  const http = new Agent({ connect: { rejectUnauthorized: false } });

  const cacheHitsOnB = async () => {
    const text = await (await request(`${url(nodes[1]!)}/metrics`, { dispatcher: http })).body.text();
    return Number(/diwan_hub_session_cache_hits_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? -1);
  };

  /** A stream on node B, open; `closed` resolves with its close code (an object: an async function would wait for it). */
  async function streamOnB(username: keyof typeof desks): Promise<{ closed: Promise<number> }> {
    const ws = new WebSocket(`${url(nodes[1]!).replace('https', 'wss')}/v1/stream?after=0`, { headers: { authorization: `Bearer ${onB.tokens[username]}` }, rejectUnauthorized: false });
    ws.on('error', () => {});
    sockets.push(ws);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    });
    return { closed };
  }

  /** B answers `username` from its cache (the hit counter moves), so a refusal right after is the invalidation at work. */
  async function servedFromCacheOnB(username: keyof typeof desks): Promise<void> {
    const before = await cacheHitsOnB();
    expect((await onB.call('GET', '/v1/team', username)).status).toBe(200);
    expect(await cacheHitsOnB()).toBeGreaterThan(before);
  }

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }, { username: 'badr', role: 'agent' }, { username: 'carim', role: 'agent' }] });
    for (const d of Object.values(desks)) await seed.store.enrolDevice({ fingerprint: d.fingerprint, publicKey: d.publicKeyPem, label: 'desk' }, { actor: 'it:test' });
    for (const nodeId of ['node-a', 'node-b']) {
      const port = await freePort();
      nodes.push(new NodeProcess(nodeConfig(files, { nodeId, pgUrl: pg.url, port }), port, files.credentials));
    }
    await Promise.all(nodes.map((n) => n.start()));
    for (const [name, desk] of Object.entries(desks)) {
      await onA.signIn(name, desk, PASSWORD);
      onB.tokens[name] = onA.tokens[name]!;
    }
    // B's cache is in use once its LISTEN connection is up.
    await until(async () => ((await onB.call('GET', '/v1/team', 'amal')).status === 200 && (await cacheHitsOnB()) > 0) || null, 'node B answers from its cache');
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.terminate();
    for (const n of nodes) await n.stop().catch(() => n.kill());
    await custodian?.stop();
    await onA.close();
    await onB.close();
    await http.close();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('a session signed out on node A is refused by node B at the next request, and B closes its stream', async () => {
    const { closed } = await streamOnB('amal');
    await servedFromCacheOnB('amal');
    expect((await onA.call('POST', '/v1/sign-out', 'amal', {})).status).toBe(200);
    expect(await onB.call('GET', '/v1/team', 'amal')).toMatchObject({ status: 401, body: { error: 'session_invalid' } });
    expect(await closed).toBe(4401);
  });

  it('a device revoked and a user disabled are refused by node B at the next request, with their streams closed', async () => {
    const { closed: badrClosed } = await streamOnB('badr');
    const { closed: carimClosed } = await streamOnB('carim');
    await servedFromCacheOnB('badr');
    await servedFromCacheOnB('carim');
    await seed.store.revokeDevice(desks.badr.fingerprint, { actor: 'it:test' });
    expect((await onB.call('GET', '/v1/team', 'badr')).status).toBe(401);
    await seed.store.updateUser(seed.ids.carim!, { disabled: true }, { actor: 'it:test', action: 'user.disabled' });
    expect((await onB.call('GET', '/v1/team', 'carim')).status).toBe(401);
    expect(await badrClosed).toBe(4401);
    expect(await carimClosed).toBe(4401);
  });
});
