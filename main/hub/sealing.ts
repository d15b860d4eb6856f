import { originalContext, sealAllTo } from '../core/custody';
import { maskMessage, type MaskingHints } from '../core/masking';
import { DiwanError } from '../core/shared/errors';
import type { InboundMessage } from '../core/shared/messages';
import { FieldCipher } from '../core/vault';
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

  constructor(
    private readonly team: string,
    private readonly key: SealingKeySource,
    outboxKey: Buffer | null,
    private readonly hints: () => MaskingHints | undefined = () => undefined,
  ) {
    if (outboxKey && outboxKey.length !== 32) throw new DiwanError('hub_outbox_key_invalid', 'The hub secret `outbox-key` must be 32 random bytes, base64-encoded (`openssl rand -base64 32`).');
    this.outbox = outboxKey ? new FieldCipher({ current: 1, keys: new Map([[1, outboxKey]]) }) : null;
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
        const [sealedText, ...fields] = sealAllTo(publicKey, epoch, [
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

  prepare(m: InboundMessage): PreparedMessage {
    const p = this.prepareText(m.text);
    return {
      platformMessageId: m.platformMessageId,
      platformConversationId: m.platformConversationId,
      contact: m.contact,
      direction: m.direction,
      maskedText: p.maskedText,
      sealedText: null,
      sentAt: m.sentAt,
      attachments: m.attachments ?? [],
      fields: p.fields,
      seal: p.seal,
    };
  }

  private outboxIdentity(messageId: number): string {
    return `hub:${this.team}:outbox:${messageId}`;
  }
}
