export const SENSITIVE_TYPES = ['PHONE', 'NATIONAL_ID', 'EMAIL', 'CARD', 'IBAN', 'DOB', 'OTP', 'PASSPORT', 'CVV', 'CARD_EXPIRY'] as const;

export type SensitiveType = (typeof SENSITIVE_TYPES)[number];

/** Types no policy can make revealable: a one-time code or a card security code is never shown again, to anyone. */
export const NEVER_REVEALABLE: readonly SensitiveType[] = ['OTP', 'CVV'];

/** A sensitive value in a message, in UTF-16 offsets of the original text (end exclusive). */
export interface DetectedSpan {
  type: SensitiveType;
  start: number;
  end: number;
  /** 0..1: checksum-validated values score high, context-only values (OTP, DOB, PASSPORT, CVV, CARD_EXPIRY) lower. */
  confidence: number;
}

export interface DetectOptions {
  /** ISO 3166 regions whose national phone formats (with trunk prefix) are accepted. Default: SA, AE, EG, IR, GB, US. */
  regionHints?: readonly string[];
}

export function isSensitiveType(s: unknown): s is SensitiveType {
  return typeof s === 'string' && (SENSITIVE_TYPES as readonly string[]).includes(s);
}
