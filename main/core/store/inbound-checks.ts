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
    this.recordAcross(rules, [...outcomes].map(([messageId, flagged, wording]) => [conversationId, messageId, flagged, wording]));
  }

  /**
   * Records outcomes of messages in any conversations, in one statement (the ingest path: a batch's outcomes at once,
   * ≈ 2 µs of CPU a message less than a statement each).
   */
  recordAcross(rules: string, outcomes: ReadonlyArray<[conversationId: number, messageId: number, flagged: boolean, wording?: string | null]>): void {
    if (!outcomes.length) return;
    this.s.record.run(rules, JSON.stringify(outcomes.map(([c, m, flagged, wording]) => [c, m, flagged ? 1 : 0, flagged ? (wording ?? null) : null])));
  }
}

function statements(db: Db) {
  return {
    of: db.prepare('SELECT message_id, flagged, wording FROM inbound_checks WHERE conversation_id = ? AND rules = ?'),
    ofRange: db.prepare('SELECT message_id, flagged, wording FROM inbound_checks WHERE conversation_id = ? AND message_id BETWEEN ? AND ? AND rules = ?'),
    // `WHERE true`: an upsert's SELECT needs a WHERE clause to parse.
    record: db.prepare(
      `INSERT INTO inbound_checks (conversation_id, message_id, rules, flagged, wording)
         SELECT value ->> 0, value ->> 1, ?, value ->> 2, value ->> 3 FROM json_each(?) WHERE true
       ON CONFLICT (conversation_id, message_id) DO UPDATE SET rules = excluded.rules, flagged = excluded.flagged, wording = excluded.wording`,
    ),
  };
}
