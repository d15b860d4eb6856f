import crypto from 'node:crypto';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import { listHeld, releaseHeld } from '../../main/core/team';
import { TelegramEmulator } from '../emulators/telegram';
import { heldHub } from './held-hub';
import { freePort, inProcessHubConfig, NodeProcess, nodeConfig, until, type HubFiles } from './harness';
const BOT = 5_550_001;
const NOURA = 5_550_002;
/** One sender may send 3 at once, then about none: the test's flood is held from its fourth message. */
const FLOOD = { perSender: { perMinute: 0.001, burst: 3 }, perChannel: { perMinute: 6_000, burst: 1_000 } };
/** Letters that differ from one message to the next as much as people's words do (templated texts would be a campaign). */
const unlike = (seed: string) => crypto.createHash('sha256').update(seed).digest('hex').replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);

/**
 * A Telegram bot the hub polls itself (getUpdates under the channel's lease) passes the same flood gate as webhooks:
 * one hub node on a real PostgreSQL polling the Telegram emulator, a lead releasing over the hub's API; then a node
 * process killed in the middle of a polled flood and started again, with nothing lost or duplicated.
 */
describe('flood control for a channel the hub polls', () => {
  let fixture: Awaited<ReturnType<typeof heldHub>>;
  let files: HubFiles;
  let tg: TelegramEmulator;
  let seed: Awaited<ReturnType<typeof heldHub>>['seed'];
  let hub: RunningHub | null = null;
  const logs: string[] = [];
  const http = new Agent({ connect: { rejectUnauthorized: false } });

  const inbound = async () => (await seed.store.q.all<{ p: string }>("SELECT platform_message_id AS p FROM messages WHERE channel_id = 'tg' AND direction = 'in' ORDER BY id")).map((r) => r.p);
  const heldRows = async () => seed.store.q.all<{ p: string; reason: string; sender: string }>("SELECT platform_message_id AS p, reason, sender FROM webhook_quarantine WHERE channel_id = 'tg' ORDER BY id");

  beforeAll(async () => {
    fixture = await heldHub(
      () => hub!.url,
      async (f) => {
        tg = await TelegramEmulator.start(f.channelToken, 900_000);
        return { channelBaseUrl: tg.url };
      },
    );
    ({ files, seed } = fixture);
  }, 90_000);

  afterAll(async () => {
    await http.close();
    await hub?.close();
    await tg?.close();
    await fixture?.close();
  }, 60_000);

  it('holds one sender’s flood from getUpdates while a second sender gets through; health, metrics and audit count it; a lead releases one into the queue', async () => {
    hub = await startHubNode({
      config: inProcessHubConfig(files, fixture.pg.url, { officeRanges: ['127.0.0.1/32'], webhooks: { flood: FLOOD } }),
      secrets: new CredentialsDirSecrets(files.credentials),
      log: (l) => logs.push(JSON.stringify(l)),
    });
    for (let i = 1; i <= 6; i++) tg.addText(BOT, `flood ${i} card 4111 1111 1111 1111`, { first_name: 'Bot' });
    tg.addText(NOURA, 'سلام، my order never came', { first_name: 'Noura' });
    await until(async () => (await inbound()).length === 4 && (await heldRows()).length === 3, 'the bot’s first three and Noura’s message stored, three held');
    const held = await heldRows();
    expect(held.map((h) => [h.reason, h.sender])).toEqual([
      ['sender_rate', String(BOT)],
      ['sender_rate', String(BOT)],
      ['sender_rate', String(BOT)],
    ]);
    // Nothing held is in the inbox, and Noura's message is.
    const stored = await inbound();
    for (const h of held) expect(stored).not.toContain(h.p);
    expect((await seed.store.conversations({})).map((c) => c.contact.displayName).sort()).toEqual(['Bot', 'Noura']);
    // The offset moves on: Telegram is told the held updates were taken (they are not fetched again).
    await until(() => tg.updates.length === 0, 'the updates confirmed to Telegram');

    const h = await hub.health();
    expect(h.webhooks.tg).toMatchObject({ polledHeld: 3, quarantined: 0 });
    const metrics = await (await request(`${hub.url}/metrics`, { dispatcher: http })).body.text();
    expect(metrics).toContain(`diwan_hub_polled_messages_quarantined_total{node="${hub.nodeId}",channel="tg"} 3`);
    const audit = await seed.store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.held' ORDER BY seq");
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ messages: 3, reason: 'flood', polled: true }]);

    const { api, lead } = fixture;
    await fixture.signIn();
    expect((await api.call('POST', '/v1/quarantine/tg/release', 'amal', {})).status).toBe(403);
    const listed = await listHeld(lead);
    expect(listed.messages.map((m) => [m.channelId, m.sender, m.reason, m.readable])).toEqual([
      ['tg', 'Bot', 'sender_rate', true],
      ['tg', 'Bot', 'sender_rate', true],
      ['tg', 'Bot', 'sender_rate', true],
    ]);
    expect(listed.messages[0]!.maskedText).toMatch(/^flood 4 card ⟦CARD/);
    expect(await releaseHeld(lead, 'tg', { ids: [listed.messages[0]!.id] })).toEqual({ released: 1, delivered: 1, left: 2 });
    expect(await inbound()).toContain(held[0]!.p);
    // Released through the normal ingest: masked in the table, like every polled message.
    const row = await seed.store.q.get<{ masked_text: string }>("SELECT masked_text FROM messages WHERE channel_id = 'tg' AND platform_message_id = ?", [held[0]!.p]);
    expect(row!.masked_text).toMatch(/^flood 4 card ⟦CARD/);

    const everything = JSON.stringify(await seed.store.q.all('SELECT action, details FROM audit')) + logs.join('\n');
    for (const secret of ['4111 1111', 'flood 5', 'سلام', 'never came', files.channelToken]) expect(everything).not.toContain(secret);
    await hub.close();
    hub = null;
  }, 90_000);

  it('collapses one text from many new accounts into the first copies, lets an unrelated new sender in; health, metrics and audit count it', async () => {
    hub = await startHubNode({
      config: inProcessHubConfig(files, fixture.pg.url, { officeRanges: ['127.0.0.1/32'], webhooks: { flood: FLOOD } }),
      secrets: new CredentialsDirSecrets(files.credentials),
      log: (l) => logs.push(JSON.stringify(l)),
    });
    const before = { stored: (await inbound()).length, held: (await heldRows()).length };
    for (let i = 0; i < 8; i++) tg.addText(5_560_000 + i, `Your bank blocked my account, unblock it NOW or we post everywhere #${i}`, { first_name: `Account ${i}` });
    tg.addText(5_570_000, 'مرحبا، وصلني المنتج مكسور وأريد استبداله', { first_name: 'Huda' });
    await until(async () => (await inbound()).length - before.stored === 4 && (await heldRows()).length - before.held === 5, 'three copies and Huda’s message stored, five copies held');
    expect((await heldRows()).slice(before.held).map((h) => h.reason)).toEqual(Array(5).fill('duplicate'));
    expect((await seed.store.conversations({})).map((c) => c.contact.displayName)).toContain('Huda');
    expect((await hub.health()).webhooks.tg).toMatchObject({ polledHeld: 5, collapsed: 5 });
    const metrics = await (await request(`${hub.url}/metrics`, { dispatcher: http })).body.text();
    expect(metrics).toContain(`diwan_hub_flood_collapsed_total{node="${hub.nodeId}",channel="tg"} 5`);
    const audit = await seed.store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.held' ORDER BY seq DESC LIMIT 1");
    expect(JSON.parse(audit[0]!.details)).toEqual({ messages: 5, reason: 'flood', collapsed: 5, polled: true });
    await hub.close();
    hub = null;
  }, 90_000);

  it('a node killed in the middle of a polled flood and started again: every update stored or held exactly once', async () => {
    const port = await freePort();
    const node = new NodeProcess(nodeConfig(files, { nodeId: 'crash-1', pgUrl: fixture.pg.url, port, extra: { webhooks: { flood: FLOOD } } }), port, files.credentials);
    const before = { stored: (await inbound()).length, held: (await heldRows()).length };
    const senders = 40;
    const each = 6;
    for (let round = 0; round < each; round++) for (let s = 0; s < senders; s++) tg.addText(6_000_000 + s, unlike(`wave ${round} from ${s}`), { first_name: `S${s}` });
    const total = senders * each;
    const taken = async () => (await inbound()).length + (await heldRows()).length - before.stored - before.held;
    try {
      await node.start();
      // Killed once it has taken some of the flood and before it has taken all of it (progress, not time).
      await until(async () => (await taken()) > 0, 'the node to take part of the flood');
      node.kill();
      await until(() => !node.running, 'the node to die');
      const atKill = await taken();
      await node.start();
      await until(async () => (await taken()) === total, `every one of the ${total} updates stored or held (${atKill} before the kill)`, 60_000);
    } finally {
      await node.stop().catch(() => node.kill());
    }
    const ids = [...(await inbound()), ...(await heldRows()).map((h) => h.p)];
    expect(new Set(ids).size).toBe(ids.length);
    const held = (await heldRows()).slice(before.held);
    // Three per sender got in; the other three of each sender are held, counted by the sender's own bucket.
    expect(held).toHaveLength(senders * (each - 3));
    expect(new Set(held.map((h) => h.reason))).toEqual(new Set(['sender_rate']));
  }, 120_000);
});
