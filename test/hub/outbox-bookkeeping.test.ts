import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { pinnedGet, startTeamHub, until } from './harness';

interface Conv {
  id: number;
}

/**
 * A hub node whose database fails just after the platform accepted a reply (recording the outcome throws) stays
 * alive, keeps its channels, and the reply reaches the customer exactly once (counted at the Telegram emulator).
 */
describe('a hub node when recording a sent reply fails', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal'>>>;
  let conv: Conv;

  beforeAll(async () => {
    team = await startTeamHub({ users: [{ username: 'amal', role: 'agent' }], nodes: 1 });
    team.tg.addText(8100, 'hello, my order is late');
    conv = (await until(async () => (await team.consoles.amal.do<Conv[]>('conversations'))[0], 'the customer message in the console'))!;
  }, 180_000);

  afterAll(() => team?.close(), 120_000);

  const node = () => team.nodes[0]!;
  const sentCount = (text: string) => team.tg.sent.filter((s) => s.text === text).length;
  const outboxState = async (text: string) =>
    (await team.seed.store.q.get<{ state: string }>("SELECT o.state FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.masked_text = ?", [text]))?.state;
  const healthy = async () => (await pinnedGet(`https://127.0.0.1:${node().port}/healthz`, team.files.pin)).status === 200;
  const explain = () =>
    onTestFailed(async () => {
      console.error(`--- node log (running: ${node().running})\n${node().log.slice(-6000)}`);
      console.error('outbox', JSON.stringify(await team.seed.store.q.all('SELECT id, state, reason, attempts FROM outbox ORDER BY id').catch((e) => String(e))));
    });

  it('a constraint failing at that moment: the node lives, retries the record, and the reply is sent once and ends "sent"', async () => {
    explain();
    const text = 'your parcel left the depot today';
    // From a second connection, the moment a reply becomes `sent` is refused (rows already there are not checked).
    await team.seed.store.q.run("ALTER TABLE outbox ADD CONSTRAINT test_refuse_sent CHECK (state <> 'sent') NOT VALID");
    try {
      await team.consoles.amal.do('reply', conv.id, text);
      await until(async () => {
        await team.consoles.amal.do('flush');
        return sentCount(text) === 1;
      }, 'the platform to accept the reply');
      await until(() => /outbox\.record_failed/.test(node().log), 'the node to log the failed record');
      expect(node().log).toMatch(/Recording reply \d+ as sent failed \(23514, try 1\); trying again in \d+ ms/);
      expect(node().log).not.toContain(text);
      expect(await outboxState(text)).toBe('sending');
      expect(node().running).toBe(true);
      expect(await healthy()).toBe(true);
    } finally {
      await team.seed.store.q.run('ALTER TABLE outbox DROP CONSTRAINT test_refuse_sent');
    }
    await until(async () => (await outboxState(text)) === 'sent', 'the record to land once the constraint is gone', 120_000);
    expect(sentCount(text)).toBe(1);
    expect(node().running).toBe(true);

    // The outbox loop goes on: the next reply goes out as usual.
    await team.consoles.amal.do('reply', conv.id, 'and it arrives tomorrow');
    await until(async () => {
      await team.consoles.amal.do('flush');
      return (await outboxState('and it arrives tomorrow')) === 'sent';
    }, 'the next reply to go out');
    expect(sentCount(text)).toBe(1);
    expect(sentCount('and it arrives tomorrow')).toBe(1);
  }, 240_000);

  it('PostgreSQL stopped the moment the platform accepts: the node lives, and the reply is sent once, never again', async () => {
    explain();
    const text = 'we refunded the delivery fee';
    const sent = team.tg.sent;
    const push = sent.push.bind(sent);
    // The emulator records the send, then the database goes away before the hub hears the platform's answer.
    sent.push = (...items) => {
      const n = push(...items);
      if (items.some((i) => i.text === text)) team.pg.stop();
      return n;
    };
    try {
      await team.consoles.amal.do('reply', conv.id, text);
      await until(async () => {
        await team.consoles.amal.do('flush').catch(() => {});
        return sentCount(text) === 1;
      }, 'the platform to accept the reply');
      await until(() => /outbox\.record_failed/.test(node().log), 'the node to log the failed record');
      expect(node().running).toBe(true);
    } finally {
      sent.push = push;
      team.pg.start();
    }
    await until(healthy, 'the node to be healthy again', 60_000);
    // Recorded `sent` when the database came back in time; `unknown` (the agent decides) when the channel stopped first.
    const final = await until(async () => {
      const s = await outboxState(text);
      return s === 'sent' || s === 'unknown' ? s : null;
    }, 'the reply to be settled', 120_000);
    expect(['sent', 'unknown']).toContain(final);
    expect(node().running).toBe(true);

    await team.consoles.amal.do('reply', conv.id, 'anything else I can do?');
    await until(async () => {
      await team.consoles.amal.do('flush');
      return (await outboxState('anything else I can do?')) === 'sent';
    }, 'the next reply to go out', 60_000);
    expect(sentCount(text)).toBe(1);
    expect(node().log).not.toContain(text);
  }, 300_000);
});
