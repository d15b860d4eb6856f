import { AUDIT_ACTIONS } from '../../core/audit/actions';
import type { ExportedConsent, MaskedTranscript, QualityReview } from '../../core/review';
import type { ConsentRecord } from './consent';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** At most this many messages, the newest, go into one export (the store's own page limit). */
const MAX_MESSAGES = 1000;

/**
 * What a signed transcript export at the hub holds — the conversation's masked messages with their authors' names and
 * the leads' quality reviews, in the single-seat document's terms, and the contact's consent record (the hub's
 * customer export, `customer-data.ts`, carries it too) — and its audit entry. Only masked text is read.
 */
export class HubTranscriptExport {
  constructor(
    private readonly store: HubStore,
    /** The contact's consent record (`ConsentStore.record`), which the export carries as the subject's consent. */
    private readonly consentOf: (contactId: number) => Promise<ConsentRecord | null>,
  ) {}

  async transcript(conversationId: number): Promise<{ transcript: MaskedTranscript; reviews: QualityReview[]; consent: ExportedConsent | null } | null> {
    const c = await this.store.conversation(conversationId);
    if (!c) return null;
    const [messages, team, channel, reviews, consent] = await Promise.all([
      this.store.messages(c.id, MAX_MESSAGES),
      this.store.team(),
      this.store.q.get<{ kind: string; name: string }>('SELECT kind, name FROM channels WHERE id = ?', [c.channelId]),
      this.store.q.all<{ username: string; score: number; comment: string; updated_at: number }>(
        'SELECT u.username, q.score, q.comment, q.updated_at FROM quality_reviews q JOIN users u ON u.id = q.reviewer_id WHERE q.conversation_id = ? ORDER BY q.updated_at, u.username',
        [c.id],
      ),
      this.consentOf(c.contact.id),
    ]);
    const names = new Map(team.map((m) => [m.id, m.username]));
    const contact = c.contact.displayName ?? c.contact.handle ?? '';
    return {
      transcript: {
        conversationId: c.id,
        channel: channel?.kind ?? c.channelId,
        contact,
        messages: messages.map((m) => ({
          id: Number(m.id),
          direction: m.direction,
          sentAt: m.sentAt,
          author: m.direction === 'out' ? (m.authorId !== null ? (names.get(m.authorId) ?? null) : null) : contact || null,
          text: m.maskedText,
        })),
      },
      reviews: reviews.map((r) => ({ conversationId: c.id, reviewer: r.username, score: r.score, comment: r.comment, updatedAt: r.updated_at })),
      consent: consent && {
        channelId: consent.channelId,
        noticeVersion: consent.version,
        language: consent.language,
        notifiedAt: new Date(consent.notifiedAt).toISOString(),
        acknowledgedAt: consent.acknowledgedAt === null ? null : new Date(consent.acknowledgedAt).toISOString(),
      },
    };
  }

  async recordExport(conversationId: number, d: { format: 'html' | 'json'; signer: string; messages: number }, actor: Actor): Promise<void> {
    await this.store.audit({ ...actor, action: AUDIT_ACTIONS.transcriptExported, target: `conversation:${conversationId}`, details: d });
  }
}
