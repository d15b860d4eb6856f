import type { CachedConversation, CachedMessage, CachedNote, CustomerPanelView, TeamCache, TeamMember } from '../../core/team';
import type { z } from 'zod';
import { replyWindowView } from '../../core/app/send-reply';
import { contactDetails } from '../../core/store';
import { lastInboundIn } from '../../core/shared/messages';
import { CHANNEL_KINDS, DELIVERY_STATES, type DeliveryState } from '../console-contract';
import { WHOLE_ORIGINAL } from '../vocabulary';
import type { ChannelKindT, ConversationDetailRow, ConversationRow, MessageRow, NoteRow } from '../console-port';

/**
 * A team seat's cached conversations and messages in the shapes the console's DTOs are built from (the same rows
 * the single-seat services give), so the renderer cannot tell where a row came from. Masked text only.
 */
type DeliveryStateT = z.output<typeof DeliveryState>;

export class TeamRows {
  private people = new Map<number, TeamMember>();
  private channels = new Map<string, { kind: string; name: string }>();
  private labels = new Map<number, string>();

  constructor(
    private readonly cache: TeamCache,
    private readonly now: () => number,
  ) {
    this.refresh();
  }

  /** Colleagues and channels, read once per call rather than once per row. */
  refresh(): this {
    this.people = new Map(this.cache.team().map((m) => [m.id, m]));
    this.channels = new Map(this.cache.channels().map((c) => [c.id, c]));
    this.labels = new Map(this.cache.labels().map((l) => [l.id, l.name]));
    return this;
  }

  private labelNames(ids: number[]): string[] {
    return ids.map((id) => this.labels.get(id)).filter((n): n is string => !!n).sort();
  }

  ref(id: number | null): { id: string; name: string } | null {
    if (id === null) return null;
    const m = this.people.get(id);
    return { id: String(id), name: m ? m.displayName || m.username : String(id) };
  }

  kind(channelId: string): ChannelKindT {
    return channelKindOf(this.channels.get(channelId)?.kind ?? 'demo');
  }

  conversation(c: CachedConversation): ConversationRow {
    return {
      id: c.id,
      channelId: c.channelId,
      channelKind: this.kind(c.channelId),
      channelName: this.channels.get(c.channelId)?.name ?? c.channelId,
      contactName: c.contact.displayName ?? c.contact.handle ?? '',
      preview: this.cache.lastMessage(c.id)?.maskedText ?? '',
      status: c.status,
      snoozedUntil: c.status === 'snoozed' ? this.cache.snoozedUntil(c.id) : null,
      assignee: this.ref(c.assigneeId),
      unread: this.cache.unread(c.id),
      labels: this.labelNames(this.cache.labelIdsOf(c.id)),
      lastActivityAt: c.lastMessageAt,
      ...(c.heldCopies ? { heldCopies: c.heldCopies } : {}),
    };
  }

  message(m: CachedMessage): MessageRow {
    const state = (DELIVERY_STATES as readonly string[]).includes(m.delivery ?? '') ? (m.delivery as DeliveryStateT) : 'unknown';
    return {
      id: m.id,
      direction: m.direction,
      sentAt: m.sentAt,
      maskedText: m.maskedText,
      author: this.ref(m.authorId),
      ...(m.direction === 'out' && m.delivery ? { delivery: { state } } : {}),
      ...(m.attachments?.length ? { attachments: m.attachments.map(attachmentRow) } : {}),
      ...originalRow(m),
      ...(m.revision ? { revision: { kind: m.revision, by: m.revisedBy ?? null } } : {}),
    };
  }

  note(n: CachedNote): NoteRow {
    return { id: n.id, author: this.ref(n.authorId), createdAt: n.at, maskedText: n.maskedText };
  }

  detail(c: CachedConversation): ConversationDetailRow {
    const messages = this.cache.messages(c.id);
    return {
      summary: this.conversation(c),
      messages: messages.map((m) => this.message(m)),
      notes: this.cache.notes(c.id).map((n) => this.note(n)),
      customer: {
        name: c.contact.displayName ?? '',
        handle: c.contact.handle ?? '',
        fields: contactDetails(messages.filter((m) => m.direction === 'in').map((m) => m.maskedText)),
        fieldsFrom: { messages: messages.length },
        earlier: [],
      },
      replyWindow: replyWindowView(this.kind(c.channelId), lastInboundIn(messages), this.now()),
    };
  }

  /** The panel as the hub answered it (the whole conversation, the contact's other conversations) instead of the cache's. */
  customerFromHub(customer: ConversationDetailRow['customer'], view: CustomerPanelView): ConversationDetailRow['customer'] {
    return {
      name: customer.name,
      handle: customer.handle,
      fields: view.fields,
      earlier: view.earlier.map((e) => ({ id: e.id, status: e.status, lastActivityAt: e.lastMessageAt, preview: e.preview, channelKind: this.kind(e.channelId) })),
      ...(customer.consent !== undefined ? { consent: customer.consent } : {}),
    };
  }
}

/** A kind the hub reports, as the console's contract names it (one it does not know shows as `demo`). */
export function channelKindOf(kind: string): ChannelKindT {
  return (CHANNEL_KINDS as readonly string[]).includes(kind) ? (kind as ChannelKindT) : 'demo';
}

/** The hub lists a message's sealed whole original as its last field, of the `WHOLE_ORIGINAL` type. */
function originalRow(m: CachedMessage): Pick<MessageRow, 'original'> {
  const f = Array.isArray(m.fields) ? m.fields.find((x) => x.type === WHOLE_ORIGINAL) : undefined;
  return f && Number.isInteger(f.n) ? { original: { fieldIndex: f.n, revealable: true } } : {};
}

/** An attachment as the hub streams it (`attachmentViews`: metadata, masked name, no platform reference). */
function attachmentRow(raw: unknown, index: number): NonNullable<MessageRow['attachments']>[number] {
  const a = (raw ?? {}) as { kind?: unknown; fileName?: unknown; mimeType?: unknown; size?: unknown; fetchable?: unknown };
  return {
    index,
    kind: typeof a.kind === 'string' ? a.kind : 'other',
    name: typeof a.fileName === 'string' ? a.fileName : '',
    mimeType: typeof a.mimeType === 'string' ? a.mimeType : null,
    size: typeof a.size === 'number' ? a.size : null,
    fetchable: a.fetchable === true,
  };
}
