import crypto from 'node:crypto';
import { maskMessage, type MaskingHints } from '../core/masking';
import { DiwanError } from '../core/shared/errors';
import type { InboundMessage } from '../core/shared/messages';
import { FieldCipher } from '../core/vault';
import type { PreparedMessage } from './store';

/**
 * The hub's ingest step: mask the text, then encrypt the original text and each original field under the team's
 * originals key, with associated data binding team, message and field. Plaintext exists only in this call.
 * (The key-custody work replaces the symmetric key with sealing to a custodian's public key.)
 */
export class OriginalsSealer {
  private readonly cipher: FieldCipher;
  private readonly bindingKey: Buffer;

  constructor(
    private readonly team: string,
    key: Buffer,
    private readonly hints: () => MaskingHints | undefined = () => undefined,
  ) {
    if (key.length !== 32) throw new DiwanError('hub_originals_key_invalid', 'The hub secret `originals-key` must be 32 random bytes, base64-encoded (`openssl rand -base64 32`).');
    this.cipher = new FieldCipher({ current: 1, keys: new Map([[1, key]]) });
    this.bindingKey = Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), `hub:${team}:reply-binding`, 32));
  }

  /**
   * Binds an approval to one exact reply text: a keyed hash, so a database reader cannot test guesses of a value
   * the masked copy hides (a plain SHA-256 of a reply holding a ten-digit ID falls to brute force).
   */
  replyBinding(text: string): string {
    return crypto.createHmac('sha256', this.bindingKey).update(text, 'utf8').digest('hex');
  }

  private identity(messageId: number, part: string): string {
    return `hub:${this.team}:msg:${messageId}:${part}`;
  }

  /** Masks a text and returns what the store keeps (sealing runs inside the store's transaction, once the id is known). */
  prepareText(text: string): { maskedText: string; fields: Array<{ type: string; shown: string }>; seal: PreparedMessage['seal'] } {
    const masked = maskMessage(text, this.hints());
    const originals = masked.fields.map((f) => text.slice(f.originalStart, f.originalEnd));
    return {
      maskedText: masked.masked,
      fields: masked.fields.map((f) => ({ type: f.type, shown: f.shown })),
      seal: (messageId) => ({
        text: this.cipher.encrypt(this.identity(messageId, 'text'), text),
        fields: originals.map((o, n) => this.cipher.encrypt(this.identity(messageId, `field:${n}`), o)),
      }),
    };
  }

  prepare(m: InboundMessage): PreparedMessage {
    const p = this.prepareText(m.text);
    return {
      platformMessageId: m.platformMessageId,
      platformConversationId: m.platformConversationId,
      // A profile name can hold a phone number or an ID: it is stored masked, like the message itself.
      contact: { ...m.contact, ...(m.contact.displayName ? { displayName: this.prepareText(m.contact.displayName).maskedText } : {}) },
      direction: m.direction,
      maskedText: p.maskedText,
      sealedText: null,
      sentAt: m.sentAt,
      attachments: m.attachments ?? [],
      fields: p.fields,
      seal: p.seal,
    };
  }

  /** A whole inbound message held back by flood control: sealed as one, bound to its channel and platform id. */
  sealHeld(channelId: string, m: InboundMessage): Buffer {
    return this.cipher.encrypt(`hub:${this.team}:held:${channelId}:${m.platformMessageId}`, JSON.stringify(m));
  }

  openHeld(channelId: string, platformMessageId: string, blob: Buffer): InboundMessage {
    return JSON.parse(this.cipher.decrypt(`hub:${this.team}:held:${channelId}:${platformMessageId}`, blob)) as InboundMessage;
  }

  openField(messageId: number, n: number, blob: Buffer): string {
    return this.cipher.decrypt(this.identity(messageId, `field:${n}`), blob);
  }

  openText(messageId: number, blob: Buffer): string {
    return this.cipher.decrypt(this.identity(messageId, 'text'), blob);
  }
}
