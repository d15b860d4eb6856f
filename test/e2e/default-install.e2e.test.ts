import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DemoConnector } from '../../main/core/connectors/demo';
import { detectSensitive } from '../../main/core/masking';
import type { Clock } from '../../main/core/shared/ports';
import { startBridge, type RunningBridge } from '../bridge/server';
import { RENDERER_DIR } from '../helpers/browser';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { chooseLanguage, openWindow, shot } from '../helpers/console-page';
import { signIn } from '../helpers/console-people';
import { callInPage, type ContractAnswer } from '../helpers/contract-window';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

const PASSWORD = 'a long and careful passphrase 7';
/** Bounds for steps that cross the console, its hub and the custodian on a shared, loaded machine (not speed assumptions). */
const WAIT = { timeout: 60_000 };
const STEP_MS = 60_000;

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const WESTERN = (s: string) => s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
const digitsOf = (s: string) => WESTERN(s).replace(/\D/g, '');

/** The demo connector as the hub runs it (default seed and pace), at a moment of our choosing. */
const demoAt = (at: number) => new DemoConnector({ config: { id: 'demo', kind: 'demo' }, clock: { now: () => at } } as ConstructorParameters<typeof DemoConnector>[0]);
const phonesIn = (messages: Array<{ text?: string }>) =>
  messages.flatMap((m) => detectSensitive(m.text ?? '').filter((s) => s.type === 'PHONE').map((s) => digitsOf(m.text!.slice(s.start, s.end))));

/**
 * The demo channel plays the same conversations for the same moment (its seed and the clock), and not every quarter
 * of an hour holds a customer who pasted a phone number. The console's clock is the wall clock moved on by whole
 * conversation gaps until the last 12 minutes of the demo's backlog hold one, so the test never depends on the hour it
 * runs at. (On, not back: the window counts a revealed value's time down by its own clock, and a console clock behind
 * it would show every grant as already over.) Returns that clock and every phone number the demo may play meanwhile.
 */
async function clockWithADemoPhone(): Promise<{ clock: Clock; phones: Set<string> }> {
  const GAP = 90_000;
  for (let ahead = 0; ahead < 40; ahead++) {
    const offset = ahead * GAP;
    const now = Date.now() + offset;
    const { messages } = await demoAt(now).pull(null);
    if (phonesIn(messages.filter((m) => m.sentAt > now - 12 * 60_000)).length > 0) {
      // From a little before the hub's first pull (which comes a little after this one) to the test's whole budget.
      const { messages: meanwhile } = await demoAt(now + 10 * 60_000).pull(JSON.stringify({ t: now - 20 * 60_000 }));
      return { clock: { now: () => Date.now() + offset }, phones: new Set(phonesIn(meanwhile)) };
    }
  }
  throw new Error('the demo channel plays no phone number in the next hour of conversations');
}

async function setUpFirstAdministrator(page: Page): Promise<void> {
  await page.getByTestId('setup-name').fill('سلمى');
  await page.getByTestId('setup-username').fill('salma');
  await page.getByTestId('setup-password').fill(PASSWORD);
  await page.getByTestId('setup-confirm').fill(PASSWORD);
  await page.getByTestId('setup-submit').click();
  await page.locator('nav.nav').waitFor();
}

/**
 * What each layer holds of the agent's reply when the second start does not show it (masked text and states only):
 * the thread on screen, the console's team cache (messages, its outbox, its cursor) and the hub's database.
 */
async function whereIsTheReply(page: Page, dataDir: string, conversationId: number): Promise<Record<string, unknown>> {
  const read = (file: string, sql: string, ...params: unknown[]) => {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params);
      } finally {
        db.close();
      }
    } catch (e) {
      return String(e);
    }
  };
  const teamDir = path.join(dataDir, 'team');
  const caches = fs.existsSync(teamDir) ? fs.readdirSync(teamDir).filter((f) => f.endsWith('.sqlite')) : [];
  const hubDb = path.join(dataDir, 'hub', 'hub.sqlite');
  return {
    thread: await page.evaluate(
      `[...document.querySelectorAll('[data-testid=message]')].map((el) => el.getAttribute('data-direction') + ': ' + (el.textContent || '').slice(0, 60))`,
    ),
    selected: await page.evaluate(`[...document.querySelectorAll('[data-testid=conversation-row][aria-selected=true]')].map((el) => el.getAttribute('data-id'))`),
    banners: await page.evaluate(`[...document.querySelectorAll('[role=alert], .error')].map((el) => (el.textContent || '').slice(0, 120))`),
    caches: Object.fromEntries(
      caches.map((f) => [
        f,
        {
          cursor: read(path.join(teamDir, f), 'SELECT seq FROM cursor'),
          outbox: read(path.join(teamDir, f), 'SELECT conversation_id, state, reason, message_id FROM outbox'),
          messages: read(path.join(teamDir, f), "SELECT id, json_extract(body, '$.direction') AS direction FROM messages WHERE conversation_id = ? ORDER BY id", conversationId),
        },
      ]),
    ),
    hub: {
      messages: read(hubDb, 'SELECT id, direction, sent_at FROM messages WHERE conversation_id = ? ORDER BY id', conversationId),
      outbox: read(hubDb, 'SELECT o.id, o.message_id, o.state, o.reason FROM outbox o JOIN messages m ON m.id = o.message_id WHERE m.conversation_id = ?', conversationId),
      events: read(hubDb, "SELECT max(seq) AS last, count(*) AS n FROM events"),
    },
  };
}

/**
 * The default path of a new install: a fresh data folder, no DIWAN_EMBEDDED, no hub in any policy. The console runs
 * the team hub's own code in its process (issue 16, item 4) and nothing says so but the folder's `embedded-mode.json`.
 */
describe('a new install with nothing configured runs the embedded hub (Chromium)', () => {
  it('first run in English and Arabic makes the administrator at the hub; the demo channel arrives masked; an agent reveals a phone (audited) and replies; a second start keeps it all', async () => {
    expect(process.env.DIWAN_EMBEDDED).toBeUndefined();
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const { clock, phones } = await clockWithADemoPhone();
    const start = () => startBridge({ dataDir, rendererDir: RENDERER_DIR, keychain, keychainService: service, clock, channels: true });
    let bridge: RunningBridge = await start();
    const seen = { revealed: '' };
    let withPhone: number | null = null;
    try {
      expect(bridge.core.embedded).toBe('hub');
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-mode.json'), 'utf8'))).toEqual({ embedded: 'hub' });
      const hub = bridge.core.embeddedHub()!;
      expect(hub).not.toBeNull();

      // The first-run screen, in English, then in Arabic (right to left); the administrator is made there, in Arabic.
      const admin = await openWindow(browser, bridge.url, { timeoutMs: STEP_MS });
      try {
        await admin.page.getByTestId('setup-name').waitFor();
        expect(await admin.page.locator('h2', { hasText: 'Set up Diwan' }).count()).toBe(1);
        expect(await admin.page.evaluate('document.documentElement.dir')).toBe('ltr');
        await shot(admin.page, 'default-install-first-run', 'en');
        await chooseLanguage(admin.page, 'ar');
        await admin.page.locator('h2', { hasText: 'إعداد ديوان' }).waitFor();
        expect(await admin.page.evaluate('document.documentElement.dir')).toBe('rtl');
        await shot(admin.page, 'default-install-first-run', 'ar');
        await setUpFirstAdministrator(admin.page);
        expect(await callInPage(admin.page, 'getSession')).toMatchObject({ ok: true, value: { signedIn: true, needsAdmin: false, user: { username: 'salma', role: 'admin' }, team: { hub: new URL(hub.url).host } } });
        expect(await hub.needsAdmin()).toBe(false);
        expect(bridge.core.identity.users.count()).toBe(0);
        const made = await callInPage(admin.page, 'createUser', { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD });
        expect(made, JSON.stringify(made)).toMatchObject({ ok: true });
        expect(admin.errors, admin.errors.join('\n')).toEqual([]);
      } finally {
        await admin.close();
      }

      const agent = await openWindow(browser, bridge.anotherWindow(), { timeoutMs: STEP_MS });
      try {
        await signIn(agent.page, { username: 'amal', password: PASSWORD });
        // The demo channel runs at the hub: its conversations reach the console with each sensitive value a chip.
        type Listed = ContractAnswer & { value: { items: Array<{ id: number }> } };
        type Opened = ContractAnswer & { value: { messages: Array<{ segments: Array<{ kind: string; type?: string }> }> } };
        await expect
          .poll(async () => {
            const listed = (await callInPage(agent.page, 'listConversations', { filter: { scope: 'all' }, cursor: null, limit: 200 })) as Listed;
            for (const c of listed.ok ? listed.value.items : []) {
              const opened = (await callInPage(agent.page, 'openConversation', { conversationId: c.id })) as Opened;
              if (opened.ok && opened.value.messages.some((m) => m.segments.some((s) => s.kind === 'field' && s.type === 'PHONE'))) return (withPhone = c.id);
            }
            return null;
          }, WAIT)
          .not.toBeNull();
        await agent.page.locator(`[data-testid=conversation-row][data-id="${withPhone}"]`).click();
        const chip = agent.page.locator('[data-testid=message] [data-testid=chip]', { has: agent.page.locator('.chip-type', { hasText: 'Phone' }) }).first();
        await chip.waitFor();
        const content = WESTERN(await agent.page.content());
        for (const phone of phones) expect(content.replace(/\D/g, ' ')).not.toContain(` ${phone} `);

        await chip.click();
        await agent.page.getByTestId('reveal-reason').fill('The customer asked us to call back');
        await agent.page.getByTestId('reveal-submit').click();
        const shown = agent.page.getByTestId('chip-revealed').first();
        await shown.waitFor();
        const revealed = (seen.revealed = (await shown.locator('.chip-value').textContent()) ?? '');
        expect(phones.has(digitsOf(revealed)), `${revealed} is one of ${[...phones].join(', ')}`).toBe(true);

        await agent.page.getByTestId('composer').fill('Thank you, we will call you within the hour.');
        await expect.poll(() => agent.page.getByTestId('verdict').getAttribute('data-verdict'), WAIT).toBe('allow');
        await agent.page.getByTestId('send').click();
        await agent.page.locator('[data-testid=message][data-direction=out]', { hasText: 'call you within the hour' }).waitFor();
        expect(agent.errors, agent.errors.join('\n')).toEqual([]);
      } finally {
        await agent.close();
      }

      // Audited at the hub, by name and reason, without the value.
      const auditor = await openWindow(browser, bridge.anotherWindow(), { timeoutMs: STEP_MS });
      try {
        await signIn(auditor.page, { username: 'salma', password: PASSWORD });
        const trail = (await callInPage(auditor.page, 'listAudit', { limit: 1000 })) as ContractAnswer & { value: { entries: Array<{ action: string; actor: string }> } };
        expect(trail.ok).toBe(true);
        expect(trail.value.entries.some((e) => e.action === 'user.created' && e.actor === 'salma')).toBe(true);
        expect(trail.value.entries.some((e) => /^reveal\./.test(e.action) && e.actor === 'amal')).toBe(true);
        expect(WESTERN(JSON.stringify(trail.value.entries)).replace(/\D/g, ' ')).not.toContain(` ${digitsOf(seen.revealed)} `);
        expect(await callInPage(auditor.page, 'verifyAudit')).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
      } finally {
        await auditor.close();
      }
    } finally {
      await bridge.close();
    }
    // At rest the value is sealed: the hub's database holds it nowhere in clear.
    expect(fs.readFileSync(path.join(dataDir, 'hub', 'hub.sqlite')).includes(Buffer.from(seen.revealed, 'utf8'))).toBe(false);

    // The second start of the same folder: still the hub, the administrator and the agent, the conversation and the reply.
    bridge = await start();
    try {
      expect(bridge.core.embedded).toBe('hub');
      expect(await bridge.core.embeddedHub()!.needsAdmin()).toBe(false);
      const again = await openWindow(browser, bridge.url, { lang: 'ar', timeoutMs: STEP_MS });
      try {
        await again.page.getByTestId('username').waitFor();
        expect(await again.page.getByTestId('setup-name').count()).toBe(0);
        await signIn(again.page, { username: 'amal', password: PASSWORD });
        expect(await again.page.evaluate('document.documentElement.dir')).toBe('rtl');
        await again.page.locator(`[data-testid=conversation-row][data-id="${withPhone}"]`).click();
        await again.page
          .locator('[data-testid=message][data-direction=out]', { hasText: 'call you within the hour' })
          .waitFor()
          .catch(async (e: Error) => {
            throw new Error(`${e.message}\n${JSON.stringify(await whereIsTheReply(again.page, dataDir, withPhone!), null, 1)}`);
          });
        // Masked again: a reveal lasts its grant's time on the screen it was asked on, not across a restart.
        expect(await again.page.getByTestId('chip-revealed').count()).toBe(0);
        await shot(again.page, 'default-install-second-start', 'ar');
        expect(again.errors, again.errors.join('\n')).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await bridge.close();
    }
  }, 300_000);
});
