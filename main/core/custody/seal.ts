import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';

/**
 * Sealing to a public key (an ECIES construction from `node:crypto` only): a fresh X25519 key pair per message, the
 * shared secret through HKDF-SHA256 (salt: both public keys) into an AES-256-GCM key, and associated data that
 * names what the value is (team, message, field, type) and the key epoch — so a blob moved to another row, another
 * team or another epoch does not open. Whoever holds only the public key (the hub) can seal but never open.
 *
 * Blob: version (1) | epoch (u32 BE) | ephemeral public key (32) | IV (12) | tag (16) | ciphertext.
 */
const VERSION = 1;
const HEADER = 1 + 4 + 32 + 12 + 16;
const INFO = Buffer.from('diwan-seal/1');

export interface SealingKeyPair {
  epoch: number;
  /** Raw 32-byte X25519 public key, base64. */
  publicKey: string;
  privateKey: crypto.KeyObject;
}

export function generateSealingKey(epoch: number): SealingKeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('x25519');
  return { epoch, publicKey: rawPublic(publicKey), privateKey };
}

export function rawPublic(key: crypto.KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url').toString('base64');
}

export function x25519Public(b64: string): crypto.KeyObject {
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 32) throw new DiwanError('sealing_key_malformed', 'A sealing public key must be the base64 of 32 bytes.');
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The raw 32-byte private scalar (what a key file keeps, encrypted). */
export function privateBytes(key: crypto.KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).d as string, 'base64url');
}

export function x25519Private(raw: Buffer): crypto.KeyObject {
  if (raw.length !== 32) throw new DiwanError('sealing_key_malformed', 'A sealing private key must be 32 bytes.');
  return crypto.createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

/** PKCS#8 DER of an X25519 private key is this fixed prefix and the 32-byte scalar (RFC 8410). */
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

function aad(context: string, epoch: number): Buffer {
  return Buffer.from(`diwan-seal/1\n${context}\nepoch:${epoch}`, 'utf8');
}

function derive(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), INFO, 32));
}

/** Seals `plain` to `recipientPublicKey` (raw base64). `context` is bound as associated data with the epoch. */
export function sealTo(recipientPublicKey: string, epoch: number, context: string, plain: string): Buffer {
  return sealAllTo(recipientPublicKey, epoch, [{ context, plain }])[0]!;
}

/** Seals the values of one message together (see `SealingSession`). */
export function sealAllTo(recipientPublicKey: string, epoch: number, items: ReadonlyArray<{ context: string; plain: string }>): Buffer[] {
  return new SealingSession(recipientPublicKey, epoch).sealAll(items);
}

/**
 * One ephemeral X25519 key and one key agreement, shared by the values sealed through it — the values of one
 * message, or of one chunk of an ingest batch. Each value still has its own random IV and its own associated data
 * (so each blob opens alone, and only under its own context and epoch), and the blob format is unchanged: a blob
 * carries the ephemeral public key, so the custodian opens it exactly as a blob sealed alone. The derived key never
 * leaves this object, which the caller drops after the chunk; a session refuses more than `MAX_VALUES` values so
 * random 96-bit IVs stay far inside AES-GCM's limit for one key (2^32).
 */
export class SealingSession {
  static readonly MAX_VALUES = 1 << 20;
  private readonly key: Buffer;
  private readonly head: Buffer;
  private used = 0;
  /**
   * Random IVs drawn ahead, `IV_DRAW` at a time: one call to the system's random source per draw, not one per value
   * (#26: that call was ≈ a third of sealing's CPU on the ingest path). IVs are public (each blob carries its own) and
   * as random as before; the draw is this session's and goes with it.
   */
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  constructor(
    recipientPublicKey: string,
    readonly epoch: number,
  ) {
    const recipient = recipientKey(recipientPublicKey);
    const eph = crypto.generateKeyPairSync('x25519');
    const ephRaw = eph.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    this.key = derive(crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: recipient.key }), ephRaw, recipient.raw);
    this.head = Buffer.alloc(5 + 32);
    this.head.writeUInt8(VERSION, 0);
    this.head.writeUInt32BE(epoch, 1);
    ephRaw.copy(this.head, 5);
  }

  sealAll(items: ReadonlyArray<{ context: string; plain: string }>): Buffer[] {
    return items.map(({ context, plain }) => this.seal(context, plain));
  }

  seal(context: string, plain: string): Buffer {
    if (++this.used > SealingSession.MAX_VALUES) throw new DiwanError('sealing_session_spent', 'This sealing session has sealed its maximum number of values; start a new one.');
    if (this.ivAt === this.ivs.length) {
      this.ivs = crypto.randomBytes(12 * IV_DRAW);
      this.ivAt = 0;
    }
    const iv = this.ivs.subarray(this.ivAt, (this.ivAt += 12));
    const c = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(aad(context, this.epoch));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([this.head, iv, c.getAuthTag(), ct]);
  }
}

/** IVs a `SealingSession` draws from the random source at once (a chunk of 128 messages seals ≈ 170 values). */
const IV_DRAW = 64;

/** Parsed recipient keys, by their base64: a process seals to one or two keys (the current epoch's), not thousands. */
const recipients = new Map<string, { key: crypto.KeyObject; raw: Buffer }>();
function recipientKey(b64: string): { key: crypto.KeyObject; raw: Buffer } {
  let hit = recipients.get(b64);
  if (!hit) {
    if (recipients.size >= 16) recipients.clear();
    hit = { key: x25519Public(b64), raw: Buffer.from(b64, 'base64') };
    recipients.set(b64, hit);
  }
  return hit;
}

/** The epoch a blob was sealed under (to pick the private key), without opening it. */
export function epochOf(blob: Buffer): number {
  if (blob.length < HEADER || blob[0] !== VERSION) throw new DiwanError('sealed_malformed', 'This sealed value is damaged or not a Diwan sealed value.');
  return blob.readUInt32BE(1);
}

/** Opens a blob with the recipient's private key; any change to the blob, its context or its epoch is refused. */
export function openSealed(privateKey: crypto.KeyObject, context: string, blob: Buffer): string {
  const epoch = epochOf(blob);
  const ephRaw = blob.subarray(5, 37);
  const iv = blob.subarray(37, 49);
  const tag = blob.subarray(49, 65);
  const recipientRaw = Buffer.from(rawPublic(crypto.createPublicKey(privateKey)), 'base64');
  let shared: Buffer;
  try {
    shared = crypto.diffieHellman({ privateKey, publicKey: x25519Public(ephRaw.toString('base64')) });
  } catch {
    throw new DiwanError('sealed_malformed', 'This sealed value is damaged or not a Diwan sealed value.');
  }
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', derive(shared, ephRaw, recipientRaw), iv);
    d.setAAD(aad(context, epoch));
    d.setAuthTag(tag);
    return Buffer.concat([d.update(blob.subarray(HEADER)), d.final()]).toString('utf8');
  } catch {
    throw new DiwanError('sealed_mismatch', 'This sealed value does not open with this key for this message and field (moved, altered or sealed for someone else).');
  }
}

/** What a sealed original is bound to: `hub:<team>:msg:<id>:field:<n>:<TYPE>` or `hub:<team>:msg:<id>:text`. */
export function originalContext(team: string, messageId: number, part: { field: number; type: string } | 'text'): string {
  return part === 'text' ? `hub:${team}:msg:${messageId}:text` : `hub:${team}:msg:${messageId}:field:${part.field}:${part.type}`;
}

/** What a value re-sealed for one device is bound to: the reveal and the device's single-use request nonce. */
export function revealContext(revealId: number, nonce: string): string {
  return `reveal:${revealId}:nonce:${nonce}`;
}
