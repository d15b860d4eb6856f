/**
 * An IBAN read out in a voice note: after an IBAN's word, the country's letters spelled ("آی آر", "اس اي", "G B"), then
 * the rest as number words in groups of any size ("یازده، صفر پونصد و شصت، نود و چهار صفر هشت", "twenty-nine N W B K
 * sixty sixteen"). The number reader stops at fifteen digits (more is no phone); here the run after the letters is read
 * on as one value, and masked whole, letters and words, when what it says is an IBAN of that country's length: its
 * check digits pass, or its word named it (a digit misheard in a dictation fails the check, as a typed IBAN's slip does).
 */
import { IBAN_LENGTHS, ibanChecksumValid } from './checksums';
import { foldKeyword } from './detection-text';
import type { DetectedSpan } from './types';
import { isNumberWord, joinedByAnd, readCompound, type Word, words } from './worded-numbers';

/** "IBAN", "I-B-A-N", "شبا", "شبام", "الآيبان", "آي بان" (a cheap test of the raw text first: most messages have none). */
const IBAN_WORD = /(?<![A-Za-z\u0621-\u06d3])(?:iban|i-b-a-n|i\.b\.a\.n\.?|sheba|shaba|شبا[مت]?|(?:ال)?[اآأ][يی] ?بان)(?![A-Za-z\u0621-\u06d3])/gi;

/** Letters as they are said in Arabic script (folded when built); a name may say more than one ("آی": A, I or E). */
const LETTER_NAMES = new Map<string, string>();
for (const [letters, names] of [
  ['AIE', 'اي ای آی آي إي أي'],
  ['A', 'إيه ايه'],
  ['B', 'بي بی'],
  ['C', 'سي'],
  ['D', 'دي دی'],
  ['F', 'اف إف'],
  ['GJ', 'جي جی'],
  ['H', 'اچ اتش إتش'],
  ['K', 'كي کی'],
  ['L', 'ال إل'],
  ['M', 'ام إم'],
  ['N', 'ان إن'],
  ['O', 'او'],
  ['P', 'پی'],
  ['Q', 'كيو کیو'],
  ['R', 'آر ار'],
  ['S', 'اس إس'],
  ['T', 'تي تی'],
  ['U', 'يو یو'],
  ['Y', 'واي وای'],
  ['Z', 'زد'],
] as const) {
  for (const n of names.split(' ')) {
    const k = foldKeyword(n);
    LETTER_NAMES.set(k, (LETTER_NAMES.get(k) ?? '') + letters);
  }
}

/** Words between the IBAN's word and its letters ("is", "حقي", "اینه", "my"): at most this many. */
const MAX_WORDS_BEFORE = 4;
/** Between two parts of the run: spaces, a comma of either script, a hyphen, dots. */
const PART_GAP = /^[ \u00a0\u200c,،.\-…:]{1,4}$/;
const LONGEST = Math.max(...Object.values(IBAN_LENGTHS));

/** The letters a word may say: a Latin letter or two in capitals ("G", "GB"), or a letter's name. */
function lettersOf(text: string, w: Word): string[] | null {
  const raw = text.slice(w.start, w.end);
  if (/^[A-Za-z]$/.test(raw)) return [raw.toUpperCase()];
  if (/^[A-Z]{2}$/.test(raw)) return [raw];
  const said = LETTER_NAMES.get(w.folded);
  return said ? [...said] : null;
}

/** The country codes two letter-words may spell ("آی آر": AR, IR, ER, the one with an IBAN is IR). */
function countryCodes(text: string, ws: Word[], k: number): { codes: string[]; next: number } | null {
  const first = lettersOf(text, ws[k]!);
  if (!first) return null;
  if (first.length === 1 && first[0]!.length === 2) return IBAN_LENGTHS[first[0]!] ? { codes: first, next: k + 1 } : null;
  const w2 = ws[k + 1];
  if (!w2 || !PART_GAP.test(text.slice(ws[k]!.end, w2.start))) return null;
  const second = lettersOf(text, w2);
  if (!second) return null;
  const codes = first.flatMap((a) => second.filter((b) => b.length === 1).map((b) => a + b)).filter((c) => IBAN_LENGTHS[c]);
  return codes.length ? { codes, next: k + 2 } : null;
}

/** Arabic says a unit before its ten ("ثمانية وستين"): a unit right after a ten, without "و", starts the next number. */
function arabicCut(text: string, ws: Word[], k: number, to: number): number {
  for (let j = k + 1; j < ws.length && ws[j]!.start < to; j++) {
    const prev = ws[j - 1]!;
    const w = ws[j]!;
    if (w.folded.charCodeAt(0) < 0x600 || prev.folded.charCodeAt(0) < 0x600 || joinedByAnd(w.folded)) continue;
    const unit = readCompound(ws, j, text);
    const ten = readCompound([prev], 0, text);
    if (unit && ten && unit.value >= 1 && unit.value <= 9 && unit.to === w.end && ten.value >= 20 && ten.value % 10 === 0 && ten.to === prev.end) return j;
  }
  return -1;
}

/**
 * A dictated run from word k: number words, and (with `letters`) Latin letters of a bank's code ("N W B K", "BARC"),
 * parts apart by spaces, commas of either script, hyphens or dots; each part's end. Also `dictated-card.ts`'s reader.
 */
export function readWordRun(text: string, ws: Word[], k: number, want: number, letters = true): { chars: string; end: number }[] {
  const ends: { chars: string; end: number }[] = [];
  let chars = '';
  let j = k;
  let to = ws[k - 1]!.end;
  while (j < ws.length && chars.length < want && PART_GAP.test(text.slice(to, ws[j]!.start))) {
    const w = ws[j]!;
    const raw = text.slice(w.start, w.end);
    if (letters && (/^[A-Z]{1,4}$/.test(raw) || /^[a-z]$/.test(raw))) {
      chars += raw.toUpperCase();
      to = w.end;
      j++;
    } else if (isNumberWord(w.folded)) {
      let c = readCompound(ws, j, text);
      if (!c) break;
      const cut = arabicCut(text, ws, j, c.to);
      if (cut > j) c = readCompound(ws.slice(j, cut), 0, text)!;
      chars += c.digits;
      to = c.to;
      while (j < ws.length && ws[j]!.start < to) j++;
    } else break;
    ends.push({ chars, end: to });
  }
  return ends;
}

/** Adds each IBAN dictated after an IBAN's word; what the readers found inside it is part of it. */
export function withDictatedIbans(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  IBAN_WORD.lastIndex = 0;
  if (!IBAN_WORD.test(text)) return spans;
  const ws = words(text);
  const added: DetectedSpan[] = [];
  IBAN_WORD.lastIndex = 0;
  for (let m = IBAN_WORD.exec(text); m; m = IBAN_WORD.exec(text)) {
    const cueEnd = m.index + m[0].length;
    let k = ws.findIndex((w) => w.start >= cueEnd);
    for (let n = 0; k >= 0 && k < ws.length - 1 && n <= MAX_WORDS_BEFORE; n++, k++) {
      const cc = countryCodes(text, ws, k);
      if (!cc) continue;
      const found = readWordRun(text, ws, cc.next, LONGEST);
      const exact = cc.codes.map((code) => ({ code, part: found.find((p) => code.length + p.chars.length === IBAN_LENGTHS[code]) })).find((h) => h.part);
      if (exact?.part) {
        const valid = ibanChecksumValid(exact.code + exact.part.chars);
        added.push({ type: 'IBAN', start: ws[k]!.start, end: exact.part.end, confidence: valid ? 0.9 : 0.6 });
      } else {
        // a digit or two missed or said twice, as round 22 reads a typed IBAN off its length after the word: the
        // whole run, where it ends
        const whole = found[found.length - 1];
        if (whole && cc.codes.some((code) => Math.abs(code.length + whole.chars.length - IBAN_LENGTHS[code]!) <= 2)) added.push({ type: 'IBAN', start: ws[k]!.start, end: whole.end, confidence: 0.6 });
      }
      break;
    }
  }
  if (!added.length) return spans;
  const kept = spans.filter((s) => !added.some((a) => s.start >= a.start && s.end <= a.end));
  return kept.concat(added).sort((x, y) => x.start - y.start || y.end - x.end);
}
