import type { AuditEvent } from '../shared/ports';

const MAX_KEYS = 32;
const MAX_KEY = 64;
const MAX_STRING = 500;
const MAX_NAME = 200;

/**
 * A safety net, not the primary defence (callers must never pass a secret or an unmasked value): keys that name
 * a secret are redacted, strings are bounded, and only plain values are kept.
 */
const SECRET_KEY = /pass(word|phrase)?|secret|token|private|otp|totp|recovery|original|plaintext|unmasked|credential|cookie/i;

export function sanitizeDetails(details: AuditEvent['details']): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(details ?? {}).slice(0, MAX_KEYS)) {
    const key = k.slice(0, MAX_KEY);
    if (SECRET_KEY.test(key)) out[key] = '[redacted]';
    else if (typeof v === 'string') out[key] = v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
    else if (typeof v === 'number') out[key] = Number.isFinite(v) ? v : null;
    else if (typeof v === 'boolean' || v === null) out[key] = v;
  }
  return out;
}

export function boundName(text: string | undefined, fallback: string): string {
  const t = (text ?? '').trim();
  return (t || fallback).slice(0, MAX_NAME);
}
