/**
 * A Moroccan national identity card's number (CIN, CNIE) after its word: one or two Latin letters, then five or six
 * digits, joined or with a space or a dash ("BK 284613", "JA128845", "D-612874", the digits in any script), after
 * "CIN", "CNIE", "la carte (nationale)", Darija "لاكارط (ناسيونال)", "البطاقة الوطنية", "بطاقة التعريف". The card's
 * word alone names a bank card as often, so only this letters-then-digits shape is read, and a record's word between
 * ("la carte … commande K 45120") keeps it visible.
 */
import { DIGIT_CLASS } from '../text/fold';
import type { DetectedSpan } from './types';
import { namesAny, RECORD_WORDS } from './words-in';

const CIN_WORD =
  /(?<![\p{L}\p{N}])(?:c\.?i\.?n\.?e?|cnie|(?:la ?)?carte(?: nationale| d'identit[ée](?: nationale)?)?|lacarte|(?:ال)?كارط(?: ?ناسيونال)?|لاكارط(?: ?ناسيونال)?|(?:ال)?بطاق[ةه] (?:ال)?(?:وطني[ةه]|تعريف(?: (?:ال)?وطني[ةه])?)|بطاق[ةه] التعريف(?: الوطني[ةه])?)(?![\p{L}])/giu;
const CHEAP = /cin|cnie|carte|كارط|بطاق/i;
/** The number: one or two capitals, an optional space or dash, five or six digits, standing alone. */
const CIN_SHAPE = new RegExp(`(?<![\\p{L}\\p{N}])[A-Z]{1,2}[ \\u00a0-]?[${DIGIT_CLASS}]{5,6}(?![\\p{L}\\p{N}])`, 'uy');
/** Between the word and the number: a few words, no digit, no end of a sentence. */
const GAP = new RegExp(`^[^${DIGIT_CLASS}.!?؟\\n]{0,32}$`, 'u');

/** The spans with each Moroccan CIN after its word added as NATIONAL_ID; what they overlap yields to them. */
export function withMoroccanCins(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CHEAP.test(text)) return spans;
  let added: DetectedSpan[] | undefined;
  CIN_WORD.lastIndex = 0;
  for (let m = CIN_WORD.exec(text); m; m = CIN_WORD.exec(text)) {
    const from = m.index + m[0].length;
    for (let a = from; a <= Math.min(text.length - 1, from + 32); a++) {
      if (!/[A-Z]/.test(text[a]!) || /[\p{L}\p{N}]/u.test(text[a - 1] ?? '')) continue;
      CIN_SHAPE.lastIndex = a;
      const c = CIN_SHAPE.exec(text);
      if (!c) continue;
      const gap = text.slice(from, a);
      if (!GAP.test(gap) || namesAny(gap, (q) => RECORD_WORDS.has(q))) break;
      const b = a + c[0].length;
      // (an ID found already stands as found; a value typed as another kind by a reading with its own reason too)
      if (!spans.some((sp) => sp.start < b && a < sp.end && (sp.type === 'NATIONAL_ID' || (sp.type !== 'PASSPORT' && sp.confidence >= 0.8)))) (added ??= []).push({ type: 'NATIONAL_ID', start: a, end: b, confidence: 0.75 });
      break;
    }
  }
  if (!added) return spans;
  const kept = spans.filter((sp) => !added!.some((r) => sp.start < r.end && r.start < sp.end));
  return [...kept, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
}
