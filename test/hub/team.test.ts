import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramEmulator } from '../emulators/telegram';
import type { TestPostgres } from '../helpers/postgres';
import { ConsoleProcess, seedHub, startTeamHub, until } from './harness';

interface Conv {
  id: number;
  assigneeId: number | null;
  version: number;
}
interface Msg {
  id: number;
  maskedText: string;
  direction: string;
  fields: Array<{ n: number; type: string }>;
}

/**
 * The team hub as a team uses it: PostgreSQL, two hub nodes behind a TCP load balancer, three consoles (two agents
 * and a lead) — each node and each console its own process — and a Telegram bot polled once for the whole team.
 */
describe('team hub: two nodes, three consoles', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'badr' | 'layla'>>>;
  let pg: TestPostgres;
  let tg: TelegramEmulator;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  let consoles: Record<'amal' | 'badr' | 'layla', ConsoleProcess>;

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'badr', role: 'agent' },
        { username: 'layla', role: 'lead' },
      ],
    });
    ({ pg, tg, seed, consoles } = team);
  }, 180_000);

  afterAll(() => team?.close(), 120_000);

  it('a DM arrives once and every console sees it masked; an assignment shows at once elsewhere; the lead reads the transcript and approves a reveal from her desk', async () => {
    tg.addText(5551, 'Hello, my card is 4111 1111 1111 1111 and it was charged twice', { first_name: 'Noura' });

    for (const name of ['amal', 'badr', 'layla'] as const) {
      const convs = await until(async () => {
        const list = await consoles[name].do<Conv[]>('conversations');
        return list.length === 1 ? list : null;
      }, `${name} to see the conversation`);
      const msgs = await until(async () => {
        const m = await consoles[name].do<Msg[]>('messages', convs[0]!.id);
        return m.length ? m : null;
      }, `${name} to see the message`);
      expect(msgs).toHaveLength(1);
      expect(msgs[0]!.maskedText).not.toMatch(/4111 1111/);
      expect(msgs[0]!.fields.map((f) => f.type)).toEqual(['CARD']);
    }
    // The bot was polled by one node only: every getUpdates came with the lease (no 409 conflicts).
    expect(tg.calls.filter((c) => c.status === 409)).toHaveLength(0);

    const [conv] = await consoles.amal.do<Conv[]>('conversations');
    await consoles.amal.do('call', 'POST', `/v1/conversations/${conv!.id}/assign`, { assigneeId: seed.ids.amal, version: conv!.version });
    await until(async () => (await consoles.badr.do<Conv[]>('conversations'))[0]?.assigneeId === seed.ids.amal, 'badr to see the assignment');

    // A stale compare-and-set is refused in words and changes nothing.
    await expect(consoles.badr.do('call', 'POST', `/v1/conversations/${conv!.id}/assign`, { assigneeId: seed.ids.badr, version: conv!.version })).rejects.toMatchObject({
      code: 'conflict',
    });

    const transcript = await consoles.layla.do<{ messages: Msg[] }>('call', 'GET', `/v1/conversations/${conv!.id}/messages`);
    expect(transcript.messages[0]!.maskedText).toContain('⟦CARD');
    expect(JSON.stringify(transcript)).not.toMatch(/4111 1111/);

    const msg = transcript.messages[0]!;
    const asked = await consoles.badr.do<{ reveal: { id: number; state: string }; value?: string }>('call', 'POST', '/v1/reveals', {
      messageId: msg.id,
      field: 0,
      reason: 'customer disputes a double charge on this card',
    });
    expect(asked.reveal.state).toBe('pending');
    expect(asked.value).toBeUndefined();
    // The agent cannot read it before a lead approves, nor approve it herself.
    expect((await consoles.badr.do<{ value?: string }>('call', 'GET', `/v1/reveals/${asked.reveal.id}`)).value).toBeUndefined();
    await expect(consoles.badr.do('call', 'POST', `/v1/reveals/${asked.reveal.id}/decide`, { approve: true })).rejects.toMatchObject({ status: 403 });

    await expect(consoles.badr.do('openReveal', asked.reveal.id)).rejects.toMatchObject({ code: 'reveal_not_granted' });

    const pending = await consoles.layla.do<{ reveals: Array<{ id: number; reason: string }> }>('call', 'GET', '/v1/reveals/pending');
    expect(pending.reveals.map((r) => r.id)).toContain(asked.reveal.id);
    // An approval without the lead's device countersignature is refused by the hub.
    await expect(consoles.layla.do('call', 'POST', `/v1/reveals/${asked.reveal.id}/decide`, { approve: true })).rejects.toMatchObject({ code: 'approval_signature_invalid' });
    await consoles.layla.do('decideReveal', asked.reveal.id, true);

    // The value travels custodian → hub → console sealed to badr's one-time key; the console opens it.
    const granted = await consoles.badr.do<{ value: string; type: string }>('openReveal', asked.reveal.id);
    expect(granted).toMatchObject({ value: '4111 1111 1111 1111', type: 'CARD' });
    // Another agent cannot read badr's grant.
    await expect(consoles.amal.do('call', 'GET', `/v1/reveals/${asked.reveal.id}`)).rejects.toMatchObject({ code: 'reveal_unknown' });
    await expect(consoles.amal.do('openReveal', asked.reveal.id)).rejects.toMatchObject({ code: 'reveal_unknown' });

    // The trail names each step, and it is intact.
    const audit = await seed.store.q.all<{ action: string }>('SELECT action FROM audit ORDER BY seq');
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['conversation.assigned', 'conversation.opened', 'reveal.requested', 'reveal.approved', 'reveal.read']));
    expect((await seed.store.verifyAudit()).broken).toBeNull();
    // The custodian logged the opening in its own chain.
    expect(fs.readFileSync(path.join(team.files.custody.dir, 'custodian.log'), 'utf8')).toMatch(/"event":"reveal.opened"/);
  }, 120_000);

  it('a reply goes out once, through the node that holds the channel, whichever node took it', async () => {
    const [conv] = await consoles.amal.do<Conv[]>('conversations');
    await consoles.amal.do('reply', conv!.id, 'Thank you, we are looking into the double charge.');
    await until(() => tg.sent.some((s) => s.text.includes('double charge')), 'the reply to reach Telegram');
    await until(async () => (await consoles.badr.do<Msg[]>('messages', conv!.id)).some((m) => m.direction === 'out'), 'badr to see the reply');
    expect(tg.sent.filter((s) => s.text.includes('double charge'))).toHaveLength(1);
    expect(await consoles.amal.do<Array<{ state: string }>>('outbox')).toEqual([expect.objectContaining({ state: 'accepted' })]);
  }, 60_000);

  it('a reply asking for a one-time code is refused with a sentence, and held in the console', async () => {
    const [conv] = await consoles.badr.do<Conv[]>('conversations');
    await consoles.badr.do('reply', conv!.id, 'Please send me the verification code we just texted you');
    const outbox = await consoles.badr.do<Array<{ state: string; reason: string }>>('outbox');
    expect(outbox.at(-1)).toMatchObject({ state: 'held' });
    expect(outbox.at(-1)!.reason.length).toBeGreaterThan(10);
    expect(tg.sent.some((s) => /verification code/.test(s.text))).toBe(false);
  }, 60_000);

  it('the database administrator sees masked text and ciphertext only', async () => {
    const dump = pg.dump(pg.url);
    expect(dump).toContain('⟦CARD');
    expect(dump).not.toMatch(/4111 1111 1111 1111|4111111111111111/);
  });
});
