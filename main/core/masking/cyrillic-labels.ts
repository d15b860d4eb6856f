/**
 * Labels in Cyrillic script — Tajik (Persian written in Cyrillic) and Russian, as customers from Central Asia write
 * them: "Рақами шиносномаам 400912345", "санаи таваллуд 15.04.1989", "Корт … Мӯҳлат: 03/28", "Фармоиши № 55120448".
 * The lexicon reads Latin and Arabic-script words only; this step reads the Cyrillic word right before a value (the
 * nearest of the four words before it, on its line) and lets it name the value's type: a passport or ID word types
 * the number after it, a birth word masks the date after it, a code's word ("рамз", "коди тасдиқ", "код") the four
 * to eight digits after it, an expiry word the month/year after it when the message holds a card, a record word (order, invoice, receipt…) leaves a number nothing else explained visible.
 *
 * A word matches a label by its stem, so Tajik's izofa and possessive endings ("шиносномаи", "шиносномаам",
 * "таваллуди") and Russian's cases ("паспорта", "рождения", "заказа") need no list of their own.
 */
import { asciiDigits } from '../text/fold';
import { FAIL_CLOSED_CONFIDENCE } from './fail-closed';
import type { DetectedSpan, SensitiveType } from './types';

const CYRILLIC = /[\u0400-\u04ff]/;

type Label = SensitiveType | 'RECORD' | 'NUMBER';
const STEMS: Array<[Label, string]> = [
  ['PASSPORT', 'шиноснома паспорт загранпаспорт пасспорт гузарнома'],
  ['NATIONAL_ID', 'инн иин снилс идентификацион'],
  ['DOB', 'таваллуд рождени родил'],
  ['CARD_EXPIRY', 'мӯҳлат муҳлат мухлат муддат срок действител действу дійсн термін мерзім жарамд'],
  ['PHONE', 'телефон тел мобил'],
  ['CARD', 'корт карт'],
  ['OTP', 'рамз код пароль'],
  // (round 31: "рақамам", "рақами ман", "мой номер": a bare "number" word names a phone only in a phone's layout — see PHONE_LAYOUT)
  // (round 35: a call's verb, Russian "позвоните сыну", Tajik "занг занед", before a number in a phone's layout, as a number word)
  ['NUMBER', 'рақам номер позвон звони перезвон набери занг'],
  ['RECORD', 'фармоиш заказ чек квитанц ҳисоб хисоб лицев счет счёт трек посылк накладн договор заявк тикет'],
];
const LABELS: Array<[Label, string]> = STEMS.flatMap(([label, stems]) => stems.split(' ').map((s) => [label, s] as [Label, string]));

const WORD = /[\u0400-\u04ff]+/g;
/** The same words, for the loop over the message (`match` with WORD would reset its position). */
const WORD_IN_LOOP = /[\u0400-\u04ff]+/g;
const WINDOW = 48;
const WORDS_BACK = 4;

/** The label the nearest Cyrillic word before `at` (on its line, at most four words back) names, if any. */
function labelBefore(text: string, at: number): Label | undefined {
  let from = Math.max(0, at - WINDOW);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= from) from = nl + 1;
  const words = text.slice(from, at).toLowerCase().match(WORD);
  if (!words) return undefined;
  for (let k = words.length - 1; k >= Math.max(0, words.length - WORDS_BACK); k--) {
    const w = words[k]!;
    const hit = LABELS.find(([, stem]) => w.startsWith(stem) && (stem.length >= 4 || w.length <= stem.length + 2));
    if (hit) return hit[0];
  }
  return undefined;
}

/** The nearest labelled Cyrillic word before `at` is a record's, with no Latin or Arabic letter after it. */
function recordRightBefore(text: string, at: number): boolean {
  let from = Math.max(0, at - WINDOW);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= from) from = nl + 1;
  const before = text.slice(from, at);
  const words = [...before.toLowerCase().matchAll(WORD)].slice(-WORDS_BACK);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]![0];
    const hit = LABELS.find(([, stem]) => w.startsWith(stem) && (stem.length >= 4 || w.length <= stem.length + 2));
    if (hit) return hit[0] === 'RECORD' && !/[A-Za-z\u0600-\u06ff]/.test(before.slice(words[k]!.index + w.length));
  }
  return false;
}

/** A word of one of `labels` among the few words before `at` on its line. */
function labelAmongBefore(text: string, at: number, labels: readonly Label[]): boolean {
  let from = Math.max(0, at - WINDOW);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= from) from = nl + 1;
  const words = (text.slice(from, at).toLowerCase().match(WORD) ?? []).slice(-WORDS_BACK);
  return words.some((w) => LABELS.some(([l, stem]) => labels.includes(l) && w.startsWith(stem) && (stem.length >= 4 || w.length <= stem.length + 2)));
}
const DOCUMENT: readonly Label[] = ['PASSPORT', 'NATIONAL_ID'];
const EXPIRY: readonly Label[] = ['CARD_EXPIRY'];

/** A numeric date (15.04.1989, 15/04/89) or a card's month/year (03/28, 03.2028) right after a label. */
const DATE_AFTER = /^[\s:：\-–—]*((?:0?[1-9]|[12][0-9]|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19|20)?[0-9]{2})(?![0-9])/;
/** A one-time code's four to eight digits, joined or apart by single spaces or dashes ("5 7 3 1 9 0", "4471-20"). */
const CODE_AFTER = /^[\s:：\-–—]*([0-9](?:[ -]?[0-9]){3,7})(?![0-9])/;
/** Round 32: a sender's name, then a colon, before the code ("Рамзи тасдиқи Alif: 590318", "коди тасдиқ барои Somon Air: 4471"). */
const NAMED_CODE_AFTER = /^(?:[\s,]+(?:барои|для|от|аз))?(?:[\s]+[A-Za-zА-ЯЁа-яёӣӯҳқғҷ][\w.&'’-]*){1,3}\s*[:：]\s*([0-9](?:[ -]?[0-9]){3,7})(?![0-9])/u;

/**
 * Round 30: a passport's number right after its word, or after "номер"/"№"/"N" after it: a Russian passport's series and
 * number ("серия 45 06 номер 123456"), or one to three letters, Latin or Cyrillic, and six to nine digits, or the digits
 * alone ("AC1234567", "N12458877", "404117722", "40 1177623").
 */
const PASSPORT_AFTER =
  /^[\s:：\-–—]*(?:(?:серия|серии|silsila)\s*)?(?:(?:номер|рақам\S*|№|no\.?(?=[\s:：])|n(?=[\s.:：]))\s*[:：.]?\s*)?((?:[0-9]{2} ?[0-9]{2}[\s,]*(?:номер|№)\s*[0-9]{6})|(?:[a-zа-яё]{1,3}[ -]?)?[0-9](?: ?[0-9]){5,9})(?![0-9a-zа-яё])/iu;
/** One or two capital letters, Cyrillic or Latin, glued before a passport's digits (a space at most). */
const SERIES_LETTERS_BEFORE = /(?<![A-Za-zА-ЯЁа-яё])([A-ZА-ЯЁ]{1,2} ?)$/u;

const CONFIDENCE = 0.6;

/**
 * Round 31: a phone in the layouts of Central Asia and Russia — nine digits as 3-2-2-2 or 3-3-3 ("918 55 40 12"), or
 * with the country code (+992/992, +7/8 and ten digits) — after a bare "number" word ("рақамам", "мой номер") is the
 * phone another reading typed an ID: a number word with an ID's or a passport's word nearer keeps that type.
 */
// (round 32: also 2-3-2-2, "номерам 92 811 40 57": a Tajik mobile with its operator's two digits apart)
const PHONE_LAYOUT = /^(?:(?:\+?992|\+?7|8)[ -]?)?(?:\(?[0-9]{3}\)?[ -]?[0-9]{2,3}[ -][0-9]{2}[ -][0-9]{2}|[0-9]{3}[ -][0-9]{3}[ -][0-9]{3}|[0-9]{2}[ -][0-9]{3}[ -][0-9]{2}[ -][0-9]{2})$/;
function phoneLayout(v: string): boolean {
  const n = v.replace(/[^0-9]/g, '').length;
  return PHONE_LAYOUT.test(v) && (n === 9 || n === 12 || n === 11) && /[ -]/.test(v);
}

/**
 * Round 31: a phone dictated in Tajik or Russian number words after a phone's or a bare "number" word ("рақамам
 * нӯҳсаду ҳаждаҳ панҷоҳу панҷ чил дувоздаҳ" is 918 55 40 12): each number said whole (a hundred, then tens and units,
 * joined by Tajik's "-у"/"-ю" or said in a row in Russian) or digit by digit gives its digits; seven to twelve in all
 * are the PHONE.
 */
const NUMBER_WORDS = new Map<string, number>();
for (const [v, ws] of [
  [0, 'сифр нол ноль нуль'], [1, 'як один'], [2, 'ду два'], [3, 'се три'], [4, 'чор чаҳор четыре'], [5, 'панҷ панч пять'], [6, 'шаш шесть'],
  [7, 'ҳафт хафт семь'], [8, 'ҳашт хашт восемь'], [9, 'нӯҳ нух девять'],
  [10, 'даҳ дах десять'], [11, 'ёздаҳ ёздах одиннадцать'], [12, 'дувоздаҳ дувоздах двенадцать'], [13, 'сенздаҳ сенздах тринадцать'],
  [14, 'чордаҳ чордах четырнадцать'], [15, 'понздаҳ понздах пятнадцать'], [16, 'шонздаҳ шонздах шестнадцать'], [17, 'ҳабдаҳ ҳафтдаҳ хабдах семнадцать'],
  [18, 'ҳаждаҳ ҳаштдаҳ хаждах восемнадцать'], [19, 'нуздаҳ нуздах девятнадцать'],
  [20, 'бист двадцать'], [30, 'сӣ си тридцать'], [40, 'чил сорок'], [50, 'панҷоҳ панчох пятьдесят'], [60, 'шаст шестьдесят'],
  [70, 'ҳафтод хафтод семьдесят'], [80, 'ҳаштод хаштод восемьдесят'], [90, 'навад девяносто'],
  [100, 'сад сто'], [200, 'дусад двести'], [300, 'сесад триста'], [400, 'чорсад четыреста'], [500, 'панҷсад панчсад пятьсот'],
  [600, 'шашсад шестьсот'], [700, 'ҳафтсад хафтсад семьсот'], [800, 'ҳаштсад хаштсад восемьсот'], [900, 'нӯҳсад нухсад девятьсот'],
] as const) for (const w of ws.split(' ')) NUMBER_WORDS.set(w, v);
const SPOKEN_WORD = /[\u0400-\u04ff]+/y;
const SPOKEN_GAP = /[ \u00a0,-]{1,3}/y;
const SPOKEN_LEAD = /[ \u00a0:：\-–—]{1,4}/y;

function numberWord(w: string): boolean {
  return NUMBER_WORDS.has(w) || (/[ую]$/.test(w) && NUMBER_WORDS.has(w.slice(0, -1)));
}

/** The digits a run of number words right after `from` says, and where it ends; null under seven digits. */
function spokenNumberAfter(text: string, from: number): { start: number; end: number } | null {
  let i = from;
  SPOKEN_LEAD.lastIndex = i;
  if (SPOKEN_LEAD.test(text)) i = SPOKEN_LEAD.lastIndex;
  const start = i;
  let digits = '';
  let group = -1;
  let joined = false;
  let end = -1;
  for (;;) {
    SPOKEN_WORD.lastIndex = i;
    const m = SPOKEN_WORD.exec(text);
    if (!m) break;
    const w = m[0].toLowerCase();
    let v = NUMBER_WORDS.get(w);
    let and = false;
    // ("панҷоҳу", "сию": the Tajik "and" written onto a number joins it to the next)
    if (v === undefined && /[ую]$/.test(w)) {
      v = NUMBER_WORDS.get(w.slice(0, -1));
      and = v !== undefined;
    }
    if (v === undefined) break;
    // a number goes on with a smaller part after a hundred or a tens word (said in a row or joined by "-у")
    const continues = group >= 0 && (joined || (group % 100 === 0 && group >= 100 && v < 100) || (group % 10 === 0 && group >= 20 && group < 100 && v < 10 && v > 0));
    if (continues) group += v;
    else {
      if (group >= 0) digits += String(group);
      group = v;
    }
    joined = and;
    end = i + m[0].length;
    i = end;
    SPOKEN_GAP.lastIndex = i;
    if (!SPOKEN_GAP.test(text)) break;
    i = SPOKEN_GAP.lastIndex;
  }
  if (group >= 0) digits += String(group);
  return digits.length >= 7 && digits.length <= 12 ? { start, end } : null;
}

/**
 * Round 31: a birth date with a month's name after a birth word, Tajik or Russian: the year, then the day with its
 * ordinal ending and the month ("1951, 12-уми март", "1978 с. 25-уми декабр"), or the day (ordinal or not), the month
 * and the year ("3-юми май 1987", "12 марта 1990 г.").
 */
const MONTH_CYR = String.raw`(?:январ|феврал|март|апрел|ма[йяю]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яёӣӯҳқғҷ]*`;
const DAY_CYR = String.raw`(?:0?[1-9]|[12][0-9]|3[01])(?:[-‐]?(?:у?ми?|ю?ми?|умӣ|юмӣ|ӯм|го|е|я|ое))?`;
const YEAR_CYR = String.raw`(?:19|20)[0-9]{2}`;
/**
 * A card's month and year after an expiry word, read in ASCII digits (see `asciiDigits`): "09/29", "9-2029", and (round
 * 36) the year first as Jalali cards print it, "1406/08", "2029/09", a Jalali year after the month, "08/1408", and a
 * month's name and its year, "сентябр 2029", "июл 29".
 */
const MONTH_YEAR_AFTER = new RegExp(
  String.raw`^[\s:：\-–—]*((?:0?[1-9]|1[0-2])\s?[/.-]\s?(?:20|14)?[0-9]{2}|(?:20[2-4][0-9]|14[0-2][0-9])\s?[/.-]\s?(?:0?[1-9]|1[0-2])|${MONTH_CYR}[\s/.-]+(?:20|14)?[0-9]{2})(?![0-9./-])`,
  'iu',
);
const TEXT_DATE_AFTER = new RegExp(
  String.raw`^[\s:：\-–—]*(${YEAR_CYR}(?:[\s,]*(?:сол[аи]?|с\.|г\.|года?))?[\s,]+${DAY_CYR}\s+${MONTH_CYR}|${DAY_CYR}\s+${MONTH_CYR}[\s,]+${YEAR_CYR}(?:\s*(?:сол|с\.|г\.|года))?)(?![0-9])`,
  'iu',
);

/** A day, a month's name and a year, then (a word at most between) the birth verb: "14 апрели 1987 таваллуд шудаам". */
const BIRTH_AFTER_DATE = new RegExp(
  String.raw`(?<![0-9])(${DAY_CYR}\s+${MONTH_CYR}[\s,]+${YEAR_CYR})(?:\s*(?:сол[аи]?|с\.|г\.|года))?(?![0-9])[\s,]+(?:[а-яёӣӯҳқғҷ]+\s+)?(?:таваллуд|родил|рожден)`,
  'giu',
);

/** The spans found elsewhere, retyped, added or dropped by the Cyrillic label before each value (see above). */
export function withCyrillicLabels(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!CYRILLIC.test(text)) return spans;
  const out: DetectedSpan[] = [];
  for (const s of spans) {
    const label = labelBefore(text, s.start);
    if (label === 'RECORD' && s.confidence === FAIL_CLOSED_CONFIDENCE) continue;
    // (round 33: "Лицевой счёт 1234-567-8901", "Ҳисоби шахсӣ 0123456789": an account's or a record's label is the
    // nearest word before a number read by its shape as an ID or a phone — no Latin or Arabic word between, which
    // this step cannot read: "ҳисоб, iqama 1082287846")
    if (label === 'RECORD' && (s.type === 'NATIONAL_ID' || s.type === 'PHONE') && text.charCodeAt(s.start) !== 0x2b && recordRightBefore(text, s.start)) continue;
    const retype = (label === 'PASSPORT' || label === 'PHONE' || label === 'NATIONAL_ID') && s.type !== label && (s.type === 'NATIONAL_ID' || s.type === 'PASSPORT' || s.type === 'PHONE');
    const asPhone = label === 'NUMBER' && s.type === 'NATIONAL_ID' && phoneLayout(text.slice(s.start, s.end));
    const typed = retype ? { ...s, type: label } : asPhone ? { ...s, type: 'PHONE' as const } : s;
    // (round 30: "шиносномаи ман: А1234567": a passport's series letters, Cyrillic or Latin, glued before its digits are part of it)
    const lead = typed.type === 'PASSPORT' ? SERIES_LETTERS_BEFORE.exec(text.slice(Math.max(0, typed.start - 4), typed.start)) : null;
    out.push(lead ? { ...typed, start: typed.start - lead[1]!.length } : typed);
  }
  const card = spans.some((s) => s.type === 'CARD') || (text.toLowerCase().match(WORD) ?? []).some((w) => LABELS.some(([l, stem]) => l === 'CARD' && w.startsWith(stem)));
  const free = (a: number, b: number): boolean => !out.some((s) => s.start < b && a < s.end);
  WORD_IN_LOOP.lastIndex = 0;
  for (let m = WORD_IN_LOOP.exec(text); m; m = WORD_IN_LOOP.exec(text)) {
    const end = m.index + m[0].length;
    let label = labelBefore(text, end);
    // ("срок действия карты 11/28", "мӯҳлати корт 11/28": the card's word closes the expiry's phrase)
    if (label === 'CARD' && labelAmongBefore(text, m.index, EXPIRY)) label = 'CARD_EXPIRY';
    // ("паспорт действителен до 11/28, карту ещё не оформил": an expiry word after a document's is the document's)
    if (label === 'PASSPORT') {
      const p = PASSPORT_AFTER.exec(text.slice(end, end + 40));
      const at = p ? end + p[0].length - p[1]!.length : -1;
      if (p && free(at, end + p[0].length)) out.push({ type: 'PASSPORT', start: at, end: end + p[0].length, confidence: CONFIDENCE });
      continue;
    }
    if (label === 'PHONE' || label === 'NUMBER') {
      // (from the words before the run only: the run's own words are read once, from its first)
      const spoken = numberWord(m[0].toLowerCase()) ? null : spokenNumberAfter(text, end);
      if (spoken && free(spoken.start, spoken.end)) out.push({ type: 'PHONE', start: spoken.start, end: spoken.end, confidence: CONFIDENCE });
      continue;
    }
    if (label !== 'DOB' && label !== 'OTP' && !(label === 'CARD_EXPIRY' && card && !labelAmongBefore(text, m.index, DOCUMENT))) continue;
    const rest = text.slice(end, end + 24);
    const d =
      label === 'DOB'
        ? (DATE_AFTER.exec(rest) ?? TEXT_DATE_AFTER.exec(text.slice(end, end + 40)))
        : label === 'OTP'
          ? (CODE_AFTER.exec(rest) ?? NAMED_CODE_AFTER.exec(text.slice(end, end + 48)))
          : MONTH_YEAR_AFTER.exec(asciiDigits(rest));
    if (!d) continue;
    const start = end + d[0].length - d[1]!.length;
    if (free(start, end + d[0].length)) out.push({ type: label, start, end: end + d[0].length, confidence: CONFIDENCE });
  }
  // (round 32: "14 апрели 1987 таваллуд шудаам", "родился 12 марта" said after: a named date with the birth verb right after it)
  BIRTH_AFTER_DATE.lastIndex = 0;
  for (let m = BIRTH_AFTER_DATE.exec(text); m; m = BIRTH_AFTER_DATE.exec(text)) {
    if (free(m.index, m.index + m[1]!.length)) out.push({ type: 'DOB', start: m.index, end: m.index + m[1]!.length, confidence: CONFIDENCE });
  }
  return out.length === spans.length && out.every((s, k) => s === spans[k]) ? spans : out.sort((x, y) => x.start - y.start || y.end - x.end);
}
