import type { Browser } from 'playwright-core';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSignature } from '../../main/core/connectors';
import type { RunningBridge } from '../bridge/server';
import type { MetaEmulator } from '../emulators/meta';
import { launchChromium } from '../helpers/browser';
import { openConversationRow, openWindow } from '../helpers/console-page';
import { signIn } from '../helpers/console-people';
import { startOfficeConsole, whatsAppAtHub } from '../helpers/team-console';
import { PASSWORD, startTeamHub, until } from './harness';

const WA_TOKEN = 'EAAtest-wa-copies-0123456789';
const CAMPAIGN = 'Your company steals from its customers, refund everyone today or we boycott you';
const WAIT = { timeout: 20_000 };

/**
 * A campaign's copies counted on their conversation, in Chromium: two hub nodes (own processes, one PostgreSQL) take
 * a WhatsApp campaign's webhooks alternately; the third copy opens a conversation (the default collapse threshold)
 * and the next three are held as duplicates there. The agent (English) sees "3 copies held" on the row and in the
 * conversation; the lead (Persian) sees the count on the held-messages screen and releases one, and the agent's
 * count follows through the event stream; in Arabic the dual form shows.
 */
describe('team mode: held copies counted on their conversation (Chromium)', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla'>>>;
  let meta: MetaEmulator;
  let bridge: RunningBridge;
  let browser: Browser;
  const tls = new Agent({ connect: { rejectUnauthorized: false } });

  async function deliver(node: number, from: string, name: string, text: string, id: string): Promise<void> {
    const raw = Buffer.from(JSON.stringify(meta.waPayload([{ from, name, text, id }])));
    const r = await request(`https://127.0.0.1:${team.nodes[node]!.port}/webhooks/wa`, {
      method: 'POST',
      dispatcher: tls,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, meta.appSecret) },
      body: raw,
    });
    await r.body.dump();
    expect(r.statusCode).toBe(200);
  }
  const q = () => team.seed.store.q;

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
      ],
      nodes: 2,
    });
    meta = await whatsAppAtHub(team, { token: WA_TOKEN, name: 'WhatsApp desk' });
    bridge = await startOfficeConsole(team, { label: 'front desk', chromium: true });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    await team?.close();
    await meta?.close();
    await tls.close();
  }, 120_000);

  it('shows the held copies on the conversation the campaign opened, on both nodes alike, and follows a release', async () => {
    // Six accounts post the campaign, alternately to each node, one after the other.
    for (let i = 0; i < 6; i++) await deliver(i % 2, `97150011${String(i).padStart(4, '0')}`, `Account ${i}`, `${CAMPAIGN} (${i})`, `wamid.COPY${i}`);
    await until(async () => (Number((await q().get<{ n: number | string }>("SELECT COUNT(*) AS n FROM webhook_quarantine WHERE reason = 'duplicate'"))!.n) === 3 ? true : null), 'three copies held');
    const opened = Number((await q().get<{ c: number | string }>("SELECT conversation_id AS c FROM messages WHERE platform_message_id = 'wamid.COPY2'"))!.c);
    // Every node answers the list from the one database: the same count wherever the load balancer sends a console.
    for (let i = 0; i < 3; i++) {
      const listed = (await team.consoles.layla.do('call', 'GET', '/v1/conversations?limit=50')) as { conversations: Array<{ id: number; heldCopies?: number }> };
      expect(listed.conversations.find((c) => c.id === opened)?.heldCopies).toBe(3);
      expect(listed.conversations.filter((c) => c.heldCopies).map((c) => c.id)).toEqual([opened]);
    }

    const agent = await openWindow(browser, bridge.anotherWindow());
    const lead = await openWindow(browser, bridge.anotherWindow(), { lang: 'fa' });
    try {
      await signIn(agent.page, { username: 'amal', password: PASSWORD });
      const row = agent.page.locator(`[data-testid=conversation-row][data-id="${opened}"]`);
      await expect.poll(() => row.getByTestId('row-held-copies').textContent(), WAIT).toBe('3 copies held');
      expect(await agent.page.getByTestId('row-held-copies').count()).toBe(1);
      await openConversationRow(agent.page, opened);
      await expect.poll(() => agent.page.getByTestId('conversation-held-copies').textContent(), WAIT).toBe('3 copies held');
      expect(await agent.page.getByTestId('conversation-held-copies').getAttribute('title')).toMatch(/^Copies of this message that many senders sent at once/);

      await signIn(lead.page, { username: 'layla', password: PASSWORD });
      expect(await lead.page.locator('html').getAttribute('dir')).toBe('rtl');
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-held').click();
      const rows = lead.page.getByTestId('held-message');
      await expect.poll(() => rows.count(), WAIT).toBe(3);
      expect(await rows.first().getByTestId('held-reason').textContent()).toContain('۳ نسخه از این کارزار نگه داشته شده‌اند و روی گفت‌وگویی شمرده می‌شوند که نسخهٔ نخستش باز کرد.');
      await rows.first().getByTestId('held-release').click();
      await lead.page.getByTestId('held-release-confirm-go').click();
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      await expect.poll(() => rows.first().getByTestId('held-reason').textContent(), WAIT).toContain('۲ نسخه از این کارزار');

      // The agent's console hears the release through the stream: the count follows in the list and the conversation.
      await expect.poll(() => row.getByTestId('row-held-copies').textContent(), WAIT).toBe('2 copies held');
      await expect.poll(() => agent.page.getByTestId('conversation-held-copies').textContent(), WAIT).toBe('2 copies held');
      expect(agent.errors, agent.errors.join('\n')).toEqual([]);
      expect(lead.errors, lead.errors.join('\n')).toEqual([]);
    } finally {
      await agent.close();
      await lead.close();
    }

    // In Arabic, right to left, the dual form.
    const ar = await openWindow(browser, bridge.anotherWindow(), { lang: 'ar' });
    try {
      await signIn(ar.page, { username: 'amal', password: PASSWORD });
      const chip = ar.page.locator(`[data-testid=conversation-row][data-id="${opened}"]`).getByTestId('row-held-copies');
      await expect.poll(() => chip.textContent(), WAIT).toBe('نسختان محتجزتان');
      expect(await chip.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el).direction)).toBe('rtl');
      expect(ar.errors, ar.errors.join('\n')).toEqual([]);
    } finally {
      await ar.close();
    }
    const events = await q().all<{ audience: string; payload: string }>("SELECT audience, payload FROM events WHERE kind = 'conversation.copies' ORDER BY seq");
    expect(events.map((e) => [e.audience, JSON.parse(e.payload)])).toEqual([1, 2, 3, 2].map((n) => ['conversation', { conversationId: opened, channelId: 'wa', heldCopies: n }]));
    expect(JSON.stringify(events)).not.toMatch(/boycott|Account|971500/);
  }, 180_000);
});
