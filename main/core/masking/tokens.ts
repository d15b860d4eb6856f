/**
 * The masked-text token: `⟦TYPE⟧` or `⟦TYPE·shown⟧`, e.g. `⟦PHONE·••42⟧`, `⟦NATIONAL_ID⟧`, `⟦EMAIL·…@gmail.com⟧`.
 * Brackets are U+27E6/U+27E7 and the separator U+00B7. Customer text can never forge a token: maskText replaces
 * any literal ⟦ or ⟧ in it by 〚 〛 (U+301A/U+301B), so every ⟦ in masked text opens a real token.
 */
import { SENSITIVE_TYPES, type SensitiveType } from './types';

export const TOKEN_OPEN = '\u27e6';
export const TOKEN_CLOSE = '\u27e7';
export const TOKEN_SEP = '\u00b7';
export const LITERAL_OPEN_REPLACEMENT = '\u301a';
export const LITERAL_CLOSE_REPLACEMENT = '\u301b';

export function formatToken(type: SensitiveType, shown: string): string {
  return shown ? `${TOKEN_OPEN}${type}${TOKEN_SEP}${shown}${TOKEN_CLOSE}` : `${TOKEN_OPEN}${type}${TOKEN_CLOSE}`;
}

/** Makes customer text safe to sit between tokens (same length, so offsets do not move). */
export function escapeLiteralBrackets(s: string): string {
  if (!s.includes(TOKEN_OPEN) && !s.includes(TOKEN_CLOSE)) return s;
  return s.replaceAll(TOKEN_OPEN, LITERAL_OPEN_REPLACEMENT).replaceAll(TOKEN_CLOSE, LITERAL_CLOSE_REPLACEMENT);
}

export type MaskedSegment =
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'token'; type: SensitiveType; shown: string; start: number; end: number };

/** One token as a pattern (two groups: the type and what it shows), for expressions that must step over tokens. */
export const TOKEN_PATTERN = `${TOKEN_OPEN}(${SENSITIVE_TYPES.join('|')})(?:${TOKEN_SEP}([^${TOKEN_OPEN}${TOKEN_CLOSE}\\n]*))?${TOKEN_CLOSE}`;
const TOKEN_RE = new RegExp(TOKEN_PATTERN, 'g');

/** Splits masked text into plain text and tokens (offsets in the masked text), for chips in the UI and for search. */
export function parseMaskedText(masked: string): MaskedSegment[] {
  const out: MaskedSegment[] = [];
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(masked); m; m = TOKEN_RE.exec(masked)) {
    if (m.index > last) out.push({ kind: 'text', text: masked.slice(last, m.index), start: last, end: m.index });
    out.push({ kind: 'token', type: m[1] as SensitiveType, shown: m[2] ?? '', start: m.index, end: m.index + m[0].length });
    last = m.index + m[0].length;
  }
  if (last < masked.length) out.push({ kind: 'text', text: masked.slice(last), start: last, end: masked.length });
  return out;
}

/**
 * The masked text with every token replaced by a space: what search looks in, so a field type's name ("phone",
 * "card") finds only messages that say it, never every message holding a masked phone or card.
 */
export function textWithoutTokens(masked: string): string {
  return parseMaskedText(masked)
    .map((s) => (s.kind === 'text' ? s.text : ' '))
    .join('');
}
