import type { StoreContext } from './context';
import type { Db } from './database';

/**
 * Which of a conversation's inbound messages the scam check (main/core/guard) has already seen under given rules,
 * and whether it flagged them. The flags' wording depends on the reader's language and is made when shown; a
 * message recorded as not flagged is not checked again while the rules stay the same.
 */
export class InboundCheckRepository {
  private readonly s: ReturnType<typeof statements>;

  constructor(ctx: StoreContext) {
    this.s = statements(ctx.db);
  }

  /** Message id → flagged, for the messages of the conversation checked under `rules`. */
  of(conversationId: number, rules: string): Map<number, boolean> {
    const rows = this.s.of.all(conversationId, rules) as Array<{ message_id: number; flagged: number }>;
    return new Map(rows.map((r) => [r.message_id, r.flagged === 1]));
  }

  /** Records outcomes; call inside the transaction that writes the opening (no disk sync of its own). */
  record(conversationId: number, rules: string, outcomes: Iterable<[messageId: number, flagged: boolean]>): void {
    for (const [messageId, flagged] of outcomes) this.s.record.run(conversationId, messageId, rules, flagged ? 1 : 0);
  }
}

function statements(db: Db) {
  return {
    of: db.prepare('SELECT message_id, flagged FROM inbound_checks WHERE conversation_id = ? AND rules = ?'),
    record: db.prepare(
      `INSERT INTO inbound_checks (conversation_id, message_id, rules, flagged) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id, message_id) DO UPDATE SET rules = excluded.rules, flagged = excluded.flagged`,
    ),
  };
}
