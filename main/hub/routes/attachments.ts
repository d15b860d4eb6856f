import { z } from 'zod';
import { checkAttachment, type CheckedAttachment } from '../../core/connectors';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubAttachments } from '../store/attachments';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const index = z.coerce.number().int().nonnegative().max(49);
const purpose = z.enum(['show', 'save']);

/**
 * A customer's file for a console: the hub finds the message's stored reference, fetches the file through the channel
 * (`ApiDeps.fetchAttachment`), checks it with the core's rules (size, type from the bytes, no programs, only raster
 * images to show) and answers with the bytes; the console never learns the reference or a token. Audited either way.
 */
export function attachmentRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const attachments = new HubAttachments(d.store);
  return [
    {
      method: 'GET',
      path: /^\/v1\/messages\/(\d+)\/attachments\/(\d+)$/,
      permission: 'conversations.read',
      handle: async ({ who, params, query }) => {
        const messageId = parse(id, params[0]);
        const n = parse(index, params[1]);
        const why = parse(purpose, query.get('purpose') ?? 'save');
        const a = await attachments.locate(messageId, n);
        if (!a) throw new DiwanError('attachment_unknown', 'That attachment no longer exists.');
        await h.conversationFor(who!, a.conversationId); // the same access rule as reading the conversation
        const by = h.actorOf(who!);
        let file: CheckedAttachment;
        try {
          if (!a.platformFileId) {
            throw new DiwanError('attachment_not_fetchable', 'The platform sent no way to fetch this file; ask the customer to send it again.');
          }
          const got = await d.fetchAttachment(a.channelId, a.platformFileId, AbortSignal.timeout(60_000));
          file = checkAttachment({ ...got, ...(got.mimeType || !a.mimeType ? {} : { mimeType: a.mimeType }) }, a.kind === 'photo' || a.kind === 'sticker' ? 'picture' : 'file');
          if (why === 'show' && file.display !== 'image') throw new DiwanError('attachment_not_image', 'This file is not a picture Diwan can show; save it instead.');
        } catch (e) {
          await attachments.audit(by, 'attachment.refused', messageId, n, { conversation: a.conversationId, channel: a.channelId, purpose: why, code: e instanceof DiwanError ? e.code : 'error' });
          throw e;
        }
        await attachments.audit(by, why === 'show' ? 'attachment.opened' : 'attachment.saved', messageId, n, {
          conversation: a.conversationId,
          channel: a.channelId,
          kind: a.kind,
          mimeType: file.mimeType,
          bytes: file.content.length,
        });
        return { mimeType: file.mimeType, fileName: file.fileName, display: file.display, dataBase64: file.content.toString('base64') };
      },
    },
  ];
}
