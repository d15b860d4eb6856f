import { CONTACT_FIELD_TYPES, contactDetails } from '../../core/store';
import type { ConversationView, CustomerPanelView } from '../../core/team';
import type { SqlExecutor } from './executor';

/** The customer's messages read for contact details, newest kept when a conversation has more. */
const MAX_DETAIL_MESSAGES = 1000;
/** As the single seat's panel: the ten most recent other conversations. */
const MAX_EARLIER = 10;

/** The panel's two statements (exported for the test of their plans): each a keyed range, never a scan. */
export const CUSTOMER_PANEL_SQL = {
  /** Parameters: conversation id, the contact field types, the limit. */
  details: `SELECT m.masked_text FROM messages m WHERE m.conversation_id = ? AND m.direction = 'in'
       AND EXISTS (SELECT 1 FROM message_fields f WHERE f.message_id = m.id AND f.type IN (${CONTACT_FIELD_TYPES.map(() => '?').join(', ')}))
     ORDER BY m.id DESC LIMIT ?`,
  /** Parameters: contact id, the conversation to leave out, the limit. */
  earlier: `SELECT c.id, c.channel_id, c.status, c.last_message_at,
       (SELECT m.masked_text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1) AS preview
     FROM conversations c WHERE c.contact_id = ? AND c.id <> ? ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
};

/**
 * A conversation's customer panel at the hub, for a console whose cache holds only part of it: the contact details
 * of every customer message that has a contact field (the panel's rule, `contactDetails`), and the contact's other
 * conversations that `mayRead` allows. Masked text only.
 */
export async function customerPanel(q: SqlExecutor, c: ConversationView, mayRead: (channelId: string) => boolean): Promise<CustomerPanelView> {
  const texts = await q.all<{ masked_text: string }>(CUSTOMER_PANEL_SQL.details, [c.id, ...CONTACT_FIELD_TYPES, MAX_DETAIL_MESSAGES]);
  const earlier = await q.all<{ id: number; channel_id: string; status: ConversationView['status']; last_message_at: number; preview: string | null }>(
    CUSTOMER_PANEL_SQL.earlier,
    [c.contact.id, c.id, MAX_EARLIER],
  );
  return {
    // Oldest first, as the customer gave them.
    fields: contactDetails(texts.map((t) => t.masked_text).reverse()),
    earlier: earlier
      .filter((e) => mayRead(e.channel_id))
      .map((e) => ({ id: Number(e.id), channelId: e.channel_id, status: e.status, lastMessageAt: Number(e.last_message_at), preview: e.preview ?? '' })),
  };
}
