import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TelegramEmulator } from '../emulators/telegram';
import type { TestPostgres } from '../helpers/postgres';
import { ConsoleProcess, pinnedGet, seedHub, startTeamHub, until, type HubFiles, type LoadBalancer, type NodeProcess } from './harness';

interface Conv {
  id: number;
}
interface Msg {
  id: number;
  maskedText: string;
  direction: string;
}

async function allTexts(c: ConsoleProcess): Promise<string[]> {
  const out: string[] = [];
  for (const conv of await c.do<Conv[]>('conversations')) for (const m of await c.do<Msg[]>('messages', conv.id)) if (m.direction === 'in') out.push(m.maskedText);
  return out;
}

/** Failures a team hub must ride out: a node killed mid-traffic, PostgreSQL stopped, a console offline for a long time. */
describe('team hub resilience', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla'>>>;
  let pg: TestPostgres;
  let files: HubFiles;
  let tg: TelegramEmulator;
  let nodes: NodeProcess[] = [];
  let lb: LoadBalancer;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  let agent: ConsoleProcess;
  let lead: ConsoleProcess;

  beforeAll(async () => {
    team = await startTeamHub({ users: [{ username: 'amal', role: 'agent' }, { username: 'layla', role: 'lead' }] });
    ({ pg, files, tg, nodes, lb, seed } = team);
    agent = team.consoles.amal;
    lead = team.consoles.layla;
  }, 180_000);

  const explainFailure = () =>
    onTestFailed(async () => {
      for (const n of nodes) console.error(`--- ${n.configFile} (running: ${n.running})\n${n.log.slice(-4000)}`);
      console.error('hub outbox', JSON.stringify(await seed.store.q.all('SELECT id, state, reason, attempts FROM outbox ORDER BY id').catch((e) => String(e))));
      console.error('telegram got', JSON.stringify(tg.sent.map((s) => s.text)));
      console.error('agent outbox', JSON.stringify(await agent.do('outbox').catch((e) => String(e))), JSON.stringify(await agent.do('state').catch((e) => String(e))));
    });

  afterAll(() => team?.close(), 120_000);

  it('killing the node that polls the channel, mid-traffic, loses and duplicates nothing; the lease and the consoles move', async () => {
    explainFailure();
    for (let i = 0; i < 10; i++) tg.addText(7000 + (i % 3), `before ${i}`);
    await until(async () => (await allTexts(agent)).length === 10, 'the first ten messages');

    const holder = await until(async () => {
      for (const n of nodes) {
        const h = JSON.parse((await pinnedGet(`https://127.0.0.1:${n.port}/healthz`, files.pin)).body) as { channels: string[] };
        if (h.channels.includes('tg')) return n;
      }
      return null;
    }, 'a node to hold the channel lease');
    const other = nodes.find((n) => n !== holder)!;

    for (let i = 0; i < 10; i++) tg.addText(7000 + (i % 3), `during ${i}`);
    holder.kill();
    for (let i = 0; i < 10; i++) tg.addText(7000 + (i % 3), `after ${i}`);

    await until(async () => {
      const h = JSON.parse((await pinnedGet(`https://127.0.0.1:${other.port}/healthz`, files.pin)).body) as { channels: string[] };
      return h.channels.includes('tg');
    }, 'the other node to take the channel lease');
    for (const c of [agent, lead]) {
      await until(async () => (await allTexts(c)).length === 30, 'all thirty messages in every console', 60_000);
      const texts = await allTexts(c);
      expect(new Set(texts).size).toBe(30);
    }
    expect(await seed.store.q.get<{ n: number }>("SELECT COUNT(*)::int AS n FROM messages WHERE direction = 'in'")).toEqual({ n: 30 });
    await holder.start(); // back for the next scenarios
  }, 180_000);

  it('with PostgreSQL stopped the hub says so in words, consoles stay readable and queue replies; all recovers, nothing lost', async () => {
    explainFailure();
    const [conv] = await agent.do<Conv[]>('conversations');
    const before = (await allTexts(agent)).length;
    pg.stop();
    try {
      const h = await until(async () => {
        const r = await pinnedGet(`https://127.0.0.1:${nodes[0]!.port}/healthz`, files.pin);
        return r.status === 503 ? (JSON.parse(r.body) as { problems: string[]; database: string }) : null;
      }, 'the hub to report the database outage');
      expect(h.database).toBe('unreachable');
      expect(h.problems.join(' ')).toMatch(/cannot reach its database/);
      expect((await allTexts(agent)).length).toBe(before);
      await agent.do('reply', conv!.id, 'queued while the database was down');
      expect(await agent.do<Array<{ state: string }>>('outbox')).toContainEqual(expect.objectContaining({ state: 'queued' }));
      tg.addText(7001, 'sent during the outage');
    } finally {
      pg.start();
    }
    await until(async () => (await pinnedGet(`https://127.0.0.1:${nodes[0]!.port}/healthz`, files.pin)).status === 200, 'the hub to be healthy again', 60_000);
    await until(async () => {
      await agent.do('flush');
      return tg.sent.some((s) => s.text === 'queued while the database was down');
    }, 'the queued reply to go out', 60_000);
    await until(async () => (await allTexts(agent)).includes('sent during the outage'), 'the message sent during the outage', 60_000);
    expect(tg.sent.filter((s) => s.text === 'queued while the database was down')).toHaveLength(1);
  }, 180_000);

  it('a console offline for a long time sends its queued replies exactly once, in order', async () => {
    explainFailure();
    const [conv] = await agent.do<Conv[]>('conversations');
    lb.down = true;
    lb.cut();
    for (let i = 1; i <= 4; i++) await agent.do('reply', conv!.id, `offline reply ${i}`);
    expect((await agent.do<Array<{ state: string }>>('outbox')).filter((o) => o.state === 'queued')).toHaveLength(4);
    // While it was away a new customer wrote (another conversation); the console catches up from its cursor.
    tg.addText(7099, 'written while the console was away');
    lb.down = false;
    await until(async () => {
      await agent.do('flush');
      return tg.sent.filter((s) => s.text.startsWith('offline reply')).length === 4;
    }, 'the four queued replies to go out', 60_000);
    expect(tg.sent.filter((s) => s.text.startsWith('offline reply')).map((s) => s.text)).toEqual(['offline reply 1', 'offline reply 2', 'offline reply 3', 'offline reply 4']);
    await agent.do('flush');
    await until(async () => (await allTexts(agent)).includes('written while the console was away'), 'the console to catch up', 60_000);
    expect(tg.sent.filter((s) => s.text.startsWith('offline reply'))).toHaveLength(4);
  }, 120_000);

  it('a reply written before the customer\'s newest message is held for its author to look first, not sent', async () => {
    lb.down = true;
    lb.cut();
    let newest: Conv | undefined;
    for (const c of await agent.do<Conv[]>('conversations')) {
      if ((await agent.do<Msg[]>('messages', c.id)).some((m) => m.maskedText === 'written while the console was away')) newest = c;
    }
    await agent.do('reply', newest!.id, 'answer written before the follow-up');
    tg.addText(7099, 'a follow-up the agent has not seen');
    await until(async () => (await seed.store.q.get<{ n: number }>("SELECT COUNT(*)::int AS n FROM messages WHERE masked_text = 'a follow-up the agent has not seen'"))?.n === 1, 'the follow-up to be stored');
    lb.down = false;
    await until(async () => {
      await agent.do('flush');
      return (await agent.do<Array<{ state: string }>>('outbox')).at(-1)?.state === 'held';
    }, 'the reply to be held');
    expect((await agent.do<Array<{ reason: string }>>('outbox')).at(-1)!.reason).toMatch(/customer wrote again/);
    expect(tg.sent.some((s) => s.text === 'answer written before the follow-up')).toBe(false);
  }, 60_000);
});
