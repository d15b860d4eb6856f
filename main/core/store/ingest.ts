import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import { WHOLE_ORIGINAL } from '../shared/vocabulary';
import { INBOUND_LIMITS, type ConnectorSink, type InboundMessage, type IngestResult } from '../shared/messages';
import { nextId, SEALED, sealedIdentity, sealOriginal, type StoreContext } from './context';
import { unknownChannel } from './channels';
import type { Db } from './database';
import { checkFlags, InboundCheckRepository } from './inbound-checks';
import { inlinePreparer, type InboundScreen, type PreparedText, type TextPreparer } from './prepare';
import { PREVIEW_ASSIGNMENTS, previewParams } from './preview';
import { addNewContactWords, noteContactWords } from './contact-words';
import { addBatchToSearchIndex } from './search-index';
import { mayGiveContactDetails, noteContactDetails } from './contact-details';
import { BatchLookups } from './batch-lookups';
import { LONE_SURROGATE } from './json-batch';

const MAX_ID = INBOUND_LIMITS.idChars;
const MAX_TEXT = INBOUND_LIMITS.textChars;
const MAX_BATCH = 5000;
/** Contacts whose masked name `maskName` keeps (≈ 150 bytes each). */
const NAMES_KEPT = 20_000;

/**
 * The ingest path: validate → mask → seal originals to the custodian → insert message, field spans, attachments metadata and the
 * search entry → update conversations → save the cursor, all in one transaction per batch. Idempotent by
 * (channel, platform message id): a re-delivered message is counted as a duplicate and changes nothing.
 * Message i of a batch takes id `first + i` (a duplicate leaves its id unused), so the texts can be masked and
 * encrypted — by the preparer, possibly on another thread — while this thread looks up and writes.
 */
export class Ingestor implements ConnectorSink {
  private readonly s: ReturnType<typeof statements>;
  private readonly checks: InboundCheckRepository;
  /** The latest contacts' names as masked, by channel and platform user id (`maskName`): a digest, never the name. */
  private readonly names = new Map<string, { digest: string; rules: unknown; masked: string }>();
  /** The digest's secret prefix (a fresh random key a process; see `maskName`). */
  private readonly nameKey = crypto.randomBytes(32).toString('base64');

  /** `screen`: the inbound scam check run on each inbound message as it is stored (none: checked when first opened). */
  constructor(
    private readonly ctx: StoreContext,
    private readonly preparer: TextPreparer = inlinePreparer,
    private readonly screen: () => InboundScreen | null = () => null,
  ) {
    this.s = statements(ctx.db);
    this.checks = new InboundCheckRepository(ctx);
  }

  cursor(channelId: string): string | null {
    return (this.s.getCursor.get(channelId) as { cursor: string } | undefined)?.cursor ?? null;
  }

  ingest(channelId: string, messages: InboundMessage[], cursor?: string | null): IngestResult {
    if (!this.s.channelExists.get(channelId)) throw unknownChannel(channelId);
    if (messages.length > MAX_BATCH) throw new DiwanError('ingest_batch_too_large', `A batch holds at most ${MAX_BATCH} messages.`);
    messages.forEach(validate);
    if (cursor !== undefined && cursor !== null && (typeof cursor !== 'string' || cursor.length > 4096)) {
      throw new DiwanError('ingest_bad_cursor', 'A channel cursor is a string of at most 4096 characters.');
    }
    return this.ctx.db.transaction(() => this.write(channelId, messages, cursor)).immediate();
  }

  private write(channelId: string, messages: InboundMessage[], cursor: string | null | undefined): IngestResult {
    const { ctx, s } = this;
    const now = ctx.clock.now();
    let inserted = 0;
    let duplicates = 0;
    const revised: NonNullable<IngestResult['revised']> = [];
    const moved: NonNullable<IngestResult['moved']> = [];
    type Touch = { last: number; unread: number; firstIn: number | null; latestIn: number | null; newest: { id: number; sentAt: number; maskedText: string } };
    const touched = new Map<number, Touch>();
    const contacts = new Map<string, number>();
    const conversations = new Map<string, number>();
    /** Conversations this batch created: each is opened by its one `UPDATE` (`touchNew`). */
    const created = new Set<number>();
    const fresh: NewContacts = { next: 0, words: new Map() };
    const first = nextId(ctx.db, 'messages');
    const sealing = { seat: ctx.custody.seat, ...ctx.custody.sealingKey() };
    const check = this.screen();
    const screen = check ? { check, inbound: messages.map((m) => m.direction === 'in') } : undefined;
    const prepared = this.preparer.start(messages.map((m) => m.text), first, { masker: ctx.masker, sealing, screen });
    const size = this.preparer.chunkSize;
    let chunk: PreparedText[] = [];
    let chunkNo = -1;
    // Revisions that came before their originals are rare: one look per batch decides whether to look per message.
    let waiting = s.anyEarlyRevision.get(channelId) !== undefined;

    // The batch's duplicates in one look-up; a message repeated within the batch is a duplicate after its first copy.
    // An id that is not well-formed text (a lone surrogate) reads differently through JSON than as a bound string,
    // so those few are looked up one by one.
    const ids = messages.map((m) => m.platformMessageId);
    const seen = new Set(s.storedOf.all(JSON.stringify(ids.filter((id) => !LONE_SURROGATE.test(id))), channelId) as string[]);
    for (const id of ids) if (LONE_SURROGATE.test(id) && s.messageExists.get(channelId, id)) seen.add(id);
    // The contacts, conversations and aliases the batch names, in one statement.
    const known = new BatchLookups(ctx.db, channelId, messages.map((m) => m.contact.platformUserId), messages.flatMap((m) => [m.platformConversationId, ...(m.aliases ?? [])]));
    const indexed: Array<{ id: number; body: string }> = [];
    // The scam check's outcome goes in with its message (migration 030): the rules' number, looked up once a batch.
    const rulesIds = new Map<string, number>();
    const rulesId = (rules: string) => rulesIds.get(rules) ?? rulesIds.set(rules, this.checks.rulesId(rules)).get(rules)!;

    for (const [i, m] of messages.entries()) {
      if (seen.has(m.platformMessageId)) {
        duplicates++;
        continue;
      }
      seen.add(m.platformMessageId);
      const contactId = contacts.get(m.contact.platformUserId) ?? this.contact(channelId, m.contact, now, known, fresh);
      contacts.set(m.contact.platformUserId, contactId);
      const conversationId = conversations.get(m.platformConversationId) ?? this.place(channelId, m, contactId, now, known, created);
      conversations.set(m.platformConversationId, conversationId);
      for (const alias of m.aliases ?? []) if (alias !== m.platformConversationId) this.addAlias(channelId, alias, conversationId, now, known);

      if (Math.floor(i / size) !== chunkNo) {
        chunkNo = Math.floor(i / size);
        chunk = prepared(chunkNo);
      }
      const p = chunk[i - chunkNo * size]!;
      const id = first + i;
      s.insertMessage.run(
        id, conversationId, channelId, m.platformMessageId, m.direction, p.masked, p.textEnc, p.keyVersion, m.sentAt, now,
        m.direction === 'out' ? 'sent' : null, p.screened ? rulesId(p.screened.rules) : null, p.screened ? checkFlags(p.screened.flagged, p.screened.wording) : null,
        p.fields.length > 0 || m.html !== undefined ? 1 : 0,
      );
      p.fields.forEach((f, n) => s.insertField.run(id, n, f.type, f.start, f.end, f.valueEnc, p.keyVersion));
      if (m.html !== undefined) {
        // The whole original: one more field after the masked ones, with no span in the text (nothing to draw).
        const n = p.fields.length;
        const end = p.masked.length;
        s.insertField.run(id, n, WHOLE_ORIGINAL, end, end, sealOriginal(ctx, sealedIdentity.messageField(ctx.custody.seat, id, n, WHOLE_ORIGINAL), m.html), SEALED);
      }
      for (const a of m.attachments ?? []) {
        s.insertAttachment.run(id, a.kind, a.platformFileId ?? null, a.fileName ? maskFileName(ctx.masker, a.fileName) : null, a.mimeType ?? null, a.size ?? null);
      }
      indexed.push({ id, body: p.body });
      if (m.direction === 'in' && mayGiveContactDetails(p.fields.map((f) => f.type))) noteContactDetails(ctx.db, conversationId, id, p.masked);
      if (m.movesTo && this.move(channelId, m.platformConversationId, m.contact.platformUserId, m.movesTo, now, known)) {
        moved.push(conversationId);
        conversations.delete(m.platformConversationId);
        contacts.delete(m.contact.platformUserId);
      }
      if (m.revises) {
        if (s.markRevised.run({ kind: m.revises.kind, by: id, channel: channelId, original: m.revises.platformMessageId }).changes) {
          revised.push({ platformMessageId: m.revises.platformMessageId, kind: m.revises.kind });
        } else {
          s.insertEarlyRevision.run(channelId, m.revises.platformMessageId, m.revises.kind, id);
          waiting = true;
        }
      }
      if (waiting) this.applyEarly(channelId, m.platformMessageId, revised);

      const t = touched.get(conversationId) ?? { last: 0, unread: 0, firstIn: null, latestIn: null, newest: { id, sentAt: m.sentAt, maskedText: p.masked } };
      t.last = Math.max(t.last, m.sentAt);
      if (m.sentAt >= t.newest.sentAt) t.newest = { id, sentAt: m.sentAt, maskedText: p.masked };
      if (m.direction === 'in') {
        t.unread++;
        t.latestIn = id;
        t.firstIn = t.firstIn === null ? m.sentAt : Math.min(t.firstIn, m.sentAt);
      }
      touched.set(conversationId, t);
      inserted++;
    }
    for (const [conversationId, t] of touched) {
      const state = { last: t.last, unread: t.unread, latestIn: t.latestIn, id: conversationId, ...previewParams(t.newest) };
      if (created.has(conversationId)) {
        s.touchNew.run({ ...state, firstIn: t.firstIn });
        continue;
      }
      const closed = s.touchConversation.get(state);
      if (closed && t.firstIn !== null) s.openConversation.run({ firstIn: t.firstIn, id: conversationId });
    }
    if (typeof cursor === 'string') s.saveCursor.run(channelId, cursor, now);
    addNewContactWords(ctx.db, fresh.words.values());
    // Last, so that no later statement of the batch makes FTS5 write its entries out before the commit (search-index.ts).
    addBatchToSearchIndex(ctx.db, indexed);
    return { inserted, duplicates, conversationIds: [...touched.keys()], ...(revised.length ? { revised } : {}), ...(moved.length ? { moved } : {}) };
  }

  /** Marks a message that just arrived with the edits and deletions that came before it, in their order, once each. */
  private applyEarly(channelId: string, platformMessageId: string, revised: NonNullable<IngestResult['revised']>): void {
    const early = this.s.earlyRevisionsOf.all(channelId, platformMessageId) as Array<{ kind: 'edited' | 'deleted'; by_message: number }>;
    for (const e of early) {
      if (this.s.markRevised.run({ kind: e.kind, by: e.by_message, channel: channelId, original: platformMessageId }).changes) revised.push({ platformMessageId, kind: e.kind });
    }
    if (early.length) this.s.dropEarlyRevisions.run(channelId, platformMessageId);
  }

  /**
   * Re-keys a conversation (and its contact, when the contact had the same id) to the platform's new id, unless the
   * new id already has a conversation of its own: then both stay as they are and nothing is merged silently.
   */
  private move(channelId: string, from: string, contactFrom: string, to: string, now: number, known: BatchLookups): boolean {
    const { s } = this;
    if (known.conversation(to) !== undefined) return false;
    const row = known.conversation(from);
    const changed = s.moveConversation.run(to, channelId, from).changes > 0;
    if (changed && contactFrom === from && !known.contact(to)) s.moveContact.run(to, channelId, from);
    if (changed) known.forget(from, to);
    // A late message from the old id (sent before the change, delivered after it) still joins the conversation.
    if (changed && row !== undefined) this.addAlias(channelId, from, row, now, known);
    return changed;
  }

  private addAlias(channelId: string, alias: string, conversationId: number, now: number, known: BatchLookups): void {
    this.s.insertAlias.run(channelId, alias, conversationId, now);
    known.aliasAdded(alias, conversationId);
  }

  /**
   * The conversation a message belongs to: the one keyed by its conversation id, else the one any of its ids (its
   * own or its `aliases`) is an alias of, else one keyed by an alias itself, else a new one. The first match wins;
   * two conversations that turn out to be one customer's are never merged silently.
   */
  private place(channelId: string, m: InboundMessage, contactId: number, now: number, known: BatchLookups, created: Set<number>): number {
    const ids = [m.platformConversationId, ...(m.aliases ?? [])];
    for (const id of ids) {
      const found = known.conversation(id) ?? known.alias(id);
      if (found !== undefined) {
        if (id !== m.platformConversationId) this.addAlias(channelId, m.platformConversationId, found, now, known);
        return found;
      }
    }
    const id = this.conversation(channelId, m.platformConversationId, contactId, m.sentAt, now);
    known.conversationAdded(m.platformConversationId, id);
    created.add(id);
    return id;
  }

  /**
   * The contact a message comes from, inserted or renamed. A new contact is written by one `INSERT`, its sealed name
   * in it: its id is taken before the insert (`max(id) + 1`, as SQLite would give it, read once a batch; the batch's
   * transaction is the only writer), so the seal names the id its row gets, and the insert fails — and the batch with
   * it — if that id were taken. Its words are written with the batch's other new contacts' (`addNewContactWords`).
   */
  private contact(channelId: string, c: InboundMessage['contact'], now: number, known: BatchLookups, fresh: NewContacts): number {
    const { ctx, s } = this;
    const row = known.contact(c.platformUserId);
    if (row && !c.displayName) return row.id;
    const name = c.displayName ? this.maskName(channelId, c.platformUserId, c.displayName, row?.display_name) : null;
    if (row && (name === null || row.display_name === name)) return row.id;
    const sealName = (id: number) => sealOriginal(ctx, sealedIdentity.contactName(ctx.custody.seat, id), c.displayName!);
    if (row) {
      s.setContactName.run(name, sealName(row.id), SEALED, c.handle ?? null, row.id);
      known.contactWritten(c.platformUserId, { id: row.id, display_name: name });
      // Renamed in the batch that created it: its words are read from the row now, not those it was inserted with.
      fresh.words.delete(row.id);
      noteContactWords(ctx.db, row.id);
      return row.id;
    }
    if (!fresh.next) fresh.next = s.nextContactId.get() as number;
    const id = fresh.next++;
    const handle = c.handle ?? null;
    s.insertContact.run(id, channelId, c.platformUserId, handle, name, name === null ? null : sealName(id), name === null ? null : SEALED, now);
    known.contactWritten(c.platformUserId, { id, display_name: name });
    fresh.words.set(id, { id, name, handle });
    return id;
  }

  /**
   * A display name as masked, without masking it again when this contact last came with the same name, under the
   * same masking rules, and its row still holds what that gave (`stored`): a customer's name arrives with every
   * message, and the detectors cost ≈ 20 µs a name on this thread. Only a keyed digest of the name is kept: SHA-256 of
   * a secret random prefix and the name, in one call (`crypto.hash`). It is only ever compared for equality inside
   * this process, so an HMAC adds nothing here, and its objects cost 2.4 times the one-shot digest (issue #26 round 15:
   * 3.6 µs against 1.5 µs a contact a batch, about one a message).
   */
  private maskName(channelId: string, userId: string, displayName: string, stored: string | null | undefined): string {
    const key = `${channelId}\0${userId}`;
    const digest = crypto.hash('sha256', this.nameKey + displayName, 'base64');
    const rules = this.ctx.masker.rules?.();
    const known = this.names.get(key);
    if (known && known.digest === digest && known.rules === rules && known.masked === stored) return known.masked;
    const masked = this.ctx.masker(displayName).masked;
    this.names.delete(key);
    if (this.names.size >= NAMES_KEPT) this.names.delete(this.names.keys().next().value!);
    this.names.set(key, { digest, rules, masked });
    return masked;
  }

  private conversation(channelId: string, platformConversationId: string, contactId: number, sentAt: number, now: number): number {
    return Number(this.s.insertConversation.run(channelId, platformConversationId, contactId, sentAt, now).lastInsertRowid);
  }

}

/** The contacts a batch inserts: the next one's id (0: not read yet) and each one's words, written at the batch's end. */
interface NewContacts {
  next: number;
  words: Map<number, { id: number; name: string | null; handle: string | null }>;
}

function statements(db: Db) {
  return {
    channelExists: db.prepare('SELECT 1 FROM channels WHERE id = ?').pluck(),
    getCursor: db.prepare('SELECT cursor FROM channel_cursors WHERE channel_id = ?'),
    saveCursor: db.prepare(
      `INSERT INTO channel_cursors (channel_id, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (channel_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ),
    messageExists: db.prepare('SELECT 1 FROM messages WHERE channel_id = ? AND platform_message_id = ?').pluck(),
    storedOf: db.prepare('SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM messages WHERE channel_id = ? AND platform_message_id = value)').pluck(),
    nextContactId: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM contacts').pluck(),
    insertContact: db.prepare(
      'INSERT INTO contacts (id, channel_id, platform_user_id, handle, display_name, name_enc, key_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setContactName: db.prepare('UPDATE contacts SET display_name = ?, name_enc = ?, key_version = ?, handle = coalesce(?, handle) WHERE id = ?'),
    insertConversation: db.prepare(
      `INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_activity_at, unread, created_at)
       VALUES (?, ?, ?, ?, 0, ?)`,
    ),
    // Once per conversation per batch: activity, unread count and the preview in one statement, so the conversation's
    // triggers (tallies, label copies, its inbox row) fire once. It names neither `opened_at` nor `status`: SQLite
    // rewrites the entries of every index on a column a statement assigns, changed or not, so assigning them on every
    // batch moved each touched conversation in `conversations_opened` for nothing (a page a conversation at commit).
    // It returns 1 when a customer message must open the conversation (new, or resolved): `openConversation`, rarely.
    // The newest customer message's id (message ids grow through a batch) rides on the same row (migration 031).
    touchConversation: db
      .prepare(
        `UPDATE conversations SET last_activity_at = max(last_activity_at, @last), unread = unread + @unread,
           latest_inbound_id = coalesce(max(latest_inbound_id, @latestIn), latest_inbound_id, @latestIn), ${PREVIEW_ASSIGNMENTS}
         WHERE id = @id RETURNING status = 'resolved' OR opened_at IS NULL`,
      )
      .pluck(),
    // A conversation the batch created: `touchConversation` and the opening in one `UPDATE` (it is new, so its first
    // customer message of the batch opens it; with none, `opened_at` stays NULL as it was inserted), so its row, its
    // inbox row and their indexes are written once more rather than twice (issue #26 round 16).
    touchNew: db.prepare(
      `UPDATE conversations SET last_activity_at = max(last_activity_at, @last), unread = unread + @unread, latest_inbound_id = @latestIn,
         opened_at = @firstIn, ${PREVIEW_ASSIGNMENTS}
       WHERE id = @id`,
    ),
    openConversation: db.prepare(
      `UPDATE conversations SET opened_at = CASE WHEN status = 'resolved' OR opened_at IS NULL THEN @firstIn ELSE opened_at END,
         status = CASE WHEN status = 'resolved' THEN 'open' ELSE status END
       WHERE id = @id`,
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, conversation_id, channel_id, platform_message_id, direction, masked_text, text_enc, key_version,
         sent_at, stored_at, delivery, check_rules, check_flags, has_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertField: db.prepare('INSERT INTO message_fields (message_id, n, type, start, end, value_enc, key_version) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertAttachment: db.prepare(
      'INSERT INTO attachments (message_id, kind, platform_file_id, file_name, mime_type, size) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    moveConversation: db.prepare('UPDATE conversations SET platform_conversation_id = ? WHERE channel_id = ? AND platform_conversation_id = ?'),
    insertAlias: db.prepare('INSERT OR IGNORE INTO conversation_aliases (channel_id, alias, conversation_id, created_at) VALUES (?, ?, ?, ?)'),
    moveContact: db.prepare('UPDATE contacts SET platform_user_id = ? WHERE channel_id = ? AND platform_user_id = ?'),
    anyEarlyRevision: db.prepare('SELECT 1 FROM early_revisions WHERE channel_id = ? LIMIT 1').pluck(),
    insertEarlyRevision: db.prepare('INSERT OR IGNORE INTO early_revisions (channel_id, original, kind, by_message) VALUES (?, ?, ?, ?)'),
    earlyRevisionsOf: db.prepare('SELECT kind, by_message FROM early_revisions WHERE channel_id = ? AND original = ? ORDER BY by_message'),
    dropEarlyRevisions: db.prepare('DELETE FROM early_revisions WHERE channel_id = ? AND original = ?'),
    // A deletion outranks an edit; a later edit supersedes an earlier one.
    markRevised: db.prepare(
      `UPDATE messages SET revision = CASE WHEN revision = 'deleted' THEN 'deleted' ELSE @kind END,
         revised_by = CASE WHEN revision = 'deleted' THEN revised_by ELSE @by END
       WHERE channel_id = @channel AND platform_message_id = @original AND id <> @by`,
    ),
  };
}

function validate(m: InboundMessage, i: number): void {
  const bad = (what: string) => new DiwanError('ingest_bad_message', `Message ${i + 1} of the batch is not valid: ${what}. Nothing was stored.`);
  if (!m || typeof m !== 'object') throw bad('it is not an object');
  for (const [k, v] of [
    ['platformMessageId', m.platformMessageId],
    ['platformConversationId', m.platformConversationId],
    ['contact.platformUserId', m.contact?.platformUserId],
  ] as const) {
    if (typeof v !== 'string' || !v || v.length > MAX_ID) throw bad(`${k} must be a non-empty string of at most ${MAX_ID} characters`);
  }
  if (m.direction !== 'in' && m.direction !== 'out') throw bad('direction must be "in" or "out"');
  if (typeof m.text !== 'string' || m.text.length > MAX_TEXT) throw bad(`text must be a string of at most ${MAX_TEXT} characters`);
  if (m.html !== undefined && (typeof m.html !== 'string' || m.html.length > INBOUND_LIMITS.htmlChars)) {
    throw bad(`html must be a string of at most ${INBOUND_LIMITS.htmlChars} characters`);
  }
  if (!Number.isSafeInteger(m.sentAt) || m.sentAt < 0) throw bad('sentAt must be milliseconds since the epoch');
  if (m.attachments !== undefined && (!Array.isArray(m.attachments) || m.attachments.length > 50)) throw bad('at most 50 attachments');
  if (m.revises !== undefined) {
    const r = m.revises;
    if (!r || typeof r.platformMessageId !== 'string' || !r.platformMessageId || r.platformMessageId.length > MAX_ID || (r.kind !== 'edited' && r.kind !== 'deleted')) {
      throw bad('revises must name an earlier message and say "edited" or "deleted"');
    }
  }
  if (m.aliases !== undefined && (!Array.isArray(m.aliases) || m.aliases.length > 8 || m.aliases.some((a) => typeof a !== 'string' || !a || a.length > MAX_ID))) {
    throw bad(`aliases must be at most 8 non-empty strings of at most ${MAX_ID} characters`);
  }
  if (m.movesTo !== undefined && (typeof m.movesTo !== 'string' || !m.movesTo || m.movesTo.length > MAX_ID)) {
    throw bad(`movesTo must be a non-empty string of at most ${MAX_ID} characters`);
  }
}

/**
 * A file name is masked like text, and then every run of four or more digits left in it is blotted out too: names
 * such as `statement-4111….pdf` glue a value to words the detectors rightly refuse to guess across, and nobody
 * needs the digits of a file name to answer a customer. The hub's ingest uses the same rule.
 */
export function maskFileName(masker: (text: string) => { masked: string }, name: string): string {
  return masker(name).masked.replace(/\p{Nd}{4,}/gu, (run) => '•'.repeat(run.length));
}
