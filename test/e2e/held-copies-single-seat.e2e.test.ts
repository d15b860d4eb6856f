import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { PEOPLE, signIn } from '../helpers/console';
import { openConversationRow, shot, withConsole, type ConsoleBridge } from '../helpers/console-page';
import { inbound } from '../helpers/guard';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const CAMPAIGN = 'Your company steals from its customers, refund everyone today or we boycott you';
const WAIT = { timeout: 15_000 };

/**
 * A campaign on a single-seat console's own flood gate: six new senders post the same text; the third copy opens the
 * conversation (the default collapse threshold) and the next three are held there as near-duplicates. Returns that
 * conversation's id and the held copies' quarantine ids.
 */
async function campaign(bridge: ConsoleBridge, tag: string): Promise<{ opened: number; held: number[] }> {
  // The demo channel stops talking, and what its own chatter left held is cleared.
  await bridge.core.channels.stop();
  bridge.core.guards.quarantine.discard({ channelId: DEMO_CHANNEL_ID }, 'test-setup');
  const now = bridge.core.clock.now();
  for (let i = 0; i < 6; i++) {
    const sender = `${tag}-sender-${i}`;
    bridge.core.channels.sink.ingest(DEMO_CHANNEL_ID, [{ ...inbound(`${tag}-${i}`, sender, CAMPAIGN, now + i), contact: { platformUserId: sender, displayName: `Sender ${i}` } }]);
  }
  const opened = bridge.core.store.conversations.byPlatform(DEMO_CHANNEL_ID, `conv-${tag}-sender-2`);
  expect(opened).not.toBeNull();
  const held = bridge.core.guards.quarantine.list({ channelId: DEMO_CHANNEL_ID, reason: 'duplicate' }).map((r) => r.id);
  expect(held).toHaveLength(3);
  return { opened: opened!, held };
}

const chipOf = (page: Page, id: number) => page.locator(`[data-testid=conversation-row][data-id="${id}"]`).getByTestId('row-held-copies');

/**
 * "N copies held" on the single seat, as the team console shows it (the same chip and strings): on the list row and
 * in the conversation's header, following a release and a discard (pushed as `inboxChanged`); in English, and in
 * Arabic with the dual form, right to left.
 */
describe('held copies counted on their conversation, single seat (Chromium)', () => {
  it('en: the row and the header count the held copies and follow a release and a discard', async () => {
    await withConsole(browser, { lang: 'en' }, async (page, bridge, errors) => {
      const { opened, held } = await campaign(bridge, 'en');
      await signIn(page, PEOPLE.agent);
      await expect.poll(() => chipOf(page, opened).textContent(), WAIT).toBe('3 copies held');
      // Only the conversation the campaign counts on carries the chip.
      expect(await page.getByTestId('row-held-copies').count()).toBe(1);
      await openConversationRow(page, opened);
      const header = page.getByTestId('conversation-held-copies');
      await expect.poll(() => header.textContent(), WAIT).toBe('3 copies held');
      expect(await header.getAttribute('title')).toMatch(/^Copies of this message that many senders sent at once/);
      await shot(page, 'held-copies-single-seat', 'en');

      // A lead releases one copy (it becomes a conversation of its own) and discards the rest.
      const q = bridge.core.guards.quarantine;
      expect(q.release({ channelId: DEMO_CHANNEL_ID, ids: [held[0]!] }, bridge.core.store.sink, PEOPLE.lead.username, bridge.core.clock.now())).toEqual({ released: 1 });
      await expect.poll(() => chipOf(page, opened).textContent(), WAIT).toBe('2 copies held');
      await expect.poll(() => header.textContent(), WAIT).toBe('2 copies held');
      expect(q.discard({ channelId: DEMO_CHANNEL_ID, reason: 'duplicate' }, PEOPLE.lead.username)).toEqual({ discarded: 2 });
      await expect.poll(() => header.count(), WAIT).toBe(0);
      await expect.poll(() => page.getByTestId('row-held-copies').count(), WAIT).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });

  it('ar: two copies held read in the dual, right to left', async () => {
    await withConsole(browser, { lang: 'ar' }, async (page, bridge, errors) => {
      const { opened, held } = await campaign(bridge, 'ar');
      bridge.core.guards.quarantine.discard({ channelId: DEMO_CHANNEL_ID, ids: [held[2]!] }, PEOPLE.lead.username);
      await signIn(page, PEOPLE.agent);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expect.poll(() => chipOf(page, opened).textContent(), WAIT).toBe('نسختان محتجزتان');
      await openConversationRow(page, opened);
      await expect.poll(() => page.getByTestId('conversation-held-copies').textContent(), WAIT).toBe('نسختان محتجزتان');
      await shot(page, 'held-copies-single-seat', 'ar');
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
