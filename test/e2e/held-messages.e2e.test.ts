import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { PEOPLE, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';
import { inbound } from '../helpers/guard';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const CARD = '4111 1111 1111 1111';
const MARIAM = '971500111222';
const WAIT = { timeout: 15_000 };

/**
 * A single-seat console's own flood gate (the default limit: a burst of 10 from one sender): a lead, in Persian, sees
 * the badge in Persian digits, the held messages masked with their reason on the Lead screen, releases one into the
 * inbox and discards the rest of the sender's; the sender's number never reaches the screen.
 */
describe('held messages of a single-seat console, in Chromium', () => {
  it('fa: the lead releases one and discards the rest of the sender’s, right to left', async () => {
    await withConsole(browser, { lang: 'fa' }, async (page, bridge, errors) => {
      // The demo channel stops talking, and what its own chatter left held is cleared, so the screen shows Mariam's flood.
      await bridge.core.channels.stop();
      bridge.core.guards.quarantine.discard({ channelId: DEMO_CHANNEL_ID }, 'test-setup');
      const sink = bridge.core.channels.sink;
      const now = bridge.core.clock.now();
      const from = (i: number, text: string) => ({ ...inbound(`flood-${i}`, MARIAM, text, now), contact: { platformUserId: MARIAM, displayName: 'مریم' } });
      // One delivery at a time, as a channel brings them: after the first, Mariam is a known customer (never collapsed as
      // a campaign), and her own limit still holds what is over it.
      const messages = [
        ...[
          'سلام، سفارشم هنوز نرسیده',
          'کد پیگیری را از کجا ببینم؟',
          'پیک گفت فردا می‌آید',
          'آدرسم را عوض کرده بودم',
          'رنگ کفش با عکس فرق دارد',
          'می‌خواهم مرجوع کنم',
          'هزینه‌ی ارسال چقدر است؟',
          'فاکتور رسمی می‌دهید؟',
          'تخفیف امروز تمام شد؟',
          'ساعت کاری پشتیبانی چیست',
        ].map((text, i) => from(i, text)),
        from(10, `کارتم ${CARD} دو بار شارژ شد`),
        from(11, 'کسی هست؟'),
        from(12, 'جواب بدید لطفاً'),
      ];
      for (const m of messages) sink.ingest(DEMO_CHANNEL_ID, [m]);
      const held = bridge.core.guards.quarantine.pendingCount(DEMO_CHANNEL_ID);
      expect(held).toBe(3);
      const fa = (n: number) => n.toLocaleString('fa-IR');
      await signIn(page, PEOPLE.lead);
      const badge = page.getByTestId('nav-lead').getByTestId('nav-held-count');
      await expect.poll(() => badge.textContent(), WAIT).toBe(fa(held));
      await page.getByTestId('nav-lead').click();
      await page.getByTestId('tab-held').click();
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const rows = page.getByTestId('held-message');
      await expect.poll(() => rows.count(), WAIT).toBe(held);
      const card = rows.filter({ hasText: 'دو بار شارژ شد' });
      expect(await card.getByTestId('held-sender').textContent()).toContain('مریم');
      expect(await card.getByTestId('held-reason').textContent()).toContain('نگه داشته شد چون این فرستنده از حد مجاز یک فرستنده گذشت.');
      expect(await page.content()).not.toContain(CARD);
      expect(await page.content()).not.toContain(MARIAM);
      await shot(page, 'held-single-seat', 'fa');

      await card.getByTestId('held-release').click();
      await page.getByTestId('held-release-confirm-go').click();
      await expect.poll(() => rows.count(), WAIT).toBe(held - 1);
      await expect.poll(() => badge.textContent(), WAIT).toBe(fa(held - 1));
      await rows.first().getByTestId('held-discard-sender').click();
      await page.getByTestId('held-discard-sender-confirm-go').click();
      await page.getByTestId('held-none').waitFor(WAIT);
      await expect.poll(() => badge.count(), WAIT).toBe(0);

      await page.getByTestId('nav-inbox').click();
      await page.locator('[data-testid=conversation-row]', { hasText: 'مریم' }).first().click();
      await page.locator('[data-testid=message]', { hasText: 'دو بار شارژ شد' }).waitFor(WAIT);
      expect(await page.content()).not.toContain(CARD);
      const trail = bridge.core.auditTrail.list({ newestFirst: false, limit: 500 }).filter((e) => e.action.startsWith('guard.quarantine.') && e.actor !== 'test-setup');
      expect(trail.map((e) => [e.actor, e.action, e.details])).toEqual([
        [PEOPLE.lead.username, 'guard.quarantine.released', { released: 1, reason: null, cluster: null, left: held - 1 }],
        [PEOPLE.lead.username, 'guard.quarantine.discarded', { discarded: held - 1, left: 0, scope: 'sender' }],
      ]);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
