import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelConfig, ChannelHealth } from '../../../main/core/connectors';
import { XEmulator } from '../../emulators/x';
import { connectorCore, fastTime, leaks, outboxRows, putSecrets, queueReply, storedMessages, testRuntime, until } from '../../helpers/connectors';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(secretsOver: Record<string, unknown> = {}, runtimeOver = {}) {
  const time = fastTime(100);
  const x = await XEmulator.start();
  x.pageSize = 5;
  const core = await connectorCore([{ id: 'x1', kind: 'x' }], time.clock);
  const pair = x.issue();
  const secrets = { ...pair, clientId: x.clientId, expiresAt: time.clock.now() + 7_200_000, ...secretsOver };
  await putSecrets(core, 'x1', secrets);
  const config: ChannelConfig = { id: 'x1', kind: 'x', baseUrl: x.url, pollIntervalMs: 20_000 };
  const { runtime, logs } = testRuntime(core, time, [config], runtimeOver);
  const states: ChannelHealth[] = [];
  runtime.on('health', (h) => states.push(h));
  cleanup.push(() => core.close(), () => x.close(), () => runtime.stop());
  return { time, x, core, runtime, logs, states, secrets };
}

const health = (r: { health(): ChannelHealth[] }) => r.health()[0]!;

describe('X direct messages against the emulator', () => {
  it('walks pages back to the last seen event, stores each once and keeps the account\'s own events as outgoing', async () => {
    const { x, core, runtime } = await setup();
    for (let i = 0; i < 12; i++) x.addInbound(String(2200000001 + (i % 3)), `Where is my refund ${i}? IBAN SA4420000001234567891234`);
    runtime.start();
    await until(() => storedMessages(core, 'x1').length === 12, 'twelve DMs over three pages');
    x.partialErrorsNext = true;
    x.addInbound('2200000001', 'one more');
    await until(() => storedMessages(core, 'x1').length === 13, 'the next poll');
    expect(x.calls.filter((c) => c.route === 'dm_events').length).toBe(4); // 3 pages, then one page up to the known id
    const rows = storedMessages(core, 'x1');
    expect(new Set(rows.map((r) => r.platform_message_id)).size).toBe(13);
    expect(rows[0]!.masked_text).not.toMatch(/1234567891234/);
    expect(health(runtime).note).toMatch(/partial error/);
    const conv = core.db.prepare("SELECT platform_conversation_id p FROM conversations WHERE channel_id='x1' ORDER BY id").all();
    expect(conv).toContainEqual({ p: '1100000009-2200000001' });
  });

  it('sends to the participant; the echo of the reply is not a second message', async () => {
    const { x, core, runtime } = await setup();
    x.addInbound('2200000001', 'hello');
    runtime.start();
    await until(() => storedMessages(core, 'x1').length === 1, 'conversation');
    queueReply(core, 'x1', '1100000009-2200000001', 'Hi Ana — refund issued today.');
    runtime.notifyOutbox('x1');
    await until(() => outboxRows(core, 'x1')[0]?.state === 'sent', 'sent');
    expect(x.sent).toEqual([{ participant: '2200000001', text: 'Hi Ana — refund issued today.', id: expect.any(String) }]);
    let duplicates = 0;
    runtime.on('ingested', (e) => (duplicates += e.duplicates));
    runtime.retryNow('x1'); // poll again now: the emulator lists our reply as an event of the account
    await until(() => duplicates === 1, 'the echo arrives as a duplicate');
    expect(storedMessages(core, 'x1').map((m) => [m.direction, m.platform_message_id])).toEqual([
      ['in', expect.any(String)],
      ['out', x.sent[0]!.id],
    ]);
  });

  it('refreshes an expired access token with the keychain\'s refresh token and saves the rotated pair', async () => {
    const { x, core, runtime, time, logs, secrets } = await setup({ expiresAt: 0 });
    x.addInbound('2200000001', 'hi');
    runtime.start();
    await until(() => storedMessages(core, 'x1').length === 1, 'stored with a refreshed token');
    const saved = JSON.parse((await core.vault.get('channel:x1'))!);
    expect(saved.refreshToken).not.toBe(secrets.refreshToken);
    expect(saved.expiresAt).toBeGreaterThan(time.clock.now());
    // Revoking the current access token: one 401, one refresh, and on.
    x.accessTokens.delete(saved.accessToken);
    x.addInbound('2200000001', 'again');
    runtime.retryNow('x1');
    await until(() => storedMessages(core, 'x1').length === 2, 'after a 401');
    for (const s of [secrets.accessToken, secrets.refreshToken, saved.accessToken, saved.refreshToken]) expect(leaks(s, core, logs)).toEqual([]);
  });

  it('a pair saved without its expiry (the channel form asks only for the tokens) is refreshed before its first use, then runs', async () => {
    const { x, core, runtime, time } = await setup({ expiresAt: undefined });
    expect(JSON.parse((await core.vault.get('channel:x1'))!)).not.toHaveProperty('expiresAt');
    x.addInbound('2200000001', 'hi');
    runtime.start();
    await until(() => storedMessages(core, 'x1').length === 1, 'stored after the first refresh');
    expect(JSON.parse((await core.vault.get('channel:x1'))!).expiresAt).toBeGreaterThan(time.clock.now());
    expect(health(runtime).state).not.toBe('error');
  });

  it('a refused refresh token means "token rejected", with no tight loop', async () => {
    const { x, runtime } = await setup({ expiresAt: 0 });
    x.refreshTokens.clear();
    runtime.start();
    await until(() => health(runtime).state === 'token-rejected', 'rejected');
    expect(health(runtime).lastError).toMatch(/Reconnect the X account/);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(x.calls.filter((c) => c.route === 'token').length).toBe(1);
  });

  it('stops at zero remaining calls until x-rate-limit-reset, and waits out a 429 as told', async () => {
    const { x, core, runtime, time, states } = await setup();
    x.now = time.clock.now;
    x.limit = { limit: 300, remaining: 1, resetAt: Math.floor(time.clock.now() / 1000) + 90 };
    x.addInbound('2200000001', 'first');
    runtime.start();
    await until(() => storedMessages(core, 'x1').length === 1, 'first poll');
    x.addInbound('2200000001', 'second');
    await until(() => storedMessages(core, 'x1').length === 2, 'after the reset');
    const [p1, p2] = x.calls.filter((c) => c.route === 'dm_events');
    expect(p2!.at - p1!.at).toBeGreaterThanOrEqual(85_000); // remaining 0: quiet until the reset, not the 20 s interval
    expect(x.calls.some((c) => c.status === 429)).toBe(false);
    const resetAt = Math.floor(time.clock.now() / 1000) + 60;
    x.faults.add('dm_events', {
      kind: 'status',
      status: 429,
      body: { title: 'Too Many Requests', status: 429 },
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetAt) },
    });
    x.addInbound('2200000001', 'third');
    runtime.retryNow('x1');
    await until(() => storedMessages(core, 'x1').length === 3, 'after the 429');
    const limited = states.find((s) => s.state === 'rate-limited')!;
    // The wait ends at X's reset time (measured against it, not against how fast this machine got to the 429).
    expect(limited.retryAt!).toBeGreaterThanOrEqual(resetAt * 1000 - 1_000);
    expect(limited.retryAt!).toBeLessThanOrEqual(resetAt * 1000 + 1_000);
    const p429 = x.calls.findIndex((c) => c.status === 429);
    expect(x.calls[p429 + 1]!.at).toBeGreaterThanOrEqual(resetAt * 1000 - 1_000);
  });

  it('a 403 refusal fails the reply with X\'s reason; a dropped send is unknown, never resent', async () => {
    const { x, core, runtime } = await setup();
    x.addInbound('4030000000', 'blocked me');
    x.addInbound('2200000001', 'hello');
    runtime.start();
    await until(() => storedMessages(core, 'x1').length === 2, 'conversations');
    x.faults.add('send', { kind: 'drop-after' });
    queueReply(core, 'x1', '1100000009-2200000001', 'first');
    queueReply(core, 'x1', '1100000009-4030000000', 'to the blocked one');
    runtime.notifyOutbox('x1');
    await until(() => outboxRows(core, 'x1').every((r) => r.state !== 'queued' && r.state !== 'sending'), 'settled');
    const [a, b] = outboxRows(core, 'x1');
    expect(a!.state).toBe('unknown');
    expect(b).toMatchObject({ state: 'failed', attempts: 1 });
    expect(b!.last_error).toMatch(/not permitted to send a message/);
    expect(x.sent.filter((s) => s.text === 'first')).toHaveLength(1);
  });
});
