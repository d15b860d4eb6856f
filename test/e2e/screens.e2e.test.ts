import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { artifactPath } from '../helpers/browser';
import { consoleBridge, PEOPLE, receive, signIn } from '../helpers/console';
import { openWindow, type Lang } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const FULL_HD = { width: 1920, height: 1080 };
/** The digits each language shows by default (Arabic-Indic, Persian); English keeps Latin ones. */
const NATIVE_DIGIT: Record<Lang, RegExp> = { en: /[0-9]/, ar: /[٠-٩]/, fa: /[۰-۹]/ };
const CUSTOMER_TEXT: Record<Lang, string> = {
  en: 'Hello, my order 4471 has not arrived. Call me on +966 55 987 6543.',
  ar: 'مرحبا، طلبي رقم 4471 لم يصل بعد. اتصل بي على ‎+966 55 987 6543',
  fa: 'سلام، سفارش ۴۴۷۱ من هنوز نرسیده. با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید.',
};

async function mirrored(page: Page, lang: Lang) {
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  expect(await page.getAttribute('html', 'dir')).toBe(lang === 'en' ? 'ltr' : 'rtl');
}

/** The main screens at 1920×1080 in each language, kept as artifacts to be looked at; mirrored and in native digits. */
describe('the main screens at 1920×1080 in English, Arabic and Persian', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: inbox with a conversation, lead’s labels and reports, administration, audit trail', async (lang) => {
    const bridge = await consoleBridge({ conversations: 6 });
    const agent = await openWindow(browser, bridge.url, { lang, ...FULL_HD });
    const lead = await openWindow(browser, bridge.anotherWindow(), { lang, ...FULL_HD });
    const admin = await openWindow(browser, bridge.anotherWindow(), { lang, ...FULL_HD });
    try {
      await signIn(agent.page, PEOPLE.agent);
      await mirrored(agent.page, lang);
      const id = receive(bridge, { contact: lang === 'fa' ? 'مریم رضایی' : lang === 'ar' ? 'ليلى حداد' : 'Layla Haddad', text: CUSTOMER_TEXT[lang], assignTo: bridge.people.agent });
      const row = agent.page.locator(`[data-testid=conversation-row][data-id="${id}"]`);
      await row.click();
      await agent.page.getByTestId('conversation').waitFor();
      await agent.page.getByTestId('chip').first().waitFor();
      // The phone is a chip, never the number; the counts are in the language's digits.
      expect(await agent.page.getByTestId('conversation').textContent()).not.toMatch(/987 6543|۳۴۵ ۶۷۸۹/);
      expect(await agent.page.getByTestId('scope-all').textContent()).toMatch(NATIVE_DIGIT[lang]);
      if (lang !== 'en') {
        const list = await agent.page.getByTestId('conversation-list').boundingBox();
        const thread = await agent.page.getByTestId('conversation').boundingBox();
        expect(list!.x).toBeGreaterThan(thread!.x);
      }
      await agent.page.screenshot({ path: artifactPath(`screens-inbox-${lang}.png`) });

      await signIn(lead.page, PEOPLE.lead);
      await lead.page.getByTestId('nav-lead').click();
      await lead.page.getByTestId('tab-labels').click();
      for (const name of lang === 'fa' ? ['پیگیری', 'مرجوعی'] : lang === 'ar' ? ['متابعة', 'استرجاع'] : ['follow-up', 'returns']) {
        await lead.page.getByTestId('label-new-name').fill(name);
        await lead.page.getByTestId('label-create').click();
        await lead.page.locator(`[data-testid=label-item][data-name="${name}"]`).waitFor();
      }
      // Two is a dual in Arabic (no digit at all), a plain count elsewhere.
      await expect.poll(() => lead.page.getByTestId('labels-count').textContent()).toBe({ en: '2 labels', ar: 'وسمان', fa: '۲ برچسب' }[lang]);
      await lead.page.screenshot({ path: artifactPath(`screens-lead-labels-${lang}.png`) });
      await lead.page.getByTestId('tab-reports').click();
      await lead.page.getByTestId('reports').waitFor();
      // The chosen tab is underlined, not boxed like the keyboard's focus ring.
      const tabStyle = await lead.page.getByTestId('tab-reports').evaluate((el: unknown) => {
        const c = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el);
        return { top: c.borderTopStyle, bottom: c.borderBottomStyle, weight: c.fontWeight };
      });
      expect(tabStyle).toEqual({ top: 'none', bottom: 'solid', weight: '600' });
      if (lang !== 'en') {
        // Mirrored charts: the value axis stands on the right and its numbers sit outside it, not over the line.
        const axis = await lead.page.locator('.recharts-yAxis .recharts-cartesian-axis-line').first().boundingBox();
        const ticks = lead.page.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
        await ticks.first().waitFor({ state: 'attached' });
        for (const box of await Promise.all((await ticks.all()).map((tick) => tick.boundingBox()))) expect(box!.x).toBeGreaterThanOrEqual(axis!.x);
      }
      await lead.page.screenshot({ path: artifactPath(`screens-lead-reports-${lang}.png`) });

      await signIn(admin.page, PEOPLE.admin);
      await admin.page.getByTestId('admin').waitFor();
      await mirrored(admin.page, lang);
      await admin.page.screenshot({ path: artifactPath(`screens-admin-${lang}.png`) });
      await admin.page.getByTestId('nav-audit').click();
      await admin.page.getByTestId('audit-row').first().waitFor();
      // Actions, and details that are codes (roles, authority, network state), read as words, not codes.
      const trail = (await admin.page.getByTestId('audit-table').textContent())!;
      for (const code of ['users.role_requested', 'network.verdict', 'label.created', 'second-administrator', 'check.policy']) expect(trail).not.toContain(code);
      await admin.page.screenshot({ path: artifactPath(`screens-audit-${lang}.png`) });

      for (const w of [agent, lead, admin]) expect(w.errors, w.errors.join('\n')).toEqual([]);
    } finally {
      await agent.close();
      await lead.close();
      await admin.close();
      await bridge.close();
    }
  }, 120_000);
});
