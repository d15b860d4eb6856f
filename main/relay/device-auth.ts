import crypto from 'node:crypto';
import { deviceAuthMessage } from '../core/connectors/relay-client/protocol';
import type { EnrolledDevice } from './config';
import { verifyEd25519 } from '../core/auth';

export interface DeviceAuthOptions {
  now: () => number;
  random?: (n: number) => Buffer;
  /** How long a challenge may be answered (default 60 s). */
  challengeTtlMs?: number;
  /** How far the device's clock may be from the relay's (default 2 min). */
  clockSkewMs?: number;
  /** How long a session token lasts (default 15 min); the console signs in again after. */
  sessionTtlMs?: number;
}

/** Pending challenges one source address may hold for one device, and for all devices together. */
const PER_DEVICE_AND_SOURCE = 8;
const PER_SOURCE = 64;
/** Beyond this many in all, new challenges are refused (never evicting anyone's) until old ones expire. */
const MAX_PENDING = 100_000;

export type SessionOutcome =
  | { ok: true; token: string; expiresAt: number; device: EnrolledDevice }
  | { ok: false; reason: 'not_enrolled' | 'bad_challenge' | 'clock_skew' | 'bad_signature' };

/**
 * Console sign-in by device key: the relay hands out a single-use nonce, the console signs
 * (nonce, its time, its fingerprint) with the Ed25519 device key from its keychain, the relay checks the signature
 * with the enrolled public key and issues a short-lived bearer token (kept hashed, in memory only).
 */
export class DeviceAuth {
  private readonly nonces = new Map<string, { fingerprint: string; source: string; expiresAt: number }>();
  /** Per source address, its pending nonces oldest first. */
  private readonly bySource = new Map<string, string[]>();
  private readonly sessions = new Map<string, { device: EnrolledDevice; expiresAt: number }>();
  private readonly random: (n: number) => Buffer;

  constructor(
    private readonly devices: ReadonlyMap<string, EnrolledDevice>,
    private readonly o: DeviceAuthOptions,
  ) {
    this.random = o.random ?? crypto.randomBytes;
  }

  /**
   * A nonce for an enrolled device, null when it is not enrolled, or 'busy' when the relay holds as many pending
   * challenges as it will. Challenges are bounded per source address (and per device from it): a host flooding
   * requests, even naming another console's fingerprint, only ever evicts its own, never that console's.
   */
  challenge(fingerprint: string, source = 'unknown'): { nonce: string; expiresAt: number } | null | 'busy' {
    if (!this.devices.has(fingerprint)) return null;
    this.sweep();
    const mine = this.bySource.get(source) ?? [];
    const sameDevice = mine.filter((n) => this.nonces.get(n)?.fingerprint === fingerprint);
    if (sameDevice.length >= PER_DEVICE_AND_SOURCE) this.forget(sameDevice[0]!);
    else if (mine.length >= PER_SOURCE) this.forget(mine[0]!);
    else if (this.nonces.size >= MAX_PENDING) return 'busy';
    const nonce = this.random(24).toString('base64url');
    const expiresAt = this.o.now() + (this.o.challengeTtlMs ?? 60_000);
    this.nonces.set(nonce, { fingerprint, source, expiresAt });
    this.bySource.set(source, [...(this.bySource.get(source) ?? []), nonce]);
    return { nonce, expiresAt };
  }

  private forget(nonce: string): void {
    const n = this.nonces.get(nonce);
    this.nonces.delete(nonce);
    if (!n) return;
    const rest = (this.bySource.get(n.source) ?? []).filter((x) => x !== nonce);
    if (rest.length) this.bySource.set(n.source, rest);
    else this.bySource.delete(n.source);
  }

  open(req: { fingerprint: string; nonce: string; timestamp: number; signature: string }): SessionOutcome {
    const device = this.devices.get(req.fingerprint);
    if (!device) return { ok: false, reason: 'not_enrolled' };
    const pending = this.nonces.get(req.nonce);
    this.forget(req.nonce); // single use, whatever happens next
    const now = this.o.now();
    if (!pending || pending.fingerprint !== req.fingerprint || pending.expiresAt < now) return { ok: false, reason: 'bad_challenge' };
    if (Math.abs(now - req.timestamp) > (this.o.clockSkewMs ?? 120_000)) return { ok: false, reason: 'clock_skew' };
    const publicKeyPem = device.key.export({ type: 'spki', format: 'pem' }).toString();
    if (!verifyEd25519(publicKeyPem, deviceAuthMessage(req.nonce, req.timestamp, req.fingerprint), req.signature)) {
      return { ok: false, reason: 'bad_signature' };
    }
    const token = this.random(32).toString('base64url');
    const expiresAt = now + (this.o.sessionTtlMs ?? 15 * 60_000);
    this.sessions.set(hash(token), { device, expiresAt });
    return { ok: true, token, expiresAt, device };
  }

  /** The device a bearer token belongs to, while it lasts. */
  verify(token: string | undefined): EnrolledDevice | null {
    if (!token) return null;
    const key = hash(token);
    const s = this.sessions.get(key);
    if (!s) return null;
    if (s.expiresAt < this.o.now()) {
      this.sessions.delete(key);
      return null;
    }
    return s.device;
  }

  private sweep(): void {
    const now = this.o.now();
    for (const [k, v] of this.nonces) if (v.expiresAt < now) this.forget(k);
    for (const [k, v] of this.sessions) if (v.expiresAt < now) this.sessions.delete(k);
  }
}

function hash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
