import { INBOUND_LIMITS, type AttachmentKind, type InboundAttachment, type InboundMessage } from '../../shared/messages';
import type { DeliveryReceipt } from '../types';
import type { ParsedMail } from './parse';
import type { MailSettings } from './settings';
import { automaticKind, bouncedMessageId, senderSignals } from './signals';
import type { ThreadIndex } from './threading';

/** One message as fetched from the mailbox: its source (absent when it was too large to download). */
export interface FetchedMail {
  uid: number;
  uidValidity: string;
  size: number;
  /** Server arrival time: the mailbox's clock, which a sender cannot forge like a `Date` header. */
  arrivedAt: number;
  source?: Buffer;
  /** Only the header block, for a message too large to download. */
  headersOnly?: Buffer;
}

/** What one fetched message becomes: a message for the conversation view, a delivery receipt, or a count. */
export type MailOutcome =
  | { kind: 'message'; message: InboundMessage; parsed?: ParsedMail }
  | { kind: 'bounce'; receipt?: DeliveryReceipt }
  | { kind: 'auto-reply' };

const UNKNOWN_SENDER = 'unknown-sender';

/** Turns a parsed message into what the store keeps: subject and signals on top of the text, masked with it. */
export function toOutcome(f: FetchedMail, parsed: ParsedMail, s: MailSettings, threads: ThreadIndex): MailOutcome {
  const automatic = automaticKind({ from: parsed.from.address, contentType: parsed.contentType, headers: parsed.headers });
  if (automatic === 'bounce') {
    // The report's own Message-ID is in its header block; the returned message's is in the body after it.
    const raw = f.source ? f.source.toString('latin1') : '';
    const bodyAt = raw.search(/\r?\n\r?\n/);
    const about = (bodyAt >= 0 ? bouncedMessageId(raw.slice(bodyAt)) : null) ?? parsed.inReplyTo[0];
    return {
      kind: 'bounce',
      ...(about ? { receipt: { platformMessageId: about, state: 'failed' as const, reason: 'The customer\'s mail server returned this reply as undeliverable.' } } : {}),
    };
  }
  if (automatic === 'auto-reply') return { kind: 'auto-reply' };

  const platformMessageId = parsed.messageId ?? `sha256:${parsed.headerDigest}`;
  const conversation = threads.place({ messageId: platformMessageId, inReplyTo: parsed.inReplyTo, references: parsed.references });
  const fromUs = parsed.from.address === s.address;
  const notes = senderSignals({ displayName: parsed.from.name, address: parsed.from.address, authenticationResults: parsed.authenticationResults }, s.guardPolicy, s.authservId).map((sig) => `⚠ ${sig.explanation}`);
  if (f.headersOnly) notes.push(`⚠ This e-mail is ${megabytes(f.size)}, more than the ${megabytes(s.maxMessageBytes)} Diwan downloads. It stays in the mailbox; open it there.`);
  const html = !f.headersOnly && parsed.html ? parsed.html : undefined;
  const keepHtml = html !== undefined && html.length <= INBOUND_LIMITS.htmlChars;
  if (html !== undefined && !keepHtml) notes.push(`⚠ The HTML of this e-mail is ${megabytes(html.length)}, more than the ${megabytes(INBOUND_LIMITS.htmlChars)} Diwan keeps as its original; it stays in the mailbox.`);
  const body = f.headersOnly ? '' : parsed.text || (parsed.attachments.length ? '' : '(no text)');
  const text = [`Subject: ${parsed.subject || '(no subject)'}`, ...notes, '', body].join('\n').trimEnd();
  return {
    kind: 'message',
    parsed,
    message: {
      platformMessageId,
      platformConversationId: clampId(conversation, platformMessageId),
      contact: fromUs
        ? { platformUserId: s.address }
        : parsed.from.address
          ? { platformUserId: parsed.from.address, handle: parsed.from.address, ...(parsed.from.name ? { displayName: parsed.from.name } : {}) }
          : { platformUserId: UNKNOWN_SENDER },
      direction: fromUs ? 'out' : 'in',
      text,
      sentAt: f.arrivedAt,
      ...(parsed.attachments.length ? { attachments: attachments(f, parsed, s) } : {}),
      // The HTML as sent, sealed as the message's whole original; the view shows `text` (html.ts's safe text).
      ...(keepHtml ? { html } : {}),
    },
  };
}

/** A message the parser could not read: shown as a note in its own conversation, never blocking the mailbox. */
export function unreadableOutcome(f: FetchedMail, why: string): MailOutcome {
  const id = `imap:${f.uidValidity}:${f.uid}`;
  return {
    kind: 'message',
    message: {
      platformMessageId: id,
      platformConversationId: id,
      contact: { platformUserId: UNKNOWN_SENDER },
      direction: 'in',
      text: `⚠ An e-mail (${megabytes(f.size)}) could not be read: ${why}. It stays in the mailbox (UID ${f.uid}); open it there.`,
      sentAt: f.arrivedAt,
    },
  };
}

function attachments(f: FetchedMail, parsed: ParsedMail, s: MailSettings): InboundAttachment[] {
  return parsed.attachments.slice(0, 50).map((a) => ({
    kind: kindOf(a.mimeType),
    // Where to fetch it on demand; absent when it is larger than the channel allows.
    ...(a.partId && a.size <= s.maxAttachmentBytes ? { platformFileId: `${f.uidValidity}:${f.uid}:${a.partId}` } : {}),
    ...(a.fileName ? { fileName: a.fileName.slice(0, 255) } : {}),
    mimeType: a.mimeType.slice(0, 100),
    size: a.size,
  }));
}

function kindOf(mime: string): AttachmentKind {
  if (mime.startsWith('image/')) return 'photo';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('application/') || mime.startsWith('text/')) return 'document';
  return 'other';
}

function clampId(id: string, fallback: string): string {
  return id.length <= 256 ? id : fallback;
}

export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
