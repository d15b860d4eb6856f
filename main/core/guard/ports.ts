/** What the guards need from the rest of Diwan, passed in so each guard runs and is tested on its own. */

/** A sensitive value found in text (the masking engine's `detectSensitive` has this shape). */
export interface SensitiveSpan {
  type: string;
  start: number;
  end: number;
  confidence: number;
}

export type DetectSensitive = (text: string) => SensitiveSpan[];

/** Replaces each detected span (UTF-16 offsets) by `•`, one per code unit, so offsets stay valid. */
export function maskSpans(text: string, spans: readonly SensitiveSpan[]): string {
  const out = text.split('');
  for (const s of spans) for (let i = Math.max(0, s.start); i < Math.min(out.length, s.end); i++) out[i] = '•';
  return out.join('');
}

/**
 * Encrypts originals held outside the message store (quarantined messages). At composition this is the vault's
 * field encryption with the database's data key; tests use AES-256-GCM with a throw-away key.
 */
export interface Sealer {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

/** Something a lead or IT should see now: the lead's alert panel, an OS notification. */
export interface GuardNotice {
  kind: 'surge_entered' | 'surge_left' | 'security_alert' | 'drill_report';
  title: string;
  body: string;
  at: number;
}

export type Notifier = (notice: GuardNotice) => void;
