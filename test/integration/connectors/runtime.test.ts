import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelAlert, ChannelHealth, DemoConnector } from '../../../main/core/connectors';
import type { AuditEvent } from '../../../main/core/shared/ports';
import { luhnValid, saudiId, iranianIdValid, iban } from '../../../main/core/connectors/demo';
import { rng } from '../../../main/core/connectors/demo/values';
import { TelegramEmulator } from '../../emulators/telegram';
import { connectorCore, fastTime, outboxRows, putSecrets, queueReply, storedMessages, testRuntime, until } from '../../helpers/connectors';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function demo(settings: Record<string, number> = {}, over = {}) {
  const time = fastTime(100);
  const core = await connectorCore([{ id: 'demo', kind: 'demo' }], time.clock);
  const { runtime, logs } = testRuntime(core, time, [{ id: 'demo', kind: 'demo', pollIntervalMs: 1_000, settings: { seed: 11, ...settings } }], over);
  cleanup.push(() => core.close(), () => runtime.stop());
  return { time, core, runtime, logs };
}

describe('demo channel', () => {
  it('shows conversations on first start with no credentials, in Arabic, Persian, English and mixed, secrets masked', async () => {
    const { core, runtime } = await demo({ backlogMs: 4 * 3_600_000, conversationGapMs: 60_000 });
    runtime.start();
    await until(() => storedMessages(core, 'demo').length > 200, 'a backlog of conversations');
    const texts = storedMessages(core, 'demo').map((m) => m.masked_text);
    expect(texts.some((t) => /\p{Script=Arabic}/u.test(t) && /[گچپژکی]/u.test(t))).toBe(true); // Persian letters
    expect(texts.some((t) => /^[\x20-\x7e]+$/.test(t))).toBe(true);
    expect(texts.some((t) => /[A-Za-z]/.test(t) && /\p{Script=Arabic}/u.test(t))).toBe(true);
    expect(texts.some((t) => /⟦NUMBER/.test(t))).toBe(true);
    expect(texts.some((t) => /acrne\.com|acme-support-help|meta-business-appeal|acme-verify|sa-refunds/.test(t))).toBe(true);
    expect(texts.every((t) => !/\d{8,}/.test(t.replace(/\s/g, '')))).toBe(true); // long numbers never stored in clear
    expect(runtime.health()[0]!.state).toBe('connected');
  });

  it('plays the same conversations for the same seed and clock', async () => {
    const { DemoConnector } = await import('../../../main/core/connectors/demo');
    const make = () => new DemoConnector({ config: { id: 'd', kind: 'demo', settings: { seed: 5 } }, clock: { now: () => 1_767_225_600_000 } } as never);
    const a = await make().pull(null);
    const b = await make().pull(null);
    expect(a.messages.length).toBeGreaterThan(5);
    expect(a).toEqual(b);
  });

  it('its values carry valid checksums', () => {
    const r = rng(3);
    for (let i = 0; i < 200; i++) {
      const id = saudiId(r);
      expect(id).toMatch(/^[12]\d{9}$/);
      expect(luhnValid(id)).toBe(true);
      const ib = iban(r, 'SA');
      const moved = ib.slice(4) + ib.slice(0, 4);
      const num = moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
      expect([...num].reduce((m, d) => (m * 10 + Number(d)) % 97, 0)).toBe(1);
    }
    expect(iranianIdValid('0499370899')).toBe(true);
  });

  it('answers replies sometimes, and plays a scenario on demand', async () => {
    const { core, runtime } = await demo({ backlogMs: 30 * 60_000, replyChance: 1 });
    runtime.start();
    await until(() => storedMessages(core, 'demo').length > 0, 'backlog');
    const conv = (core.db.prepare("SELECT platform_conversation_id p FROM conversations WHERE channel_id='demo' LIMIT 1").get() as { p: string }).p;
    queueReply(core, 'demo', conv, 'We are on it');
    runtime.notifyOutbox('demo');
    await until(() => outboxRows(core, 'demo')[0]?.state === 'sent', 'delivered');
    await until(() => storedMessages(core, 'demo').some((m) => m.platform_message_id.startsWith('demo-re-')), 'the customer answers');
    const scenario = (runtime.connector('demo') as DemoConnector).playScenario('burst');
    await until(() => storedMessages(core, 'demo').filter((m) => scenario.some((d) => m.platform_message_id.startsWith(d))).length >= scenario.length, 'the scenario plays');
  });
});

describe('connector runtime', () => {
  it('pause stops pulls and sends; replies wait in the outbox and go out after resume', async () => {
    const time = fastTime(100);
    const tg = await TelegramEmulator.start('123456:PAUSE-TOKEN-abcdef');
    const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
    await putSecrets(core, 'tg', { botToken: '123456:PAUSE-TOKEN-abcdef' });
    const { runtime } = testRuntime(core, time, [{ id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } }]);
    cleanup.push(() => core.close(), () => tg.close(), () => runtime.stop());
    tg.addText(5, 'hello');
    runtime.start();
    await until(() => storedMessages(core, 'tg').length === 1, 'first');
    runtime.pause('off-network');
    expect(runtime.health()[0]!.state).toBe('paused');
    queueReply(core, 'tg', '5', 'queued while off-network');
    runtime.notifyOutbox('tg');
    tg.addText(5, 'second');
    const calls = tg.calls.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(tg.calls.length).toBe(calls);
    expect(outboxRows(core, 'tg')[0]!.state).toBe('queued');
    expect(storedMessages(core, 'tg').filter((m) => m.direction === 'in')).toHaveLength(1);
    runtime.resume();
    await until(() => outboxRows(core, 'tg')[0]!.state === 'sent' && storedMessages(core, 'tg').filter((m) => m.direction === 'in').length === 2, 'after resume');
    expect(tg.sent.map((s) => s.text)).toEqual(['queued while off-network']);
    expect(runtime.health()[0]!.state).toBe('connected');
  });

  it('a reply caught mid-send by a crash is shown as unknown and never sent again by itself', async () => {
    const time = fastTime(100);
    const tg = await TelegramEmulator.start('123456:CRASH-TOKEN-abcdef');
    const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
    await putSecrets(core, 'tg', { botToken: '123456:CRASH-TOKEN-abcdef' });
    cleanup.push(() => core.close(), () => tg.close());
    core.store.sink.ingest('tg', [{ platformMessageId: '5:1', platformConversationId: '5', contact: { platformUserId: '5' }, direction: 'in', text: 'hi', sentAt: 1 }]);
    queueReply(core, 'tg', '5', 'in flight when the app died');
    queueReply(core, 'tg', '5', 'still queued');
    core.store.outbox.claim('tg', time.clock.now()); // the previous process claimed it, then crashed
    expect(core.store.outbox.recoverInterrupted()).toBe(1); // what openCore does at start
    const { runtime } = testRuntime(core, time, [{ id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } }]);
    cleanup.push(() => runtime.stop());
    runtime.start();
    await until(() => outboxRows(core, 'tg')[1]!.state === 'sent', 'the queued one goes');
    await new Promise((r) => setTimeout(r, 300));
    expect(outboxRows(core, 'tg').map((r) => r.state)).toEqual(['unknown', 'sent']);
    expect(tg.sent.map((s) => s.text)).toEqual(['still queued']);
  });

  describe('when the store refuses to record a sent reply (a trigger in the real SQLite file)', () => {
    const refuseSent = (core: Awaited<ReturnType<typeof connectorCore>>) =>
      core.db.exec("CREATE TRIGGER test_refuse_sent BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'sent' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    const allowSent = (core: Awaited<ReturnType<typeof connectorCore>>) => core.db.exec('DROP TRIGGER test_refuse_sent');

    async function setup(over: Parameters<typeof testRuntime>[3] = {}) {
      const time = fastTime(100);
      const tg = await TelegramEmulator.start('123456:RECORD-TOKEN-abcdef');
      const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
      await putSecrets(core, 'tg', { botToken: '123456:RECORD-TOKEN-abcdef' });
      core.store.sink.ingest('tg', [{ platformMessageId: '5:1', platformConversationId: '5', contact: { platformUserId: '5' }, direction: 'in', text: 'hi', sentAt: 1 }]);
      const { runtime, logs } = testRuntime(core, time, [{ id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } }], over);
      cleanup.push(() => core.close(), () => tg.close(), () => runtime.stop());
      return { core, tg, runtime, logs };
    }

    it('the outbox loop lives on, retries the record, and the reply is sent once and ends sent', async () => {
      const { core, tg, runtime, logs } = await setup();
      refuseSent(core);
      queueReply(core, 'tg', '5', 'your card 4111 1111 1111 1111 is blocked now');
      runtime.start();
      await until(() => logs.some((l) => l.event === 'outbox.record_failed'), 'a failed record');
      expect(tg.sent).toHaveLength(1);
      expect(outboxRows(core, 'tg')[0]!.state).toBe('sending');
      expect(JSON.stringify(logs)).not.toContain('4111 1111');
      allowSent(core);
      await until(() => outboxRows(core, 'tg')[0]!.state === 'sent', 'the record to land');
      queueReply(core, 'tg', '5', 'and a new one is on its way');
      runtime.notifyOutbox('tg');
      await until(() => outboxRows(core, 'tg')[1]?.state === 'sent', 'the next reply');
      expect(tg.sent.map((m) => m.text)).toEqual(['your card 4111 1111 1111 1111 is blocked now', 'and a new one is on its way']);
    });

    it('after its tries it gives up: the reply stays sending (never claimed again), becomes unknown at the next start, and later replies still go', async () => {
      const { core, tg, runtime, logs } = await setup({ bookkeeping: { attempts: 3, backoff: { baseMs: 10, capMs: 10 } } });
      refuseSent(core);
      queueReply(core, 'tg', '5', 'first');
      runtime.start();
      await until(() => logs.some((l) => l.event === 'outbox.record_failed' && l.level === 'error'), 'the last try');
      expect(logs.filter((l) => l.event === 'outbox.record_failed')).toHaveLength(3);
      allowSent(core);
      queueReply(core, 'tg', '5', 'second');
      runtime.notifyOutbox('tg');
      await until(() => outboxRows(core, 'tg')[1]?.state === 'sent', 'the second reply');
      await new Promise((r) => setTimeout(r, 300));
      expect(tg.sent.map((m) => m.text)).toEqual(['first', 'second']);
      expect(outboxRows(core, 'tg')[0]!.state).toBe('sending');
      await runtime.stop();
      expect(core.store.outbox.recoverInterrupted()).toBe(1);
      expect(outboxRows(core, 'tg').map((r) => r.state)).toEqual(['unknown', 'sent']);
    });
  });

  it('alerts once when a channel silently stops delivering, and audits it', async () => {
    const time = fastTime(100);
    const tg = await TelegramEmulator.start('123456:SILENT-TOKEN-abcdef');
    tg.faults.add('getupdates', { kind: 'status', status: 502, body: {} }, 10_000);
    const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
    await putSecrets(core, 'tg', { botToken: '123456:SILENT-TOKEN-abcdef' });
    const audit: AuditEvent[] = [];
    const alerts: ChannelAlert[] = [];
    const { runtime } = testRuntime(core, time, [{ id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } }], {
      silentAfterMs: 60_000,
      watchdogMs: 5_000,
      errorBackoff: { baseMs: 5_000, capMs: 20_000 },
      audit: (e: AuditEvent) => audit.push(e),
    });
    cleanup.push(() => core.close(), () => tg.close(), () => runtime.stop());
    runtime.on('alert', (a) => alerts.push(a));
    runtime.start();
    await until(() => alerts.length === 1, 'an alert', 5_000);
    await new Promise((r) => setTimeout(r, 400));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ channelId: 'tg', kind: 'stopped-delivering' });
    expect(alerts[0]!.message).toMatch(/No successful contact with the platform for \d+ minutes?\..*502/);
    expect(runtime.health()[0]).toMatchObject({ state: 'degraded', alert: { kind: 'stopped-delivering' } });
    expect(audit).toContainEqual({ action: 'channel.alert', actor: 'system', target: 'channel:tg', details: { kind: 'stopped-delivering' } });
  });

  it('alerts when no customer message came for unusually long (quiet channel)', async () => {
    const { runtime } = await demo({ backlogMs: 0, conversationGapMs: 24 * 3_600_000 }, { watchdogMs: 10_000 });
    const alerts: ChannelAlert[] = [];
    runtime.on('alert', (a) => alerts.push(a));
    runtime.remove('demo');
    runtime.add({ id: 'demo', kind: 'demo', pollIntervalMs: 1_000, quietAlertMs: 120_000, settings: { seed: 1, backlogMs: 0, conversationGapMs: 24 * 3_600_000 } });
    runtime.start();
    await until(() => alerts.length > 0, 'quiet alert', 5_000);
    expect(alerts[0]).toMatchObject({ kind: 'quiet' });
    const states: ChannelHealth[] = runtime.health();
    expect(states[0]!.state).toBe('connected');
  });
});
