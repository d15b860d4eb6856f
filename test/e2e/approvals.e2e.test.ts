import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { PEOPLE, receive, signIn } from '../helpers/console';
import { hurryUntil, secondWindow, shot, withConsole, openConversationRow } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const CARD = '4111 1111 1111 1111';
const OTHER_CARD = '5500 0000 0000 0004';
const REASON = { en: 'Refund needs the card number', ar: 'الاسترداد يحتاج رقم البطاقة', fa: 'برای بازپرداخت شمارهٔ کارت لازم است' } as const;

describe("a team lead approves or denies an agent's reveal, each on their own computer, in Chromium", () => {
  it.each(['en', 'ar', 'fa'] as const)("%s: the lead sees the request with its reason, approves, and the agent's chip shows the value by itself; a denial says so", async (lang) => {
    // The agent's console asks about waiting requests on an interval: its clock is moved on rather than waited out.
    await withConsole(browser, { lang, conversations: 2, clock: true }, async (page, bridge, errors) => {
      const first = receive(bridge, { contact: 'Nour Saleh', text: `Refund to my card ${CARD} please` });
      const second = receive(bridge, { contact: 'Karim Nasser', text: `Or use my other card ${OTHER_CARD}` });
      await signIn(page, PEOPLE.agent);
      const open = (id: number) => openConversationRow(page, id);
      const ask = async (id: number) => {
        await open(id);
        await page.getByTestId('message').last().getByTestId('chip').click();
        await page.getByTestId('reveal-reason').fill(REASON[lang]);
        await page.getByTestId('reveal-submit').click();
        await page.getByTestId('message').last().getByTestId('chip-waiting').waitFor();
      };
      await ask(first);
      await ask(second);
      // Moving between conversations keeps the waiting requests.
      await open(first);
      const firstChip = page.getByTestId('message').last();
      await firstChip.getByTestId('chip-waiting').waitFor();
      await shot(page, 'reveal-waiting', lang);

      // A failed check (the hub unreachable, a busy database) is said and keeps the request waiting; only main's answer
      // about the request ends the wait, and that answer takes the note away.
      const readReveal = '**/__bridge/ipc/readReveal';
      await page.route(readReveal, (route) => route.fulfill({ json: { ok: false, error: { code: 'internal', message: 'Something went wrong.' } } }));
      const note = page.getByRole('alert');
      await hurryUntil(page, async () => (await note.count()) === 1, 'the note about the failed check');
      expect(await firstChip.getByTestId('chip-waiting').count()).toBe(1);
      await page.unroute(readReveal);
      await hurryUntil(page, async () => (await note.count()) === 0, 'the note to leave once main answers');
      expect(await firstChip.getByTestId('chip-waiting').count()).toBe(1);

      const lead = await secondWindow(browser, bridge, lang);
      try {
        await signIn(lead.page, PEOPLE.lead);
        // The count reaches the lead wherever they are.
        await expect.poll(() => lead.page.getByTestId('nav-lead-count').textContent(), { timeout: 8000 }).toBe({ en: '2', ar: '٢', fa: '۲' }[lang]);
        await lead.page.getByTestId('nav-lead').click();
        await lead.page.getByTestId('tab-approvals').click();
        const requests = lead.page.getByTestId('reveal-request');
        await expect.poll(() => requests.count()).toBe(2);
        expect(await requests.first().getByTestId('reveal-request-reason').textContent()).toBe(REASON[lang]);
        expect(await requests.first().textContent()).toContain(PEOPLE.agent.username);
        const leadText = await lead.page.evaluate<string>('document.body.innerText + document.documentElement.outerHTML');
        expect(leadText).not.toContain(CARD);
        expect(leadText).not.toContain(OTHER_CARD);
        await shot(lead.page, 'reveal-requests', lang);

        await requests.first().getByTestId('approve-reveal').click();
        await expect.poll(() => requests.count()).toBe(1);
        await requests.first().getByTestId('deny-reveal').click();
        await lead.page.getByTestId('reveal-requests-none').waitFor();
        expect(await lead.page.getByTestId('nav-lead-count').count()).toBe(0);
        // The report shows only what Diwan measures; no breach is not drawn as an alarm.
        await lead.page.getByTestId('tab-reports').click();
        await lead.page.getByTestId('reports').waitFor();
        expect(await lead.page.getByTestId('sla-breaches').locator('.big').getAttribute('class')).toBe('big');
        await shot(lead.page, 'reports', lang);
        expect(lead.errors, lead.errors.join('\n')).toEqual([]);
      } finally {
        await lead.close();
      }

      // No click needed: the agent's chip picks the approval up and shows the value.
      await hurryUntil(page, async () => (await firstChip.getByTestId('chip-revealed').allTextContents()).join('').includes(CARD), 'the approved value in the chip');
      await open(second);
      const declined = page.getByTestId('message').last().getByTestId('chip-declined');
      await hurryUntil(page, async () => (await declined.count()) === 1, 'the declined chip');
      expect(await page.content()).not.toContain(OTHER_CARD);
      await shot(page, 'reveal-declined', lang);
      const actions = bridge.core.auditTrail.list({ newestFirst: true, limit: 100 }).map((e) => e.action);
      expect(actions.filter((a) => a === 'reveal.requested')).toHaveLength(2);
      expect(actions).toContain('reveal.approved');
      expect(actions).toContain('reveal.denied');
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
