/**
 * The IT guide's HAProxy configuration (docs/IT-GUIDE.md, "Several nodes and a load balancer"), run by Debian's
 * HAProxy in front of two TLS nodes: round robin, TLS passed through (the console's pin holds), a node whose /healthz
 * answers 503 taken out, a dead node's connections retried on the other. Counts requests, never times them.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { pinnedAgent } from '../../main/core/connectors/relay-client/link';
import { createHubCertificate } from '../../main/hub';
import { tmpDir } from '../helpers/tmp';
import { until } from './harness';
import { haproxyConfig, HaproxyBalancer } from './load-balancer';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** A node's TLS listener: answers its name, and /healthz with `health` (200 or 503); counts both. */
async function node(cert: { certPem: string; keyPem: string }, name: string) {
  const n = { name, health: 200, served: 0, checks: 0, port: 0, server: null as unknown as https.Server };
  n.server = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    res.setHeader('connection', 'close');
    if (req.url === '/healthz') {
      n.checks++;
      res.statusCode = n.health;
      return res.end('{}');
    }
    n.served++;
    res.end(name);
  });
  await new Promise<void>((r) => n.server.listen(0, '127.0.0.1', () => r()));
  n.port = (n.server.address() as { port: number }).port;
  closers.push(() => new Promise<void>((r) => (n.server.closeAllConnections(), n.server.close(() => r()))));
  return n;
}

describe('HAProxy with the IT guide\'s configuration', () => {
  it('refuses a guide whose configuration lost a line the bench and this test replace', () => {
    const cfg = haproxyConfig({ listenPort: 1, nodePorts: [2, 3], certFile: '/x/cert.pem' });
    expect(cfg).toContain('bind 127.0.0.1:1');
    expect(cfg).toContain('server node-2 127.0.0.1:3');
    expect(cfg).toContain('ca-file /x/cert.pem');
    expect(cfg).toMatch(/^\s*mode tcp$/m);
  });

  it('passes TLS through round robin, takes out a node whose /healthz says 503, and retries past a dead node', async () => {
    const cert = await createHubCertificate(['127.0.0.1']);
    const certFile = path.join(tmpDir('haproxy-'), 'hub-cert.pem');
    fs.writeFileSync(certFile, cert.certPem);
    const [one, two] = [await node(cert, 'one'), await node(cert, 'two')];
    const lb = new HaproxyBalancer([one.port, two.port], certFile);
    await lb.start();
    closers.push(() => lb.close());
    const agent = pinnedAgent({ pin: cert.pin, timeoutMs: 10_000, pinError: 'HUB_PIN_MISMATCH' });
    closers.push(() => agent.close());
    const get = async () => (await request(lb.url, { dispatcher: agent })).body.text();

    // The checks reach both nodes over TLS, trusting the hub's certificate file.
    await until(() => one.checks > 0 && two.checks > 0, 'HAProxy to check both nodes');
    const names: string[] = [];
    for (let i = 0; i < 6; i++) names.push(await get());
    expect(names.filter((n) => n === 'one')).toHaveLength(3);
    expect(names.filter((n) => n === 'two')).toHaveLength(3);

    // Unhealthy in words: after its checks fail, every connection goes to the other node.
    two.health = 503;
    await until(async () => (await get()) === 'one' && (await get()) === 'one' && (await get()) === 'one', 'HAProxy to take node two out');
    expect(lb.downs).toBe(1);
    const checked = two.checks;
    const served = two.served;
    for (let i = 0; i < 4; i++) expect(await get()).toBe('one');
    expect(two.served).toBe(served);
    // Healthy again: it is put back.
    two.health = 200;
    await until(async () => (await get()) === 'two' || (await get()) === 'two', 'HAProxy to put node two back');
    expect(two.checks).toBeGreaterThan(checked);

    // A dead node: every request still succeeds (redispatched to the live node) before and after the checks notice.
    await new Promise<void>((r) => (two.server.closeAllConnections(), two.server.close(() => r())));
    for (let i = 0; i < 6; i++) expect(await get()).toBe('one');
  });
});
