/**
 * A card number read out in a voice note after a card's word, in number words and groups of any size: "شماره کارتم
 * شیش صفر سه هفت، نود و نه پنجاه و شیش، …" (tens and units as words, a colloquial "شیش", groups apart by "،"), the
 * same in Arabic ("ثمانية وأربعين سبعة وأربعين، …") and Dari. The number reader reads digits said one by one; here a
 * run of compounds is read on as one value (the IBAN reader's run, `dictated-iban.ts`) and masked whole, words and
 * commas, when it holds a card's length: thirteen to nineteen digits that pass Luhn, or sixteen that do not (a digit
 * misheard, as a typed card's slip after its word is still the card). An amount said in words after a card's word
 * ("با کارتم دویست و پنجاه هزار تومن") holds a handful of digits and stays visible.
 */
import { luhnValid } from './checksums';
import { readWordRun } from './dictated-iban';
import type { DetectedSpan } from './types';
import { isNumberWord, numberWordAmongNext, words } from './worded-numbers';

/** A card's word: "card", "carte", "kart", "کارتم", "البطاقة", "الكرت", "كارطة", "فيزا" (raw text, either kaf and yeh). */
const CARD_WORD = /(?<![A-Za-z\u0621-\u06d3\u06a9\u06cc])(?:cards?|carte|karta|kart|cart|[\u06a9\u0643]ارت(?:[مشت]|[\u06cc\u064a]|مو|ام)?|(?:ال|ب|بال)?بطاق(?:[ةه]|تي|ت\u06cc|ته)|(?:ال)?[\u0643\u06a9]رت(?:[\u064a\u06cc])?|(?:ال)?[\u0643\u06a9]ارط[ةه]?|فيزا|ماستر)(?![A-Za-z\u0621-\u06d3\u06a9\u06cc])/gi;
/** The word after a card's that makes it an identity card ("کارت ملی", "بطاقة الهوية", "ID card" is read before it). */
const IDENTITY_AFTER = /^[ \u00a0\u200c]*(?:ال)?(?:مل[\u06cc\u064a]|هو[\u06cc\u064a][ةه]|تعريف|شخص[\u06cc\u064a][ةه]|وطن[\u06cc\u064a][ةه]|اقام[ةه]|هوشمند|national|identity|d'identité)/i;
/** A SIM's word before it ("سیم کارت", "sim card"): a phone line's card. */
const SIM_BEFORE = /(?:sim|س[\u06cc\u064a]م)[ \u00a0\u200c-]*$/i;
/** Words between the card's word and the number ("شماره", "بانکیم", "رو", "is", "هي"): at most this many. */
const MAX_WORDS_BEFORE = 4;
const LONGEST_CARD = 19;

/** Adds each card number dictated in number words after a card's word; what the readers found inside it is part of it. */
/** A cheap first test: a card word's stem anywhere, with no look-behind tried at every unit (most messages have none). */
const CARD_STEM = /car[dt]|kart|[\u0643\u06a9](?:ا?ر[تط])|بطاق|فيزا|ماستر/i;

export function withDictatedCards(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  // (a card's sixteen digits said in words take some forty letters at least)
  if (text.length < 40 || !CARD_STEM.test(text)) return spans;
  CARD_WORD.lastIndex = 0;
  if (!CARD_WORD.test(text)) return spans;
  let ws: ReturnType<typeof words> | undefined;
  const added: DetectedSpan[] = [];
  CARD_WORD.lastIndex = 0;
  for (let m = CARD_WORD.exec(text); m; m = CARD_WORD.exec(text)) {
    const cueEnd = m.index + m[0].length;
    if (IDENTITY_AFTER.test(text.slice(cueEnd, cueEnd + 16)) || SIM_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    // (the words are read whole only when a number word follows within the words allowed before it)
    if (!numberWordAmongNext(text, cueEnd, MAX_WORDS_BEFORE + 2)) continue;
    ws ??= words(text);
    let k = ws.findIndex((w) => w.start >= cueEnd);
    for (let n = 0; k > 0 && k < ws.length && n <= MAX_WORDS_BEFORE && !isNumberWord(ws[k]!.folded); n++) k++;
    if (k <= 0 || k >= ws.length || !isNumberWord(ws[k]!.folded) || added.some((a) => a.end > ws![k]!.start)) continue;
    const run = readWordRun(text, ws, k, LONGEST_CARD, false);
    // the longest part that holds a card: a Luhn-valid length, else sixteen digits
    let hit: { end: number; confidence: number } | undefined;
    for (const p of run) {
      const n = p.chars.length;
      if (n >= 13 && n <= 19 && luhnValid(p.chars)) hit = { end: p.end, confidence: 0.9 };
      else if (n === 16 && !hit) hit = { end: p.end, confidence: 0.6 };
    }
    const start = ws[k]!.start;
    // (a card the number reader already read whole, digit words one by one, stands as it was found)
    if (hit && !spans.some((sp) => sp.type === 'CARD' && sp.start <= start && sp.end >= hit.end)) added.push({ type: 'CARD', start, end: hit.end, confidence: hit.confidence });
  }
  if (!added.length) return spans;
  const kept = spans.filter((s) => !added.some((a) => s.start >= a.start && s.end <= a.end));
  return kept.concat(added).sort((x, y) => x.start - y.start || y.end - x.end);
}
