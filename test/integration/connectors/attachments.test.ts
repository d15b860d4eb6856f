import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentOpener } from '../../../main/core/app/attachments';
import type { ChannelConfig, ChannelKind } from '../../../main/core/connectors';
import type { Core } from '../../../main/core/app';
import { MetaEmulator } from '../../emulators/meta';
import { TelegramEmulator } from '../../emulators/telegram';
import { XEmulator } from '../../emulators/x';
import { connectorCore, fastTime, leaks, putSecrets, testRuntime, until } from '../../helpers/connectors';

/**
 * Attachments fetched on demand, end to end: a platform payload stores the file's reference, an agent opens it, the
 * connector fetches it from the emulator with the channel's token (or, for a signed CDN link, without), the bytes are
 * checked by their first bytes, and the fetch is audited.
 */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(64, 3)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
const TOKEN_TG = '123456:AAtest-attachments-token';
const TOKEN_META = 'EAAtest-attachment-page-token-42';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function channel(kind: ChannelKind, baseUrl: string, secrets: Record<string, unknown>, settings: ChannelConfig['settings'] = {}) {
  const time = fastTime(100);
  const core = await connectorCore([{ id: 'ch', kind }], time.clock);
  await core.ready(); // the audit trail's key, so entries are written (not buffered)
  await putSecrets(core, 'ch', secrets);
  const { runtime, logs } = testRuntime(core, time, [{ id: 'ch', kind, baseUrl, settings, pollIntervalMs: 20_000 }]);
  cleanup.push(() => core.close(), () => runtime.stop());
  const opener = new AttachmentOpener({ store: core.store, runtime, audit: core.audit });
  return { core, runtime, logs, opener, time };
}

function attachmentRows(core: Core): Array<{ message_id: number; kind: string; platform_file_id: string | null }> {
  return core.db.prepare('SELECT message_id, kind, platform_file_id FROM attachments ORDER BY id').all() as never;
}

function audited(core: Core): Array<{ action: string; target: string | null; details: Record<string, unknown> }> {
  return core.auditTrail
    .list()
    .filter((e) => e.action.startsWith('attachment.'))
    .map((e) => ({ action: e.action, target: e.target ?? null, details: (e.details ?? {}) as Record<string, unknown> }));
}

describe('attachments fetched on demand through each connector', () => {
  it('Telegram: getFile then the file path, with the bot token; a picture is shown, a document saved, a program refused', async () => {
    const tg = await TelegramEmulator.start(TOKEN_TG);
    cleanup.push(() => tg.close());
    tg.files.set('large', { path: 'photos/file_7.jpg', content: JPEG });
    tg.files.set('doc1', { path: 'documents/file_8.pdf', content: PDF });
    const { core, runtime, logs, opener } = await channel('telegram', tg.url, { botToken: TOKEN_TG }, { longPollSeconds: 1 });
    tg.addPhoto(5550001, 'the box was damaged');
    tg.addDocument(5550001);
    runtime.start();
    await until(() => attachmentRows(core).length === 2, 'two attachments stored');
    const [photo, doc] = attachmentRows(core);

    const shown = await opener.fetch('agent1', photo!.message_id, 0, 'show');
    expect(shown).toMatchObject({ display: 'image', mimeType: 'image/jpeg' });
    expect(shown.content.equals(JPEG)).toBe(true);
    await expect(opener.fetch('agent1', doc!.message_id, 0, 'show')).rejects.toMatchObject({ code: 'attachment_not_image' });
    const saved = await opener.fetch('agent1', doc!.message_id, 0, 'save');
    expect(saved).toMatchObject({ display: 'file', mimeType: 'application/pdf', fileName: 'file_8.pdf' });

    tg.files.set('doc1', { path: 'documents/file_8.pdf', content: EXE }); // the same reference now serves a program
    await expect(opener.fetch('agent1', doc!.message_id, 0, 'save')).rejects.toMatchObject({ code: 'attachment_refused' });
    await expect(opener.fetch('agent1', doc!.message_id, 1, 'save')).rejects.toMatchObject({ code: 'not_found' });

    expect(audited(core)).toEqual([
      { action: 'attachment.opened', target: `message:${photo!.message_id}/attachment:0`, details: expect.objectContaining({ kind: 'photo', mimeType: 'image/jpeg', bytes: JPEG.length }) },
      { action: 'attachment.refused', target: `message:${doc!.message_id}/attachment:0`, details: expect.objectContaining({ purpose: 'show', code: 'attachment_not_image' }) },
      { action: 'attachment.saved', target: `message:${doc!.message_id}/attachment:0`, details: expect.objectContaining({ kind: 'document', bytes: PDF.length }) },
      { action: 'attachment.refused', target: `message:${doc!.message_id}/attachment:0`, details: expect.objectContaining({ purpose: 'save', code: 'attachment_refused' }) },
    ]);
    expect(JSON.stringify(audited(core))).not.toMatch(/invoice|file_8|large|doc1/); // no names, no platform references
    expect(leaks(TOKEN_TG, core, logs)).toEqual([]);
  });

  it('Telegram: a file over the Bot API\'s 20 MB download limit is refused with a sentence', async () => {
    const tg = await TelegramEmulator.start(TOKEN_TG);
    cleanup.push(() => tg.close());
    tg.files.set('large', { path: 'photos/big.jpg', content: Buffer.concat([JPEG, Buffer.alloc(21 * 1024 * 1024)]) });
    const { core, runtime, opener } = await channel('telegram', tg.url, { botToken: TOKEN_TG }, { longPollSeconds: 1 });
    tg.addPhoto(5550001, 'huge');
    runtime.start();
    await until(() => attachmentRows(core).length === 1, 'stored');
    await expect(opener.fetch('agent1', attachmentRows(core)[0]!.message_id, 0, 'show')).rejects.toThrow(/20 MB/);
  });

  it('WhatsApp: media id → short-lived link → bytes, both with the token', async () => {
    const meta = await MetaEmulator.start(TOKEN_META);
    cleanup.push(() => meta.close());
    meta.waMedia.set('1048576000000001', { content: PNG, mimeType: 'image/png' });
    const { core, runtime, logs, opener } = await channel('whatsapp', meta.url, { accessToken: TOKEN_META }, { phoneNumberId: meta.phoneNumberId });
    runtime.start();
    await runtime.push('ch', {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: meta.phoneNumberId },
                contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                messages: [
                  { from: '16505551234', id: 'wamid.IMG1', timestamp: '1749416383', type: 'image', image: { mime_type: 'image/png', sha256: 'x', id: '1048576000000001', caption: 'receipt' } },
                  { from: '16505551234', id: 'wamid.IMG2', timestamp: '1749416384', type: 'image', image: { mime_type: 'image/png', sha256: 'x', id: '1048576000000999' } },
                ],
              },
            },
          ],
        },
      ],
    });
    const rows = attachmentRows(core);
    expect(rows.map((r) => r.platform_file_id)).toEqual(['1048576000000001', '1048576000000999']);
    const shown = await opener.fetch('agent1', rows[0]!.message_id, 0, 'show');
    expect(shown.content.equals(PNG)).toBe(true);
    // An expired or unknown media id: Meta's refusal in words, nothing shown.
    await expect(opener.fetch('agent1', rows[1]!.message_id, 0, 'show')).rejects.toMatchObject({ code: 'attachment_unavailable' });
    expect(leaks(TOKEN_META, core, logs)).toEqual([]);
  });

  it('Messenger: a webhook CDN link is fetched without the Page token; a polled attachment id is resolved through Graph first', async () => {
    const meta = await MetaEmulator.start(TOKEN_META);
    cleanup.push(() => meta.close());
    meta.cdn.set('scontent-photo.png', { content: PNG, mimeType: 'image/png' });
    meta.cdn.set('statement.pdf', { content: PDF, mimeType: 'application/pdf' });
    meta.attachmentIds.set('att_9001', { cdnName: 'statement.pdf', name: 'statement.pdf', mimeType: 'application/pdf' });
    const { core, runtime, logs, opener } = await channel('messenger', meta.url, { pageAccessToken: TOKEN_META }, { pageId: meta.pageId });
    runtime.start();
    await until(() => runtime.health()[0]!.state !== 'starting', 'started');
    const now = Date.now();
    await runtime.push('ch', {
      object: 'page',
      entry: [
        {
          id: meta.pageId,
          time: now,
          messaging: [
            { sender: { id: '6900000000000001' }, recipient: { id: meta.pageId }, timestamp: now, message: { mid: 'm_photo', attachments: [{ type: 'image', payload: { url: `${meta.url}/cdn/scontent-photo.png` } }] } },
            { sender: { id: '6900000000000001' }, recipient: { id: meta.pageId }, timestamp: now + 1, message: { mid: 'm_elsewhere', attachments: [{ type: 'file', payload: { url: 'https://attacker.example/x.pdf' } }] } },
          ],
        },
      ],
    });
    const rows = attachmentRows(core);
    expect(rows).toHaveLength(2);
    const shown = await opener.fetch('agent1', rows[0]!.message_id, 0, 'show');
    expect(shown.content.equals(PNG)).toBe(true);
    expect(meta.cdnAuth).toEqual([]); // the Page token never went to the CDN
    await expect(opener.fetch('agent1', rows[1]!.message_id, 0, 'save')).rejects.toMatchObject({ code: 'attachment_reference' });

    // A polled attachment id (the Conversations API) goes through Graph for its link.
    const polled = await runtime.fetchAttachment('ch', 'att_9001', new AbortController().signal);
    expect(polled).toMatchObject({ mimeType: 'application/pdf', fileName: 'statement.pdf' });
    meta.cdn.delete('scontent-photo.png'); // the signed link expired
    await expect(opener.fetch('agent1', rows[0]!.message_id, 0, 'show')).rejects.toThrow(/no longer serves this file/);
    expect(leaks(TOKEN_META, core, logs)).toEqual([]);
  });

  it('X: a DM media link is fetched with the user token; a media key without a link is refused in words', async () => {
    const x = await XEmulator.start();
    cleanup.push(() => x.close());
    const pair = x.issue();
    x.dmMedia.set('1234567890-photo.jpg', { content: JPEG, mimeType: 'image/jpeg' });
    const { core, runtime, logs, opener, time } = await channel('x', x.url, { ...pair, clientId: x.clientId, expiresAt: Date.now() + 7_200_000 * 1000 });
    void time;
    const conv = `2200000001-${x.me.id}`;
    const at = new Date().toISOString();
    x.addRaw(
      { id: '1900000000000000001', event_type: 'MessageCreate', text: '', sender_id: '2200000001', dm_conversation_id: conv, created_at: at, attachments: { media_keys: ['3_1'] } },
      [{ media_key: '3_1', type: 'photo', url: `${x.url}/1.1/ton/data/dm/1234567890-photo.jpg` }],
    );
    x.addRaw(
      { id: '1900000000000000002', event_type: 'MessageCreate', text: 'and this', sender_id: '2200000001', dm_conversation_id: conv, created_at: at, attachments: { media_keys: ['3_2'] } },
      [{ media_key: '3_2', type: 'video' }],
    );
    runtime.start();
    await until(() => attachmentRows(core).length === 2, 'two media stored');
    const linked = attachmentRows(core).find((r) => r.platform_file_id?.startsWith('http'))!;
    const keyOnly = attachmentRows(core).find((r) => r.platform_file_id === '3_2')!;
    const shown = await opener.fetch('agent1', linked.message_id, 0, 'show');
    expect(shown.content.equals(JPEG)).toBe(true);
    await expect(opener.fetch('agent1', keyOnly.message_id, 0, 'save')).rejects.toThrow(/without a link/);
    expect(leaks(pair.accessToken, core, logs)).toEqual([]);
  });

  it('a paused channel fetches nothing and says why', async () => {
    const tg = await TelegramEmulator.start(TOKEN_TG);
    cleanup.push(() => tg.close());
    tg.files.set('large', { path: 'photos/file_7.jpg', content: JPEG });
    const { core, runtime, opener } = await channel('telegram', tg.url, { botToken: TOKEN_TG }, { longPollSeconds: 1 });
    tg.addPhoto(5550001, 'x');
    runtime.start();
    await until(() => attachmentRows(core).length === 1, 'stored');
    runtime.pause('off-network');
    const before = tg.calls.filter((c) => c.method === 'getfile').length;
    await expect(opener.fetch('agent1', attachmentRows(core)[0]!.message_id, 0, 'show')).rejects.toMatchObject({ code: 'channel_paused' });
    expect(tg.calls.filter((c) => c.method === 'getfile').length).toBe(before);
  });
});
