import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';
import { PEOPLE, signIn } from '../helpers/console';
import { secondWindow, shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const CARD = '4111 1111 1111 1111';
const HTML = `<html><head><title>Statement</title></head><body>
<p onclick="parent.document.title='clicked'">Hello, my card <b>${CARD}</b> was charged twice.</p>
<p dir="rtl">شكراً لكم على المساعدة</p>
<img src="http://127.0.0.1:9/pixel.gif" alt="Acme logo">
<a href="https://acme-refunds.example/claim">Claim refund</a>
<script>parent.document.title = 'pwned'</script>
</body></html>`;
const REASON = { en: 'Customer says the refund link in the mail is ours', ar: 'العميل يقول إن رابط الاسترداد في البريد تابع لنا', fa: 'مشتری می‌گوید پیوند بازپرداخت در ایمیل مال ماست' } as const;

describe('the original of an HTML e-mail, revealed after a lead approves, in a sandboxed frame, in Chromium', () => {
  it.each(['en', 'ar'] as const)('%s: asks with a reason, waits for the lead, then shows the safe view for the grant\'s time', async (lang) => {
    await withConsole(browser, { lang, conversations: 1 }, async (page, bridge, errors) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const result = bridge.core.store.sink.ingest(DEMO_CHANNEL_ID, [
        { platformMessageId: `html-${lang}`, platformConversationId: 'layla', contact: { platformUserId: 'layla', displayName: 'Layla Haddad' }, direction: 'in', text: `Subject: Charged twice\n\nHello, my card ${CARD} was charged twice.`, html: HTML, sentAt: bridge.core.clock.now() },
      ]);
      const conversationId = Number(result.conversationIds[0]);
      bridge.emit('inboxChanged', { conversationIds: [conversationId], assignedToMe: [] });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${conversationId}"]`).click();
      const message = page.getByTestId('message').last();
      await message.getByTestId('original-ask').click();
      await page.getByTestId('reveal-reason').fill(REASON[lang]);
      await page.getByTestId('reveal-submit').click();
      await message.getByTestId('original-waiting').waitFor();
      expect(await page.evaluate<string>('document.documentElement.outerHTML')).not.toContain(CARD);

      const lead = await secondWindow(browser, bridge, lang);
      try {
        await signIn(lead.page, PEOPLE.lead);
        await lead.page.getByTestId('nav-lead').click();
        await lead.page.getByTestId('tab-approvals').click();
        await lead.page.getByTestId('reveal-request').first().getByTestId('approve-reveal').click();
        await lead.page.getByTestId('reveal-requests-none').waitFor();
      } finally {
        await lead.close();
      }

      // The waiting request is asked about every few seconds; once approved, the view appears by itself.
      const frame = message.getByTestId('original-frame');
      await frame.waitFor({ timeout: 30_000 });
      expect(await frame.getAttribute('sandbox')).toBe('');
      const inside = (await frame.elementHandle())!;
      const content = (await inside.contentFrame())!;
      await expect.poll(() => content.evaluate('document.body.innerText')).toContain(CARD);
      const text = (await content.evaluate('document.body.innerText')) as string;
      expect(text).toContain('شكراً لكم على المساعدة');
      expect(text).toContain('[image: Acme logo]');
      expect(text).toContain('Claim refund <https://acme-refunds.example/claim>');
      expect(await content.evaluate('document.querySelectorAll("script, img, a, iframe, style").length')).toBe(0);
      // Nothing ran and nothing was fetched for it: not the script, not the image.
      expect(await page.title()).not.toMatch(/pwned|clicked/);
      expect(requests.filter((u) => u.includes(':9/') || u.includes('acme-refunds'))).toEqual([]);
      await shot(page, 'original-mail', lang);

      await message.getByTestId('original-hide').click();
      await message.getByTestId('original-ask').waitFor();
      expect(await page.evaluate<string>('document.documentElement.outerHTML')).not.toContain(CARD);
      expect(errors).toEqual([]);
    });
  }, 90_000);
});
