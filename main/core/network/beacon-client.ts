import type dns from 'node:dns';
import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { BEACON_PATH, MAX_ANSWER_BYTES, spkiPin } from './beacon-protocol';

export type LookupFunction = (hostname: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => void;

export interface PinnedRequest {
  /** The beacon's origin, e.g. https://beacon.hq.example:8443 */
  url: string;
  pins: readonly string[];
  challenge: string;
  timeoutMs: number;
  /** Name resolution; tests point a name at another server (a hijacked DNS name). Default: the OS resolver. */
  lookup?: LookupFunction;
}

export type PinnedResponse =
  | { ok: true; status: number; contentType: string; body: Buffer }
  | { ok: false; code: 'beacon_pin_mismatch' | 'beacon_unreachable' | 'beacon_timeout' | 'beacon_too_large'; reason: string };

export type PinnedFetch = (req: PinnedRequest) => Promise<PinnedResponse>;

/**
 * One HTTPS GET whose server is trusted by its key pin alone. CA validation is deliberately off
 * (`rejectUnauthorized: false`): a certificate any CA would accept but with another key must fail, and the beacon's
 * self-signed certificate with the pinned key must pass. The pin is checked on the leaf certificate as soon as the
 * handshake ends and before any byte of the answer is read. No agent: every check is a fresh handshake, never a
 * pooled or resumed session, and no proxy.
 */
export const pinnedFetch: PinnedFetch = (r) =>
  new Promise((resolve) => {
    let settled = false;
    let pinned = false;
    const done = (v: PinnedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(v);
    };
    const url = new URL(r.url);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const req = https.request({
      host,
      port: url.port || 443,
      path: `${BEACON_PATH}?challenge=${r.challenge}`,
      method: 'GET',
      agent: false,
      rejectUnauthorized: false,
      servername: net.isIP(host) ? undefined : host,
      lookup: r.lookup,
      headers: { accept: 'application/json' },
    });
    const timer = setTimeout(
      () => done({ ok: false, code: 'beacon_timeout', reason: `the beacon did not answer within ${r.timeoutMs / 1000} s (the grace period)` }),
      r.timeoutMs,
    );
    req.on('socket', (socket) => {
      (socket as TLSSocket).once('secureConnect', () => {
        const cert = (socket as TLSSocket).getPeerCertificate(true);
        let pin: string | null;
        try {
          pin = cert?.raw ? spkiPin(cert.raw) : null;
        } catch {
          pin = null;
        }
        if (pin && r.pins.includes(pin)) pinned = true;
        else done({ ok: false, code: 'beacon_pin_mismatch', reason: `the server at ${url.host} presented a certificate whose key is not pinned in the policy (its pin is ${pin ?? 'unreadable'})` });
      });
    });
    req.on('response', (res) => {
      if (!pinned) return done({ ok: false, code: 'beacon_pin_mismatch', reason: 'the answer came before the certificate was checked' });
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER_BYTES) done({ ok: false, code: 'beacon_too_large', reason: `the answer was larger than ${MAX_ANSWER_BYTES} bytes` });
        else chunks.push(c);
      });
      res.on('end', () =>
        done({ ok: true, status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }),
      );
      res.on('error', () => done({ ok: false, code: 'beacon_unreachable', reason: 'the connection broke during the answer' }));
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      done({ ok: false, code: 'beacon_unreachable', reason: `could not reach ${url.host} (${e.code ?? e.message})` }),
    );
    req.end();
  });
