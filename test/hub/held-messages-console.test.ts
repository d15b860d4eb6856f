import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSignature } from '../../main/core/connectors';
import type { RunningBridge } from '../bridge/server';
import { MetaEmulator } from '../emulators/meta';
import { launchChromium } from '../helpers/browser';
import { openWindow } from '../helpers/console-page';
import { signIn } from '../helpers/console-people';
import { callInPage } from '../helpers/contract-window';
import { startOfficeConsole } from '../helpers/team-console';
import { PASSWORD, startTeamHub, until } from './harness';

const WA_TOKEN = 'EAAtest-wa-held-0123456789';
const CARD = '4111 1111 1111 1111';
const MARIAM = '971500111222';
const WAIT = { timeout: 20_000 };

/**
 * Held messages in team mode, in Chromium: a hub node (own process, PostgreSQL) whose flood limit lets one message per
 * sender through; the rest of a WhatsApp sender's messages are held. The agent cannot list them (the console and the
 * hub both refuse); the lead sees them masked on the Lead screen, releases one into the inbox and discards another;
 * the administrator, in Arabic, sees a newly held one appear without reloading and discards it. Each decision is
 * audited at the hub with counts only.
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
    meta = await MetaEmulator.start(WA_TOKEN, 900_000);
    const put = (name: string, value: string) => fs.writeFileSync(path.join(team.files.credentials, name), value, { mode: 0o400 });
    put('wa.token', WA_TOKEN);
    put('wa.app-secret', meta.appSecret);
    await team.seed.store.saveChannel({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp desk', enabled: true, config: { baseUrl: meta.url, settings: { phoneNumberId: meta.phoneNumberId } } }, { actor: 'it:test' });
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

  it('holds a flood, lists it masked for the lead only, releases one into the inbox and discards another; the administrator sees a new one arrive and discards it', async () => {
    await deliver(MARIAM, 'Mariam', 'Hello, I need help with my order');
    await deliver(MARIAM, 'Mariam', `My card ${CARD} was charged twice`);
    await deliver(MARIAM, 'Mariam', 'buy cheap followers now');
    await until(async () => ((await heldCount()) === 2 ? true : null), 'two messages held');

    // The agent: the console refuses before asking the hub, and the hub refuses the agent's own session too.
    const agent = await openWindow(browser, bridge.anotherWindow());
    try {
      await signIn(agent.page, { username: 'amal', password: PASSWORD });
      expect(await callInPage(agent.page, 'listHeldMessages', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await callInPage(agent.page, 'discardHeldMessages', { channelId: 'wa', ids: [1] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await agent.page.locator('nav.nav').waitFor();
      expect(await agent.page.getByTestId('nav-lead').count()).toBe(0);
      await expect(team.consoles.amal.do('call', 'GET', '/v1/quarantine/messages')).rejects.toMatchObject({ status: 403 });
      expect(agent.errors, agent.errors.join('\n')).toEqual([]);
    } finally {
      await agent.close();
    }

    const lead = await openWindow(browser, bridge.anotherWindow());
    try {
      await signIn(lead.page, { username: 'layla', password: PASSWORD });
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-held').click();
      const rows = lead.page.getByTestId('held-message');
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      const card = rows.filter({ hasText: 'charged twice' });
      expect(await card.getByTestId('held-sender').textContent()).toContain('Mariam');
      expect(await card.getByTestId('held-reason').textContent()).toMatch(/flood limits/);
      expect(await lead.page.getByTestId('held-channel').textContent()).toMatch(/WhatsApp desk.*2 held messages/);
      expect(await lead.page.content()).not.toContain(CARD);

      // Release: confirmed, then it reaches the inbox (the hub's ingest, masked) and leaves the list.
      await card.getByTestId('held-release').click();
      await lead.page.getByTestId('held-release-confirm-go').click();
      await expect.poll(() => lead.page.getByTestId('held-done').textContent(), WAIT).toMatch(/Released\. WhatsApp desk still holds 1 message\./);
      await expect.poll(() => rows.count(), WAIT).toBe(1);
      await lead.page.getByTestId('nav-inbox').click();
      await lead.page.locator('[data-testid=conversation-row]', { hasText: 'Mariam' }).first().click();
      await lead.page.locator('[data-testid=message]', { hasText: 'charged twice' }).waitFor(WAIT);
      expect(await lead.page.content()).not.toContain(CARD);

      // Discard: confirmed; nothing is left.
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-held').click();
      await expect.poll(() => rows.count(), WAIT).toBe(1);
      await rows.first().getByTestId('held-discard').click();
      await lead.page.getByTestId('held-discard-confirm-go').click();
      await lead.page.getByTestId('held-none').waitFor(WAIT);
      expect(lead.errors, lead.errors.join('\n')).toEqual([]);
    } finally {
      await lead.close();
    }
    expect(await heldCount()).toBe(0);

    // The administrator, in Arabic: the tab is under Administration, right to left; a newly held message appears on
    // its own (the hub's `quarantine.held` event), and is discarded.
    const admin = await openWindow(browser, bridge.anotherWindow(), { lang: 'ar' });
    try {
      await signIn(admin.page, { username: 'salma', password: PASSWORD });
      await admin.page.getByTestId('nav-admin').click();
      await admin.page.getByTestId('tab-held').click();
      expect(await admin.page.getByTestId('tab-held').textContent()).toBe('الرسائل المحتجزة');
      expect(await admin.page.locator('html').getAttribute('dir')).toBe('rtl');
      await admin.page.getByTestId('held-none').waitFor(WAIT);
      await deliver(MARIAM, 'Mariam', 'one more from the flood');
      const rows = admin.page.getByTestId('held-message');
      await expect.poll(() => rows.count(), WAIT).toBe(1);
      expect(await admin.page.getByTestId('held-channel').textContent()).toContain('رسالة محتجزة واحدة');
      await rows.first().getByTestId('held-discard').click();
      await admin.page.getByTestId('held-discard-confirm-go').click();
      await admin.page.getByTestId('held-none').waitFor(WAIT);
      expect(admin.errors, admin.errors.join('\n')).toEqual([]);
    } finally {
      await admin.close();
    }

    const audit = await team.seed.store.q.all<{ actor: string; action: string; details: string }>(
      "SELECT actor, action, details FROM audit WHERE action LIKE 'guard.quarantine.%' OR action = 'webhook.quarantined' ORDER BY seq",
    );
    expect(audit.map((a) => [a.actor, a.action, JSON.parse(a.details)])).toEqual([
      ['system', 'webhook.quarantined', { messages: 1, reason: 'flood' }],
      ['system', 'webhook.quarantined', { messages: 1, reason: 'flood' }],
      ['layla', 'guard.quarantine.released', { released: 1, delivered: 1, left: 1 }],
      ['layla', 'guard.quarantine.discarded', { discarded: 1, left: 0 }],
      ['system', 'webhook.quarantined', { messages: 1, reason: 'flood' }],
      ['salma', 'guard.quarantine.discarded', { discarded: 1, left: 0 }],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/4111|charged|Mariam|971500/);
    const events = await team.seed.store.q.all<{ kind: string; audience: string; payload: string }>("SELECT kind, audience, payload FROM events WHERE kind LIKE 'quarantine.%' ORDER BY seq");
    expect(events.filter((e) => e.kind === 'quarantine.held').map((e) => [e.audience, JSON.parse(e.payload)])).toEqual(
      [1, 2, 3].flatMap(() => [
        ['leads', { channelId: 'wa', added: 1 }],
        ['admins', { channelId: 'wa', added: 1 }],
      ]),
    );
  }, 180_000);
});
