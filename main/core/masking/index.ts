/**
 * Masking: finds sensitive values (phones, national IDs, e-mails, cards, IBANs, birth dates, one-time codes,
 * passports) in Arabic, Persian and English messages and renders them as tokens.
 */
import { detectSensitive } from './dictated';
import { maskText, type MaskingHints, type MaskResult } from './mask';
import type { DetectedSpan, DetectOptions } from './types';
import { readAsDigits } from './number-reader';
import { withoutOwnRoleAddresses } from './role-address';

export { DEFAULT_REGION_HINTS } from './detect';
export { detectSensitive } from './dictated';
export { maskText, DEFAULT_MASKING_HINTS, type MaskingHint, type MaskingHints, type MaskResult, type MaskedField, type SpanLike } from './mask';
export { parseMaskedText, formatToken, textWithoutTokens, TOKEN_PATTERN, type MaskedSegment } from './tokens';
export { normalise, type Normalised, toOriginalStart, toOriginalEnd } from './detection-text';
export { SENSITIVE_TYPES, NEVER_REVEALABLE, isSensitiveType, type SensitiveType, type DetectedSpan, type DetectOptions } from './types';

/** Detect and mask in one call. */
export function maskMessage(text: string, hints?: MaskingHints, options?: DetectOptions): MaskResult & { spans: DetectedSpan[] } {
  const spans = withoutOwnRoleAddresses(text, detectSensitive(text, options), hints?.EMAIL?.ownDomains);
  return { ...maskText(text, spans, hints), spans };
}

/**
 * The text with every number the number-token reader reads that is not typed plainly in digits — read out digit by
 * digit ("سبعة سبعة.. واحد اربعة") or said whole, in keycaps, with OCR'd letters, ellipses or a pictograph between
 * its groups — written in digits, as the detectors read it: the guards read numbers as masking does.
 */
export function digitsAsTyped(text: string): string {
  return readAsDigits(text)?.rewritten.text ?? text;
}
