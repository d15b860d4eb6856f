import crypto from 'node:crypto';
import { fingerprintOf, normalizeFingerprint, verifyEd25519, type DeviceIdentity } from '../shared/device-key';
import type { StoredEntry } from './chain';

const AUDIT_EXPORT_FORMAT = 'diwan-audit-export-v1';

/** An entry as a trail stores it: this console's own, or a team hub's (whose entries may name no device). */
export type ExportableEntry = Omit<StoredEntry, 'device'> & { device: string | null };

/** Any hash-chained trail the export can walk after a position: `AuditTrail`, or a hub's (`main/hub/audit-export.ts`). */
export interface ExportableTrail {
  iterate(afterSeq: number): Iterable<ExportableEntry>;
}

export interface AuditExport {
  text: string;
  entries: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

/**
 * Signed JSONL for a SIEM: one `{"type":"entry",…}` line per entry (with its chain hashes), then one
 * `{"type":"signature",…}` line whose Ed25519 `signature` (device key) covers the exact bytes of every line
 * before it, newlines included. The public key and its fingerprint travel in the signature line; the SIEM
 * checks the fingerprint against the one IT enrolled.
 */
export function exportAudit(trail: ExportableTrail, signer: Pick<DeviceIdentity, 'fingerprint' | 'publicKeyPem' | 'sign'>, opts: { sinceSeq?: number; now: number }): AuditExport {
  const lines: string[] = [];
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  for (const e of trail.iterate(opts.sinceSeq ?? 0)) {
    firstSeq ??= e.seq;
    lastSeq = e.seq;
    lines.push(
      JSON.stringify({
        type: 'entry',
        seq: e.seq,
        at: e.at,
        time: new Date(e.at).toISOString(),
        actor: e.actor,
        device: e.device,
        action: e.action,
        target: e.target,
        details: JSON.parse(e.details),
        prevHash: e.prevHash,
        hash: e.hash,
      }) + '\n',
    );
  }
  const body = Buffer.from(lines.join(''), 'utf8');
  const signature = {
    type: 'signature',
    format: AUDIT_EXPORT_FORMAT,
    alg: 'Ed25519',
    entries: lines.length,
    firstSeq,
    lastSeq,
    exportedAt: new Date(opts.now).toISOString(),
    signedBytes: body.length,
    sha256: crypto.createHash('sha256').update(body).digest('hex'),
    device: signer.fingerprint,
    publicKey: signer.publicKeyPem,
    signature: signer.sign(body),
  };
  return { text: body.toString('utf8') + JSON.stringify(signature) + '\n', entries: lines.length, firstSeq, lastSeq };
}

export interface ExportCheck {
  ok: boolean;
  entries: number;
  firstSeq: number | null;
  lastSeq: number | null;
  device: string | null;
  problems: string[];
}

/** What the SIEM does, for IT: the signature, the key's fingerprint, and the chain from line to line. */
export function verifyAuditExport(text: string, opts: { expectedDevice?: string } = {}): ExportCheck {
  const problems: string[] = [];
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf('\n');
  const bodyText = cut < 0 ? '' : trimmed.slice(0, cut + 1);
  const result: ExportCheck = { ok: false, entries: 0, firstSeq: null, lastSeq: null, device: null, problems };
  let sig: Record<string, unknown>;
  try {
    sig = JSON.parse(trimmed.slice(cut + 1)) as Record<string, unknown>;
  } catch {
    problems.push('The last line is not a signature line: the file was cut short or is not a Diwan audit export.');
    return result;
  }
  if (sig.type !== 'signature' || sig.format !== AUDIT_EXPORT_FORMAT || typeof sig.publicKey !== 'string' || typeof sig.signature !== 'string') {
    problems.push('The last line is not a Diwan audit export signature.');
    return result;
  }
  const body = Buffer.from(bodyText, 'utf8');
  if (!verifyEd25519(sig.publicKey, body, sig.signature)) problems.push('The signature does not match the entries: the file was changed after export.');
  let keyFingerprint: string | null = null;
  try {
    keyFingerprint = fingerprintOf(sig.publicKey);
  } catch {
    problems.push('The public key in the signature line is not readable.');
  }
  result.device = keyFingerprint;
  if (keyFingerprint && sig.device !== keyFingerprint) problems.push('The signature line names a device that does not match its public key.');
  if (opts.expectedDevice && keyFingerprint !== normalizeFingerprint(opts.expectedDevice)) {
    problems.push('The export was signed by a different device than the one expected.');
  }

  let prev: { seq: number; hash: string } | null = null;
  const lines = bodyText ? bodyText.slice(0, -1).split('\n') : [];
  for (const [i, line] of lines.entries()) {
    let e: { type?: string; seq?: number; prevHash?: string; hash?: string };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      problems.push(`Line ${i + 1} is not JSON.`);
      continue;
    }
    if (e.type !== 'entry' || typeof e.seq !== 'number' || typeof e.hash !== 'string') {
      problems.push(`Line ${i + 1} is not an audit entry.`);
      continue;
    }
    if (prev && (e.seq !== prev.seq + 1 || e.prevHash !== prev.hash)) problems.push(`Entry ${e.seq} does not follow entry ${prev.seq} in the export.`);
    result.firstSeq ??= e.seq;
    result.lastSeq = e.seq;
    result.entries++;
    prev = { seq: e.seq, hash: e.hash };
  }
  if (sig.entries !== result.entries) problems.push(`The signature line counts ${String(sig.entries)} entries but the file holds ${result.entries}.`);
  result.ok = problems.length === 0;
  return result;
}
