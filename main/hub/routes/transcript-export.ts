import { z } from 'zod';
import { signedExport } from '../../core/review';
import { DiwanError } from '../../core/shared/errors';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';
import { HubTranscriptExport } from '../store/transcript-export';

const exportRequest = z.strictObject({ format: z.enum(['html', 'json']) });

/**
 * A lead's signed export of a masked transcript, made at the hub: the single-seat document and file (`signedExport`),
 * signed with the hub's grant key — the Ed25519 key whose public half IT already holds (`diwan hub grant-key` printed
 * it for the custodian) — so an auditor checks it the same way, against that key. The key's other signatures are over
 * domain-tagged statements (`diwan-reveal-grant/1\n…`), which no export (JSON or HTML) can begin like.
 */
export function transcriptExportRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const exports = new HubTranscriptExport(d.store, (contactId) => d.workflow.consent.record(contactId));
  return [
    {
      method: 'POST',
      path: /^\/v1\/conversations\/(\d+)\/export$/,
      permission: 'export.transcripts',
      handle: async ({ who, params, body }) => {
        const { format } = parse(exportRequest, body);
        const c = await h.conversationFor(who!, Number(params[0]));
        const content = await exports.transcript(c.id);
        if (!content) throw new DiwanError('conversation_unknown', 'That conversation does not exist.');
        const signed = signedExport(
          { format: 'diwan-masked-transcript-v1', exportedAt: new Date(d.now()).toISOString(), exportedBy: who!.user.username, device: d.exportSigner.id, ...content },
          format,
          d.exportSigner,
        );
        await exports.recordExport(c.id, { format, signer: d.exportSigner.id, messages: content.transcript.messages.length }, h.actorOf(who!));
        return { export: signed };
      },
    },
  ];
}
