import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyHubSignature, type ChannelConfig, type ChannelHealth, type ConnectorRuntime } from '../../../main/core/connectors';
import { MetaEmulator } from '../../emulators/meta';
import { connectorCore, fastTime, leaks, outboxRows, putSecrets, queueReply, storedMessages, testRuntime, until } from '../../helpers/connectors';

const TOKEN = 'EAAtest-page-token-0123456789';
const DAY = 86_400_000;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(kind: 'messenger' | 'instagram' | 'whatsapp', runtimeOver = {}) {
  const time = fastTime(100);
  const meta = await MetaEmulator.start(TOKEN);
  meta.now = time.clock.now;
  const core = await connectorCore([{ id: 'ch', kind }], time.clock);
  await putSecrets(core, 'ch', kind === 'whatsapp' ? { accessToken: TOKEN } : { pageAccessToken: TOKEN });
  const config: ChannelConfig = {
    id: 'ch',
    kind,
    baseUrl: meta.url,
    pollIntervalMs: 15_000,
    settings: kind === 'whatsapp' ? { phoneNumberId: meta.phoneNumberId } : { pageId: meta.pageId },
  };
  const { runtime, logs } = testRuntime(core, time, [config], runtimeOver);
  const states: ChannelHealth[] = [];
  runtime.on('health', (h) => states.push(h));
  cleanup.push(() => core.close(), () => meta.close(), () => runtime.stop());
  return { time, meta, core, runtime, logs, states };
}

const health = (r: { health(): ChannelHealth[] }) => r.health()[0]!;

/** Stands in for the relay: checks X-Hub-Signature-256 over the raw body before parsing, then forwards. */
async function relay(runtime: ConnectorRuntime, appSecret: string): Promise<string> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    if (!verifyHubSignature(raw, req.headers['x-hub-signature-256'] as string | undefined, appSecret)) {
      res.writeHead(401).end();
      return;
    }
    runtime.push('ch', JSON.parse(raw.toString('utf8')));
    res.writeHead(200).end('EVENT_RECEIVED');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
}

describe('Messenger and Instagram against the Graph emulator', () => {
  it('pages through conversations once, then only what changed', async () => {
    const { meta, core, runtime, time } = await setup('messenger');
    meta.pageSize = 10;
    const t0 = time.clock.now() - 60 * 60_000;
    for (let i = 0; i < 30; i++) {
      meta.addInbound('messenger', `61000000000${String(i).padStart(5, '0')}`, `Customer ${i}`, `Is item ${i} in stock? call 0551234567`, t0 + i * 60_000);
      if (i % 10 === 0) meta.addInbound('messenger', `61000000000${String(i).padStart(5, '0')}`, `Customer ${i}`, 'and the blue one?', t0 + i * 60_000 + 1_000);
    }
    runtime.start();
    await until(() => storedMessages(core, 'ch').length === 33, 'all 33 messages');
    const callsAfterFirst = meta.calls.filter((c) => c.route === 'conversations').length;
    expect(callsAfterFirst).toBe(3);
    meta.addInbound('messenger', '6100000000000003', 'Customer 3', 'any update?');
    runtime.retryNow('ch');
    await until(() => storedMessages(core, 'ch').length === 34, 'the new one');
    expect(meta.calls.filter((c) => c.route === 'conversations').length).toBe(callsAfterFirst + 1);
    const rows = storedMessages(core, 'ch');
    expect(new Set(rows.map((r) => r.platform_message_id)).size).toBe(34);
    expect(rows.every((r) => !r.masked_text.includes('0551234567'))).toBe(true);
    const convs = core.db.prepare("SELECT count(*) n FROM conversations WHERE channel_id = 'ch'").get() as { n: number };
    expect(convs.n).toBe(30);
  });

  it('honours the usage header\'s time to regain access and reports throttling errors as rate-limited', async () => {
    const { meta, core, runtime, time, states } = await setup('instagram');
    meta.addInbound('instagram', '1120000000000077', 'ig user', 'hola!');
    meta.usage = { call_count: 100, total_time: 40, total_cputime: 30, estimated_time_to_regain_access: 2 };
    meta.faults.add('conversations', { kind: 'status', status: 400, body: { error: { message: '(#613) Calls to this api have exceeded the rate limit.', code: 613 } }, headers: { 'retry-after': '30' } });
    runtime.start();
    await until(() => storedMessages(core, 'ch').length === 1, 'stored');
    expect(states.find((s) => s.state === 'rate-limited')!.lastError).toMatch(/throttling.*613.*30 s/);
    meta.usage = null;
    runtime.retryNow('ch');
    await until(() => time.waits.some((w) => w > 100_000 && w <= 120_000), 'the gate waits out estimated_time_to_regain_access (2 min)');
  });

  it('replies with RESPONSE inside 24 h, HUMAN_AGENT up to 7 days, and fails with the platform\'s reason outside', async () => {
    const { meta, core, runtime, time } = await setup('messenger');
    const now = time.clock.now();
    meta.addInbound('messenger', '6100000000000042', 'Ana', 'Is the blue one in stock?', now - 60_000);
    meta.addInbound('messenger', '6100000000000043', 'Ben', 'return request', now - 3 * DAY);
    meta.addInbound('messenger', '6100000000000044', 'Cy', 'old', now - 8 * DAY);
    runtime.start();
    await until(() => storedMessages(core, 'ch').length === 3, 'three threads');
    queueReply(core, 'ch', '6100000000000042', 'Yes — shipping today.', { window: 'open' });
    queueReply(core, 'ch', '6100000000000043', 'Following up on your return.', { window: 'human_agent' });
    queueReply(core, 'ch', '6100000000000043', 'Queued by an older version, tag only.', { tag: 'HUMAN_AGENT' });
    queueReply(core, 'ch', '6100000000000043', 'Sent as RESPONSE by mistake', { window: 'open' });
    queueReply(core, 'ch', '6100000000000044', 'too late', { window: 'closed' });
    runtime.notifyOutbox('ch');
    await until(() => outboxRows(core, 'ch').every((r) => ['sent', 'failed', 'unknown'].includes(r.state)), 'settled');
    expect(outboxRows(core, 'ch').map((r) => r.state)).toEqual(['sent', 'sent', 'sent', 'failed', 'failed']);
    expect(meta.sends.map((s) => [s.recipient, s.messaging_type, s.tag])).toEqual([
      ['6100000000000042', 'RESPONSE', undefined],
      ['6100000000000043', 'MESSAGE_TAG', 'HUMAN_AGENT'],
      ['6100000000000043', 'MESSAGE_TAG', 'HUMAN_AGENT'],
    ]);
    const [, , , mistaken, closed] = outboxRows(core, 'ch');
    expect(mistaken!.last_error).toMatch(/reply window has closed \(code 10\)/);
    expect(closed!.last_error).toMatch(/More than 7 days/);
    // The next poll lists the page's own replies: they are the sent rows, not new messages.
    let duplicates = 0;
    runtime.on('ingested', (e) => (duplicates += e.duplicates));
    runtime.retryNow('ch');
    await until(() => duplicates >= 3, 'every echo arrives as a duplicate');
    expect(storedMessages(core, 'ch').filter((m) => m.direction === 'out').map((m) => m.platform_message_id)).toEqual(meta.sends.map((s) => s.id).concat([null, null] as never[]));
  });

  it('follows no paging link to another host: neither a page of conversations nor of messages, and the token goes nowhere else', async () => {
    const asked: string[] = [];
    const elsewhere = http.createServer((req, res) => {
      asked.push(`${req.url} ${req.headers.authorization ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise<void>((r) => elsewhere.close(() => r())));
    const other = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    for (const [what, arrange] of [
      ['conversations', (meta: MetaEmulator) => ((meta.pageSize = 1), meta.addInbound('messenger', '6100000000000051', 'Sara', 'first'), meta.addInbound('messenger', '6100000000000052', 'Omid', 'second'))],
      ['messages', (meta: MetaEmulator) => Array.from({ length: 12 }, (_, i) => meta.addInbound('messenger', '6100000000000053', 'Lina', `message ${i}`))],
    ] as const) {
      const { meta, runtime, core, logs } = await setup('messenger');
      arrange(meta);
      // The same host and port written with user information first is still this host; another port is another origin.
      meta.pagingBase = what === 'messages' ? `http://${new URL(meta.url).host}@127.0.0.1:${new URL(other).port}` : other;
      runtime.start();
      await until(() => /paging link to another host/.test(health(runtime).lastError ?? ''), `the ${what} page refused`);
      expect(asked).toEqual([]);
      expect(leaks(TOKEN, core, logs)).toEqual([]);
      await runtime.stop();
    }
  });

  it('a revoked page token (code 190) means "token rejected"', async () => {
    const { meta, runtime, core, logs } = await setup('messenger');
    meta.tokens.clear();
    runtime.start();
    await until(() => health(runtime).state === 'token-rejected', 'rejected');
    expect(health(runtime).lastError).toMatch(/refused the access token \(code 190\)/);
    await new Promise((r) => setTimeout(r, 800));
    expect(meta.calls.length).toBe(1);
    expect(leaks(TOKEN, core, logs)).toEqual([]);
  });
});

describe('WhatsApp: relayed webhooks and sends against the Graph emulator', () => {
  it('stores signed deliveries once (duplicates too), refuses bad signatures, and follows statuses in any order', async () => {
    const { meta, core, runtime, time } = await setup('whatsapp');
    runtime.start();
    const url = await relay(runtime, meta.appSecret);
    await until(() => health(runtime).state === 'connected', 'ready');
    const inbound = meta.waPayload([
      { from: '966551234567', name: 'نورة', text: 'رقم الهوية 1012345678 والطلب ما وصل', id: 'wamid.A==' },
      { from: '34600111222', name: 'Ana Ruiz', text: "My order #1182 hasn't arrived", id: 'wamid.B==' },
    ]);
    expect(await meta.deliver(url, inbound, { times: 3 })).toEqual([200, 200, 200]);
    expect(await meta.deliver(url, meta.waPayload([{ from: '1', name: 'x', text: 'forged' }]), { badSignature: true })).toEqual([401]);
    const rows = storedMessages(core, 'ch');
    expect(rows.map((r) => r.platform_message_id)).toEqual(['wamid.A==', 'wamid.B==']);
    expect(rows[0]!.masked_text).not.toMatch(/1012345678/);

    queueReply(core, 'ch', '966551234567', 'تم، سنتابع طلبك');
    runtime.notifyOutbox('ch');
    await until(() => outboxRows(core, 'ch')[0]?.state === 'sent', 'sent');
    expect(meta.waSends[0]!.body).toMatchObject({ messaging_product: 'whatsapp', to: '966551234567', type: 'text', text: { body: 'تم، سنتابع طلبك' } });
    await meta.deliver(url, meta.waPayload([], true), { times: 2 });
    const out = () => storedMessages(core, 'ch').filter((m) => m.direction === 'out');
    expect(out()[0]!.delivery).toBe('read');
    void time;
  });

  it('a free-text reply after 24 h fails later with 131047; templates go through; template-only text is refused up front', async () => {
    const { meta, core, runtime, time } = await setup('whatsapp');
    runtime.start();
    const url = await relay(runtime, meta.appSecret);
    await meta.deliver(url, meta.waPayload([{ from: '34600111222', name: 'Ana', text: 'hi', at: time.clock.now() - 2 * DAY }]));
    await until(() => storedMessages(core, 'ch').length === 1, 'stored');
    queueReply(core, 'ch', '34600111222', 'free text, composer did not know');
    queueReply(core, 'ch', '34600111222', 'template', { template: 'order_followup', templateLanguage: 'es', templateParams: '["#1182"]' });
    queueReply(core, 'ch', '34600111222', 'refused', { window: 'template-only' });
    runtime.notifyOutbox('ch');
    await until(() => outboxRows(core, 'ch').every((r) => ['sent', 'failed'].includes(r.state)), 'settled');
    expect(outboxRows(core, 'ch').map((r) => r.state)).toEqual(['sent', 'sent', 'failed']);
    expect(meta.waSends[1]!.body).toMatchObject({
      type: 'template',
      template: { name: 'order_followup', language: { code: 'es', policy: 'deterministic' }, components: [{ type: 'body', parameters: [{ type: 'text', text: '#1182' }] }] },
    });
    await meta.deliver(url, meta.waPayload([], true));
    const reason = core.db.prepare("SELECT delivery, delivery_reason r FROM messages WHERE direction = 'out' ORDER BY id LIMIT 1").get();
    expect(reason).toEqual({ delivery: 'failed', r: expect.stringMatching(/^131047 Re-engagement message/) });
  });

  it('refuses relayed payloads while paused, so the relay keeps them', async () => {
    const { meta, runtime } = await setup('whatsapp');
    runtime.start();
    runtime.pause('off-network');
    expect(() => runtime.push('ch', meta.waPayload([{ from: '1', name: 'a', text: 'x' }]))).toThrow(/paused/);
    expect(health(runtime).state).toBe('paused');
  });
});
