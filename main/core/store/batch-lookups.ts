import type { Db } from './database';
import { LONE_SURROGATE } from './json-batch';

export interface ContactRow {
  id: number;
  display_name: string | null;
}


// CROSS JOIN keeps the batch's ids as the outer loop: with a plain JOIN the planner walked every contact and
// conversation of the channel for each id (a batch of 500 cost 150 µs a message).
const LOOKUP = `
  SELECT 0 AS kind, j.value AS key, c.id AS id, c.display_name AS name
    FROM json_each(@users) j CROSS JOIN contacts c ON c.channel_id = @channel AND c.platform_user_id = j.value
  UNION ALL
  SELECT 1, j.value, v.id, NULL
    FROM json_each(@conversations) j CROSS JOIN conversations v ON v.channel_id = @channel AND v.platform_conversation_id = j.value
  UNION ALL
  SELECT 2, j.value, a.conversation_id, NULL
    FROM json_each(@conversations) j CROSS JOIN conversation_aliases a ON a.channel_id = @channel AND a.alias = j.value`;

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    lookup: db.prepare(LOOKUP),
    contact: db.prepare('SELECT id, display_name FROM contacts WHERE channel_id = ? AND platform_user_id = ?'),
    conversation: db.prepare('SELECT id FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?').pluck(),
    alias: db.prepare('SELECT conversation_id FROM conversation_aliases WHERE channel_id = ? AND alias = ?').pluck(),
  };
}

/**
 * The contacts, conversations and aliases one ingest batch names, read in one statement before the batch is written
 * (issue #26, round 12: one look-up per new contact and per new conversation of a batch cost a statement each). The
 * batch's own writes are told here (`contactWritten`, `conversationAdded`, `aliasAdded`, `forget` after a re-keying),
 * so an answer is always what the database holds at that moment. A key the statement did not read — an id that is not
 * well-formed text reads differently through JSON than bound, and keys forgotten after a re-keying — is looked up on
 * its own, as before.
 */
export class BatchLookups {
  private readonly s: ReturnType<typeof prepare>;
  /** null: read, and the database holds none. */
  private readonly contacts = new Map<string, ContactRow | null>();
  private readonly conversations = new Map<string, number | null>();
  private readonly aliases = new Map<string, number | null>();

  constructor(
    db: Db,
    private readonly channelId: string,
    users: Iterable<string>,
    conversationIds: Iterable<string>,
  ) {
    let s = statements.get(db);
    if (!s) statements.set(db, (s = prepare(db)));
    this.s = s;
    const u = [...new Set(users)].filter((id) => !LONE_SURROGATE.test(id));
    const c = [...new Set(conversationIds)].filter((id) => !LONE_SURROGATE.test(id));
    for (const k of u) this.contacts.set(k, null);
    for (const k of c) {
      this.conversations.set(k, null);
      this.aliases.set(k, null);
    }
    const rows = s.lookup.all({ channel: channelId, users: JSON.stringify(u), conversations: JSON.stringify(c) }) as Array<{
      kind: 0 | 1 | 2;
      key: string;
      id: number;
      name: string | null;
    }>;
    for (const r of rows) {
      if (r.kind === 0) this.contacts.set(r.key, { id: r.id, display_name: r.name });
      else if (r.kind === 1) this.conversations.set(r.key, r.id);
      else this.aliases.set(r.key, r.id);
    }
  }

  contact(platformUserId: string): ContactRow | undefined {
    const known = this.contacts.get(platformUserId);
    if (known !== undefined) return known ?? undefined;
    return this.s.contact.get(this.channelId, platformUserId) as ContactRow | undefined;
  }

  /** The conversation keyed by `id` (its platform conversation id). */
  conversation(id: string): number | undefined {
    const known = this.conversations.get(id);
    if (known !== undefined) return known ?? undefined;
    return this.s.conversation.get(this.channelId, id) as number | undefined;
  }

  /** The conversation `id` is an alias of. */
  alias(id: string): number | undefined {
    const known = this.aliases.get(id);
    if (known !== undefined) return known ?? undefined;
    return this.s.alias.get(this.channelId, id) as number | undefined;
  }

  contactWritten(platformUserId: string, row: ContactRow): void {
    if (this.contacts.has(platformUserId)) this.contacts.set(platformUserId, row);
  }

  conversationAdded(id: string, conversationId: number): void {
    if (this.conversations.has(id)) this.conversations.set(id, conversationId);
  }

  /** After an `INSERT OR IGNORE` of the alias: it names `conversationId` unless it named one already. */
  aliasAdded(alias: string, conversationId: number): void {
    if (this.aliases.get(alias) === null) this.aliases.set(alias, conversationId);
  }

  /** After a conversation (and perhaps its contact) was re-keyed from one platform id to another. */
  forget(...ids: string[]): void {
    for (const id of ids) {
      this.contacts.delete(id);
      this.conversations.delete(id);
      this.aliases.delete(id);
    }
  }
}
