import type { Db } from '../db';
import { noteContactDetails } from '../contact-details';

const PAGE = 5000;

/**
 * The customer panel's contact details from the whole conversation (issue #26). They were read from the messages an
 * opening loads — since openings read only the latest page, a phone number given earlier was missing from the
 * panel. Ingest keeps them here (`noteContactDetails`); this fills them from the customer messages already stored
 * that carry a phone or e-mail field. A detail goes with its conversation, and with its latest mention (retention).
 */
export default {
  version: 24,
  name: 'contact-details',
  sql: `
    CREATE TABLE contact_details (
      conversation_id  INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      token            TEXT NOT NULL,
      label            TEXT NOT NULL,
      first_message_id INTEGER NOT NULL,
      first_ordinal    INTEGER NOT NULL,
      last_message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      PRIMARY KEY (conversation_id, token)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_details_last ON contact_details (last_message_id);
  `,
  run(db: Db): void {
    const ids = db.prepare("SELECT DISTINCT message_id FROM message_fields WHERE type IN ('PHONE', 'EMAIL') AND message_id > ? ORDER BY message_id LIMIT ?").pluck();
    const message = db.prepare("SELECT conversation_id, masked_text FROM messages WHERE id = ? AND direction = 'in'");
    let after = 0;
    for (;;) {
      const page = ids.all(after, PAGE) as number[];
      for (const id of page) {
        const m = message.get(id) as { conversation_id: number; masked_text: string } | undefined;
        if (m) noteContactDetails(db, m.conversation_id, id, m.masked_text);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
  },
};
