/**
 * Where security alerts go besides the lead's panel: an RFC 5424 syslog collector (UDP, or TCP with octet-counting
 * framing per RFC 6587) and/or an HTTPS webhook on the office network. Payloads carry ids, counts and masked
 * excerpts only. A failed delivery is reported, never thrown: the alert is already stored.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';
import type { SecurityAlert } from './detector';

export interface SyslogTarget {
  host: string;
  port: number;
  protocol: 'udp' | 'tcp';
  appName?: string;
}

export interface DeliveryOutcome {
  target: 'syslog' | 'webhook';
  ok: boolean;
  /** Why it failed, in words (no payload content). */
  error?: string;
}

/** Facility 4 (security/authorization), severity 2 (critical) → PRI 34. */
const PRI = 4 * 8 + 2;
/** Private enterprise number 32473 is the one RFC 5612 reserves for documentation; replace with the company's own if it has one. */
const SD_ID = 'diwan@32473';

export function formatSyslog(alert: SecurityAlert & { id: number }, opts: { appName?: string; hostname?: string } = {}): string {
  const esc = (v: string) => v.replace(/[\\"\]]/g, (c) => '\\' + c);
  const sd = `[${SD_ID} alertId="${alert.id}" signal="${esc(alert.signal)}" count="${alert.windowCount}" expected="${alert.expected}" conversations="${esc(alert.conversationIds.slice(0, 20).join(','))}"]`;
  const msg = `Security alert: ${alert.windowCount} customer messages about "${alert.signal}" in the last window (about ${alert.expected} expected).`;
  const host = (opts.hostname ?? os.hostname()).replace(/\s/g, '') || '-';
  const app = (opts.appName ?? 'diwan').replace(/\s/g, '').slice(0, 48);
  return `<${PRI}>1 ${new Date(alert.raisedAt).toISOString()} ${host} ${app} ${process.pid} security-alert ${sd} \uFEFF${msg}`;
}

export function sendSyslog(target: SyslogTarget, line: string, timeoutMs = 5_000): Promise<DeliveryOutcome> {
  const data = Buffer.from(line, 'utf8');
  if (target.protocol === 'udp') {
    return new Promise((resolve) => {
      const sock = dgram.createSocket(net.isIPv6(target.host) ? 'udp6' : 'udp4');
      sock.send(data, target.port, target.host, (err) => {
        sock.close();
        resolve(err ? { target: 'syslog', ok: false, error: err.message } : { target: 'syslog', ok: true });
      });
    });
  }
  return new Promise((resolve) => {
    const sock = net.createConnection({ host: target.host, port: target.port });
    const done = (o: DeliveryOutcome) => {
      sock.destroy();
      resolve(o);
    };
    sock.setTimeout(timeoutMs, () => done({ target: 'syslog', ok: false, error: 'timed out' }));
    sock.on('error', (e) => done({ target: 'syslog', ok: false, error: e.message }));
    sock.on('connect', () => sock.end(Buffer.concat([Buffer.from(`${data.length} `), data]), () => done({ target: 'syslog', ok: true })));
  });
}

export async function postWebhook(url: string, alert: SecurityAlert & { id: number }, timeoutMs = 5_000): Promise<DeliveryOutcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'diwan.security_alert', ...alert }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    await res.body?.cancel();
    return res.ok ? { target: 'webhook', ok: true } : { target: 'webhook', ok: false, error: `HTTP ${res.status}` };
  } catch (e) {
    return { target: 'webhook', ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
