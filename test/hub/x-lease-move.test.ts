import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { XEmulator } from '../emulators/x';
import { pinnedGet, startTeamHub, until, type NodeProcess } from './harness';

interface Conv {
  id: number;
  channelId: string;
}
interface Msg {
  maskedText: string;
  direction: string;
}

const TOKEN = /x-(access|refresh)-/;
const PAGE = 10;

/**
 * X at a team hub of two node processes on one PostgreSQL (issue 16): the node holding the X channel's lease polls
 * `dm_events`; it is killed (SIGKILL) while DMs arrive; the other node takes the lease, refreshes the token from the
 * pair the first one saved, continues from the cursor saved with the messages, and every DM is stored and shown once.
 * Then a reply leaves through the outbox of the node now holding the lease, and one asking for a code is refused.
 */
describe('X at the hub when the node polling it dies', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal'>>>;
  let x: XEmulator;

  beforeAll(async () => {
    team = await startTeamHub({ users: [{ username: 'amal', role: 'agent' }] });
    x = await XEmulator.start({ tokenTag: 'hubmove-' });
    x.pageSize = PAGE;
    // IT's first pair, already expired: the first node to run the channel refreshes it and saves the rotated pair.
    fs.writeFileSync(path.join(team.files.credentials, 'xa.token'), JSON.stringify({ ...x.issue(), clientId: x.clientId, expiresAt: 0 }), { mode: 0o400 });
    await team.seed.store.saveChannel({ id: 'xa', kind: 'x', name: 'X support', enabled: true, config: { baseUrl: x.url, pollIntervalMs: 200 } }, { actor: 'it:test' });
  }, 180_000);
  afterAll(async () => {
    await team?.close();
    await x?.close();
  }, 120_000);

  const holderOfX = async (nodes: NodeProcess[]) => {
    for (const n of nodes) {
      if (!n.running) continue;
      const h = await pinnedGet(`https://127.0.0.1:${n.port}/healthz`, team.files.pin).catch(() => null);
      if (h && (JSON.parse(h.body) as { channels: string[] }).channels.includes('xa')) return n;
    }
    return null;
  };
  const storedInbound = async () =>
    (await team.seed.store.q.get<{ n: number; ids: number }>("SELECT COUNT(*)::int AS n, COUNT(DISTINCT platform_message_id)::int AS ids FROM messages WHERE channel_id = 'xa' AND direction = 'in'"))!;
  const xTexts = async () => {
    const out: string[] = [];
    for (const c of await team.consoles.amal.do<Conv[]>('conversations')) {
      if (c.channelId === 'xa') for (const m of await team.consoles.amal.do<Msg[]>('messages', c.id)) if (m.direction === 'in') out.push(m.maskedText);
    }
    return out;
  };

  it('the other node takes the lease, continues from the saved cursor and token, and no DM is lost or stored twice', async () => {
    onTestFailed(() => {
      for (const n of team.nodes) console.error(`--- ${n.configFile} (running: ${n.running})\n${n.log.slice(-4000)}`);
    });
    const senders = ['2200000001', '2200000002', '2200000003'];
    let sent = 0;
    const dm = () => x.addInbound(senders[sent % 3]!, `dm ${sent++}`);
    for (let i = 0; i < 30; i++) dm();
    await until(async () => (await storedInbound()).n === 30, 'the first thirty DMs at the hub', 60_000);
    const holder = await until(() => holderOfX(team.nodes), 'a node holding the X lease');
    const other = team.nodes.find((n) => n !== holder)!;

    // Mid-stream: DMs keep coming while the holder polls every 200 ms, then it dies without a goodbye.
    for (let i = 0; i < 10; i++) {
      dm();
      await new Promise((r) => setTimeout(r, 30));
    }
    holder.kill();
    await until(() => !holder.running, 'the holder to be gone');
    const listedBefore = x.listedFrom.length;
    // X revokes the access token meanwhile: the next holder must refresh, from the pair the dead node saved.
    x.accessTokens.clear();
    // DMs keep arriving while the other node takes the lease over.
    const arriving = setInterval(() => (sent < 60 ? dm() : clearInterval(arriving)), 50);
    try {
      await until(async () => (await holderOfX([other])) === other, 'the other node to take the X lease', 60_000);
      await until(() => sent === 60, 'the last DMs to arrive');
    } finally {
      clearInterval(arriving);
    }
    await until(async () => (await storedInbound()).n === sent, `all ${sent} DMs at the hub`, 60_000);
    expect(await storedInbound()).toEqual({ n: 60, ids: 60 });
    // From the saved cursor: its walks reached back to the last stored DM (at most 30 new ones), never to the oldest
    // events (a walk from no cursor would list every page, down to offset 50).
    const listedAfter = x.listedFrom.slice(listedBefore);
    expect(listedAfter.length).toBeGreaterThan(0);
    expect(Math.max(...listedAfter)).toBeLessThanOrEqual(3 * PAGE);
    expect(await team.seed.store.channelCursor('xa')).toBe(x.events[0]!.id);
    // The console shows each once.
    await until(async () => (await xTexts()).length === 60, 'all sixty DMs in the console', 60_000);
    expect(new Set(await xTexts())).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `dm ${i}`)));

    // The token: refreshed once by each node, the second from the first one's saved pair (IT's is spent).
    const rotations = await team.seed.store.q.all<{ actor: string }>("SELECT actor FROM audit WHERE action = 'hub.secret_rotated' AND target = 'secret:xa.token' ORDER BY seq");
    expect(rotations.map((r) => r.actor)).toEqual([holder, other].map((n) => `hub:${path.basename(n.configFile, '.json')}`));
    for (const n of team.nodes) expect(n.log).not.toMatch(TOKEN);
  }, 240_000);

  it('a reply goes out once through the outbox of the node now holding X; one asking for a code is refused at the hub', async () => {
    const agent = team.consoles.amal;
    const conv = (await agent.do<Conv[]>('conversations')).find((c) => c.channelId === 'xa')!;
    await agent.do('reply', conv.id, 'Your refund was issued today.');
    await until(() => x.sent.some((s) => s.text === 'Your refund was issued today.'), 'the reply at X', 60_000);
    await until(
      async () => (await team.seed.store.q.get<{ state: string }>("SELECT o.state FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.channel_id = 'xa'"))?.state === 'sent',
      'the reply marked sent at the hub',
    );

    await agent.do('reply', conv.id, 'To verify you, please send me the 6-digit code you just received by SMS.');
    await until(async () => {
      await agent.do('flush');
      return (await agent.do<Array<{ state: string }>>('outbox')).at(-1)?.state === 'held';
    }, 'the reply asking for a code to be held', 60_000);
    expect((await agent.do<Array<{ reason: string }>>('outbox')).at(-1)!.reason).toMatch(/code/i);
    // Nothing but the first reply reached X, once; the refusal is audited without the text.
    expect(x.sent.map((s) => s.text)).toEqual(['Your refund was issued today.']);
    const blocked = await team.seed.store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.reply.blocked' AND target = ?", [`conversation:${conv.id}`]);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]!.details).not.toMatch(/6-digit|SMS/);
    for (const n of team.nodes) expect(n.log).not.toMatch(TOKEN);
  }, 120_000);
});
