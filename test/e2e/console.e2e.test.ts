import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { newSessionSlot } from '../../main/core/auth';
import { resolveGuardPolicy } from '../../main/core/guard';
import { artifactPath } from '../helpers/browser';
import { consoleBridge, contactNames, originals, PEOPLE, receive, signIn } from '../helpers/console';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

type ConsoleBridge = Awaited<ReturnType<typeof consoleBridge>>;

async function withConsole(opts: Parameters<typeof consoleBridge>[0], run: (page: Page, bridge: ConsoleBridge, errors: string[]) => Promise<void>) {
  const bridge = await consoleBridge(opts);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(bridge.url);
    await run(page, bridge, errors);
  } finally {
    await page.close();
    await bridge.close();
  }
}

const PHONE = '+966 55 987 6543';

/** The guard's verdict follows a pause in typing and a call to main: a bound a loaded machine meets. */
const VERDICT_WAIT = { timeout: 10_000 };

describe('the console in Chromium through the loopback test bridge', () => {
  it("an agent's day: sign in, a message arrives, masked chip, reveal with a reason (audited), a code request is blocked, a proper reply is delivered, resolve", async () => {
    await withConsole({ revealMinutes: 0.05 }, async (page, bridge, errors) => {
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('conversation-row').first().waitFor();
      await page.screenshot({ path: artifactPath('inbox-en.png') });

      const id = receive(bridge, { contact: 'Layla Haddad', text: `Hello, please call me on ${PHONE} about my order`, assignTo: bridge.people.agent });
      const row = page.locator(`[data-testid=conversation-row][data-id="${id}"]`);
      await row.waitFor();
      // The OS notification was written by main from the channel only, never the customer's words.
      await expect.poll(() => bridge.notifications.length).toBe(1);
      expect(bridge.notifications[0]!.body).toBe('New conversation assigned to you — Demo');
      expect(JSON.stringify(bridge.notifications)).not.toMatch(/Layla|966|order/);

      await row.click();
      const message = page.getByTestId('message').last();
      await expect.poll(() => message.textContent()).toContain('please call me on');
      expect(await page.content()).not.toContain(PHONE);
      const chip = message.getByTestId('chip');
      expect(await chip.getAttribute('aria-label')).toMatch(/Masked Phone ending ••43/);

      await chip.click();
      await page.getByTestId('reveal-reason').fill('Customer asked for a call back');
      await page.getByTestId('reveal-submit').click();
      await expect.poll(() => message.getByTestId('chip-revealed').textContent()).toContain(PHONE);
      const reveal = bridge.core.auditTrail.list({ newestFirst: true, limit: 50 }).find((e) => e.action === 'reveal.granted');
      expect(reveal).toMatchObject({ actor: PEOPLE.agent.username, target: expect.stringMatching(/^message:\d+#0$/) });
      expect(reveal!.details).toMatchObject({ reason: 'Customer asked for a call back', type: 'PHONE' });
      expect(bridge.core.auditTrail.list({ newestFirst: true, limit: 50 }).some((e) => e.action === 'conversation.opened' && e.target === `conversation:${id}`)).toBe(true);
      // The grant expires and the value leaves the page again.
      await expect.poll(() => message.getByTestId('chip-revealed').count(), { timeout: 6000 }).toBe(0);
      expect(await page.content()).not.toContain(PHONE);

      const composer = page.getByTestId('composer');
      await composer.fill('To verify you, please send me the code we just texted you.');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), VERDICT_WAIT).toBe('block');
      expect(await page.getByTestId('send').isDisabled()).toBe(true);

      await composer.fill('Thanks Layla, a colleague will call you today.');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), VERDICT_WAIT).toBe('allow');
      await page.getByTestId('send').click();
      const reply = page.getByTestId('message').last();
      // The demo channel takes the reply from the outbox and sends it.
      await expect.poll(() => reply.getByTestId('delivery').getAttribute('data-state'), { timeout: 8000 }).toMatch(/^(sent|delivered|read)$/);
      expect(bridge.core.auditTrail.list({ newestFirst: true, limit: 50 }).some((e) => e.action === 'message.sent')).toBe(true);

      await page.getByTestId('composer').blur();
      await page.keyboard.press('e');
      // Resolved: it leaves the Open list and the next conversation opens, as in every helpdesk.
      await expect.poll(() => bridge.core.store.conversations.get(id).status).toBe('resolved');
      await expect.poll(() => row.count()).toBe(0);
      await expect.poll(() => page.locator('[data-testid=conversation-row][aria-selected=true]').count()).toBe(1);
      // Arrow keys move through the list when it has focus.
      const selected = () => page.locator('[data-testid=conversation-row][aria-selected=true]').getAttribute('data-id');
      const before = await selected();
      await page.getByTestId('conversation-list').focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(selected).not.toBe(before);
      await page.keyboard.press('ArrowUp');
      await expect.poll(selected).toBe(before);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });

  it("a card reveal waits for a team lead's approval, then shows the value", async () => {
    await withConsole({}, async (page, bridge) => {
      const id = receive(bridge, { contact: 'Nour Saleh', text: 'Refund to my card 4111 1111 1111 1111 please' });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      const message = page.getByTestId('message').last();
      await message.getByTestId('chip').click();
      await page.getByTestId('reveal-reason').fill('Refund needs the card number');
      await page.getByTestId('reveal-submit').click();
      const waiting = message.getByTestId('chip-waiting');
      await waiting.waitFor();
      expect(await page.content()).not.toContain('4111 1111');
      // Still waiting: asking again changes nothing.
      await waiting.click();
      await expect.poll(() => waiting.count()).toBe(1);

      const leadSlot = newSessionSlot();
      await bridge.core.identity.signIn(leadSlot, { username: PEOPLE.lead.username, password: PEOPLE.lead.password });
      const lead = bridge.core.identity.requireSession(leadSlot);
      const [request] = bridge.core.reveal.pending(lead);
      expect(request).toMatchObject({ requestedBy: PEOPLE.agent.username, fieldType: 'CARD', reason: 'Refund needs the card number' });
      bridge.core.reveal.decide(lead, request!.requestId, true);

      await waiting.click();
      await expect.poll(() => message.getByTestId('chip-revealed').textContent()).toContain('4111 1111 1111 1111');
    });
  });

  it('a blocked reply goes out once a team lead approves it; the lead sees it masked', async () => {
    await withConsole({}, async (page, bridge, errors) => {
      // Only what the policy marks approvable (a national ID, where the service needs only phone + activation code)
      // can be approved; a reply asking for a one-time code offers no approval at all.
      bridge.core.guards.setPolicy(resolveGuardPolicy({ serviceNeedsOnlyPhoneAndActivationCode: true }));
      const id = receive(bridge, { contact: 'Hana Aziz', text: 'I cannot sign in.' });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await page.getByTestId('composer').fill(`I will call ${PHONE}. To verify you, please send me the code we just texted you.`);
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), VERDICT_WAIT).toBe('block');
      expect(await page.getByTestId('ask-approval').count()).toBe(0);
      await page.getByTestId('composer').fill(`I will call ${PHONE}. To move the line to your name, please send me your national ID number.`);
      await expect.poll(() => page.getByTestId('ask-approval').count()).toBe(1);
      await page.getByTestId('ask-approval').click();
      await expect.poll(() => page.getByTestId('approval').getAttribute('data-state')).toBe('pending');
      expect(await page.getByTestId('send').isDisabled()).toBe(true);

      const [request] = bridge.core.guards.approvals.pending();
      expect(request!.maskedText).not.toContain(PHONE);
      bridge.core.guards.approvals.decide({ id: request!.id, approve: true, leadUsername: PEOPLE.lead.username, leadRole: 'lead' });

      await page.getByTestId('check-approval').click();
      await expect.poll(() => page.getByTestId('approval').getAttribute('data-state')).toBe('approved');
      await page.getByTestId('send').click();
      await expect.poll(() => page.getByTestId('composer').inputValue()).toBe('');
      expect(bridge.core.auditTrail.list({ newestFirst: true, limit: 50 }).some((e) => e.action === 'guard.reply.sent_with_approval')).toBe(true);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });

  it('a customer message arriving while the agent types blocks sending until read', async () => {
    await withConsole({}, async (page, bridge) => {
      await signIn(page, PEOPLE.agent);
      const id = receive(bridge, { contact: 'Omar Farouk', text: 'Where is my parcel?' });
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await page.getByTestId('composer').fill('It left our warehouse this morning.');
      receive(bridge, { contact: 'Omar Farouk', text: 'Never mind, please cancel it.' });
      await page.getByTestId('newer-block').waitFor();
      expect(await page.getByTestId('send').isDisabled()).toBe(true);
      await page.getByTestId('newer-ack').click();
      await expect.poll(() => page.getByTestId('send').isDisabled()).toBe(false);
    });
  });

  it("a lead reviews a transcript: the page's text holds none of the conversation's original sensitive values", async () => {
    await withConsole({}, async (page, bridge) => {
      const id = receive(bridge, { contact: 'Amina Yusuf', text: `My card 4111 1111 1111 1111 and phone ${PHONE}, email amina@example.com` });
      bridge.core.store.conversations.setStatus(id, 'resolved');
      await signIn(page, PEOPLE.lead);
      await page.getByTestId('nav-lead').click();
      await page.locator(`[data-testid=review-item][data-id="${id}"]`).click();
      const transcript = page.getByTestId('transcript');
      await expect.poll(() => transcript.getByTestId('message').count()).toBeGreaterThan(0);
      const values = originals(bridge.core, id);
      expect(values.length).toBeGreaterThanOrEqual(2);
      expect(await transcript.getByTestId('chip').count()).toBe(values.length);
      const text = await page.evaluate<string>('document.body.innerText + document.documentElement.outerHTML');
      for (const v of values) expect(text).not.toContain(v);
      // Chips in review are not buttons: a transcript review reveals nothing.
      expect(await transcript.locator('button[data-testid=chip]').count()).toBe(0);
      await page.getByTestId('save-score').click();
      await expect.poll(() => bridge.core.auditTrail.list({ newestFirst: true, limit: 10 }).some((e) => e.action === 'review.scored')).toBe(true);
      // Opening the transcript is recorded as a review view.
      expect(bridge.core.auditTrail.list({ newestFirst: true, limit: 20 }).some((e) => e.action === 'conversation.opened' && e.details.view === 'review')).toBe(true);
    });
  });

  it('off-network lock: the DOM holds no customer text afterwards and calls are refused until sign-in', async () => {
    await withConsole({}, async (page, bridge) => {
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('conversation-row').first().click();
      await page.getByTestId('conversation').waitFor();
      const contacts = contactNames(bridge.core);
      const before = await page.content();
      expect(contacts.some((c) => before.includes(c))).toBe(true);

      bridge.core.lock.engage('off-network');
      await page.getByTestId('lock-screen').waitFor();
      const after = await page.evaluate<string>('document.body.innerText + document.documentElement.outerHTML');
      for (const c of contacts) expect(after).not.toContain(c);
      const fragments = (bridge.core.db.prepare('SELECT masked_text AS t FROM messages').all() as Array<{ t: string }>)
        .map((r) => r.t.split('⟦')[0]!.trim())
        .filter((t) => t.length >= 12);
      for (const f of new Set(fragments)) expect(after).not.toContain(f);
      expect(await page.getByTestId('lock-reason').textContent()).toMatch(/not on an office network/);
      const refused = await page.evaluate('window.diwan.listConversations({ filter: {} })');
      expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } });
    });
  });

  it('shows the inbox in Arabic, mirrored, with Arabic-Indic digits, and keeps a screenshot', async () => {
    await withConsole({}, async (page) => {
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('language').selectOption('ar');
      await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
      await page.getByTestId('conversation-row').first().click();
      await page.getByTestId('conversation').waitFor();
      expect(await page.getByTestId('scope-all').textContent()).toMatch(/الكل\s*[٠-٩]+/);
      // Each message keeps its own direction inside the mirrored layout.
      const dirs = await page.locator('[data-testid=message] .bubble').evaluateAll((els) => els.map((e) => (e as unknown as { dir: string }).dir));
      expect(dirs.every((d) => d === 'rtl' || d === 'ltr' || d === 'auto')).toBe(true);
      const listBox = await page.getByTestId('conversation-list').boundingBox();
      const threadBox = await page.getByTestId('conversation').boundingBox();
      expect(listBox!.x).toBeGreaterThan(threadBox!.x);
      await page.screenshot({ path: artifactPath('inbox-ar.png') });
      await page.getByTestId('digits').selectOption('latn');
      await expect.poll(() => page.getByTestId('scope-all').textContent()).toMatch(/الكل\s*\d+/);
    });
  });

  it('is keyboard-first: j/k move, ? lists shortcuts, Ctrl+K opens the palette and runs a command', async () => {
    await withConsole({}, async (page) => {
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('conversation-row').first().waitFor();
      await page.locator('body').click({ position: { x: 5, y: 890 } });
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('[data-testid=conversation-row][aria-selected=true]').count()).toBe(1);
      const first = await page.locator('[data-testid=conversation-row][aria-selected=true]').getAttribute('data-id');
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('[data-testid=conversation-row][aria-selected=true]').getAttribute('data-id')).not.toBe(first);
      await page.keyboard.press('k');
      await expect.poll(() => page.locator('[data-testid=conversation-row][aria-selected=true]').getAttribute('data-id')).toBe(first);
      await page.keyboard.press('Shift+Slash');
      await page.getByTestId('shortcut-help').waitFor();
      expect(await page.getByTestId('shortcut-help').textContent()).toContain('Resolve conversation');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('search');
      await page.keyboard.press('Enter');
      await page.getByTestId('search').waitFor();
      // The palette finds people: a customer by name opens their conversation; any text can become a message search.
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('customer 7');
      const top = page.getByTestId('palette-item').first();
      await expect.poll(() => top.getAttribute('data-id')).toMatch(/^conversation-\d+$/);
      const id = (await top.getAttribute('data-id'))!.replace('conversation-', '');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-testid=conversation-row][aria-selected=true]').getAttribute('data-id')).toBe(id);
      expect(await page.getByTestId('conversation').textContent()).toContain('Customer 7');
    });
  });

  it('searches masked text with Arabic and Persian normalised and marks the matches', async () => {
    await withConsole({}, async (page, bridge) => {
      receive(bridge, { contact: 'رضا احمدی', text: 'سفارش من کی می‌رسد؟' });
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('nav-search').click();
      // Arabic yeh and kaf find the Persian spelling.
      await page.getByTestId('search-input').fill('كي');
      await page.getByTestId('search-go').click();
      await page.getByTestId('search-hit').first().waitFor();
      expect(await page.getByTestId('search-hit').first().locator('mark').first().textContent()).toBe('کی');
      // The hit names the customer and the conversation's status.
      expect(await page.getByTestId('search-hit').first().getByTestId('search-hit-contact').textContent()).toBe('رضا احمدی');
      expect(await page.getByTestId('search-hit').first().getByTestId('search-hit-status').getAttribute('data-status')).toBe('open');
    });
  });

  it('an administrator saves channel credentials: they reach the keychain and never come back to the page', async () => {
    await withConsole({}, async (page, bridge, errors) => {
      await signIn(page, PEOPLE.admin);
      await page.getByTestId('nav-admin').click();
      await page.getByTestId('channel-name').fill('Support bot');
      // A bad id is named at the field (no browser pattern, which Chromium rejected) and cannot be saved.
      await page.getByTestId('channel-id').fill('Support Bot!');
      expect(await page.getByTestId('channel-id').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('channel-id-rule').getAttribute('class')).toBe('error');
      expect(await page.getByTestId('channel-save').isDisabled()).toBe(true);
      await page.getByTestId('channel-id').fill('telegram-2');
      await page.getByTestId('cred-botToken').fill('123456:SECRET-bot-token');
      await page.getByTestId('channel-save').click();
      await expect.poll(() => page.getByTestId('channels-table').textContent()).toContain('Support bot');
      expect(JSON.parse((await bridge.core.vault.channelToken('telegram-2'))!)).toEqual({ botToken: '123456:SECRET-bot-token' });
      expect(await page.content()).not.toContain('SECRET-bot-token');
      expect(await page.getByTestId('cred-botToken').inputValue()).toBe('');
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-verify').click();
      await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('intact');
      await bridge.core.vault.delete('channel:telegram-2');
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
