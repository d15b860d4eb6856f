import crypto from 'node:crypto';

/** The chain's first `prev_hash`. */
export const GENESIS_HASH = '0'.repeat(64);

export interface StoredEntry {
  seq: number;
  at: number;
  actor: string;
  device: string;
  action: string;
  target: string | null;
  /** Canonical JSON (sorted keys) exactly as stored; the MAC covers these bytes. */
  details: string;
  prevHash: string;
  hash: string;
}

export interface StoredCheckpoint {
  seq: number;
  hash: string;
  at: number;
  mac: string;
}

/** The keychain copy of the newest (seq, hash): lets verify notice when the newest entries are cut off. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export type EntryFields = Omit<StoredEntry, 'hash'>;

/** HMAC-SHA256 under the audit key over a fixed-order JSON array of every field, the previous hash included. */
export function entryMac(key: Buffer, e: EntryFields): string {
  const canonical = JSON.stringify(['diwan-audit-v1', e.seq, e.at, e.actor, e.device, e.action, e.target, e.details, e.prevHash]);
  return crypto.createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}

export function checkpointMac(key: Buffer, c: Omit<StoredCheckpoint, 'mac'>): string {
  return crypto.createHmac('sha256', key).update(JSON.stringify(['diwan-audit-checkpoint-v1', c.seq, c.hash, c.at]), 'utf8').digest('hex');
}

export function macEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Sorted keys, so the same details always serialize to the same bytes. */
export function canonicalDetails(details: Record<string, string | number | boolean | null>): string {
  const sorted: Record<string, string | number | boolean | null> = {};
  for (const k of Object.keys(details).sort()) sorted[k] = details[k]!;
  return JSON.stringify(sorted);
}

export function parseHead(text: string | null): AuditHead | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as AuditHead;
    return Number.isInteger(v.seq) && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : null;
  } catch {
    return null;
  }
}
