/**
 * What the detectors find in a message as typed, plus what customers dictate: values read out as words (see
 * `spoken-digits.ts`) are found by running the same detectors over the message with those words written in digits,
 * and a second value offered as an alternative ("7781 or 7718?", "٤٤٨٢ ولا ٤٤٢٨") takes the first one's type.
 */
import { DIGIT_CLASS, digitValue } from '../text/fold';
import { isLetterUnit } from '../text/letters';
import { withBareAnswer } from './bare-answer';
import { withWrongBirthYears } from './birth-corrections';
import { withCardDetails } from './card-details';
import { withScriptLabels } from './script-labels';
import { withWordedExpiry } from './worded-expiry';
import { withRegisteredYears } from './registered-year';
import { withBirthDates } from './birth-dates';
import { withBirthYears } from './birth-years';
import { withCalendarNames } from './date-reader';
import { birthWordOnce } from './birth-gate';
import { forgetLastSubject } from '../text/forget-after-turn';
import { withRenewedCode } from './code-renewed';
import { withCountedCvv } from './cvv-count';
import { withAfterCard } from './after-card';
import { withCardExpiryLines } from './card-expiry-lines';
import { withDictatedCards } from './dictated-card';
import { withDictatedIbans } from './dictated-iban';
import { withMaghrebRibs } from './maghreb-rib';
import { withMoroccanCins } from './moroccan-cin';
import { withTazkiras } from './tazkira';
import { withCardLineCodes } from './card-line-codes';
import { withKinBirthYears } from './kin-birth-years';
import { withPaperTazkiras } from './paper-tazkira';
import { withTajikMobiles } from './tajik-mobiles';
import { withWordedPhones } from './worded-phones';
import { withYearEndExpiry } from './year-end-expiry';
import { detectSensitive as detect } from './detect';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import { withCyrillicLabels } from './cyrillic-labels';
import { withPassportShapes } from './passport-shapes';
import { withMachineZones } from './machine-zone';
import { readAsDigits } from './number-reader';
import { withoutTrackingNumbers } from './tracking-codes';
import { withoutRecordNumbers } from './record-numbers';
import { withRenewedPhone } from './renewed-phone';
import { Cue } from './lexicon';
import { mayHoldTable, withTableColumns } from './tables';
import { namesAny, RECORD_WORDS } from './words-in';
import type { DetectedSpan, DetectOptions, SensitiveType } from './types';

const ALTERNATIVE_TYPES: ReadonlySet<SensitiveType> = new Set<SensitiveType>(['OTP', 'PHONE', 'NATIONAL_ID', 'PASSPORT', 'CVV', 'CARD_EXPIRY']);
/**
 * After a value: "or", "ولا", "او", "یا", "ou", "wala", "ya", with at most one short word before it ("… بود یا …", "… was it or …");
 * and the old one beside the new ("el jdid 24 518 073 w el 9dim 98 214 367", "… والقديم …", "… my old one …": round 35).
 */
const OR_AFTER = new RegExp(`[ \\u00a0]*(?:[^\\s${DIGIT_CLASS}]{1,5}[ \\u00a0]+)?(?:or|ولا|وله|او|أو|یا|يا|ou|wala|walla|wla|ya|aw|(?:el |al |l)?(?:9dim|qdim|kdim|gdim|9adim|qadim)|(?:ال)?قديم|(?:the |my )?old(?: one| number)?|(?:l['’])?ancien|قدیمی|قبلیه?)(?: (?:kan|كان|was|était|c'était|howa|هو|mte3i|متاعي))?[ \\u00a0:]+`, 'iy');

function digitCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (digitValue(text.charCodeAt(i)) >= 0) n++;
  return n;
}

/**
 * After a value, a correction: "لا لحظة الصح ٩٤١٢٧٠٨٣", "sorry, the correct one is …", "نه ببخشید درستش …" — a few
 * words of the clause, then the word that says the right value follows.
 */
/**
 * Round 40: an apology or a mistake's word, then a few words that say what went wrong, then "it's"/"هو"/"c'est" or the
 * value itself: "sorry I misread, it's …", "اسف غلطت بالقراية هو …", "ببخشید اشتباه شد، … است", "pardon c'est …",
 * "my bad I mistyped it, …". No digit, line break or record's word between (a correction of an order's number
 * names the order: "sorry the order number is …" is read by the record's label, not here).
 */
const MISREAD_THEN = `(?:sorry|sry|oops|my bad|pardon|d[ée]sol[ée]|(?:ا|أ|آ)سف|اسفه|ببخشید|ببخشيد|bebakhshid|asef|غلطت|غلط|اشتباه|eshtebah|misread|mistyped|typo)(?![\\p{L}])(?:(?![\\p{L}]*(?:order|number|no|ref|booking|commande|num[ée]ro|طلب|رقم|شماره|سفارش|حجز))[^${DIGIT_CLASS}\\n.!?؟]){0,32}?(?<![\\p{L}])(?:it'?s|it is|its|is|هو|هي|هوا|c'est|cest|اینه|اینو|این|ایه|e)(?=[ \\u00a0:،,]*[${DIGIT_CLASS}])|(?:غلطت|اشتباه شد|اشتباه کردم|اشتباه|misread|mistyped)(?![\\p{L}])[^${DIGIT_CLASS}\\n.!?؟]{0,8}?(?=[ \\u00a0:،,]*[${DIGIT_CLASS}])`;
// (an apology or "wait" corrects only the value right after it: "لا لحظة الصح ٥٥٣١…" is read at "الصح")
const CORRECTED_AFTER = new RegExp(
  `[^${DIGIT_CLASS}\\n]{0,24}?(?<![\\p{L}])(?:الصح|الصحيح|الصحيحه|الصحيحة|الصح هو|correct(?: one| number)?(?: is)?|(?:the )?right (?:one|number)(?: is)?|i mean|i meant|it'?s actually|درستش|درستش اینه|صحیحش|صحیح|(?:no|la|na|نه|لا)?[ \\u00a0,،.]*(?:sorry|sry|oops|my bad|wait|pardon|d[ée]sol[ée]|(?:ا|أ|آ)سف|اسفه|لحظة|bebakhshid|bebakhshin|ببخشید|ببخشين|ببخشيد|asef|2asef)(?![\\p{L}])(?=[ \\u00a0:،,]*[${DIGIT_CLASS}])|${MISREAD_THEN})(?![\\p{L}])[ \\u00a0:،,]*`,
  'iuy',
);

const CORRECTION_WORD = /الصح|correct|right (?:one|number)|i mean|actually|درستش|صحیح|sorry|sry|oops|my bad|wait|pardon|d[ée]sol|[اأآ]سف|لحظة|bebakhsh|ببخش|asef|غلط|اشتباه|eshtebah|misread|mistyped|typo/i;

/** What joins a value's groups after "or" or a correction: a space; an expiry's month and year keep their slash too ("exp 08/30 no sorry 09/30"). */
const VALUE_JOINS = / /;
const EXPIRY_JOINS = /[ /\-.]/;

/**
 * Adds the alternatives offered after each code, phone or ID — a value of as many digits right after "or" — and the
 * value a correction gives after it ("… لا لحظة الصح ٩٤١٢٧٠٨٣"): both are the customer's.
 */
function withAlternatives(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  let added: DetectedSpan[] | undefined;
  /** Whether the message holds a correction's word at all (-1: not asked yet): one scan, not one per value. */
  let corrects = -1;
  for (const s of spans) {
    if (!ALTERNATIVE_TYPES.has(s.type)) continue;
    OR_AFTER.lastIndex = s.end;
    const or = OR_AFTER.test(text);
    if (!or) {
      if (corrects < 0) corrects = CORRECTION_WORD.test(text) ? 1 : 0;
      CORRECTED_AFTER.lastIndex = s.end;
      if (!corrects || !CORRECTED_AFTER.test(text)) continue;
    }
    const start = or ? OR_AFTER.lastIndex : CORRECTED_AFTER.lastIndex;
    let end = start;
    const joins = s.type === 'CARD_EXPIRY' ? EXPIRY_JOINS : VALUE_JOINS;
    while (end < text.length && (digitValue(text.charCodeAt(end)) >= 0 || (joins.test(text[end]!) && digitValue(text.charCodeAt(end + 1)) >= 0))) end++;
    if (end === start || digitCount(text, start, end) !== digitCount(text, s.start, s.end)) continue;
    if (digitValue(text.charCodeAt(end)) >= 0 || isLetterUnit(text.charCodeAt(end))) continue;
    // (a value masked only because nothing explained it takes the type its first version has)
    if (spans.some((o) => o.start < end && start < o.end && (o.confidence !== FAIL_CLOSED_CONFIDENCE || o.start !== start || o.end !== end))) continue;
    (added ??= []).push({ type: s.type, start, end, confidence: s.confidence });
  }
  const typed = added ? [...spans.filter((o) => !added!.some((a) => a.start === o.start && a.end === o.end)), ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
  return corrects > 0 ? withoutCorrectedRecords(text, typed) : typed;
}

/**
 * "I typed the order number wrong as 4417203, the right one is 4417230": the right version of a number left visible
 * (a record's) is that record's too, not a value nothing explained.
 */
function withoutCorrectedRecords(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  let dropped: DetectedSpan[] | undefined;
  for (const y of spans) {
    if (y.confidence !== FAIL_CLOSED_CONFIDENCE) continue;
    let xEnd = y.start - 1;
    while (xEnd >= 0 && y.start - xEnd <= 64 && digitValue(text.charCodeAt(xEnd)) < 0) xEnd--;
    if (xEnd < 0 || digitValue(text.charCodeAt(xEnd)) < 0) continue;
    let xStart = xEnd;
    while (xStart > 0 && (digitValue(text.charCodeAt(xStart - 1)) >= 0 || (text.charCodeAt(xStart - 1) === 0x20 && digitValue(text.charCodeAt(xStart - 2)) >= 0))) xStart--;
    xEnd++;
    if (digitCount(text, xStart, xEnd) !== digitCount(text, y.start, y.end) || spans.some((o) => o.start < xEnd && xStart < o.end)) continue;
    CORRECTED_AFTER.lastIndex = xEnd;
    if (CORRECTED_AFTER.test(text) && CORRECTED_AFTER.lastIndex === y.start) (dropped ??= []).push(y);
  }
  return dropped ? spans.filter((o) => !dropped!.includes(o)) : spans;
}

/** After a value, the word that sets another against it: "الصحيح SA83 … مو SA83 …", "not", "نه", "mish". */
const NOT_AFTER = /[ \u00a0]*[,،]?[ \u00a0]*(?:not|مو|مش|موش|mish|mesh|mo|na|نه|pas|ماشي|بدل|instead of)[ \u00a0]+/iy;

/** The account mistyped beside the right one is the customer's too: an IBAN of its country and length after "not". */
function withCorrections(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  let added: DetectedSpan[] | undefined;
  let inside: DetectedSpan[] = [];
  for (const s of spans) {
    if (s.type !== 'IBAN') continue;
    NOT_AFTER.lastIndex = s.end;
    if (!NOT_AFTER.test(text)) continue;
    const start = NOT_AFTER.lastIndex;
    if (text.slice(start, start + 2).toUpperCase() !== text.slice(s.start, s.start + 2).toUpperCase()) continue;
    const want = alnumCount(text, s.start, s.end);
    let end = start;
    let n = 0;
    while (end < text.length && n < want && (/[A-Za-z0-9]/.test(text[end]!) || (text[end] === ' ' && /[A-Za-z0-9]/.test(text[end + 1] ?? '')))) if (text[end++] !== ' ') n++;
    // (its account digits may pass as a card by chance: the IBAN's letters say what they are)
    if (n !== want || /[A-Za-z0-9]/.test(text[end] ?? '') || spans.some((o) => o.start < end && start < o.end && (o.start < start || o.end > end))) continue;
    inside = inside.concat(spans.filter((o) => o.start >= start && o.end <= end));
    (added ??= []).push({ type: 'IBAN', start, end, confidence: 0.7 });
  }
  const withNot = added ? [...spans.filter((o) => !inside.includes(o)), ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
  return withMistypedIbans(text, withNot);
}

/** An IBAN's shape: two capitals, two digits, then letters and digits, single spaces between groups at most. */
const IBAN_SHAPE = /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,32}(?![A-Za-z0-9])/g;

/**
 * "JO30ARAB…134 .. لا لحظة غلطت، الصح JO30 ARAB … 43": an account of the same country and length as an IBAN found in
 * the message, whose check fails, is the same customer's account mistyped (before the right one or after it, whatever
 * words stand between): masked too.
 */
function withMistypedIbans(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  const ibans = spans.filter((sp) => sp.type === 'IBAN');
  if (!ibans.length) return spans;
  let added: DetectedSpan[] | undefined;
  IBAN_SHAPE.lastIndex = 0;
  for (let m = IBAN_SHAPE.exec(text); m; m = IBAN_SHAPE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (spans.some((o) => o.start < end && start < o.end)) continue;
    const n = alnumCount(text, start, end);
    if (!ibans.some((sp) => text.slice(sp.start, sp.start + 2).toUpperCase() === m![0].slice(0, 2) && alnumCount(text, sp.start, sp.end) === n)) continue;
    (added ??= []).push({ type: 'IBAN', start, end, confidence: 0.7 });
  }
  return added ? [...spans, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : spans;
}

function alnumCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (/[A-Za-z0-9]/.test(text[i]!)) n++;
  return n;
}

/** "capital A one two nine…", "the letter B", "حرف K": the word that says a passport's letter is read out is part of it. */
const LETTER_WORD_BEFORE = /(?:capital|big|small|letter|حرف|harf)[ \u00a0]+$/i;
/** "A 4 4 9 0 2 1 3 7", "LY 1 4 7…", "L Y 1 4 7…": a passport's letters spelt apart before its digits are part of it. */
const SPELT_LETTERS_BEFORE = /(?<![A-Za-z0-9])(?:[A-Z]{1,2}|[A-Z] [A-Z])[ \u00a0]$/;
/** "P 3 3 0 8 1 5 4 C": and a letter spelt after them (Philippine passports end with one). */
const SPELT_LETTER_AFTER = /^[ \u00a0][B-HJ-Z](?![A-Za-z0-9])/;

function withSpeltLetters(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.some((sp) => sp.type === 'PASSPORT')) return spans;
  return spans.map((sp) => {
    if (sp.type !== 'PASSPORT' || !isDigitAt(text, sp.start) || !isDigitAt(text, sp.end - 1) || sp.end - sp.start < 7) return sp;
    const before = SPELT_LETTERS_BEFORE.exec(text.slice(Math.max(0, sp.start - 5), sp.start));
    const after = SPELT_LETTER_AFTER.exec(text.slice(sp.end, sp.end + 3));
    return before || after ? { ...sp, start: sp.start - (before?.[0].length ?? 0), end: sp.end + (after?.[0].length ?? 0) } : sp;
  });
}

/**
 * "the code they send me is four four seven, double nine, one": a code's word in the clause before four to eight digits
 * said in words, whatever groups the words fall in (the typed reader wants a code's layout, which "447 99 1" is not).
 */
const CODE_NAMED_BEFORE = /(?:\b(?:code|otp|pin|passcode|verification)\b|كود|الكود|رمز|الرمز|کد|کدی)[^.!?؟\n\d]{0,32}$/iu;

const isDigitAt = (text: string, i: number): boolean => digitValue(text.charCodeAt(i)) >= 0;

/**
 * Every sensitive value in a message, typed or dictated as words ("five nine two", "واحد صفر ثلاثة"), and the birth
 * dates only the date reader reads (`birth-dates.ts`); a machine-readable zone's fields by their positions (`machine-zone.ts`);
 * passports by their shape after a passport's word in any language (`passport-shapes.ts`), values under a label in Cyrillic script (`cyrillic-labels.ts`) or in Japanese, Chinese, Korean or Hindi (`script-labels.ts`); a code named only as "the new one" (`code-renewed.ts`),
 * a security code described by its count (`cvv-count.ts`), a birth year's wrong value (`birth-corrections.ts`) or the year someone registered the customer (`registered-year.ts`), a
 * table's cells under their column headers (`tables.ts`), an IBAN or a card dictated after its word (`dictated-iban.ts`, `dictated-card.ts`), a Maghrebi RIB or a Moroccan CIN after its word and an Afghan paper tazkira by its volume and page (`maghreb-rib.ts`, `moroccan-cin.ts`, `tazkira.ts`); a code or a birth date sent alone as the whole message (`bare-answer.ts`); never the digits of a carrier's tracking number
 * (`tracking-codes.ts`), nor a value cut out of a lettered record number, an approval's number or a staff member's code
 * (`record-numbers.ts`).
 */
export function detectSensitive(text: string, options?: DetectOptions): DetectedSpan[] {
  forgetLastSubject();
  if (!text) return detectValues(text, options);
  const namesBirth = birthWordOnce(text);
  const found = withBareAnswer(
    text,
    withoutRecordNumbers(
      text,
      withoutTrackingNumbers(
        text,
      withMissedReadings(text, withCardExpiryLines(text, withAfterCard(text, withPassportShapes(text, withScriptLabels(text, withCyrillicLabels(text, withMachineZones(text, withRenewedCode(text, withCountedCvv(text, withCardDetails(text, withWordedExpiry(text, withRegisteredYears(text, withWrongBirthYears(text, withCalendarNames(text, withBirthYears(text, withBirthDates(text, withDictatedCards(text, withTazkiras(text, withMoroccanCins(text, withMaghrebRibs(text, withDictatedIbans(text, detectValues(text, options)))))), namesBirth), namesBirth))))))))))))))),
      ),
    ),
  );
  return mayHoldTable(text) ? withTableColumns(text, found, (cell) => detectSensitive(cell, options)) : found;
}

/**
 * Round 37's readings of what the passes above leave in clear or type wrongly: a card's Cyrillic-labelled code and
 * expiry (`card-line-codes.ts`), its expiry as a year's end (`year-end-expiry.ts`), a phone dictated in words and digits
 * (`worded-phones.ts`), a Tajik mobile typed as an ID (`tajik-mobiles.ts`), a paper tazkira's volume, page and
 * registration (`paper-tazkira.ts`) and a relative's bare birth year after a birth date (`kin-birth-years.ts`). Each
 * pre-checks its words (or the spans it needs) before reading the text.
 */
function withMissedReadings(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  return withRenewedPhone(text, withKinBirthYears(text, withPaperTazkiras(text, withTajikMobiles(text, withWordedPhones(text, withYearEndExpiry(text, withCardLineCodes(text, spans)))))));
}

function detectValues(text: string, options?: DetectOptions): DetectedSpan[] {
  const typed = detect(text, options);
  const found = typed.length ? withCorrections(text, withSpeltLetters(text, withAlternatives(text, typed))) : typed;
  if (!text) return found;
  const read = readAsDigits(text);
  if (!read) return found;
  const { runs, rewritten: rw } = read;
  const spoken: DetectedSpan[] = [];
  /** Each piece's whole reading (a value cut where a chat export's next message starts is one reading). */
  const readAs = new Map<DetectedSpan, DetectedSpan>();
  for (const sp of withAlternatives(rw.text, detect(rw.text, options))) {
    let start = rw.from[sp.start]!;
    const end = rw.to[sp.end - 1]!;
    if (sp.type === 'PASSPORT') {
      const m = LETTER_WORD_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
      if (m) start -= m[0].length;
    }
    // the rest of the message was read as typed above
    if (!runs.some((r) => r.start < end && start < r.end)) continue;
    // one value, one span: groups dictated apart by commas, "..", fillers or a line break are masked with what stands
    // between them (masked one by one they would show the groups' order and lengths); only the next message of a
    // chat export, where other lines stand between, cuts it
    let a = start;
    const all = { ...sp, start, end };
    for (const r of runs) {
      for (let n = 1; n < r.groups.length; n++) {
        const cut = r.groups[n - 1]!.end;
        if (cut > a && r.groups[n]!.start < end && r.groups[n]!.apart === true) {
          const piece = { ...sp, start: a, end: cut };
          spoken.push(piece);
          readAs.set(piece, all);
          a = r.groups[n]!.start;
        }
      }
    }
    const last = { ...sp, start: a, end };
    spoken.push(last);
    if (a !== start) readAs.set(last, all);
  }
  // what was found as typed stands ("0 2 2 0 0 0 0 0 1" after a passport word is the passport, not a phone), but a run
  // of digits read whole across what the typed reader could not cross ("7 2 ⭐ 6 0 9 1") takes the parts it holds
  const overlaps = (s: { start: number; end: number }, f: { start: number; end: number }): boolean => s.start < f.end && f.start < s.end;
  // (a value masked only because nothing explained it yields to any reading: FAIL_CLOSED_CONFIDENCE)
  const aReading = (f: DetectedSpan): boolean => f.confidence !== FAIL_CLOSED_CONFIDENCE;
  const whole = (s: DetectedSpan): boolean => runs.some((r) => r.written === 'digits' && overlaps(s, r)) && found.every((f) => !overlaps(s, f) || !aReading(f) || (f.start >= s.start && f.end <= s.end && f.end - f.start < s.end - s.start));
  // (typed digits the reader joined in thousands' groups, "100, 000, 032", are an amount's layout or a list of amounts:
  // they explain themselves, as in the typed reader)
  const thousands = (s: DetectedSpan): boolean => !aReading(s) && runs.some((r) => r.written === 'digits' && overlaps(s, r) && r.groups.length > 1 && r.groups[0]!.digits.length <= 3 && r.groups.every((g, k) => k === 0 || g.digits.length === 3));
  const more = spoken.filter((s) => !thousands(s) && (whole(readAs.get(s) ?? s) || !found.some((f) => overlaps(s, f) && aReading(f))));
  for (const r of runs) {
    if (r.written !== 'words' || r.digits.length < 4 || r.digits.length > 8 || r.groups.some((g) => g.apart)) continue;
    const named = CODE_NAMED_BEFORE.exec(text.slice(Math.max(0, r.start - 48), r.start));
    // ("le code postal c'est 7 5 0 1 1", "کد رهگیری …": a record's word qualifies the code)
    if (!named || found.some((f) => overlaps(r, f)) || more.some((f) => overlaps(r, f)) || namesAny(named[0], (c) => RECORD_WORDS.has(c) || c === Cue.NID)) continue;
    more.push({ type: 'OTP', start: r.start, end: r.end, confidence: 0.75 });
  }
  if (!more.length) return found;
  const kept = found.filter((f) => !more.some((s) => overlaps(s, f)));
  // (a value read from words or keycaps can be offered again, or corrected, in typed digits: "9️⃣4️⃣1️⃣2️⃣ … الصح ٩٤١٢…")
  return withAlternatives(text, kept.concat(more).sort((x, y) => x.start - y.start || y.end - x.end));
}
