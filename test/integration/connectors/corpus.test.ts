import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/app';
import { verifyHubSignature, type ChannelHealth, type ConnectorRuntime } from '../../../main/core/connectors';
import type { AuditEvent } from '../../../main/core/shared/ports';
import { placeholderMasker } from '../../../main/core/store';
import { MetaEmulator } from '../../emulators/meta';
import { TelegramEmulator } from '../../emulators/telegram';
import { XEmulator } from '../../emulators/x';
import { corpus, type ExpectedEntry } from '../../fixtures/platforms/corpus';
import { connectorCore, fastTime, outboxRows, putSecrets, queueReply, testRuntime, until } from '../../helpers/connectors';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

interface StoredRow {
  platform_message_id: string;
  conversation: string;
  contact: string;
  direction: string;
  masked_text: string;
}

function stored(core: Core): StoredRow[] {
  return core.db
    .prepare(
      `SELECT m.platform_message_id, c.platform_conversation_id conversation, k.platform_user_id contact, m.direction, m.masked_text
       FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id ORDER BY m.id`,
    )
    .all() as StoredRow[];
}

/**
 * Every expected entry is stored once, in its conversation, with exactly the expected text (as the store masks it).
 * An entry that `movesTo` another id re-keys its conversation: every entry of the old id is then found under the new
 * (also one that arrives after the move: the old id is kept as an alias). `storedIn` names the conversation an alias led to.
 */
function expectStored(core: Core, expected: ExpectedEntry[]): void {
  const rows = new Map(stored(core).map((r) => [r.platform_message_id, r]));
  const moves = new Map(expected.filter((e) => e.movesTo).map((e) => [e.conversation, e.movesTo!]));
  for (const e of expected) {
    const r = rows.get(e.id);
    expect(r, e.id).toBeDefined();
    expect(r!.masked_text.trim(), `${e.id} is not blank`).not.toBe('');
    expect({ conversation: r!.conversation, direction: r!.direction, text: r!.masked_text }, e.id).toEqual({
      conversation: e.storedIn ?? moves.get(e.conversation) ?? e.conversation,
      direction: e.direction ?? 'in',
      text: placeholderMasker(e.text).masked,
    });
  }
  expect(rows.size).toBe(expected.length);
  // Each edited or deleted original that is stored is marked, pointing at the entry that superseded it (a deletion wins).
  const marks = new Map<string, { kind: string; by: string }>();
  for (const e of expected) {
    if (!e.revises || !rows.has(e.revises.platformMessageId)) continue;
    if (marks.get(e.revises.platformMessageId)?.kind !== 'deleted') marks.set(e.revises.platformMessageId, { kind: e.revises.kind, by: e.id });
  }
  for (const [original, mark] of marks) {
    const row = core.db
      .prepare('SELECT m.revision, r.platform_message_id by_id FROM messages m LEFT JOIN messages r ON r.id = m.revised_by WHERE m.platform_message_id = ?')
      .get(original) as { revision: string; by_id: string };
    expect({ original, revision: row.revision, by: row.by_id }).toEqual({ original, revision: mark.kind, by: mark.by });
  }
}

describe('Telegram: the fixture corpus through the emulator, the connector and the store', () => {
  it('stores every fixture as expected, names the unsupported kind, and answers a migrated group, a forum topic and a business chat', async () => {
    const TOKEN = '123456:TESTTOKEN-corpus-abcdefghijkl';
    const time = fastTime(100);
    const tg = await TelegramEmulator.start(TOKEN);
    const core = await connectorCore([{ id: 'tg', kind: 'telegram' }], time.clock);
    await putSecrets(core, 'tg', { botToken: TOKEN });
    const { runtime } = testRuntime(core, time, [{ id: 'tg', kind: 'telegram', baseUrl: tg.url, settings: { longPollSeconds: 1 } }]);
    const health: ChannelHealth[] = [];
    runtime.on('health', (h) => health.push(h));
    cleanup.push(() => core.close(), () => tg.close(), () => runtime.stop());

    const cases = corpus('telegram').cases;
    for (const c of cases) tg.addRaw(c.update as Record<string, unknown>);
    const expected = cases.flatMap((c) => c.expect);
    runtime.start();
    await until(() => stored(core).length >= expected.length, `all ${expected.length} fixtures stored`);
    expectStored(core, expected);
    expect(health.some((h) => /checklist/.test(h.note ?? ''))).toBe(true);
    expect(tg.answeredCallbacks).toEqual(['4382bfdwdsb323b2d9']);

    // Group -4000000003 announced its upgrade (a fixture): its conversation now continues under the supergroup's id,
    // one conversation with the supergroup's first message. Group -4000000004 did not: the first reply is refused with
    // migrate_to_chat_id and sent again to the supergroup, the next goes there directly.
    expect(stored(core).filter((r) => r.conversation === '-1004000000003').map((r) => r.platform_message_id)).toEqual([
      '-4000000003:60',
      '-4000000003:61',
      '-1004000000003:1',
    ]);
    tg.migrated.set('-4000000003', -1004000000003);
    tg.migrated.set('-4000000004', -1004000000004);
    queueReply(core, 'tg', '-1004000000003', 'first reply after the upgrade');
    queueReply(core, 'tg', '-4000000004', 'unannounced upgrade');
    queueReply(core, 'tg', '-1001800000002/topic/300', 'answer in the Refunds topic');
    queueReply(core, 'tg', '5550005/business/AbCdEf-123_xyz', 'Yes, 10:00 to 18:00');
    runtime.notifyOutbox('tg');
    await until(() => outboxRows(core, 'tg').every((r) => r.state === 'sent'), 'three replies sent');
    queueReply(core, 'tg', '-4000000004', 'second reply');
    runtime.notifyOutbox('tg');
    await until(() => outboxRows(core, 'tg').every((r) => r.state === 'sent'), 'fifth reply sent');
    expect(tg.sent.map(({ chat_id, text, message_thread_id, business_connection_id }) => ({ chat_id, text, message_thread_id, business_connection_id }))).toEqual([
      { chat_id: '-1004000000003', text: 'first reply after the upgrade', message_thread_id: undefined, business_connection_id: undefined },
      { chat_id: '-1004000000004', text: 'unannounced upgrade', message_thread_id: undefined, business_connection_id: undefined },
      { chat_id: '-1001800000002', text: 'answer in the Refunds topic', message_thread_id: 300, business_connection_id: undefined },
      { chat_id: '5550005', text: 'Yes, 10:00 to 18:00', message_thread_id: undefined, business_connection_id: 'AbCdEf-123_xyz' },
      { chat_id: '-1004000000004', text: 'second reply', message_thread_id: undefined, business_connection_id: undefined },
    ]);
    expect(tg.calls.filter((c) => c.method === 'sendmessage').length).toBe(6); // one refused attempt, then the five
  });
});

describe('WhatsApp: the fixture corpus through signed webhooks, the connector and the store', () => {
  it('stores every fixture as expected and answers a business-scoped id in recipient, a phone number in to', async () => {
    const TOKEN = 'EAAtest-wa-corpus-0123456789';
    const time = fastTime(100);
    const meta = await MetaEmulator.start(TOKEN);
    meta.now = time.clock.now;
    const core = await connectorCore([{ id: 'wa', kind: 'whatsapp' }], time.clock);
    await putSecrets(core, 'wa', { accessToken: TOKEN });
    const audits: AuditEvent[] = [];
    const { runtime } = testRuntime(core, time, [{ id: 'wa', kind: 'whatsapp', baseUrl: meta.url, settings: { phoneNumberId: '420000000000002' } }], {
      audit: (e) => audits.push(e),
    });
    const health: ChannelHealth[] = [];
    runtime.on('health', (h) => health.push(h));
    cleanup.push(() => core.close(), () => meta.close(), () => runtime.stop());
    runtime.start();
    const url = await relay(runtime, meta.appSecret);
    await until(() => runtime.health()[0]!.state === 'connected', 'ready');

    const cases = corpus('whatsapp').cases;
    for (const c of cases) expect(await meta.deliver(url, c.payload), c.name).toEqual([200]);
    expectStored(core, cases.flatMap((c) => c.expect));
    // The number change re-keyed the conversation: the new number's message is in the same one, and nothing in the
    // audit names either number.
    const omar = stored(core).filter((r) => r.platform_message_id.startsWith('wamid.S'));
    expect(new Set(omar.map((r) => r.conversation))).toEqual(new Set(['971500777888']));
    expect(audits.filter((a) => a.action === 'conversation.moved')).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toMatch(/971500/);
    expect(audits.filter((a) => a.action.startsWith('message.')).map((a) => [a.action, a.details?.platformMessageId])).toEqual([
      ['message.edited', 'wamid.T1'],
      ['message.deleted', 'wamid.T1'],
    ]);
    const notes = health.map((h) => h.note ?? '').join(' ');
    expect(notes).toMatch(/131051/);
    expect(notes).toMatch(/131000 Something went wrong/);

    meta.waInboundNow('AE.9876543210123456789');
    meta.waInboundNow('34600111222');
    queueReply(core, 'wa', 'AE.9876543210123456789', 'نعم، جاهز');
    queueReply(core, 'wa', '34600111222', 'It ships today');
    runtime.notifyOutbox('wa');
    await until(() => outboxRows(core, 'wa').every((r) => r.state === 'sent'), 'both sent');
    expect(meta.waSends.map((s) => ({ to: s.body.to, recipient: s.body.recipient }))).toEqual([
      { to: undefined, recipient: 'AE.9876543210123456789' },
      { to: '34600111222', recipient: undefined },
    ]);
  });
});

for (const platform of ['messenger', 'instagram'] as const) {
  describe(`${platform}: the fixture corpus through signed webhooks, the connector and the store`, () => {
    it('stores every fixture as expected, and moves a sent reply to read by watermark', async () => {
      const TOKEN = `EAAtest-${platform}-corpus-0123456789`;
      const time = fastTime(100);
      const meta = await MetaEmulator.start(TOKEN);
      meta.now = time.clock.now;
      const core = await connectorCore([{ id: 'wa', kind: platform }], time.clock);
      await putSecrets(core, 'wa', { pageAccessToken: TOKEN });
      // No accountId for Instagram: the connector asks Graph which professional account the Page is linked to.
      const { runtime } = testRuntime(core, time, [{ id: 'wa', kind: platform, baseUrl: meta.url, pollIntervalMs: 3_600_000, settings: { pageId: meta.pageId } }]);
      cleanup.push(() => core.close(), () => meta.close(), () => runtime.stop());
      runtime.start();
      const url = await relay(runtime, meta.appSecret);
      await until(() => meta.calls.some((c) => c.route === 'conversations'), 'first poll');

      const cases = corpus(platform).cases;
      for (const c of cases) expect(await meta.deliver(url, c.payload), c.name).toEqual([200]);
      expectStored(core, cases.flatMap((c) => c.expect));

      const customer = platform === 'messenger' ? '6100000000000042' : '1120000000000077';
      meta.addInbound(platform, customer, 'Ana', 'still there?');
      queueReply(core, 'wa', customer, 'Yes, it ships today.', { window: 'open' });
      runtime.notifyOutbox('wa');
      await until(() => outboxRows(core, 'wa').every((r) => r.state === 'sent'), 'reply sent');
      const delivery = () =>
        (core.db.prepare("SELECT delivery FROM messages WHERE direction = 'out' AND author_id IS NOT NULL").get() as { delivery: string }).delivery;
      expect(delivery()).toBe('sent');
      const watermark = time.clock.now() + 1_000;
      const self = platform === 'messenger' ? meta.pageId : meta.igAccountId;
      await meta.deliver(url, { object: platform === 'messenger' ? 'page' : 'instagram', entry: [{ id: self, time: watermark, messaging: [{ sender: { id: customer }, recipient: { id: self }, timestamp: watermark, read: { watermark } }] }] });
      expect(delivery()).toBe('read');

      // A poll files the customer's message as theirs and the business's reply as outbound, in the customer's conversation.
      runtime.retryNow('wa');
      await until(() => stored(core).some((r) => r.masked_text === 'still there?'), 'polled');
      const polled = stored(core).filter((r) => r.masked_text === 'still there?' || r.masked_text === 'Yes, it ships today.');
      expect(polled.map((r) => [r.conversation, r.direction])).toEqual([
        [customer, 'out'],
        [customer, 'in'],
      ]);
    });
  });
}

describe('X: the fixture corpus through the emulator, the connector and the store', () => {
  it('stores every fixture as expected, notes the malformed event, and takes a 200 with only errors as a note, not a failure', async () => {
    const time = fastTime(100);
    const x = await XEmulator.start();
    const core = await connectorCore([{ id: 'x1', kind: 'x' }], time.clock);
    await putSecrets(core, 'x1', { ...x.issue(), clientId: x.clientId, expiresAt: time.clock.now() + 7_200_000 });
    const fixtures = corpus('x');
    const { runtime } = testRuntime(core, time, [{ id: 'x1', kind: 'x', baseUrl: x.url, pollIntervalMs: 20_000, settings: { userId: String(fixtures.me) } }]);
    const health: ChannelHealth[] = [];
    runtime.on('health', (h) => health.push(h));
    cleanup.push(() => core.close(), () => x.close(), () => runtime.stop());
    for (const c of fixtures.cases) x.addRaw(c.event as Record<string, unknown>, (c.media ?? []) as Array<{ media_key: string }>);
    x.errorsOnlyNext = true;
    runtime.start();
    await until(() => health.some((h) => /Invalid Request|parameters to your request/.test(h.note ?? '')), 'the errors-only answer noted');
    const expected = fixtures.cases.flatMap((c) => c.expect);
    runtime.retryNow('x1');
    await until(() => stored(core).length >= expected.length, 'all X fixtures stored');
    expectStored(core, expected);
    expect(health.some((h) => /1 X event\(s\) could not be read/.test(h.note ?? ''))).toBe(true);
    expect(health.every((h) => h.state !== 'degraded')).toBe(true);

    // Account Activity webhooks (pushed as the relay would) land in the same conversations; the same event polled
    // later is a duplicate, and the customer's read receipt marks the business's reply read.
    const hooks = fixtures.webhooks ?? [];
    for (const h of hooks) runtime.push('x1', h.payload);
    expectStored(core, [...expected, ...hooks.flatMap((h) => h.expect)]);
    const first = hooks[0]!.payload as { direct_message_events: Array<{ id: string; message_create: { message_data: { text: string } } }> };
    x.addRaw({ id: first.direct_message_events[0]!.id, event_type: 'MessageCreate', text: first.direct_message_events[0]!.message_create.message_data.text, sender_id: '1500000000000000777', dm_conversation_id: '1500000000000000001-1500000000000000777', created_at: new Date(1767225600000).toISOString() });
    let duplicates = 0;
    runtime.on('ingested', (e) => (duplicates += e.duplicates));
    runtime.retryNow('x1');
    await until(() => duplicates >= 1, 'the polled copy of a pushed event is a duplicate');
    expect(stored(core)).toHaveLength(expected.length + hooks.flatMap((h) => h.expect).length);
  });
});

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
    runtime.push('wa', JSON.parse(raw.toString('utf8')));
    res.writeHead(200).end('EVENT_RECEIVED');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
}
