/**
 * TLS session resumption between a console and the hub's nodes (main/hub/tls-tickets.ts, pinnedAgent's session
 * memory): a session made with one node resumes at another node of the same hub, and a remembered session never
 * gets a console past its pin at a server with another certificate. Counts handshakes, never times them.
 */
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { pinnedAgent } from '../../main/core/connectors/relay-client/link';
import { createHubCertificate } from '../../main/hub';
import { ticketKeysFor, ticketOptions, TICKET_PERIOD_MS } from '../../main/hub/tls-tickets';
import { LoadBalancer } from './load-balancer';

type Cert = Awaited<ReturnType<typeof createHubCertificate>>;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** A node's TLS listener as the hub sets it up; records, per handshake, whether the session was resumed. */
async function tlsNode(cert: Cert, shared = true): Promise<{ port: number; resumed: boolean[] }> {
  const resumed: boolean[] = [];
  const server = https.createServer({ cert: cert.certPem, key: cert.keyPem, ...(shared ? ticketOptions(cert.keyPem, Date.now()) : {}) }, (_req, res) => {
    res.setHeader('connection', 'close');
    res.end('ok');
  });
  server.on('secureConnection', (s: TLSSocket) => resumed.push(s.isSessionReused()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
  return { port: (server.address() as { port: number }).port, resumed };
}

async function balancer(ports: number[]): Promise<LoadBalancer> {
  const lb = new LoadBalancer(ports);
  await lb.start();
  closers.push(() => lb.close());
  return lb;
}

const consoleAgent = (pin: string) => {
  const agent = pinnedAgent({ pin, timeoutMs: 10_000, pinError: 'HUB_PIN_MISMATCH', resumeSessions: true });
  closers.push(() => agent.close());
  return agent;
};

describe('TLS session resumption at the hub', () => {
  it('a session made with one node resumes at the other node of the same hub', async () => {
    const cert = await createHubCertificate(['127.0.0.1']);
    const [one, two] = [await tlsNode(cert), await tlsNode(cert)];
    const lb = await balancer([one.port, two.port]); // round robin: node one, node two, node one
    const agent = consoleAgent(cert.pin);
    for (let i = 0; i < 3; i++) expect((await request(lb.url, { dispatcher: agent })).statusCode).toBe(200);
    expect(one.resumed).toEqual([false, true]);
    expect(two.resumed).toEqual([true]);
  });

  it('a session resumes at a node started with another command line (the session context is the hub\'s, not the process\'s)', async () => {
    const cert = await createHubCertificate(['127.0.0.1']);
    // Node's default session context hashes process.argv when a server is made: two nodes run as
    // `diwan hub run --config node-1.json` and `… node-2.json` differ in it.
    const argv = process.argv;
    let one, two;
    try {
      process.argv = [...argv, '--config', 'node-1.json'];
      one = await tlsNode(cert);
      process.argv = [...argv, '--config', 'node-2.json'];
      two = await tlsNode(cert);
    } finally {
      process.argv = argv;
    }
    const lb = await balancer([one.port, two.port]);
    const agent = consoleAgent(cert.pin);
    for (let i = 0; i < 3; i++) expect((await request(lb.url, { dispatcher: agent })).statusCode).toBe(200);
    expect(one.resumed).toEqual([false, true]);
    expect(two.resumed).toEqual([true]);
  });

  it('without the shared ticket keys a node cannot resume another node\'s session (a full handshake, still pinned)', async () => {
    const cert = await createHubCertificate(['127.0.0.1']);
    const [one, two] = [await tlsNode(cert, false), await tlsNode(cert, false)];
    const lb = await balancer([one.port, two.port]);
    const agent = consoleAgent(cert.pin);
    for (let i = 0; i < 2; i++) expect((await request(lb.url, { dispatcher: agent })).statusCode).toBe(200);
    expect([...one.resumed, ...two.resumed]).toEqual([false, false]);
  });

  it('a remembered session offered to a server with another certificate is refused by the pin', async () => {
    const cert = await createHubCertificate(['127.0.0.1']);
    const other = await createHubCertificate(['127.0.0.1']);
    const [hub, impostor] = [await tlsNode(cert), await tlsNode(other)];
    const lb = await balancer([hub.port, impostor.port]); // the console's second connection lands on the impostor
    const agent = consoleAgent(cert.pin);
    expect((await request(lb.url, { dispatcher: agent })).statusCode).toBe(200);
    await expect(request(lb.url, { dispatcher: agent })).rejects.toMatchObject({ code: 'HUB_PIN_MISMATCH' });
    // Nothing of the refused server was remembered: the next connection (at the hub) resumes the hub's own session.
    expect((await request(lb.url, { dispatcher: agent })).statusCode).toBe(200);
    expect(hub.resumed).toEqual([false, true]);
  });

  it('ticket keys depend on the TLS key (not its PEM text) and the period only', async () => {
    const [a, b] = [await createHubCertificate(['127.0.0.1']), await createHubCertificate(['127.0.0.1'])];
    const t = 5 * TICKET_PERIOD_MS;
    expect(ticketKeysFor(a.keyPem, t)).toEqual(ticketKeysFor(a.keyPem, t + TICKET_PERIOD_MS - 1));
    expect(ticketKeysFor(a.keyPem, t)).not.toEqual(ticketKeysFor(a.keyPem, t + TICKET_PERIOD_MS));
    expect(ticketKeysFor(a.keyPem, t)).not.toEqual(ticketKeysFor(b.keyPem, t));
    expect(ticketKeysFor(a.keyPem, t)).toHaveLength(48);
    expect(ticketKeysFor(a.keyPem.replace(/\n/g, '\r\n'), t)).toEqual(ticketKeysFor(a.keyPem, t));
  });
});
