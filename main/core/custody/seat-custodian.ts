import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../shared/errors';
import type { Vault } from '../vault';
import { CustodianLog } from './custodian-log';
import { epochAt, EpochKeys, keyEncryptionKey, type EpochLength, type EpochRetention } from './epoch-keys';
import { signStatement } from './grant';
import { epochOf, openSealed, originalContext } from './seal';
import { checkSeatGrant, SEAT_GRANT_DOMAIN, SEAT_GRANT_MAX_LIFE_MS, type SeatGrant, type SignedSeatGrant } from './seat-grant';

export interface SeatCustodianOptions {
  seat: string;
  keys: EpochKeys;
  log: CustodianLog;
  grantKey: crypto.KeyObject;
  epochLength: EpochLength;
  /** Keep this many epochs' keys (the current one included); older ones are destroyed. Absent: keep all. */
  retainEpochs?: number;
  approvalRequired: () => readonly string[];
  rateLimit: { perUser: number; windowMs: number };
  now: () => number;
}

export class SeatRefusal extends DiwanError {}

/**
 * The custodian of a single-seat console, in the console's own process: the same epoch key files
 * (`EpochKeys`), the same hash-chained log (`CustodianLog`) and the same sealing rule as `diwan custodian`, checking
 * the grants the console's reveal rules sign (`checkSeatGrant`). Every answer, yes or no, is in its log before it
 * is given. It keeps the structure, not the separation: whoever controls this machine and its keychain holds both
 * the signing key and the private keys (docs/SECURITY.md, "Single-seat custody").
 */
export class SeatCustodian {
  private readonly maxLog: number;
  private retention: EpochRetention;
  private lastKey: { epoch: number; length: EpochLength; key: { epoch: number; publicKey: string } } | null = null;

  constructor(private readonly o: SeatCustodianOptions) {
    this.maxLog = Math.max(o.rateLimit.windowMs, 2 * SEAT_GRANT_MAX_LIFE_MS);
    this.retention = { epoch: o.epochLength, retainEpochs: o.retainEpochs };
  }

  /**
   * IT's setting from the signed policy (`custody`), or the console's own when the policy has none. Takes effect at
   * once: the next sealing key follows the new length, and epochs past the new retention are destroyed now.
   */
  setRetention(r: EpochRetention): number[] {
    const same = JSON.stringify(r.epoch) === JSON.stringify(this.retention.epoch) && r.retainEpochs === this.retention.retainEpochs;
    this.retention = { epoch: r.epoch, retainEpochs: r.retainEpochs };
    return same ? [] : this.applyRetention();
  }

  get epochRetention(): EpochRetention {
    return this.retention;
  }

  get seat(): string {
    return this.o.seat;
  }

  /** The key originals are sealed to now, rotating into a new epoch (and applying retention) when its period begins. */
  sealingKey(): { epoch: number; publicKey: string } {
    // Asked for every batch (and every re-sealed value): the directory is read only when a new period may have begun.
    const last = this.lastKey;
    if (last && last.epoch === epochAt(this.o.now(), this.retention.epoch) && last.length === this.retention.epoch) return last.key;
    const before = new Set(this.o.keys.epochs());
    const k = this.o.keys.current(this.o.now(), this.retention.epoch);
    if (!before.has(k.epoch)) {
      this.o.log.append({ at: this.o.now(), event: 'epoch.created', epoch: k.epoch });
      this.applyRetention();
    }
    const key = { epoch: k.epoch, publicKey: k.publicKey };
    this.lastKey = { epoch: k.epoch, length: this.retention.epoch, key };
    return key;
  }

  /** Destroys the keys of epochs older than the retention keeps; their originals can never be opened again. */
  applyRetention(): number[] {
    const now = this.o.now();
    const current = epochAt(now, this.retention.epoch);
    const out = this.o.keys.expired(now, this.retention.epoch, this.retention.retainEpochs);
    for (const e of out) {
      this.o.keys.shred(e, now, current);
      this.o.log.append({ at: now, event: 'epoch.shredded', epoch: e, detail: `retain:${this.retention.retainEpochs}` });
    }
    return out;
  }

  epochs(): { held: number[]; shredded: number[] } {
    return { held: this.o.keys.epochs(), shredded: this.o.keys.shredded() };
  }

  /** Opens the one field a valid reveal grant names; `sealed` is that field's stored blob. */
  openField(wire: unknown, sealed: Buffer): string {
    const g = this.check(wire, 'reveal');
    const about = this.about(g);
    try {
      const value = openSealed(this.o.keys.privateKey(epochOf(sealed)), originalContext(this.o.seat, g.messageId!, { field: g.field!, type: g.type! }), sealed);
      this.o.log.append({ ...about, event: 'reveal.opened', epoch: epochOf(sealed) });
      return value;
    } catch (e) {
      const code = e instanceof DiwanError ? e.code : 'sealed_malformed';
      this.o.log.append({ ...about, event: 'reveal.refused', code });
      throw e instanceof DiwanError ? new SeatRefusal(code, e.message) : new SeatRefusal(code, 'The sealed value could not be opened.');
    }
  }

  /**
   * Opens an administrator's export of one customer: each item under its own context (which must be this seat's).
   * An item whose epoch was destroyed comes back null: its original is gone, the masked text stays.
   */
  openExport(wire: unknown, items: ReadonlyArray<{ context: string; sealed: Buffer }>): Array<string | null> {
    const g = this.check(wire, 'export');
    const prefix = `hub:${this.o.seat}:`;
    if (items.some((i) => !i.context.startsWith(prefix))) {
      this.o.log.append({ ...this.about(g), event: 'export.refused', code: 'grant_other_seat' });
      throw new SeatRefusal('grant_other_seat', 'An export can only open this database\'s own originals.');
    }
    let shredded = 0;
    const out = items.map((i) => {
      try {
        return openSealed(this.o.keys.privateKey(epochOf(i.sealed)), i.context, i.sealed);
      } catch (e) {
        if ((e as DiwanError).code !== 'epoch_shredded') throw e;
        shredded++;
        return null;
      }
    });
    this.o.log.append({ ...this.about(g), event: 'export.opened', count: items.length - shredded });
    return out;
  }

  private check(wire: unknown, kind: SeatGrant['kind']): SeatGrant {
    const now = this.o.now();
    const windowStart = now - this.o.rateLimit.windowMs;
    const recent = this.o.log.since(now - this.maxLog);
    const opened = (e: { event: string }) => e.event === 'reveal.opened' || e.event === 'export.opened';
    const verdict = checkSeatGrant(wire, {
      seat: this.o.seat,
      kind,
      now,
      grantKey: this.o.grantKey,
      approvalRequired: this.o.approvalRequired(),
      seen: (nonce) => recent.some((e) => opened(e) && e.nonce === nonce),
      recentOpens: (userId) => recent.filter((e) => opened(e) && e.at >= windowStart && e.detail === `user:${userId}`).length,
      ratePerWindow: this.o.rateLimit.perUser,
    });
    if (!verdict.ok) {
      this.o.log.append({ ...(verdict.grant ? this.about(verdict.grant) : { at: now }), event: kind === 'reveal' ? 'reveal.refused' : 'export.refused', code: verdict.code });
      throw new SeatRefusal(verdict.code, verdict.reason);
    }
    return verdict.grant;
  }

  private about(g: SeatGrant) {
    return {
      at: this.o.now(),
      user: g.user,
      detail: `user:${g.userId}`,
      nonce: g.nonce,
      ...(g.revealId !== null ? { revealId: g.revealId } : {}),
      ...(g.messageId !== null ? { messageId: g.messageId } : {}),
      ...(g.field !== null ? { field: g.field } : {}),
      ...(g.type !== null ? { type: g.type } : {}),
      ...(g.contactId !== null ? { contactId: g.contactId } : {}),
    };
  }
}

/** What a reveal rule or an export asks the custodian for; the signer adds the seat, a nonce and the times. */
export type SeatGrantRequest = Omit<SeatGrant, 'v' | 'seat' | 'nonce' | 'issuedAt' | 'expiresAt'>;

/**
 * Single-seat custody of one database: the in-process custodian, and the signer the console's reveal rules and the
 * CLI's administrator gate use. Its secrets are two keychain entries named after the database id — the
 * key-encryption key of the epoch key files (`custody-kek:<db>`) and the Ed25519 grant key (`custody-grant:<db>`);
 * the wrapped epoch keys and the log live in `<dataDir>/custody/`.
 */
export interface SeatCustody {
  readonly seat: string;
  readonly custodian: SeatCustodian;
  /** The sealing side: what ingest seals to. */
  sealingKey(): { epoch: number; publicKey: string };
  sign(request: SeatGrantRequest): SignedSeatGrant;
  close(): void;
}

export interface SeatCustodyOptions {
  vault: Vault;
  dbId: string;
  dir: string;
  now: () => number;
  epoch?: EpochLength;
  retainEpochs?: number;
  approvalRequired?: () => readonly string[];
  rateLimit?: { perUser: number; windowMs: number };
}

export const seatOf = (dbId: string) => `seat-${dbId}`;

/**
 * The signer of export grants for one person and reason: each call signs the statement that opens one customer's
 * originals (a data-subject export, a move to a hub), as `SubjectRepo.export` and the move ask for them.
 */
export function exportGrants(custody: Pick<SeatCustody, 'sign'>, who: { user: string; userId: string; reason: string }): (contactId: number) => SignedSeatGrant {
  return (contactId) =>
    custody.sign({ kind: 'export', ...who, revealId: null, revealExpiresAt: null, messageId: null, field: null, type: null, approval: null, contactId });
}

export async function openSeatCustody(o: SeatCustodyOptions): Promise<SeatCustody> {
  fs.mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  const keyFiles = path.join(o.dir, 'keys');
  if (!(await o.vault.get(`custody-kek:${o.dbId}`)) && fs.existsSync(keyFiles) && fs.readdirSync(keyFiles).some((f) => f.endsWith('.key.json'))) {
    throw new DiwanError(
      'custody_key_missing',
      `The keychain entry custody-kek:${o.dbId} that opens this console's sealing keys is gone, so no original can be revealed. Restore the keychain from its backup; nothing was changed.`,
    );
  }
  const kek = await secret(o.vault, `custody-kek:${o.dbId}`, () => crypto.randomBytes(32).toString('base64'));
  const grantPem = await secret(o.vault, `custody-grant:${o.dbId}`, () =>
    crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  let grantKey: crypto.KeyObject;
  try {
    grantKey = crypto.createPrivateKey(grantPem);
  } catch {
    throw new DiwanError('custody_key_invalid', `The keychain entry custody-grant:${o.dbId} does not hold a valid key. Restore it from the keychain's backup; nothing was changed.`);
  }
  const epochLength = o.epoch ?? { months: 1 };
  const rateLimit = o.rateLimit ?? { perUser: 120, windowMs: 3_600_000 };
  const log = new CustodianLog(path.join(o.dir, 'custodian.log'), Math.max(rateLimit.windowMs, 2 * SEAT_GRANT_MAX_LIFE_MS));
  const seat = seatOf(o.dbId);
  const custodian = new SeatCustodian({
    seat,
    keys: new EpochKeys(keyFiles, keyEncryptionKey({ secret: kek, dir: o.dir }), epochLength),
    log,
    grantKey: crypto.createPublicKey(grantKey),
    epochLength,
    retainEpochs: o.retainEpochs,
    approvalRequired: o.approvalRequired ?? (() => []),
    rateLimit,
    now: o.now,
  });
  return {
    seat,
    custodian,
    sealingKey: () => custodian.sealingKey(),
    sign(request) {
      const issuedAt = o.now();
      const grant: SeatGrant = { v: 1, seat, nonce: crypto.randomBytes(18).toString('base64url'), issuedAt, expiresAt: issuedAt + SEAT_GRANT_MAX_LIFE_MS, ...request };
      return { grant, signature: signStatement(SEAT_GRANT_DOMAIN, grant, grantKey) };
    },
    close: () => log.close(),
  };
}

async function secret(vault: Vault, account: `${string}:${string}`, make: () => string): Promise<string> {
  const have = await vault.get(account);
  if (have) return have;
  await vault.set(account, make());
  // Read back: another process opening the same database at once may have written first.
  return (await vault.get(account))!;
}
