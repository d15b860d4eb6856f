/**
 * Carriers' tracking numbers known by their structure, which stay visible however their groups are spaced: a UPS
 * number is "1Z", six letters or digits of the shipper's account, two of the service and eight of the parcel ("1Z 999
 * AA1 01 2345 6784", "1Z8V94E20398812044"). Its digit groups alone look like a phone or an ID to the readers, and the
 * fail-closed rule leaves a code's tail after letters masked (an IBAN's groups after "SA03" look the same): "1Z" is no
 * country's code, so the prefix says what the groups are. So is a courier's number of two capitals that open no
 * country's IBAN and twelve to twenty digits in groups ("JD0000 9000 1623 4471") in a message that names a shipment,
 * a tracking number or another record ("رقم الشحنة …"). And so is Western Union's transfer number (MTCN), ten digits
 * after "WU" in capitals or "Western Union" ("WU 441-820-7713"), whatever phone or ID its digits pass for ("Wu" in
 * lower case is a name, and the phone after it the customer's).
 *
 * A record's label carries over its list: "کد پیگیری: 482913، 573920، 618204", "tracking codes: a, b, c" — the values
 * after the first, apart by commas or "و", of its digit count and left visible (or the label's already), are the
 * label's too. And a record named
 * as "its number" ("عندي حوالة من ويسترن ورقمها 4829 1736 05"): when the nearest word with a cue before "its number"
 * is a transfer's, a tracking number's, an order's or a ticket's, the number is that record's (an account's is not: an
 * account's holder gives their own ID after "its number" too).
 */
import { digitValue } from '../text/fold';
import { IBAN_LENGTHS } from './checksums';
import { Cue } from './lexicon';
import type { DetectedSpan } from './types';
import { namesAny } from './words-in';

const UPS = /(?<![A-Za-z0-9])1Z(?:[ \u00a0-]?[A-Z0-9]){6}(?:[ \u00a0-]?[0-9]){10}(?![A-Za-z0-9])/gi;

const COURIER = /(?<![A-Za-z0-9])([A-Z]{2})[0-9]{2,6}(?:[ \u00a0-]?[0-9]{2,6}){2,5}(?![A-Za-z0-9])/g;
const WESTERN_UNION = /(?:^|[^A-Za-z])(?:WU|[Ww]estern [Uu]nion|ويسترن يونيون|وسترن يونيون)[ :#.-]{0,4}$/;
const isTrackingCue = (c: Cue): boolean => c === Cue.TRACK || c === Cue.ORDER;

/** The spans found elsewhere, without those inside a carrier's tracking number. */
export function withoutTrackingNumbers(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.length) return spans;
  const codes: Array<[number, number]> = [];
  if (/1Z/i.test(text)) {
    UPS.lastIndex = 0;
    for (let m = UPS.exec(text); m; m = UPS.exec(text)) codes.push([m.index, m.index + m[0].length]);
  }
  if (/[A-Z]{2}[0-9]/.test(text)) {
    COURIER.lastIndex = 0;
    for (let m = COURIER.exec(text); m; m = COURIER.exec(text)) {
      const digits = m[0].replace(/[^0-9]/g, '').length;
      if (digits >= 12 && digits <= 20 && IBAN_LENGTHS[m[1]!] === undefined && namesAny(text.slice(Math.max(0, m.index - 40), m.index), isTrackingCue)) codes.push([m.index, m.index + m[0].length]);
    }
  }
  if (/WU|[Ww]estern|وسترن|ويسترن/.test(text)) {
    for (const sp of spans) {
      if (WESTERN_UNION.test(text.slice(Math.max(0, sp.start - 24), sp.start)) && digitsIn(text, sp.start, sp.end) === 10) codes.push([sp.start, sp.end]);
    }
  }
  listedAfterRecord(text, spans, codes);
  recordsOwnNumber(text, spans, codes);
  if (!codes.length) return spans;
  return spans.filter((s) => !codes.some(([a, b]) => s.start >= a && s.end <= b));
}

/** A list's separator: ", ", "، ", "; ", " و " (spaces around, at most a few). */
const LIST_GAP = /^[ \u00a0]{0,2}(?:[,،;؛][ \u00a0]{0,2}(?:و[ \u00a0]?)?|و[ \u00a0]?|and[ \u00a0])[ \u00a0]{0,2}$/u;
const LISTED = new Set(['OTP', 'NATIONAL_ID', 'PHONE']);

/** The digit run ending right before `end` (its start), or -1. */
function runBefore(text: string, end: number): number {
  let a = end;
  while (a > 0 && digitValue(text.charCodeAt(a - 1)) >= 0) a--;
  return a < end ? a : -1;
}

function listedAfterRecord(text: string, spans: DetectedSpan[], codes: Array<[number, number]>): void {
  for (const sp of spans) {
    if (!LISTED.has(sp.type) || sp.confidence >= 0.9) continue;
    const n = digitsIn(text, sp.start, sp.end);
    if (n !== sp.end - sp.start) continue;
    // back through the list to its first value: each one of this count, left visible, a list's separator before it
    let at = sp.start;
    let first = -1;
    for (let k = 0; k < 8; k++) {
      let g = at;
      while (g > 0 && at - g < 7 && digitValue(text.charCodeAt(g - 1)) < 0) g--;
      const a = runBefore(text, g);
      if (a < 0 || g - a !== n || !LIST_GAP.test(text.slice(g, at)) || spans.some((o) => o.start < g && a < o.end && !codes.some(([x, y]) => o.start >= x && o.end <= y))) break;
      first = at = a;
    }
    if (first >= 0 && namesAny(text.slice(Math.max(0, first - 40), first), (c) => c === Cue.TRACK || c === Cue.REF || c === Cue.ORDER || c === Cue.TICKET, 3)) codes.push([sp.start, sp.end]);
  }
}

/** "ورقمها", "رقمه", "its number", "شماره‌اش": a number said to be a thing's named before it. */
const ITS_NUMBER = /(?:(?<![\p{L}])و?رقم(?:ها|ه|و)|\bits number|\bits no\.?|شماره‌?اش|شمارش)[ \u00a0:]*(?:is[ \u00a0]+)?$/iu;
/** What each of its words holds, asked first: its look-behind is tried at every unit of the 16 before each value. */
const MAY_SAY_ITS = /رقم|its|شمار/iu;

function recordsOwnNumber(text: string, spans: DetectedSpan[], codes: Array<[number, number]>): void {
  for (const sp of spans) {
    // (whatever its digits pass for: the writer says whose number it is)
    if (!LISTED.has(sp.type)) continue;
    const before = text.slice(Math.max(0, sp.start - 16), sp.start);
    const m = MAY_SAY_ITS.test(before) ? ITS_NUMBER.exec(before) : null;
    if (!m) continue;
    const clause = text.slice(Math.max(0, sp.start - before.length + m.index - 40), sp.start - before.length + m.index);
    // the nearest word with a cue, weak "number" words passed over
    let nearest: Cue | undefined;
    namesAny(clause, (c) => {
      if (c === Cue.PHONE_WEAK) return false;
      nearest = c;
      return true;
    }, 5);
    if (nearest === Cue.REF || nearest === Cue.TRACK || nearest === Cue.ORDER || nearest === Cue.TICKET) codes.push([sp.start, sp.end]);
  }
}

function digitsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (digitValue(text.charCodeAt(i)) >= 0) n++;
  return n;
}
