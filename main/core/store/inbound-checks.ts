import type { StoreContext } from './context';
import type { Db } from './database';

/** A recorded check: flagged or not, and for a flagged message the flags' wording when it was recorded with them. */
export interface InboundOutcome {
  flagged: boolean;
  wording: string | null;
}

/**
 * Which of a conversation's inbound messages the scam check (main/core/guard) has already seen under given rules,
 * and whether it flagged them. The flags' wording depends on the reader's language and is made when shown; a
 * message recorded as not flagged is not checked again while the rules stay the same. A flagged message's outcome can
 * carry the flags' wording in each interface language (`wording`, opaque here: main/core/app/inbound-screen.ts makes
 * and reads it), so showing it needs no check either.
 */
export class InboundCheckRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(ctx: StoreContext) {
    this.s = statements(ctx.db);
  }

  /**
   * Message id → outcome, for the messages of the conversation checked under `rules`; `ids` bounds the message ids
   * (an opening needs its page's, not the whole conversation's: a range of the primary key).
   */
  of(conversationId: number, rules: string, ids?: { from: number; to: number }): Map<number, InboundOutcome> {
    const rows = (ids ? this.s.ofRange.all(conversationId, ids.from, ids.to, rules) : this.s.of.all(conversationId, rules)) as Array<{ message_id: number; flagged: number; wording: string | null }>;
    return new Map(rows.map((r) => [r.message_id, { flagged: r.flagged === 1, wording: r.wording }]));
  }

  /** Records outcomes; call inside the transaction that writes the opening (no disk sync of its own). */
  record(conversationId: number, rules: string, outcomes: Iterable<[messageId: number, flagged: boolean, wording?: string | null]>): void {
    for (const [messageId, flagged, wording] of outcomes) this.s.record.run(conversationId, messageId, rules, flagged ? 1 : 0, flagged ? (wording ?? null) : null);
  }
}

function statements(db: Db) {
  return {
    of: db.prepare('SELECT message_id, flagged, wording FROM inbound_checks WHERE conversation_id = ? AND rules = ?'),
    ofRange: db.prepare('SELECT message_id, flagged, wording FROM inbound_checks WHERE conversation_id = ? AND message_id BETWEEN ? AND ? AND rules = ?'),
    record: db.prepare(
      `INSERT INTO inbound_checks (conversation_id, message_id, rules, flagged, wording) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id, message_id) DO UPDATE SET rules = excluded.rules, flagged = excluded.flagged, wording = excluded.wording`,
    ),
  };
}
