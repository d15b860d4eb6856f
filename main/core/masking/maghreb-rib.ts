/**
 * A Maghrebi bank account's national number (RIB) after its word: Morocco's 24 digits ("RIB 007 280 4626257023332774
 * 36", "الريب ديالي ٠١١٥٣٧…"), Tunisia's and Algeria's 20 — joined, or in its groups with spaces, dots or dashes, in any
 * digit script, on the same line or the next. The domestic form of the account's IBAN, masked as one (IBAN); read only
 * when its key holds (`ribValid`), so an amount, a reference or a tracking number after "RIB reçu" stays visible.
 */
import { digitValue } from '../text/fold';
import { ribValid } from './checksums';
import type { DetectedSpan } from './types';

/** The RIB's names: "RIB", "RIP" (Algérie Poste's), "relevé d'identité bancaire", "الريب"/"ريب", and a bank account's. */
// (round 40: a Latin word glued to an Arabic "و"/"ال" — "والRIB ديالي", "فالcompte" — is still the word; an Arabic one
// may carry "و", "ف" or "ب" before its article: "والريب")
const RIB_WORD =
  /(?:(?<![\p{Script=Latin}\p{N}])(?:r\.?i\.?[bp]\.?|relev[ée] d'identit[ée] (?:bancaire|postale?)|compte(?: bancaire)?|account(?: number| no\.?)?|hsab|7sab|7ssab)|(?<![\p{L}\p{N}])[وفب]?(?:(?:ال)?ريب|(?:رقم )?(?:ال)?حساب(?: ال?بنكي)?|الحساب البنكي))(?![\p{L}])/giu;
/** The cheap test before the pattern. */
const CHEAP = /rib|rip|r\.i\.|relev|ريب|compte|حساب|account|sab/i;
/** Between the word and the number: a few words, no digit, no end of a sentence. */
const MAX_GAP = 40;

/** The spans with each RIB whose key holds after its word added as IBAN; what they overlap yields to them. */
export function withMaghrebRibs(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CHEAP.test(text) || !holdsChain(text, 20)) return spans;
  let added: DetectedSpan[] | undefined;
  RIB_WORD.lastIndex = 0;
  for (let m = RIB_WORD.exec(text); m; m = RIB_WORD.exec(text)) {
    const from = m.index + m[0].length;
    const limit = Math.min(text.length, from + MAX_GAP);
    // each number standing alone in the few words after the word, up to a sentence's end: the first whose key holds
    // ("RIB (24 chiffres) : 007 …": the count is no RIB); a digit inside a word (Arabizi "mte3i") is a letter
    for (let a = from; a < limit && !/[!?؟]/.test(text[a]!) && !(text[a] === '.' && !/[\p{N}]/u.test(text[a + 1] ?? '')); a++) {
      if (digitValue(text.charCodeAt(a)) < 0 || /[\p{L}\p{N}]/u.test(text[a - 1] ?? '')) continue;
      const b = ribEnd(text, a);
      // (an IBAN found over it already stands as found: "account: SA69 3099…" is an IBAN's country and check digits)
      if (b < 0 || spans.some((sp) => sp.type === 'IBAN' && sp.start < b && a < sp.end)) continue;
      (added ??= []).push({ type: 'IBAN', start: a, end: b, confidence: 0.9 });
      RIB_WORD.lastIndex = b;
      break;
    }
  }
  if (!added) return spans;
  const kept = spans.filter((sp) => !added!.some((r) => sp.start < r.end && r.start < sp.end));
  return [...kept, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
}

/**
 * The text holds `n` digits of any script in one chain of groups, each joined to the next by one joiner (`isJoin`), as
 * `ribEnd` reads them (a RIB has 20 or 24): asked after the word test, it ends the pass for a card beside a phone too.
 */
function holdsChain(text: string, n: number): boolean {
  for (let i = 0, k = 0; i < text.length; i++) {
    if (digitValue(text.charCodeAt(i)) >= 0) {
      if (++k >= n) return true;
    } else if (!(k > 0 && isJoin(text.charCodeAt(i)) && digitValue(text.charCodeAt(i + 1)) >= 0)) k = 0;
  }
  return false;
}

/** Between two groups of the number: one space (any width), a dot, a dash or a slash. */
function isJoin(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2e || c === 0x2d || c === 0x2f;
}

/**
 * The end of the RIB that starts at `a`: its digits in their groups, across single joiners, the first groups making
 * 24 or 20 digits whose key holds, standing alone ("RIB 0074…25 7awlo": the next word's digit is no group of it); -1.
 */
function ribEnd(text: string, a: number): number {
  let digits = '';
  let i = a;
  while (i < text.length && digits.length < 24) {
    let j = i;
    while (j < text.length && digitValue(text.charCodeAt(j)) >= 0) digits += String(digitValue(text.charCodeAt(j++)));
    if (/[\p{L}]/u.test(text[j] ?? '')) return -1;
    if ((digits.length === 24 || digits.length === 20) && ribValid(digits)) return j;
    if (!(isJoin(text.charCodeAt(j)) && digitValue(text.charCodeAt(j + 1)) >= 0)) return -1;
    i = j + 1;
  }
  return -1;
}
