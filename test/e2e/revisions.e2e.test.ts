import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';
import { PEOPLE, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const WAIT = { timeout: 10_000 };
const CARD = '4111 1111 1111 1111';
const WORDS = {
  en: { edited: 'Edited by the customer', deleted: 'Deleted by the customer', badge: 'edited' },
  ar: { edited: 'عدّلها العميل', deleted: 'حذفها العميل', badge: 'مُعدّلة' },
  fa: { edited: 'مشتری آن را ویرایش کرد', deleted: 'مشتری آن را حذف کرد', badge: 'ویرایش‌شده' },
} as const;

/**
 * A customer edits one message and deletes another on the platform (stored as the connectors store them: the new
 * version and the deletion are entries of their own, the originals marked). The conversation view says so in the
 * interface's language, keeps the earlier version folded and shows it masked on request, and badges the new version.
 */
describe('edited and deleted customer messages in the conversation view (Chromium)', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: "edited" with the earlier version viewable, masked; "deleted by the customer"', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const core = bridge.core;
      const t0 = core.clock.now() - 60_000;
      const base = { platformConversationId: 'rev-chat', contact: { platformUserId: 'rev-user', displayName: 'Huda Saleh' }, direction: 'in' as const };
      const stored = await core.store.sink.ingest(DEMO_CHANNEL_ID, [
        { ...base, platformMessageId: 'rev-1', text: `بطاقتي ${CARD} خُصمت مرتين`, sentAt: t0 },
        { ...base, platformMessageId: 'rev-1:edit', text: 'بطاقتي خُصمت مرتين، أرجو المساعدة', sentAt: t0 + 1_000, revises: { platformMessageId: 'rev-1', kind: 'edited' } },
        { ...base, platformMessageId: 'rev-2', text: 'wrong chat, sorry', sentAt: t0 + 2_000 },
        { ...base, platformMessageId: 'rev-2:deleted', text: '[Deleted message rev-2]', sentAt: t0 + 3_000, revises: { platformMessageId: 'rev-2', kind: 'deleted' } },
      ]);
      const id = Number(stored.conversationIds[0]);
      bridge.emit('inboxChanged', { conversationIds: [id], assignedToMe: [] });

      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      const messages = page.getByTestId('message');
      await expect.poll(() => messages.count(), WAIT).toBe(4);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'en' ? 'ltr' : 'rtl');

      const [original, edit, deleted, deletion] = [0, 1, 2, 3].map((i) => messages.nth(i));
      expect(await original!.getAttribute('data-revision')).toBe('edited');
      expect(await original!.getByTestId('revision-note').textContent()).toContain(WORDS[lang].edited);
      // Folded: the earlier version is not on the page until asked for, and then only masked.
      expect(await original!.locator('.bubble').count()).toBe(0);
      await original!.getByTestId('revision-toggle').click();
      const earlier = await original!.locator('.bubble').textContent();
      expect(earlier).toContain('خُصمت مرتين');
      expect(earlier).not.toContain(CARD);
      expect(await original!.getByTestId('revision-toggle').getAttribute('aria-expanded')).toBe('true');

      expect(await edit!.getAttribute('data-revision')).toBeNull();
      expect(await edit!.getByTestId('edited-badge').textContent()).toBe(WORDS[lang].badge);
      expect(await edit!.locator('.bubble').textContent()).toContain('أرجو المساعدة');

      expect(await deleted!.getAttribute('data-revision')).toBe('deleted');
      expect(await deleted!.getByTestId('revision-note').textContent()).toContain(WORDS[lang].deleted);
      expect(await deleted!.locator('.bubble').count()).toBe(0);
      await deleted!.getByTestId('revision-toggle').click();
      expect(await deleted!.locator('.bubble').textContent()).toContain('wrong chat, sorry');
      // The deletion's own entry is an ordinary customer event, never badged.
      expect(await deletion!.getByTestId('edited-badge').count()).toBe(0);

      await shot(page, 'message-revisions', lang);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
