import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, HttpClient, RateGate, redact } from '../../../main/core/connectors';
import { fastTime } from '../../helpers/connectors';
import { listen, json, type LoopbackServer } from '../../emulators/server';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function client(time = fastTime(100), over: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  return new HttpClient({
    channelId: 'c',
    clock: time.clock,
    sleep: time.sleep,
    jitter: () => 1,
    gate: new RateGate(time.clock, time.sleep, 1000, 1000),
    secrets: () => ['SECRET-TOKEN-123'],
    timeoutMs: 500,
    retries: 2,
    retryBaseMs: 100,
    retryCapMs: 1000,
    ...over,
  });
}

async function server(answers: Array<(res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void>) {
  let n = 0;
  const s = await listen(({ res, req }) => {
    const a = answers[Math.min(n++, answers.length - 1)]!;
    a(res, req);
  });
  servers.push(s);
  return { url: s.url, count: () => n };
}

describe('shared HTTP client', () => {
  it('redacts bot tokens in paths, token parameters, bearer headers and known secrets', () => {
    expect(redact('POST https://api.telegram.org/bot123456:AAE-xyz/getUpdates failed')).toBe('POST https://api.telegram.org/bot<redacted>/getUpdates failed');
    expect(redact('GET /v24.0/me?access_token=EAAabc&fields=id')).toBe('GET /v24.0/me?access_token=<redacted>&fields=id');
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer <redacted>');
    expect(redact('{"refresh_token":"r-123"}')).toBe('{"refresh_token":"<redacted>"}');
    expect(redact('value my%20secret%2Fx and my secret/x', ['my secret/x'])).toBe('value <redacted> and <redacted>');
  });

  it('retries reads after 5xx and dropped connections with jittered back-off, honouring Retry-After', async () => {
    const time = fastTime(100);
    const s = await server([
      (res) => json(res, 502, {}),
      (res, req) => req.socket.destroy(),
      (res) => json(res, 503, {}, { 'retry-after': '4' }),
      (res) => json(res, 200, { ok: true }),
    ]);
    const http = client(time, { retries: 3 });
    const r = await http.request({ method: 'GET', url: s.url, label: 'read', idempotent: true });
    expect(r.body).toEqual({ ok: true });
    expect(s.count()).toBe(4);
    expect(time.waits).toEqual([100, 200, 4000]); // full jitter with jitter()=1: base·2^n; then the server's hint
  });

  it('never repeats a send that may have arrived; repeats one that certainly did not', async () => {
    const s = await server([(res) => json(res, 500, {}), (res) => json(res, 503, {}), (res) => json(res, 200, { ok: 1 })]);
    const http = client();
    const e = await http.request({ method: 'POST', url: s.url, label: 'send', json: {}, idempotent: false }).catch((x) => x);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ kind: 'server', sent: 'maybe' });
    expect(s.count()).toBe(1);
    const ok = await http.request({ method: 'POST', url: s.url, label: 'send', json: {}, idempotent: false });
    expect(ok.body).toEqual({ ok: 1 }); // 503 → retried
    const refused = await http.request({ method: 'POST', url: 'http://127.0.0.1:9/x', label: 'send', idempotent: false }).catch((x) => x);
    expect(refused).toMatchObject({ kind: 'network', sent: 'no' });
  });

  it('times out, caps bodies, rejects non-JSON, and keeps secrets out of every message', async () => {
    const s = await server([
      () => {},
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ pad: 'x'.repeat(5000) }));
      },
      (res) => {
        res.writeHead(200);
        res.end('<html>SECRET-TOKEN-123</html>');
      },
    ]);
    const http = client(fastTime(100), { retries: 0, maxBodyBytes: 1000, timeoutMs: 200 });
    const url = `${s.url}/botSECRET-TOKEN-123/getMe?access_token=SECRET-TOKEN-123`;
    const errs = [];
    for (let i = 0; i < 3; i++) errs.push((await http.request({ method: 'GET', url, label: 'getMe', idempotent: true }).catch((x) => x)) as ConnectorError);
    expect(errs.map((e) => e.kind)).toEqual(['timeout', 'too-large', 'malformed']);
    for (const e of errs) expect(`${e.message} ${JSON.stringify(e)}`).not.toContain('SECRET-TOKEN-123');
  });

  it('a 429 closes the channel\'s gate until the hint, for every request of the channel', async () => {
    // Time moves only when the client sleeps, so the wait is the hint exactly, however busy this machine is.
    let now = 1_767_225_600_000;
    const waits: number[] = [];
    const time = { clock: { now: () => now }, sleep: async (ms: number) => { waits.push(ms); now += Math.max(0, ms); }, waits };
    const s = await server([(res) => json(res, 429, {}, { 'retry-after': '5' }), (res) => json(res, 200, {})]);
    const http = client(time);
    const before = time.clock.now();
    const e = await http.request({ method: 'GET', url: s.url, label: 'read', idempotent: true }).catch((x) => x);
    expect(e).toMatchObject({ kind: 'rate-limited', retryAfterMs: 5000 });
    expect(http.gate.pausedUntil).toBe(before + 5000);
    await http.request({ method: 'GET', url: s.url, label: 'read', idempotent: true });
    expect(waits).toContain(5000);
    expect(now).toBeGreaterThanOrEqual(before + 5000);
  });

  it('the token bucket spaces requests at the configured rate', async () => {
    const time = fastTime(100);
    const gate = new RateGate(time.clock, time.sleep, 2, 2);
    const start = time.clock.now();
    for (let i = 0; i < 6; i++) await gate.take();
    expect(time.clock.now() - start).toBeGreaterThanOrEqual(1900); // 2 free, then 4 at 2/s
  });
});
