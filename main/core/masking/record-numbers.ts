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
 * - A cheque's, a utility meter's, a lease's or contract's and a reference's own number (round 39, r29's decoys):
 *   "شيك رقم ١٠٠٢٣٤٥٦", "چک نمبر 00441278", "compteur d'eau numero 22-0571-3391", "الكونتور نومرو 3312-0048-771",
 *   "رقم الايجاري القديم …", "قرارداد من که نمبرش …", "Рақами шартнома ТҶ-2024-0571", "Ref 884213": the number after
 *   such a word, with at most four words between and none a value's own word, is the record's. ("چک کنید" is the
 *   verb "check", not a cheque.)
 * - A thousands group of an amount ("مبلغ ۱۵،۰۰۰،۰۰۰ ریال" beside a "cvv2") is never a security code.
 */
import { DIGIT_CLASS, asciiDigits } from '../text/fold';
import { egyptIdValid, emiratesIdValid, iranCodeValid, saudiIdValid } from './checksums';
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

const RECORD_WORD =
  /(?:^|[^\p{L}])(?:cheques?|chèques?|chq|compteurs?|meters?|ejari|lease|tenancy|contracts?|contrat|(?:و|ف|ب)?(?:ال)?(?:شيك|شيكات|چيك|كونتور|کنتور|كنتور|عداد|عدادات|ايجاري|إيجاري|ایجاری|عقد)(?:ه|ها|ي|ی|ش|م)?|چک(?:ها|‌ها)?(?![\s\u200c]*(?:کن|كن|کرد|كرد|می|بکن))|قرارداد(?:ی|م|ش|ها)?|kontor|3adad|счётчик\p{L}*|счетчик\p{L}*|ҳисобкунак\p{L}*|хисобкунак\p{L}*|шартнома\p{L}*|договор\p{L}*)((?:[\s\u200c:#№°.،,()-]+(?=[^\s]*\p{L})[^\s:#№°.،,()-]+){0,4}?)[\s\u200c:#№°.،,()-]*(?:\p{Lu}{1,4}-)?$/iu;
/** Words between a record's word and its number that make the number a value: a code, a password, a phone, "my number". */
const NOT_RECORD = /code|kod|pin|otp|pass|sms|phone|mobile|call|whats|tel|(?:my|mon|ma)\s+(?:number|no|num|ligne)|(?:oman|omani|saudi|ksa|uae|emirati|dubai|qatar|qatari|kuwait|kuwaiti|bahrain|bahraini|jordan|jordanian|egypt|egyptian|tunisia|tunisian|morocco|moroccan|iran|iranian|afghan|tajik|local|new|old|other|second|home|work|office)\s+(?:number|no|num)|dyali|diali|ديالي|متاعي|كود|کد|كد|رمز|جوال|موبايل|هاتف|تلفون|تليفون|موبایل|تلفن|همراه|واتس|اتصل|زنگ|تماس|رقمي|شمارم/iu;

/** A reference's word right before a code-shaped number ("Ref 884213", "reference no. 40219", "مرجع ٦٦٠٣١٨"). */
const REF_WORD = /(?:^|[^\p{L}])(?:ref|reference|référence|(?:ال)?مرجع)(?:[\s:#.]+(?:no|nr|number|num[eé]ro|رقم|رقمه))?[\s:#№°.]*$/iu;

/**
 * A number in a link's path or query whose digits stand elsewhere in the message right after a reference's word
 * ("Ref 884213. Info: …/v/884213"). Only in a link: "Your verification code is 482913 … Ref 482913" is still a code.
 */
function refElsewhere(text: string, sp: DetectedSpan): boolean {
  const c = text[sp.start - 1];
  if (c !== '/' && c !== '=') return false;
  const v = text.slice(sp.start, sp.end);
  for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
    if (i !== sp.start && !DIGIT.test(text[i - 1] ?? '') && !DIGIT.test(text[i + v.length] ?? '') && REF_WORD.test(text.slice(Math.max(0, i - 24), i))) return true;
  }
  return false;
}

function recordsOwnNumber(text: string, sp: DetectedSpan): boolean {
  const before = text.slice(Math.max(0, sp.start - 72), sp.start);
  // (a reference's number only when it stands right after its word, and only where it was read as a one-time code:
  // "for reference, my number is 0501234567" stays a phone)
  if (sp.type === 'OTP' && (REF_WORD.test(before) || refElsewhere(text, sp))) return !CODE_AFTER.test(text.slice(sp.end, sp.end + 40));
  const m = RECORD_WORD.exec(before);
  if (m === null || NOT_RECORD.test(m[1]!)) return false;
  // (round 40: a number word between or right before the record's word — "رقم العقد", "contract no.", "قرارداد شماره")
  const named = NUMBER_NAMED.test(m[1]!) || NUMBER_BEFORE_RECORD.test(before.slice(Math.max(0, m.index - 16), m.index + 1));
  // a bare record word ending one line does not reach the next ("…اضيف اخي معي في العقد\n<iqama> هذي اقامته")
  const acrossLine = before.indexOf('\n', m.index + 1) >= 0;
  if (acrossLine && !named) return false;
  // nor past the end of its clause to words that name no number ("the contract is ready. el jdid 24 518 073"); a
  // number's word after the break is still the record's ("Ejari, its number …"), unless a value's qualifier says
  // whose ("I signed the lease, Oman number 7912 0583": NOT_RECORD)
  const clause = CLAUSE_THEN_WORDS.exec(m[1]!);
  if (clause !== null && !NUMBER_NAMED.test(m[1]!.slice(clause.index + 1))) return false;
  // a checksum-valid national ID is the record's only with the record's number word right before it
  if (checkedId(text, sp) && !numberWordRightBefore(m[1]!, named) && !NUMBER_SIGN_BEFORE.test(before)) return false;
  // a value's own label after it on its own line ("<id> هذي اقامته", "<id> that's his iqama", "<id> کد ملی ایشونه")
  // beats a record word: unless that label is followed by its own value
  if (ownLabelAfter(text, sp.end)) return false;
  // (words between the record's word and the number name it only with a number's word among them or before the record's
  // word — "شيك رقم …", "رقم الايجاري القديم …", "قرارداد من که نمبرش …"; otherwise the number may be a person's:
  // "عقد الايجار باسم اخوي 0501234567", "the lease in my wife's name 0551234567")
  if (/[\p{L}\p{N}]/u.test(m[1]!) && !NUMBER_NAMED.test(m[1]!) && !NUMBER_BEFORE_RECORD.test(before.slice(Math.max(0, m.index - 16), m.index + 1))) return false;
  // ("numéro", "نومرو" are a phone's words alone; after a record's word they name its number)
  for (const w of m[1]!.match(WORD) ?? []) {
    const cue = NUMBER_WORD.test(w) ? undefined : cueOf(foldKeyword(w.toLowerCase()));
    if (cue !== undefined && VALUE_CUES.has(cue)) return false;
  }
  return true;
}
/** The span's digits are a national ID that passes its country's check (Saudi/iqama, Iranian, Emirati, Egyptian). */
function checkedId(text: string, sp: DetectedSpan): boolean {
  const d = asciiDigits(text.slice(sp.start, sp.end)).replace(/\D/g, '');
  return d.length === 10 ? saudiIdValid(d) || iranCodeValid(d) : d.length === 15 ? emiratesIdValid(d) : d.length === 14 && egyptIdValid(d);
}

/** A number's sign right before the value: "cheque # …", "chèque n° …", "№ …". */
const NUMBER_SIGN_BEFORE = /(?:#|№|n°|nº)[\s:.]*$/iu;

/** The last word between the record's word and the number is a number's word, or none stands between and one stands before the record's word. */
function numberWordRightBefore(between: string, namedBefore: boolean): boolean {
  const words = between.match(WORD) ?? [];
  if (!words.length) return namedBefore;
  return NUMBER_NAMED.test(` ${words[words.length - 1]!}`);
}

/**
 * A value's label within three words after it on the same line — a national ID's, a passport's or a phone's word
 * ("هذي اقامته", "that's his iqama", "کد ملی ایشونه", "ин иқомаи ӯст") — that no number of its own follows.
 */
function ownLabelAfter(text: string, end: number): boolean {
  const nl = text.indexOf('\n', end);
  const line = text.slice(end, Math.min(nl < 0 ? text.length : nl, end + 48));
  const words = line.match(WORD) ?? [];
  let seen = 0;
  for (let i = 0; i < words.length && seen < 4; i++) {
    const w = words[i]!;
    if (DIGIT.test(w)) return false;
    seen++;
    const cue = cueOf(foldKeyword(w.toLowerCase()));
    if (cue === undefined || !LABEL_AFTER_CUES.has(cue)) continue;
    // (a label followed by its own value names that value, not the number before it)
    const rest = line.slice(line.indexOf(w) + w.length);
    return !OWN_NUMBER_AFTER.test(rest);
  }
  return false;
}
/** A number of its own after a label: three digits within its next few words. */
const OWN_NUMBER_AFTER = new RegExp(`^[^\\n]{0,24}?${D}{3}`, 'u');
const LABEL_AFTER_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.NID, Cue.ID_CARD, Cue.PASSPORT]);

/** The last clause's end (a comma, "،", "?", "!", "؟", ";" or a full stop that ends a word, not "no.") with words after it. */
const CLAUSE_THEN_WORDS = /(?:[,،?!؟;]|(?<![\s(](?:no|nr|n|num|ref|tel|ch|chq))\.)(?=[\s\u200c]*[^\s]*\p{L})(?!.*(?:[,،?!؟;]|(?<![\s(](?:no|nr|n|num|ref|tel|ch|chq))\.)[\s\u200c]*[^\s]*\p{L})/isu;

const NUMBER_WORD = /^(?:num[eé]ro|nomro|noumro|numro|نومرو|نوميرو)$/iu;
/** A number's word among the words between: "no.", "numéro", "رقم", "نمبرش", "شماره", "рақам". */
const NUMBER_NAMED = /(?:^|[\s\u200c:#.،,()-])[\u200e\u200f]*(?:no|nr|n|n°|№|num|number|num[eé]ro|nomro|noumro|numro|نومرو|نوميرو|رقم|رقمه|رقمها|نمره|نمبر\S*|شماره\S*|рақам\S*|номер\S*)(?=$|[\s\u200c:#.،,()-])/iu;
/** …or right before the record's word: "رقم الايجاري", "Рақами шартнома", "contract number" is after. */
const NUMBER_BEFORE_RECORD = /(?:^|[^\p{L}])(?:رقم|نمبر|شماره|number|no\.?|рақами?|номер)[\s\u200c]*.?$/iu;
/** A code's word right after a reference's number: "Ref 884213 is your verification code" is the code. */
const CODE_AFTER = /^[^\p{N}\n]{0,24}?(?:code|otp|pin|passcode|رمز|کد|كود|تحقق|تایید|تاييد)/iu;

/** "۱۵،۰۰۰،۰۰۰", "15,000,000": digits right after a thousands separator and a digit, or right before one and three digits. */
function thousandsGroup(text: string, sp: DetectedSpan): boolean {
  const a = text[sp.start - 1];
  const b = text[sp.end];
  return (a !== undefined && THOUSANDS_SEP.test(a) && DIGIT.test(text[sp.start - 2] ?? '')) || (b !== undefined && THOUSANDS_SEP.test(b) && DIGIT.test(text[sp.end + 1] ?? ''));
}
const THOUSANDS_SEP = /[,،٬']/u;

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
  let record: boolean | null = null;
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
      if (!drop && (record ??= RECORD_GATE.test(text))) drop = recordsOwnNumber(text, sp);
    } else if (sp.type === 'CVV' && sp.end - sp.start === 3) drop = thousandsGroup(text, sp);
    if (drop) out ??= spans.slice(0, k);
    else if (out) out.push(sp);
  }
  return out ?? spans;
}

/** What every staff word and every approval word above holds (a message without it has no such number). */
const STAFF_GATE = /agent|rep|advis|officer|employee|staff|operator|consultant|teller|broker|clerk|assessor|adjuster|surveyor|mando|mowaz|mwaz|muwaz|namayand|karmand|karshenas|مندوب|موظف|ممثل|وكيل|نماین|نماين|کارمند|كارمند|کارشناس|كارشناس|اپراتور|مشاور|مستشار/i;
const APPROVAL_GATE = /approv|auth|وافق|تایید|تاييد|مجوز|mowaf|mwaf/i;
const RECORD_GATE = /ch[eè]q|chq|compteur|meter|ejari|lease|tenancy|contra|ref|kontor|3adad|شيك|چيك|چک|نتور|عداد|ايجاري|إيجاري|ایجاری|عقد|مرجع|قرارداد|счётчик|счетчик|исобкунак|шартнома|договор/iu;

const isSeparator = (c: number): boolean => c === 0x2d || c === 0x2f || c === 0x5f;
