/** Masked rendering: each sensitive value becomes a token that names its type and shows only what the hints allow. */
import { escapeLiteralBrackets, formatToken } from './tokens';
import { isSensitiveType, type SensitiveType } from './types';

export interface MaskingHint {
  /** How many trailing letters/digits of the value the token shows. Capped per type and to a third of the value. */
  showLast?: number;
  /** EMAIL only: show the domain ("…@gmail.com"). */
  showDomain?: boolean;
  /** EMAIL only: the company's own domains (IT's policy); a role address there ("care@", "support@") stays visible. */
  ownDomains?: readonly string[];
}

/** Per-type overrides, e.g. from the IT policy. Types not listed use DEFAULT_MASKING_HINTS. */
export type MaskingHints = Partial<Record<SensitiveType, MaskingHint>>;

/** Safe defaults: last 2 digits of a phone, last 4 of a card or IBAN; nothing of IDs, codes, birth dates, passports, e-mails, card expiry dates. */
export const DEFAULT_MASKING_HINTS: Readonly<Record<SensitiveType, Readonly<MaskingHint>>> = Object.freeze({
  PHONE: Object.freeze({ showLast: 2 }),
  NATIONAL_ID: Object.freeze({ showLast: 0 }),
  EMAIL: Object.freeze({ showLast: 0, showDomain: false }),
  CARD: Object.freeze({ showLast: 4 }),
  IBAN: Object.freeze({ showLast: 4 }),
  DOB: Object.freeze({ showLast: 0 }),
  OTP: Object.freeze({ showLast: 0 }),
  PASSPORT: Object.freeze({ showLast: 0 }),
  CVV: Object.freeze({ showLast: 0 }),
  CARD_EXPIRY: Object.freeze({ showLast: 0 }),
});

/** No policy can reveal more than this; a one-time code or a card security code is never partly shown. */
const MAX_SHOW_LAST: Readonly<Record<SensitiveType, number>> = { PHONE: 4, NATIONAL_ID: 4, EMAIL: 0, CARD: 4, IBAN: 4, DOB: 4, OTP: 0, PASSPORT: 3, CVV: 0, CARD_EXPIRY: 0 };

export interface SpanLike {
  type: SensitiveType;
  start: number;
  end: number;
}

export interface MaskedField {
  type: SensitiveType;
  /** The token's range in the masked text. */
  start: number;
  end: number;
  /** The value's range in the original text: the store encrypts `text.slice(originalStart, originalEnd)`. */
  originalStart: number;
  originalEnd: number;
  /** What the token shows of the value ('' when nothing). */
  shown: string;
}

export interface MaskResult {
  masked: string;
  fields: MaskedField[];
}

const ALNUM = /[\p{L}\p{N}]/u;

function shownPart(type: SensitiveType, value: string, hint: MaskingHint): string {
  if (type === 'EMAIL' && hint.showDomain) {
    const at = value.lastIndexOf('@');
    return at > 0 ? `…${value.slice(at)}` : '';
  }
  const chars = [...value].filter((c) => ALNUM.test(c));
  const n = Math.min(Math.max(0, Math.floor(hint.showLast ?? 0)), MAX_SHOW_LAST[type], Math.floor(chars.length / 3));
  return n > 0 ? `••${chars.slice(-n).join('')}` : '';
}

function isLowSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Sorted, clamped, non-overlapping spans; overlapping ones are merged (the longer span's type wins). */
function tidy(text: string, spans: readonly SpanLike[]): SpanLike[] {
  const clean: SpanLike[] = [];
  for (const s of spans) {
    if (!s || !isSensitiveType(s.type) || !Number.isInteger(s.start) || !Number.isInteger(s.end)) continue;
    let start = Math.max(0, s.start);
    let end = Math.min(text.length, s.end);
    if (start >= end) continue;
    if (isLowSurrogate(text, start)) start--;
    if (end < text.length && isLowSurrogate(text, end)) end++;
    clean.push({ type: s.type, start, end });
  }
  clean.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SpanLike[] = [];
  for (const s of clean) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) last.type = s.type;
      last.end = Math.max(last.end, s.end);
    } else out.push({ ...s });
  }
  return out;
}

export function maskText(text: string, spans: readonly SpanLike[], hints?: MaskingHints): MaskResult {
  const fields: MaskedField[] = [];
  let masked = '';
  let last = 0;
  for (const s of tidy(text, spans)) {
    masked += escapeLiteralBrackets(text.slice(last, s.start));
    const hint = { ...DEFAULT_MASKING_HINTS[s.type], ...hints?.[s.type] };
    const shown = shownPart(s.type, text.slice(s.start, s.end), hint);
    const token = formatToken(s.type, shown);
    fields.push({ type: s.type, start: masked.length, end: masked.length + token.length, originalStart: s.start, originalEnd: s.end, shown });
    masked += token;
    last = s.end;
  }
  masked += escapeLiteralBrackets(text.slice(last));
  return { masked, fields };
}


