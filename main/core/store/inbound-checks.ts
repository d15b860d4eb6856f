import type { StoreContext } from './context';
import type { Db } from './database';
import type { PageOutcomes } from './conversations';

/** A recorded check: flagged or not, and for a flagged message the flags' wording when it was recorded with them. */
export interface InboundOutcome {
  flagged: boolean;
  wording: string | null;
}

/**
 * An outcome as `messages.check_flags` holds it (migration 030): NULL when not flagged, else the wording, or '' for a
 * flagged message recorded without it. The one copy of that rule; the ingest path writes it with the message's insert.
 */
export function checkFlags(flagged: boolean, wording?: string | null): string | null {
  return flagged ? (wording ?? '') : null;
}

/**
 * Which of a conversation's inbound messages the scam check (main/core/guard) has already seen under given rules,
 * and whether it flagged them, kept on each message's row (`check_rules`, `check_flags`: migration 030). The flags'
 * wording depends on the reader's language and is made when shown; a message recorded as not flagged is not checked
 * again while the rules stay the same. A flagged message's outcome can carry the flags' wording in each interface
 * language (opaque here: main/core/app/inbound-screen.ts makes and reads it), so showing it needs no check either.
 */
export class InboundCheckRepository {
  private readonly s: ReturnType<typeof statements>;
  private readonly committed = new Map<string, number>();
  private readonly db: Db;

  constructor(ctx: StoreContext) {
    this.s = statements(ctx.db);
    this.db = ctx.db;
  }

  /**
   * Message id → outcome, for the inbound messages of the conversation checked under `rules`; `ids` bounds the message
   * ids (an opening needs its page's, not the whole conversation's).
   */
  of(conversationId: number, rules: string, ids?: { from: number; to: number }): Map<number, InboundOutcome> {
    const rows = this.s.of.all(conversationId, ids?.from ?? 0, ids?.to ?? Number.MAX_SAFE_INTEGER, rules) as Array<{ id: number; check_flags: string | null }>;
    return new Map(rows.map((r) => [r.id, { flagged: r.check_flags !== null, wording: r.check_flags || null }]));
  }

  /**
   * `of` for a page the caller has read (`ConversationRepository.page`): its inbound messages' outcomes recorded under
   * `rules`, from the page's own rows — no statement on `messages`; the rules' number is read once (`committedRulesId`).
   */
  onPage(rules: string, outcomes: PageOutcomes): Map<number, InboundOutcome> {
    const found = new Map<number, InboundOutcome>();
    if (!outcomes.size) return found;
    const rulesId = this.committedRulesId(rules);
    if (rulesId === undefined) return found;
    for (const [id, o] of outcomes) if (o.rules === rulesId) found.set(id, { flagged: o.flags !== null, wording: o.flags || null });
    return found;
  }

  /**
   * The number of `rules` when a committed row holds it: a row of `inbound_rules` is never changed or deleted, so a
   * number read outside a transaction is kept (one read inside it may be the transaction's own insert, which a
   * rollback frees for other rules: not kept, as `rulesId` says).
   */
  private committedRulesId(rules: string): number | undefined {
    const kept = this.committed.get(rules);
    if (kept !== undefined) return kept;
    const id = this.s.rulesId.get(rules) as number | undefined;
    if (id !== undefined && !this.db.inTransaction) this.committed.set(rules, id);
    return id;
  }

  /**
   * The number messages record `rules` by, added the first time these rules are used. Call inside the transaction
   * that writes the outcomes; not kept across transactions (a rolled-back one would leave a number no row holds).
   */
  rulesId(rules: string): number {
    const id = this.s.rulesId.get(rules) as number | undefined;
    return id ?? Number(this.s.addRules.run(rules).lastInsertRowid);
  }

  /** Records outcomes of the conversation's messages; call inside the transaction that writes the opening (no disk sync of its own). */
  record(conversationId: number, rules: string, outcomes: Iterable<[messageId: number, flagged: boolean, wording?: string | null]>): void {
    let rulesId: number | undefined;
    for (const [messageId, flagged, wording] of outcomes) {
      rulesId ??= this.rulesId(rules);
      this.s.record.run(rulesId, checkFlags(flagged, wording), messageId, conversationId);
    }
  }
}

function statements(db: Db) {
  return {
    // The conversation's entries of `messages_by_conversation`, the range tested on each entry (it holds the id) before
    // its row is read; `+id` keeps the planner off a range of the table's key, which holds every conversation's
    // messages between the page's first and last (migration 031 dropped the inbound messages' own index).
    of: db.prepare(
      `SELECT id, check_flags FROM messages
       WHERE conversation_id = ? AND +id BETWEEN ? AND ? AND direction = 'in' AND check_rules = (SELECT id FROM inbound_rules WHERE rules = ?)`,
    ),
    rulesId: db.prepare('SELECT id FROM inbound_rules WHERE rules = ?').pluck(),
    addRules: db.prepare('INSERT INTO inbound_rules (rules) VALUES (?)'),
    // One statement per outcome, by primary key: an opening records only the few its page had not (the ingest path
    // records its outcomes in the messages' inserts).
    record: db.prepare("UPDATE messages SET check_rules = ?, check_flags = ? WHERE id = ? AND conversation_id = ? AND direction = 'in'"),
  };
}
