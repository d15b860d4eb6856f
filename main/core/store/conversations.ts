import { DiwanError } from '../shared/errors';
import { lastInboundIn, type DeliveryState } from '../shared/messages';
import type { SignedSeatGrant } from '../custody';
import { CONVERSATION_STATUSES, ERROR_CODES, WHOLE_ORIGINAL, type ConversationStatus } from '../shared/vocabulary';
import { SEALED, type StoreContext } from './context';
import type { Db } from './database';
import { cachedStatement } from './statement-cache';
import { conversationContactDetails } from './contact-details';

export type { ConversationStatus } from '../shared/vocabulary';

export interface ConversationFilter {
  status?: ConversationStatus;
  channelId?: string;
  /** A user id, or null for unassigned conversations. */
  assigneeId?: string | null;
  labelId?: number;
  unreadOnly?: boolean;
}

export interface PageCursor {
  lastActivityAt: number;
  id: number;
}

export interface ConversationSummary {
  id: number;
  channelId: string;
  contact: { id: number; handle: string | null; displayName: string | null };
  status: ConversationStatus;
  /** When a snoozed conversation reopens by itself; null otherwise. */
  snoozedUntil: number | null;
  assigneeId: string | null;
  lastActivityAt: number;
  unread: number;
  labelIds: number[];
  /** The last message, masked. */
  preview: string | null;
}

export interface FieldSpan {
  n: number;
  type: string;
  start: number;
  end: number;
  /** False once retention removed the original. */
  revealable: boolean;
}

export interface StoredMessage {
  id: number;
  direction: 'in' | 'out';
  authorId: string | null;
  maskedText: string;
  fields: FieldSpan[];
  /** The sealed whole original (an e-mail's HTML), revealed as field `n` under the `WHOLE_ORIGINAL` scope. */
  original: { n: number; revealable: boolean } | null;
  /** In arrival order; `fetchable` when the platform gave a reference to fetch the file by (see `attachment`). */
  attachments: Array<{ kind: string; fileName: string | null; mimeType: string | null; size: number | null; fetchable: boolean }>;
  sentAt: number;
  delivery: DeliveryState | null;
  deliveryReason: string | null;
  /** The customer edited or deleted it on the platform; `by` is the entry that superseded it (store migration 007). */
  revision?: { kind: 'edited' | 'deleted'; by: number | null };
}

/** A page's inbound messages → the scam check's outcome their rows record: the rules' number and the flags (NULL: not flagged). */
export type PageOutcomes = Map<number, { rules: number | null; flags: string | null }>;

const MAX_PAGE = 200;
const MAX_MESSAGES = 500;
/** Counts that must scan (a label or unread filter) stop here: the inbox only needs "many" past a point. */
export const COUNT_CAP = 100_000;

/** The read side the console needs, and the few conversation-level writes (status, assignee, read). */
export interface StoredAttachment {
  conversationId: number;
  channelId: string;
  kind: string;
  /** The platform's reference (Telegram file_id, WhatsApp media id, a CDN link, a MIME part); null: not fetchable. */
  platformFileId: string | null;
  /** Masked. */
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
}

export class ConversationRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly ctx: StoreContext) {
    this.s = statements(ctx.db);
  }

  /** One page by last activity, newest first; pass the previous page's `next` for the following one. */
  list(filter: ConversationFilter = {}, page: { limit?: number; after?: PageCursor } = {}): { items: ConversationSummary[]; next: PageCursor | null } {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_PAGE);
    if (filter.status !== undefined) checkStatus(filter.status);
    const { sql, args } = pageQuery(filter, page.after);
    const rows = cachedStatement(this.ctx.db, sql).all(...args, limit) as Array<{
      id: number;
      channel_id: string;
      status: ConversationStatus;
      snoozed_until: number | null;
      assignee_id: string | null;
      last_activity_at: number;
      unread: number;
      contact_id: number;
      handle: string | null;
      display_name: string | null;
      preview: string | null;
      label_ids: string | null;
    }>;
    const items = rows.map((r) => ({
      id: r.id,
      channelId: r.channel_id,
      contact: { id: r.contact_id, handle: r.handle, displayName: r.display_name },
      status: r.status,
      snoozedUntil: r.snoozed_until,
      assigneeId: r.assignee_id,
      lastActivityAt: r.last_activity_at,
      unread: r.unread,
      labelIds: labelIdList(r.label_ids),
      preview: r.preview,
    }));
    const last = rows[rows.length - 1];
    return { items, next: rows.length === limit && last ? { lastActivityAt: last.last_activity_at, id: last.id } : null };
  }

  /** The customer's contact details from the whole conversation, not only the messages an opening reads (migration 024). */
  contactDetails(conversationId: number): Array<{ label: string; maskedText: string }> {
    return conversationContactDetails(this.ctx.db, conversationId);
  }

  /** Each conversation's status and customer, for many conversations in one statement (a page of search hits). */
  customersOf(ids: number[]): Map<number, { status: ConversationStatus; displayName: string | null; handle: string | null }> {
    const rows = cachedStatement(
      this.ctx.db,
      `SELECT c.id, c.status, k.display_name, k.handle FROM conversations c JOIN contacts k ON k.id = c.contact_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...new Set(ids)])) as Array<{ id: number; status: ConversationStatus; display_name: string | null; handle: string | null }>;
    return new Map(rows.map((r) => [r.id, { status: r.status, displayName: r.display_name, handle: r.handle }]));
  }

  get(conversationId: number): ConversationSummary {
    const row = this.s.one.get(conversationId) as
      | { id: number; channel_id: string; status: ConversationStatus; snoozed_until: number | null; assignee_id: string | null; last_activity_at: number; unread: number; contact_id: number; handle: string | null; display_name: string | null; preview: string | null; label_ids: string | null }
      | undefined;
    if (!row) throw unknownConversation(conversationId);
    return {
      id: row.id,
      channelId: row.channel_id,
      contact: { id: row.contact_id, handle: row.handle, displayName: row.display_name },
      status: row.status,
      snoozedUntil: row.snoozed_until,
      assigneeId: row.assignee_id,
      lastActivityAt: row.last_activity_at,
      unread: row.unread,
      labelIds: labelIdList(row.label_ids),
      preview: row.preview,
    };
  }

  /** The last `limit` messages (masked, with their field spans), oldest first; `before` pages further back. */
  messages(conversationId: number, opts: { limit?: number; before?: { sentAt: number; id: number } } = {}): StoredMessage[] {
    return this.page(conversationId, opts).messages;
  }

  /**
   * `messages`, and the scam check's recorded outcome of each inbound message on the page (`check_rules`,
   * `check_flags`: migration 030) from the same rows — an opening needs them and they sit on the rows it reads
   * anyway (issue #26 round 23: asked apart, they cost a second walk of the conversation's index, 1.6 pages a first
   * opening at 1M). `InboundCheckRepository.onPage` reads them under the current rules.
   */
  page(conversationId: number, opts: { limit?: number; before?: { sentAt: number; id: number } } = {}): { messages: StoredMessage[]; outcomes: PageOutcomes } {
    const limit = Math.min(Math.max(opts.limit ?? 200, 1), MAX_MESSAGES);
    const rows = (
      opts.before
        ? this.s.messagesBefore.all(conversationId, opts.before.sentAt, opts.before.id, limit)
        : this.s.messages.all(conversationId, limit)
    ) as Array<{
      id: number;
      direction: 'in' | 'out';
      author_id: string | null;
      masked_text: string;
      sent_at: number;
      delivery: DeliveryState | null;
      delivery_reason: string | null;
      revision: 'edited' | 'deleted' | null;
      revised_by: number | null;
      has_fields: 0 | 1 | null;
      check_rules: number | null;
      check_flags: string | null;
    }>;
    rows.reverse();
    const outcomes: PageOutcomes = new Map();
    if (!rows.length) return { messages: [], outcomes };
    for (const r of rows) if (r.direction === 'in') outcomes.set(r.id, { rules: r.check_rules, flags: r.check_flags });
    const fields = new Map<number, FieldSpan[]>();
    const originals = new Map<number, { n: number; revealable: boolean }>();
    // Only the messages whose row says they have field rows, or does not say (stored before migration 032, not yet marked).
    const asked = rows.filter((r) => r.has_fields !== 0).map((r) => r.id);
    const fieldRows = asked.length ? this.s.fieldsOf.all(JSON.stringify(asked)) : [];
    for (const f of fieldRows as Array<{ message_id: number; n: number; type: string; start: number; end: number; revealable: number }>) {
      if (f.type === WHOLE_ORIGINAL) {
        originals.set(f.message_id, { n: f.n, revealable: f.revealable === 1 });
        continue;
      }
      const list = fields.get(f.message_id) ?? [];
      list.push({ n: f.n, type: f.type, start: f.start, end: f.end, revealable: f.revealable === 1 });
      fields.set(f.message_id, list);
    }
    const attachments = new Map<number, StoredMessage['attachments']>();
    // By the page's own ids too: asked by the conversation's id range, it read the conversation's index entries again.
    for (const a of this.s.attachmentsOf.all(JSON.stringify(rows.map((r) => r.id))) as Array<{ message_id: number; kind: string; file_name: string | null; mime_type: string | null; size: number | null; fetchable: number }>) {
      const list = attachments.get(a.message_id) ?? [];
      list.push({ kind: a.kind, fileName: a.file_name, mimeType: a.mime_type, size: a.size, fetchable: a.fetchable === 1 });
      attachments.set(a.message_id, list);
    }
    const messages = rows.map((r) => ({
      id: r.id,
      direction: r.direction,
      authorId: r.author_id,
      maskedText: r.masked_text,
      fields: fields.get(r.id) ?? [],
      original: originals.get(r.id) ?? null,
      attachments: attachments.get(r.id) ?? [],
      sentAt: r.sent_at,
      delivery: r.delivery,
      deliveryReason: r.delivery_reason,
      ...(r.revision ? { revision: { kind: r.revision, by: r.revised_by } } : {}),
    }));
    return { messages, outcomes };
  }

  /** What a masked value is and where it sits, never its value. */
  describeField(messageId: number, n: number): { conversationId: number; type: string } | null {
    return (
      (cachedStatement(this.ctx.db, 'SELECT m.conversation_id AS conversationId, f.type FROM message_fields f JOIN messages m ON m.id = f.message_id WHERE f.message_id = ? AND f.n = ?').get(
        messageId,
        n,
      ) as { conversationId: number; type: string } | undefined) ?? null
    );
  }

  /**
   * The original of one masked value, opened by the in-process custodian for `grant` — a grant the reveal rules
   * signed after checking the permission and recording the reveal in the audit trail. The custodian checks it and
   * logs it first; this process has no key that opens the value itself.
   */
  /** A message's `index`-th attachment (arrival order) with the platform's reference, for fetching it on demand. */
  attachment(messageId: number, index: number): StoredAttachment | null {
    const r = this.s.attachment.get(messageId, index) as
      | { conversation_id: number; channel_id: string; kind: string; platform_file_id: string | null; file_name: string | null; mime_type: string | null; size: number | null }
      | undefined;
    if (!r) return null;
    return {
      conversationId: r.conversation_id,
      channelId: r.channel_id,
      kind: r.kind,
      platformFileId: r.platform_file_id,
      fileName: r.file_name,
      mimeType: r.mime_type,
      size: r.size,
    };
  }

  revealField(messageId: number, n: number, grant: SignedSeatGrant): { type: string; value: string } {
    const row = this.s.field.get(messageId, n) as { type: string; value_enc: Buffer | null; key_version: number | null } | undefined;
    if (!row) throw new DiwanError('field_unknown', `Message ${messageId} has no masked field ${n}.`);
    if (!row.value_enc) throw new DiwanError('field_original_gone', 'The original of this value was deleted by the retention policy.');
    if (row.key_version !== SEALED) {
      throw new DiwanError('original_not_sealed', 'This original has not been re-sealed to the custodian yet; restart Diwan to finish the upgrade (docs/IT-GUIDE.md).');
    }
    return { type: row.type, value: this.ctx.custody.custodian.openField(grant, row.value_enc) };
  }

  /** `until` is the wake-up time of a snooze (ms); any other status clears it. */
  setStatus(conversationId: number, status: ConversationStatus, options: { until?: number } = {}): void {
    checkStatus(status);
    if (status === 'snoozed' && options.until !== undefined && !(Number.isSafeInteger(options.until) && options.until > 0)) {
      throw new DiwanError('invalid_input', 'Choose a valid time to snooze the conversation until.');
    }
    const until = status === 'snoozed' ? (options.until ?? null) : null;
    if (!this.s.setStatus.run(status, until, status, this.ctx.clock.now(), conversationId).changes) throw unknownConversation(conversationId);
  }

  /** Reopens snoozed conversations whose wake-up time has come; returns their ids. Writes only when one is due. */
  wakeDue(now: number): number[] {
    if (!this.s.anyDue.get(now)) return [];
    return (this.s.wakeDue.all(now) as Array<{ id: number }>).map((r) => r.id);
  }

  /**
   * How many conversations match, without counting rows: status, channel and assignee filters (and "not resolved")
   * are summed from the tallies migration 008's triggers keep. A label or unread filter counts rows, up to COUNT_CAP.
   */
  count(filter: ConversationFilter & { unresolved?: boolean } = {}): number {
    if (filter.status !== undefined) checkStatus(filter.status);
    if (filter.labelId !== undefined || filter.unreadOnly) return this.countRows(filter);
    const { sql, args } = conditions(filter, { status: 'status', channelId: 'channel_id', assignee: 'assignee_id', noAssignee: "assignee_id = ''" });
    return cachedStatement(this.ctx.db, `SELECT coalesce(sum(conversations), 0) FROM conversation_tallies WHERE ${sql}`, 'pluck').get(...args) as number;
  }

  /** Unread messages per channel in conversations that are not resolved, from the tallies. */
  unreadByChannel(): Map<string, number> {
    const rows = this.s.unreadByChannel.all() as Array<{ id: string; n: number }>;
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  private countRows(filter: ConversationFilter & { unresolved?: boolean }): number {
    if (filter.labelId !== undefined && !filter.unreadOnly) {
      // The label's tallies (migration 025): by status, channel and assignee, without reading a label row.
      const { sql, args } = conditions(filter, { status: 'status', channelId: 'channel_id', assignee: 'assignee_id', noAssignee: "assignee_id = ''" });
      const q = `SELECT coalesce(sum(conversations), 0) FROM label_tallies WHERE label_id = ? AND ${sql}`;
      return cachedStatement(this.ctx.db, q, 'pluck').get(filter.labelId, ...args) as number;
    }
    const { sql, args } = conditions(filter, { status: 'c.status', channelId: 'c.channel_id', assignee: 'c.assignee_id', noAssignee: 'c.assignee_id IS NULL' });
    const unread = filter.unreadOnly ? ' AND c.unread > 0' : '';
    const from =
      filter.labelId !== undefined
        ? 'conversation_labels l CROSS JOIN conversations c ON c.id = l.conversation_id WHERE l.label_id = ? AND '
        : 'conversations c WHERE ';
    const labelArg = filter.labelId !== undefined ? [filter.labelId] : [];
    return cachedStatement(this.ctx.db, `SELECT count(*) FROM (SELECT 1 FROM ${from}${sql}${unread} LIMIT ${COUNT_CAP})`, 'pluck').get(...labelArg, ...args) as number;
  }

  /**
   * When the customer last wrote in a conversation (walks its messages newest first to the first inbound one).
   * `newest`: the conversation's latest messages as `messages()` returned them (no `before`); when they hold a
   * customer message the answer is among them (every later message would be in the page), so nothing is read.
   */
  lastInboundAt(conversationId: number, newest?: StoredMessage[]): number | null {
    const fromPage = newest ? lastInboundIn(newest) : null;
    if (fromPage !== null) return fromPage;
    return (cachedStatement(this.ctx.db, "SELECT sent_at FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY sent_at DESC LIMIT 1", 'pluck').get(conversationId) as number | undefined) ?? null;
  }

  /** The newest customer message's id (replies are checked against the one their author saw), kept on its row (migration 031). */
  latestInboundId(conversationId: number): number | null {
    return (cachedStatement(this.ctx.db, 'SELECT latest_inbound_id FROM conversations WHERE id = ?', 'pluck').get(conversationId) as number | null | undefined) ?? null;
  }

  /** The contact's other conversations, most recent first. */
  earlier(contactId: number, exceptId: number, limit = 10): number[] {
    return cachedStatement(this.ctx.db, 'SELECT id FROM conversations WHERE contact_id = ? AND id != ? ORDER BY last_activity_at DESC LIMIT ?', 'pluck').all(contactId, exceptId, limit) as number[];
  }

  conversationOfMessage(messageId: number): number | null {
    return (cachedStatement(this.ctx.db, 'SELECT conversation_id FROM messages WHERE id = ?', 'pluck').get(messageId) as number | undefined) ?? null;
  }

  /** The id a platform knows a conversation by (the reply path's key); null when there is no such conversation. */
  platformIdOf(conversationId: number): string | null {
    return (cachedStatement(this.ctx.db, 'SELECT platform_conversation_id FROM conversations WHERE id = ?', 'pluck').get(conversationId) as string | undefined) ?? null;
  }

  /** The conversation a platform knows as `platformConversationId` on a channel. */
  byPlatform(channelId: string, platformConversationId: string): number | null {
    return (cachedStatement(this.ctx.db, 'SELECT id FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?', 'pluck').get(channelId, platformConversationId) as number | undefined) ?? null;
  }

  assign(conversationId: number, assigneeId: string | null): void {
    if (!this.s.assign.run(assigneeId, conversationId).changes) throw unknownConversation(conversationId);
  }

  /** Returns whether anything changed: a conversation already read is not written again. */
  markRead(conversationId: number): boolean {
    if (this.s.markRead.run(conversationId).changes) return true;
    if (!this.s.exists.get(conversationId)) throw unknownConversation(conversationId);
    return false;
  }

}

/**
 * One inbox page's statement: the rows come from `inbox_rows` (migration 026), found by the most selective filter's
 * own index when there is one — the label's activity index, or the conversations' index by assignee, status or
 * channel (each carries the row's key) — and by walking `inbox_rows` newest first otherwise. Every filter is also
 * checked on the row itself, so the choice of index changes what is read, never what is listed.
 */
export function pageQuery(filter: ConversationFilter, after: PageCursor | undefined): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  let from = 'inbox_rows r';
  let key = ['r.last_activity_at', 'r.conversation_id'];
  const join = (driver: string, k: string) => {
    from = `${driver} CROSS JOIN inbox_rows r ON r.last_activity_at = ${k}.last_activity_at AND r.conversation_id = ${k}.${k === 'l' ? 'conversation_id' : 'id'}`;
    key = [`${k}.last_activity_at`, `${k}.${k === 'l' ? 'conversation_id' : 'id'}`];
  };
  if (filter.labelId !== undefined) {
    join('conversation_labels l INDEXED BY conversation_labels_recent', 'l');
    const onLabel = conditions(filter, { status: 'l.status', channelId: 'l.channel_id', assignee: 'l.assignee_id', noAssignee: "l.assignee_id = ''" });
    where.push('l.label_id = ?', onLabel.sql);
    args.push(filter.labelId, ...onLabel.args);
  } else {
    const [index, test, arg]: [string, string, unknown] | [] =
      typeof filter.assigneeId === 'string' ? ['conversations_by_assignee', 'c.assignee_id = ?', filter.assigneeId]
      : filter.status !== undefined ? ['conversations_by_status', 'c.status = ?', filter.status]
      : filter.channelId !== undefined ? ['conversations_by_channel', 'c.channel_id = ?', filter.channelId]
      : filter.assigneeId === null ? ['conversations_by_assignee', 'c.assignee_id IS NULL', undefined]
      : [];
    if (index) {
      join(`conversations c INDEXED BY ${index}`, 'c');
      where.push(test!);
      if (arg !== undefined) args.push(arg);
    }
  }
  const onRow = conditions(filter, { status: 'r.status', channelId: 'r.channel_id', assignee: 'r.assignee_id', noAssignee: 'r.assignee_id IS NULL' });
  where.push(onRow.sql);
  args.push(...onRow.args);
  if (filter.unreadOnly) where.push('r.unread > 0');
  if (after) {
    where.push(`(${key[0]}, ${key[1]}) < (?, ?)`);
    args.push(after.lastActivityAt, after.id);
  }
  const sql = `SELECT r.conversation_id AS id, r.channel_id, r.status, r.snoozed_until, r.assignee_id, r.last_activity_at, r.unread,
      r.contact_id, r.handle, r.display_name, r.preview, r.label_ids
    FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${key[0]} DESC, ${key[1]} DESC LIMIT ?`;
  return { sql, args };
}

/** A conversation's label ids as one column (`c` is the conversation), read with the row instead of by a query of its own. */
const LABEL_IDS = '(SELECT group_concat(cl.label_id) FROM conversation_labels cl WHERE cl.conversation_id = c.id)';

function labelIdList(column: string | null): number[] {
  return column ? column.split(',').map(Number).sort((a, b) => a - b) : [];
}

export function unknownConversation(id: number): DiwanError {
  return new DiwanError(ERROR_CODES.conversationUnknown, `There is no conversation ${id}.`);
}

function checkStatus(status: string): void {
  if (!CONVERSATION_STATUSES.includes(status as ConversationStatus)) {
    throw new DiwanError('conversation_bad_status', `A conversation's status is one of: ${CONVERSATION_STATUSES.join(', ')}.`);
  }
}

/** The WHERE clause of a count over status, channel and assignee (column names differ between tallies and rows). */
function conditions(
  filter: ConversationFilter & { unresolved?: boolean },
  col: { status: string; channelId: string; assignee: string; noAssignee: string },
): { sql: string; args: unknown[] } {
  const where = ['1'];
  const args: unknown[] = [];
  if (filter.status !== undefined) {
    where.push(`${col.status} = ?`);
    args.push(filter.status);
  }
  if (filter.unresolved) where.push(`${col.status} != 'resolved'`);
  if (filter.channelId !== undefined) {
    where.push(`${col.channelId} = ?`);
    args.push(filter.channelId);
  }
  if (filter.assigneeId === null) where.push(col.noAssignee);
  else if (filter.assigneeId !== undefined) {
    where.push(`${col.assignee} = ?`);
    args.push(filter.assigneeId);
  }
  return { sql: where.join(' AND '), args };
}

function statements(db: Db) {
  const msgCols = 'id, direction, author_id, masked_text, sent_at, delivery, delivery_reason, revision, revised_by, has_fields, check_rules, check_flags';
  return {
    one: db.prepare(
      `SELECT c.id, c.channel_id, c.status, c.snoozed_until, c.assignee_id, c.last_activity_at, c.unread, k.id AS contact_id, k.handle, k.display_name,
           c.preview, ${LABEL_IDS} AS label_ids
       FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`,
    ),
    messages: db.prepare(`SELECT ${msgCols} FROM messages WHERE conversation_id = ? ORDER BY sent_at DESC, id DESC LIMIT ?`),
    messagesBefore: db.prepare(
      `SELECT ${msgCols} FROM messages WHERE conversation_id = ? AND (sent_at, id) < (?, ?) ORDER BY sent_at DESC, id DESC LIMIT ?`,
    ),
    fieldsOf: db.prepare(
      `SELECT message_id, n, type, start, end, value_enc IS NOT NULL AS revealable
       FROM message_fields WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY message_id, n`,
    ),
    attachmentsOf: db.prepare(
      `SELECT message_id, kind, file_name, mime_type, size, platform_file_id IS NOT NULL AS fetchable
       FROM attachments WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    field: db.prepare('SELECT type, value_enc, key_version FROM message_fields WHERE message_id = ? AND n = ?'),
    attachment: db.prepare(
      `SELECT m.conversation_id, m.channel_id, a.kind, a.platform_file_id, a.file_name, a.mime_type, a.size
       FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.message_id = ? ORDER BY a.id LIMIT 1 OFFSET ?`,
    ),
    setStatus: db.prepare("UPDATE conversations SET status = ?, snoozed_until = ?, resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE resolved_at END WHERE id = ?"),
    anyDue: db.prepare("SELECT 1 FROM conversations WHERE status = 'snoozed' AND snoozed_until <= ? LIMIT 1").pluck(),
    wakeDue: db.prepare("UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE status = 'snoozed' AND snoozed_until <= ? RETURNING id"),
    assign: db.prepare('UPDATE conversations SET assignee_id = ? WHERE id = ?'),
    markRead: db.prepare('UPDATE conversations SET unread = 0 WHERE id = ? AND unread != 0'),
    exists: db.prepare('SELECT 1 FROM conversations WHERE id = ?').pluck(),
    unreadByChannel: db.prepare("SELECT channel_id AS id, sum(unread) AS n FROM conversation_tallies WHERE status != 'resolved' GROUP BY channel_id"),
  };
}
