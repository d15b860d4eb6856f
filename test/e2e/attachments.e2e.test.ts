import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { artifactPath } from '../helpers/browser';
import { PEOPLE, signIn } from '../helpers/console';
import { withConsole } from '../helpers/console-page';
import { TelegramEmulator } from '../emulators/telegram';

/**
 * A customer's photo and document, end to end: the Telegram emulator serves them, the console's channel stores their
 * references, the agent shows the picture (main fetches and checks it; the page gets the bytes, never a link or a
 * token) and saves the document (main fetches it and hands it to the save dialog; the page never holds it).
 */
// A real 1×1 PNG, so the test can check the browser decoded what main sent.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const TOKEN = '777000:AAe2e-attachment-token';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

describe('attachments in the console (Chromium, loopback bridge, Telegram emulator)', () => {
  it('shows a photo fetched by main, saves a document through the save dialog, and audits both', async () => {
    const tg = await TelegramEmulator.start(TOKEN);
    try {
      tg.files.set('large', { path: 'photos/file_1.jpg', content: PNG });
      tg.files.set('doc1', { path: 'documents/file_2.pdf', content: PDF });
      await withConsole(browser, { conversations: 0 }, async (page, bridge, errors) => {
        const core = bridge.core;
        core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Telegram', config: { baseUrl: tg.url, longPollSeconds: 1 } });
        await core.vault.setChannelToken('tg', JSON.stringify({ botToken: TOKEN }));
        await core.channels.reload('tg');
        tg.addPhoto(5550001, 'the box was damaged');
        tg.addDocument(5550001);
        await expect.poll(() => core.db.prepare('SELECT count(*) FROM attachments').pluck().get(), { timeout: 10_000 }).toBe(2);
        const id = core.store.conversations.byPlatform('tg', '5550001')!;
        bridge.emit('inboxChanged', { conversationIds: [id], assignedToMe: [] });

        await signIn(page, PEOPLE.agent);
        await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
        const items = page.getByTestId('attachment');
        await expect.poll(() => items.count()).toBe(2);
        expect(await items.nth(0).getAttribute('data-kind')).toBe('photo');
        expect(await items.nth(1).getAttribute('data-kind')).toBe('document');
        expect(await items.nth(1).textContent()).toContain('invoice.pdf');

        await items.nth(0).getByTestId('attachment-show').click();
        const img = items.nth(0).getByTestId('attachment-image');
        await img.waitFor();
        // Typed by its bytes (PNG), not by the platform's path (.jpg); drawn by the browser.
        expect(await img.getAttribute('src')).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
        await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
        // A document offers no "show": it goes to disk through main.
        expect(await items.nth(1).getByTestId('attachment-show').count()).toBe(0);
        await items.nth(1).getByTestId('attachment-save').click();
        await items.nth(1).getByTestId('attachment-saved').waitFor();
        expect(bridge.savedFiles).toHaveLength(1);
        expect(bridge.savedFiles[0]!.name).toBe('file_2.pdf');
        expect(bridge.savedFiles[0]!.content.equals(PDF)).toBe(true);
        await page.screenshot({ path: artifactPath('attachments-en.png') });

        const html = await page.content();
        expect(html).not.toContain(TOKEN);
        expect(html).not.toContain(tg.url); // no platform link reaches the page
        const actions = core.auditTrail.list({ newestFirst: true, limit: 50 }).map((e) => e.action);
        expect(actions).toEqual(expect.arrayContaining(['attachment.opened', 'attachment.saved']));
        expect(errors).toEqual([]);
      });
    } finally {
      await tg.close();
    }
  });
});
