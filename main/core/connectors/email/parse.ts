import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { MailParser, type AddressObject, type AttachmentStream, type HeaderLines, type MessageText } from 'mailparser';
import { htmlToSafeText } from './html';
import { messageIds, normaliseMessageId } from './threading';

export interface MailAttachment {
  fileName?: string;
  mimeType: string;
  size: number;
  /** The IMAP body part (`1.2`) to fetch it from the mailbox on demand. */
  partId: string | null;
}

/** One message as the connector needs it. Text is the safe text; `html` the original HTML (kept, never shown). */
export interface ParsedMail {
  /** `Message-ID` without brackets; null when the message has none (or an unusable one). */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { name: string; address: string };
  replyTo?: string;
  subject: string;
  date?: number;
  text: string;
  html?: string;
  attachments: MailAttachment[];
  /** Lower-case header name → its unfolded raw value (first occurrence). */
  headers: Map<string, string>;
  /** Every `Authentication-Results` value, topmost first. */
  authenticationResults: string[];
  contentType: string;
  /** A digest of the header block: a stable id for a message without a usable Message-ID. */
  headerDigest: string;
}

/**
 * Parses a raw message with mailparser's streaming parser: attachments are counted as they stream past and never
 * held in memory; HTML becomes safe text here. Throws on a message that cannot be read at all.
 */
export async function parseMail(source: Buffer): Promise<ParsedMail> {
  const parser = new MailParser({ skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const attachments: MailAttachment[] = [];
  let lines: HeaderLines = [];
  let text: MessageText | undefined;
  parser.on('headerLines', (l: HeaderLines) => (lines = l));
  parser.on('data', (part: AttachmentStream | MessageText) => {
    if (part.type === 'text') {
      text = part;
      return;
    }
    let size = 0;
    part.content.on('data', (chunk: Buffer) => (size += chunk.length));
    part.content.on('end', () => {
      attachments.push({ fileName: part.filename, mimeType: part.contentType, size, partId: part.partId });
      part.release?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
    Readable.from([source]).pipe(parser);
  });

  const headers = new Map<string, string>();
  const auth: string[] = [];
  for (const { key, line } of lines) {
    const value = unfold(line.slice(line.indexOf(':') + 1));
    if (key === 'authentication-results') auth.push(value);
    if (!headers.has(key)) headers.set(key, value);
  }
  const parsedHeaders = parser.headers || new Map();
  const from = firstAddress(parsedHeaders.get('from') as AddressObject | undefined);
  const replyTo = firstAddress(parsedHeaders.get('reply-to') as AddressObject | undefined);
  const date = parsedHeaders.get('date');
  const html = text?.html || undefined;
  const plain = text?.text?.trim();
  const headerEnd = source.indexOf('\r\n\r\n') >= 0 ? source.indexOf('\r\n\r\n') : source.indexOf('\n\n');
  return {
    messageId: usableId(normaliseMessageId(headers.get('message-id'))),
    inReplyTo: messageIds(headers.get('in-reply-to')),
    references: messageIds(headers.get('references')),
    from,
    ...(replyTo.address && replyTo.address !== from.address ? { replyTo: replyTo.address } : {}),
    subject: parser.subject ?? '',
    ...(date instanceof Date && !Number.isNaN(date.getTime()) ? { date: date.getTime() } : {}),
    text: plain || (html ? htmlToSafeText(html) : ''),
    ...(html ? { html } : {}),
    attachments,
    headers,
    authenticationResults: auth,
    contentType: headers.get('content-type') ?? 'text/plain',
    headerDigest: createHash('sha256').update(source.subarray(0, headerEnd < 0 ? source.length : headerEnd)).digest('hex').slice(0, 40),
  };
}

function unfold(v: string): string {
  return v.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function firstAddress(a: AddressObject | undefined): { name: string; address: string } {
  const first = a?.value?.[0];
  const address = (first?.address ?? '').trim().toLowerCase();
  return { name: (first?.name ?? '').trim(), address };
}

/** Message-IDs go into the store's 256-character id column; a longer one is treated as missing. */
function usableId(id: string | null): string | null {
  return id && id.length <= 200 ? id : null;
}
