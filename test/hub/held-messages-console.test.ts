import type { Browser } from 'playwright-core';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSignature } from '../../main/core/connectors';
import type { RunningBridge } from '../bridge/server';
import type { MetaEmulator } from '../emulators/meta';
import { launchChromium } from '../helpers/browser';
import { openWindow } from '../helpers/console-page';
import { signIn } from '../helpers/console-people';
import { callInPage } from '../helpers/contract-window';
import { startOfficeConsole, whatsAppAtHub } from '../helpers/team-console';
import { PASSWORD, startTeamHub, until } from './harness';

const WA_TOKEN = 'EAAtest-wa-held-0123456789';
const CARD = '4111 1111 1111 1111';
const MARIAM = '971500111222';
const WAIT = { timeout: 20_000 };

/**
 * Held messages in team mode, in Chromium: a hub node (own process, PostgreSQL) whose flood limit lets one message per
 * sender through; the rest of a WhatsApp sender's messages are held. The agent cannot list, count or decide them (the
 * console and the hub both refuse); the lead sees the count on the navigation and the messages masked on the Lead screen
 * with the limit that held them, releases one into the inbox and discards the rest of that sender's; the administrator,
 * in Arabic, sees new ones appear without reloading (badge in Arabic digits, dual forms) and releases all of the
 * sender's. Each decision is audited at the hub with counts (and `scope: "sender"`) only.
 */
describe('team mode: held messages screen (Chromium)', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal' | 'layla' | 'salma'>>>;
  let meta: MetaEmulator;
  let bridge: RunningBridge;
  let browser: Browser;
  const tls = new Agent({ connect: { rejectUnauthorized: false } });
  let n = 0;

  async function deliver(from: string, name: string, text: string): Promise<void> {
    const raw = Buffer.from(JSON.stringify(meta.waPayload([{ from, name, text, id: `wamid.HELD${++n}` }])));
    const r = await request(`https://127.0.0.1:${team.nodes[0]!.port}/webhooks/wa`, {
      method: 'POST',
      dispatcher: tls,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, meta.appSecret) },
      body: raw,
    });
    await r.body.dump();
    expect(r.statusCode).toBe(200);
  }
  const heldCount = async () => Number((await team.seed.store.q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM webhook_quarantine'))!.n);

  beforeAll(async () => {
    team = await startTeamHub({
      users: [
        { username: 'amal', role: 'agent' },
        { username: 'layla', role: 'lead' },
        { username: 'salma', role: 'admin' },
      ],
      nodes: 1,
      // One message per sender, then held (the bucket does not refill within the test).
      nodeConfig: { webhooks: { flood: { perSender: { perMinute: 0.001, burst: 1 }, perChannel: { perMinute: 3000, burst: 500 } } } },
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

  it('holds a flood, lists it masked with its reason for the lead only, releases one into the inbox and discards the rest of the sender; the administrator, in Arabic, sees new ones arrive with the badge and releases all from the sender', async () => {
    await deliver(MARIAM, 'Mariam', 'Hello, I need help with my order');
    await deliver(MARIAM, 'Mariam', `My card ${CARD} was charged twice`);
    await deliver(MARIAM, 'Mariam', 'buy cheap followers now');
    await deliver(MARIAM, 'Mariam', 'buy cheap likes now');
    await until(async () => ((await heldCount()) === 3 ? true : null), 'three messages held');
    // The hub keeps which limit held them (the sender's own bucket), never text.
    expect((await team.seed.store.q.all<{ reason: string }>('SELECT DISTINCT reason FROM webhook_quarantine')).map((r) => r.reason)).toEqual(['sender_rate']);

    // The agent: the console refuses before asking the hub, and the hub refuses the agent's own session too.
    const agent = await openWindow(browser, bridge.anotherWindow());
    try {
      await signIn(agent.page, { username: 'amal', password: PASSWORD });
      expect(await callInPage(agent.page, 'listHeldMessages', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await callInPage(agent.page, 'countHeldMessages', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await callInPage(agent.page, 'discardHeldMessages', { channelId: 'wa', ids: [1] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await callInPage(agent.page, 'releaseHeldMessages', { channelId: 'wa', sameSenderAs: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await agent.page.locator('nav.nav').waitFor();
      expect(await agent.page.getByTestId('nav-lead').count()).toBe(0);
      expect(await agent.page.getByTestId('nav-held-count').count()).toBe(0);
      await expect(team.consoles.amal.do('call', 'GET', '/v1/quarantine/messages')).rejects.toMatchObject({ status: 403 });
      await expect(team.consoles.amal.do('call', 'POST', '/v1/quarantine/wa/discard', { sameSenderAs: 1 })).rejects.toMatchObject({ status: 403 });
      expect(agent.errors, agent.errors.join('\n')).toEqual([]);
    } finally {
      await agent.close();
    }
    expect(await heldCount()).toBe(3);

    const lead = await openWindow(browser, bridge.anotherWindow());
    try {
      await signIn(lead.page, { username: 'layla', password: PASSWORD });
      // The badge sits on the entry that holds the tab (Team lead for a lead), before the screen is opened.
      const badge = lead.page.getByTestId('nav-held-count');
      await expect.poll(() => badge.textContent(), WAIT).toBe('3');
      expect(await lead.page.getByTestId('nav-lead').getByTestId('nav-held-count').getAttribute('aria-label')).toBe('3 held messages waiting for a decision');
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-held').click();
      const rows = lead.page.getByTestId('held-message');
      await expect.poll(() => rows.count(), WAIT).toBe(3);
      const card = rows.filter({ hasText: 'charged twice' });
      expect(await card.getByTestId('held-sender').textContent()).toContain('Mariam');
      // The actual reason, the limit's numbers and the sender's flood as the hub recorded it.
      const reason = (await card.getByTestId('held-reason').textContent())!;
      expect(reason).toMatch(/^Held because this sender went over the limit for one sender\. The limit for one sender: a burst of up to 1, then 0\.001 a minute\. This sender has 3 held messages here, received between .+ and .+\.$/);
      expect(reason).not.toMatch(/971500|followers/);
      expect(await lead.page.getByTestId('held-channel').textContent()).toMatch(/WhatsApp desk.*3 held messages/);
      expect(await lead.page.content()).not.toContain(CARD);
      expect(await lead.page.content()).not.toContain(MARIAM);

      // Release one: confirmed, then it reaches the inbox (the hub's ingest, masked) and leaves the list; the badge follows.
      await card.getByTestId('held-release').click();
      await lead.page.getByTestId('held-release-confirm-go').click();
      await expect.poll(() => lead.page.getByTestId('held-done').textContent(), WAIT).toMatch(/Released\. WhatsApp desk still holds 2 messages\./);
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      await expect.poll(() => badge.textContent(), WAIT).toBe('2');
      await lead.page.getByTestId('nav-inbox').click();
      await lead.page.locator('[data-testid=conversation-row]', { hasText: 'Mariam' }).first().click();
      await lead.page.locator('[data-testid=message]', { hasText: 'charged twice' }).waitFor(WAIT);
      expect(await lead.page.content()).not.toContain(CARD);

      // Discard all from this sender: the dialog says how many; nothing is left and the badge goes.
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-held').click();
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      await rows.first().getByTestId('held-discard-sender').click();
      expect(await lead.page.getByTestId('held-discard-sender-confirm').textContent()).toContain('2 messages are erased unread and cannot be brought back.');
      await lead.page.getByTestId('held-discard-sender-confirm-go').click();
      await expect.poll(() => lead.page.getByTestId('held-done').textContent(), WAIT).toBe('Discarded 2 messages from this sender. WhatsApp desk still holds 0 messages.');
      await lead.page.getByTestId('held-none').waitFor(WAIT);
      await expect.poll(() => badge.count(), WAIT).toBe(0);
      expect(lead.errors, lead.errors.join('\n')).toEqual([]);
    } finally {
      await lead.close();
    }
    expect(await heldCount()).toBe(0);

    // The administrator, in Arabic: the tab is under Administration, right to left; newly held messages appear on
    // their own (the hub's `quarantine.held` event) with the badge in Arabic digits, and all of the sender's are released.
    const admin = await openWindow(browser, bridge.anotherWindow(), { lang: 'ar' });
    try {
      await signIn(admin.page, { username: 'salma', password: PASSWORD });
      await admin.page.getByTestId('nav-admin').click();
      await admin.page.getByTestId('tab-held').click();
      expect(await admin.page.getByTestId('tab-held').textContent()).toBe('الرسائل المحتجزة');
      expect(await admin.page.locator('html').getAttribute('dir')).toBe('rtl');
      await admin.page.getByTestId('held-none').waitFor(WAIT);
      await deliver(MARIAM, 'Mariam', 'one more from the flood');
      await deliver(MARIAM, 'Mariam', 'and another one');
      const rows = admin.page.getByTestId('held-message');
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      const badge = admin.page.getByTestId('nav-admin').getByTestId('nav-held-count');
      await expect.poll(() => badge.textContent(), WAIT).toBe('٢');
      expect(await badge.getAttribute('aria-label')).toBe('رسالتان محتجزتان بانتظار قرار');
      expect(await admin.page.getByTestId('held-channel').textContent()).toContain('رسالتان محتجزتان');
      const reason = (await rows.first().getByTestId('held-reason').textContent())!;
      expect(reason).toContain('احتُجزت لأن هذا المرسل تجاوز الحد المسموح لمرسل واحد.');
      expect(reason).toContain('حد المرسل الواحد: دفعة أقصاها ١،');
      expect(reason).toContain('لهذا المرسل رسالتان محتجزتان هنا');
      expect(await rows.first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el).direction)).toBe('rtl');
      await rows.first().getByTestId('held-release-sender').click();
      expect(await admin.page.getByTestId('held-release-sender-confirm').textContent()).toContain('تدخل رسالتان صندوق الوارد');
      await admin.page.getByTestId('held-release-sender-confirm-go').click();
      await expect.poll(() => admin.page.getByTestId('held-done').textContent(), WAIT).toBe('أُفرج عن رسالتين من هذا المرسل. لم يبقَ في WhatsApp desk أي رسالة محتجزة.');
      await admin.page.getByTestId('held-none').waitFor(WAIT);
      await expect.poll(() => badge.count(), WAIT).toBe(0);
      expect(admin.errors, admin.errors.join('\n')).toEqual([]);
    } finally {
      await admin.close();
    }

    const audit = await team.seed.store.q.all<{ actor: string; action: string; details: string }>(
      "SELECT actor, action, details FROM audit WHERE action LIKE 'guard.quarantine.%' OR action = 'webhook.quarantined' ORDER BY seq",
    );
    const heldOne = ['system', 'webhook.quarantined', { messages: 1, reason: 'flood' }];
    expect(audit.map((a) => [a.actor, a.action, JSON.parse(a.details)])).toEqual([
      heldOne,
      heldOne,
      heldOne,
      ['layla', 'guard.quarantine.released', { released: 1, delivered: 1, left: 2 }],
      ['layla', 'guard.quarantine.discarded', { discarded: 2, left: 0, scope: 'sender' }],
      heldOne,
      heldOne,
      ['salma', 'guard.quarantine.released', { released: 2, delivered: 2, left: 0, scope: 'sender' }],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/4111 1111|charged|Mariam|971500/);
    const events = await team.seed.store.q.all<{ kind: string; audience: string; payload: string }>("SELECT kind, audience, payload FROM events WHERE kind LIKE 'quarantine.%' ORDER BY seq");
    expect(events.filter((e) => e.kind === 'quarantine.held').map((e) => [e.audience, JSON.parse(e.payload)])).toEqual(
      [1, 2, 3, 4, 5].flatMap(() => [
        ['leads', { channelId: 'wa', added: 1 }],
        ['admins', { channelId: 'wa', added: 1 }],
      ]),
    );
  }, 180_000);
});
