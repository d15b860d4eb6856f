import type { SqlExecutor, SqlValue } from './executor';
import { attachmentViews } from './attachment-views';
import { conversationUpdateCtes, updateConversations } from './label-activity';
import { aliasIds, aliasLookup, applyMoves, placeByAlias, placeFrom, recordAliases, type AliasRow } from './conversation-aliases';
import { applyRevisions, type Revised, type RevisionWriter } from './revisions';
import { chunks, inList, ROWS_PER_STATEMENT, valuesList } from './sql-rows';
import type { ConversationView, EventInput, MessageView, PreparedMessage } from './types';

/** What ingest needs from the hub store: writing its events (and, for revisions, audit entries) in the same transaction. */
export interface EventWriter extends RevisionWriter {
  emitMany(t: SqlExecutor, events: readonly EventInput[], along?: { ctes: string; params: readonly SqlValue[] }): Promise<number[]>;
  readonly now: () => number;
}

export interface IngestResult {
  inserted: number;
  duplicates: number;
  conversationIds: number[];
  /** Conversations re-keyed by a number change (`movesTo`), for the audit trail. */
  moved?: number[];
  /**
   * Originals an edit or deletion of this batch marked (`revisions.ts`), audited with the batch. Not named `revised`
   * like the console store's field, which the connector runtime audits a second time.
   */
  revisions?: Revised[];
}

interface ConversationState {
  id: number;
  contactId: number;
  status: ConversationView['status'];
  assigneeId: number | null;
  lastMessageAt: number;
  version: number;
  /** When the customer's current episode began (SLA clocks count from it); null until a customer writes. */
  openedAt: number | null;
}

/**
 * Set-based ingest of one channel's batch inside the caller's transaction `t`. A batch costs a fixed number of
 * statements whatever its size (per chunk of 250 rows): duplicate check (with the message ids on PostgreSQL),
 * contact upsert, conversation upsert, messages, fields, conversation update (with its label rows' activity),
 * event lock, events, cursor.
 * Per-message round trips made the hub's ingest a sixth of the speed of plain INSERTs on a loaded machine
 * (bench/README.md, "Team hub").
 *
 * Same outcome as storing the messages one by one in batch order: idempotent by (channel, platform message id),
 * also within the batch (the first copy wins); each new message bumps its conversation (a customer's message
 * reopens a resolved one, the version moves by one) and writes `conversation.updated` with the view after that
 * message, then `message.added`. One difference: the contact shown in those views is the contact as of the end of
 * the batch.
 */
export async function ingestBatch(store: EventWriter, t: SqlExecutor, channelId: string, batch: readonly PreparedMessage[], cursor?: string | null): Promise<IngestResult> {
  const { fresh: arrived, ids, aliasRows } = await newMessages(t, channelId, batch);
  const duplicates = batch.length - arrived.length;
  let conversationIds: number[] = [];
  let moved: number[] = [];
  let revised: Revised[] = [];
  if (arrived.length) {
    const fresh = aliasRows ? placeFrom(aliasRows, arrived) : await placeByAlias(t, channelId, arrived);
    const { contacts, conversations } = await upsertPeople(t, channelId, fresh);
    const sealed = fresh.map((m, i) => m.seal(ids[i]!));
    const convOf = (m: PreparedMessage) => conversations.get(m.platformConversationId)!;
    conversationIds = [...new Set(fresh.map((m) => convOf(m).id))];

    // Which of them an edit or deletion already waits for (store/revisions.ts), read in the same statement: no
    // extra round trip for the batches (nearly all) that have none.
    const awaited: string[] = [];
    const rows = chunks(fresh.map((m, i) => ({ m, i })));
    const fields = chunks(fresh.flatMap((m, i) => m.fields.map((f, n) => [ids[i]!, n, f.type, f.shown, sealed[i]!.fields[n]!] as const)));
    const insertFields = (part: ReadonlyArray<readonly SqlValue[]>) => ({ sql: `INSERT INTO message_fields (message_id, n, type, shown, sealed) VALUES ${valuesList(part.length, '(?, ?, ?, ?, ?)')}`, params: part.flat() });
    // PostgreSQL, a batch of one chunk: its fields ride in the messages' statement (a data-modifying CTE).
    const foldFields = t.dialect === 'postgres' && rows.length === 1 && fields.length === 1;
    for (const [n, part] of rows.entries()) {
      const withFields = foldFields && n === 0 ? insertFields(fields[0]!) : null;
      const inserted = await t.all<{ platform_message_id: string; awaited: boolean | number }>(
        `${withFields ? `WITH f AS (${withFields.sql}) ` : ''}INSERT INTO messages (id, conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at, attachments) VALUES ${valuesList(part.length, '(?, ?, ?, ?, ?, ?, ?, ?, ?)')}
         RETURNING platform_message_id, EXISTS (SELECT 1 FROM early_revisions e WHERE e.channel_id = messages.channel_id AND e.original = messages.platform_message_id) AS awaited`,
        [
          ...(withFields?.params ?? []),
          ...part.flatMap(({ m, i }) => [
            ids[i]!,
            convOf(m).id,
            channelId,
            m.platformMessageId,
            m.direction,
            m.maskedText,
            sealed[i]!.text,
            m.sentAt,
            m.attachments.length ? JSON.stringify(m.attachments) : null,
          ]),
        ],
      );
      for (const r of inserted) if (r.awaited) awaited.push(r.platform_message_id);
    }
    if (!foldFields) {
      for (const part of fields) {
        const f = insertFields(part);
        await t.run(f.sql, f.params);
      }
    }

    // Each message's bump, in batch order, in memory; then one write of every conversation's final state.
    const names = await contactNames(t, contacts, [...conversations.values()].map((c) => c.contactId));
    const view = (c: ConversationState): ConversationView => ({
      id: c.id,
      channelId,
      contact: { id: c.contactId, ...names.get(c.contactId)! },
      status: c.status,
      assigneeId: c.assigneeId,
      lastMessageAt: c.lastMessageAt,
      version: c.version,
    });
    const events: EventInput[] = [];
    fresh.forEach((m, i) => {
      const c = convOf(m);
      c.lastMessageAt = Math.max(c.lastMessageAt, m.sentAt);
      // A customer's message reopens a resolved conversation and starts a new episode for the SLA clocks.
      if (m.direction === 'in' && (c.status === 'resolved' || c.openedAt === null)) c.openedAt = m.sentAt;
      if (m.direction === 'in' && c.status === 'resolved') c.status = 'open';
      c.version++;
      const where = { channelId, conversationId: c.id };
      events.push({ kind: 'conversation.updated', audience: 'conversation', payload: view(c), where });
      const added: MessageView = {
        id: ids[i]!,
        conversationId: c.id,
        direction: m.direction,
        authorId: null,
        maskedText: m.maskedText,
        sentAt: m.sentAt,
        fields: m.fields.map((f, n) => ({ n, type: f.type, shown: f.shown })),
        attachments: attachmentViews(m.attachments),
        delivery: null,
      };
      events.push({ kind: 'message.added', audience: 'conversation', payload: added, where });
    });
    const updates = chunks([...conversations.values()]).map((part) => ({
      sql: `UPDATE conversations SET last_message_at = v.column2, status = v.column3, version = v.column4, opened_at = v.column5
           FROM (VALUES ${valuesList(part.length, '(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS BIGINT))')}) AS v
          WHERE conversations.id = v.column1`,
      params: part.flatMap((c) => [c.id, c.lastMessageAt, c.status, c.version, c.openedAt]),
      ids: part.map((c) => c.id),
    }));
    // PostgreSQL, one chunk of conversations: their update rides in the statement that takes the event lock and
    // writes the events (the batch's last round trip).
    if (t.dialect === 'postgres' && updates.length === 1) {
      await store.emitMany(t, events, { ctes: conversationUpdateCtes(updates[0]!.sql), params: updates[0]!.params });
    } else {
      for (const u of updates) await updateConversations(t, u.sql, u.params, u.ids);
      await store.emitMany(t, events);
    }
    await recordAliases(t, channelId, fresh, (m) => convOf(m).id, store.now());
    moved = await applyMoves(t, channelId, fresh, (m) => convOf(m).id, store.now());
    revised = await applyRevisions(
      store,
      t,
      channelId,
      fresh.flatMap((m, i) => (m.revises ? [{ id: ids[i]!, revises: m.revises }] : [])),
      awaited,
    );
  }
  if (cursor !== undefined) await t.run('UPDATE channels SET cursor = ? WHERE id = ?', [cursor, channelId]);
  return { inserted: arrived.length, duplicates, conversationIds, ...(moved.length ? { moved } : {}), ...(revised.length ? { revisions: revised } : {}) };
}

/**
 * The batch's messages not stored yet (first copy of each platform id, in batch order) and their ids, taken before
 * the rows are written because sealing binds each original to its message id. PostgreSQL: one statement finds the
 * stored ones and takes an id from the sequence for every distinct message of the batch (a duplicate's id, like a
 * rolled-back batch's, stays unused: a gap, as any failed INSERT leaves). SQLite: the transaction is the only
 * writer (BEGIN IMMEDIATE), so the ids are the next ones AUTOINCREMENT would hand out. When the batch fits one
 * statement, the same statement also reads where its conversation ids and aliases lead (`aliasRows`, for every
 * distinct message: a superset of what placing the new ones needs), one round trip fewer per batch.
 */
async function newMessages(t: SqlExecutor, channelId: string, batch: readonly PreparedMessage[]): Promise<{ fresh: PreparedMessage[]; ids: number[]; aliasRows: AliasRow[] | null }> {
  const unique = new Map<string, PreparedMessage>();
  for (const m of batch) if (!unique.has(m.platformMessageId)) unique.set(m.platformMessageId, m);
  const placeIds = aliasIds([...unique.values()]);
  const withAliases = unique.size <= ROWS_PER_STATEMENT && placeIds.length <= ROWS_PER_STATEMENT;
  const stored = new Set<string>();
  const taken: number[] = [];
  const aliasRows: AliasRow[] = [];
  for (const [n, part] of chunks([...unique.keys()]).entries()) {
    let sql = `SELECT platform_message_id AS seen, NULL AS id, NULL AS alias, NULL AS k FROM messages WHERE channel_id = ? AND platform_message_id IN (${inList(part.length)})`;
    const params: SqlValue[] = [channelId, ...part];
    if (t.dialect === 'postgres') {
      sql += ` UNION ALL SELECT NULL, nextval(pg_get_serial_sequence('messages', 'id')), NULL, NULL FROM generate_series(1, CAST(? AS INTEGER))`;
      params.push(n === 0 ? unique.size : 0);
    }
    if (withAliases) {
      const places = aliasLookup(channelId, placeIds, 'NULL, NULL, ');
      sql += ` UNION ALL ${places.sql}`;
      params.push(...places.params);
    }
    for (const r of await t.all<{ seen: string | null; id: number | null; alias: string | null; k: string | null }>(sql, params)) {
      if (r.seen !== null) stored.add(r.seen);
      else if (r.id !== null) taken.push(r.id);
      else if (r.k !== null) aliasRows.push({ alias: r.alias, k: r.k });
    }
  }
  const fresh = [...unique.values()].filter((m) => !stored.has(m.platformMessageId));
  const places = withAliases ? aliasRows : null;
  if (!fresh.length) return { fresh, ids: [], aliasRows: places };
  if (t.dialect === 'postgres') return { fresh, ids: taken.sort((a, b) => a - b).slice(0, fresh.length), aliasRows: places };
  const row = await t.get<{ last: number }>(
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'messages'), 0), COALESCE((SELECT MAX(id) FROM messages), 0)) AS last",
  );
  return { fresh, ids: Array.from({ length: fresh.length }, (_, i) => row!.last + 1 + i), aliasRows: places };
}

/**
 * One upsert per distinct contact. A message that names the contact (display name or handle) updates what it names,
 * later messages of the batch winning, as if they were applied one by one.
 */
function mergedContacts(fresh: readonly PreparedMessage[]): Map<string, { displayName: string | null; handle: string | null }> {
  const merged = new Map<string, { displayName: string | null; handle: string | null }>();
  for (const { contact: c } of fresh) {
    const seen = merged.get(c.platformUserId) ?? { displayName: null, handle: null };
    if (c.displayName || c.handle) {
      if (c.displayName != null) seen.displayName = c.displayName;
      if (c.handle != null) seen.handle = c.handle;
    }
    merged.set(c.platformUserId, seen);
  }
  return merged;
}

type ContactRow = { id: number; platform_user_id: string; display_name: string | null; handle: string | null };
type ConversationRow = {
  id: number;
  platform_conversation_id: string;
  contact_id: number;
  status: ConversationView['status'];
  assignee_id: number | null;
  last_message_at: number;
  version: number;
  opened_at: number | null;
};
type Contacts = Map<string, { id: number; displayName: string | null; handle: string | null }>;

const CONTACT_UPSERT = `ON CONFLICT (channel_id, platform_user_id) DO UPDATE SET display_name = COALESCE(excluded.display_name, contacts.display_name), handle = COALESCE(excluded.handle, contacts.handle)
         RETURNING id, platform_user_id, display_name, handle`;
// The no-op DO UPDATE locks an existing conversation's row until the transaction ends (`upsertConversations`).
const CONVERSATION_UPSERT = `ON CONFLICT (channel_id, platform_conversation_id) DO UPDATE SET version = conversations.version
         RETURNING id, platform_conversation_id, contact_id, status, assignee_id, last_message_at, version, opened_at`;

const contactOf = (r: ContactRow) => ({ id: r.id, displayName: r.display_name, handle: r.handle });
const conversationOf = (r: ConversationRow): ConversationState => ({
  id: r.id,
  contactId: r.contact_id,
  status: r.status,
  assigneeId: r.assignee_id,
  lastMessageAt: r.last_message_at,
  version: r.version,
  openedAt: r.opened_at === null ? null : Number(r.opened_at),
});

/**
 * The batch's contacts (`upsertContacts`) and conversations (`upsertConversations`). On PostgreSQL, when both fit one
 * statement, they are one: the contacts' upsert as a data-modifying CTE whose ids the conversations' insert joins.
 */
async function upsertPeople(t: SqlExecutor, channelId: string, fresh: readonly PreparedMessage[]): Promise<{ contacts: Contacts; conversations: Map<string, ConversationState> }> {
  const merged = [...mergedContacts(fresh).entries()];
  const firsts = firstOfEachConversation(fresh);
  if (t.dialect !== 'postgres' || merged.length > ROWS_PER_STATEMENT || firsts.length > ROWS_PER_STATEMENT) {
    const contacts = await upsertContacts(t, channelId, merged);
    return { contacts, conversations: await upsertConversations(t, channelId, firsts, contacts) };
  }
  const row = await t.get<{ contacts: ContactRow[]; conversations: ConversationRow[] }>(
    `WITH ct AS (INSERT INTO contacts (channel_id, platform_user_id, display_name, handle) VALUES ${valuesList(merged.length, '(?, ?, ?, ?)')}
         ${CONTACT_UPSERT}),
       cv AS (INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_message_at)
         SELECT ?, v.column2, ct.id, v.column4 FROM (VALUES ${valuesList(firsts.length, '(CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT))')}) AS v
           JOIN ct ON ct.platform_user_id = v.column3 ORDER BY v.column1
         ${CONVERSATION_UPSERT})
     SELECT (SELECT COALESCE(json_agg(ct), '[]') FROM ct) AS contacts, (SELECT COALESCE(json_agg(cv), '[]') FROM cv) AS conversations`,
    [
      ...merged.flatMap(([userId, c]) => [channelId, userId, c.displayName, c.handle]),
      channelId,
      ...firsts.flatMap((m, n) => [n, m.platformConversationId, m.contact.platformUserId, m.sentAt]),
    ],
  );
  const contacts: Contacts = new Map(row!.contacts.map((r) => [r.platform_user_id, contactOf(r)]));
  return { contacts, conversations: new Map(row!.conversations.map((r) => [r.platform_conversation_id, conversationOf(r)])) };
}

function firstOfEachConversation(fresh: readonly PreparedMessage[]): PreparedMessage[] {
  const first = new Map<string, PreparedMessage>();
  for (const m of fresh) if (!first.has(m.platformConversationId)) first.set(m.platformConversationId, m);
  return [...first.values()];
}

async function upsertContacts(t: SqlExecutor, channelId: string, merged: ReadonlyArray<[string, { displayName: string | null; handle: string | null }]>): Promise<Contacts> {
  const out: Contacts = new Map();
  for (const part of chunks(merged)) {
    const rows = await t.all<ContactRow>(
      `INSERT INTO contacts (channel_id, platform_user_id, display_name, handle) VALUES ${valuesList(part.length, '(?, ?, ?, ?)')}
         ${CONTACT_UPSERT}`,
      part.flatMap(([userId, c]) => [channelId, userId, c.displayName, c.handle]),
    );
    for (const r of rows) out.set(r.platform_user_id, contactOf(r));
  }
  return out;
}

/**
 * Creates the batch's new conversations (with the contact and time of their first message) and returns every
 * conversation of the batch as it is now, its row locked until the transaction ends (the no-op DO UPDATE), so a
 * concurrent assignment cannot slip between this read and the batch's write of the new state.
 */
async function upsertConversations(t: SqlExecutor, channelId: string, firsts: readonly PreparedMessage[], contacts: Contacts): Promise<Map<string, ConversationState>> {
  const out = new Map<string, ConversationState>();
  for (const part of chunks(firsts)) {
    const rows = await t.all<ConversationRow>(
      `INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_message_at) VALUES ${valuesList(part.length, '(?, ?, ?, ?)')}
         ${CONVERSATION_UPSERT}`,
      part.flatMap((m) => [channelId, m.platformConversationId, contacts.get(m.contact.platformUserId)!.id, m.sentAt]),
    );
    for (const r of rows) out.set(r.platform_conversation_id, conversationOf(r));
  }
  return out;
}

/** Names of the conversations' contacts: from the upsert when the batch touched them, else one read. */
async function contactNames(
  t: SqlExecutor,
  upserted: Contacts,
  contactIds: readonly number[],
): Promise<Map<number, { displayName: string | null; handle: string | null }>> {
  const out = new Map<number, { displayName: string | null; handle: string | null }>();
  for (const c of upserted.values()) out.set(c.id, { displayName: c.displayName, handle: c.handle });
  const missing = [...new Set(contactIds.filter((id) => !out.has(id)))];
  for (const part of chunks(missing)) {
    const rows = await t.all<{ id: number; display_name: string | null; handle: string | null }>(`SELECT id, display_name, handle FROM contacts WHERE id IN (${inList(part.length)})`, part);
    for (const r of rows) out.set(r.id, { displayName: r.display_name, handle: r.handle });
  }
  return out;
}
