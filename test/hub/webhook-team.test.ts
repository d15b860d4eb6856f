import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSignature } from '../../main/core/connectors';
import type { MetaEmulator } from '../emulators/meta';
import { whatsAppAtHub } from '../helpers/team-console';
import { pinnedGet, startTeamHub, until, type ConsoleProcess } from './harness';

interface Conv {
  id: number;
  channelId: string;
}
interface Msg {
  id: number;
  maskedText: string;
  direction: string;
  delivery: string | null;
}

const WA_TOKEN = 'EAAtest-wa-team-0123456789';
const VERIFY = 'team-verify-token-7f3';

/**
 * The relay's job done by the hub: a WhatsApp channel (webhook-only) on two hub nodes (own processes) behind the
 * load balancer, on PostgreSQL, with two consoles. The same signed delivery posted to both nodes at once is stored once
 * and reaches every console; the reply goes out once, from the node holding the channel's lease; the delivery status
 * posted to the other node reaches the consoles too.
 */
describe('team hub: webhooks on two nodes', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla'>>>;
  let consoles: Record<'amal' | 'layla', ConsoleProcess>;
  let meta: MetaEmulator;
  const agent = new Agent({ connect: { rejectUnauthorized: false } });

  async function deliver(port: number, payload: unknown): Promise<number> {
    const raw = Buffer.from(JSON.stringify(payload));
    const r = await request(`https://127.0.0.1:${port}/webhooks/wa`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, meta.appSecret) },
      body: raw,
    });
    await r.body.dump();
    return r.statusCode;
  }

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
      ],
    });
    consoles = team.consoles;
    meta = await whatsAppAtHub(team, { token: WA_TOKEN, name: 'WhatsApp', verifyToken: VERIFY });
  }, 180_000);

  afterAll(async () => {
    await team?.close();
    await meta?.close();
    await agent.close();
  }, 120_000);

  it('a delivery posted to both nodes at once is stored once and every console sees it; the reply goes out once from the lease holder', async () => {
    const [p1, p2] = team.nodes.map((n) => n.port) as [number, number];
    for (const port of [p1, p2]) {
      const r = await request(`https://127.0.0.1:${port}/webhooks/wa?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${VERIFY}`, { dispatcher: agent });
      expect(await r.body.text()).toBe('42');
    }

    const payload = meta.waPayload([{ from: '971500111222', name: 'Mariam', text: 'مرحبا، بطاقتي 4111 1111 1111 1111 خُصمت مرتين', id: 'wamid.TEAM1' }]);
    expect(await Promise.all([deliver(p1, payload), deliver(p2, payload), deliver(p1, payload)])).toEqual([200, 200, 200]);
    // And once more through the load balancer, as a platform retry would arrive.
    expect(await deliver(team.lb.port, payload)).toBe(200);

    const rows = await team.seed.store.q.all<{ id: number }>("SELECT id FROM messages WHERE channel_id = 'wa' AND platform_message_id = 'wamid.TEAM1'");
    expect(rows).toHaveLength(1);

    let conv: Conv | undefined;
    for (const name of ['amal', 'layla'] as const) {
      conv = await until(async () => (await consoles[name].do<Conv[]>('conversations')).find((c) => c.channelId === 'wa'), `${name} to see the WhatsApp conversation`);
      const msgs = await until(async () => {
        const m = await consoles[name].do<Msg[]>('messages', conv!.id);
        return m.length ? m : null;
      }, `${name} to see the message`);
      expect(msgs).toHaveLength(1);
      expect(msgs[0]!.maskedText).toContain('مرحبا');
      expect(msgs[0]!.maskedText).not.toMatch(/4111 1111/);
    }

    // Exactly one node runs the channel; the reply leaves from it, once.
    await until(async () => {
      const now = await Promise.all(team.nodes.map(async (n) => JSON.parse((await pinnedGet(`https://127.0.0.1:${n.port}/healthz`, team.files.pin)).body).channels as string[]));
      return now.filter((c) => c.includes('wa')).length === 1;
    }, 'one node to hold the WhatsApp channel');
    await consoles.amal.do('reply', conv!.id, 'نعتذر، سنعيد المبلغ اليوم');
    await until(() => meta.waSends.length === 1, 'the reply to reach WhatsApp');
    expect(meta.waSends[0]!.to).toBe('971500111222');

    // The statuses come back through the other node (and again through the first): the consoles see the delivery.
    const statuses = meta.waPayload([], true);
    expect(await deliver(p2, statuses)).toBe(200);
    expect(await deliver(p1, statuses)).toBe(200);
    await until(async () => {
      const m = await consoles.layla.do<Msg[]>('messages', conv!.id);
      const out = m.find((x) => x.direction === 'out');
      return out && ['delivered', 'read'].includes(out.delivery ?? '') ? out : null;
    }, 'layla to see the reply delivered');
    await new Promise((r) => setTimeout(r, 500));
    expect(meta.waSends).toHaveLength(1);
  }, 120_000);
});
