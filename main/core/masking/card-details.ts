/**
 * A card given with its details as bare groups, no label between them: "here are its details: 4539 1488 0343 6467
 * 0726 318", "۶۰۳۷ ۹۹۱۲ ۳۴۵۶ ۷۸۹۳ ۶۱۲ ۰۳۰۹". Right after a card number that passes Luhn, the next two groups are its
 * expiry (four digits whose first two are a month, or a month and a year apart by a slash) and its security code
 * (three or four digits), in either order; a lone group after it is the expiry only when it is written as one ("05/29").
 * An expiry the message calls the card's date after a card number ("وتاريخها ٠٥/٢٩", "تاريخ البطاقة 08/27", "its date
 * 10/26") is the expiry too; a date qualified by anything else ("تاريخ العملية ٠٥/١١") stays visible.
 */
import { luhnValid } from './checksums';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import { digitValue } from '../text/fold';
import type { DetectedSpan, SensitiveType } from './types';

const CARD_TYPES: ReadonlySet<SensitiveType> = new Set<SensitiveType>(['CARD', 'CARD_EXPIRY', 'CVV']);

interface Group {
  start: number;
  end: number;
  digits: string;
  /** A month and a year apart by a slash ("05/29", "۰۵/۱۴۰۳"). */
  slashed: boolean;
}

/** One group of one script's digits, with at most one slash inside; null when `i` starts none. */
function groupAt(text: string, i: number): Group | null {
  let digits = '';
  let slashed = false;
  let j = i;
  for (; j < text.length; j++) {
    const v = digitValue(text.charCodeAt(j));
    if (v >= 0) digits += String(v);
    else if (text.charCodeAt(j) === 0x2f && !slashed && digits.length > 0 && digitValue(text.charCodeAt(j + 1)) >= 0) slashed = true;
    else break;
  }
  if (!digits || /[\p{L}]/u.test(text[j] ?? '')) return null;
  return { start: i, end: j, digits, slashed };
}

/** Between two groups of one card's details: spaces, or a comma and spaces. */
function gapEnd(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j) === 0x2c || text.charCodeAt(j) === 0x060c) j++;
  const spaces = j;
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0xa0) && j - spaces < 3) j++;
  return j > spaces ? j : -1;
}

const validMonth = (mm: string): boolean => mm.length === 2 && Number(mm) >= 1 && Number(mm) <= 12;

function expiryShape(g: Group): boolean {
  if (g.slashed) {
    const [mm, yy] = [g.digits.slice(0, g.digits.length - (g.digits.length >= 6 ? 4 : 2)), g.digits.slice(g.digits.length >= 6 ? -4 : -2)];
    return validMonth(mm.padStart(2, '0')) && (yy.length === 2 || yy.length === 4);
  }
  return g.digits.length === 4 && validMonth(g.digits.slice(0, 2));
}

const cvvShape = (g: Group): boolean => !g.slashed && (g.digits.length === 3 || g.digits.length === 4);

/** The card's own word for its date, right after its number: "وتاريخها", "تاريخ البطاقة", "its date", "تاریخش". */
const CARDS_DATE = /^[ \u00a0,،:-]*(?:و ?)?(?:تاريخ(?:ها|ه)|تاريخ ال(?:بطاق[ةه]|كارت|كرت|فيزا)|تاریخ(?:ش| کارت)|(?:its|the card'?s|card) date|the date on (?:it|the card))[ \u00a0:]*(?:is[ \u00a0]+)?$/iu;

/**
 * The scan's pre-test: thirteen digits or more with only spaces and commas between them (a card number's least, as the
 * scan's groups read it). One pass over the units, no string built: most messages have no such run.
 */
function holdsCardLengthRun(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (digitValue(c) >= 0) {
      if (++digits >= 13) return true;
    } else if (c !== 0x20 && c !== 0xa0 && c !== 0x2c && c !== 0x060c) digits = 0;
  }
  return false;
}

/** The spans with the bare expiry and security code after each card number, and a card's date, added. */
export function withCardDetails(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (text.length < 17 || !holdsCardLengthRun(text)) return spans;
  let out: DetectedSpan[] | undefined;
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text.charCodeAt(i)) < 0 || (i > 0 && (digitValue(text.charCodeAt(i - 1)) >= 0 || /[\p{L}/]/u.test(text[i - 1]!)))) continue;
    // the groups from here: a card number's (13 to 19 digits, Luhn) and up to two after it
    const groups: Group[] = [];
    let j = i;
    for (let g = groupAt(text, j); g && groups.length < 8; ) {
      groups.push(g);
      const next = gapEnd(text, g.end);
      j = g.end;
      g = next > 0 ? groupAt(text, next) : null;
    }
    i = j;
    let digits = '';
    let k = 0;
    while (k < groups.length && !groups[k]!.slashed && digits.length + groups[k]!.digits.length <= 19) digits += groups[k++]!.digits;
    // the card number whose groups after it hold the most details ("…1649 824 01/25": nineteen digits may pass Luhn too)
    let best: { added: DetectedSpan[]; k: number } | undefined;
    for (; k > 0; digits = digits.slice(0, digits.length - groups[--k]!.digits.length)) {
      if (digits.length < 13 || !luhnValid(digits)) continue;
      const found = details(text, groups, k);
      if (found.length > (best?.added.length ?? 0)) best = { added: found, k };
    }
    if (best) {
      // (a detail the detectors found already keeps its reading)
      const added = best.added.filter((a) => !spans.some((sp) => sp.type === a.type && sp.start === a.start && sp.end === a.end));
      if (!added.length) continue;
      const card = { start: groups[0]!.start, end: groups[best.k - 1]!.end };
      // (groups another reading holds — an IBAN's after its "IR81" — are that value's)
      const whole = { start: card.start, end: added.reduce((e, a) => Math.max(e, a.end), card.end) };
      if (spans.some((sp) => sp.start < whole.end && whole.start < sp.end && sp.confidence > FAIL_CLOSED_CONFIDENCE && !CARD_TYPES.has(sp.type))) continue;
      if (!spans.some((sp) => sp.type === 'CARD' && sp.start <= card.start && sp.end >= card.end)) added.push({ type: 'CARD', ...card, confidence: 0.9 });
      const base = out ?? spans;
      out = base.filter((sp) => !added.some((a) => sp.start < a.end && a.start < sp.end)).concat(added);
    }
  }
  return out ? out.sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}

/** The expiry and security code in the groups after the card number's first `k` groups, or its date after the last. */
function details(text: string, groups: Group[], k: number): DetectedSpan[] {
  const rest = groups.slice(k);
  const added: DetectedSpan[] = [];
  if (rest.length === 2 && expiryShape(rest[0]!) && cvvShape(rest[1]!)) {
    added.push({ type: 'CARD_EXPIRY', start: rest[0]!.start, end: rest[0]!.end, confidence: 0.8 }, { type: 'CVV', start: rest[1]!.start, end: rest[1]!.end, confidence: 0.8 });
  } else if (rest.length === 2 && cvvShape(rest[0]!) && expiryShape(rest[1]!)) {
    added.push({ type: 'CVV', start: rest[0]!.start, end: rest[0]!.end, confidence: 0.8 }, { type: 'CARD_EXPIRY', start: rest[1]!.start, end: rest[1]!.end, confidence: 0.8 });
  } else if (rest.length === 1 && rest[0]!.slashed && expiryShape(rest[0]!)) {
    added.push({ type: 'CARD_EXPIRY', start: rest[0]!.start, end: rest[0]!.end, confidence: 0.8 });
  } else if (rest.length === 0) {
    const date = cardsDateAfter(text, groups[k - 1]!.end);
    if (date) added.push(date);
  }
  return added;
}

/** A month and a year after the card's own word for its date, within a few characters of the card number. */
function cardsDateAfter(text: string, end: number): DetectedSpan | null {
  let a = end;
  while (a < text.length && a - end <= 24 && digitValue(text.charCodeAt(a)) < 0 && text[a] !== '\n') a++;
  if (a >= text.length || digitValue(text.charCodeAt(a)) < 0 || !CARDS_DATE.test(text.slice(end, a))) return null;
  const g = groupAt(text, a);
  return g && g.slashed && expiryShape(g) ? { type: 'CARD_EXPIRY', start: g.start, end: g.end, confidence: 0.8 } : null;
}
