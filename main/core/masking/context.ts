/**
 * Context windows: the nearest cue word before a candidate (else just after it), within the same sentence.
 * Works on the normalised text; words are looked up in the folded view (same offsets).
 */
import { Cue, cueAt, cueOf, cueOfSpelling, isDateCue, isQualifierCue, isWeakCue } from './lexicon';
import { foldKeyword, FoldedWords, foldRange } from './detection-text';
import { inChatPrefix } from './chat-export';
import { forgetAfterTurn } from '../text/forget-after-turn';

export interface ContextText {
  norm: string;
}

const BACK_WORDS = 6;
const FORWARD_WORDS = 4;
const WEAK_LOOKBACK = 1;
/** Little words skipped between a qualifier and a weak cue: "سفارشم با کد", "the order's number". */
const GLUE_WORDS = FoldedWords.of([
  'با', 'the', 'my', 'of', 'your', 'this', 'من', 'هاي', 'ها',
  // Dari "تذکره ام نمبرش": "my" written apart
  'ام',
  // "my new number", "my kuwaiti number"
  'new', 'old', 'other', 'second', 'current', 'personal', 'private', 'work', 'home', 'local',
  'saudi', 'emirati', 'kuwaiti', 'qatari', 'omani', 'bahraini', 'egyptian', 'jordanian', 'iraqi', 'iranian', 'uk', 'us',
]);
const MY = FoldedWords.of(['my']);
/** "mine" after "number", folded: Egyptian, Maghrebi, Gulf, Iraqi, Persian, and their Latin spellings. */
const POSSESSIVES = FoldedWords.of(['بتاعي', 'ديالي', 'تاعي', 'حقي', 'مالي', 'تبعي', 'من', 'خودم', 'mte3i', 'ta3i', 'dyali', 'diali', 'bta3i', 'beta3i', 'btaa3i', '7a8i', '7agi', 'mine', 'man']);
const DATE_BACK_WORDS = 12;
/** "12 March 1990 is my date of birth": a date's role may come a few words after it, in the same clause. */
const DATE_FORWARD_WORDS = 5;
const MAX_CHARS = 64;
const DATE_MAX_CHARS = 96;

/** Digits, Latin letters (with Latin-1 accents: "né", "février"), Arabic-script letters (local for speed, see detect.ts). */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  if (c <= 0xff) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff);
}

function digitCount(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) n++;
  return n;
}

/** Sentence ends: ! ? ؟ ; ؛, a blank line, and a full stop after a word of 3+ letters (so "no. 123" stays one sentence). */
function isBoundary(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x21 || c === 0x3f || c === 0x61f || c === 0x3b || c === 0x61b) return true;
  if (c === 0x0a) return i > 0 && s.charCodeAt(i - 1) === 0x0a;
  if (c === 0x2e) {
    const next = s.charCodeAt(i + 1);
    if (!(next === 0x20 || next === 0x0a || Number.isNaN(next))) return false;
    let k = i - 1;
    while (k >= 0 && isWordChar(s.charCodeAt(k))) k--;
    // "exp. 09/29", "tel. 055…": a short cue word with a full stop is an abbreviation, not a sentence's end
    if ((i - 1 - k === 3 || i - 1 - k === 4) && cueAt(s, k + 1, i) !== undefined) return false;
    return i - 1 - k >= 3 || (i > 0 && s.charCodeAt(i - 1) >= 0x30 && s.charCodeAt(i - 1) <= 0x39);
  }
  return false;
}

function isClauseBreak(c: number): boolean {
  return c === 0x2c || c === 0x60c || c === 0x0a || c === 0x2e || c === 0x3a;
}

function labelsNextValue(s: string, from: number): boolean {
  let p = from;
  while (p < s.length && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x3a || s.charCodeAt(p) === 0x0a || s.charCodeAt(p) === 0x23)) p++;
  let d = 0;
  // (round 40: a lettered record number is its label's value too — "رقم الطلب HAI-220931", "order no. DX/22-0931")
  for (;;) {
    while (p < s.length && isWordChar(s.charCodeAt(p))) if (s.charCodeAt(p++) <= 0x39) d++;
    const c = s.charCodeAt(p);
    if (!(c === 0x2d || c === 0x2f || c === 0x5f) || !isWordChar(s.charCodeAt(p + 1))) break;
    p++;
  }
  return d >= 2;
}

/**
 * Labels written with dots or a dash, which split them into one-letter words: "d.o.b", "D.O.B.", "b-day", "b.day", "b'day".
 * Called only for words the lexicon does not know, so it costs nothing on ordinary text.
 */
function dottedCue(s: string, ws: number, we: number): Cue | undefined {
  const len = we - ws;
  if (len === 1) {
    const c = s.charCodeAt(ws) | 0x20;
    // the "b" of "d.o.b" or the "d" of "d.o.b"
    const at = c === 0x62 ? ws - 4 : c === 0x64 ? ws : -1;
    if (at >= 0 && (s.charCodeAt(at) | 0x20) === 0x64 && s.charCodeAt(at + 1) === 0x2e && (s.charCodeAt(at + 2) | 0x20) === 0x6f && s.charCodeAt(at + 3) === 0x2e && (s.charCodeAt(at + 4) | 0x20) === 0x62) return Cue.BIRTH;
    return undefined;
  }
  // "سی وی وی", "سي في في": the letters C, V, V spelt out in Persian or Arabic script
  if (len === 2 && ws >= 6 && (s.charCodeAt(ws) === 0x648 || s.charCodeAt(ws) === 0x641)) {
    const spelt = foldRange(s, ws - 6, we);
    if (spelt === 'سي وي وي' || spelt === 'سي في في') return Cue.CVV;
  }
  if (len === 3 && ws >= 2 && (s.charCodeAt(ws - 2) | 0x20) === 0x62 && (s.charCodeAt(ws - 1) === 0x2d || s.charCodeAt(ws - 1) === 0x2e || s.charCodeAt(ws - 1) === 0x27 || s.charCodeAt(ws - 1) === 0x2019)) {
    if (foldRange(s, ws, we) === 'day') return Cue.BIRTH;
  }
  return undefined;
}

/**
 * The cue of the word starting at `ws` (ending at `we`), remembered per message: the windows around neighbouring
 * candidates overlap, and folding a word and hashing it for the look-up is most of what a context scan costs.
 */
let memoNorm = '';
let memoGen = 0;
let memoAt = new Int32Array(256);
let memoCue = new Int8Array(256);
const forgetWordCues = forgetAfterTurn(() => {
  memoNorm = '';
});
const NO_CUE = -1;

function wordCue(s: string, ws: number, we: number): Cue | undefined {
  if (s !== memoNorm) {
    memoNorm = s;
    forgetWordCues();
    if (++memoGen === 0x7fffffff) {
      memoGen = 1;
      memoAt.fill(0);
    }
    if (memoAt.length < s.length) {
      memoAt = new Int32Array(s.length * 2);
      memoCue = new Int8Array(s.length * 2);
    }
  }
  if (memoAt[ws] === memoGen) {
    const c = memoCue[ws]!;
    return c === NO_CUE ? undefined : (c as Cue);
  }
  let cue = cueAt(s, ws, we) ?? dottedCue(s, ws, we);
  if (cue === undefined && we - ws >= 4 && ((s.charCodeAt(ws) | 0x20) >= 0x61 && (s.charCodeAt(ws) | 0x20) <= 0x7a)) {
    const word = foldRange(s, ws, we);
    // "lcode", "elcarte", "codi", "kodam", "passportesh": an Arabizi article or a Finglish/Arabizi ending glued to a
    // Latin cue word
    cue = latinClitics(word);
    // "tantehi", "milady": an Arabizi or Finglish word spelt another way than the lexicon's
    if (cue === undefined && we - ws >= 5) cue = cueOfSpelling(word);
  }
  // "جواز السفر", "جواز سفري": the travel word names the passport it follows, not a trip
  if (cue === Cue.TRIP && previousWordCue(s, ws) === Cue.PASSPORT) cue = Cue.PASSPORT;
  // "تذکره": in Dari, spelt with the Persian kaf, the tazkira (the Afghan national ID card); "تذكرة" is an Arabic ticket
  else if (cue === Cue.TICKET && tazkira(s, ws, we)) cue = Cue.NID;
  // "ID card", "aadhaar card", "national card": the card of an identity, not a payment card; "sim card", "sim cart":
  // a phone line's
  else if (cue === Cue.CARD) {
    if (ID_WORDS.has(previousWordCue(s, ws) as Cue)) cue = Cue.ID_CARD;
    else if (previousWordIs(s, ws, 'sim')) cue = undefined;
    // (round 34) "job card", "work card": a garage's record
    else if (jobCard(s, ws, we, cue)) cue = Cue.REF;
  }
  // (round 34) "كرت العمل", "كارت الشغل", "police report", "عرض السعر": a record's name of two words
  else if ((cue === undefined || cue === Cue.AMOUNT) && jobCard(s, ws, we, cue)) cue = Cue.REF;
  // "شناسه قبض", "شناسه پرداخت": a bill's or a payment's identifier, not a person's
  else if (cue === Cue.NID && nextWordIn(s, we, BILL_WORDS)) cue = Cue.REF;
  // "شماره رسید", "رسید ۲۱۰۷-…" opening a line: a receipt's number (Persian "رسید" is otherwise "arrived": "کدم رسید")
  else if (cue === Cue.EVENT && RECEIPT.hasAt(s, ws, we) && (previousWordCue(s, ws) === Cue.PHONE_WEAK || lineOpensAt(s, ws))) cue = Cue.REF;
  // "bill payment ID", "payment id": a bill's reference, not a person's ID
  else if (cue === Cue.ID_WEAK && (previousWordIs(s, ws, 'payment') || previousWordIs(s, ws, 'bill'))) cue = Cue.REF;
  // "الرقم الشخصي", "البطاقة الشخصية": Qatar's ID number, the personal ID card ("رقم واتس شخصي", "شماره شخصی" stay
  // phones)
  // (tested only on words that open with "الش": this branch sees every word the lexicon does not know)
  else if (cue === undefined && we - ws >= 6 && s.charCodeAt(ws + 2) === 0x634 && s.charCodeAt(ws) === 0x627 && PERSONAL.hasAt(s, ws, we) && personalOf(s, ws)) cue = Cue.NID;
  // "رقم المحل": a shop's (premises') number, an account's — only after a number word ("محل الميلاد" is a birthplace)
  // (tested only on words that open with "ال" or "م")
  else if (cue === undefined && (s.charCodeAt(ws) === 0x645 || s.charCodeAt(ws) === 0x627) && SHOP.hasAt(s, ws, we) && previousWordCue(s, ws) === Cue.PHONE_WEAK) cue = Cue.ACCOUNT;
  // "social security number": the American national ID, not a card's security code
  else if (cue === Cue.CVV && previousWordIs(s, ws, 'social')) cue = Cue.NID;
  // "الزيادة ديالي", "تاريخ الزيادة": Darija's birth (its "increase" otherwise: "الزيادة فالثمن")
  else if (cue === Cue.BIRTH && ZIYADA.hasAt(s, ws, we) && !nextWordIn(s, we, DARIJA_OF) && !DATE_OF.hasAt(s, previousWordStart(s, ws), previousWordEnd(s, ws))) cue = undefined;
  // (round 40) "التطبيق طلب كود", "طلب مني رمز": the verb "asked for" before a code's word, not an order
  else if (cue === Cue.ORDER && ASKED.hasAt(s, ws, we) && (nextWordIn(s, we, CODE_WORDS) || (nextWordIn(s, we, FROM_ME) && nextWordIn(s, nextWordEnd(s, we), CODE_WORDS)))) cue = undefined;
  // (round 40) "… zadam error dad", "ارور داد": an error that happened (a light verb after it), not an error's number
  else if (cue === Cue.REF && nextWordIn(s, we, GAVE)) cue = undefined;
  memoAt[ws] = memoGen;
  memoCue[ws] = cue ?? NO_CUE;
  return cue;
}

const ASKED = FoldedWords.of(['طلب', 'وطلب', 'فطلب'].map(foldKeyword));
const FROM_ME = FoldedWords.of(['مني', 'منى', 'منا', 'مننا', 'منك', 'منه'].map(foldKeyword));
const CODE_WORDS = FoldedWords.of(['كود', 'الكود', 'رمز', 'الرمز', 'code', 'otp', 'كود تحقق', 'رمز تحقق'].map(foldKeyword));
const GAVE = FoldedWords.of(['dad', 'daad', 'mide', 'midad', 'mideh', 'dade', 'dadeh', 'داد', 'میده', 'ميده', 'میداد', 'داده'].map(foldKeyword));

/** The end of the word after the one ending at `we` (only spaces between). */
function nextWordEnd(s: string, we: number): number {
  let p = we;
  while (p < s.length && s.charCodeAt(p) === 0x20) p++;
  while (p < s.length && isWordChar(s.charCodeAt(p))) p++;
  return p;
}

// (with a possessive ending: "شناسه پرداختش", "شناسه قبضم"; a utility's name: "شناسه قبض برق")
const BILL_WORDS = FoldedWords.of([...['قبض', 'پرداخت', 'واریز', 'تراکنش', 'سفارش', 'مرسوله', 'پیگیری', 'فاکتور', 'حساب'].flatMap((w) => [w, `${w}ش`, `${w}م`, `${w}ت`]), 'برق', 'گاز', 'آب']);

/** The word after the one ending at `we` (only spaces between) is one of `words`. */
function nextWordIn(s: string, we: number, words: FoldedWords): boolean {
  let p = we;
  while (p < s.length && s.charCodeAt(p) === 0x20) p++;
  const ws = p;
  while (p < s.length && isWordChar(s.charCodeAt(p))) p++;
  return p > ws && words.hasAt(s, ws, p);
}

const RECEIPT = FoldedWords.of(['رسید', 'رسیدش', 'رسیدم', 'الرسيد'].map(foldKeyword));
const SHOP = FoldedWords.of(['المحل', 'محل', 'محلنا']);

/** Nothing but spaces before `ws` on its line. */
function lineOpensAt(s: string, ws: number): boolean {
  const p = previousWordEnd(s, ws);
  return p === 0 || s.charCodeAt(p - 1) === 0x0a;
}

const ZIYADA = FoldedWords.of(['زياده', 'الزياده']);
const DARIJA_OF = FoldedWords.of(['ديالي', 'ديالو', 'ديالها', 'ديالك', 'ديالنا', 'ديالهم', 'ديال', 'دياله']);
const DATE_OF = FoldedWords.of(['تاريخ', 'نهار', 'يوم']);
const PERSONAL = FoldedWords.of(['الشخصي', 'الشخصيه']);
const PERSONAL_OF = FoldedWords.of(['الرقم', 'رقمي', 'البطاقه', 'بطاقتي']);

/** The word before is one that "الشخصي" makes an ID, also after "and" ("والرقم الشخصي"). */
function personalOf(s: string, ws: number): boolean {
  const from = previousWordStart(s, ws), to = previousWordEnd(s, ws);
  return PERSONAL_OF.hasAt(s, from, to) || (s.charCodeAt(from) === 0x648 && PERSONAL_OF.hasAt(s, from + 1, to));
}

function previousWordEnd(s: string, ws: number): number {
  let p = ws - 1;
  while (p >= 0 && s.charCodeAt(p) === 0x20) p--;
  return p + 1;
}

function previousWordStart(s: string, ws: number): number {
  let p = previousWordEnd(s, ws) - 1;
  while (p >= 0 && isWordChar(s.charCodeAt(p))) p--;
  return p + 1;
}

const ID_WORDS: ReadonlySet<Cue> = new Set<Cue>([Cue.NID, Cue.ID_WEAK]);

/** The word before the one starting at `ws` (only spaces between) is `word` (small Latin letters), in any case. */
function previousWordIs(s: string, ws: number, word: string): boolean {
  let p = ws - 1;
  while (p >= 0 && s.charCodeAt(p) === 0x20) p--;
  const from = p + 1 - word.length;
  if (from < 0 || (from > 0 && isWordChar(s.charCodeAt(from - 1)))) return false;
  for (let i = 0; i < word.length; i++) if ((s.charCodeAt(from + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

function tazkira(s: string, ws: number, we: number): boolean {
  const at = s.indexOf('\u062a\u0630\u06a9', ws);
  if (at >= 0 && at + 3 <= we) return true;
  const arabicKaf = s.indexOf('\u062a\u0630\u0643', ws);
  if (arabicKaf < 0 || arabicKaf + 3 > we) return false;
  // …and spelt with the Arabic kaf on an Arabic keyboard ("نمبر تذكرة ۱۴۰۰-…") by a writer of Dari: after Dari's
  // "نمبر", or in a message in Persian letters (Persian has no "ticket" of that name; Arabic has no "پ", "چ", "ژ", "گ", "ک",
  // "ی")
  return DARI_NUMBER.hasAt(s, previousWordStart(s, ws), previousWordEnd(s, ws)) || nextWordIn(s, we, DARI_AFTER_TAZKIRA) || PERSIAN_ONLY_LETTER.test(s);
}
const DARI_NUMBER = FoldedWords.of(['نمبر']);
/** "تذكره ام نمبرش", "تذكره نمبر": Dari's "my" written apart, or its "number" after the word. */
const DARI_AFTER_TAZKIRA = FoldedWords.of(['ام', 'نمبر', 'نمبرش', 'نمبرم']);
const PERSIAN_ONLY_LETTER = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/;

/** The lexicon's cue of the word before the one starting at `ws` (only spaces between). */
function previousWordCue(s: string, ws: number): Cue | undefined {
  let p = ws - 1;
  while (p >= 0 && s.charCodeAt(p) === 0x20) p--;
  const we = p + 1;
  while (p >= 0 && isWordChar(s.charCodeAt(p))) p--;
  return we > p + 1 ? cueAt(s, p + 1, we) : undefined;
}

export const LATIN_ARTICLES = ['l', 'el', 'al'];
export const LATIN_ENDINGS = ['i', 'e', 'am', 'et', 'esh', 'ash', 'o', 'ro', 'emo', 'amo', 'ou'];
const MIN_STEM = 3;

/** The cue of a folded Latin word once an article before it ("l-", "el-") or an ending after it ("-i", "-am") is taken off. */
function latinClitics(word: string): Cue | undefined {
  for (const a of LATIN_ARTICLES) {
    if (word.length - a.length >= MIN_STEM && word.startsWith(a)) {
      const c = cueOf(word.slice(a.length));
      if (c !== undefined) return c;
    }
  }
  for (const e of LATIN_ENDINGS) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) {
      const c = cueOf(word.slice(0, -e.length));
      if (c !== undefined) return c;
    }
  }
  return undefined;
}

/** Set by scanBack: the cue it returned sits on an earlier line. */
let crossedLine = false;

type Relevant = (c: Cue) => boolean;
function forNumbers(c: Cue): boolean {
  return !isDateCue(c);
}
function forDates(c: Cue): boolean {
  return isDateCue(c);
}

function scanBack(ctx: ContextText, from: number, relevant: Relevant, maxWords: number, maxChars = MAX_CHARS, commaEnds = false): Cue | 0 {
  const s = ctx.norm;
  let pos = from - 1;
  let words = 0;
  let weak: Cue | 0 = 0;
  let weakLeft = 0;
  /** Where the word after the one being read starts and ends (read just before it, going backwards). */
  let nextStart = -1;
  let nextEnd = -1;
  crossedLine = false;
  while (pos >= 0 && from - pos <= maxChars) {
    if (isBoundary(s, pos) || (commaEnds && (s.charCodeAt(pos) === 0x2c || s.charCodeAt(pos) === 0x60c))) break;
    if (s.charCodeAt(pos) === 0x0a && !weak) crossedLine = true;
    if (!isWordChar(s.charCodeAt(pos))) {
      if (weak && isClauseBreak(s.charCodeAt(pos))) return weak;
      pos--;
      continue;
    }
    const we = pos + 1;
    while (pos >= 0 && isWordChar(s.charCodeAt(pos))) pos--;
    const ws = pos + 1;
    // an earlier value ("B00940674", "12/05") owns the cues before it; a chat export's time does not (the writer's
    // "رقم موبايلي" on the line before a number they typed in the next message labels it)
    if (digitCount(s, ws, we) >= 2) {
      if (inChatPrefix(s, ws) < 0) break;
      pos = s.lastIndexOf('\n', ws);
      continue;
    }
    const cue = wordCue(s, ws, we);
    const followingStart = nextStart;
    const followingEnd = nextEnd;
    nextStart = ws;
    nextEnd = we;
    if (cue !== undefined && relevant(cue)) {
      if (weak) {
        if (isQualifierCue(cue)) return recordsCard(s, ws, cue);
      } else if (isWeakCue(cue)) {
        // "order number", "جواز السفر رقم", "سفارشم با کد": a qualifier just before the weak word decides; without
        // one, "number" followed by "mine" ("الرقم بتاعي", "noumrou mte3i", "شماره من") is the writer's phone
        weak = cue === Cue.PHONE_WEAK && followingStart >= 0 && POSSESSIVES.hasAt(s, followingStart, followingEnd) ? Cue.PHONE : cue;
        weakLeft = WEAK_LOOKBACK;
        continue;
      } else return recordsCard(s, ws, cue);
    }
    if (weak) {
      // "my number is …", like "رقمي" or "shomaram", is the writer's phone
      if (weak === Cue.PHONE_WEAK && MY.hasAt(s, ws, we)) return Cue.PHONE;
      if (!GLUE_WORDS.hasAt(s, ws, we) && --weakLeft <= 0) return weak;
    }
    if (++words >= maxWords && !weak) break;
  }
  return weak;
}

/** "insurance card", "prescription card": a card a record's word names just before it is that record's, not a payment card ("account card", "member card" stay cards). */
function recordsCard(s: string, ws: number, cue: Cue): Cue {
  if (cue !== Cue.CARD && cue !== Cue.ID_CARD) return cue;
  let we = ws;
  while (we > 0 && (s.charCodeAt(we - 1) === 0x20 || s.charCodeAt(we - 1) === 0x2d)) we--;
  if (we === ws || ws - we > 2) return cue;
  let p = we;
  while (p > 0 && isWordChar(s.charCodeAt(p - 1))) p--;
  const before = p < we ? wordCue(s, p, we) : undefined;
  return before === Cue.REF ? before : cue;
}

function scanForward(ctx: ContextText, from: number, relevant: Relevant, maxWords: number, sameClause = false): Cue | 0 {
  const s = ctx.norm;
  const len = s.length;
  let pos = from;
  let words = 0;
  let weak: Cue | 0 = 0;
  let weakEnd = -1;
  while (pos < len && pos - from <= MAX_CHARS) {
    if (isBoundary(s, pos)) break;
    if (sameClause && (isClauseBreak(s.charCodeAt(pos)) || (s.charCodeAt(pos) === 0x2d && s.charCodeAt(pos - 1) === 0x20))) break;
    if (!isWordChar(s.charCodeAt(pos))) {
      pos++;
      continue;
    }
    const ws = pos;
    while (pos < len && isWordChar(s.charCodeAt(pos))) pos++;
    if (digitCount(s, ws, pos) >= 2) break;
    const cue = wordCue(s, ws, pos);
    if (cue !== undefined && relevant(cue)) {
      // "... 16.05.2025 تاريخ الميلاد: 09/08/1971": a label right before the next value is that value's
      // (round 40: with the weak word right before it — "رقم الطلب HAI-220931" — the whole label is the next value's)
      if (labelsNextValue(s, pos)) return 0;
      if (!isWeakCue(cue)) return cue;
      if (!weak) {
        weak = cue;
        weakEnd = pos;
      }
    } else if (weak) return weak;
    if (++words >= maxWords) break;
  }
  // (round 40: a weak "number" word that opens a label with its own value — "… رقم الطلب HAI-220931" — is that value's)
  return weak && weakEnd >= 0 && weakLabelsNext(s, weakEnd) ? 0 : weak;
}

/** After a weak "number" word, its value right after it or after one more word ("رقم الطلب HAI-220931", "no. 4471"). */
function weakLabelsNext(s: string, from: number): boolean {
  if (labelsNextValue(s, from)) return true;
  let p = from;
  while (p < s.length && s.charCodeAt(p) === 0x20) p++;
  const ws = p;
  while (p < s.length && isWordChar(s.charCodeAt(p))) p++;
  return p > ws && digitCount(s, ws, p) === 0 && labelsNextValue(s, p);
}

/** A record's number or date: an order, a parcel, a transfer, a ticket, a voucher, a trip. */
function isRecordCue(c: Cue): boolean {
  return c === Cue.ORDER || c === Cue.TRACK || c === Cue.REF || c === Cue.TICKET || c === Cue.PROMO || c === Cue.TRIP;
}

/** Cues that say a number is not sensitive (an order's, an invoice's...): only these lose their force as a heading. */
const NEGATIVE_AS_HEADING: ReadonlySet<Cue> = new Set<Cue>([Cue.ORDER, Cue.TRACK, Cue.REF, Cue.TICKET, Cue.PROMO, Cue.ACCOUNT, Cue.TRIP]);

/** Between the start of `start`'s line and `start`: words, then a field separator (comma, "،", "|", ";", " - ") after them. */
function fieldAfterWords(s: string, start: number): boolean {
  let separator = false;
  for (let i = start - 1; i >= 0 && s.charCodeAt(i) !== 0x0a; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x2c || c === 0x60c || c === 0x7c || c === 0x3b || c === 0x61b || (c === 0x2d && s.charCodeAt(i - 1) === 0x20)) separator = true;
    else if (isWordChar(c) && !(c >= 0x30 && c <= 0x39)) return separator;
  }
  return false;
}

/** What the words around a number say it is (0: nothing). */
export function numberCue(ctx: ContextText, start: number, end: number): Cue | 0 {
  const column = columnHeaderCue(ctx.norm, start);
  if (column !== undefined) return column;
  let back = scanBack(ctx, start, forNumbers, BACK_WORDS);
  // "one time pin from sms? 059681": a value right after a question is its answer, so the question's words label it
  if (!back) {
    const q = questionRightBefore(ctx.norm, start);
    if (q >= 0) back = scanBack(ctx, q, forNumbers, BACK_WORDS);
  }
  // a value that opens a line belongs to the words after it on that line rather than to the line above
  if (!back || crossedLine) {
    const forward = scanForward(ctx, end, forNumbers, FORWARD_WORDS, true);
    if (forward) return forward;
    // "details for the invoice:\nAli M, 2837858617, 0919…": a heading above a line of fields (a name, then the value
    // after a comma or a dash) is the form's title, not the value's label, so it cannot veto the value
    // ("tracking:\nDHL 1234567890" keeps its label)
    if (back && crossedLine && NEGATIVE_AS_HEADING.has(back) && fieldAfterWords(ctx.norm, start)) return 0;
  }
  return back;
}

/**
 * A value in a cell of a table pasted with tabs takes the label of its column: the cell in the same place on the
 * nearest line above without digits (the header). `undefined` when the value is in no such table or the header
 * cell has no cue word. A specific word beats "number" or "code" ("کد ملی": NID).
 */
let tabNorm = '';
let tabFound = false;
const forgetTabs = forgetAfterTurn(() => {
  tabNorm = '';
});

function columnHeaderCue(s: string, start: number): Cue | undefined {
  if (s !== tabNorm) {
    tabNorm = s;
    forgetTabs();
    tabFound = s.includes('\t');
  }
  if (!tabFound) return undefined;
  const lineStart = s.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = s.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = s.length;
  const tabBefore = s.lastIndexOf('\t', start - 1);
  if (tabBefore < lineStart && s.indexOf('\t', start) < 0) return undefined;
  if (tabBefore < lineStart && s.indexOf('\t', start) > lineEnd) return undefined;
  let column = 0;
  for (let i = s.indexOf('\t', lineStart); i >= 0 && i < start; i = s.indexOf('\t', i + 1)) column++;
  for (let end = lineStart - 1; end > 0; ) {
    const from = s.lastIndexOf('\n', end - 1) + 1;
    if (digitCount(s, from, end) === 0) {
      let cellStart = from;
      for (let k = 0; k < column; k++) {
        const t = s.indexOf('\t', cellStart);
        if (t < 0 || t >= end) return undefined;
        cellStart = t + 1;
      }
      let cellEnd = s.indexOf('\t', cellStart);
      if (cellEnd < 0 || cellEnd > end) cellEnd = end;
      let weak: Cue | undefined;
      for (let p = cellStart; p < cellEnd; ) {
        if (!isWordChar(s.charCodeAt(p))) {
          p++;
          continue;
        }
        const ws = p;
        while (p < cellEnd && isWordChar(s.charCodeAt(p))) p++;
        const c = wordCue(s, ws, p);
        if (c === undefined || !forNumbers(c)) continue;
        if (!isWeakCue(c)) return c;
        weak ??= c;
      }
      return weak;
    }
    end = from - 1;
  }
  return undefined;
}

/** The position of a "?" or "؟" with only spaces between it and `start`, or -1. */
function questionRightBefore(s: string, start: number): number {
  let p = start - 1;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x0a)) p--;
  return p >= 0 && (s.charCodeAt(p) === 0x3f || s.charCodeAt(p) === 0x61f) ? p : -1;
}

/** Does any word of the message have a cue that `wanted` accepts ("the code never came …" anywhere in it)? */
export function messageHasCue(ctx: ContextText, wanted: (c: Cue) => boolean, unlessNext?: (c: Cue) => boolean): boolean {
  const s = ctx.norm;
  let pos = 0;
  while (pos < s.length) {
    if (!isWordChar(s.charCodeAt(pos))) {
      pos++;
      continue;
    }
    const ws = pos;
    while (pos < s.length && isWordChar(s.charCodeAt(pos))) pos++;
    if (digitCount(s, ws, pos) > 0) continue;
    const cue = wordCue(s, ws, pos);
    if (cue === undefined || !wanted(cue)) continue;
    // "کد ملی", "code melli", "کد رهگیری": the word the next one qualifies names that, not itself
    if (unlessNext !== undefined) {
      const next = nextWordCue(s, pos);
      if (next !== undefined && unlessNext(next)) continue;
    }
    return true;
  }
  return false;
}

/** Does a word before `end` have a cue that `wanted` accepts? */
export function messageHasCueBefore(ctx: ContextText, end: number, wanted: (c: Cue) => boolean): boolean {
  const s = ctx.norm;
  let pos = 0;
  while (pos < end) {
    if (!isWordChar(s.charCodeAt(pos))) {
      pos++;
      continue;
    }
    const ws = pos;
    while (pos < end && isWordChar(s.charCodeAt(pos))) pos++;
    const cue = digitCount(s, ws, pos) > 0 ? undefined : wordCue(s, ws, pos);
    if (cue !== undefined && wanted(cue)) return true;
  }
  return false;
}

function nextWordCue(s: string, from: number): Cue | undefined {
  let p = from;
  while (p < s.length && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x200c)) p++;
  const ws = p;
  while (p < s.length && isWordChar(s.charCodeAt(p))) p++;
  return p > ws ? wordCue(s, ws, p) : undefined;
}

/** The cue before a value within its own clause (a comma ends the look-up): "…في الحجز غير صحيح، والصحيح هو A-…" has none. */
export function clauseCueBefore(ctx: ContextText, start: number): Cue | 0 {
  return scanBack(ctx, start, forNumbers, BACK_WORDS, MAX_CHARS, true);
}

/**
 * The label after a number: the cue of the first word after it that is neither a little word nor a word for "number"
 * ("48213957 is my order number", "٢٩٠٠٤٥١٨٣٧٢ رقم الشحنة"), within its sentence; "… for the claim" is no label.
 */
export function labelAfter(ctx: ContextText, end: number): Cue | undefined {
  const s = ctx.norm;
  let pos = end;
  for (let words = 0; words < 4; words++) {
    while (pos < s.length && !isWordChar(s.charCodeAt(pos))) {
      if (isBoundary(s, pos) || isClauseBreak(s.charCodeAt(pos))) return undefined;
      pos++;
    }
    const ws = pos;
    while (pos < s.length && isWordChar(s.charCodeAt(pos))) pos++;
    if (pos === ws || digitCount(s, ws, pos) > 0) return undefined;
    const cue = wordCue(s, ws, pos);
    if (cue !== undefined && !isWeakCue(cue) && !(cue === Cue.PHONE && NUMBER_WORDS.hasAt(s, ws, pos))) return cue;
    if (cue === undefined && (pos - ws > MAX_GLUE_LENGTH || !LABEL_GLUE.hasAt(s, ws, pos))) return undefined;
  }
  return undefined;
}

/** The cue after a number only, in its clause ("٤٤٠٩ عشان افعل الحساب", "119 302 use this to log in"). */
export function numberCueAfter(ctx: ContextText, end: number): Cue | 0 {
  return scanForward(ctx, end, forNumbers, FORWARD_WORDS, true);
}

/** The cue before a number only (a year-like code needs its cue in front: "since 2017 - pin 1234" is not a code). */
export function numberCueBefore(ctx: ContextText, start: number): Cue | 0 {
  const back = scanBack(ctx, start, forNumbers, BACK_WORDS);
  return crossedLine ? 0 : back;
}

/** The role the words around a date give it: birth, expiry or another event (0: nothing). */
export function dateCue(ctx: ContextText, start: number, end: number): Cue | 0 {
  const back = scanBack(ctx, start, forDates, DATE_BACK_WORDS, DATE_MAX_CHARS);
  const backCrossedLine = crossedLine;
  const forward = scanForward(ctx, end, forDates, DATE_FORWARD_WORDS, true);
  if (back && backCrossedLine && forward) return forward;
  // "... تولدم ..., کارت ملیم تا 1409/06/11 اعتبار داره": the date's own verb after it beats a distant cue before it
  if (back === Cue.BIRTH && forward === Cue.EXPIRY) return forward;
  // "من پنجم تیر هفتاد به دنیا اومدم، سفارش هم ۱۴۰۳/۰۸/۰۲ رسید": a record named in the date's own clause owns it, not
  // a birth word of the clause before
  if (back === Cue.BIRTH && !scanBack(ctx, start, forDates, DATE_BACK_WORDS, DATE_MAX_CHARS, true) && scanBack(ctx, start, isRecordCue, DATE_BACK_WORDS, DATE_MAX_CHARS, true)) return forward;
  return back || forward;
}

/**
 * Walks the words before `from` in its sentence, nearest first, at most `maxWords` words within `maxChars`, and
 * answers what `visit` answers first for a word [ws, we) (`undefined` reads on); false when the walk ends.
 */
function wordsBefore(ctx: ContextText, from: number, maxWords: number, maxChars: number, visit: (s: string, ws: number, we: number) => boolean | undefined): boolean {
  const s = ctx.norm;
  let pos = from - 1;
  let words = 0;
  while (pos >= 0 && from - pos <= maxChars && words < maxWords) {
    if (isBoundary(s, pos)) return false;
    if (!isWordChar(s.charCodeAt(pos))) {
      pos--;
      continue;
    }
    const we = pos + 1;
    while (pos >= 0 && isWordChar(s.charCodeAt(pos))) pos--;
    const verdict = visit(s, pos + 1, we);
    if (verdict !== undefined) return verdict;
    words++;
  }
  return false;
}

/**
 * Is `target` among the `maxWords` words before `from`, in the same sentence ("the number on the back of the card: 123")?
 * With `valueOwns`, an earlier value owns the words before it ("کد ملی ۴۱۷… درخواست شماره ۱۲۰۰۴۵": the code word is the ID's).
 */
export function cueBefore(ctx: ContextText, from: number, target: Cue, maxWords: number, valueOwns = false): boolean {
  return wordsBefore(ctx, from, maxWords, MAX_CHARS, (s, ws, we) => (valueOwns && digitCount(s, ws, we) >= 2 ? false : wordCue(s, ws, we) === target ? true : undefined));
}

/** How far back a label may stand from its value with other words between ("they asked for my SSN to verify, it's …"). */
const FAR_WORDS = 12;
const FAR_MAX_CHARS = 120;

/**
 * Is `target` among the twelve words before `from` in its sentence, with only cues `passes` accepts between them?
 * An earlier value (a word with two digits or more) owns the words before it.
 */
export function labelFarBefore(ctx: ContextText, from: number, target: Cue, passes: (c: Cue) => boolean): boolean {
  return wordsBefore(ctx, from, FAR_WORDS, FAR_MAX_CHARS, (s, ws, we) => {
    if (digitCount(s, ws, we) >= 2) return false;
    const cue = wordCue(s, ws, we);
    if (cue === target) return true;
    return cue !== undefined && forNumbers(cue) && !passes(cue) ? false : undefined;
  });
}

/**
 * Is `target` among the eight words after `end` in its clause, with only cues `passes` accepts before it
 * ("AB1234567 hada howa le passeport", "٤٤٩١٠٢٨٣٧ هذا هو رقم جواز السفر")? A later value ends the search.
 */
export function labelFarAfter(ctx: ContextText, end: number, target: Cue, passes: (c: Cue) => boolean): boolean {
  const s = ctx.norm;
  let words = 0;
  for (let pos = end; pos < s.length && pos - end <= FAR_MAX_CHARS; ) {
    const c = s.charCodeAt(pos);
    if (isBoundary(s, pos) || isClauseBreak(c)) return false;
    if (!isWordChar(c)) {
      pos++;
      continue;
    }
    const ws = pos;
    while (pos < s.length && isWordChar(s.charCodeAt(pos))) pos++;
    if (digitCount(s, ws, pos) >= 2) return false;
    const cue = wordCue(s, ws, pos);
    if (cue === target) return true;
    if (cue !== undefined && forNumbers(cue) && !passes(cue)) return false;
    if (++words >= 8) return false;
  }
  return false;
}

/** Where the sentence holding `at` starts (at most 200 characters back). */
export function sentenceStart(ctx: ContextText, at: number): number {
  let p = at - 1;
  while (p >= 0 && at - p <= 200 && !isBoundary(ctx.norm, p)) p--;
  return p + 1;
}

/** Little words between a record's label and its number: "account no. is 0298…", "رقم الحساب متاعي …", "numéro de compte …". */
// (round 34: where the record is held, between its label and its number — "account with you 1070…", "on your system",
// "رقم الشقة عندكم …", "المسجل عندكم")
const LABEL_GLUE = FoldedWords.of([...GLUE_WORDS, ...POSSESSIVES, 'is', 'was', 'est', 'c', 'de', 'du', 'هو', 'هي', 'است', 'هست', 'متاعي', 'ديال', 'دیال', 'with', 'you', 'on', 'in', 'at', 'system', 'file', 'records', 'عندكم', 'عندك', 'لديكم', 'لديك', 'معاكم', 'المسجل', 'المسجله', 'ma3akom', '3andkom', 'endakom', 'پیش', 'شما', 'pishe', 'shoma'].map(foldKeyword));
const MAX_GLUE_LENGTH = 9;
/** French "number" is a phone word on its own, but in "numéro de compte" it is the label's. */
const NUMBER_WORDS = FoldedWords.of(['numéro', 'numero']);

/**
 * Is the number at `start` labelled as one of `isRecord`'s (an account's, an order's, a trip's): "account no. 0298…",
 * "رقم الحساب ٠١٢…", "شماره سفر ۹۸۴…", "customer number is 055…" — the label's word is the first word before the
 * number that is neither a little word nor a word for "number" — with no phone word before the label in its sentence
 * ("رقمي المربوط بالحساب 055…", "the mobile number on my account is 055…": the phone's account, not the account's number).
 */
export function recordLabelBefore(ctx: ContextText, start: number, isRecord: (c: Cue) => boolean, listed = 0): boolean {
  const s = ctx.norm;
  let pos = start - 1;
  let joined = false;
  for (let words = 0; words < 5; words++) {
    while (pos >= 0 && !isWordChar(s.charCodeAt(pos))) {
      if (isBoundary(s, pos)) return false;
      // ("refs 2039… & 2048…", "2039…, 2048…")
      if (words === 0 && (s.charCodeAt(pos) === 0x26 || s.charCodeAt(pos) === 0x2c || s.charCodeAt(pos) === 0x60c)) joined = true;
      pos--;
    }
    const we = pos + 1;
    while (pos >= 0 && isWordChar(s.charCodeAt(pos))) pos--;
    // (a word of digits ends the label; Arabizi's words hold digits too: "7sab", "ra2m") — (round 34) unless it is the
    // label's first number and this one its second, joined by "and", "&" or a comma under a plural label ("refs 2039…
    // and 2048…", "ارقام الحسابات ١٠٨… و ١٠٧…")
    if (we > pos + 1 && digitCount(s, pos + 1, we) === we - pos - 1) return joined && words <= 1 && listed < 3 && recordLabelBefore(ctx, pos + 1, isRecord, listed + 1);
    if (we === pos + 1) return false;
    if (words === 0 && LIST_JOIN.hasAt(s, pos + 1, we)) {
      joined = true;
      continue;
    }
    const cue = wordCue(s, pos + 1, we);
    if (cue !== undefined && isRecord(cue)) return (!listed || pluralLabel(s, pos + 1, we, sentenceStart(ctx, pos + 1))) && !phoneWordBefore(ctx, pos + 1);
    if (cue !== undefined) {
      // ("compte numéro 06…": French "number" before the number belongs to the label)
      if (isWeakCue(cue) || (cue === Cue.PHONE && NUMBER_WORDS.hasAt(s, pos + 1, we))) continue;
      return false;
    }
    // ("شناسه قبض …", "شناسه پرداختش …": the bill's word after "شناسه" belongs to the label)
    if (BILL_WORDS.hasAt(s, pos + 1, we)) continue;
    if (we - pos - 1 > MAX_GLUE_LENGTH || !LABEL_GLUE.hasAt(s, pos + 1, we)) return false;
  }
  return false;
}

/** Work's word in a job card's name: "كرت العمل", "كارت الشغل", "job card", "work card". */
const WORK_WORDS = FoldedWords.of(['العمل', 'الشغل', 'عمل', 'شغل', 'shoghl', 'sho3l'].map(foldKeyword));
const JOB_WORDS = FoldedWords.of(['job', 'work', 'jobs']);
const CARD_WORDS = FoldedWords.of(['كرت', 'كارت', 'بطاقه', 'بطاقة', 'kart', 'card'].map(foldKeyword));

/** The word before the one starting at `ws` (spaces between only): its [start, end), or null. */
function wordBefore(s: string, ws: number): [number, number] | null {
  let p = ws - 1;
  while (p >= 0 && s.charCodeAt(p) === 0x20) p--;
  const we = p + 1;
  while (p >= 0 && isWordChar(s.charCodeAt(p))) p--;
  return we > p + 1 && we < ws ? [p + 1, we] : null;
}

const POLICE_WORDS = FoldedWords.of(['police', 'الشرطه', 'الشرطة', 'شرطه', 'پلیس', 'polis'].map(foldKeyword));
const REPORT_WORDS = FoldedWords.of(['report', 'تقرير', 'محضر', 'گزارش'].map(foldKeyword));
const QUOTE_WORDS = FoldedWords.of(['عرض'].map(foldKeyword));

/**
 * Is the word s[ws, we) the last of a record's two-word name: a job card ("كرت العمل", "كارت الشغل", "job card"), a
 * police report ("police report"), a price quote ("عرض السعر": the price's word names the quote, not an amount)?
 */
function jobCard(s: string, ws: number, we: number, cue: Cue | undefined): boolean {
  // (the word itself first: this runs for every word the lexicon does not know)
  const names = cue === Cue.CARD ? JOB_WORDS : cue === Cue.AMOUNT ? QUOTE_WORDS : cue !== undefined ? null : WORK_WORDS.hasAt(s, ws, we) ? CARD_WORDS : REPORT_WORDS.hasAt(s, ws, we) ? POLICE_WORDS : null;
  if (!names) return false;
  const prev = wordBefore(s, ws);
  return prev !== null && names.hasAt(s, prev[0], prev[1]);
}

/** Words that join two numbers in a list: "and", "et", "und", "y", "va", "و". */
const LIST_JOIN = FoldedWords.of(['and', 'et', 'und', 'y', 'va', 'wa', 'w', 'و', 'or'].map(foldKeyword));
/** "numbers", "nos", "ارقام", "شماره‌های": a plural "number" before a label. */
const NUMBERS_BEFORE = /(?:\b(?:numbers|nums|nos|nrs|numeros|numéros)\b|[اأ]رقام|شماره ?ها)/iu;

/** Does the label s[ws, we) name several numbers: a plural word ("refs", "accounts", "الحسابات") or after "numbers"? */
function pluralLabel(s: string, ws: number, we: number, from: number): boolean {
  const last = s.charCodeAt(we - 1);
  if (we - ws >= 4 && (last === 0x73 || last === 0x53)) return true;
  if (we - ws >= 4 && last === 0x62a && s.charCodeAt(we - 2) === 0x627) return true;
  if (we - ws >= 4 && last === 0x627 && s.charCodeAt(we - 2) === 0x647) return true;
  return NUMBERS_BEFORE.test(s.slice(Math.max(from, ws - 32), we));
}

/**
 * Is a phone word (not French "numéro") among the six words before `from`, in its sentence? An earlier value (a word
 * of two digits or more) owns the words before it (round 34: "my cell 055…\nher account 1070…": the phone word is
 * the earlier number's).
 */
export function phoneWordBefore(ctx: ContextText, from: number): boolean {
  const s = ctx.norm;
  let pos = from - 1;
  for (let words = 0; pos >= 0 && from - pos <= MAX_CHARS && words < 6; words++) {
    while (pos >= 0 && !isWordChar(s.charCodeAt(pos))) {
      if (isBoundary(s, pos)) return false;
      pos--;
    }
    const we = pos + 1;
    while (pos >= 0 && isWordChar(s.charCodeAt(pos))) pos--;
    if (digitCount(s, pos + 1, we) >= 2) return false;
    if (we > pos + 1 && wordCue(s, pos + 1, we) === Cue.PHONE && !NUMBER_WORDS.hasAt(s, pos + 1, we)) return true;
  }
  return false;
}

/** Words for receiving a message (folded), in every language we read: "got", "وصلني", "اومد", "wslni". */
const RECEIVED = new Set(
  [
    'got', 'received', 'receive', 'texted', 'sms', 'messaged', 'getting', 'sent',
    'وصلني', 'وصلتني', 'وصلنى', 'جاني', 'جاتني', 'اجاني', 'جالي', 'جتلي', 'بعتولي', 'بعتلي', 'ارسلولي', 'ارسلوا', 'وصلي',
    'بعتهولي', 'بعتوهولي', 'بعتهالي', 'بعتوهالي', 'ارسلتولي', 'ارسلتوه', 'ارسلوه', 'بعثولي', 'بعثتولي', 'وصل', 'وصلت',
    'اومد', 'اومده', 'امد', 'فرستادن', 'فرستاده', 'رسيد', 'پیامک', 'اسامس', 'پیامکی',
    'wslni', 'wsalni', 'wesalni', 'gali', 'gani', 'jani', 'ba3atoli', 'omad', 'oomad', 'ferestadan',
    // (round 35: "this came", Levantine "اجتني", "اجاتني", "إجاني")
    'came', 'اجتني', 'اجاتني', 'إجاني', 'اجانا', 'ajani', 'ejani',
  ].map(foldKeyword),
);

/**
 * Verbs of sending, by their stem: "بعتوه", "دزيتوه", "ارسلتوها", "فرستادین", "ba3atooh", "ersaltoh" — a dialect
 * conjugates them with endings no list keeps up with. A word is such a verb when, after an optional "و"/"ف"/"w",
 * it is a stem and at most six more letters ("ارسل|توهولي").
 */
const SEND_STEMS = ['بعت', 'بعث', 'ارسل', 'رسلت', 'دزيت', 'دزو', 'دزي', 'فرستاد', 'ba3at', 'ba3t', 'b3at', 'ba3ath', 'ersal', 'arsal', 'dazz', 'dazet', 'dazit', 'ferestad', 'frestad'].map(foldKeyword);
const MAX_ENDING = 6;

function isSendVerb(word: string): boolean {
  let w = word;
  if (w.length > 4 && (w[0] === 'و' || w[0] === 'ف' || w[0] === 'w')) {
    const rest = w.slice(1);
    if (SEND_STEMS.some((st) => rest.startsWith(st))) w = rest;
  }
  for (const st of SEND_STEMS) if (w.startsWith(st) && w.length - st.length <= MAX_ENDING) return true;
  return false;
}

/** Is a word for receiving a message among the `maxWords` (three) words before `from`, in the same sentence? */
export function receivedBefore(ctx: ContextText, from: number, maxWords = 3): boolean {
  const s = ctx.norm;
  let pos = from - 1;
  let words = 0;
  while (pos >= 0 && from - pos <= MAX_CHARS && words < maxWords) {
    if (isBoundary(s, pos)) return false;
    if (!isWordChar(s.charCodeAt(pos))) {
      pos--;
      continue;
    }
    const we = pos + 1;
    while (pos >= 0 && isWordChar(s.charCodeAt(pos))) pos--;
    // another value between ends the look-up; a lone digit ("6 digit") is a word
    if (digitCount(s, pos + 1, we) > 1) return false;
    const word = foldRange(s, pos + 1, we);
    // ("واجاني": the word after "and")
    if (RECEIVED.has(word) || isSendVerb(word) || (word.length > 3 && (word[0] === 'و' || word[0] === 'ف') && RECEIVED.has(word.slice(1)))) return true;
    // "اس ام اس کردین" (you texted): the letters S, M, S spelt out
    if (word === 'اس' && pos >= 5 && foldRange(s, pos - 5, we) === 'اس ام اس') return true;
    words++;
  }
  return false;
}

/** Words that correct a value stated wrongly ("the correct one is", "الصحيح", "تاریخ صحیح", "should be"), folded. */
const CORRECTION = FoldedWords.of(
  ['correct', 'correctly', 'right', 'actual', 'actually', 'real', 'should', 'صحيح', 'الصحيح', 'الصح', 'صح', 'والصحيح', 'صحیح', 'درست', 'درستش', 'اصلی', 'واقعی', 'sahih', 'sa7i7', 'dorost', 'dorostesh'].map(foldKeyword),
);

/** Is a word correcting a wrong value among the five words before `from`, in the same sentence? */
export function correctionBefore(ctx: ContextText, from: number): boolean {
  const s = ctx.norm;
  let pos = from - 1;
  for (let words = 0; pos >= 0 && from - pos <= MAX_CHARS && words < 5; words++) {
    while (pos >= 0 && !isWordChar(s.charCodeAt(pos))) {
      if (isBoundary(s, pos)) return false;
      pos--;
    }
    const we = pos + 1;
    while (pos >= 0 && isWordChar(s.charCodeAt(pos))) pos--;
    if (we > pos + 1 && CORRECTION.hasAt(s, pos + 1, we)) return true;
  }
  return false;
}

/** The word ending right before `end` (only spaces and ":", "-", "=" between): its start, or -1. */
/** Emoji and pictographs (surrogate pairs, arrows, dingbats, the variation selector and joiners between them). */
function isPictograph(c: number): boolean {
  return (c >= 0xd800 && c <= 0xdfff) || (c >= 0x2190 && c <= 0x2bff) || c === 0xfe0f || c === 0x200d || c === 0x20e3;
}

/** The word right before `end`, across spaces, ":", "-", "=" and emoji ("رمز التحقق 😀 900000"). */
function wordRightBefore(s: string, end: number): number {
  let p = end - 1;
  while (p >= 0 && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x3a || s.charCodeAt(p) === 0x2d || s.charCodeAt(p) === 0x3d || isPictograph(s.charCodeAt(p)))) p--;
  const we = p + 1;
  while (p >= 0 && isWordChar(s.charCodeAt(p))) p--;
  return p + 1 < we && digitCount(s, p + 1, we) === 0 ? p + 1 : -1;
}

function wordEnd(s: string, ws: number): number {
  let p = ws;
  while (p < s.length && isWordChar(s.charCodeAt(p))) p++;
  return p;
}

/** The cue of the word right before `start` ("cvv 2 250": CVV before the "2"). */
export function cueRightBefore(ctx: ContextText, start: number): Cue | undefined {
  const w = wordRightBefore(ctx.norm, start);
  return w < 0 ? undefined : wordCue(ctx.norm, w, wordEnd(ctx.norm, w));
}

/**
 * A one-time-code label right before `start`: "رمز التحقق 900000", "verification code: 900000", "OTP 4829" — a
 * strong code word, or "code"/"رمز" right after one — and no amount word just before the label ("رسوم التفعيل",
 * activation fee). Such a label names the number even when a currency word follows it.
 */
export function otpLabelRightBefore(ctx: ContextText, start: number): boolean {
  const s = ctx.norm;
  const w1 = wordRightBefore(s, start);
  if (w1 < 0) return false;
  let label = w1;
  const c1 = wordCue(s, w1, wordEnd(s, w1));
  if (c1 === Cue.OTP_WEAK) {
    const w2 = wordRightBefore(s, w1);
    if (w2 < 0 || wordCue(s, w2, wordEnd(s, w2)) !== Cue.OTP) return false;
    label = w2;
  } else if (c1 !== Cue.OTP) return false;
  return !cueBefore(ctx, label, Cue.AMOUNT, 2);
}

/** Currencies written as capitals that are words in lower case ("DA" is Egyptian "this"): Algerian, Moroccan and Tunisian dinars and dirhams, Kuwaiti dinars, Egyptian pounds. */
const CURRENCY_CAPITALS: ReadonlySet<string> = new Set(['DA', 'DH', 'DHS', 'Dh', 'Dhs', 'DT', 'KD', 'LE', 'EGP']);
/** "۵۰۰ هزار تومان", "2 million DA": a multiplier between an amount and its currency. */
const MULTIPLIERS = FoldedWords.of(['هزار', 'ميليون', 'مليون', 'مليار', 'ميليارد', 'الف', 'الاف', 'thousand', 'million', 'mille', 'millions', 'k'].map(foldKeyword));
/** Their first letters (Latin ones in lower case, as `| 0x20` makes them): spares folding most words. */
const MULTIPLIER_FIRST: ReadonlySet<number> = new Set([...MULTIPLIERS].map((w) => w.charCodeAt(0) | 0x20));

/**
 * Currencies that are a currency only after a number: "افغانی" is also "Afghan" ("تذکره افغانی", an Afghan ID card),
 * so it is no cue before a value.
 */
const AFTER_AMOUNT_CURRENCIES = FoldedWords.of(['افغانی', 'افغانۍ', 'افغاني', 'افغانيه', 'afghani', 'afghanis', 'afn', 'afs'].map(foldKeyword));

/** Is the word right after `end` a currency ("250 SAR", "٥٠٠ ريال", "2 500 DA", "۱۸۵ هزار تومان")? */
export function followedByCurrency(ctx: ContextText, end: number): boolean {
  const s = ctx.norm;
  let pos = end;
  for (let words = 0; words < 2; words++) {
    while (pos < s.length && s.charCodeAt(pos) === 0x20) pos++;
    const ws = pos;
    while (pos < s.length && isWordChar(s.charCodeAt(pos))) pos++;
    if (pos === ws) return false;
    if (wordCue(s, ws, pos) === Cue.CURRENCY || AFTER_AMOUNT_CURRENCIES.hasAt(s, ws, pos)) return true;
    // (sliced or folded only when short enough to be one: most words after a number are not)
    const first = s.charCodeAt(ws);
    if (pos - ws <= 3 && first >= 0x41 && first <= 0x5a && CURRENCY_CAPITALS.has(s.slice(ws, pos))) return true;
    if (pos - ws > 8 || !MULTIPLIER_FIRST.has(first | 0x20) || !MULTIPLIERS.hasAt(s, ws, pos)) return false;
  }
  return false;
}
