/**
 * Numbers said as words with tens, hundreds and thousands (round 9, classes C and F of the r8 blind set): a birth
 * date's day and year in words ("خمسة عشر مارس ألف وتسعمية وخمسة وتسعين", "پانزدهم اسفند هزار و سیصد و هفتاد و دو",
 * "عشرين يناير ألفين واتنين") and a phone read in groups of hundreds and tens ("صفر نهصد و دوازده، سیصد و چهل و پنج،
 * شصت و هفت، هشتاد و نه"). `spoken-digits.ts` reads digits one by one and leaves any run with a hundred or a thousand
 * in it as an amount; here such a number is read whole, but only where it cannot be an amount: right before or after
 * a month name (a date's day or year), or as two or more groups apart by commas with seven digits or more in all (a
 * phone read out in groups). A number alone ("دفعت ألف وخمسمية") stays words.
 */
import { readerSteps } from './reader-steps';
import { MONTH_WORDS } from './dates';
import { foldKeyword } from './detection-text';
import { BORN_IN_YEAR_WORDS } from './lexicon';
import { ENGLISH_NUMBERS, type SpokenRun } from './spoken-digits';

const VALUES = new Map<string, number>();
const THOUSAND = 1000;
/** "hundred" after a unit multiplies it ("three hundred"). */
const HUNDRED_WORD = -100;
const put = (value: number, words: string): void => {
  for (const w of words.split(/\s+/)) if (w) VALUES.set(foldKeyword(w), value);
};
/** Persian and Dari number words (folded), whose parts are always joined by "و". */
const PERSIAN = new Set<string>();
const putFa = (value: number, words: string): void => {
  put(value, words);
  for (const w of words.split(/\s+/)) if (w) PERSIAN.add(foldKeyword(w));
};
// Arabic (MSA, Gulf, Egyptian, Levantine spellings), folded (ة → ه, أ → ا, ی → ي)
put(0, 'صفر zéro');
put(1, 'واحد واحده احد');
put(2, 'اثنين اثنان اتنين ثنين اثنتين اثنتان اثنا اتنا');
put(3, 'ثلاثه ثلاث تلاته تلات');
put(4, 'اربعه اربع');
put(5, 'خمسه خمس');
put(6, 'سته ست');
put(7, 'سبعه سبع');
put(8, 'ثمانيه ثماني ثمان تمانيه تمنيه');
put(9, 'تسعه تسع');
put(10, 'عشره عشر');
put(11, 'حداشر حداش احداشر حدعش احدعش');
put(12, 'اتناشر اطناش اثنعش ثنعش');
put(13, 'تلتاشر ثلطاش ثلطعش');
put(14, 'اربعتاشر اربعطاش اربعطعش');
put(15, 'خمستاشر خمسطاش خمسطعش');
put(16, 'ستاشر سطاش سطعش');
put(17, 'سبعتاشر سبعطاش سبعطعش');
put(18, 'تمنتاشر ثمنطاش ثمنطعش');
put(19, 'تسعتاشر تسعطاش تسعطعش');
put(20, 'عشرين عشرون');
put(30, 'ثلاثين ثلاثون تلاتين');
put(40, 'اربعين اربعون ربعين');
put(50, 'خمسين خمسون');
put(60, 'ستين ستون');
put(70, 'سبعين سبعون');
put(80, 'ثمانين ثمانون تمانين');
put(90, 'تسعين تسعون');
put(100, 'مئه مائه ميه ميت');
put(200, 'مئتين مئتان ميتين مائتين مائتان');
put(300, 'ثلاثمئه ثلاثمائه ثلاثميه تلتميه تلاتميه');
put(400, 'اربعمئه اربعمائه اربعميه ربعميه');
put(500, 'خمسمئه خمسمائه خمسميه');
put(600, 'ستمئه ستمائه ستميه');
put(700, 'سبعمئه سبعمائه سبعميه');
put(800, 'ثمانمئه ثمانمائه ثمانميه تمنميه تمانميه');
put(900, 'تسعمئه تسعمائه تسعميه');
put(THOUSAND, 'الف');
put(2000, 'الفين الفان');
// Persian and Dari
putFa(1, 'یک یه');
putFa(2, 'دو');
putFa(3, 'سه');
putFa(4, 'چهار چار');
putFa(5, 'پنج');
putFa(6, 'شش شیش');
putFa(7, 'هفت');
putFa(8, 'هشت');
putFa(9, 'نه');
putFa(10, 'ده');
putFa(11, 'یازده');
putFa(12, 'دوازده');
putFa(13, 'سیزده');
putFa(14, 'چهارده');
putFa(15, 'پانزده پونزده');
putFa(16, 'شانزده شونزده');
putFa(17, 'هفده هیفده');
putFa(18, 'هجده هیجده');
putFa(19, 'نوزده');
putFa(20, 'بیست');
putFa(30, 'سی');
putFa(40, 'چهل');
putFa(50, 'پنجاه');
putFa(60, 'شصت');
putFa(70, 'هفتاد');
putFa(80, 'هشتاد');
putFa(90, 'نود');
putFa(100, 'صد یکصد');
putFa(200, 'دویست');
putFa(300, 'سیصد');
putFa(400, 'چهارصد');
putFa(500, 'پانصد پونصد');
putFa(600, 'ششصد شیشصد');
putFa(700, 'هفتصد');
putFa(800, 'هشتصد هشصد');
putFa(900, 'نهصد');
putFa(THOUSAND, 'هزار');
// French (Maghrebi customers dictate phones in it: "zéro six, soixante et un, quatre-vingt-dix-huit")
put(1, 'un une');
put(2, 'deux');
put(3, 'trois');
put(4, 'quatre');
put(5, 'cinq');
put(7, 'sept');
put(8, 'huit');
put(9, 'neuf');
put(10, 'dix');
put(11, 'onze');
put(12, 'douze');
put(13, 'treize');
put(14, 'quatorze');
put(15, 'quinze');
put(16, 'seize');
put(20, 'vingt vingts');
put(30, 'trente');
put(40, 'quarante');
put(50, 'cinquante');
put(60, 'soixante');
// English
for (const [value, words] of ENGLISH_NUMBERS) put(value, words);
put(0, 'oh');
put(HUNDRED_WORD, 'hundred');
put(THOUSAND, 'thousand');

/** Persian ordinals: the cardinal and "م" / "ام" ("پانزدهم", "بیست و یکم", "سی‌ام"); and the irregular ones. */
const ORDINALS = new Map<string, number>([['اول', 1], ['یکم', 1], ['سوم', 3], ['first', 1], ['second', 2], ['third', 3]].map(([w, v]) => [foldKeyword(w as string), v as number]));
// Finglish (round 32: "sefr, noh sad o davazdah, se sad o bist o panj": Persian's numbers in Latin letters, their
// parts joined by "o" as Persian's by "و")
put(0, 'sefr sifr زیرو');
for (const [value, words] of [
  [1, 'yek yak yeki'], [2, 'do'], [3, 'se seh'], [4, 'chahar chahaar chehar char'], [5, 'panj'], [6, 'shesh shish'], [7, 'haft'], [8, 'hasht'], [9, 'noh nuh'],
  [10, 'dah'], [11, 'yazdah yazda'], [12, 'davazdah davazda'], [13, 'sizdah sizda'], [14, 'chahardah'], [15, 'panzdah poonzdah punzdah'], [16, 'shanzdah shoonzdah'],
  [17, 'hefdah hivdah hifdah'], [18, 'hejdah hijdah'], [19, 'noozdah nuzdah'], [20, 'bist'], [30, 'si'], [40, 'chehel chel'], [50, 'panjah panja'], [60, 'shast shas'],
  [70, 'haftad'], [80, 'hashtad'], [90, 'navad noad nawad'], [100, 'sad'], [200, 'devist divist dewist'], [300, 'sisad'], [400, 'chaharsad'], [500, 'pansad panjsad poonsad punsad'],
  [600, 'sheshsad shishsad'], [700, 'haftsad'], [800, 'hashtsad hashsad'], [900, 'nohsad nosad'],
] as const) putFa(value, words);
const AND = new Set(['و', 'and', 'et', 'o'].map(foldKeyword));

/**
 * A phone's number word (`worded-phones.ts`): Persian's, Dari's or Finglish's numbers below a thousand, or a digit word
 * in Arabic script ("خمسه", "صفر"); Arabic's teens and tens and the Latin languages' words are counts there.
 */
export function phoneNumberWord(word: string): number | undefined {
  return phoneValueOfFolded(foldKeyword(word.toLowerCase()));
}

/** `phoneNumberWord` of a word already lower-cased and folded. */
function phoneValueOfFolded(w: string): number | undefined {
  const v = VALUES.get(w);
  if (v === undefined || v < 0 || v >= THOUSAND) return undefined;
  if (PERSIAN.has(w) || (v === 0 && w !== 'oh')) return v;
  return v < 10 && w.charCodeAt(0) >= 0x600 ? v : undefined;
}

/**
 * A bit per (first unit, last unit) of the folded words `phoneNumberWord` answers, and per unit below U+0800 the unit
 * its lower case folds to (0 when it folds to nothing or to more than one unit): `mayBePhoneNumberWordAt` passes most
 * words beside a digit group without slicing, lower-casing, folding and hashing them.
 */
const FOLDED_UNIT = new Uint16Array(0x800);
for (let c = 0; c < 0x800; c++) {
  const f = foldKeyword(String.fromCharCode(c).toLowerCase());
  FOLDED_UNIT[c] = f.length === 1 ? f.charCodeAt(0) : 0;
}
const phoneEndsBit = (first: number, last: number): number => (Math.imul(first, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b)) >>> 20;
const PHONE_ENDS = new Uint32Array(128);
for (const w of VALUES.keys()) {
  if (!w || phoneValueOfFolded(w) === undefined) continue;
  const bit = phoneEndsBit(w.charCodeAt(0), w.charCodeAt(w.length - 1));
  PHONE_ENDS[bit >>> 5]! |= 1 << (bit & 31);
}

/**
 * False when text[from, to) cannot be a phone's number word (`phoneNumberWord`): its first and last units are below
 * U+0800 and each folds to one unit, and no such word opens and ends with that pair. True otherwise (then ask it).
 */
export function mayBePhoneNumberWordAt(text: string, from: number, to: number): boolean {
  const a = text.charCodeAt(from);
  const b = text.charCodeAt(to - 1);
  if (a >= 0x800 || b >= 0x800) return true;
  const fa = FOLDED_UNIT[a]!;
  const fb = FOLDED_UNIT[b]!;
  if (!fa || !fb) return true;
  const bit = phoneEndsBit(fa, fb);
  return ((PHONE_ENDS[bit >>> 5]! >>> (bit & 31)) & 1) === 1;
}

/** A folded word is a number word (a digit, a ten, a hundred, a thousand, an ordinal, with Arabic "و" written onto it). */
export function isNumberWord(word: string): boolean {
  return valueOf(word) !== undefined;
}

/** "وخمسة", "وعشرين": a number word with the Arabic "and" written onto it (not "واحد", a number word of its own). */
export function joinedByAnd(word: string): boolean {
  return word.length > 2 && word.charCodeAt(0) === 0x648 && !VALUES.has(word) && VALUES.has(word.slice(1));
}

function valueOf(word: string): number | undefined {
  const v = VALUES.get(word) ?? ORDINALS.get(word);
  if (v !== undefined) return v;
  // "وخمسة", "وتسعين": the Arabic "and" written onto the number
  if (word.length > 2 && word.charCodeAt(0) === 0x648) {
    const rest = VALUES.get(word.slice(1));
    if (rest !== undefined) return rest;
  }
  // "پانزدهم", "سیام", "fifteenth" is left to the date rules
  for (const suffix of ['ام', 'م']) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const base = VALUES.get(word.slice(0, -suffix.length));
      if (base !== undefined && base >= 1 && base <= 30) return base;
    }
  }
  return undefined;
}

/** Letters of a word (Latin with its accents, Arabic script, ZWNJ inside a word). */
function isWordUnit(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) || (c >= 0x621 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || c === 0x6a9 || c === 0x6af || c === 0x6cc || c === 0x200c;
}

export interface Word {
  start: number;
  end: number;
  folded: string;
}

/** The words of a text (letters, Latin with accents, Arabic script), each with its folded form. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ws = i;
    while (i < text.length && isWordUnit(text.charCodeAt(i))) i++;
    out.push({ start: ws, end: i, folded: foldKeyword(text.slice(ws, i).toLowerCase()) });
  }
  return out;
}

/**
 * Whether one of the first `count` words of `words(text)` that start at `from` or after it is a number word
 * (`isNumberWord`): the same words read in place, only as far as needed — a caller's pre-test before it reads the whole
 * text's words (`dictated-card.ts`: most card words have no number word after them).
 */
export function numberWordAmongNext(text: string, from: number, count: number): boolean {
  let i = from;
  // (a word running through `from` started before it: not one of them)
  if (i > 0) while (i < text.length && isWordUnit(text.charCodeAt(i - 1)) && isWordUnit(text.charCodeAt(i))) i++;
  for (let n = 0; n < count && i < text.length; ) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ws = i;
    while (i < text.length && isWordUnit(text.charCodeAt(i))) i++;
    if (valueOf(foldKeyword(text.slice(ws, i).toLowerCase())) !== undefined) return true;
    n++;
  }
  return false;
}

/** A compound number read from words[k]: its digits (leading zeros said as words kept), its extent and whether it has tens or more. */
export interface Compound {
  from: number;
  to: number;
  digits: string;
  value: number;
  compound: boolean;
}

export function readCompound(ws: Word[], k: number, text: string): Compound | null {
  let zeros = '';
  let total = 0;
  let current = 0;
  let any = false;
  let compound = false;
  let j = k;
  let last = k - 1;
  /** The word before was a Persian number word with no "و" after it yet. */
  let persianLast = false;
  /** "and" came before this word ("خمسة وعشرين", "soixante et un"). */
  let afterAnd = false;
  for (; j < ws.length; j++) {
    readerSteps.count++;
    const w = ws[j]!;
    if (j > k && !/^[ \u00a0\u200c-]{1,3}$/.test(text.slice(ws[j - 1]!.end, w.start))) break;
    if (AND.has(w.folded)) {
      if (!any) break;
      persianLast = false;
      afterAnd = true;
      continue;
    }
    const v = valueOf(w.folded);
    if (v === undefined) break;
    const joined = afterAnd;
    afterAnd = false;
    if (v === 0) {
      // a zero is said only before a number, never inside one: after one it opens the next group
      if (any) break;
      zeros += '0';
      last = j;
      continue;
    }
    // "صد بیست و سه", "سیصد و یک دوازده": in Persian the parts of one number are joined by "و"; a number right after
    // a Persian number word without it opens the next group (a thousand multiplies: "سیصد هزار"; Arabic says "ألف
    // وتسعمية تمانية", "خمسة عشر")
    if (persianLast && v === 100 && current >= 1 && current <= 9) {
      // "دو صد" (Dari, and older Persian "یک صد"): a unit times a hundred
      current *= 100;
      compound = true;
      last = j;
      continue;
    }
    if (persianLast && v < THOUSAND) break;
    persianLast = PERSIAN.has(w.folded);
    if (v === HUNDRED_WORD) {
      if (current < 1 || current > 9) break;
      current *= 100;
      compound = true;
    } else if (v === THOUSAND) {
      total += (current || 1) * THOUSAND;
      current = 0;
      compound = true;
    } else if (v >= 1000) {
      total += v;
      compound = true;
    } else {
      // French tens: "soixante-dix-huit" is 60 + 18, "quatre-vingt-douze" 4 × 20 + 12, "soixante et onze" 71 (joined
      // by a hyphen or "et": "soixante douze" is 60, then 12)
      if ((current % 100 === 60 || current % 100 === 80) && (joined || text.slice(ws[j - 1]!.end, w.start) === '-')) {
        if (v >= 10 && v < 20) {
          current += v;
          compound = true;
          last = j;
          continue;
        }
      }
      // ("dix quatre-vingts": "quatre" before "vingt" opens the next number)
      if (any && w.folded === 'quatre' && /^vingts?$/.test(ws[j + 1]?.folded ?? '') && text.slice(w.end, ws[j + 1]!.start) === '-') break;
      if (v === 20 && current % 100 === 4 && ws[j - 1]!.folded === 'quatre') {
        current += 76;
        compound = true;
        last = j;
        continue;
      }
      // a unit after a unit, tens after tens, or tens right after a unit in Latin letters (Arabic joins them: "خمسة
      // وعشرين") is another number ("five five" is read digit by digit elsewhere; "six quarante" is 6, then 40)
      if (any && v < 10 && current % 10 !== 0) break;
      if (any && v >= 10 && v < 100 && current % 10 !== 0 && !joined && w.folded.charCodeAt(0) < 0x100) break;
      // (in Arabic a ten after a unit is one number only joined by "و": "واحد عشرين" is 1, then 20, as a card's groups
      // are said; "خمسة عشر" is fifteen)
      if (any && v >= 20 && v < 100 && current % 10 !== 0 && !joined && !joinedByAnd(w.folded)) break;
      if (any && v >= 10 && v < 100 && current % 100 >= 10) break;
      // hundreds after tens or hundreds open the next group ("صد و بیست و سه چهارصد و پنجاه …", said without commas)
      if (any && v >= 100 && current >= 10) break;
      if (v >= 10) compound = true;
      current += v;
    }
    any = true;
    last = j;
  }
  if (last < k) return null;
  const value = total + current;
  return { from: ws[k]!.start, to: ws[last]!.end, digits: zeros + (any ? String(value) : ''), value, compound };
}

/**
 * A group of a number said in groups: a compound ("هفتاد و هفت") or digits said one by one ("سه دو هشت هفت", "شش صفر سه
 * هفت"), as people mix them in one number ("سه دو هشت هفت، نوزده، هفتاد و هفت، یازده"). Digits one by one have no value.
 */
function readGroup(ws: Word[], k: number, text: string): Compound | null {
  const c = readCompound(ws, k, text);
  if (!c || c.compound || c.value >= 10) return c;
  let j = k;
  while (j < ws.length && ws[j]!.start < c.to) j++;
  let digits = c.digits;
  let to = c.to;
  for (; j < ws.length && /^[ \u00a0]{1,3}$/.test(text.slice(to, ws[j]!.start)); j++) {
    readerSteps.count++;
    const v = valueOf(ws[j]!.folded);
    if (v === undefined || v < 0 || v > 9) break;
    digits += String(v);
    to = ws[j]!.end;
  }
  return to === c.to ? c : { from: c.from, to, digits, value: 0, compound: false };
}

/**
 * The message may hold a year said with a thousand, or groups with a hundred in them, apart by commas or said one
 * after the other (the runs this module reads). Every message takes this test, so it is one pass of one pattern (a
 * thousand's word, or a hundred's: one with a comma in the message, two without); a date with its year read in pairs
 * ("nineteen ninety five") is let in by the caller, which already knows the message has digit words.
 */
// (a whole word: "الفاتورة", "الفرع" open with the same letters)
const THOUSAND_OR_HUNDRED = /((?<![\u0621-\u06d3])و?[اأ]لف(?:ين|ان)?(?![\u0621-\u06d3])|هزار|thousand)|صد|مئ|مائ|مي[هة]،|ميتين|دو[یي]ست|hundred/gi;
/** Finglish hundreds ("noh sad", "sisad", "devist"), tried only in a message with a Finglish zero (its phones open with "sefr"). */
const FINGLISH_ZERO = /s[ei]fr/i;
const FINGLISH_HUNDRED = /(?<![a-z])(?:noh|hasht|haft|shesh|pan|chahar|si)?sad(?![a-z])|d[ei]vist/gi;
/** "fifteen March nineteen ninety five": a day in English words beside a year read in pairs. */
const ENGLISH_DAY = /teen|twenty|thirty|vingt|trente|quarante|cinquante|soixante|dix|onze|douze|treize|quatorze|quinze|seize/i;

/** "شهر عشرة سنة ثمانية وعشرين", "month nine year thirty": a month and a year each said after its word (a card's expiry). */
const MONTH_THEN_YEAR = /(?:شهر|ماه|month) [^ ]+(?: [^ ]+)? (?:سنة|سنه|سال|year) /;
/**
 * What any test of `mayHaveWordedNumbers` needs when the message has no digit words: one test, no match kept (most
 * messages stop here; the exact tests below keep their matches).
 */
/** "متولد چهل و یک", "mawalid sab3a w tmanin", "born in fifty-eight": a word that says "born in the year" (`BORN_IN_YEAR_WORDS`). */
const BORN_THEN = new RegExp(`(?<![A-Za-z\\u0621-\\u06d3])(?:${BORN_IN_YEAR_WORDS.join('|')})[ \\u00a0]+(?:(?:in|سنة|سنه|سال|year)[ \\u00a0]+)?[A-Za-z\\u0621-\\u06d3]`, 'i');
// (the born word without its look-behind: a look-behind tried at every unit of every message costs more than the
// pretest saves)
const MAY_HAVE_WORDED = new RegExp(`${THOUSAND_OR_HUNDRED.source}|${MONTH_THEN_YEAR.source}|(?:${BORN_IN_YEAR_WORDS.join('|')})[ \\u00a0]`, 'i');
const MONTH_WORD = new Set(['شهر', 'الشهر', 'ماه', 'month'].map(foldKeyword));
const YEAR_WORD = new Set(['سنة', 'سنه', 'السنة', 'سال', 'year'].map(foldKeyword));

export function mayHaveWordedNumbers(text: string, digitWords: boolean): boolean {
  const finglish = FINGLISH_ZERO.test(text);
  if (!digitWords && !finglish && !MAY_HAVE_WORDED.test(text)) return false;
  if (digitWords && ENGLISH_DAY.test(text)) return true;
  if ((text.includes('شهر') || text.includes('ماه') || text.includes('month')) && MONTH_THEN_YEAR.test(text)) return true;
  if (BORN_THEN.test(text)) return true;
  // groups apart by commas, some said digit by digit: "سه دو هشت هفت، نوزده، هفتاد و هفت، یازده"
  if ((digitWords || finglish) && (text.includes('\u060c') || text.includes(','))) return true;
  THOUSAND_OR_HUNDRED.lastIndex = 0;
  let hundreds = 0;
  for (let m = THOUSAND_OR_HUNDRED.exec(text); m; m = THOUSAND_OR_HUNDRED.exec(text)) {
    if (m[1] !== undefined) return true;
    if (++hundreds === 1 && (text.includes(',') || text.includes('\u060c'))) return true;
    if (hundreds === 2) return true;
  }
  if (!finglish) return false;
  FINGLISH_HUNDRED.lastIndex = 0;
  for (let m = FINGLISH_HUNDRED.exec(text); m; m = FINGLISH_HUNDRED.exec(text)) if (++hundreds === 2) return true;
  return false;
}

const GROUP_GAP = /^[ \u00a0]*[,،][ \u00a0]*$/;

/**
 * Groups after `first` (whose words end before ws[next]) apart by spaces only, each read whole and under a thousand:
 * seven to fifteen digits in all, two groups or more with tens or hundreds. One group in the run (no pause was said).
 */
function spacedGroups(ws: Word[], next: number, text: string, first: Compound): { run: SpokenRun; next: number } | null {
  const groups = [first];
  let j = next;
  while (j < ws.length && /^[ \u00a0]{1,3}$/.test(text.slice(groups[groups.length - 1]!.to, ws[j]!.start))) {
    readerSteps.count++;
    const g = readCompound(ws, j, text);
    if (!g || g.value >= THOUSAND) break;
    groups.push(g);
    while (j < ws.length && ws[j]!.start < g.to) j++;
    // more than fifteen digits is no value: reading on would read the rest of the message from every word
    if (groups.reduce((n, x) => n + x.digits.length, 0) > 15) return null;
  }
  const digits = groups.reduce((n, g) => n + g.digits.length, 0);
  if (groups.length < 3 || digits < 7 || digits > 15 || groups.filter((g) => g.compound).length < 2) return null;
  const end = groups[groups.length - 1]!.to;
  return { run: { start: first.from, end, groups: [{ start: first.from, end, digits: groups.map((g) => g.digits).join('') }] }, next: j };
}

const BORN_WORDS = new Set(BORN_IN_YEAR_WORDS.map(foldKeyword));
const YEAR_INTRO_WORDS = new Set(['in', 'سنة', 'سنه', 'سال', 'year'].map(foldKeyword));

/** A "born in the year" word right before word k (a year's word or "in" may stand between). */
function bornWordBefore(ws: Word[], k: number, text: string): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 2; j--) {
    if (!/^[ \u00a0]+$/.test(text.slice(ws[j]!.end, ws[j + 1]!.start))) return false;
    if (BORN_WORDS.has(ws[j]!.folded.toLowerCase())) return true;
    if (!YEAR_INTRO_WORDS.has(ws[j]!.folded.toLowerCase())) return false;
  }
  return false;
}

/** Runs of numbers with tens, hundreds or thousands in words that are a date's day or year, or a phone's groups. */
export function wordedNumberRuns(text: string): SpokenRun[] {
  const ws = words(text);
  const runs: SpokenRun[] = [];
  const lower = text.toLowerCase();
  let k = 0;
  while (k < ws.length) {
    readerSteps.count++;
    const c = readCompound(ws, k, text);
    if (!c) {
      k++;
      continue;
    }
    // the words this number took
    let next = k;
    while (next < ws.length && ws[next]!.start < c.to) next++;
    const month = next < ws.length && MONTH_WORDS.hasAt(lower, ws[next]!.start, ws[next]!.end) && /^[ \u00a0]+$/.test(text.slice(c.to, ws[next]!.start));
    const afterMonth = k > 0 && MONTH_WORDS.hasAt(lower, ws[k - 1]!.start, ws[k - 1]!.end) && /^[ \u00a0]+$/.test(text.slice(ws[k - 1]!.end, c.from));
    if ((month && c.value >= 1 && c.value <= 31 && c.compound) || (afterMonth && c.value >= 1300 && c.value <= 2099 && c.compound)) {
      runs.push({ start: c.from, end: c.to, groups: [{ start: c.from, end: c.to, digits: c.digits }] });
      k = next;
      continue;
    }
    // "متولد چهل و یک": a year in two digits (or four) in words right after a word that says "born in the year"
    // (the detector's `bornInYearBefore` decides whether it is one: no count such as "سال" after it)
    // ("born in nineteen fifty": a year read in pairs is the date readers', not cut after its first pair)
    const moreNumber = next < ws.length && /^[ \u00a0-]*$/.test(text.slice(c.to, ws[next]!.start)) && valueOf(ws[next]!.folded) !== undefined;
    if (c.compound && !moreNumber && ((c.value >= 10 && c.value <= 99) || (c.value >= 1300 && c.value <= 2099)) && bornWordBefore(ws, k, text)) {
      runs.push({ start: c.from, end: c.to, groups: [{ start: c.from, end: c.to, digits: c.digits }] });
      k = next;
      continue;
    }
    if (k > 0 && MONTH_WORD.has(ws[k - 1]!.folded) && c.value >= 1 && c.value <= 12 && next + 1 < ws.length && YEAR_WORD.has(ws[next]!.folded)) {
      const y = readCompound(ws, next + 1, text);
      if (y && (y.value < 100 || (y.value >= 1300 && y.value <= 2099))) {
        runs.push({ start: c.from, end: c.to, groups: [{ start: c.from, end: c.to, digits: c.digits }] }, { start: y.from, end: y.to, groups: [{ start: y.from, end: y.to, digits: y.digits }] });
        k = next + 1;
        while (k < ws.length && ws[k]!.start < y.to) k++;
        continue;
      }
    }
    // a phone read in groups: two or more numbers apart by commas, seven digits or more, one of them with tens or hundreds
    const first = readGroup(ws, k, text)!;
    const groups = [first];
    let digits = first.digits.length;
    let j = k;
    while (j < ws.length && ws[j]!.start < first.to) j++;
    // each group read whole up to its comma ("oh five five, three one two" is digits one by one: spoken-digits.ts)
    let clean = j >= ws.length || !/^[ \u00a0]+$/.test(text.slice(first.to, ws[j]!.start)) || valueOf(ws[j]!.folded) === undefined;
    while (clean && j < ws.length && GROUP_GAP.test(text.slice(groups[groups.length - 1]!.to, ws[j]!.start))) {
      readerSteps.count++;
      const g = readGroup(ws, j, text);
      if (!g || g.value >= THOUSAND) break;
      groups.push(g);
      while (j < ws.length && ws[j]!.start < g.to) j++;
      // (more than fifteen digits is no value, whatever follows: stop reading)
      if ((digits += g.digits.length) > 15) break;
      if (j < ws.length && /^[ \u00a0]+$/.test(text.slice(g.to, ws[j]!.start)) && valueOf(ws[j]!.folded) !== undefined) clean = false;
    }
    // the same said without commas: groups read whole one after the other, two of them with hundreds or tens
    // ("یکصد و بیست و سه چهارصد و پنجاه و شش هفتصد و هشتاد و نه یک"), read on as one value
    if (groups.length === 1 && c.value < THOUSAND) {
      const spoken = spacedGroups(ws, next, text, c);
      if (spoken) {
        runs.push(spoken.run);
        k = spoken.next;
        continue;
      }
    }
    if (clean && groups.length >= 2 && digits >= 7 && digits <= 15 && groups.some((g) => g.compound) && c.value < THOUSAND) {
      runs.push({ start: c.from, end: groups[groups.length - 1]!.to, groups: groups.map((g) => ({ start: g.from, end: g.to, digits: g.digits })) });
      k = j;
      continue;
    }
    k = next;
  }
  return runs;
}
