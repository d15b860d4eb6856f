/**
 * Record numbers the other passes cut values out of (round 38, issue #20's decoys):
 *
 * - A record number of letter groups and then digits ("TRV-SA-00981233", "MV-JO-0048213", "HLT/AE/00731920") is one
 *   token: its country letters and digit tail are no passport, ID or phone, however near a passport's word stands.
 *   Only a token of at least two letter groups before its digits is read so: "A-58806017" or "SA-0098123" (one
 *   group) is still a passport's shape, and a value that covers the whole token is left to the passes that found it.
 * - A staff member's code ("the agent with code 2231", "نماینده شما با کد ۱۰۷۴", "الموظفة كودها ٤٤٩٠"): a code right
 *   after a word for an agent, representative, employee or officer, joined to it by nothing more than "with", "your",
 *   "ID", a possessive or a bracket, is that person's code, not a one-time code sent to the customer ("code 2231
 *   came by SMS", "کد ۱۰۷۴ برام اومد" name no person and stay masked). Three to five digits only: a six-digit "code"
 *   is read as a one-time code whoever is named.
 * - An approval's number ("approval no 40218837", "الموافقه بتاعة العملية رقم ٤٠٢١٨٨٣٧", "شماره تاییدیه ۹۰۴۱۷۷۲۳",
 *   "pre-auth no. 50318426"): six to ten digits after a word for an insurer's approval or pre-authorisation, with at
 *   most four words between and none of them a code's, a password's or a phone's ("approval code 482913 … by SMS",
 *   "رمز الموافقة ٤٨٢٩١٣" stay one-time codes; "approval … call me on 0501234567" stays a phone).
 */
import { DIGIT_CLASS } from '../text/fold';
import { foldKeyword } from './detection-text';
import { Cue, cueOf } from './lexicon';
import type { DetectedSpan } from './types';

const D = `[${DIGIT_CLASS}]`;
/** Two or more groups of capitals joined by "-", "/" or "_", then a digit tail (the token's whole run; not in a link's path). */
const SEGMENTED = new RegExp(`(?<![\\p{L}\\p{N}/.])[A-Z]{1,6}(?:[-/_][A-Z]{2,4})+[-/_]${D}{4,}(?:[-/_][\\p{L}\\p{N}]{1,4}){0,2}(?![\\p{L}\\p{N}]|[-/_.][\\p{L}\\p{N}])`, 'gu');

const STAFF_EN = 'agent|agents|rep|representative|advisor|adviser|officer|employee|staff|operator|consultant|teller|broker|clerk|assessor|adjuster|surveyor|mandoub|mandob|mandoob|mowazaf|mowazzaf|mwazaf|muwazaf|namayande|namayandeh|karmand|karshenas';
const STAFF_AR = 'مندوب|موظف|موظفه|موظفة|ممثل|وكيل|نماینده|نماينده|کارمند|كارمند|کارشناس|كارشناس|اپراتور|مشاور|مستشار';
const LINK = `(?:with|whose|your|the|his|her|their|my|id|ID|el|elli|shoma|ba|ke|با|شما|تون|‌تون|ی|که|اللي|الي|صاحب|بتاع|بتاعكم|تبعكم|حقكم|عندكم|لي)`;
const CODE = `(?:code|kod|kode|cod|كود|کد|كد)(?:ه|ها|ش|شان|ـه)?`;
/** A staff word, at most three linking words, a code's word and what may stand before its number. */
const STAFF_CODE = new RegExp(
  `(?:^|[^\\p{L}])(?:al|el|ال)?(?:${STAFF_EN}|${STAFF_AR})(?:ه|ة|ـ)?(?:\u200c?(?:تون|تان|ی|ش))?(?:[\\s\u200c(,]+${LINK}){0,3}[\\s\u200c(,]+(?:${STAFF_AR}(?:ه|ة)?[\\s\u200c]+)?${CODE}[\\s:#.-]*$`,
  'iu',
);
/** A code's word the staff word qualifies: "كود الموظف ٢٢٣١", "کد نماینده ۱۰۷۴" (not "رمز": a delivery code is given to a courier). */
const CODE_OF_STAFF = new RegExp(`(?:^|[^\\p{L}])${CODE}[\\s\u200c]+(?:al|el|ال)?(?:${STAFF_EN}|${STAFF_AR})(?:ه|ة)?(?:\u200c?(?:تون|تان|ی|ش))?(?:[\\s\u200c]+(?:شما|حضرتك|تبعكم|بتاعكم))?[\\s:#.-]*$`, 'iu');
/** A code's word with a person's possessive right after the staff word: "الموظفة كودها ٤٤٩٠", "الموظف اللي كوده ٧٧٢٠". */
const STAFF_THEN_OWN_CODE = new RegExp(`(?:^|[^\\p{L}])(?:ال)?(?:${STAFF_AR})(?:ه|ة)?(?:\\s+(?:اللي|الي|يلي))?\\s+(?:كود|کد|كد|رمز)(?:ه|ها)[\\s:#.-]*$`, 'u');

const APPROVAL_WORD =
  /(?:^|[^\p{L}])(?:pre-?approval|approvals?|pre-?auth(?:ori[sz]ation)?|prior[\s-]+auth(?:ori[sz]ation)?|authori[sz]ation|(?:و|ف|ب)?(?:ال)?موافق[هةت](?:ها|ه)?|تاییدیه|تاييديه|مجوز|mowafa2a|mwafa2a|mowafqa|mowaf2a)((?:[\s\u200c:#.،,()-]+(?=[^\s]*\p{L})[^\s:#.،,()-]+){0,4}?)[\s\u200c:#.،,()-]*$/iu;
/** Words between an approval's word and its number that make the number something else: a code, a password, a phone. */
const NOT_APPROVAL = /code|kod|pin|otp|pass|sms|phone|mobile|call|whats|tel|كود|کد|كد|رمز|جوال|موبايل|هاتف|تلفون|تليفون|موبایل|تلفن|همراه|واتس|اتصل|زنگ|تماس/iu;

function approvalsNumber(text: string, sp: DetectedSpan): boolean {
  const n = digitsIn(text, sp.start, sp.end);
  if (n < 6 || n > 10) return false;
  const before = text.slice(Math.max(0, sp.start - 72), sp.start);
  const m = APPROVAL_WORD.exec(before);
  // ("رمز الموافقة ٤٨٢٩١٣", "verification approval …": the word just before the approval's names a code)
  if (m === null || NOT_APPROVAL.test(m[1]!) || NOT_APPROVAL.test(before.slice(Math.max(0, m.index - 8), m.index + 1))) return false;
  // ("approval for my national ID …", "الموافقة على جوازي …": a value's own word between names the number)
  for (const w of m[1]!.match(WORD) ?? []) {
    const cue = cueOf(foldKeyword(w.toLowerCase()));
    if (cue !== undefined && VALUE_CUES.has(cue)) return false;
  }
  return true;
}

const WORD = /[^\s\u200c:#.،,()-]+/gu;
const VALUE_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.PHONE, Cue.NID, Cue.ID_CARD, Cue.OTP, Cue.OTP_WEAK, Cue.PASSPORT, Cue.BIRTH, Cue.CARD, Cue.IBAN, Cue.ACCOUNT, Cue.CVV]);

function digitsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (DIGIT.test(text[i]!)) n++;
  return n;
}
const DIGIT = new RegExp(D);

function segmentedTokens(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  SEGMENTED.lastIndex = 0;
  for (let m = SEGMENTED.exec(text); m; m = SEGMENTED.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const CUT_TYPES = new Set(['PASSPORT', 'NATIONAL_ID', 'PHONE', 'OTP']);

/** The spans found elsewhere, without a value cut out of a record number's tail, an approval's number or a staff member's code. */
export function withoutRecordNumbers(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  if (!spans.length) return spans;
  // (each reading's words are looked for once in the message, and only when a span could be its number)
  let tokens: Array<[number, number]> | null = null;
  let staff: boolean | null = null;
  let approval: boolean | null = null;
  let out: DetectedSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k]!;
    let drop = false;
    if (CUT_TYPES.has(sp.type)) {
      // (only a span that starts right after a separator can be a segmented token's tail)
      if (sp.start > 2 && isSeparator(text.charCodeAt(sp.start - 1))) {
        tokens ??= segmentedTokens(text);
        drop = tokens.some(([a, b]) => sp.start > a && sp.end <= b);
      }
      if (!drop && sp.type === 'OTP' && sp.end - sp.start <= 8 && (staff ??= STAFF_GATE.test(text)) && digitsIn(text, sp.start, sp.end) <= 5) {
        const before = text.slice(Math.max(0, sp.start - 64), sp.start);
        drop = STAFF_CODE.test(before) || STAFF_THEN_OWN_CODE.test(before) || CODE_OF_STAFF.test(before);
      }
      if (!drop && sp.type !== 'PASSPORT' && (approval ??= APPROVAL_GATE.test(text))) drop = approvalsNumber(text, sp);
    }
    if (drop) out ??= spans.slice(0, k);
    else if (out) out.push(sp);
  }
  return out ?? spans;
}

/** What every staff word and every approval word above holds (a message without it has no such number). */
const STAFF_GATE = /agent|rep|advis|officer|employee|staff|operator|consultant|teller|broker|clerk|assessor|adjuster|surveyor|mando|mowaz|mwaz|muwaz|namayand|karmand|karshenas|مندوب|موظف|ممثل|وكيل|نماین|نماين|کارمند|كارمند|کارشناس|كارشناس|اپراتور|مشاور|مستشار/i;
const APPROVAL_GATE = /approv|auth|وافق|تایید|تاييد|مجوز|mowaf|mwaf/i;

const isSeparator = (c: number): boolean => c === 0x2d || c === 0x2f || c === 0x5f;
