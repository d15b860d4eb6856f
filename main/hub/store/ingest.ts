import type { SqlArray, SqlExecutor, SqlValue } from './executor';
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
 * statements whatever its size: on PostgreSQL four (columns as array parameters; docs/ARCHITECTURE.md, `store/ingest.ts`),
 * plus the cursor; on SQLite one per table per chunk of 250 rows — duplicate check, contact upsert, conversation upsert,
 * messages, fields, conversation update (with its label rows' activity), events, cursor.
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
    // Sealing needs only the ids: it runs while the contacts' and conversations' statement is in flight.
    const [{ contacts, conversations, locked }, sealed] = await whileInFlight(upsertPeople(t, channelId, fresh), () => fresh.map((m, i) => m.seal(ids[i]!)));
    const convOf = (m: PreparedMessage) => conversations.get(m.platformConversationId)!;
    conversationIds = [...new Set(fresh.map((m) => convOf(m).id))];

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
    const bumpAll = (): EventInput[] => {
      const events: EventInput[] = [];
      fresh.forEach((m, i) => {
        const c = convOf(m);
        bump(c, m);
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
      return events;
    };

    // Which of them an edit or deletion already waits for (store/revisions.ts), read in the same statement: no
    // extra round trip for the batches (nearly all) that have none.
    const awaited: string[] = [];
    const byId = new Map([...conversations.values()].map((c) => [c.id, c]));
    const returning = `RETURNING platform_message_id, EXISTS (SELECT 1 FROM early_revisions e WHERE e.channel_id = messages.channel_id AND e.original = messages.platform_message_id) AS awaited`;
    const attachments = (m: PreparedMessage) => (m.attachments.length ? JSON.stringify(m.attachments) : null);
    const fieldRows = fresh.flatMap((m, i) => m.fields.map((f, n) => [ids[i]!, n, f.type, f.shown, sealed[i]!.fields[n]!] as const));
    if (t.dialect === 'postgres') {
      // One statement for any batch size (columns as array parameters), the fields in a data-modifying CTE; the
      // bumps and events are worked out while it is in flight.
      const fieldColumn = (k: number): SqlArray => fieldRows.map((r) => r[k]!);
      const pending = t.all<{ platform_message_id: string; awaited: boolean }>(
        `WITH f AS (INSERT INTO message_fields (message_id, n, type, shown, sealed)
             SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BYTEA[])))
         INSERT INTO messages (id, conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at, attachments)
           SELECT m.id, m.conv, ?, m.pid, m.dir, m.masked, m.sealed, m.at, m.att
             FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BYTEA[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]))
               AS m(id, conv, pid, dir, masked, sealed, at, att)
         ${returning}`,
        [
          ...[0, 1, 2, 3, 4].map(fieldColumn),
          channelId,
          fresh.map((_, i) => ids[i]!),
          fresh.map((m) => convOf(m).id),
          fresh.map((m) => m.platformMessageId),
          fresh.map((m) => m.direction),
          fresh.map((m) => m.maskedText),
          fresh.map((_, i) => sealed[i]!.text),
          fresh.map((m) => m.sentAt),
          fresh.map(attachments),
        ],
      );
      const [inserted, events] = await whileInFlight(pending, bumpAll);
      for (const r of inserted) if (r.awaited) awaited.push(r.platform_message_id);
      // The existing conversations' final state rides in the statement that takes the event lock and writes the
      // events (the batch's last round trip); the batch's new ones were written in their final state when created.
      const changes = [...locked].map(([id, was]) => changed(was, byId.get(id)!));
      await store.emitMany(t, events, {
        ctes: conversationUpdateCtes(
          `UPDATE conversations SET last_message_at = COALESCE(v.at, conversations.last_message_at), status = COALESCE(v.status, conversations.status),
                  version = v.version, opened_at = COALESCE(v.opened, conversations.opened_at)
             FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS BIGINT[])) AS v(id, at, status, version, opened)
            WHERE conversations.id = v.id`,
        ),
        params: [changes.map((c) => c.id), changes.map((c) => c.at), changes.map((c) => c.status), changes.map((c) => c.version), changes.map((c) => c.opened)],
      });
    } else {
      for (const part of chunks(fresh.map((m, i) => ({ m, i })))) {
        const inserted = await t.all<{ platform_message_id: string; awaited: number }>(
          `INSERT INTO messages (id, conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at, attachments) VALUES ${valuesList(part.length, '(?, ?, ?, ?, ?, ?, ?, ?, ?)')}
           ${returning}`,
          part.flatMap(({ m, i }) => [ids[i]!, convOf(m).id, channelId, m.platformMessageId, m.direction, m.maskedText, sealed[i]!.text, m.sentAt, attachments(m)]),
        );
        for (const r of inserted) if (r.awaited) awaited.push(r.platform_message_id);
      }
      for (const part of chunks(fieldRows)) await t.run(`INSERT INTO message_fields (message_id, n, type, shown, sealed) VALUES ${valuesList(part.length, '(?, ?, ?, ?, ?)')}`, part.flat());
      const events = bumpAll();
      for (const part of chunks([...locked].map(([id, was]) => changed(was, byId.get(id)!)))) {
        await updateConversations(
          t,
          `UPDATE conversations SET last_message_at = COALESCE(v.column2, conversations.last_message_at), status = COALESCE(v.column3, conversations.status),
                  version = v.column4, opened_at = COALESCE(v.column5, conversations.opened_at)
             FROM (VALUES ${valuesList(part.length, '(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS BIGINT))')}) AS v
            WHERE conversations.id = v.column1`,
          part.flatMap((c) => [c.id, c.at, c.status, c.version, c.opened]),
          part.filter((c) => c.at !== null).map((c) => c.id),
        );
      }
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
  const pg = t.dialect === 'postgres';
  // PostgreSQL takes the batch's ids as one array parameter, so one statement serves any batch size.
  const parts = pg ? [[...unique.keys()]] : chunks([...unique.keys()]);
  const withAliases = pg || (unique.size <= ROWS_PER_STATEMENT && placeIds.length <= ROWS_PER_STATEMENT);
  const stored = new Set<string>();
  const taken: number[] = [];
  const aliasRows: AliasRow[] = [];
  for (const [n, part] of parts.entries()) {
    let sql = `SELECT platform_message_id AS seen, NULL AS id, NULL AS alias, NULL AS k FROM messages WHERE channel_id = ? AND platform_message_id ${pg ? '= ANY(CAST(? AS TEXT[]))' : `IN (${inList(part.length)})`}`;
    const params: SqlValue[] = pg ? [channelId, part] : [channelId, ...part];
    if (pg) {
      // The sequence is looked up once (OFFSET 0 keeps the subquery from being folded into every row).
      sql += ` UNION ALL SELECT NULL, nextval(s.seq), NULL, NULL FROM (SELECT CAST(pg_get_serial_sequence('messages', 'id') AS regclass) AS seq OFFSET 0) AS s, generate_series(1, CAST(? AS INTEGER))`;
      params.push(unique.size);
    }
    if (withAliases) {
      const places = aliasLookup(channelId, placeIds, 'NULL, NULL, ', t.dialect);
      sql += ` UNION ALL ${places.sql}`;
      params.push(...places.params);
    }
    const pending = t.all<{ seen: string | null; id: number | null; alias: string | null; k: string | null }>(sql, params);
    // The batch's masking (deferred by `OriginalsSealer.prepare`) runs while this first statement is in flight.
    const [found] = await whileInFlight(pending, () => {
      if (n === 0) for (const m of unique.values()) m.ready?.();
    });
    for (const r of found) {
      if (r.seen !== null) stored.add(r.seen);
      else if (r.id !== null) taken.push(r.id);
      else if (r.k !== null) aliasRows.push({ alias: r.alias, k: r.k });
    }
  }
  const fresh = [...unique.values()].filter((m) => !stored.has(m.platformMessageId));
  const places = withAliases ? aliasRows : null;
  if (!fresh.length) return { fresh, ids: [], aliasRows: places };
  if (pg) return { fresh, ids: taken.sort((a, b) => a - b).slice(0, fresh.length), aliasRows: places };
  const row = await t.get<{ last: number }>(
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'messages'), 0), COALESCE((SELECT MAX(id) FROM messages), 0)) AS last",
  );
  return { fresh, ids: Array.from({ length: fresh.length }, (_, i) => row!.last + 1 + i), aliasRows: places };
}

/**
 * Runs `work` (the hub's own CPU: masking, sealing) while `pending`, a statement already sent, is in flight: on
 * PostgreSQL both proceed at once instead of one after the other. If `work` throws, the statement is waited for
 * (so the transaction's connection is idle for its ROLLBACK) and the error goes on; the whole batch rolls back.
 */
async function whileInFlight<T, U>(pending: Promise<T>, work: () => U): Promise<[T, U]> {
  let out: U;
  try {
    out = work();
  } catch (e) {
    await pending.catch(() => {});
    throw e;
  }
  return [await pending, out];
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
const CONVERSATION_COLUMNS = 'id, platform_conversation_id, contact_id, status, assignee_id, last_message_at, version, opened_at';

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

/** One message's bump of its conversation, in batch order: the one rule for new and existing conversations. */
function bump(c: ConversationState, m: PreparedMessage): void {
  c.lastMessageAt = Math.max(c.lastMessageAt, m.sentAt);
  // A customer's message reopens a resolved conversation and starts a new episode for the SLA clocks.
  if (m.direction === 'in' && (c.status === 'resolved' || c.openedAt === null)) c.openedAt = m.sentAt;
  if (m.direction === 'in' && c.status === 'resolved') c.status = 'open';
  c.version++;
}

/** A conversation as its first message creates it (the columns' defaults), before that message's bump. */
const created = (id: number, contactId: number, first: PreparedMessage): ConversationState => ({
  id,
  contactId,
  status: 'open',
  assigneeId: null,
  lastMessageAt: first.sentAt,
  version: 1,
  openedAt: null,
});

/** Each conversation of the batch as it will be at the batch's end if the batch creates it (written once, at its INSERT). */
function finalIfNew(fresh: readonly PreparedMessage[], firsts: readonly PreparedMessage[]): Map<string, ConversationState> {
  const out = new Map(firsts.map((m) => [m.platformConversationId, created(0, 0, m)]));
  for (const m of fresh) bump(out.get(m.platformConversationId)!, m);
  return out;
}

/** What the batch's UPDATE writes to an existing conversation: null where a column keeps its value. */
interface Change {
  id: number;
  at: number | null;
  status: string | null;
  version: number;
  opened: number | null;
}
function changed(was: ConversationState, now: ConversationState): Change {
  return {
    id: now.id,
    at: now.lastMessageAt === was.lastMessageAt ? null : now.lastMessageAt,
    status: now.status === was.status ? null : now.status,
    version: now.version,
    opened: now.openedAt === was.openedAt ? null : now.openedAt,
  };
}

interface People {
  contacts: Contacts;
  /** Every conversation of the batch as it was before the batch (a new one: as its first message creates it). */
  conversations: Map<string, ConversationState>;
  /** The conversations that existed, by id, as they were locked: the batch's UPDATE writes only these, only what changed. */
  locked: Map<number, ConversationState>;
}

/**
 * The batch's contacts and conversations. A conversation that exists is locked (`FOR UPDATE`, in id order, so two
 * batches cannot deadlock on each other's rows) and written once more, at the batch's end, in the columns that
 * changed; one that does not is created in its final state for the batch, once (ids in batch order, as one-by-one
 * ingest hands them out; rows inserted in platform-id order, so two batches opening the same conversations wait for
 * each other in one order, never in a cycle). Its row is then locked too, so a
 * concurrent assignment cannot slip between this read and the batch's write. On PostgreSQL one statement (columns as
 * array parameters): the contacts' upsert a data-modifying CTE whose ids the conversations' insert joins. A
 * conversation another transaction created after this statement's snapshot (two batches opening the same one at once)
 * is neither read nor inserted (`DO NOTHING` waited for that transaction, then skipped): a second statement, with a
 * snapshot that sees it, locks and reads it (`test/hub/ingest-concurrency.test.ts`).
 */
async function upsertPeople(t: SqlExecutor, channelId: string, fresh: readonly PreparedMessage[]): Promise<People> {
  const merged = [...mergedContacts(fresh).entries()];
  const firsts = firstOfEachConversation(fresh);
  const finals = finalIfNew(fresh, firsts);
  const byPlatform = new Map(firsts.map((m) => [m.platformConversationId, m]));
  const conversations = new Map<string, ConversationState>();
  const locked = new Map<number, ConversationState>();
  const keep = (held: readonly ConversationRow[], made: readonly { id: number; platform_conversation_id: string; contact_id: number }[]) => {
    for (const r of held) {
      const c = conversationOf(r);
      conversations.set(r.platform_conversation_id, c);
      locked.set(c.id, { ...c });
    }
    for (const r of made) conversations.set(r.platform_conversation_id, created(Number(r.id), Number(r.contact_id), byPlatform.get(r.platform_conversation_id)!));
  };
  if (t.dialect !== 'postgres') {
    const contacts = await upsertContacts(t, channelId, merged);
    // BEGIN IMMEDIATE: this transaction is the only writer, so what the read finds is what exists.
    for (const part of chunks(firsts)) {
      keep(
        await t.all<ConversationRow>(
          `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE channel_id = ? AND platform_conversation_id IN (${inList(part.length)})`,
          [channelId, ...part.map((m) => m.platformConversationId)],
        ),
        [],
      );
    }
    for (const part of chunks(firsts.filter((m) => !conversations.has(m.platformConversationId)))) {
      const made = await t.all<{ id: number; platform_conversation_id: string; contact_id: number }>(
        `INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_message_at, version, opened_at) VALUES ${valuesList(part.length, '(?, ?, ?, ?, ?, ?)')}
           RETURNING id, platform_conversation_id, contact_id`,
        part.flatMap((m) => {
          const f = finals.get(m.platformConversationId)!;
          return [channelId, m.platformConversationId, contacts.get(m.contact.platformUserId)!.id, f.lastMessageAt, f.version, f.openedAt];
        }),
      );
      keep([], made);
    }
    return { contacts, conversations, locked };
  }
  const row = await t.get<{ contacts: ContactRow[]; held: ConversationRow[]; made: { id: number; platform_conversation_id: string; contact_id: number }[] }>(
    `WITH ct AS (INSERT INTO contacts (channel_id, platform_user_id, display_name, handle)
         SELECT ?, u.id, u.name, u.handle FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS u(id, name, handle)
         ${CONTACT_UPSERT}),
       held AS (SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE channel_id = ? AND platform_conversation_id = ANY(CAST(? AS TEXT[])) ORDER BY id FOR UPDATE),
       made AS (INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_message_at, version, opened_at)
         SELECT v.id, ?, v.conv, ct.id, v.at, v.version, v.opened
           FROM (SELECT u.*, nextval(s.seq) AS id
                   FROM (SELECT CAST(pg_get_serial_sequence('conversations', 'id') AS regclass) AS seq OFFSET 0) AS s,
                        unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]), CAST(? AS INTEGER[]), CAST(? AS BIGINT[])) AS u(conv, usr, at, version, opened)
                  WHERE NOT EXISTS (SELECT 1 FROM held WHERE held.platform_conversation_id = u.conv)) AS v
           JOIN ct ON ct.platform_user_id = v.usr
          ORDER BY v.conv
         ON CONFLICT (channel_id, platform_conversation_id) DO NOTHING
         RETURNING id, platform_conversation_id, contact_id)
     SELECT (SELECT COALESCE(json_agg(ct), '[]') FROM ct) AS contacts, (SELECT COALESCE(json_agg(held), '[]') FROM held) AS held,
            (SELECT COALESCE(json_agg(made), '[]') FROM made) AS made`,
    [
      channelId,
      merged.map(([userId]) => userId),
      merged.map(([, c]) => c.displayName),
      merged.map(([, c]) => c.handle),
      channelId,
      firsts.map((m) => m.platformConversationId),
      channelId,
      firsts.map((m) => m.platformConversationId),
      firsts.map((m) => m.contact.platformUserId),
      firsts.map((m) => finals.get(m.platformConversationId)!.lastMessageAt),
      firsts.map((m) => finals.get(m.platformConversationId)!.version),
      firsts.map((m) => finals.get(m.platformConversationId)!.openedAt),
    ],
  );
  const contacts: Contacts = new Map(row!.contacts.map((r) => [r.platform_user_id, contactOf(r)]));
  keep(row!.held, row!.made);
  const raced = firsts.filter((m) => !conversations.has(m.platformConversationId)).map((m) => m.platformConversationId);
  if (raced.length) {
    keep(
      await t.all<ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE channel_id = ? AND platform_conversation_id = ANY(CAST(? AS TEXT[])) ORDER BY id FOR UPDATE`, [
        channelId,
        raced,
      ]),
      [],
    );
    // Created and removed again before this statement (an erasure racing the batch): the batch rolls back, nothing stored.
    if (raced.some((p) => !conversations.has(p))) throw new Error('A conversation of this batch was removed while the batch was stored; nothing was stored.');
  }
  return { contacts, conversations, locked };
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
