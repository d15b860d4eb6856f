import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetaEmulator } from '../emulators/meta';
import { ConsoleProcess, pinnedGet, startTeamHub, until } from './harness';

const FB_TOKEN = 'EAAtest-fb-team-0123456789';
const DAY = 86_400_000;
const BEN = '6100000000000051'; // wrote 3 days ago: the human-agent window
const ANA = '6100000000000052'; // wrote a minute ago: the standard window

interface Conv {
  id: number;
  channelId: string;
}

/**
 * A Messenger channel run by a team hub: two hub nodes (own processes) on PostgreSQL, the Graph emulator, consoles as
 * processes. A reply ticked "human agent" leaves with Meta's HUMAN_AGENT tag from the node holding the channel's lease;
 * the same reply unticked is refused by the hub past 24 hours and goes as a plain RESPONSE inside them. Handover asked
 * through the node that does NOT run the channel is done by the one that does, and audited at the hub.
 */
describe('team hub: Messenger replies and handover', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla'>>>;
  let meta: MetaEmulator;
  let direct: ConsoleProcess | null = null;
  const conv: Record<string, number> = {};

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
      ],
    });
    meta = await MetaEmulator.start(FB_TOKEN, 900_000);
    meta.addInbound('messenger', BEN, 'Ben', 'Where is my return?', Date.now() - 3 * DAY);
    meta.addInbound('messenger', ANA, 'Ana', 'Is the blue one in stock?', Date.now() - 60_000);
    fs.writeFileSync(path.join(team.files.credentials, 'fb.token'), FB_TOKEN, { mode: 0o400 });
    await team.seed.store.saveChannel(
      { id: 'fb', kind: 'messenger', name: 'Page', enabled: true, config: { baseUrl: meta.url, pollIntervalMs: 1_000, settings: { pageId: meta.pageId } } },
      { actor: 'it:test' },
    );
    const rows = await until(async () => {
      const r = await team.seed.store.q.all<{ id: number; platform_conversation_id: string }>("SELECT id, platform_conversation_id FROM conversations WHERE channel_id = 'fb'");
      return r.length === 2 ? r : null;
    }, 'both Messenger threads at the hub');
    for (const r of rows) conv[r.platform_conversation_id] = Number(r.id);
    await until(async () => (await team.consoles.amal.do<Conv[]>('conversations')).filter((c) => c.channelId === 'fb').length === 2, 'amal to see both threads');
  }, 180_000);

  afterAll(async () => {
    await direct?.close();
    await team?.close();
    await meta?.close();
  }, 120_000);

  it('carries the human-agent tick to the Graph call; without it the hub refuses past 24 h and sends a plain RESPONSE within them', async () => {
    const amal = team.consoles.amal;
    await amal.do('reply', conv[BEN], 'Your return was received yesterday.');
    await until(async () => (await amal.do<Array<{ state: string; reason: string | null }>>('outbox')).find((o) => o.state === 'held'), 'the untagged reply to be held');
    const held = (await amal.do<Array<{ state: string; reason: string | null }>>('outbox')).find((o) => o.state === 'held')!;
    expect(held.reason).toMatch(/human-agent tag/);

    await amal.do('reply', conv[BEN], 'Your return was received yesterday.', { humanAgentTag: true });
    await amal.do('reply', conv[ANA], 'Yes, it ships today.');
    await until(() => meta.sends.length === 2, 'both replies to reach Graph');
    expect(meta.sends.map((s) => [s.recipient, s.messaging_type, s.tag])).toEqual([
      [BEN, 'MESSAGE_TAG', 'HUMAN_AGENT'],
      [ANA, 'RESPONSE', undefined],
    ]);
    const outbox = await team.seed.store.q.all<{ options: string | null; state: string }>("SELECT options, state FROM outbox WHERE channel_id = 'fb' ORDER BY id");
    expect(outbox.map((o) => o.options)).toEqual([JSON.stringify({ window: 'human_agent' }), null]);
    const sent = await team.seed.store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'message.sent' AND target = ? ORDER BY seq", [`conversation:${conv[BEN]}`]);
    expect(sent.map((a) => JSON.parse(a.details).options)).toEqual([{ window: 'human_agent' }]);
  }, 120_000);

  it('hands a thread over through the node that does not run the channel: the lease holder calls Graph, the hub audits each', async () => {
    const holders = await until(async () => {
      const held = await Promise.all(team.nodes.map(async (n) => JSON.parse((await pinnedGet(`https://127.0.0.1:${n.port}/healthz`, team.files.pin)).body) as { node: string; channels: string[] }));
      return held.filter((h) => h.channels.includes('fb')).length === 1 ? held : null;
    }, 'one node to run the Messenger channel');
    const runner = holders.find((h) => h.channels.includes('fb'))!.node;
    const other = team.nodes[holders.findIndex((h) => !h.channels.includes('fb'))]!;
    direct = new ConsoleProcess();
    await direct.init(`https://127.0.0.1:${other.port}`, team.files.pin);
    await team.seed.enrol(direct, "amal's second desk");
    await direct.do('signIn', 'amal', 'correct horse battery staple');

    for (const action of ['take', 'request', 'pass'] as const) await direct.do('threadControl', conv[BEN], action);
    expect(meta.threadControl).toEqual([
      { action: 'take', recipient: BEN, metadata: 'diwan' },
      { action: 'request', recipient: BEN, metadata: 'diwan' },
      { action: 'pass', recipient: BEN, targetAppId: '263902037430900', metadata: 'diwan' },
    ]);

    // Graph no longer knows Ana: the platform's refusal comes back in words, and is audited with its code.
    meta.threads.delete(ANA);
    await expect(direct.do('threadControl', conv[ANA], 'take')).rejects.toMatchObject({ code: 'connector_rejected', message: expect.stringMatching(/refused the request/) });

    const audit = await team.seed.store.q.all<{ actor: string; target: string; details: string }>("SELECT actor, target, details FROM audit WHERE action = 'conversation.thread_control' ORDER BY seq");
    expect(audit.map((a) => ({ actor: a.actor, target: a.target, details: JSON.parse(a.details) }))).toEqual([
      ...['take', 'request', 'pass'].map((action) => ({ actor: 'amal', target: `conversation:${conv[BEN]}`, details: { channel: 'fb', action, outcome: 'done', node: runner } })),
      { actor: 'amal', target: `conversation:${conv[ANA]}`, details: { channel: 'fb', action: 'take', outcome: 'refused', code: 'connector_rejected', node: runner } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(FB_TOKEN);

    // Only its asker follows a request.
    const asked = await team.seed.store.q.get<{ id: number }>('SELECT id FROM thread_control_requests ORDER BY id DESC LIMIT 1');
    await expect(team.consoles.layla.do('call', 'GET', `/v1/thread-control/${asked!.id}`)).rejects.toMatchObject({ code: 'thread_control_unknown' });
  }, 120_000);

  it('says so in words when no node runs the channel, and nothing is handed over', async () => {
    await team.seed.store.saveChannel(
      { id: 'fb', kind: 'messenger', name: 'Page', enabled: false, config: { baseUrl: meta.url, pollIntervalMs: 1_000, settings: { pageId: meta.pageId } } },
      { actor: 'it:test' },
    );
    await until(async () => {
      const held = await Promise.all(team.nodes.map(async (n) => (JSON.parse((await pinnedGet(`https://127.0.0.1:${n.port}/healthz`, team.files.pin)).body) as { channels: string[] }).channels));
      return held.every((c) => !c.includes('fb'));
    }, 'no node to run the switched-off channel');
    const before = meta.threadControl.length;
    await expect(team.consoles.amal.do('threadControl', conv[BEN], 'take')).rejects.toMatchObject({ code: 'channel_not_running', message: expect.stringMatching(/No hub node is running this channel/) });
    expect(meta.threadControl).toHaveLength(before);
    const last = await team.seed.store.q.get<{ details: string }>("SELECT details FROM audit WHERE action = 'conversation.thread_control' ORDER BY seq DESC LIMIT 1");
    expect(JSON.parse(last!.details)).toEqual({ channel: 'fb', action: 'take', outcome: 'refused', code: 'channel_not_running' });
  }, 120_000);
});
