/**
 * Round 37: a phone dictated in number words mixed with digits — Gulf Arabic digit words before digit groups ("صفر
 * خمسه سته ٧٣١ ٨٤٠ ٢٩"), Persian compound numbers between commas ("صفر نهصد و سیزده، ۴۴۷، بیست و دو، هشتاد و
 * یک"), Finglish ones ("0913 sisad o bist o panj 4419"). Each word or compound gives its digits (a hundred's
 * compound three, a ten's two, a digit word one). A stretch of at least one word and one typed group giving 9 to 13
 * digits, after a phone's or a number's word (at most 40 characters before it) or starting with zero, is one PHONE
 * from its first word to its last digit; the typed reader saw only the digit groups. Phones all in words are the
 * dictation reader's (`spoken-digits.ts`); a stretch over another reading (a dictated code, an ID) leaves it standing.
 *
 * Pre-checks: a digit, then a number word of the tables, somewhere in the text before any stretch is read.
 */
import { DIGIT_CLASS, digitValue } from '../text/fold';
import { checkInternational, validLocal } from './phone-plan';
import { placeSpan } from './placed-span';
import type { DetectedSpan } from './types';

/** Letters folded one for one (offsets hold): Arabic ي/ى → ی, ك → ک, ة → ه, أ/إ/آ → ا; Latin lower-cased. */
function fold(text: string): string {
  return text.replace(/[يىكةأإآ]/g, (c) => ({ ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه', أ: 'ا', إ: 'ا', آ: 'ا' })[c] ?? c).toLowerCase();
}

// (prototype-less: a word such as "constructor" is no key of them)
const UNITS: Record<string, number> = Object.create(null) as Record<string, number>;
const TEENS: Record<string, number> = Object.create(null) as Record<string, number>;
const TENS: Record<string, number> = Object.create(null) as Record<string, number>;
const HUNDREDS: Record<string, number> = Object.create(null) as Record<string, number>;
const put = (table: Record<string, number>, words: string, value: number): void => {
  for (const w of words.split(' ')) table[fold(w)] = value;
};
// Arabic (Gulf, Levantine, Egyptian spellings) and Persian digit words, Finglish ones
put(UNITS, 'صفر زیرو sefr sifr zero', 0);
put(UNITS, 'واحد یک یه yek yeki', 1);
put(UNITS, 'اثنین اثنان ثنین اتنین دو do', 2);
put(UNITS, 'ثلاثه ثلاث تلاته تلات سه se seh', 3);
put(UNITS, 'اربعه اربع چهار چار chahar chahaar char chehar', 4);
put(UNITS, 'خمسه خمس پنج panj', 5);
put(UNITS, 'سته ست شش شیش shesh shish', 6);
put(UNITS, 'سبعه سبع هفت haft', 7);
put(UNITS, 'ثمانیه ثمان تمانیه تمنیه هشت hasht', 8);
put(UNITS, 'تسعه تسع نه noh', 9);
put(TEENS, 'ده dah', 10);
put(TEENS, 'یازده yazdah yazda', 11);
put(TEENS, 'دوازده davazdah davazda', 12);
put(TEENS, 'سیزده sizdah sizda', 13);
put(TEENS, 'چهارده chahardah chahardah', 14);
put(TEENS, 'پانزده پونزده panzdah poonzdah punzdah', 15);
put(TEENS, 'شانزده شونزده shanzdah shoonzdah', 16);
put(TEENS, 'هفده هیفده hefdah hivdah hifdah', 17);
put(TEENS, 'هجده هیجده hejdah hijdah', 18);
put(TEENS, 'نوزده nuzdah noozdah', 19);
put(TENS, 'بیست bist', 20);
put(TENS, 'سی si', 30);
put(TENS, 'چهل chehel chel', 40);
put(TENS, 'پنجاه panjah panja', 50);
put(TENS, 'شصت shast shas', 60);
put(TENS, 'هفتاد haftad', 70);
put(TENS, 'هشتاد hashtad', 80);
put(TENS, 'نود navad noad nawad', 90);
put(HUNDREDS, 'صد یکصد sad', 100);
put(HUNDREDS, 'دویست devist divist dewist', 200);
put(HUNDREDS, 'سیصد sisad', 300);
put(HUNDREDS, 'چهارصد chaharsad', 400);
put(HUNDREDS, 'پانصد پونصد pansad panjsad poonsad poonsad punsad', 500);
put(HUNDREDS, 'ششصد شیشصد sheshsad shishsad', 600);
put(HUNDREDS, 'هفتصد haftsad', 700);
put(HUNDREDS, 'هشتصد هشصد hashtsad hashsad', 800);
put(HUNDREDS, 'نهصد nohsad nosad', 900);

/**
 * The pass's pre-check, one test of the text before any stretch is read: a number word of three letters or more from the
 * tables (Latin ones as whole words), its Arabic letters' variants allowed ("ستة"/"سته", "بيست"/"بیست").
 */
const CHEAP = (() => {
  const words = [UNITS, TEENS, TENS, HUNDREDS].flatMap((t) => Object.keys(t)).filter((w) => w.length >= 3);
  const latin = words.filter((w) => /^[a-z]+$/.test(w));
  const arabic = words.filter((w) => !/^[a-z]+$/.test(w)).map((w) => w.replace(/ی/g, '[یيى]').replace(/ک/g, '[کك]').replace(/ه$/, '[هة]').replace(/ا/g, '[اأإآ]'));
  return new RegExp(`\\b(?:${latin.join('|')})\\b|${arabic.join('|')}`, 'i');
})();
const HAS_DIGIT = new RegExp(`[${DIGIT_CLASS}]`);
const NONE: ReadonlySet<string> = new Set();
const AND = new Set(['و', 'o', 'va']);
const SEPARATOR = /[\s,،\-–.]/;
const CUE = /(?:رقم|رقمی|جوال|جوالی|موبایل|موبایلم|موبایل|تلفن|تلفون|تلفونی|هاتف|هاتفی|شماره|شمارم|شمارمو|اتصل|کلمنی|دق|زنگ|واتس|shomare|shomaram|shomarm|shomareh|mobile|mobilam|mobail|tel|phone|number|call|whatsapp|nomre|nomrem)[^.!?؟\n]{0,40}$/iu;

interface Token {
  start: number;
  end: number;
  digits: string;
  word: boolean;
}

/** The next word of the folded text at `i` (letters only) and where it ends. */
function wordAt(f: string, i: number): { w: string; end: number } {
  let j = i;
  while (j < f.length && /[\p{L}\p{M}]/u.test(f[j]!)) j++;
  return { w: f.slice(i, j), end: j };
}

function skipSeparators(f: string, i: number): number {
  while (i < f.length && SEPARATOR.test(f[i]!)) i++;
  return i;
}

/** A number word or compound at `i` ("نهصد و سیزده", "bist o panj", "خمسه"): its digits and end, or null. */
function compoundAt(f: string, i: number): Token | null {
  const first = wordAt(f, i);
  if (!first.w) return null;
  const part = (w: string): [number, number] | null =>
    w in HUNDREDS ? [HUNDREDS[w]!, 3] : w in TENS ? [TENS[w]!, 2] : w in TEENS ? [TEENS[w]!, 2] : w in UNITS ? [UNITS[w]!, 1] : null;
  const p = part(first.w);
  if (!p) return null;
  const width = p[1];
  let value = p[0];
  let end = first.end;
  // "و"/"o"/"va" joins a smaller part: hundreds + tens/teens/units, tens + units
  let room = width === 3 ? 2 : width === 2 && TENS[first.w] !== undefined ? 1 : 0;
  while (room > 0) {
    let k = end;
    while (k < f.length && /\s/.test(f[k]!)) k++;
    let and = wordAt(f, k);
    let after: number;
    if (AND.has(and.w)) after = and.end;
    else if (f[k] === 'و' && and.w.length > 1) after = k + 1; // "وسیزده"
    else break;
    while (after < f.length && /\s/.test(f[after]!)) after++;
    and = wordAt(f, after);
    const q = part(and.w);
    if (!q || q[1] > room || (q[1] === 2 && room === 1)) break;
    value += q[0];
    end = and.end;
    room = q[1] === 2 && TENS[and.w] !== undefined ? 1 : 0;
  }
  const digits = width === 1 ? String(value) : String(value).padStart(width, '0');
  return { start: i, end, digits, word: true };
}

function digitsAt(f: string, i: number): Token | null {
  let j = i;
  let d = '';
  while (j < f.length && digitValue(f.charCodeAt(j)) >= 0) d += String(digitValue(f.charCodeAt(j++)));
  return d ? { start: i, end: j, digits: d, word: false } : null;
}

/** Where the customers of these languages live: a national number of theirs is whole with its trunk zero. */
const REGIONS = ['IR', 'AF', 'SA', 'AE', 'IQ', 'JO', 'EG'];

/** The tokens' digits are a whole number: national (trunk zero, ten digits or more, valid in one of the regions) or international. */
function wholeNumber(tokens: readonly Token[]): boolean {
  const d = tokens.map((t) => t.digits).join('');
  if (d.length >= 10 && d.startsWith('0') && REGIONS.some((r) => validLocal(r, d))) return true;
  return d.length >= 11 && !d.startsWith('0') && checkInternational(d) === 'valid';
}

/** The spans with each phone dictated in words and digits placed as one PHONE. */
export function withWordedPhones(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!HAS_DIGIT.test(text) || !CHEAP.test(text)) return spans;
  const f = fold(text);
  let out = spans;
  let i = 0;
  while (i < f.length) {
    // a stretch starts at a word's or a digit run's start
    const boundary = i === 0 || !/[\p{L}\p{N}]/u.test(f[i - 1]!);
    const t0 = boundary ? (compoundAt(f, i) ?? digitsAt(f, i)) : null;
    if (!t0) {
      i++;
      continue;
    }
    const tokens: Token[] = [t0];
    let k = t0.end;
    for (;;) {
      // groups stand apart: a space, a comma, a dash between them
      const n = skipSeparators(f, k);
      // (a dot with a space or another dot is a sentence's end: "+۹۸۹۱۹… .. سه روزه")
      if (n === k || /\.(?:\s|\.)/.test(f.slice(k, n))) break;
      const t = compoundAt(f, n) ?? digitsAt(f, n);
      if (!t) break;
      tokens.push(t);
      k = t.end;
    }
    // a number word beside a number that is whole without it is the sentence's ("شماره همسایه ۰۹۹۱۱۲۰۲۶۱۶ سه روزه…":
    // "three days"), not a digit of it
    while (tokens.length > 1 && tokens[tokens.length - 1]!.word && wholeNumber(tokens.slice(0, -1))) tokens.pop();
    while (tokens.length > 1 && tokens[0]!.word && wholeNumber(tokens.slice(1))) tokens.shift();
    const words = tokens.filter((t) => t.word).length;
    const typed = tokens.length - words;
    const digits = tokens.map((t) => t.digits).join('');
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    if (words >= 1 && typed >= 1 && digits.length >= 9 && digits.length <= 13) {
      const cued = CUE.test(f.slice(Math.max(0, start - 48), start));
      if (cued || digits.startsWith('0')) out = placeSpan(out, { type: 'PHONE', start, end, confidence: 0.7 }, NONE);
    }
    i = Math.max(end, i + 1);
  }
  return out;
}
