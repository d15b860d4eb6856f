import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { PEOPLE, receive, signIn } from '../helpers/console';
import { withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

/**
 * Counts, through React's DevTools hook (which production React calls on every commit), how often a message of the
 * thread (`li[data-testid=message]`) was rendered again. A subtree React did not touch in a commit is skipped (its
 * child pointer is unchanged); a message whose element got new props in a commit was drawn again by its component.
 */
const RENDER_COUNTER = `(() => {
  const counts = { messages: 0, commits: 0 };
  window.__renderCounts = counts;
  const isMessage = (f) => f.tag === 5 && f.memoizedProps && f.memoizedProps['data-testid'] === 'message';
  const visit = (next, prev) => {
    if (prev && next.child === prev.child) return;
    for (let c = next.child; c; c = c.sibling) {
      if (isMessage(c) && (!c.alternate || c.alternate.memoizedProps !== c.memoizedProps)) counts.messages++;
      visit(c, c.alternate);
    }
  };
  let ids = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) { this.renderers.set(++ids, renderer); return ids; },
    onCommitFiberRoot(_id, root) { counts.commits++; visit(root.current, root.current.alternate); },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };
})();`;

describe('the conversation view does not redraw its messages while the agent types', () => {
  it('typing a reply renders the composer, not the thread’s messages', async () => {
    await withConsole(browser, { conversations: 0 }, async (page, bridge, errors) => {
      const id = receive(bridge, { contact: 'Omar Farouk', text: 'Where is my parcel? Order 4471.' });
      receive(bridge, { contact: 'Omar Farouk', text: 'It was due on Monday.' });
      receive(bridge, { contact: 'Omar Farouk', text: 'Please call me on +966 55 987 6543.' });
      await page.addInitScript(RENDER_COUNTER);
      await page.reload();
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await expect.poll(() => page.getByTestId('message').count()).toBe(3);
      await page.getByTestId('chip').first().waitFor();
      // The counter sees the thread being drawn at all (otherwise the zero below would prove nothing).
      const opened = (await page.evaluate('window.__renderCounts')) as { messages: number; commits: number };
      expect(opened.messages).toBeGreaterThanOrEqual(3);

      const before = (await page.evaluate('window.__renderCounts')) as { messages: number; commits: number };
      await page.getByTestId('composer').pressSequentially('Your parcel left this morning', { delay: 5 });
      await expect.poll(() => page.getByTestId('composer').inputValue()).toBe('Your parcel left this morning');
      const after = (await page.evaluate('window.__renderCounts')) as { messages: number; commits: number };
      // Every keystroke committed (the composer redrew), and no message was drawn again.
      expect(after.commits - before.commits).toBeGreaterThanOrEqual(20);
      expect(after.messages - before.messages).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
