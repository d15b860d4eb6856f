import { parseMaskedText } from '../masking';
import type { Db } from './db';
import { cachedStatement } from './statement-cache';

/** Types that are ways to reach the customer: the panel lists them, still masked, as the customer gave them. */
export const CONTACT_FIELD_TYPES = ['PHONE', 'EMAIL'] as const;
const CONTACT_TYPES = new Set<string>(CONTACT_FIELD_TYPES);
/** The panel shows at most this many. */
export const MAX_CONTACT_DETAILS = 20;

/**
 * The customer's contact details in their own messages (oldest first), one per type and hint, as masked tokens: the
 * panel shows chips, and revealing one is done on the message, with a reason.
 */
export function contactDetails(maskedTexts: string[]): Array<{ label: string; maskedText: string }> {
  const seen = new Set<string>();
  const out: Array<{ label: string; maskedText: string }> = [];
  for (const text of maskedTexts) {
    for (const s of parseMaskedText(text)) {
      if (s.kind !== 'token' || !CONTACT_TYPES.has(s.type) || seen.has(`${s.type}:${s.shown}`)) continue;
      seen.add(`${s.type}:${s.shown}`);
      out.push({ label: s.type, maskedText: text.slice(s.start, s.end) });
    }
  }
  return out.slice(0, MAX_CONTACT_DETAILS);
}

/** Whether a message with fields of these types may give contact details (`noteContactDetails` need not read it). */
export const mayGiveContactDetails = (fieldTypes: Iterable<string>): boolean => [...fieldTypes].some((t) => CONTACT_TYPES.has(t));

/**
 * Keeps the contact details a customer's message gives in `contact_details` (migration 024), so the panel reads the
 * whole conversation's in one range instead of the messages on screen. A detail lives while its latest mention does.
 */
export function noteContactDetails(db: Db, conversationId: number, messageId: number, maskedText: string): void {
  const upsert = cachedStatement(
    db,
    `INSERT INTO contact_details (conversation_id, token, label, first_message_id, first_ordinal, last_message_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id, token) DO UPDATE SET last_message_id = max(last_message_id, excluded.last_message_id)`,
  );
  contactDetails([maskedText]).forEach((d, i) => upsert.run(conversationId, d.maskedText, d.label, messageId, i, messageId));
}

/** The conversation's contact details, in the order the customer first gave them (`contactDetails` over all of it). */
export function conversationContactDetails(db: Db, conversationId: number): Array<{ label: string; maskedText: string }> {
  return cachedStatement(
    db,
    `SELECT label, token AS maskedText FROM contact_details WHERE conversation_id = ? ORDER BY first_message_id, first_ordinal LIMIT ${MAX_CONTACT_DETAILS}`,
  ).all(conversationId) as Array<{ label: string; maskedText: string }>;
}
