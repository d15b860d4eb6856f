import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { say } from '../../main/core/guard/messages';
import type { StartedEmbeddedHub } from '../../main/hub/embedded';
import { startBridge, type RunningBridge } from '../bridge/server';
import { TelegramEmulator } from '../emulators/telegram';
import { RENDERER_DIR } from '../helpers/browser';
import { openWindow } from '../helpers/console-page';
import { signIn } from '../helpers/console-people';
import { callInPage, type ContractAnswer } from '../helpers/contract-window';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

const PASSWORD = 'a long and careful passphrase 7';
const PHONE = '+966 55 987 6543';
const CARD = '4111 1111 1111 1111';
const TOKEN = '123456:embedded-hub-test-token';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

/**
 * A fresh install in embedded hub mode, in Chromium: the console runs the hub's own code in its process (SQLite in
 * its data folder, the embedded custodian, this device enrolled without IT) and follows it like any team console.
 */
describe('a fresh install on the embedded hub, in Chromium', () => {
  it('sets up the administrator, shows a Telegram message masked, reveals through the embedded custodian, replies, verifies the trail, and keeps it all across a restart', async () => {
    const dataDir = tmpDir();
    const { keychain, service } = testKeychain();
    const tg = await TelegramEmulator.start(TOKEN, 600_000);
    // IT's policy names the auditor and the lead: one administrator may give them exactly those roles (the single seat's rule).
    const privilegedUsers = [{ username: 'nadia', role: 'auditor' as const }, { username: 'huda', role: 'lead' as const }];
    const start = () => startBridge({ dataDir, rendererDir: RENDERER_DIR, keychain, keychainService: service, channels: true, embedded: 'hub', identityPolicy: { privilegedUsers } });
    let bridge: RunningBridge = await start();
    try {
      const hub = bridge.core.embeddedHub() as StartedEmbeddedHub;
      // The console's channel configuration, at its hub: the bot's token in this computer's keychain, as the hub reads it.
      await bridge.core.vault.set('hub:tg.token', TOKEN);
      await hub.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support bot', enabled: true, config: { baseUrl: tg.url, settings: { longPollSeconds: 1 } } }, { actor: 'test', device: null });

      const admin = await openWindow(browser, bridge.url);
      try {
        await admin.page.getByTestId('setup-name').fill('Salma');
        await admin.page.getByTestId('setup-username').fill('salma');
        await admin.page.getByTestId('setup-password').fill(PASSWORD);
        await admin.page.getByTestId('setup-confirm').fill(PASSWORD);
        await admin.page.getByTestId('setup-submit').click();
        await admin.page.locator('nav.nav').waitFor();
        expect(await callInPage(admin.page, 'getSession')).toMatchObject({ ok: true, value: { signedIn: true, needsAdmin: false, user: { username: 'salma', role: 'admin' }, team: { hub: new URL(hub.url).host } } });
        const made = await callInPage(admin.page, 'createUser', { username: 'amal', displayName: 'Amal', role: 'agent', password: PASSWORD });
        expect(made, JSON.stringify(made)).toMatchObject({ ok: true });
        // The policy names Nadia for the auditor role and Huda for the lead role, so one administrator gives them (audited
        // with that authority); anyone else would wait for a second administrator, as on a single seat.
        const auditorMade = await callInPage(admin.page, 'createUser', { username: 'nadia', displayName: 'Nadia', role: 'auditor', password: PASSWORD });
        expect(auditorMade, JSON.stringify(auditorMade)).toMatchObject({ ok: true });
        expect(await callInPage(admin.page, 'createUser', { username: 'huda', displayName: 'Huda', role: 'lead', password: PASSWORD })).toMatchObject({ ok: true });
        // The administrator's Test asks Telegram, through the hub, with the token in the hub's secret store.
        const tested = await callInPage(admin.page, 'testChannel', { id: 'tg' });
        expect(tested, JSON.stringify(tested)).toMatchObject({ ok: true, value: { outcome: 'ok', detail: null } });
        expect(tg.calls.some((c) => c.method === 'getme')).toBe(true);
      } finally {
        await admin.close();
      }

      const agent = await openWindow(browser, bridge.anotherWindow());
      try {
        await signIn(agent.page, { username: 'amal', password: PASSWORD });
        tg.addText(7001, `Hello, please call me on ${PHONE} about my order`, { first_name: 'Layla' });
        const row = agent.page.locator('[data-testid=conversation-row]', { hasText: 'Layla' }).first();
        await row.waitFor({ timeout: 20_000 });
        await row.click();
        const message = agent.page.getByTestId('message').last();
        await expect.poll(() => message.textContent(), { timeout: 20_000 }).toContain('please call me on');
        expect(await agent.page.content()).not.toContain(PHONE);

        // The embedded custodian opens the one value for this device (re-sealed to a key made for this reveal).
        await message.getByTestId('chip').click();
        await agent.page.getByTestId('reveal-reason').fill('Customer asked for a call back');
        await agent.page.getByTestId('reveal-submit').click();
        await expect.poll(() => message.getByTestId('chip-revealed').textContent(), { timeout: 20_000 }).toContain(PHONE);

        // Team mode explains the guard's findings in the interface's language too, not in the draft's.
        const conversationId = Number(await row.getAttribute('data-id'));
        const inPersian = (await callInPage(agent.page, 'checkReply', { conversationId, text: 'Please send me the code we just texted you.', lang: 'fa' })) as ContractAnswer & { value: { findings: Array<{ message: string }> } };
        expect(inPersian).toMatchObject({ ok: true, value: { verdict: 'block' } });
        expect(inPersian.value.findings[0]!.message).toContain(say('outbound.otp', 'fa'));
        // Sending it anyway: the hub refuses, and the console says why in the interface's language, not the hub's English.
        const seen = (await callInPage(agent.page, 'openConversation', { conversationId })) as ContractAnswer & { value: { latestInboundId: number | null } };
        const refused = await callInPage(agent.page, 'sendReply', { conversationId, text: 'Please send me the code we just texted you.', seenInboundId: seen.ok ? seen.value.latestInboundId : null, lang: 'fa' });
        expect(refused, JSON.stringify(refused)).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
        expect(!refused.ok && refused.error.message).toContain(say('outbound.otp', 'fa'));
        // Search in team mode (the console's cache): a hit names the customer and the conversation's status.
        const found = (await callInPage(agent.page, 'search', { query: 'order' })) as ContractAnswer & { value: { hits: Array<{ conversationId: number; contactName: Array<{ text?: string }>; status: string }> } };
        expect(found, JSON.stringify(found)).toMatchObject({ ok: true });
        const hit = found.value.hits.find((h) => h.conversationId === conversationId)!;
        expect(hit.contactName.map((s) => s.text ?? '').join('')).toContain('Layla');
        expect(hit.status).toBe('open');
        // The customer by name, in team mode too (the cache's conversations, the same rule), the match marked.
        const byName = (await callInPage(agent.page, 'search', { query: 'lay' })) as ContractAnswer & { value: { customers: Array<{ conversationId: number; contactName: Array<{ text?: string; match?: boolean }> }> } };
        expect(byName.ok && byName.value.customers.map((c) => c.conversationId)).toEqual([conversationId]);
        expect(byName.ok && byName.value.customers[0]!.contactName.filter((s) => s.match).map((s) => s.text)).toEqual(['Lay']);
        // A field type's name is no word of the message: "phone" does not find the masked phone.
        const typeWord = (await callInPage(agent.page, 'search', { query: 'phone' })) as ContractAnswer & { value: { hits: Array<{ conversationId: number }> } };
        expect(typeWord.ok && typeWord.value.hits.some((h) => h.conversationId === conversationId)).toBe(false);
        await agent.page.getByTestId('composer').fill('Thanks Layla, we will call you within the hour.');
        await expect.poll(() => agent.page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 20_000 }).toBe('allow');
        await agent.page.getByTestId('send').click();
        await expect.poll(() => tg.sent.some((m) => /call you within the hour/.test(m.text)), { timeout: 20_000 }).toBe(true);

        // One machine, two people: a card needs a lead. Amal asks and signs out; Huda, the lead, signs in on this same
        // window (this computer's one device key) and approves; Amal signs back in and sees the card for the grant's time.
        tg.addText(7001, `And the card I paid with is ${CARD}`, { first_name: 'Layla' });
        const cardMessage = agent.page.getByTestId('message').last();
        await expect.poll(() => cardMessage.textContent(), { timeout: 20_000 }).toContain('the card I paid with');
        await cardMessage.getByTestId('chip').click();
        await agent.page.getByTestId('reveal-reason').fill('Customer disputes the charge on this card');
        await agent.page.getByTestId('reveal-submit').click();
        await cardMessage.getByTestId('chip-waiting').waitFor();
        await agent.page.getByTestId('sign-out').click();
        await signIn(agent.page, { username: 'huda', password: PASSWORD });
        await agent.page.getByTestId('nav-lead').click();
        await agent.page.getByTestId('tab-approvals').click();
        const requests = agent.page.getByTestId('reveal-request');
        await expect.poll(() => requests.count(), { timeout: 20_000 }).toBe(1);
        expect(await requests.first().textContent()).toContain('Amal');
        expect(await agent.page.content()).not.toContain(CARD);
        await requests.first().getByTestId('approve-reveal').click();
        await agent.page.getByTestId('reveal-requests-none').waitFor();
        await agent.page.getByTestId('sign-out').click();
        await signIn(agent.page, { username: 'amal', password: PASSWORD });
        await agent.page.locator('[data-testid=conversation-row]', { hasText: 'Layla' }).first().click();
        const approved = agent.page.locator('[data-testid=message]', { hasText: 'the card I paid with' }).last();
        await expect.poll(() => approved.getByTestId('chip-revealed').textContent(), { timeout: 20_000 }).toContain(CARD);
        expect(agent.errors, agent.errors.join('\n')).toEqual([]);
      } finally {
        await agent.close();
      }

      const auditor = await openWindow(browser, bridge.anotherWindow());
      try {
        await signIn(auditor.page, { username: 'nadia', password: PASSWORD });
        const trail = (await callInPage(auditor.page, 'listAudit', { limit: 500 })) as { ok: true; value: { entries: Array<{ action: string; actor: string }> } };
        expect(trail.ok).toBe(true);
        expect(trail.value.entries.some((e) => e.action === 'user.created' && e.actor === 'salma')).toBe(true);
        expect(trail.value.entries.some((e) => /^reveal\./.test(e.action) && e.actor === 'amal')).toBe(true);
        expect(trail.value.entries.some((e) => e.action === 'reveal.approved' && e.actor === 'huda')).toBe(true);
        expect(JSON.stringify(trail.value.entries)).not.toContain('987 6543');
        expect(await callInPage(auditor.page, 'verifyAudit')).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
      } finally {
        await auditor.close();
      }

      // A restart: same folder, same keychain; the hub comes back on a new port with the same certificate.
      const pin = hub.pin;
      await bridge.close();
      bridge = await start();
      expect(bridge.core.embeddedHub()!.pin).toBe(pin);
      const again = await openWindow(browser, bridge.url);
      try {
        await signIn(again.page, { username: 'amal', password: PASSWORD });
        const row = again.page.locator('[data-testid=conversation-row]', { hasText: 'Layla' }).first();
        await row.waitFor({ timeout: 20_000 });
        await row.click();
        await again.page.locator('[data-testid=message]', { hasText: 'call you within the hour' }).waitFor({ timeout: 20_000 });
        // The phone was shown at once and is not shown again; the approved card is, while its grant lasts (read again, audited).
        expect(await again.page.content()).not.toContain(PHONE);
        await expect.poll(() => again.page.locator('[data-testid=message]', { hasText: 'the card I paid with' }).last().getByTestId('chip-revealed').textContent(), { timeout: 20_000 }).toContain(CARD);
        expect(again.errors, again.errors.join('\n')).toEqual([]);
      } finally {
        await again.close();
      }
      // The administrator removes the channel: the hub stops it and deletes the token consoles saved; the conversation stays.
      const remover = await openWindow(browser, bridge.anotherWindow());
      try {
        await signIn(remover.page, { username: 'salma', password: PASSWORD });
        const removed = (await callInPage(remover.page, 'removeChannel', { id: 'tg' })) as ContractAnswer & { value: { conversationsKept: number } };
        expect(removed, JSON.stringify(removed)).toMatchObject({ ok: true, value: { removed: true } });
        expect(removed.ok && removed.value.conversationsKept).toBeGreaterThanOrEqual(1);
        const listed = (await callInPage(remover.page, 'listChannels')) as unknown as { ok: true; value: Array<{ id: string }> };
        expect(listed.value.map((c) => c.id)).not.toContain('tg');
        expect(await callInPage(remover.page, 'testChannel', { id: 'tg' })).toMatchObject({ ok: false, error: { code: 'channel_unknown' } });
      } finally {
        await remover.close();
      }
    } finally {
      await bridge.close();
      await tg.close();
    }
  }, 240_000);
});
