import crypto from 'node:crypto';
import { GRANT_DOMAIN, AUDIT_HEAD_DOMAIN, signStatement, type RevealGrant } from '../core/custody';
import { publicKeyToBase64 } from '../core/policy';
import { Custodian, CustodianLog, EpochKeys, keyEncryptionKey, type EpochLength } from '../custodian';
import type { CustodianPort } from './custodian-link';

export interface EmbeddedCustodianOptions {
  team: string;
  keysDir: string;
  logFile: string;
  policy: { file: string; signers: ReadonlyArray<{ name: string; publicKey: string }> };
  epoch: EpochLength;
  retainEpochs?: number;
  rateLimit: { perDevice: number; windowMs: number };
  /** The key-encryption key (32 bytes, base64), from the hub's keychain or credentials. */
  keyEncryptionKey: string | null;
  grantKey: crypto.KeyObject;
  now: () => number;
}

/**
 * The custodian in the hub's own process, for a team on one machine (the embedded SQLite hub): the same checks,
 * key files and log as `diwan custodian run`, with its key-encryption key beside the hub's secrets. It keeps the
 * structure (grants, device signatures, epochs, shredding, its own log), not the separation: whoever controls this
 * machine controls both (docs/SECURITY.md).
 */
export class EmbeddedCustodian implements CustodianPort {
  private readonly custodian: Custodian;
  private readonly log: CustodianLog;
  private key: { epoch: number; publicKey: string; at: number } | null = null;

  constructor(private readonly o: EmbeddedCustodianOptions) {
    this.log = new CustodianLog(o.logFile, Math.max(o.rateLimit.windowMs, 600_000));
    this.custodian = new Custodian({
      team: o.team,
      keys: new EpochKeys(o.keysDir, keyEncryptionKey({ secret: o.keyEncryptionKey, dir: o.keysDir }), o.epoch),
      epochLength: o.epoch,
      retainEpochs: o.retainEpochs,
      log: this.log,
      hubGrantKeys: [publicKeyToBase64(crypto.createPublicKey(o.grantKey))],
      policy: o.policy,
      rateLimit: o.rateLimit,
      now: o.now,
    });
  }

  async start(): Promise<void> {
    this.sealingKey();
  }

  /** Looked up at most once a minute (the key files are read only when the epoch changes). */
  readonly sealingKey = (): { epoch: number; publicKey: string } => {
    if (!this.key || this.o.now() - this.key.at > 60_000) this.key = { ...this.custodian.publicKey(), at: this.o.now() };
    return this.key;
  };

  async open(grant: RevealGrant): Promise<{ sealed: string; expiresAt: number }> {
    return this.custodian.open({ grant, signature: signStatement(GRANT_DOMAIN, grant, this.o.grantKey) });
  }

  async checkpoint(head: { seq: number; hash: string }): Promise<void> {
    const body = { seq: head.seq, hash: head.hash, at: this.o.now() };
    this.custodian.recordAuditHead(body, signStatement(AUDIT_HEAD_DOMAIN, body, this.o.grantKey));
  }

  async lastCheckpoint(): Promise<{ seq: number; hash: string } | null> {
    return this.custodian.lastAuditHead();
  }

  async close(): Promise<void> {
    this.log.close();
  }
}
