import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelConfig, ChannelHealth } from '../../main/core/connectors';
import type { Fault } from '../emulators/server';
import { MetaEmulator } from '../emulators/meta';
import { TelegramEmulator } from '../emulators/telegram';
import { XEmulator } from '../emulators/x';
import { connectorCore, fastTime, leaks, putSecrets, storedMessages, testRuntime, until } from '../helpers/connectors';

/**
 * Hostile platforms: every emulator answers with malformed JSON, a 5 MB body, 10,000-deep nesting, invalid UTF-8,
 * wrong types, NULs and bidi/zero-width tricks. Each must be refused (or stored safely) with a note on the channel's
 * health; the channel keeps polling, and the good messages that follow are stored exactly once.
 */
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const TRICKS = ['\u202egnp.exe\u202c invoice', 'pay\u200b\u200cpal\ufeff.com', 'nul\u0000byte', '\u0645\u0631\u062d\u0628\u0627 \u202d1234\u202c', 'e\u0301\u0301\u0301\u0301'];
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const invalidUtf8 = (prefix: string, suffix: string) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(suffix)]);

/** The same hostile answers for every platform, shaped around what its poll endpoint normally returns. */
function hostileAnswers(wrap: (inner: string) => string): Fault[] {
  return [
    { kind: 'malformed' },
    { kind: 'body', body: wrap(`"${'x'.repeat(5 * 1024 * 1024)}"`) },
    { kind: 'body', body: wrap(nested(10_000)) },
    { kind: 'body', body: `{"a":${nested(10_000)}}` },
    { kind: 'body', body: invalidUtf8(wrap('"'), '"') },
    { kind: 'body', body: invalidUtf8('{"', '":1}') },
    { kind: 'body', body: '"just a string"' },
    { kind: 'body', body: 'null' },
    { kind: 'body', body: wrap('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}') },
    { kind: 'body', body: wrap('[1,"two",null,{"id":{}},[]]') },
    { kind: 'body', body: '\u0000\u0000\u0000' },
    { kind: 'body', body: '' },
  ];
}

function expectHealthNoted(states: ChannelHealth[]) {
  expect(states.filter((s) => s.state !== 'connected' && s.lastError).length).toBeGreaterThan(0);
  for (const s of states) {
    expect(s.lastError ?? '').not.toContain('xxxxxxxxxx');
    expect(s.lastError ?? '').not.toContain('\u0000');
  }
}

describe('hostile platforms', () => {
  it('Telegram: hostile getUpdates answers and poisoned updates are refused with a note; later messages stored once', async () => {
    const TOKEN = '123456:HOSTILE-abcdefghijklmnop';
    const time = fastTime(100);
    const tg = await TelegramEmulator.start(TOKEN);
    const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
    await putSecrets(core, 'tg', { botToken: TOKEN });
    const config: ChannelConfig = { id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } };
    const { runtime, logs } = testRuntime(core, time, [config], { http: { timeoutMs: 3_000, retries: 0, retryBaseMs: 50, retryCapMs: 200 } });
    const states: ChannelHealth[] = [];
    runtime.on('health', (h) => states.push(h));
    cleanup.push(() => core.close(), () => tg.close(), () => runtime.stop());

    for (const f of hostileAnswers((inner) => `{"ok":true,"result":[{"update_id":1,"message":${inner}}]}`)) tg.faults.add('getupdates', f);
    // Poisoned updates that stay in the queue until confirmed: wrong types, missing parts, huge text, tricks.
    tg.addRaw({ message: { message_id: 'nope', chat: 'not-an-object', text: { html: '<b>' } } });
    tg.addRaw({ message: { message_id: 1, date: 0, chat: { id: 77, type: 'private' }, from: { id: 77 }, text: 'y'.repeat(5 * 1024 * 1024) } });
    tg.addRaw({ edited_message: nestedObject(1_000) });
    tg.addRaw({ message: { message_id: 2, date: 'yesterday', chat: { id: null }, text: null } } as never);
    for (const t of TRICKS) tg.addText(5550100, t);
    runtime.start();
    await until(() => tg.faults.pending === 0, 'every hostile answer served', 20_000);
    for (let i = 0; i < 10; i++) tg.addText(5550200 + (i % 3), `good message ${i}`);
    await until(() => storedMessages(core, 'tg').filter((m) => m.masked_text.startsWith('good message')).length === 10, 'the good messages', 20_000);
    // A few more polls (counted, not timed): nothing arrives twice.
    const polls = tg.calls.filter((c) => c.method === 'getupdates').length;
    await until(() => tg.calls.filter((c) => c.method === 'getupdates').length >= polls + 3, 'three more polls', 20_000);
    const ids = storedMessages(core, 'tg').map((m) => m.platform_message_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(storedMessages(core, 'tg').filter((m) => m.masked_text.startsWith('good message'))).toHaveLength(10);
    // Bidi overrides, zero-width characters, NULs and stacked accents are a customer's text: stored, once each.
    expect(storedMessages(core, 'tg').filter((m) => m.platform_message_id.startsWith('5550100:'))).toHaveLength(TRICKS.length);
    expectHealthNoted(states);
    expect(states.some((s) => /could not be read and were skipped/.test(s.note ?? ''))).toBe(true);
    // The 5 MB message is kept, cut to what the store holds, with a marker the agent sees.
    expect(storedMessages(core, 'tg').some((m) => /\[cut: .+ characters in all\]$/.test(m.masked_text))).toBe(true);
    expect(states.some((s) => /longer than Diwan keeps/.test(s.note ?? ''))).toBe(true);
    await until(() => runtime.health()[0]!.state === 'connected', 'connected again');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(leaks(TOKEN, core, logs, states.map((s) => s.lastError ?? ''))).toEqual([]);
  }, 60_000);

  it('X: hostile dm_events answers are refused with a note; later DMs stored once', async () => {
    const time = fastTime(100);
    const x = await XEmulator.start();
    x.now = time.clock.now;
    const core = await connectorCore([{ id: 'x1', kind: 'x' }], time.clock);
    const pair = x.issue();
    await putSecrets(core, 'x1', { ...pair, clientId: x.clientId, expiresAt: time.clock.now() + 7_200_000 });
    const config: ChannelConfig = { id: 'x1', kind: 'x', baseUrl: x.url, pollIntervalMs: 1_000 };
    const { runtime, logs } = testRuntime(core, time, [config], { http: { timeoutMs: 3_000, retries: 0, retryBaseMs: 50, retryCapMs: 200 }, errorBackoff: { baseMs: 100, capMs: 1_000 } });
    const states: ChannelHealth[] = [];
    runtime.on('health', (h) => states.push(h));
    cleanup.push(() => core.close(), () => x.close(), () => runtime.stop());

    for (const t of TRICKS) x.addInbound('2200000001', t);
    x.addInbound('2200000001', 'z'.repeat(200_000)); // stays on every page until it scrolls away
    for (const f of hostileAnswers((inner) => `{"data":[{"id":"1","event_type":"MessageCreate","text":${inner},"sender_id":"1","dm_conversation_id":"1-2"}],"meta":{"result_count":1}}`)) {
      x.faults.add('dm_events', f);
    }
    runtime.start();
    await until(() => x.faults.pending === 0, 'every hostile answer served', 30_000);
    for (let i = 0; i < 10; i++) x.addInbound(String(2200000002 + (i % 3)), `good message ${i}`);
    await until(() => storedMessages(core, 'x1').filter((m) => m.masked_text.startsWith('good message')).length === 10, 'the good DMs', 30_000);
    const ids = storedMessages(core, 'x1').map((m) => m.platform_message_id);
    expect(new Set(ids).size).toBe(ids.length);
    expectHealthNoted(states);
    expect(leaks(pair.accessToken, core, logs, states.map((s) => s.lastError ?? ''))).toEqual([]);
  }, 60_000);

  it('Meta (Messenger): hostile conversation pages are refused with a note; later messages stored once', async () => {
    const TOKEN = 'EAAhostile-page-token-0123456789';
    const time = fastTime(100);
    const meta = await MetaEmulator.start(TOKEN);
    meta.now = time.clock.now;
    const core = await connectorCore([{ id: 'fb', kind: 'messenger' }], time.clock);
    await putSecrets(core, 'fb', { pageAccessToken: TOKEN });
    const config: ChannelConfig = { id: 'fb', kind: 'messenger', baseUrl: meta.url, pollIntervalMs: 1_000, settings: { pageId: meta.pageId } };
    const { runtime, logs } = testRuntime(core, time, [config], { http: { timeoutMs: 3_000, retries: 0, retryBaseMs: 50, retryCapMs: 200 }, errorBackoff: { baseMs: 100, capMs: 1_000 } });
    const states: ChannelHealth[] = [];
    runtime.on('health', (h) => states.push(h));
    cleanup.push(() => core.close(), () => meta.close(), () => runtime.stop());

    TRICKS.forEach((t, i) => meta.addInbound('messenger', `77${i}`, `Trick ${i}`, t));
    meta.addInbound('messenger', '7799', 'Z'.repeat(50_000), 'z'.repeat(200_000));
    for (const f of hostileAnswers((inner) => `{"data":[{"id":"t_1","updated_time":"2026-01-01T00:00:00+0000","participants":{"data":[]},"messages":{"data":[{"id":"m_1","message":${inner}}]}}]}`)) {
      meta.faults.add('conversations', f);
    }
    runtime.start();
    await until(() => meta.faults.pending === 0, 'every hostile answer served', 30_000);
    for (let i = 0; i < 10; i++) meta.addInbound('messenger', `880${i % 3}`, `Customer ${i % 3}`, `good message ${i}`);
    await until(() => storedMessages(core, 'fb').filter((m) => m.masked_text.startsWith('good message')).length === 10, 'the good messages', 30_000);
    const ids = storedMessages(core, 'fb').map((m) => m.platform_message_id);
    expect(new Set(ids).size).toBe(ids.length);
    expectHealthNoted(states);
    expect(leaks(TOKEN, core, logs, states.map((s) => s.lastError ?? ''))).toEqual([]);
  }, 60_000);
});

function nestedObject(depth: number): Record<string, unknown> {
  let o: Record<string, unknown> = { end: true };
  for (let i = 0; i < depth; i++) o = { n: o };
  return o;
}
