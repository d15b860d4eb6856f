import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleProcess, PASSWORD, startTeamHub, until } from './harness';

interface Conv {
  id: number;
  assigneeId: number | null;
  version: number;
}
interface Presence {
  userId: number;
  state: string;
}
interface Marker {
  conversationId: number;
  username: string;
  kind: string;
  node: string;
}

/**
 * The team workflow as a team lives it: PostgreSQL, two hub nodes (own processes) behind the load balancer, agents'
 * and a lead's consoles as processes, the Telegram bot. Presence lives 3 s without a renewal; nodes sweep every second.
 */
describe('team workflow: two nodes, consoles as processes', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'badr' | 'layla'>>>;
  const extra: ConsoleProcess[] = [];
  const ids = () => team.seed.ids as Record<'amal' | 'badr' | 'layla', number>;
  const lead = () => team.consoles.layla;
  const presence = async () => (await lead().do<{ presence: Presence[] }>('call', 'GET', '/v1/presence')).presence;
  const conversations = () => lead().do<Conv[]>('conversations');

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'badr', role: 'agent' },
        { username: 'layla', role: 'lead' },
      ],
      workflow: { presenceTtlSeconds: 3, sweepSeconds: 1, markerTtlSeconds: 8, markerThrottleMs: 500 },
    });
  }, 180_000);

  afterAll(async () => {
    for (const c of extra) await c.close();
    await team?.close();
  }, 120_000);

  it('presence comes from the open streams; round robin under capacity hands out the backlog fairly', async () => {
    await until(async () => {
      const p = await presence();
      return ['amal', 'badr', 'layla'].every((u) => p.find((x) => x.userId === ids()[u as 'amal'])?.state === 'online');
    }, 'everyone to be online');
    // An agent's console asking to change the rules is refused; the lead sets them.
    const rule = { mode: 'round-robin', capacity: 5, returnAfterMinutes: 0, assigneeOnlyReply: false, firstResponseMinutes: 30, nextResponseMinutes: null, resolutionMinutes: null };
    await expect(team.consoles.amal.do('call', 'POST', '/v1/workflow/rules/tg', rule)).rejects.toMatchObject({ status: 403 });
    await lead().do('call', 'POST', '/v1/workflow/rules/tg', rule);

    // Six customers in their own words (one text from many new senders would be collapsed as a campaign).
    const words = ['my order has not arrived', 'wrong size delivered', 'refund still pending?', 'سلام، سفارشم کجاست', 'أين طلبي؟', 'can I change my address'];
    for (let i = 0; i < 6; i++) team.tg.addText(7000 + i, words[i]!, { first_name: `Customer ${i}` });
    const convs = await until(async () => {
      const list = await conversations();
      return list.length === 6 && list.every((c) => c.assigneeId !== null) ? list : null;
    }, 'six conversations, all assigned');
    const count = (u: 'amal' | 'badr') => convs.filter((c) => c.assigneeId === ids()[u]).length;
    expect([count('amal'), count('badr')]).toEqual([3, 3]);
    // The lead is never in the rotation.
    expect(convs.some((c) => c.assigneeId === ids().layla)).toBe(false);
    // Every console saw the assignments through the stream.
    await until(async () => (await team.consoles.badr.do<Conv[]>('conversations')).filter((c) => c.assigneeId !== null).length === 6, 'badr to see them');
  }, 90_000);

  it('a killed console goes offline within the TTL; its waiting conversations return and go to who is online, up to capacity', async () => {
    const amalHad = (await conversations()).filter((c) => c.assigneeId === ids().amal).map((c) => c.id);
    team.consoles.amal.kill();
    await until(async () => (await presence()).find((p) => p.userId === ids().amal)?.state === 'offline', 'amal to go offline', 20_000);
    const after = await until(async () => {
      const list = await conversations();
      return list.filter((c) => c.assigneeId === ids().badr).length === 5 ? list : null;
    }, 'badr to take amal\'s conversations up to his capacity', 20_000);
    expect(after.filter((c) => c.assigneeId === ids().amal)).toEqual([]);
    expect(after.filter((c) => c.assigneeId === null).map((c) => c.id)).toHaveLength(1);
    expect(amalHad.every((id) => after.find((c) => c.id === id)!.assigneeId !== ids().amal)).toBe(true);

    const board = (await lead().do<{ board: { channels: Array<{ channelId: string; queued: number }>; agents: Array<{ username: string; open: number[]; presence: { state: string } }> } }>('call', 'GET', '/v1/board')).board;
    expect(board.channels.find((c) => c.channelId === 'tg')!.queued).toBe(1);
    expect(board.agents.find((a) => a.username === 'badr')).toMatchObject({ presence: { state: 'online' } });
    expect(board.agents.find((a) => a.username === 'badr')!.open).toHaveLength(5);
    await expect(team.consoles.badr.do('call', 'GET', '/v1/board')).rejects.toMatchObject({ status: 403 });
    const trail = await team.seed.store.q.all<{ action: string; actor: string }>("SELECT action, actor FROM audit WHERE action IN ('conversation.returned', 'conversation.assigned')");
    expect(trail.filter((a) => a.action === 'conversation.returned')).toHaveLength(3);
    expect(trail.every((a) => a.actor.startsWith('hub:node-'))).toBe(true);
  }, 60_000);

  it('"viewing" and "writing" markers cross from a console on one node to a console on the other', async () => {
    const [n1, n2] = team.nodes;
    const onNode = async (n: typeof n1, username: 'layla' | 'badr') => {
      const c = new ConsoleProcess();
      extra.push(c);
      await c.init(`https://127.0.0.1:${n!.port}`, team.files.pin);
      await team.seed.enrol(c, `${username}'s second desk`);
      await c.do('signIn', username, PASSWORD);
      await c.do('follow');
      await until(async () => (await c.do<{ connected: boolean }>('state')).connected, 'the stream to open');
      return c;
    };
    const laylaOn1 = await onNode(n1, 'layla');
    const badrOn2 = await onNode(n2, 'badr');
    const conv = (await conversations())[0]!;
    await laylaOn1.do('mark', conv.id, 'viewing');
    const seen = await until(async () => (await badrOn2.do<Marker[]>('markers')).find((m) => m.conversationId === conv.id && m.kind === 'viewing'), 'badr on node 2 to see the marker');
    expect(seen).toMatchObject({ username: 'layla', node: 'node-1' });
    await laylaOn1.do('mark', conv.id, 'writing');
    await until(async () => (await badrOn2.do<Marker[]>('markers')).some((m) => m.kind === 'writing'), 'the writing marker');
    // Markers are never stored.
    const dump = team.pg.dump(team.pg.url);
    expect(dump).not.toMatch(/"kind":"writing"/);
    // Her own console on the other node does not get her own marker back.
    expect((await laylaOn1.do<Marker[]>('markers')).filter((m) => m.username === 'layla')).toEqual([]);
  }, 60_000);

  it('two people replying at the same moment: one goes, the other is held and told; sending anyway is audited', async () => {
    const conv = (await conversations()).find((c) => c.assigneeId === ids().badr)!;
    const { latestSeq } = await lead().do<{ latestSeq: number }>('call', 'GET', '/v1/me');
    const body = (who: string) => ({ clientId: `race-${who}-${latestSeq}`, text: `Reply from ${who}`, seenSeq: latestSeq });
    const [a, b] = await Promise.allSettled([
      team.consoles.badr.do('call', 'POST', `/v1/conversations/${conv.id}/replies`, body('badr')),
      lead().do('call', 'POST', `/v1/conversations/${conv.id}/replies`, body('layla')),
    ]);
    const outcomes = [a, b].map((r) => r.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const refused = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'newer_activity', status: 409, message: expect.stringMatching(/colleague replied/) });
    const heldBy = a.status === 'rejected' ? 'badr' : 'layla';
    const heldConsole = heldBy === 'badr' ? team.consoles.badr : lead();
    await heldConsole.do('call', 'POST', `/v1/conversations/${conv.id}/replies`, { ...body(heldBy), sendAnyway: true });
    const trail = await team.seed.store.q.all<{ action: string; actor: string }>("SELECT action, actor FROM audit WHERE action IN ('reply.held', 'reply.sent_over_newer') ORDER BY seq");
    expect(trail).toEqual([
      { action: 'reply.held', actor: heldBy },
      { action: 'reply.sent_over_newer', actor: heldBy },
    ]);
    await until(() => team.tg.sent.filter((s) => s.text.startsWith('Reply from')).length === 2, 'both replies to reach Telegram');
  }, 60_000);

  it('a first contact gets the channel\'s consent notice once, and the customer panel shows its version', async () => {
    const text = 'We will never ask for a password, a code or a full card number here. Messages are kept for 12 months.';
    await lead().do('call', 'POST', '/v1/workflow/consent/tg', { text });
    team.tg.addText(7100, 'hello, first time here', { first_name: 'Sara' });
    await until(() => team.tg.sent.some((s) => s.text === text), 'the notice to reach Telegram', 20_000);
    const sara = await until(async () => (await lead().do<Array<Conv & { contact: { id: number; displayName: string | null } }>>('conversations')).find((c) => c.contact.displayName === 'Sara'), 'Sara\'s conversation');
    const record = await until(async () => (await team.consoles.badr.do<{ consent: { version: number } | null }>('call', 'GET', `/v1/contacts/${sara.contact.id}/consent`)).consent, 'the consent record');
    expect(record).toMatchObject({ version: 1, acknowledgedAt: null });
    // The hub's data-subject export (the lead's signed transcript) carries the same record.
    const { export: signed } = await lead().do<{ export: { content: string } }>('call', 'POST', `/v1/conversations/${sara.id}/export`, { format: 'json' });
    expect(JSON.parse(signed.content).consent).toMatchObject({ channelId: 'tg', noticeVersion: 1, language: 'en', acknowledgedAt: null });
    // Once: a later first contact's notice reaching Telegram shows the sweeps have run again since Sara's.
    team.tg.addText(7101, 'hi, new here too', { first_name: 'Omar' });
    await until(() => team.tg.sent.some((s) => s.text === text && String(s.chat_id) === '7101'), "the next first contact's notice", 20_000);
    expect(team.tg.sent.filter((s) => s.text === text).map((s) => String(s.chat_id))).toEqual(['7100', '7101']);
  }, 60_000);

  it('an @mention in a note reaches the named colleague\'s console', async () => {
    const conv = (await conversations())[0]!;
    await lead().do('call', 'POST', `/v1/conversations/${conv.id}/notes`, { text: '@badr لطفاً این را ببین' });
    type Note = { kind: string; conversationId: number; by?: string };
    const m = await until(async () => (await team.consoles.badr.do<Note[]>('notifications')).find((n) => n.kind === 'note.mention'), 'badr to be notified');
    expect(m).toMatchObject({ conversationId: conv.id, by: 'layla' });
    expect((await lead().do<Note[]>('notifications')).filter((n) => n.kind === 'note.mention')).toEqual([]);
  }, 30_000);
});
