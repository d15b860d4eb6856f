import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge/server';
import { MetaEmulator } from '../emulators/meta';
import { launchChromium } from '../helpers/browser';
import { openWindow } from '../helpers/console-page';
import { signIn } from '../helpers/console-people';
import { startOfficeConsole } from '../helpers/team-console';
import { PASSWORD, startTeamHub, until } from './harness';

const FB_TOKEN = 'EAAtest-fb-console-0123456789';
const BEN = '6100000000000061';
const WAIT = { timeout: 20_000 };

/**
 * The conversation view in team mode, in Chromium, with the hub (own process, PostgreSQL) running a Messenger channel
 * against the Graph emulator and the team's Telegram bot: the human-agent tick reaches Graph as the HUMAN_AGENT tag,
 * the "More actions" menu hands the thread over through the hub, and a customer's edit on Telegram shows as one.
 */
describe('team mode: Meta windows, handover and edits in the conversation view (Chromium)', () => {
  let team: Awaited<ReturnType<typeof startTeamHub<'amal'>>>;
  let meta: MetaEmulator;
  let bridge: RunningBridge;
  let browser: Browser;
  let agent: Awaited<ReturnType<typeof openWindow>>;

  beforeAll(async () => {
    team = await startTeamHub({ users: [{ username: 'amal', role: 'agent' }], nodes: 1 });
    meta = await MetaEmulator.start(FB_TOKEN, 900_000);
    meta.addInbound('messenger', BEN, 'Ben', 'Where is my return?', Date.now() - 3 * 86_400_000);
    fs.writeFileSync(path.join(team.files.credentials, 'fb.token'), FB_TOKEN, { mode: 0o400 });
    await team.seed.store.saveChannel(
      { id: 'fb', kind: 'messenger', name: 'Page', enabled: true, config: { baseUrl: meta.url, pollIntervalMs: 1_000, settings: { pageId: meta.pageId } } },
      { actor: 'it:test' },
    );
    bridge = await startOfficeConsole(team, { label: 'front desk', chromium: true, channels: true });
    browser = await launchChromium();
    agent = await openWindow(browser, bridge.url);
    await signIn(agent.page, { username: 'amal', password: PASSWORD });
  }, 240_000);

  afterAll(async () => {
    await agent?.close();
    await browser?.close();
    await bridge?.close();
    await team?.close();
    await meta?.close();
  }, 120_000);

  it('sends a ticked reply with the HUMAN_AGENT tag and takes the thread from the menu, through the hub', async () => {
    const row = agent.page.locator('[data-testid=conversation-row]').filter({ hasText: 'Where is my return?' });
    await row.waitFor(WAIT);
    await row.click();
    await expect.poll(() => agent.page.getByTestId('reply-window').getAttribute('class'), WAIT).toContain('window-human_agent');

    await agent.page.getByTestId('composer').fill('Your return arrived; the refund is on its way.');
    await expect.poll(() => agent.page.getByTestId('verdict').getAttribute('data-verdict'), WAIT).toBe('allow');
    await agent.page.getByTestId('human-agent-tag').check();
    await agent.page.getByTestId('send').click();
    await expect.poll(() => meta.sends.map((s) => [s.recipient, s.messaging_type, s.tag]), WAIT).toEqual([[BEN, 'MESSAGE_TAG', 'HUMAN_AGENT']]);

    await agent.page.getByTestId('more').click();
    await agent.page.getByTestId('more-thread-take').click();
    await agent.page.getByTestId('thread-control-done').waitFor(WAIT);
    expect(meta.threadControl).toEqual([{ action: 'take', recipient: BEN, metadata: 'diwan' }]);
    const audit = await team.seed.store.q.all<{ actor: string; details: string }>("SELECT actor, details FROM audit WHERE action = 'conversation.thread_control'");
    expect(audit.map((a) => [a.actor, JSON.parse(a.details).outcome])).toEqual([['amal', 'done']]);
  }, 120_000);

  it("marks a customer's Telegram edit: the earlier version folded and masked, the new one badged", async () => {
    team.tg.addText(7002, 'My card 4111 1111 1111 1111 was charged twice', { first_name: 'Noura' });
    const row = agent.page.locator('[data-testid=conversation-row]').filter({ hasText: 'charged twice' });
    await row.waitFor(WAIT);
    const original = await until(async () => (await team.seed.store.q.get<{ platform_message_id: string }>("SELECT platform_message_id FROM messages WHERE channel_id = 'tg'"))?.platform_message_id, 'the original at the hub');
    const messageId = Number(original.split(':').at(-1));
    team.tg.addRaw({
      edited_message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000) - 5,
        edit_date: Math.floor(Date.now() / 1000),
        chat: { id: 7002, type: 'private', first_name: 'Noura' },
        from: { id: 7002, is_bot: false, first_name: 'Noura' },
        text: 'My card was charged twice, please help',
      },
    });
    await row.click();
    const marked = agent.page.locator('[data-testid=message][data-revision=edited]');
    await marked.waitFor(WAIT);
    expect(await marked.locator('.bubble').count()).toBe(0);
    await marked.getByTestId('revision-toggle').click();
    expect(await marked.locator('.bubble').textContent()).toContain('was charged twice');
    expect(await agent.page.content()).not.toContain('4111 1111');
    await expect.poll(() => agent.page.getByTestId('edited-badge').count(), WAIT).toBe(1);
  }, 120_000);
});
