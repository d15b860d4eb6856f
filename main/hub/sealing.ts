import crypto from 'node:crypto';
import { originalContext, SealingSession } from '../core/custody';
import { maskMessage, type MaskingHints } from '../core/masking';
import { DiwanError } from '../core/shared/errors';
import { INBOUND_LIMITS, type InboundMessage } from '../core/shared/messages';
import { WHOLE_ORIGINAL } from '../core/shared/vocabulary';
import { FieldCipher } from '../core/vault';
import { maskFileName } from '../core/store';
import { heldSenderName } from '../core/guard/flood/quarantine';
import type { PreparedMessage } from './store';

/** The key originals are sealed to now, as the custodian hands it out (`CustodianLink.sealingKey`). */
export type SealingKeySource = () => { epoch: number; publicKey: string };

/**
 * The hub's ingest step: mask the text, then seal the original text and each original field to the team's PUBLIC
 * key of the current epoch (`main/core/custody/seal.ts`), the associated data binding team, message, field, type
 * and epoch. The hub holds no private key: plaintext exists only in this call, and what it stores it cannot open.
 *
 * Replies are the one exception the hub needs in clear: it must send them. A queued reply's text is kept in the
 * outbox row under the hub's `outbox-key` until the platform accepts or refuses it for good, then erased; the
 * message keeps only the sealed copy.
 */
export class OriginalsSealer {
  private readonly outbox: FieldCipher | null;
  private readonly bindingKey: Buffer | null;
  private session: { s: SealingSession; publicKey: string; until: number; left: number } | null = null;

  constructor(
    private readonly team: string,
    private readonly key: SealingKeySource,
    outboxKey: Buffer | null,
    private readonly hints: () => MaskingHints | undefined = () => undefined,
  ) {
    if (outboxKey && outboxKey.length !== 32) throw new DiwanError('hub_outbox_key_invalid', 'The hub secret `outbox-key` must be 32 random bytes, base64-encoded (`openssl rand -base64 32`).');
    this.outbox = outboxKey ? new FieldCipher({ current: 1, keys: new Map([[1, outboxKey]]) }) : null;
    this.bindingKey = outboxKey ? Buffer.from(crypto.hkdfSync('sha256', outboxKey, Buffer.alloc(0), `hub:${team}:reply-binding`, 32)) : null;
  }

  /**
   * Binds an approval to one exact reply text: a keyed hash (from the hub's `outbox-key`), so a database reader
   * cannot test guesses of a value the masked copy hides (a plain SHA-256 of a reply holding a ten-digit ID falls to
   * brute force).
   */
  replyBinding(text: string): string {
    if (!this.bindingKey) throw missingOutboxKey();
    return crypto.createHmac('sha256', this.bindingKey).update(text, 'utf8').digest('hex');
  }

  /**
   * A whole inbound message held back by flood control: kept under the hub's `outbox-key` (the hub must be able to
   * release it into ingest later), bound to its channel and platform id.
   */
  sealHeld(channelId: string, m: InboundMessage): Buffer {
    if (!this.outbox) throw missingOutboxKey();
    return this.outbox.encrypt(`hub:${this.team}:held:${channelId}:${m.platformMessageId}`, JSON.stringify(m));
  }

  openHeld(channelId: string, platformMessageId: string, blob: Buffer): InboundMessage {
    if (!this.outbox) throw missingOutboxKey();
    return JSON.parse(this.outbox.decrypt(`hub:${this.team}:held:${channelId}:${platformMessageId}`, blob)) as InboundMessage;
  }

  /**
   * A held message as a lead or administrator sees it before deciding (`GET /v1/quarantine/messages`): the sender's
   * name or handle (never the platform id) and the text, each masked by the ingest's rule; nothing of it is kept.
   */
  maskedHeld(m: InboundMessage): { sender: string; text: string } {
    return { sender: maskMessage(heldSenderName(m), this.hints()).masked, text: maskMessage(m.text, this.hints()).masked };
  }

  /**
   * An inbound event waiting at the hub for the device a relayed channel names (`store/relay-queue.ts`): under the hub's
   * `outbox-key`, bound to the channel, the device and the event, until the device acknowledges it and the row is erased.
   */
  sealRelayed(channelId: string, device: string, dedup: string, payload: string): Buffer {
    if (!this.outbox) throw missingOutboxKey();
    return this.outbox.encrypt(`hub:${this.team}:relay:${channelId}:${device}:${dedup}`, payload);
  }

  openRelayed(channelId: string, device: string, dedup: string, blob: Buffer): string {
    if (!this.outbox) throw missingOutboxKey();
    return this.outbox.decrypt(`hub:${this.team}:relay:${channelId}:${device}:${dedup}`, blob);
  }

  /**
   * A person's TOTP secret as the hub keeps it (`users.totp_secret`, `totp_enrolments`): under the hub's `outbox-key`,
   * bound to the team and the person, so a database reader gets nothing and a secret copied to another row fails.
   */
  sealSecondFactor(userId: number, secret: string): string {
    if (!this.outbox) throw missingOutboxKey();
    return SEALED_FACTOR + this.outbox.encrypt(this.factorIdentity(userId), secret).toString('base64');
  }

  /** The secret behind a stored value; one IT wrote in clear (`diwan hub` before sealing) is read as it is. */
  openSecondFactor(userId: number, stored: string): string {
    if (!stored.startsWith(SEALED_FACTOR)) return stored;
    if (!this.outbox) throw missingOutboxKey();
    return this.outbox.decrypt(this.factorIdentity(userId), Buffer.from(stored.slice(SEALED_FACTOR.length), 'base64'));
  }

  /**
   * A channel secret an administrator typed into a console (or a connector rotated), as every node reads it from the
   * database (`hub_secrets`): under the hub's `outbox-key`, bound to the team and the secret's name.
   */
  sealSecret(name: string, value: string): Buffer {
    if (!this.outbox) throw missingOutboxKey();
    return this.outbox.encrypt(`hub:${this.team}:secret:${name}`, value);
  }

  openSecret(name: string, blob: Buffer): string {
    if (!this.outbox) throw missingOutboxKey();
    return this.outbox.decrypt(`hub:${this.team}:secret:${name}`, blob);
  }

  private factorIdentity(userId: number): string {
    return `hub:${this.team}:totp:${userId}`;
  }

  /** Masks a text and returns what the store keeps (sealing runs inside the store's transaction, once the id is known). */
  prepareText(text: string): { maskedText: string; fields: Array<{ type: string; shown: string }>; seal: PreparedMessage['seal'] } {
    const masked = maskMessage(text, this.hints());
    const originals = masked.fields.map((f) => ({ type: f.type, value: text.slice(f.originalStart, f.originalEnd) }));
    const { epoch, publicKey } = this.key();
    return {
      maskedText: masked.masked,
      fields: masked.fields.map((f) => ({ type: f.type, shown: f.shown })),
      seal: (messageId) => {
        const [sealedText, ...fields] = this.sessionFor(publicKey, epoch, 1 + originals.length).sealAll([
          { context: originalContext(this.team, messageId, 'text'), plain: text },
          ...originals.map((o, n) => ({ context: originalContext(this.team, messageId, { field: n, type: o.type }), plain: o.value })),
        ]);
        return { text: sealedText!, fields };
      },
    };
  }

  /** A reply: sealed like any message, plus the outbox's own copy that lives until the platform has it. */
  prepareReply(text: string): ReturnType<OriginalsSealer['prepareText']> & { outboxText: (messageId: number) => Buffer } {
    if (!this.outbox) throw new DiwanError('hub_secret_missing', 'The hub needs the secret "outbox-key" to queue replies (docs/IT-GUIDE.md, "Hub secrets").');
    const cipher = this.outbox;
    return { ...this.prepareText(text), outboxText: (messageId) => cipher.encrypt(this.outboxIdentity(messageId), text) };
  }

  openOutbox(messageId: number, blob: Buffer): string {
    if (!this.outbox) throw new DiwanError('hub_secret_missing', 'The hub needs the secret "outbox-key" to send replies.');
    return this.outbox.decrypt(this.outboxIdentity(messageId), blob);
  }

  /**
   * What the store keeps of an inbound message. The masking is deferred until a masked part is first read or the store
   * calls `ready()`: `HubStore.ingest` does that while its first statement is in flight, so masking runs beside the
   * database instead of before it, and a copy flood control holds or a redelivered duplicate is never masked here.
   */
  prepare(m: InboundMessage): PreparedMessage {
    let done: Masked | null = null;
    const masked = (): Masked => (done ??= this.maskNow(m));
    return {
      platformMessageId: m.platformMessageId,
      platformConversationId: m.platformConversationId,
      get contact() {
        return masked().contact;
      },
      direction: m.direction,
      get maskedText() {
        return masked().maskedText;
      },
      sealedText: null,
      sentAt: m.sentAt,
      get attachments() {
        return masked().attachments;
      },
      get fields() {
        return masked().fields;
      },
      seal: (messageId) => masked().seal(messageId),
      ready: () => void masked(),
      ...(m.aliases?.length ? { aliases: m.aliases } : {}),
      ...(m.movesTo ? { movesTo: m.movesTo } : {}),
      ...(m.revises ? { revises: m.revises } : {}),
    };
  }

  private maskNow(m: InboundMessage): Masked {
    const p = this.withWholeOriginal(this.prepareText(m.text), m.html);
    return {
      // A profile name can hold a phone number or an ID: it is stored masked, like the message itself.
      contact: { ...m.contact, ...(m.contact.displayName ? { displayName: this.prepareText(m.contact.displayName).maskedText } : {}) },
      maskedText: p.maskedText,
      // The platform's reference stays at the hub (it opens the file); consoles get `attachmentViews` of this.
      attachments: (m.attachments ?? []).map((a) => ({ ...a, ...(a.fileName ? { fileName: maskFileName((t) => ({ masked: this.prepareText(t).maskedText }), a.fileName) } : {}) })),
      fields: p.fields,
      seal: p.seal,
    };
  }

  /**
   * The message's whole original (an e-mail's HTML), sealed as one more field after the masked ones under the
   * `WHOLE_ORIGINAL` type: revealed, approved and opened by the custodian exactly like a field. One too large to keep
   * is not kept (the connector already said so in the text).
   */
  private withWholeOriginal(p: ReturnType<OriginalsSealer['prepareText']>, html: string | undefined): ReturnType<OriginalsSealer['prepareText']> {
    if (typeof html !== 'string' || html.length > INBOUND_LIMITS.htmlChars) return p;
    const n = p.fields.length;
    const { epoch, publicKey } = this.key();
    return {
      ...p,
      fields: [...p.fields, { type: WHOLE_ORIGINAL, shown: '' }],
      seal: (messageId) => {
        const sealed = p.seal(messageId);
        const original = this.sessionFor(publicKey, epoch, 1).seal(originalContext(this.team, messageId, { field: n, type: WHOLE_ORIGINAL }), html);
        return { ...sealed, fields: [...sealed.fields, original] };
      },
    };
  }

  /**
   * One key agreement for the messages of a burst (`SealingSession`): a session serves at most SESSION_VALUES values
   * and SESSION_MS, then is dropped, so its ephemeral key is in this process's memory no longer than the plaintexts
   * it sealed were.
   */
  private sessionFor(publicKey: string, epoch: number, values: number): SealingSession {
    const now = Date.now();
    const cur = this.session;
    if (cur && cur.publicKey === publicKey && cur.s.epoch === epoch && cur.until > now && cur.left >= values) {
      cur.left -= values;
      return cur.s;
    }
    this.session = { s: new SealingSession(publicKey, epoch), publicKey, until: now + SESSION_MS, left: SESSION_VALUES - values };
    return this.session.s;
  }

  private outboxIdentity(messageId: number): string {
    return `hub:${this.team}:outbox:${messageId}`;
  }
}

type Masked = Pick<PreparedMessage, 'contact' | 'maskedText' | 'attachments' | 'fields' | 'seal'>;

const SEALED_FACTOR = 'sealed:v1:';
const SESSION_MS = 1000;
const SESSION_VALUES = 1024;

const missingOutboxKey = () => new DiwanError('hub_secret_missing', 'The hub needs the secret "outbox-key" for replies, held messages, second-factor secrets and channel secrets set from a console (docs/IT-GUIDE.md, "Hub secrets").');
