import { SENSITIVE_TYPES, type SensitiveType } from '../shared/vocabulary';

// Written once in the shared vocabulary, so the console knows them too (which chips can never be revealed).
export { SENSITIVE_TYPES, NEVER_REVEALABLE, type SensitiveType } from '../shared/vocabulary';

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
