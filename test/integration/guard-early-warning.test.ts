import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EarlyWarning, resolveGuardPolicy, securitySignals, type GuardNotice } from '../../main/core/guard';
import { openDatabase } from '../../main/core/store';
import type { AuditEvent } from '../../main/core/shared/ports';
import { manualClock, standInDetectSensitive } from '../helpers/guard';
import { tmpDir } from '../helpers/tmp';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

describe('security signals', () => {
  it.each([
    ['I was hacked', 'hacked'], ['حسابي انهكر', 'hacked'], ['حسابم هک شده', 'hacked'],
    ['There was a login I did not make', 'unknown_login'], ['حد دخل على حسابي', 'unknown_login'], ['کسی وارد حسابم شده', 'unknown_login'],
    ['I got a code I didn\'t request', 'unrequested_code'], ['وصلني كود ما طلبته', 'unrequested_code'], ['یه کد تایید اومد ولی درخواست نکرده بودم', 'unrequested_code'],
    ['someone is pretending to be you on instagram', 'impersonation'], ['حد بيكلمني وبيقول انه منكم', 'impersonation'], ['از طرف شما تماس گرفتن', 'impersonation'],
  ])('%s → %s', (text, signal) => expect(securitySignals(text)).toEqual([signal]));
  it('ordinary messages carry none', () => expect(securitySignals('where is my order? the app crashed')).toEqual([]));
});

function service(extra: Parameters<typeof resolveGuardPolicy>[0] = {}) {
  const db = openDatabase(path.join(tmpDir(), 'diwan.sqlite'));
  closers.push(() => db.close());
  const clock = manualClock();
  const notices: GuardNotice[] = [];
  const audit: AuditEvent[] = [];
  const ew = new EarlyWarning({ db, policy: resolveGuardPolicy(extra), detectSensitive: standInDetectSensitive, notify: (n) => notices.push(n), audit: (e) => audit.push(e), clock });
  return { ew, clock, notices, audit };
}

/** Two "hacked" messages a minute for two hours, then ten a minute: returns the alerts and when they came. */
function spike(ew: EarlyWarning, clock: ReturnType<typeof manualClock>) {
  const start = clock.now();
  const spikeAt = start + 2 * 3600_000;
  const out: Array<{ at: number; id: number }> = [];
  let n = 0;
  for (let t = start; t < spikeAt + 5 * 60_000; t += 6000) {
    clock.set(t);
    const perTick = t >= spikeAt ? 1 : (t / 6000) % 5 === 0 ? 1 : 0; // 2/min, then 10/min
    for (let k = 0; k < perTick; k++) {
      for (const a of ew.observe({ conversationRef: `c${++n}`, text: `I was hacked, my card 4111 1111 1111 1111 and code 482913 — mail me at sam@example.com`, at: t })) out.push({ at: t - spikeAt, id: a.id });
    }
  }
  return out;
}

describe('early warning', () => {
  it('a 5× spike raises one alert within two minutes, with linked conversations, a series and nothing unmasked', () => {
    const { ew, clock, notices, audit } = service();
    const alerts = spike(ew, clock);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.at).toBeGreaterThanOrEqual(0);
    expect(alerts[0]!.at).toBeLessThanOrEqual(120_000);
    const [stored] = ew.list();
    expect(stored!.signal).toBe('hacked');
    expect(stored!.conversationIds.length).toBeGreaterThanOrEqual(5);
    expect(stored!.series).toHaveLength(60);
    expect(stored!.series.at(-1)!.count).toBeGreaterThan(0);
    const everything = JSON.stringify({ stored, notices, audit });
    for (const secret of ['4111 1111', '482913', 'sam@example.com']) expect(everything).not.toContain(secret);
    expect(notices.map((n) => n.kind)).toEqual(['security_alert']);
    ew.acknowledge(stored!.id, 'lead-1');
    expect(ew.list()[0]!.acknowledgedAt).not.toBeNull();
  });

  it('delivers to a syslog collector over UDP and TCP and to a webhook, on 127.0.0.1', async () => {
    const udp = dgram.createSocket('udp4');
    const udpGot = new Promise<string>((resolve) => udp.on('message', (m) => resolve(m.toString('utf8'))));
    await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
    closers.push(() => udp.close());
    let tcpData = '';
    let tcpDone!: (s: string) => void;
    const tcpGot = new Promise<string>((resolve) => (tcpDone = resolve));
    const tcp = net.createServer((s) => s.on('data', (d) => (tcpData += d)).on('end', () => tcpDone(tcpData)));
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    closers.push(() => tcp.close());
    let hookBody = '';
    let hookDone!: (s: string) => void;
    const hookGot = new Promise<string>((resolve) => (hookDone = resolve));
    const hook = http.createServer((req, res) => {
      req.on('data', (d) => (hookBody += d));
      req.on('end', () => {
        res.end('ok');
        hookDone(hookBody);
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    closers.push(() => hook.close());
    const port = (s: net.Server | http.Server) => (s.address() as net.AddressInfo).port;

    const a = service({ earlyWarning: { syslog: { host: '127.0.0.1', port: udp.address().port, protocol: 'udp' }, webhook: { url: `http://127.0.0.1:${port(hook)}/alerts` } } });
    spike(a.ew, a.clock);
    const b = service({ earlyWarning: { syslog: { host: '127.0.0.1', port: port(tcp), protocol: 'tcp', appName: 'diwan-test' } } });
    spike(b.ew, b.clock);
    expect((await a.ew.settled()).every((o) => o.ok)).toBe(true);
    expect((await b.ew.settled()).every((o) => o.ok)).toBe(true);

    const line = await udpGot;
    expect(line).toMatch(/^<34>1 \d{4}-\d\d-\d\dT[\d:.]+Z \S+ diwan \d+ security-alert \[diwan@32473 alertId="1" signal="hacked" count="\d+"/);
    const framed = await tcpGot;
    const [len, ...rest] = framed.split(' ');
    expect(Buffer.byteLength(rest.join(' '))).toBe(Number(len));
    expect(framed).toContain(' diwan-test ');
    const body = JSON.parse(await hookGot);
    expect(body).toMatchObject({ type: 'diwan.security_alert', signal: 'hacked' });
    for (const s of [line, framed, JSON.stringify(body)]) expect(s).not.toMatch(/4111 1111|482913|sam@example/);
  });

  it('a failed delivery is audited and the alert is kept', async () => {
    const { ew, clock, audit } = service({ earlyWarning: { webhook: { url: 'http://127.0.0.1:9/nothing-listens-here' } } });
    spike(ew, clock);
    const outcomes = await ew.settled();
    expect(outcomes[0]!.ok).toBe(false);
    expect(audit.some((e) => e.action === 'guard.alert.delivery_failed')).toBe(true);
    expect(ew.list()).toHaveLength(1);
  });

  it('refuses a webhook that is not https (except on this computer)', () => {
    expect(() => resolveGuardPolicy({ earlyWarning: { webhook: { url: 'http://siem.example.com/x' } } })).toThrow(/https/);
  });
});
