import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/app';
import type { ChannelConfig, ChannelHealth } from '../../../main/core/connectors';
import { ALLOWED_UPDATES } from '../../../main/core/connectors/telegram/map';
import { TelegramEmulator } from '../../emulators/telegram';
import { connectorCore, fastTime, leaks, outboxRows, putSecrets, queueReply, storedMessages, testRuntime, until } from '../../helpers/connectors';

const TOKEN = '123456:TESTTOKEN-abcdefghijklmnop';
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(over: Partial<ChannelConfig> = {}, runtimeOver = {}) {
  const time = fastTime(100);
  const tg = await TelegramEmulator.start(TOKEN);
  const core: Core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
  await putSecrets(core, 'tg', { botToken: TOKEN });
  const config: ChannelConfig = { id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 }, ...over };
  const { runtime, logs } = testRuntime(core, time, [config], runtimeOver);
  const states: ChannelHealth[] = [];
  runtime.on('health', (h) => states.push(h));
  cleanup.push(() => core.close(), () => tg.close(), () => runtime.stop());
  return { time, tg, core, runtime, logs, states, config };
}

const health = (r: { health(): ChannelHealth[] }) => r.health()[0]!;

describe('Telegram connector against the emulator', () => {
  it('stores every message once, masked, with attachments as metadata, and confirms by offset', async () => {
    const { tg, core, runtime, logs } = await setup();
    tg.addText(5550001, 'My order #1182 hasn\'t arrived');
    tg.addText(5550002, 'بطاقتي 4111 1111 1111 1111 انخصمت مرتين', { first_name: 'نورة', username: 'noura' });
    tg.addPhoto(5550001, 'the box was damaged');
    tg.addDocument(5550003);
    runtime.start();
    await until(() => storedMessages(core, 'tg').length === 4, 'four messages stored');
    const last = tg.addText(5550001, 'any news?');
    await until(() => storedMessages(core, 'tg').length === 5, 'the fifth message');
    const rows = storedMessages(core, 'tg');
    expect(rows.map((r) => r.platform_message_id)).toEqual(['5550001:41', '5550002:41', '5550001:42', '5550003:41', '5550001:43']);
    expect(rows[1]!.masked_text).not.toMatch(/4111 1111/);
    expect(rows[1]!.masked_text).toMatch(/^بطاقتي ⟦NUMBER·••11⟧ انخصمت مرتين$/);
    const atts = core.db.prepare('SELECT kind, platform_file_id, mime_type, size FROM attachments ORDER BY message_id').all();
    expect(atts).toEqual([
      { kind: 'photo', platform_file_id: 'large', mime_type: null, size: 84211 },
      { kind: 'document', platform_file_id: 'doc1', mime_type: 'application/pdf', size: 5500 },
    ]);
    expect(tg.allowedUpdates).toEqual([...ALLOWED_UPDATES]);
    expect(tg.updates.length).toBeLessThanOrEqual(1); // confirmed ones are gone from the server
    expect(core.store.sink.cursor('tg')).toBe(String(last + 1)); // the next getUpdates confirms everything stored
    expect(health(runtime).state).toBe('connected');
    expect(leaks(TOKEN, core, logs)).toEqual([]);
  });

  it('loses and repeats nothing through 5xx, dropped connections, timeouts, malformed, oversized and duplicate answers', async () => {
    const { tg, core, runtime, logs, states } = await setup({}, { http: { timeoutMs: 800, retries: 1, retryBaseMs: 100, retryCapMs: 500, maxBodyBytes: 64 * 1024 } });
    for (let i = 0; i < 30; i++) tg.addText(7000 + (i % 5), `message ${i}`);
    tg.faults
      .add('getupdates', { kind: 'status', status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } }, 3)
      .add('getupdates', { kind: 'drop' })
      .add('getupdates', { kind: 'timeout' })
      .add('getupdates', { kind: 'malformed' })
      .add('getupdates', { kind: 'oversized', bytes: 200 * 1024 })
      .add('getupdates', { kind: 'duplicate' });
    runtime.start();
    await until(() => storedMessages(core, 'tg').length >= 30 && tg.faults.pending === 0, 'all 30 through the faults', 20_000);
    for (let i = 30; i < 40; i++) tg.addText(7000, `message ${i}`);
    await until(() => storedMessages(core, 'tg').length === 40, 'ten more');
    const ids = storedMessages(core, 'tg').map((r) => r.platform_message_id);
    expect(new Set(ids).size).toBe(40);
    expect(states.some((s) => s.state === 'degraded' && /not JSON|larger than/.test(s.lastError ?? ''))).toBe(true);
    await until(() => health(runtime).state === 'connected', 'healthy again');
    expect(leaks(TOKEN, core, logs, states.map((s) => s.lastError ?? ''))).toEqual([]);
  });

  it('waits exactly as long as a 429 says, showing rate-limited meanwhile', async () => {
    const { tg, core, runtime, time, states } = await setup();
    tg.addText(1, 'hello');
    tg.faults.add('getupdates', {
      kind: 'status',
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
    });
    runtime.start();
    await until(() => storedMessages(core, 'tg').length === 1, 'stored after the wait');
    const limited = states.find((s) => s.state === 'rate-limited')!;
    expect(limited.lastError).toMatch(/wait 7 s/);
    expect(limited.retryAt! - limited.lastErrorAt!).toBe(7_000);
    expect(time.waits).toContain(7_000);
    const [first, second] = tg.calls.filter((c) => c.method === 'getupdates');
    expect(first!.status).toBe(429);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(65); // 7 s at 100× speed
  });

  it('turns a revoked token into "token rejected" without a tight retry loop, and recovers with a new token', async () => {
    const { tg, core, runtime, logs } = await setup();
    tg.revoke(TOKEN);
    runtime.start();
    await until(() => health(runtime).state === 'token-rejected', 'token rejected');
    await new Promise((r) => setTimeout(r, 1_500)); // 150 s of Diwan's time
    expect(tg.calls.length).toBe(1);
    expect(health(runtime).lastError).toMatch(/BotFather/);
    const fresh = '123456:NEWTOKEN-zyxwvutsrqponm';
    tg.tokens.add(fresh);
    await putSecrets(core, 'tg', { botToken: fresh });
    tg.addText(9, 'back?');
    runtime.retryNow('tg');
    await until(() => storedMessages(core, 'tg').length === 1, 'works with the new token');
    expect(health(runtime).state).toBe('connected');
    expect(leaks(TOKEN, core, logs)).toEqual([]);
    expect(leaks(fresh, core, logs)).toEqual([]);
  });

  it('says a webhook holds the bot (409) and keeps trying slowly', async () => {
    const { tg, runtime } = await setup({}, { conflictRetryMs: 60_000 });
    tg.webhookUrl = 'https://relay.example/tg';
    runtime.start();
    await until(() => health(runtime).state === 'degraded', 'degraded');
    expect(health(runtime).lastError).toMatch(/webhook is set/);
    await new Promise((r) => setTimeout(r, 300)); // 30 s: less than the 60 s conflict wait
    expect(tg.calls.length).toBe(1);
  });

  it('delivers every reply exactly once or marks it unknown, through 429, 503, 500 and dropped connections', async () => {
    const { tg, core, runtime, logs } = await setup();
    tg.addText(42, 'hi');
    runtime.start();
    await until(() => storedMessages(core, 'tg').length === 1, 'conversation exists');
    tg.faults
      .add('sendmessage', { kind: 'status', status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } })
      .add('sendmessage', { kind: 'status', status: 503, body: { ok: false, error_code: 503, description: 'Service Unavailable' } })
      .add('sendmessage', { kind: 'status', status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } })
      .add('sendmessage', { kind: 'drop' })
      .add('sendmessage', { kind: 'drop-after' });
    const texts = Array.from({ length: 8 }, (_, i) => `reply ${i}`);
    for (const t of texts) {
      queueReply(core, 'tg', '42', t);
      runtime.notifyOutbox('tg');
    }
    await until(() => outboxRows(core, 'tg').every((r) => ['sent', 'unknown', 'failed'].includes(r.state)), 'every reply settled', 15_000);
    const rows = outboxRows(core, 'tg');
    const count = (t: string) => tg.sent.filter((s) => s.text === t).length;
    rows.forEach((r, i) => {
      if (r.state === 'sent') expect(count(texts[i]!)).toBe(1);
      else expect(count(texts[i]!)).toBeLessThanOrEqual(1);
    });
    expect(rows.filter((r) => r.state === 'unknown')).toHaveLength(3); // 500, drop, drop-after: the outcome cannot be known
    expect(rows.filter((r) => r.state === 'sent')).toHaveLength(5);
    expect(rows.find((r) => r.state === 'unknown' && r.last_error)!.last_error).toMatch(/check the conversation/);
    const sentIds = storedMessages(core, 'tg').filter((m) => m.direction === 'out' && m.delivery === 'sent');
    expect(sentIds).toHaveLength(5);
    expect(leaks(TOKEN, core, logs)).toEqual([]);
  });

  it('stop and restart mid-stream loses nothing and stores nothing twice', async () => {
    const time = fastTime(100);
    const tg = await TelegramEmulator.start(TOKEN);
    const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
    cleanup.push(() => core.close(), () => tg.close());
    await putSecrets(core, 'tg', { botToken: TOKEN });
    const config: ChannelConfig = { id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } };
    for (let i = 0; i < 1000; i++) tg.addText(100 + (i % 17), `m${i}`);
    const first = testRuntime(core, time, [config]).runtime;
    first.start();
    await until(() => storedMessages(core, 'tg').length >= 200, 'part of the stream');
    await first.stop();
    const partial = storedMessages(core, 'tg').length;
    expect(partial).toBeLessThan(1000);
    for (let i = 1000; i < 1200; i++) tg.addText(100 + (i % 17), `m${i}`);
    const second = testRuntime(core, time, [config]).runtime;
    cleanup.push(() => second.stop());
    second.start();
    await until(() => storedMessages(core, 'tg').length === 1200, 'the rest');
    const texts = core.db.prepare("SELECT count(DISTINCT platform_message_id) n FROM messages WHERE channel_id = 'tg'").get() as { n: number };
    expect(texts.n).toBe(1200);
  });
});
