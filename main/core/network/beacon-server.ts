import type crypto from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { signWithDomain } from '../policy';
import { systemClock, type Clock } from '../shared/ports';
import { BEACON_PATH, BEACON_SIGNATURE_DOMAIN, beaconMessage, CHALLENGE_PATTERN } from './beacon-protocol';

export interface BeaconServerOptions {
  siteId: string;
  signingKey: crypto.KeyObject;
  tls: { keyPem: string; certPem: string };
  host: string;
  port: number;
  clock?: Clock;
}

export interface RunningBeacon {
  /** The origin to put in the policy (with the host and port actually bound). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The beacon each site runs inside its office network: it signs the caller's challenge together with its site id
 * and the time. It holds no customer data and trusts no caller; it only proves "you reached this site's beacon".
 */
export async function startBeacon(opts: BeaconServerOptions): Promise<RunningBeacon> {
  const clock = opts.clock ?? systemClock;
  const server = https.createServer({ key: opts.tls.keyPem, cert: opts.tls.certPem, minVersion: 'TLSv1.2' }, (req, res) => {
    const headers = { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'https://beacon');
    } catch {
      res.writeHead(400, headers).end('{"error":"bad request"}');
      return;
    }
    if (req.method !== 'GET' || url.pathname !== BEACON_PATH) {
      res.writeHead(404, headers).end('{"error":"not found"}');
      return;
    }
    const challenge = url.searchParams.get('challenge') ?? '';
    if (!CHALLENGE_PATTERN.test(challenge)) {
      res.writeHead(400, headers).end('{"error":"challenge must be base64url of 32 bytes"}');
      return;
    }
    const time = clock.now();
    const signature = signWithDomain(BEACON_SIGNATURE_DOMAIN, beaconMessage(opts.siteId, challenge, time), opts.signingKey);
    res.writeHead(200, headers).end(JSON.stringify({ siteId: opts.siteId, challenge, time, signature }));
  });
  server.headersTimeout = 5000;
  server.requestTimeout = 5000;
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `https://${hostInUrl}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
