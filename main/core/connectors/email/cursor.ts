/**
 * Where the channel is in its IMAP mailbox: the mailbox's UIDVALIDITY and the highest UID stored. Saved by the
 * runtime in the same transaction as the messages it covers, so a crash never skips or repeats a committed batch.
 * A UID means nothing under another UIDVALIDITY: when the server changes it the mailbox is read again from the start
 * and Message-ID de-duplication keeps what is already stored from coming twice.
 */
export interface MailCursor {
  uidValidity: string;
  lastUid: number;
}

const PREFIX = 'imap1';

export function formatCursor(c: MailCursor): string {
  return `${PREFIX}:${c.uidValidity}:${c.lastUid}`;
}

/** The stored cursor, or null when there is none or it is not one of ours (then the mailbox is read from the start). */
export function parseCursor(raw: string | null): MailCursor | null {
  if (!raw) return null;
  const m = /^imap1:(\d{1,20}):(\d{1,10})$/.exec(raw);
  if (!m) return null;
  return { uidValidity: m[1]!, lastUid: Number(m[2]) };
}
