import crypto from 'node:crypto';
import fs from 'node:fs';
import { resolvePolicy, type ResolvedIdentityPolicy } from '../core/auth';
import { identityPolicyFrom } from '../core/app/identity-policy';
import { AUDIT_HEAD_DOMAIN, epochAt, epochOf, openSealed, originalContext, revealContext, sealTo, verifyStatement, type CustodianLog, type EpochKeys, type EpochLength } from '../core/custody';
import { keyIdOf, memoryVersionStore, publicKeyFromBase64, verifyPolicyText } from '../core/policy';
import { DiwanError } from '../core/shared/errors';
import { checkGrant, type GrantRefusal } from './check-grant';

export interface CustodianOptions {
  team: string;
  keys: EpochKeys;
  epochLength: EpochLength;
  retainEpochs?: number;
  log: CustodianLog;
  hubGrantKeys: readonly string[];
  policy: { file: string; signers: ReadonlyArray<{ name: string; publicKey: string }> };
  rateLimit: { perDevice: number; windowMs: number };
  now: () => number;
  /** How far a device's request may be from this clock (default 2 minutes). */
  requestMaxAgeMs?: number;
}

export class CustodianRefusal extends DiwanError {
  constructor(
    readonly refusal: GrantRefusal | 'epoch_shredded' | 'epoch_unknown' | 'sealed_mismatch' | 'sealed_malformed',
    message: string,
  ) {
    super(refusal, message);
  }
}

/**
 * The custodian's logic, the same in its own process (`diwan custodian run`) and in-process in single-seat mode:
 * hands out the current epoch's public key, and opens one value for a grant that passes every check, re-sealed to
 * the requesting device's one-time key. Every answer, yes or no, is in its log before it is given.
 */
export class Custodian {
  private readonly hubKeys: crypto.KeyObject[];
  private readonly maxAge: number;
  private policyCache: { mtimeMs: number; size: number; ino: number; resolved: ResolvedIdentityPolicy | { unavailable: string } } | null = null;

  constructor(private readonly o: CustodianOptions) {
    this.hubKeys = o.hubGrantKeys.map((k) => publicKeyFromBase64(k));
    this.maxAge = o.requestMaxAgeMs ?? 120_000;
  }

  /** The key hubs seal to now (rotating into a new epoch when its period has begun). */
  publicKey(): { team: string; epoch: number; publicKey: string } {
    const before = new Set(this.o.keys.epochs());
    const k = this.o.keys.current(this.o.now());
    if (!before.has(k.epoch)) {
      this.o.log.append({ at: this.o.now(), event: 'epoch.created', epoch: k.epoch });
      this.applyRetention();
    }
    return { team: this.o.team, epoch: k.epoch, publicKey: k.publicKey };
  }

  /** Destroys the keys of epochs older than the retention keeps. Returns the epochs destroyed. */
  applyRetention(): number[] {
    return this.o.keys.expired(this.o.now(), this.o.epochLength, this.o.retainEpochs).map((e) => this.shred(e));
  }

  shred(epoch: number): number {
    this.o.keys.shred(epoch, this.o.now(), epochAt(this.o.now(), this.o.epochLength));
    this.o.log.append({ at: this.o.now(), event: 'epoch.shredded', epoch });
    return epoch;
  }

  /** Checks a grant and, only if every check passes, returns the one value re-sealed to the requesting device. */
  open(wire: unknown): { sealed: string; grantId: string; expiresAt: number } {
    const now = this.o.now();
    const windowStart = now - this.o.rateLimit.windowMs;
    const recent = this.o.log.since(Math.min(windowStart, now - 2 * this.maxAge));
    const verdict = checkGrant(wire, {
      team: this.o.team,
      now,
      hubKeys: this.hubKeys,
      policy: this.policy(),
      requestMaxAgeMs: this.maxAge,
      seen: (grantId, nonce) => recent.some((e) => e.event === 'reveal.opened' && (e.grantId === grantId || e.nonce === nonce)),
      recentOpens: (device) => recent.filter((e) => e.event === 'reveal.opened' && e.device === device && e.at >= windowStart).length,
      ratePerWindow: this.o.rateLimit.perDevice,
    });
    const g = verdict.grant;
    const about = g ? { device: g.device, user: g.user, revealId: g.revealId, messageId: g.messageId, field: g.field, type: g.type, grantId: g.grantId } : {};
    if (!verdict.ok) {
      this.o.log.append({ at: now, event: 'reveal.refused', ...about, code: verdict.code });
      throw new CustodianRefusal(verdict.code, verdict.reason);
    }
    const grant = verdict.grant;
    let value: string;
    try {
      const blob = Buffer.from(grant.sealed, 'base64');
      value = openSealed(this.o.keys.privateKey(epochOf(blob)), originalContext(this.o.team, grant.messageId, { field: grant.field, type: grant.type }), blob);
    } catch (e) {
      const code = e instanceof DiwanError ? (e.code as CustodianRefusal['refusal']) : 'sealed_malformed';
      this.o.log.append({ at: now, event: 'reveal.refused', ...about, code });
      throw new CustodianRefusal(code, e instanceof DiwanError ? e.message : 'The sealed value could not be opened.');
    }
    const resealed = sealTo(grant.request.body.recipient, 0, revealContext(grant.revealId, grant.request.body.nonce), value);
    this.o.log.append({ at: now, event: 'reveal.opened', ...about, nonce: grant.request.body.nonce, epoch: epochOf(Buffer.from(grant.sealed, 'base64')) });
    return { sealed: resealed.toString('base64'), grantId: grant.grantId, expiresAt: grant.expiresAt };
  }

  /** A hub's audit head, signed with its grant key, kept in this log so a rewritten hub trail is found. */
  recordAuditHead(body: { seq: number; hash: string; at: number }, signature: string): void {
    if (!this.hubKeys.some((k) => verifyStatement(AUDIT_HEAD_DOMAIN, body, signature, k))) {
      throw new CustodianRefusal('grant_forged', 'The audit head is not signed by a hub key IT configured.');
    }
    this.o.log.append({ at: this.o.now(), event: 'hub.audit_head', seq: body.seq, hash: body.hash });
  }

  /** The newest audit head a hub checkpointed here. */
  lastAuditHead(): { seq: number; hash: string } | null {
    return this.o.log.lastAuditHead;
  }

  private policy(): ResolvedIdentityPolicy | { unavailable: string } {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.o.policy.file);
    } catch {
      return { unavailable: `IT's signed policy ${this.o.policy.file} cannot be read; the custodian refuses every reveal until it can.` };
    }
    if (this.policyCache && this.policyCache.mtimeMs === st.mtimeMs && this.policyCache.size === st.size && this.policyCache.ino === st.ino) return this.policyCache.resolved;
    const signers = this.o.policy.signers.map((s) => ({ ...s, keyId: keyIdOf(s.publicKey), source: 'custodian configuration' }));
    const r = verifyPolicyText(fs.readFileSync(this.o.policy.file, 'utf8'), { policyFile: this.o.policy.file, signers, versions: memoryVersionStore(), clock: { now: this.o.now } });
    const resolved = r.kind === 'accepted' ? resolvePolicy(identityPolicyFrom(r.policy)) : { unavailable: `IT's signed policy was not accepted: ${r.reason}` };
    this.policyCache = { mtimeMs: st.mtimeMs, size: st.size, ino: st.ino, resolved };
    return resolved;
  }
}
