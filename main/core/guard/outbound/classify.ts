/**
 * Does a reply ask the customer to hand over a secret? The guard models the act, clause by clause: a request — a verb
 * in any supported dialect ("send", "ابعتلي", "صيفط", "بفرستید", "revert with"), a softer "your OTP please" /
 * "الكود كام" / "کد چیه", a "need", or a bare "how much is it?" — whose object is a secret, named ("code", "رمز التحقق")
 * or described by its attributes ("the digits in the text we sent", "a photo of the front of your card"), in this
 * clause or, through a pronoun, in the two before; or a question about what a message the reader received says
 * ("what did it say?"). It is cancelled only by what governs the verb: a negation or warning before it ("never share",
 * "لا تشارك", "if anyone asks"), the writer acting ("we'll send you a code"), the customer as destination, and for
 * entry verbs only, the official app or the customer themself ("enter it in the app", "type it yourself").
 * Text is folded and Latin spelling repaired first, so variants and typos match one lexicon entry.
 */
import { clauses, normalizeText, QUOTED_LINE, tokenIndexAt, type Clause } from '../text/clauses';
import { BOTH_SIDES, EXPIRY, ID_DOCUMENT, PAYMENT_CARD, PICTURE } from './documents';
import {
  ACCEPTED, AR_OBJECT_SUFFIX, ARABIZI_OBJECT_SUFFIX, BACK_REFERENCE, CHAT_PLACE, SELF_CARE_VERBS, SUBORDINATORS, TRANSFER_VERBS, CLAUSE_NEGATION, IN_APP, PLACE_DESCRIBES_OBJECT, STATEMENT_AFTER_VERB, LAST_DIGITS, NEGATION, NEGATORS, ANYONE, NEUTRAL_OBJECTS, NOT_REALLY_NEGATION,
  READER, SECRET_OBJECTS, SOFT_REQUEST, ANYONE_AS_RECIPIENT, STRONG_REQUEST, TO_READER, TO_READER_PLACE, TO_WRITER_PLACE, WEAK_ENTRY_VERBS,
  NEGATED_BY_SHAPE, REASON, WRITER_ACTS, WRITER_SELF, findAll, type Hit, type SecretKind,
} from './lexicon';
import { foldLetters } from '../text/clauses';
import { extractLinks } from '../text/links';
import { repairSpelling } from '../text/typos';
import { readAmArticle } from '../text/am-article';
import { readFrenchArticle } from './french-article';
import { readMaghrebiCard } from './maghrebi';
import { handedToTheWriterByShape, handsOverWithItsObjectLeftOut } from './recipient';
import { knowsWord, QUOTING_VERBS, REFUSAL_WORDS } from '../text/words';
import { CARRIER, CONTENT_QUESTION, DESCRIBED_SECRETS, HARMLESS_CARRIER, MESSAGE_CONTENT } from './described';
import { codeRuledOut, retractedByAJoke } from './retraction';
import { temporarySecretHandedBack } from './temporary';
import { tajikRequests } from './tajik';
import { conditionedOnIt, conditionedOnTheSecret } from './conditions';
import { arrivedByRelative, enteredAtALink, listGoesOn, numberOfTheCard, reachesOverAList, writtenHereInFrench } from './reach';
import { activationCodeSentToReader, askedByAPoliteTail, messageToldAsSomethingElse, picturesTheMessage, showsInPerson } from './short-asks';

export type RequestedSecret = Exclude<SecretKind, 'activation'>;

export interface SecretRequest {
  kind: RequestedSecret;
  /** `block`: a clear request; `warn`: "enter the code" with no place named. */
  strength: 'block' | 'warn';
  /** The clause that asks (normalized), for the audit and the agent's highlight. */
  clause: string;
  /** (round 29) A link stands in this clause or the one before: an entry with no place named goes to that site. */
  nearLink?: true;
  /** (round 35) Credentials entered at a link ("open … and log in with your bank details"): a block when the reply's link is a third party's. */
  atLink?: true;
}

export interface ClassifyOptions {
  /** Service needs only phone + activation code: the activation code may be asked for. (A national ID or full name is
   *  always found; the policy's `approvableRequests` decides whether a lead may approve the reply.) */
  phoneAndActivationOnly: boolean;
}

const MAX_GAP = 6;
const PERSIAN_VERB_FINAL_GAP = 20;
/** "Type it yourself": the customer enters the secret on their own device, nobody receives it. */
/** (round 24) …or the one the reply speaks through types it: "tell your son to type it in the app himself", "خليها تكتبه بنفسها", "به پسرت بگو خودش بزنه". */
const THEMSELVES = ['himself', 'herself', 'themselves', 'بنفسه', 'بنفسها', 'بنفسهم', 'بحاله', 'بحالها', 'بروحه', 'بروحها', 'بوحده', 'بوحدها', 'خودش', 'خودشون', 'خودشان', 'bnafso', 'bnafsou', 'bnafsha', 'bwa7do', 'bwa7dou', 'bwa7dha', 'bro7o', 'bro7ha', 'khodesh', 'khodeshun'];
const BY_THEMSELVES = [...THEMSELVES, 'yourself', 'by yourself', 'y(?:uh|a|o|u)self', 'urself', 'yoself', 'on your own', 'بنفسك', 'بنفسكم', 'بنفسيتك', 'حالك', 'بحالك', 'بروحك', 'براسك', 'بوحدك', 'خودت', 'خود ?تون', 'خود ?تان', 'شخصا', 'bnafsak', 'be nafsak', 'khodet', 'khodetun', '7alak', 'bro7ak', 'bw7dek', '(?<=\\S(?:ه|ها|هم|و) )(?:انت|انتي|انتو|inta|enta|nta|nti)'];
/** (round 25) Someone entering it on their own device: the relative told "to type it himself / in the app" (`tellsAThirdPerson`). */
const SELF_ENTRY = [...THEMSELVES, ...IN_APP, 'khud', 'mismo', 'da kansa', 'da kanta', 'mwenyewe', 'yenyewe', 'بنفسه', 'بنفسها'];
const KIDA = /^(?:كده|كدا)$/u;
/** Persian words an Arabic clause never has, beside `PERSIAN_CLAUSE`'s: "اون کده که برات اومد". */
const PERSIAN_WORDS = /(?<=^| )(?:كه|اون|اين|همون|همين|برات|براتون|يه)(?= |$)/u;
const PERSIAN_CLAUSE = /[پچژگ]|(?<=^| )(?:را|رو|كنيد|كن|است|هست|ميشه|بده|بديد|بگيد|بفرستيد)(?= |$)/u;
/** A bare "how much is it?" after a secret was named: "یه کد فرستادیم، چنده؟", "وصلك كود؟ كام؟". */
const BARE_QUESTION = new RegExp(`^(?:(?:بگو|بگيد|بگين|بگيد|قولي|قلي|قول لي|قل لي|گلي|گولي|قولو|احكيلي|tell me|say|begu|bego|begid|begin|2oli|2olli) )?(?:${['چنده', 'چيه', 'چي بود', 'چند بود', 'كام', 'كم', 'ايه هو', 'شو هو', 'وش هو', 'شنو هو', '(?:هو|هي|هوا|هيا) (?:شنو|ايه|شو|وش|ايش|كم|كام)', 'what (?:is|was) it', "what's it", 'whats it', '(?:shu|sho|shno|shnu|eh|eih|ech) (?:howe|howa|huwwe|huwe|hu|hiye|hiya|hya|homa|humma|huma|hom)', "what (?:are|were|'re) (?:they|them|those)", 'whats (?:they|them|those)', "what's (?:they|them)", 'which one', 'chande', 'ch[ie]?e'].map(foldLetters).join('|')})$`, 'u');
const BY_ENTERING = /(?:^| )by (?:typing|entering|keying|putting|inputting|type|enter|key|put|input)(?: |$)/;
/** (round 29) "complete verification by entering the code": the gerund after "by" is the entry verb itself (where it goes decides). */
const BY_GERUND = /(?<=(?:^| )by )(?:typing|entering|inputting)(?= )/g;
const GERUND_BASE: Record<string, string> = { typing: 'type', entering: 'enter', inputting: 'input' };
/** Verbs that can mean typing into the official app; "in the app" cancels only these, never "send" or "share". */
const ENTRY_LIKE = new RegExp(`^(?:${['put', '(?:ro |ra |رو |را )?(?:bezar\\S*|bzar|بذار\\S*|بزار\\S*)', 'pop', 'chuck', 'bung', 'stick', 'toss', 'slap', 'lob', 'whack', 'throw', 'bang', '(?:و|ف)?(?:ت)?عب(?:ي|و|يها|يه|يهم)?', '3abb?(?:i|e|y|ou|o)\\S*', 'write', 'paste', 'insert', 'type', 'enter', 'use', 'fill', '(?:و|ف)?(?:ت|ي|بت|بي|هت|حت|ن|بن|هن)?(?:ادخل|دخل|ادخال|دخال|حط|حطي|اكتب|كتب|فوت)\\S*', 'وارد\\S*', 'بنويس\\S*', 'بزن\\S*', 'vared\\S*', 'dakhel\\S*', '7ot\\S*', 'ekteb\\S*', 'benevis\\S*', 'paki ?(?:type|lagay|ilagay|enter|input|paste)\\S*', 'i-?(?:type|enter|input|lagay)\\S*'].map(foldLetters).join('|')})$`, 'u');
const SOFT_GAP = 2;
const NEG_REACH = 6;
const NEED_WORDS = /^(?:need|require|required|we need|i need|i want|we want|i.ll need|we.ll need)$/;
const cache = new Map<string, RegExp>();
const AR_TO_READER_SUFFIX = /(?:لك|ليك|لكم|ناك|نالك|نالكم|اليك)$/u;
const KIND_ORDER: SecretKind[] = ['otp', 'password', 'pin', 'card', 'cvv', 'national_id', 'full_name', 'activation'];
/** Each kind's secret named (`lexicon.ts`) or described (`described.ts`), scanned as one alternation. */
const OBJECTS_BY_KIND = Object.fromEntries(KIND_ORDER.map((k) => [k, [...SECRET_OBJECTS[k], ...(DESCRIBED_SECRETS[k] ?? [])]])) as Record<SecretKind, string[]>;

interface ObjectHit extends Hit {
  kind: SecretKind;
}

/** (round 29) A link is one word: its dots would end a clause ("acme-verify.com and enter the OTP") and its labels read as words (".ma" as Arabizi "not"). */
function linksAsWords(text: string, words: Set<string>): string {
  if (!/\.\p{L}/u.test(text)) return text;
  const links = extractLinks(text);
  if (!links.length) return text;
  let out = text.normalize('NFC');
  // (…and a clause of its own ends after it, as its dots ended one before: "click here acme.com/help, and enter it there")
  for (const l of links) {
    const word = l.raw.replace(/[^\p{L}\p{N}]+/gu, '');
    words.add(word.toLowerCase());
    out = out.split(l.raw).join(` ${word} , `);
  }
  return out;
}

/** (round 29) A screen's label quoted after what it names — "از بخش «فراموشی رمز عبور» تغییر دهید", "under the 'Forgot password' link" —
 *  is one word of the sentence, not a clause of its own (its quote marks cut "change your password" from its verb). */
const LABEL_QUOTE = `(?:"[^"\\n]{1,40}"|“[^”\\n]{1,40}”|«[^»\\n]{1,40}»|'[^'\\n]{1,40}')`;
const UI_NOUNS = ['section', 'option', 'link', 'button', 'tab', 'menu', 'page', 'screen', 'field', 'setting', 'settings', 'بخش', 'قسمت', 'گزينه', 'دكمه', 'منو', 'منوي', 'صفحه', 'لينك', 'زبانه', 'قسم', 'خيار', 'زر', 'رابط', 'قائمه', 'قايمه', 'خانه', 'ايقونه', 'زرار'].map(foldLetters).join('|');
/** (the noun is matched, not looked behind for: a lookbehind over the alternation at every offset cost each reply) */
const UI_LABEL = new RegExp(`((?:^|\\s)(?:${UI_NOUNS})\\s?)${LABEL_QUOTE}|${LABEL_QUOTE}(?=\\s?(?:${['section', 'option', 'link', 'button', 'tab', 'menu', 'page', 'screen', 'field', 'setting', 'settings'].join('|')})(?:\\s|$))`, 'gu');
const QUOTE_MARK = /["“«']/u;
function labelsAsWords(t: string): string {
  return QUOTE_MARK.test(t) ? t.replace(UI_LABEL, (_m, noun: string | undefined) => `${noun ?? ' '}label `) : t;
}

/** (round 29) Finglish writes the ezafe and the possessive after a hyphen: "password-e app-et chie?" reads as "password app chie?". */
const FINGLISH_EZAFE = /(?<=[a-z]{2})-(?:e|ye|et|at|eton|etoon|etun|tun|toon|etan|tan)(?![\p{L}\p{N}])/gu;

export function findSecretRequests(whole: string, opts: ClassifyOptions): SecretRequest[] {
  const linkWords = new Set<string>();
  const text = linksAsWords(whole, linkWords).replace(FINGLISH_EZAFE, '');
  const found: SecretRequest[] = [];
  const recent: ObjectHit[][] = [];
  const carriers: boolean[] = [];
  /** "Can you send it to me? The code from the SMS.": a verb whose object is named only in the next clause. */
  let waitingForObject = false;
  /** The clause before asked us to be given "a number" without naming a secret (`asksForANumberHere`). */
  let asksForANumber = false;
  /** "Reply with: 1) your full name 2) your SSN 3) the code…": a request verb that ends its clause opens a list of items. */
  let listOpen = false;
  /** (round 29) The secrets named by the short items just read ("1) 16-digit card number 2) CVV2 3) expiry"), for a verb that closes the list. */
  let itemSecrets: ObjectHit[] = [];
  let items = 0;
  let listBarred = false;
  const normalized = labelsAsWords(normalizeText(text.replace(NEVER_ASIDE, '$1 ').replace(READER_ONLY_NEEDS, '$1 $2'), { markQuotes: true }).replace(MACHINE_ASKS, (_m, machine: string) => `تدخله في ${machine}`));
  const warned = WARNING.test(normalized.replace(QUOTED, ' '));
  // (round 16) "you wrote «send me the code» in the message?": words quoted after a verb of writing or saying are reported, not asked
  const unquoted = quoteUtterances(warned ? normalized.replace(QUOTED, ' , ').replace(BRACKETED, ' , ') : normalized.replace(QUOTED, (q, at: number) => (REPORTS_A_QUOTE.test(normalized.slice(Math.max(0, at - 30), at)) ? ' , ' : q)));
  // someone else's words excuse their ask only when the writer's own words warn, negate or report them: "> send me the
  // code" or «send me the code» with a line of the writer's own beside it is still the writer's ask
  const own = unquoted.split('\n').filter((line) => !line.startsWith(QUOTED_LINE)).join('\n').replace(QUOTED, ' ');
  const quoteExcused = warned || hits(own, NEGATION).length > 0 || hits(own, CLAUSE_NEGATION).length > 0 || hits(own, IN_APP).length > 0 || REFUSES.test(own) || REPORTS_SPEECH.test(own);
  const prepared = unCleft(baseFormAfterMind(stripNotReallyNegation(repairSpelling(otpSpelledOut(readFrenchArticle(readMaghrebiCard(readAmArticle(oneClauseWhenRefused(unquoted), text)))))).replace(BY_GERUND, (g) => GERUND_BASE[g] ?? g)));
  const all = mergePoliteTails(clauses(prepared));
  /** (round 29) The lines that are one clause each — a bulleted list's items (numbered ones follow their numeral). */
  const wholeLines = new Set(prepared.includes('\n') ? prepared.split('\n').map((l) => (l.match(LINE_TOKEN) ?? []).join(' ')) : []);
  // "What did the SMS say? I don't need the digits": a message's wording is asked for, not its code
  const wordingOnly = codeRuledOut(all, (c) => secretObjects(c, opts));
  const joked = retractedByAJoke(all);
  const lastFourRefused = LAST_FOUR_REFUSED.test(prepared);
  const refused = all.some((c) => hits(c.text, NEGATORS).length > 0);
  const cutCard = CUT_CARD.test(normalized);
  const atTheBranch = all.some((c) => hits(c.text, BRANCH).length > 0);
  /** "…the app says never share it. I'm the exception, I'm your manager, so send it.": what a warning says never to share stays "it" to the reply's end. */
  let disclaimed: ObjectHit[] = [];
  /** The disclaimer reports the rule ("the text says not to share it", "we always say never share it"): a bare "go ahead" after it overrides the rule. */
  let ruleReported = false;
  for (const [index, clause] of all.entries()) {
    // (round 13) "Got it? What does it say?", "وصلك؟ قولي فيه إيه": a bare question whether something arrived, right after a
    // code was sent, is about the message — its content is the code ("did the parcel arrive?" names what arrived)
    const carrierHere = (hits(clause.text, CARRIER).length > 0 && !hits(clause.text, HARMLESS_CARRIER).length) || (!!clause.question && ARRIVED_BARE.test(clause.text));
    let objects = secretObjects(clause, opts);
    // (round 30) "the message that came to you has the tracking number in it": a message said to hold another number is not its code
    if (objects.length && ANOTHER_NUMBER_HELD.test(clause.text)) objects = objects.filter((o) => !(o.kind === 'otp' && hits(clause.text.slice(0, o.end), CARRIER).length && ANOTHER_NUMBER_HELD.test(clause.text.slice(o.start))));
    // (round 21) "البطاقة … ارسل لي رقمها كامل": the whole number, with a card named here or in the clause before, is the card's
    if (!objects.length) objects = wholeNumberOfACard(clause, all[index - 1]);
    // (round 23) "…card er pichone je tin ta number ache, ar expiry date ta amake bolun": an expiry after a card named in the clause before is the card's
    if (!objects.length) objects = expiryOfACard(clause, all[index - 1]);
    if (!objects.length) objects = numbersOnItsFace(clause, all[index - 1]);
    // (round 35) "confirm the card by sending its number, expiry …": "its number" after a card named is the card's
    // (…never one looked at in the app: "check its number in the app")
    const its = hits(clause.text, IN_APP).length ? undefined : numberOfTheCard(clause, all[index - 1], (t) => CARD_NAMED.test(t));
    if (its && !objects.some((o) => o.kind === 'card' || (o.start < its.end && its.start < o.end))) objects = [...objects, its];
    // (round 21) "البطاقة المدنية … تصورها لي من الجهتين": both faces pictured, of a document named in the two clauses before
    if (!objects.length) objects = documentPicturedAfter(clause, all.slice(Math.max(0, index - 2), index));
    // "We sent you a text. Quote its contents.": after a message to the reader, what it holds is the code
    if (!objects.length && !wordingOnly && (carrierHere || carriers.slice(-2).some(Boolean))) {
      const messages = hits(clause.text, CARRIER);
      // …but "رسالة نصية" (a text message) is the message itself, not its text
      objects = hits(clause.text, MESSAGE_CONTENT).filter((h) => !messages.some((m) => m.start <= h.start && h.end <= m.end)).map((h) => ({ ...h, kind: 'otp' as const }));
      // (round 27) …and its bare digits after it ("ye SMS barat miad, oon adad ro baram befrest"), unless it was said to carry an order's or a parcel's number
      if (!objects.length && !carrierHere && !all.slice(Math.max(0, index - 2), index).some((c) => OTHER_NUMBER.test(c.text))) objects = bareDigits(clause);
    }
    const nearby = recent.slice(-2).flat();
    const earlier = nearby.length ? nearby : disclaimed;
    const context: ClauseContext = { warned, answeredNext: ANSWER.test(all[index + 1]?.text ?? ''), negatedList: continuesANegatedList(all, index, (c) => secretObjects(c, opts)), refused, hereRefused: refusesHere(all[index + 1]), atTheBranch, selfEntryAhead: all.slice(index, index + 3).some((c) => hits(c.text, SELF_ENTRY).length > 0) };
    // with no secret here or in the two clauses before, nothing in this clause can ask for one
    const requests = objects.length || earlier.length ? requestsIn(clause, objects, earlier, context) : [];
    // "You'll get an SMS shortly. Forward it to me.": the message we sent carries a code, so handing it to us asks for it
    if (!requests.length && !objects.length && !earlier.length && carriers.slice(-2).some(Boolean) && !wordingOnly && (handsMessageToUs(clause) || BARE_QUESTION.test(clause.text))) requests.push({ kind: 'otp', strength: 'block' });
    // (round 36) "…we sent you an SMS, WhatsApp me a screenshot of it", "عکسشو بگیرید بفرستید اینجا": a picture of that message carries its code
    if (!requests.length && !objects.length && !earlier.length && !warned && !clause.quoted && (carrierHere || carriers.slice(-2).some(Boolean)) && !wordingOnly && picturesTheMessage(clause) && !all.slice(Math.max(0, index - 2), index + 1).some(shownByTheApp) && !messageToldAsSomethingElse(all.slice(Math.max(0, index - 2), index + 1).map((c) => c.text)) && picturedAndSent(clause)) requests.push({ kind: 'otp', strength: 'block' });
    // (round 21) "بيوصلك كود، عطه الموظف لما يتصل عليك": the secret named before, carried by the verb, handed to a person we name
    if (!requests.length && !objects.length && earlier.length && !warned && handsItToAPerson(clause)) requests.push({ kind: earlier[earlier.length - 1]!.kind as RequestedSecret, strength: 'block' });
    // (round 21) "3mile forward lal sms li wasalik hon": forwarding a message to the reader that this clause names
    if (!requests.length && !objects.length && !earlier.length && carrierHere && !wordingOnly && forwardsTheMessage(clause)) requests.push({ kind: 'otp', strength: 'block' });
    // (round 35) …"الرمز اللي جاك توه وش يقول؟": the secret's own relative clause of arrival is the message that reached the reader
    // (round 37) …a number asked as what is in it, unless the message was said to hold another thing ("the SMS with your booking number — what number's in it?")
    if (!requests.length && !wordingOnly && !(NUMBER_IN_IT.test(clause.text) && messageToldAsSomethingElse(all.slice(Math.max(0, index - 2), index + 1).map((c) => c.text))) && asksWhatMessageSays(clause, carriers.slice(-2).some(Boolean) || arrivedByRelative(clause, objects.find((o) => o.kind === 'otp')))) requests.push({ kind: 'otp', strength: 'block' });
    // (round 30) "dawwer el resala elly wsltk mn acme w dizha hni": the message named in this clause, then handed on to us after it
    if (!requests.length && !objects.length && !earlier.length && carrierHere && !wordingOnly && handsTheMessageOnHere(clause)) requests.push({ kind: 'otp', strength: 'block' });
    // (round 30) "write the code in words, one three seven…, so the system doesn't wipe it": spelt out to pass a filter is still handed over
    // (its bare digits are the code: "عددا رو با حروف بنویس برام")
    // (…and typed in letters it is typed for a person to read, not into the app: it outranks "enter it" with no place named)
    if (!requests.some((r) => r.strength === 'block') && SPELLED_OUT.test(clause.text) && !(warned && warnsBesidesTheFilter(normalized))) {
      const spelled = objects[0] ?? earlier[earlier.length - 1] ?? bareDigits(clause)[0];
      if (spelled && spelledOutToUs(clause)) requests.splice(0, requests.length, { kind: spelled.kind as RequestedSecret, strength: 'block' });
    }
    if (!requests.length && !objects.length && earlier.length && BARE_QUESTION.test(clause.text)) requests.push({ kind: earlier[earlier.length - 1]!.kind as RequestedSecret, strength: 'block' });
    // "I realise the text says not to share it. That doesn't apply to me. Go ahead.": permission to break the reported rule
    if (!requests.length && ruleReported && disclaimed.length && GO_AHEAD.test(clause.text)) requests.push({ kind: disclaimed[0]!.kind as RequestedSecret, strength: 'block' });
    if (!requests.length && objects.length && ((waitingForObject && startsWithTheSecret(clause, objects)) || (clause.question && all.slice(index + 1).every((c) => NEED_IT.test(c.text)) && onlyTheSecret(clause, objects)))) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // (round 31) "Card number. All of it.", "DOB, full. D/M/Y.", "رقم الكارت كله لو سمحت", "رقم البطاقة والتاريخ اللي تحته": the secret alone, demanded whole
    if (!requests.length && objects.length && !warned && !clause.quoted && demandedWhole(clause, objects, all.slice(index + 1, index + 3))) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // (round 36) "the password you use for the app as well please": the secret's noun phrase, its description and a polite tail
    // (an entry verb inside the description, "you use", read as an unclear entry, gives way to it)
    if (!requests.some((r) => r.strength === 'block') && objects.length && !warned && !clause.quoted && !hits(clause.text, NEGATION).length && askedByAPoliteTail(clause, objects)) requests.splice(0, requests.length, { kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // (round 35) "give me your online banking user ID, password and the OTP": the verb's list of login fields goes on past the comma
    if (!requests.length && objects.length && !warned && !clause.quoted && index > 0 && !hits(all[index - 1]!.text, NEGATION).length && !hits(all[index - 1]!.text, CLAUSE_NEGATION).length && !hits(clause.text, NEGATION).length && listGoesOn(all[index - 1], clause, objects, hits(all[index - 1]!.text, STRONG_REQUEST))) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // (round 35) "Vous avez le code ? Écrivez-le ici dans le chat.": a French writing verb, the secret its object, this chat the place
    if (!requests.length && (objects.length || earlier.length) && !warned && !clause.quoted && writtenHereInFrench(clause, objects, earlier.length > 0)) requests.push({ kind: (objects[0] ?? earlier[earlier.length - 1])!.kind as RequestedSecret, strength: 'block' });
    // (round 35) "open acme-refund.help and log in with your bank details": credentials entered at a link (the guard blocks it when the link is a third party's)
    let atLink = false;
    // (…an entry already read as unclear is the same entry: "ba user o ramze bankitun vared shid")
    if (!requests.some((r) => r.strength === 'block') && !warned && !clause.quoted && enteredAtALink(clause, all[index - 1], linkWords.size > 0 && [clause, all[index - 1]].some((c) => c?.tokens.some((w) => linkWords.has(w))), objects, hits(clause.text, NEGATION).length > 0 || hits(clause.text, CLAUSE_NEGATION).length > 0 || hits(clause.text, SUBORDINATORS).length > 0 || hits(clause.text, IN_APP).length > 0)) {
      if (!requests.length) requests.push({ kind: (objects[0]?.kind ?? 'password') as RequestedSecret, strength: 'warn' });
      atLink = true;
    }
    // (round 34) "Card number and security code.", "Also the 3 number back side of card, needed.": a form's fields said aloud
    if (!requests.length && objects.length && !warned && !clause.quoted && namedAsAForm(clause, objects, all.slice(index + 1, index + 3), () => listEndsTheReply(all, index, (c) => secretObjects(c, opts)))) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // "I can't go on without the code that was sent to you", "منوط به ارسال کد", "I'm waiting for the code": the secret as our condition
    if (!requests.length && !warned && !joked.has(index)) {
      const window = all.slice(Math.max(0, index - 1), index + 2).map((c) => c.text).join(' , ');
      if (objects.length && conditionedOnTheSecret(clause.text, window, objects)) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
      else if (!objects.length && earlier.length && conditionedOnIt(clause.text, window)) requests.push({ kind: earlier[earlier.length - 1]!.kind as RequestedSecret, strength: 'block' });
      else {
        // "reset your password to something temporary and send me what you set it to"
        const login = [...objects, ...earlier].find((o) => o.kind === 'password' || o.kind === 'otp' || o.kind === 'pin');
        if (login && temporarySecretHandedBack(clause, window, true)) requests.push({ kind: login.kind === 'otp' ? 'password' : (login.kind as RequestedSecret), strength: 'block' });
      }
    }
    // "the last four are not enough, I need the whole number": the whole number is the card's
    if (!requests.length && !warned && !clause.quoted && wantedInstead(clause, all[index - 1], objects)) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // (round 28) "Whit's the password ye use?", "انت بتستخدم أنهي باسورد؟": which one the reader uses is the secret itself
    // (an entry verb's warning, "use the password", gives way to it)
    if (!requests.some((r) => r.strength === 'block') && !warned && !clause.quoted && asksWhichOneTheyUse(clause, objects)) requests.splice(0, requests.length, { kind: objects.find((o) => USED_SECRETS.has(o.kind))!.kind as RequestedSecret, strength: 'block' });
    if (!requests.length && lastFourRefused && !warned && WHOLE_NUMBER.test(clause.text) && !hits(clause.text, NEGATION).length) requests.push({ kind: 'card', strength: 'block' });
    // (round 18) the act by its shape, whatever the verb: a secret, the writer as receiver, the reader as giver ("malai yaha pathaunus")
    // …the secret named here, or (round 21) pointed back at: "انت وصل رسالة فيه ستة ارقام؟ هذا ارقام انت كتب هنا"
    // …or, after a message to the reader, its bare digits ("انت تلفون رسالة جا، انت قرا ارقام لي")
    const shaped = objects.length ? objects[0]!.kind : hits(clause.text, BACK_REFERENCE).length && earlier.length ? earlier[earlier.length - 1]!.kind : carriers.slice(-2).some(Boolean) && BARE_DIGITS.test(clause.text) ? 'otp' : undefined;
    if (!requests.length && shaped && !warned && !clause.quoted && !hits(clause.text, SUBORDINATORS).length && handedToTheWriterByShape(clause, hits(clause.text, NEGATION).map((n) => n.at))) requests.push({ kind: shaped as RequestedSecret, strength: 'block' });
    // (round 23) "…کدی که برات آمده، لطف کن بفرست اینجا": a transfer verb toward the writer with its object left out takes the secret just named
    // …named in a clause that hands it over or describes it, never in one that negates it ("never share your code. Message me here")
    if (!requests.length && !objects.length && earlier.length && !warned && !clause.quoted && handsOverTheSecretNamed(clause, all.slice(Math.max(0, index - 2), index), opts)) requests.push({ kind: earlier[earlier.length - 1]!.kind as RequestedSecret, strength: 'block' });
    // (round 16) "the number you gave was 4929 73.. resend the whole thing", "5412 •••• kmel lia": completing a card cut short
    if (!requests.length && cutCard && !warned && completesTheCard(clause)) requests.push({ kind: 'card', strength: 'block' });
    // …every item of the list that begins with a secret is what the verb asks for
    if (!requests.length && objects.length && listOpen && startsWithTheSecret(clause, objects)) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    // (round 29) …or a verb that closes a list of them, its object the list: "• شماره کارت • CVV2 • تاریخ انقضا را ارسال فرمایید",
    // "1) card number 2) CVV 3) expiry — kindly share the above details", "ابعتهملي كلهم", "merci de nous les transmettre"
    if (!requests.length && itemSecrets.length && items >= 2 && !warned && !clause.quoted && closesAList(clause)) requests.push({ kind: itemSecrets[0]!.kind as RequestedSecret, strength: 'block' });
    const numeral = /^(?:\d{1,2}|[a-e])$/.test(clause.text);
    // (a list under a negated or warning opener — "we will never ask you for:" — is what not to hand over)
    // (an item is a whole line or follows its numeral; the cheap tests first, the verb lexicon last)
    const itemShape = !requests.length && clause.tokens.length <= 8 && (numeral || wholeLines.has(clause.text) || /^(?:\d{1,2}|[a-e])$/.test(all[index - 1]?.text ?? ''));
    if (!itemShape || (!numeral && !isAListItem(clause))) { itemSecrets = []; items = 0; listBarred = false; }
    else if (!numeral) {
      if (items === 0) listBarred = forbidsOrWarns(all[index - 1]) || (/^(?:\d{1,2}|[a-e])$/.test(all[index - 1]?.text ?? '') && forbidsOrWarns(all[index - 2]));
      // (an item is a noun phrase: a step of instructions, "2. enter the OTP in the app", is not a thing to hand over)
      if (!listBarred && objects.length && nothingDone(clause)) itemSecrets.push(...objects);
      items++;
    }
    listOpen = !requests.length && !objects.length && !earlier.length && opensAList(clause) ? true : listOpen && isAListItem(clause);
    // (round 21) "بغيت منك الرقم اللي مكتوب ورا البطاقة، الثلاث أرقام الصغار": a number asked for, then renamed as the secret
    if (!requests.length && objects.length && asksForANumber && renames(clause, objects)) requests.push({ kind: objects[0]!.kind as RequestedSecret, strength: 'block' });
    asksForANumber = !requests.length && !objects.length && !warned && asksForANumberHere(clause);
    waitingForObject = !requests.length && !objects.length && !earlier.length && (handsOverUnnamed(clause) || NEEDS_ONE_THING.test(clause.text));
    // (round 28) "…, اللي يطلبهم منك سارق", "whoever asks you for them is a thief": the one who asks is someone else
    if (WHOEVER_ASKS.test(clause.text)) requests.length = 0;
    if (!joked.has(index) && !(clause.quoted && quoteExcused) && !reportsOrUndoesASend(clause, all.slice(index + 1, index + 3))) for (const r of requests) found.push({ ...r, clause: clause.text, ...(linkWords.size && [clause, all[index - 1]].some((c) => c?.tokens.some((w) => linkWords.has(w))) ? { nearLink: true as const } : {}), ...(atLink && r.strength === 'warn' ? { atLink: true as const } : {}) });
    // "…send me a screenshot of the error, you can share it here": a pronoun after that refers to the new thing
    if (!objects.length && !requests.length && handsOverSomethingElse(clause)) { recent.length = 0; disclaimed = []; }
    // ("the text says not to share it": the message named beside the warning does not stop "it" being the secret)
    const never = objects.length && warnsOver(clause, objects) ? objects : neverShareIt(clause);
    if (never.length) { disclaimed = never; ruleReported = RULE_REPORTED.test(clause.text); }
    recent.push(objects.length ? objects : never);
    carriers.push(carrierHere);
  }
  // (round 16) "اكتب فيه الكود. لا ترسله لنا", "type it in there, don't send it to us": entry is into the place, not to us
  if (FORBIDS_TO_US.test(normalized)) for (let i = found.length - 1; i >= 0; i--) if (ENTRY_LIKE.test(found[i]!.clause.split(' ')[0] ?? '') && !hits(found[i]!.clause, TO_WRITER_PLACE).length) found.splice(i, 1);
  // (round 21) …and a scam's words quoted in a Tajik warning are reported, as in every other language
  for (const r of tajikRequests(warned ? normalized.replace(QUOTED, ' , ') : normalized)) {
    const kind = r.kind === 'activation' ? 'otp' : r.kind;
    if (!found.some((f) => f.kind === kind)) found.push({ kind, strength: 'block', clause: r.sentence });
  }
  return found;
}

/** (round 28) "0TP", "0 T P", "o.t.p", "O-T-P": the letters spaced or dotted, a zero for the O, are the OTP. */
const OTP_SPELLED_OUT = /(?<![\p{L}\p{N}])[o0][ .-]{0,2}t[ .-]{0,2}p(?![\p{L}\p{N}])/gu;
function otpSpelledOut(t: string): string {
  return t.replace(OTP_SPELLED_OUT, 'otp');
}

/**
 * The reply names or describes a secret, or speaks of a message the customer received, in a clause that negates
 * nothing: the only replies the learned model may judge (it adds a block to what the rules read; "your refund is on
 * its way" is never its business). A clause with a negator or a refusal ("bhai code mujhe mat zuvogo", "ne le donnez
 * à personne") is the rules' alone: the model cannot tell which word a negator governs, so it read a negated ask with
 * a verb it had never seen as an ask.
 */
export function mentionsASecret(text: string, opts: ClassifyOptions): boolean {
  const all = clauses(ownWords(text));
  // (round 23) a hand-over forbidden anywhere in the reply — a verb negated by its own shape ("…, buraya göndermeyin") or
  // a negator before a transfer verb to us ("…, jangan kirim ke sini") with no other hand-over — governs the secret the model would read in another clause
  if (all.some((c) => hits(c.text, NEGATED_BY_SHAPE).length > 0) || (all.some(forbidsAHandOver) && !all.some(handsSomethingOver))) return false;
  return all.some((c) => (secretObjects(c, opts).some((o) => o.kind !== 'activation') || (hits(c.text, CARRIER).length > 0 && !shownByTheApp(c)) || hits(c.text, BACK_REFERENCE).length > 0) && !negatesAnUnknownWord(c, opts) && !saysItWasAccepted(c));
}

/** A transfer verb no negator governs: the reply hands something over after all ("don't post it in the group, send it here"). */
function handsSomethingOver(c: Clause): boolean {
  const negators = hits(c.text, NEGATORS);
  return hits(c.text, TRANSFER_VERBS).some((v) => !negators.some((n) => n.last < v.at && v.at - n.last <= NEG_REACH));
}
function forbidsAHandOver(c: Clause): boolean {
  const negators = hits(c.text, NEGATORS);
  // (…to us: "don't send it to anyone but me" still hands it to the writer)
  return negators.length > 0 && hits(c.text, TO_WRITER_PLACE).length > 0 && hits(c.text, TRANSFER_VERBS).some((v) => negators.some((n) => n.last < v.at && v.at - n.last <= NEG_REACH));
}

/** A clause that says the secret was accepted, with no verb that hands anything over: not the learned model's business. */
function saysItWasAccepted(c: Clause): boolean {
  return hits(c.text, ACCEPTED).length > 0 && !hits(c.text, STRONG_REQUEST).length;
}

/** A message that "came up", "popped up", "طلعت لك", "ظهرت": the app's or the screen's, not one that carries a code. */
const SHOWN_BY_THE_APP = new RegExp(`^(?:(?:that|which|${['اللي', 'الي', 'التي', 'يلي', 'li', 'elli', 'lli'].map(foldLetters).join('|')}) )?(?:${['popped up', 'came up', 'showed up', 'pops up', 'comes up', 'shows up', 'appeared', '(?:ب|بت|بي|ت|ي)?طلع\\S*', '(?:ب|بت|بي|ت|ي)?ظهر\\S*', 'بان\\S*', 'طالع\\S*', 'tla3\\S*', 'tl3\\S*'].map(foldLetters).join('|')})(?: |$)`, 'u');
/** (round 20) Every message the clause names is one the app or the screen showed: "صورة شاشة للرسالة اللي طلعت لك". */
function shownByTheApp(c: Clause): boolean {
  const messages = hits(c.text, CARRIER);
  return messages.length > 0 && messages.every((m) => SHOWN_BY_THE_APP.test(c.text.slice(m.end + 1)));
}

/**
 * A negator right before a word no lexicon knows, which ends the clause or takes the secret as its object ("mujhe mat
 * zuvogo", "never zuvo the code", "ne zuvez jamais le code", "zuvo ana mafi"): an unknown verb negated. The rules read the negation;
 * the model cannot tell which word a negator governs, and read such a clause as an ask. ("ما أقدر أكمل بدون الكود",
 * "I can't continue without it": the negated word is followed by another verb, a condition the model may judge.)
 */
function negatesAnUnknownWord(c: Clause, opts: ClassifyOptions): boolean {
  const unknown = (w: string | undefined) => !!w && /^\p{L}{3,}$/u.test(w) && !knowsWord(w);
  const negators = hits(c.text, NEGATORS);
  const objectsAt = new Set([...secretObjects(c, opts), ...hits(c.text, BACK_REFERENCE), ...hits(c.text, ANYONE)].map((o) => o.at));
  return negators.some((n) => {
    // (round 20) a Persian verb negated by its prefix ends the clause and governs all of it: "رمز کارت خود را روان نکنین"
    if (n.last === c.tokens.length - 1 && (NEGATED_LIGHT_VERB.test(c.tokens[n.at] ?? '') || NEGATED_VERB_AFTER.test(c.tokens[n.at] ?? ''))) return true;
    // Gulf pidgin puts its negator last: "inta code zuvo ana mafi"
    if (n.last === c.tokens.length - 1 && c.tokens.slice(Math.max(0, n.at - 2), n.at).some(unknown)) return true;
    if (!unknown(c.tokens[n.last + 1])) return false;
    let next = n.last + 2;
    while (negators.some((m) => m.at === next)) next = negators.find((m) => m.at === next)!.last + 1;
    return next >= c.tokens.length || objectsAt.has(next) || /^(?:the|your|ur|le|la|les|votre|ton|ta|tes|vos)$/.test(c.tokens[next] ?? '') && objectsAt.has(next + 1);
  });
}

/**
 * "They'll say «give us your PIN»": an utterance in quotation marks with an ask of its own is someone else's words —
 * a clause of its own, marked quoted (it asks nobody, and still names what a later "it" is). A quoted name or phrase
 * without an ask ("the "verification code" field") stays part of its clause.
 */
function quoteUtterances(t: string): string {
  // (…and a reply that is only the quotation is the writer's own ask)
  if (!/\p{L}/u.test(t.replace(QUOTED, ' '))) return t;
  return t.replace(QUOTED, (q) => {
    const inside = (q.slice(1, -1).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).join(' ');
    return hits(inside, STRONG_REQUEST).length || hits(inside, TRANSFER_VERBS).length ? `\n${QUOTED_LINE}${inside}\n` : q;
  });
}

/** The writer's own words, folded: without quoted e-mail lines or quoted utterances that ask (what the learned model reads). */
export function ownWords(text: string): string {
  return quoteUtterances(normalizeText(text, { markQuotes: true }))
    .split('\n')
    .filter((line) => !line.startsWith(QUOTED_LINE))
    .join('\n');
}

/**
 * "لطفاً از ارائه رمز …، حتی به کارکنان شرکت، خودداری فرمایید": a refusal verb closing a sentence governs all of it,
 * commas included — Persian puts it last, after the asides — so such a sentence is read as one clause.
 */
function oneClauseWhenRefused(t: string): string {
  return t.replace(/[^.!?؟\n]+/gu, (sentence) => (findAll(sentence.replace(/[,،]/g, ' '), CLAUSE_NEGATION).length ? sentence.replace(/[,،;؛]/g, ' ') : sentence));
}

const GERUNDS: Record<string, string> = { sending: 'send', telling: 'tell', sharing: 'share', forwarding: 'forward', providing: 'provide', giving: 'give', reading: 'read', typing: 'type', pasting: 'paste', writing: 'write', texting: 'text', messaging: 'message', dropping: 'drop', posting: 'post', confirming: 'confirm', passing: 'pass' };
const AFTER_MIND = new RegExp(`(?<=(?:^| )(?:mind|about|try|consider|recommend|suggest)(?: just| kindly| please| also| quickly)? )(${Object.keys(GERUNDS).join('|')})(?= |$)`, 'g');

/** "Would you mind telling me…", "how about sending…": a polite request's verb in -ing reads as the verb itself. */
function baseFormAfterMind(t: string): string {
  return t.replace(AFTER_MIND, (g) => GERUNDS[g]!);
}

/** "What I need from you is uh the number on the front", "اللي محتاجه منك هو…": a cleft names its object after "is". */
const CLEFT = new RegExp(`(?<=^| )(?:what (i|we)(?:'ll|'m|'re| am| are)?(?: (?:really|still|just|will|'ll|gonna|going to|gon))? (?:need|want|require)(?: (?:from|off) (?:you|u|ya|yous|y'all|yall|ye|yez))? (?:is|are)|${['(?:اللي|الي|يلي) (?:محتاج|محتاجين|عايز|عاوز|بد|بدي|ابي|ابغي|نبي|نحتاج|احتاج)\\S*(?: منك\\S*)? (?:هو|هي|هوا|هيا)'].map(foldLetters).join('|')})(?: (?:uh|um|er|erm|just|simply|basically))*(?= |$)`, 'gu');
function unCleft(t: string): string {
  return t.replace(CLEFT, (_m, who: string | undefined) => (who ? `${who} need` : foldLetters('محتاج')));
}

/** "رسالة تقول…", "a caller saying…": the saying verb's subject, right before it, is a message or a stranger. */
const SPEAKERS = ['someone', 'somebody', 'caller', 'people', 'they', 'scammers?', 'fraudsters?', 'واحد', 'حد', 'حدا', 'شخص', 'ناس', 'نصاب\\S*', 'محتال\\S*', 'يكي', 'كسي', 'كلاهبردار\\S*', 'wa7ed', 'had', 'yeki', 'kasi'];
function saidBySomeoneElse(clause: Clause, r: Hit): boolean {
  // "that message wey say…", "a text that says…": the relative word's antecedent is the speaker
  const back = /^(?:wey|that|which|who|dey)$/.test(clause.tokens[r.at - 1] ?? '') ? 2 : 1;
  // "ناس بتتصل وتقول…", "people call and say…": a verb joined by "and" shares the subject of the verb before it
  const joined = /^و\S{2,}/u.test(clause.tokens[r.at] ?? '') || clause.tokens[r.at - 1] === 'and';
  const before = clause.tokens.slice(Math.max(0, r.at - (joined ? 3 : back)), joined ? r.at : r.at - back + 1).join(' ');
  return hits(before, CARRIER).length > 0 || hits(before, SPEAKERS).length > 0;
}

/** What the rest of the reply says about a clause. */
interface ClauseContext {
  /** The reply warns about a scam somewhere: what a message or a caller "says" is then quoted, not asked. */
  warned: boolean;
  /** The next clause answers this one ("What is an OTP? It is…"): the question defines, it does not ask. */
  answeredNext: boolean;
  /** The clause goes on a list of verbs a negation began before a comma: "No one will ask you to read out, text or paste it". */
  negatedList: boolean;
  /** The next clause is a short refusal of this chat as the place ("…, not here", "…، مش هنا"). */
  hereRefused: boolean;
  /** The reply negates or refuses somewhere: a report in an if-clause is then a warning's (`reportedInACondition`). */
  refused: boolean;
  /** (round 21) The reply sends the reader to a branch or an office: what the staff there ask for is shown in person. */
  atTheBranch: boolean;
  /** (round 25) This clause or the two after have someone enter it themselves or in the app: a third person told is told to type it. */
  selfEntryAhead: boolean;
}

const LIST_OR = /^(?:or|nor|ولا|او|يا|ya|ou|wala|wla|ni)$/u;
/** "…never ask you to read out, text or paste that code": the clause continues a list of verbs the negation before it governs. */
function continuesANegatedList(all: Clause[], i: number, objectsOf: (c: Clause) => ObjectHit[]): boolean {
  const c = all[i]!;
  // "do not disclose your card number, PIN or one-time passcode here": secrets joined by "or" after a clause whose
  // negated verb ends on a secret are more objects of that verb
  if (i > 0 && c.tokens.some((w) => LIST_OR.test(w) || w === 'and') && objectsOf(c).some((o) => o.at === 0)) {
    const p = all[i - 1]!;
    const ends = objectsOf(p).some((o) => o.last === p.tokens.length - 1);
    const verb = hits(p.text, STRONG_REQUEST)[0];
    if (ends && verb && hits(p.text, NEGATION).some((n) => n.last < verb.at)) return true;
  }
  if (i === 0 || (!LIST_OR.test(c.tokens[0] ?? '') && !(c.tokens.slice(1, 4).some((w) => LIST_OR.test(w)) && hits(c.text, STRONG_REQUEST).some((v) => v.at === 0)))) return false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const p = all[j]!;
    const last = hits(p.text, STRONG_REQUEST).filter((v) => v.last >= p.tokens.length - 2).sort((a, b) => a.at - b.at)[0];
    if (!last) return false;
    if (hits(p.text, NEGATION).some((n) => n.last < last.at)) return true;
    // a bare verb on the list ("text"): the negation is further back
    if (last.at !== 0) return false;
  }
  return false;
}

/** A stranger or a thing that asks the reader, in an if/when clause: "If a pop-up asks you to type your PIN", "إذا جاك رابط غريب يطلب منك". */
const ASKED_BY = ['(?:call|calls|called|calling|text|texts|texted|message|messages|messaged|ring|rings|rang) (?:you|u)(?: (?:and|to|dey|go))? (?:say|says|said|saying|tell\\S*|ask\\S*)(?: (?:you|u))?(?: (?:make|to|for))?(?: (?:you|u))?', 'asks? (?:you|u)(?: to| for)?', 'asked (?:you|u)(?: to| for)?', 'asking (?:you|u)(?: to| for)?', 'tells? (?:you|u) to', 'told (?:you|u) to', 'wants? (?:you|u) to', 'requests? (?:you|u) to', 'prompts? (?:you|u) to', 'hinihingi', 'humihingi', 'nanghihingi', 'hihingi', '(?:ي|ب|بي|بت|ت|هي|حي)?طلب\\S* منك\\S*', '(?:از ?(?:ت|تون|شما)|ازت|ازتون) (?:\\S+ )?(?:خواست|بخواد|بخواهد|بخوان|خواستن|خواستند|خواسته)\\S*'];
const INDEFINITE_ASKER = new RegExp(`^(?:${['wa7ed', 'wahed', 'chi', 'kase', 'kasi', 'yeki', 'zol', 'زول', '7ad', 'had', 'ahad', 'nafar', 'person', 'a', 'an', 'any', 'may', 'anyone', 'anybody', 'someone', 'somebody', 'some', 'another', 'strange', 'unknown', 'random', 'whoever', 'fake', 'suspicious', 'weird', 'pop', 'popup', 'غريب\\S*', 'مجهول\\S*', 'حد', 'حدا', 'احد', 'واحد', 'اي', 'شخص', 'رابط', 'لينك', 'كسي', 'يكي', 'ناشناس\\S*', 'عجيب\\S*', 'مشكوك\\S*'].map(foldLetters).join('|')})$`, 'u');
const OURS = /^(?:our|we|us|my|i|منا|مننا|احنا|نحن|ما|مون)$/u;
/** The asker and its asking, from the word after the subordinator: nothing in there ("a pop-up") is the reader's verb. */
function askedByAStranger(clause: Clause, subordinators: Hit[]): Hit[] {
  if (!subordinators.length) return [];
  return hits(clause.text, ASKED_BY).flatMap((r) => {
    const s = subordinators.filter((x) => x.last < r.at).pop();
    if (!s) return [];
    const asker = clause.tokens.slice(s.last + 1, r.at);
    return asker.some((w) => INDEFINITE_ASKER.test(w)) && !asker.some((w) => OURS.test(w)) ? [{ ...r, at: s.last + 1 }] : [];
  });
}

/**
 * (round 20) What an indefinite speaker says in an if-clause is reported, not asked, whether or not the reply names a
 * scam: "اگه یکی گفت کد رو بده، نده‌ها", "ila chi wa7ed gal lik 3tini le code, ma t3tihch", "if any person calling and
 * telling share OTP, dont share". Only when the reply refuses somewhere (`refused`): the writer's own words must turn
 * the report into a warning.
 */
function reportedInACondition(clause: Clause, subordinators: Hit[]): Hit[] {
  if (!subordinators.length) return [];
  return hits(clause.text, SAYING_IN_A_CONDITION).filter((r) => {
    const s = subordinators.filter((x) => x.last < r.at).pop();
    const speaker = s ? clause.tokens.slice(s.last + 1, r.at) : [];
    return speaker.some((w) => INDEFINITE_ASKER.test(w)) && !speaker.some((w) => OURS.test(w));
  });
}

function refusesHere(next: Clause | undefined): boolean {
  return !!next && next.tokens.length <= 4 && hits(next.text, NEGATORS).length > 0 && hits(next.text, CHAT_PLACE).length > 0;
}

/** A clause that begins by answering a question: "It is a one-time password", "يعني…", "یعنی…". */
const ANSWER = new RegExp(`^(?:${['it is', "it's", 'its', 'it means', 'this is', 'that is', 'an? \\S+ (?:is|means)', 'يعني', 'هو عباره', 'عباره عن', 'هو رمز', 'هي رمز', 'يعني ايه', 'يعني چي', 'يعني', 'يك كد', 'كدي است', 'رمزي است'].map(foldLetters).join('|')})(?: |$)`, 'u');
/** Verbs of saying that put a request in someone else's mouth: "a message saying send the code", "كيقول ليك صيفط". */
const REPORTED = ['says', 'said', 'saying', '(?<=(?:wey|dey|which|that) )say', '(?<=(?:wey|dey|which|that|who) )(?:tell|ask|want)s? (?:you|u)', 'telling you', 'tells you', 'told you', 'asking you', 'asks you', 'asked you', "(?<!(?:i|we|i'm|im|we're|were|i am|we are|i was|we were) )(?:asking|asks|asked|requesting|requests|requested|wanting|wants|wanted|demanding|demands|demanded)(?: for)?(?= (?:your|ur|the|a|an|you)(?: |$))", 'claims', 'claiming', '(?:و|ف)?(?:ي|ب|بي|كي|كت|ت|بت)?(?:قول|يقول|تقول)\\S*', '(?:و|ف)?قال\\S*', 'مي ?گه', 'ميگه', 'مي ?گويد', 'نوشته', 'گفته', 'migه', 'mige', 'bey2ol', 'bet2ol', 'kay9ol', 'kayqol', '2al(?:ak|lak|ek|lek|ik|kom|et|etlak|olak)?', '(?:و|ف)?(?:ي|ب|بي|بت|ت)?طلب\\S* منك\\S*', '(?:ازت|ازتون|از شما) (?:\\S+ )?(?:خواست|خواسته|بخواد)\\S*', 'hinihingi', 'humihingi', 'nanghihingi', 'y2ol\\S*', 'bi2ol\\S*', 'gal(?:ak|lak|ek|lek)', 'qal(?:ak|lak)'];

/** (round 20) Verbs of saying in an if-clause (`reportedInACondition`): Persian گفت/بگه, Darija "gal lik", Tajik "guyad", Taglish "sabihing", Indian English "telling". */
const SAYING_IN_A_CONDITION = [...REPORTED, 'گفت', 'بگه', 'بگويد', 'gal(?= (?:lik|lek|lak|liya|lia)(?: |$))', 'qal(?= (?:lik|lek|lak)(?: |$))', 'g[uo]yad', 'mego?yad', 'sabihin\\S*', 'nagsabi\\S*', 'magsabi\\S*', 'yag[uo]+l', 'yg[uo]+l', 'telling', 'يقلك', 'قلك'];

// (round 25) …a single-quoted utterance may hold an apostrophe between letters ("'it's us, read me the code'", curly quotes
// are straight once normalized): it closes at the first quote mark no letter follows
const QUOTED = /"[^"\n]{3,}"|“[^”\n]{3,}”|«[^»\n]{3,}»|(?<![\p{L}\p{N}])'(?:[^'\n]|(?<=\p{L})'(?=\p{L})){3,}?'(?![\p{L}\p{N}])/gu;
/** (round 23) "فيه ناس يرسلون (عميلنا العزيز، أرسل رمز التحقق …) وهذي رسالة احتيال": inside a warning, brackets quote as quotation marks do. */
const BRACKETED = /[([][^()[\]\n]{3,}[)\]]/gu;
/** A warning that quotes a scam's own words ("that 'send us your OTP' text is a scam") does not ask for anything. */
const WARNING = new RegExp(`(?<![\\p{L}])(?:${['scam', 'scams', 'fake', 'fraud', 'phishing', 'spam', 'hoax', 'con(?![\\p{L}])', 'bogus', 'swindle', 'crooks?(?![\\p{L}])', "(?:wasn't|was not|isn't|is not|weren't|were not) (?:from )?us", 'not from us', '(?:that|thats|that.s|it|its|it.s|this) (?:is |was )?not us', 'did not come from us', "didn't come from us", 'ignore', 'delete', 'report', 'never', 'warn\\S*', 'beware', '(?:ا|ن|ت)?نبه\\S*', 'تنبيه\\S*', 'احذر\\S*', 'حذار', 'هشدار\\S*', 'نصب', 'احتيال', 'مزيف', 'وهمي', 'مش مننا', 'ليست منا',
  // (round 19) the asker disowned: "اللي كلمك … مش تبعنا", "… مش من البنك", "کار ما نیست", "ne travaille pas chez nous"
  '(?:مش|مو|ما هو|ماهو|مب|ليس|مهوب) (?:من ?(?:عندنا|طرفنا|جهتنا|البنك|الشركه)|تبعنا|حقنا|منا|موظف\\S*)', 'كار ما (?:نيست|نبوده)', 'از طرف ما نبوده', "(?:ne travaille|n'est) pas (?:chez|de chez|avec) nous", "(?:isn't|is not|aren't|are not) (?:part of|from|with) (?:our|the) (?:team|bank|company|staff)", 'كلاهبردار', 'جعلي', 'تقلبي', 'از طرف ما نيست', 'نصاب', 'محتال', 'حرامي', 'سارق\\S*', 'سراق', 'لص(?![\\p{L}])', 'لصوص', 'دزده?(?![\\p{L}])', 'thie(?:f|ves)(?![\\p{L}])', 'sarr?a[9q]\\S*', 'sare[9q]', 'nasb', 'nasab', 'na9b', 'na9ab', 'nassab', 'msh menna', 'mesh menna', 'mish minna', 'kolahbardar', 'e7tyal', 'e7teyal', 'fake', '(?:a |all )?lies?(?![\\p{L}])', 'كذب', 'كذبه', 'كدب', 'كدبه', 'كضب', 'كضبه', 'كذاب', 'kedb', 'kidb', 'kdb', 'دروغ\\S*', 'arnaque\\S*', 'escroquer\\S*', 'arnak\\S*', 'қаллоб\\S*', 'фиреб\\S*', 'эҳтиёт\\S*', 'laghai\\S*', 'utapeli', 'matapeli', 'penipu\\S*', 'penipuan', 'dhoka\\S*', 'fraud\\S*',
  // (round 23) fraud in the languages round 23 added, and German "Betrug" in Finglish from Germany
  'betrug\\S*', 'dolandırıcı\\S*', 'd[əe]l[əe]duz\\S*', 'damfara', 'panloloko', 'manloloko', 'فراڈ', 'dhokha\\S*', 'প্রতারণা', 'প্রতারক\\S*', 'ማጭበርበር', 'tapeli', 'scam\\S*'].map(foldLetters).join('|')})`, 'u');


/**
 * "I know we always say never share it, but…": whatever a warning says must never be shared is a secret, so a
 * pronoun in the clauses after it refers to one even when the secret is never named.
 */
function neverShareIt(clause: Clause): ObjectHit[] {
  const t = clause.text;
  const negations = hits(t, NEGATION);
  if (!negations.length) return [];
  for (const v of hits(t, STRONG_REQUEST)) {
    if (!negations.some((n) => n.last < v.at && v.at - n.last <= 2)) continue;
    const pronoun = hits(t, BACK_REFERENCE).find((r) => r.at === v.last + 1);
    if (pronoun) return [{ ...pronoun, kind: 'otp' }];
  }
  return [];
}

const RULE_REPORTED = /(?:^| )(?:say|says|said|saying|tell|tells|told|know|knew|realise|realize|aware|warn|warns|warned|get it|understand|گفتيم|ميگيم|مي گيم|ميگن|مي گن|بنقول|نقول|منقول|بيقول|يقول|تقول|اعرف|عارف|بعرف|ادري|مي دونم|ميدونم|midoonam|midunam|migim|ba2ool|bn2ol)(?: |$)/u;
const GO_AHEAD = /^(?:(?:so|ok|okay|just|then|and|now|please|pls) )*(?:go ahead|go for it|please do|feel free|do it|you can|yalla|يلا|تفضل|بفرما|بفرماييد)(?: (?:please|pls|now|then|thanks|mate))?$/u;

/** "Normally we say never share your code": a negation governing a hand-over verb whose object is the named secret. */
function warnsOver(clause: Clause, objects: ObjectHit[]): boolean {
  const negations = hits(clause.text, NEGATION);
  return hits(clause.text, STRONG_REQUEST).some((v) => negations.some((n) => n.last < v.at && v.at - n.last <= 2) && objects.some((o) => o.at > v.last && o.at - v.last <= 3));
}

/**
 * A transfer verb on the message with us as the destination: "forward it to me", "paste it here", "send it over", or
 * a verb carrying the object itself ("ابعتهولي", "بفرستش"), whose destination is the writer unless named.
 */
function handsMessageToUs(clause: Clause): boolean {
  const t = clause.text;
  // (round 37) "أرسلها لي هنا كاملة ولا تحذف منها شي", "send it over in full, don't cut anything": a negated cut after the hand-over keeps the message whole, it negates nothing handed over
  const uncut = t.replace(KEEPS_IT_WHOLE, ' ');
  if (hits(uncut, NEGATION).length || hits(uncut, CLAUSE_NEGATION).length || hits(t, IN_APP).length) return false;
  const toUs = hits(t, TO_WRITER_PLACE).length > 0 || TO_US.test(t);
  // Persian puts the object first, marked by رو/را/-o ("همونو کپی کن بفرست اینجا"), or drops it after "copy" ("copy kon befrest inja")
  // …and pidgin puts a noun with its demonstrative first ("رقم هدا انت قول لي", "hada number ana irsil": round 20)
  const objectFirst = (v: Hit) => hits(t, BACK_REFERENCE).some((r) => r.last < v.at && v.at - r.last <= 3 && (OBJECT_MARKED.test(clause.tokens[r.last] ?? '') || r.last > r.at));
  // (round 21) "forward" takes the message as its object when none is said ("3mele forward la hon"), and so does a bare
  // transfer verb to us ("SMS imekuja. Nitumie hapa": Swahili leaves the object out)
  const forwards = (v: Hit) => FORWARD.test(t.slice(v.start, v.end));
  return hits(t, STRONG_REQUEST).some((v) => !writerActs(t, v) && !toReader(clause, v) && ((toUs && (hits(t, BACK_REFERENCE).some((r) => r.at > v.last && r.at - v.last <= 2) || objectFirst(v) || COPY_THEN.test(t) || forwards(v) || elliptical(clause, v))) || suffixObject(clause.tokens[v.last] ?? '')));
}
const FORWARD = /^(?:forward|fwd)$/u;
/** A negated cut or change of the message after its hand-over: "ولا تحذف منها شي", "don't delete anything", "چیزی ازش پاک نکن". */
const KEEPS_IT_WHOLE = new RegExp(`(?<=^| )(?:(?:${['و ?لا', 'و ?ما', 'لا', 'ما', "don't", 'dont', 'do not', 'without'].map(foldLetters).join('|')}) (?:${['تحذف', 'تمسح', 'تشيل', 'تغير', 'تعدل', 'تقص', 'تنقص', 'تقطع', 'delete', 'deleting', 'remove', 'removing', 'cut', 'cutting', 'edit', 'editing', 'change', 'changing', 'crop', 'cropping', 'skip', 'skipping', 'leave out', 'leaving out'].map(foldLetters).join('|')})\\S*(?: (?:\\S+ ){0,2}?(?:${['شي', 'شيء', 'شيئا', 'حاجه', 'حاجة', 'anything', 'a thing', 'any of it', 'a word', 'a digit'].map(foldLetters).join('|')}))?|(?:${['چيزي', 'هيچي', 'هيچ چيزي'].map(foldLetters).join('|')}) (?:\\S+ )?(?:${['پاك نكن', 'حذف نكن', 'پاك نكنيد', 'حذف نكنيد', 'كم نكن', 'كم نكنيد'].map(foldLetters).join('|')})\\S*)(?= |$)`, 'gu');
/** Digits with nothing more said, as pidgin names a message's code. */
const BARE_DIGITS = new RegExp(`(?<=^| )(?:${['(?:ال)?(?:ارقام|اعداد)', 'ar2am', 'arqam', 'ar9am', 'adad(?:a|ha)?', 'ragham(?:a|ha)?', 'عدد(?:ها|ا)?', 'numbers', 'number', 'digits'].map(foldLetters).join('|')})(?= |$)`, 'u');
const OTHER_NUMBER_WORDS = ['sender', 'caller', 'phone', 'mobile', 'contact', 'helpline', 'hotline', 'order', 'tracking', 'booking', 'reference', 'ref', 'invoice', 'ticket', 'receipt', 'transaction', 'parcel', 'shipment', 'delivery', 'sefaresh', 'peygiri', 'سفارش\\S*', 'پيگيري', '(?:ال)?طلب\\S*', '(?:ال)?شحن\\S*', '(?:ال)?تتبع'].map(foldLetters).join('|');
const OTHER_NUMBER = new RegExp(`(?<=^| )(?:${OTHER_NUMBER_WORDS})(?= |$)`, 'u');
/** (round 30) Another thing's number named as what a message holds: "رقم التتبع", "the tracking number", "order no". */
const NUMBER_WORD = ['(?:ال)?رقم', 'نمره', 'شماره ?(?:ي)?', 'number', 'num', 'ra[q29]a?m', 'nemra', 'shomare(?: ?ye)?'].map(foldLetters).join('|');
/** (…a thing's number a message can hold instead of a code: not a phone's, which says where the message went) */
const HELD_NUMBER_WORDS = ['order', 'tracking', 'booking', 'reference', 'ref', 'invoice', 'ticket', 'receipt', 'transaction', 'parcel', 'shipment', 'delivery', 'sefaresh', 'peygiri', 'سفارش\\S*', 'پيگيري', '(?:ال)?طلب\\S*', '(?:ال)?شحن\\S*', '(?:ال)?تتبع'].map(foldLetters).join('|');
const ANOTHER_NUMBER_HELD = new RegExp(`(?<=^| )(?:(?:${NUMBER_WORD}) (?:\\S+ )?(?:${HELD_NUMBER_WORDS})|(?:${HELD_NUMBER_WORDS}) (?:${NUMBER_WORD}|id|code))(?= |$)`, 'u');
function bareDigits(clause: Clause): ObjectHit[] {
  const m = BARE_DIGITS.exec(clause.text);
  if (!m) return [];
  const at = tokenIndexAt(clause.text, m.index);
  // "only sender number please": a number another word names is not the message's digits
  if (OTHER_NUMBER.test(clause.tokens[at - 1] ?? '')) return [];
  return [{ start: m.index, end: m.index + m[0].length, at, last: tokenIndexAt(clause.text, m.index + m[0].length - 1), kind: 'otp' }];
}
/** (round 30) Arabizi and casual "put", "copy", "paste" (the lexicons' entry verbs are Arabic or English words). */
const PUT_COPY_PASTE = /^(?:7[ou]t+\S*|7at+(?:ha|aha|ah|a|o|oh|ooh|ih|eh|i|u)|7ut+\S*|copy\S*|paste\S*|kobi\S*|kopi\S*)$/u;
/**
 * (round 30) A message the reader received, named in this clause, then a verb after it that hands it to us: "dawwer el
 * resala elly wsltk mn acme w dizha hni", "shof el msg elli yak w 7ottaha hni", "the text you got, copy it here". The
 * destination is ours (here, to me) or carried by the verb; not a message said to carry an order's or a parcel's number.
 */
function handsTheMessageOnHere(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length || hits(t, IN_APP).length || clause.tokens.some((w) => OTHER_NUMBER.test(w))) return false;
  const carrier = hits(t, CARRIER)[0];
  if (!carrier) return false;
  const verbs = [...hits(t, ANY_VERB), ...hits(t, TRANSFER_VERBS)].filter((v) => v.at > carrier.last);
  clause.tokens.forEach((w, i) => { if (i > carrier.last && PUT_COPY_PASTE.test(w)) verbs.push({ start: 0, end: 0, at: i, last: i }); });
  const places = [...hits(t, TO_WRITER_PLACE).map((p) => p.at), ...clause.tokens.flatMap((w, i) => (TO_US.test(w) ? [i] : []))];
  return verbs.some((v) => !writerActs(t, v) && (places.some((p) => p > v.last && p - v.last <= 3) || (hits(t, STRONG_REQUEST).some((h) => h.at === v.at) && suffixObject(clause.tokens[v.last] ?? ''))));
}

/** (round 30) The code asked for as words or letters, to pass a filter: "in words", "spell it out", "بالحروف", "با حروف", "ba horoof", "bel 7roof". */
const SPELLED_OUT = new RegExp(`(?<=^| )(?:${['in words', 'as words', '(?:in|with|using) letters', 'as letters', 'in writing', 'spell(?:ed|ing)? (?:\\S+ ){0,3}?out', 'spell (?:it|them)', 'with spaces', 'written out', 'en (?:toutes )?lettres', '(?:بال|ب)(?:حروف|احرف|كلمات|كتابه)', '(?:با|به) (?:حروف|حرف|كلمه)', 'حروفي', 'ba ?(?:horoof|horuf|horof|harf)', 'b[ie]?l? ?(?:7roof|7orof|7uruf|7rof|a7ruf|kalimat)'].map(foldLetters).join('|')})(?= |$)`, 'u');
const SPELLING_VERB = /^(?:spell|spelling|typing|writing|sending|write|[ée]cri(?:vez|re|s|vez-le|vez-moi|s-le|s-moi)|k?t[ae]?b(?:li|lna|lia|h[ao]li)|ekteb\S*)$/u;
/** (…"so the system doesn't delete it" names the filter the spelling dodges; a delete word is a warning's only where nothing negates it) */
const FILTER_DELETES = new RegExp(`(?<=^| )(?:${["not", 'no', 'never', "don't", 'dont', "doesn't", 'doesnt', "won't", 'wont', "can't", 'cant', 'ما', 'مش', 'لا', 'مو'].map(foldLetters).join('|')})(?: \\S+)? (?:delete|remove|erase|wipe|strip|block)\\S*`, 'gu');
function warnsBesidesTheFilter(normalized: string): boolean {
  return WARNING.test(normalized.replace(QUOTED, ' ').replace(FILTER_DELETES, ' '));
}
/** A verb writing, sending or typing the secret in words to us, not negated right before it, not the writer's act, not into the app. */
function spelledOutToUs(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, IN_APP).length || hits(t, ANYONE_AS_RECIPIENT).length) return false;
  const negators = hits(t, NEGATORS);
  const verbs = [...hits(t, ANY_VERB), ...hits(t, TRANSFER_VERBS)];
  // ("spell" is the verb itself: "spell the code out for me"; "write" and its French and Arabizi forms, here only)
  clause.tokens.forEach((w, i) => { if (SPELLING_VERB.test(w)) verbs.push({ start: t.indexOf(w), end: t.indexOf(w) + w.length, at: i, last: i }); });
  return verbs.some((v) => !writerActs(t, v) && !toReader(clause, v) && !negators.some((n) => n.last < v.at && v.at - n.last <= 2));
}

/** "forward" (its object the message) to this chat, un-negated, not the writer's own act. */
function forwardsTheMessage(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length || hits(t, IN_APP).length || !(hits(t, TO_WRITER_PLACE).length || TO_US.test(t))) return false;
  return hits(t, STRONG_REQUEST).some((v) => FORWARD.test(t.slice(v.start, v.end)) && !writerActs(t, v) && !toReader(clause, v));
}
const OBJECT_MARKED = /(?:و|رو|را|ره|o|ro)$/u;
const COPY_THEN = new RegExp(`(?:^| )(?:copy|${foldLetters('کپی')})(?: kon| ${foldLetters('کن')})? \\S+`, 'u');

/** Words that can stand around a secret in a clause that is only the secret: "And the code?", "the six digits we just texted". */
const AROUND_THE_SECRET = new Set(['ano', 'po', 'yung', 'ninyo', 'niyo', 'nyo', 'and', 'so', 'just', 'only', 'small', 'little', 'ok', 'okay', 'now', 'also', 'then', 'your', 'ur', 'the', 'that', 'this', 'same', 'i', 'mean', 'please', 'pls', 'plz', 'thanks', 'again', 'و', 'طيب', 'خب', 'خوب', 'همون', 'همين', 'اون', 'لطفا', 'لو', 'سمحت', 'يعني', 'منظورم', 'بعدين', 'va', 'khob', 'hamoon', 'yani',
  // "code from sms?", "کد پیامک؟": where the secret came from is still only the secret
  'from', 'in', 'via', 'sms', 'text', 'msg', 'message', 'the', 'پيامك', 'پيامكي', 'اس', 'ام', 'رساله', 'المسج', 'مسج',
  // …and what the card's code is printed on: "and the small code on the back of the card?", "the wee code"
  'wee', 'tiny', 'short', 'lil', 'of', 'card', 'grand']);
/**
 * (round 30) …and what the secret belongs to, with the words that join it: "SIM PUK?", "رمز پوک سیم‌کارتتون؟", "كود الـPUK
 * حق الشريحة؟", "الرقم السري للبطاقة؟" — a PIN or PUK asked with only a question mark and its owner.
 */
const OWNER_OF_THE_SECRET = new RegExp(`^(?:${['sim', 'simcard', 'card', 'account', 'app', 'ال', 'حق',
  // (round 31) the Persian possessive written apart: "نمبر پاسپورت تان؟", "شماره کارت شما؟"
  'تان', 'تون', 'شما', 'شمو', 'مال', 'مالت\\S*', 'بتاع\\S*', 'تاع\\S*', 'ديال\\S*', 'متاع\\S*', 'تبع\\S*', '(?:ال|لل|ب)?(?:شريح|سيم|كارت|بطاق|حساب|تطبيق|خط)\\S*', 'سيم ?كارت\\S*', 'سيم\\S*', 'كارت\\S*', 'حساب\\S*', 'اپ\\S*'].map(foldLetters).join('|')})$`, 'u');

/** (round 31) The owner in Arabizi and Latin letters: "bta3 el visa", "ta3 l carte", "dyal l card", "7ag el bitaqa". */
const LATIN_OWNER = /^(?:bta3|bita3|ta3|taba3|tab3|dyal|dial|mta3|7ag|hag|ma3|mal|el|al|l|il|the|your|ur|card|visa|carte|kart|karta|account|sim|app|beta2a|bita2a|bitaqa)$/u;

/**
 * A clause that names a secret and nothing else: as the reply's last words and a question ("…And your PIN?") it asks
 * for it; earlier, it is a topic the reply goes on to talk about ("الباسورد؟ غيّره من الإعدادات").
 */
function onlyTheSecret(clause: Clause, objects: ObjectHit[]): boolean {
  // a verb in the clause is judged by the verb rules ("کدی که اومد رو توی اپ بزن؟" is about the app)
  // ("code from the text?": a verb's word after a determiner is a noun)
  const verbs = hits(clause.text, STRONG_REQUEST).filter((v) => !/^(?:the|this|that|your|ur|a)$/.test(clause.tokens[v.at - 1] ?? ''));
  if (hits(clause.text, NEGATION).length || verbs.length || hits(clause.text, WEAK_ENTRY_VERBS).length || hits(clause.text, IN_APP).length) return false;
  // a relative clause may follow the secret: "the code you got?", "الكود اللي جالك؟"
  const end = Math.max(...objects.map((o) => o.last));
  const relative = RELATIVE.test(clause.tokens[end + 1] ?? '') || /^(?:you|u)$/.test(clause.tokens[end + 1] ?? '');
  return clause.tokens.every((w, i) => objects.some((o) => o.at <= i && i <= o.last) || AROUND_THE_SECRET.has(w) || OWNER_OF_THE_SECRET.test(w) || (relative && i > end));
}

/** (round 31) How much of it: "all of it", "full", "in full", "the whole thing", "كامل", "كله", "همه‌ش", "kamelesh", "en entier". */
const WHOLE = new RegExp(`^(?:${['all', 'full', 'fully', 'whole', 'complete', 'entire', 'entirely', 'hale', 'everything', 'كامل\\S*', 'بالكامل', 'كل(?:ه|و|ها|هم|ه ?ا)', 'همه', 'همش\\S*', 'همه ?اش\\S*', 'تمام\\S*', 'kamel\\S*', 'kaml\\S*', 'kolo', 'kollo', 'kolloh', 'kollaha', 'kullu', 'hamash\\S*', 'hamaro', 'entier\\S*', 'complet\\S*', 'int[eé]gral\\S*'].map(foldLetters).join('|')})$`, 'u');
/** …and what may stand beside it in so terse a demand: its parts (day, month, year; the date under a card's number), a format, a filler. */
const BESIDE_THE_WHOLE = new Set(['of', 'it', 'them', 'thing', 'one', 'the', 'a', 'every', 'digit', 'digits', 'number', 'numbers', '16', 'now', 'asap', 'here', 'with', 'its', 'and', 'in', 'date', 'expiry', 'exp', 'under', 'below', 'day', 'month', 'year', 'd', 'm', 'y', 'dd', 'mm', 'yy', 'yyyy', 'jour', 'mois', 'annee', 'année', 'en', 'rooz', 'mah', 'sal', 'ro', 'o', 'va',
  ...['رو', 'را', 'ش', 'اش', 'با', 'مع', 'و', 'اللي', 'الي', 'يلي', 'تحته', 'تحتها', 'تحت', 'التاريخ', 'والتاريخ', 'تاريخ', 'تاريخه', 'روز', 'ماه', 'سال', 'يوم', 'شهر', 'سنه', 'عام', 'اليوم', 'الشهر', 'السنه', 'العام', 'النهار', 'ويوم', 'وشهر', 'وسنه', 'والشهر', 'والسنه', 'والعام', 'هني', 'هنا', 'الحين', 'دلوقتي', 'الان', 'حالا', 'بسرعه'].map(foldLetters)]);
/** A date's parts: day, month, year in the reply's languages. */
const DATE_PART = new RegExp(`^(?:${['day', 'month', 'year', 'd', 'm', 'y', 'dd', 'mm', 'yy', 'yyyy', 'jour', 'mois', 'annee', 'année', 'rooz', 'mah', 'sal', 'روز', 'ماه', 'سال', '(?:و|ال|وال|ب|بال|وب|وبال)?(?:يوم|شهر|سنه|عام|نهار)'].map(foldLetters).join('|')})$`, 'u');
/**
 * (round 31) A secret named with nothing but how much of it is wanted, in its own clause or the short ones after it:
 * "Card number. All of it.", "Card no. Full. Now.", "DOB, full. D/M/Y.", "رقم الكارت كله لو سمحت", "شماره کارتتون؟ همه‌ش رو" —
 * or a card's number with the date under it ("رقم البطاقة والتاريخ اللي تحته"): a form's field said aloud is demanded.
 * No verb, negation or place stands in it (a verb is the verb rules' to judge), and nothing after it negates.
 */
function demandedWhole(clause: Clause, objects: ObjectHit[], after: Clause[]): boolean {
  const t = clause.text;
  const inObject = (i: number) => objects.some((o) => o.at <= i && i <= o.last);
  // ("card no": a negator inside the secret's name is its abbreviation)
  if (hits(t, NEGATION).some((n) => !inObject(n.at)) || hits(t, STRONG_REQUEST).length || hits(t, WEAK_ENTRY_VERBS).length || hits(t, IN_APP).length || hits(t, SUBORDINATORS).length) return false;
  if (after.some((c) => hits(c.text, NEGATION).length > 0 || hits(c.text, CLAUSE_NEGATION).length > 0)) return false;
  const fits = (w: string) => WHOLE.test(w) || BESIDE_THE_WHOLE.has(w) || AROUND_THE_SECRET.has(w) || OWNER_OF_THE_SECRET.test(w) || DATE_PART.test(w);
  if (!clause.tokens.every((w, i) => inObject(i) || fits(w))) return false;
  // (the date of birth's parts named are the whole of it: "your date of birth, day month and year", "تاريخ ميلادك، اليوم والشهر والسنة")
  const whole = (c: Clause) => c.tokens.some((w) => WHOLE.test(w)) || (objects.some((o) => o.kind === 'national_id') && c.tokens.filter((w) => DATE_PART.test(w)).length >= 2);
  if (clause.tokens.some((w, i) => !inObject(i) && WHOLE.test(w)) || (whole(clause) && !objects.some((o) => o.kind !== 'national_id'))) return true;
  // the card's number and the date under it
  if (objects.some((o) => o.kind === 'card') && clause.tokens.some((w, i) => !inObject(i) && /^(?:و|ال|وال)?تاريخ\S*$|^(?:date|expiry|exp)$/u.test(w))) return true;
  // "Card number. All of it." — the next short clause says how much, and nothing else
  const next = after[0];
  return !!next && next.tokens.length <= 6 && whole(next) && next.tokens.every(fits);
}

/** (round 34) What joins a form's fields said aloud: "Card number and security code.", "رقم الكارت والتلات أرقام اللي ورا", "shomare kart, baad 3 raghame posht". */
const FORM_JOINER = new Set(['and', 'plus', '+', '&', 'also', 'then', 'with', 'its', 'of', 'w', 'wa', 'va', 'o', 'baad', 'bad', 'ba3d', 'ba3den', 'et', 'puis', 'raghami', 'raqami', 'ragham', 'digit', 'digits',
  // …and the bank details asked beside a login, harmless alone: "routing number, account number and your online banking username + password"
  'online', 'internet', 'net', 'banking', 'bank', 'username', 'user', 'id', 'login', 'routing', 'account', 'sort', 'iban',
  ...['و', 'ثم', 'بعد', 'بعدين', 'بعدش', 'بعدا', 'مع', 'هم', 'همچنين', 'کمان', 'برضو', 'مكمل', 'رقمي', 'بانكي', 'السفر', 'سفر', 'نام', 'كاربري', 'همراه', 'بانك', 'بانكت', 'بانكتون', 'اينترنت', 'يوزر', 'يوزرنيم', 'اسم', 'المستخدم', 'бонкӣ', 'бонки'].map(foldLetters)]);
/** (round 34) Every word of the clause is a secret's or a form's filler: the field said aloud, nothing done to it. */
function onlyFields(clause: Clause, objects: ObjectHit[]): boolean {
  if (!objects.length || hits(clause.text, NEGATION).length || hits(clause.text, STRONG_REQUEST).length || hits(clause.text, WEAK_ENTRY_VERBS).length || hits(clause.text, IN_APP).length) return false;
  const inObject = (i: number) => objects.some((o) => o.at <= i && i <= o.last);
  return clause.tokens.every((w, i) => inObject(i) || FORM_JOINER.has(w) || WHOLE.test(w) || BESIDE_THE_WHOLE.has(w) || AROUND_THE_SECRET.has(w) || OWNER_OF_THE_SECRET.test(w) || LATIN_OWNER.test(w));
}
/** (round 34) "needed", "required", "ضروري", "ضرور است", "لازمه", "лозим": the secret is wanted, no verb said. */
const NEEDED = new RegExp(`^(?:${['needed', 'required', 'necessary', 'mandatory', 'compulsory', 'must', 'need', 'zaroori', 'zaruri', 'zarur', 'zaroor', 'lazem', 'lazim', 'lazeme', 'lozim', 'darkor', 'лозим', 'даркор', 'зарур', 'ضروري\\S*', 'ضرور', 'لازم\\S*', 'الزامي\\S*', 'مطلوب\\S*', 'نحتاج\\S*', 'محتاج\\S*', 'محتاجين'].map(foldLetters).join('|')})$`, 'u');
/** …and the copula or filler that may stand beside it: "is needed", "ضرور است", "лозим аст", "needed please". */
const NEEDED_BESIDE = new Set(['is', 'are', 'be', 'will', 'also', 'too', 'as', 'well', 'here', 'now', 'please', 'pls', 'plz', 'asap', 'urgently', 'aye', 'thanks', 'hast', 'ast', 'e', 'ye', 'аст', 'ҳаст', 'ҳам', 'ham', 'هم', 'است', 'هست', 'هستند', 'ميباشد', 'مي', 'باشد', 'ضمنا', 'كمان', 'برضو', 'لو', 'سمحت', 'لطفا', 'lotfan', 'lutfan', 'лутфан']);
/** (round 34) A purpose, never a time or a cause ('as we discussed', 'before we ship'). */
const PURPOSE = new RegExp(`^(?:${['so', 'to', 'عشان', 'علشان', 'لكي', 'حتى', 'حتي', 'باش', 'كي', 'تا', 'ta', 'para', 'taake', 'supaya', 'untuk', 'agar', 'pour', 'bach', '3shan', '3ashan', 'barae', 'baraye', 'براي'].map(foldLetters).join('|')})$`, 'u');
/** …and a purpose that is ours: "…so we can set up the debit", "…to link your account", "…عشان نفعّل القسط". */
const OUR_PURPOSE = new RegExp(`^(?:we|i|us|me|we'll|i'll|we're|i'm|ن\\S{2,}|${['اقدر', 'نقدر', 'نكمل', 'اكمل'].map(foldLetters).join('|')})$`, 'u');
/**
 * (round 34) A form's fields said aloud with no verb: two secrets or more ("Card number and security code.", "16-digit
 * card number, then the 3 digits on the back"), or one with "needed" beside it or in the short clause after ("Also the
 * 3 number back side of card, needed.", "شماره پاسپورت تان ضرور است", "Сурати корти бонкӣ лозим"), or one followed by
 * our purpose ("Online banking username and password so we can set up the debit"). No verb, negation, place or
 * subordinate clause stands in it, and nothing after it negates or gives a step of its own.
 */
/**
 * (round 34) The fields said aloud stand with another field-only clause and end the reply — nothing after them but
 * "needed", "please" or thanks ("shomare kart 16 raghami, baad 3 raghame poshte kart"); a list that goes on to say
 * something of them is a topic ("PIN, password, OTP: those stay with you").
 */
function listEndsTheReply(all: Clause[], index: number, objectsOf: (c: Clause) => ObjectHit[]): { paired: boolean; ends: boolean } {
  const fields = (c: Clause | undefined) => !!c && onlyFields(c, objectsOf(c));
  let end = index + 1;
  while (end < all.length && fields(all[end])) end++;
  const ends = all.slice(end).every((c) => c.tokens.every((w) => NEEDED.test(w) || NEEDED_BESIDE.has(w) || AROUND_THE_SECRET.has(w)));
  return { paired: fields(all[index - 1]) || end > index + 1, ends };
}

function namedAsAForm(clause: Clause, objects: ObjectHit[], after: Clause[], list: () => { paired: boolean; ends: boolean }): boolean {
  const reason = clause.tokens.findIndex((w, i) => i > 0 && PURPOSE.test(w));
  const upTo = reason < 0 ? clause.tokens.length : reason;
  const firstObject = Math.min(...objects.map((o) => o.at));
  if (firstObject >= upTo) return false;
  const inObject = (i: number) => objects.some((o) => o.at <= i && i <= o.last);
  // (the verbs are read before the purpose: "…so we can set up the debit" is ours to do)
  const t = clause.tokens.slice(0, upTo).join(' ');
  // every word a field's, a filler or "needed" (the cheap test first: most clauses with a secret have a verb); a
  // picture or both sides are read only for the words left over
  const plain = (w: string, i: number) => inObject(i) || FORM_JOINER.has(w) || WHOLE.test(w) || BESIDE_THE_WHOLE.has(w) || AROUND_THE_SECRET.has(w) || OWNER_OF_THE_SECRET.test(w) || LATIN_OWNER.test(w) || DATE_PART.test(w);
  const rest = clause.tokens.slice(0, upTo).flatMap((w, i) => (plain(w, i) ? [] : [i]));
  let sides: Hit[] = [];
  let bothSides = false;
  if (rest.some((i) => !(i > firstObject && (NEEDED.test(clause.tokens[i]!) || NEEDED_BESIDE.has(clause.tokens[i]!))))) {
    const both = hits(t, BOTH_SIDES);
    bothSides = both.length > 0;
    sides = [...both, ...hits(t, PICTURE)];
  }
  let needed = false;
  for (const i of rest) {
    const w = clause.tokens[i]!;
    if (sides.some((s) => s.at <= i && i <= s.last)) continue;
    if (i > firstObject && (NEEDED.test(w) || NEEDED_BESIDE.has(w))) { needed ||= NEEDED.test(w); continue; }
    return false;
  }
  if (hits(clause.text, NEGATION).some((n) => !inObject(n.at)) || hits(clause.text, CLAUSE_NEGATION).length || hits(t, STRONG_REQUEST).length || hits(t, WEAK_ENTRY_VERBS).length || hits(t, SELF_CARE_VERBS).length || hits(clause.text, IN_APP).length || hits(t, SUBORDINATORS).length || hits(clause.text, BRANCH).length) return false;
  const next = after[0];
  if (after.some((c) => hits(c.text, NEGATION).length > 0 || hits(c.text, CLAUSE_NEGATION).length > 0 || hits(c.text, IN_APP).length > 0 || hits(c.text, WEAK_ENTRY_VERBS).length > 0)) return false;
  const endsNeeded = NEEDED.test(clause.tokens[clause.tokens.length - 1] ?? '');
  if (reason >= 0 && !endsNeeded) return clause.tokens.slice(reason + 1, reason + 3).some((w) => OUR_PURPOSE.test(w));
  // (a verb-final purpose keeps its 'needed' at the end: '…برای فعال‌سازی قسط خودکار لازمه')
  if (needed || bothSides || (reason >= 0 && endsNeeded)) return true;
  if (next && next.tokens.length <= 4 && next.tokens.some((w) => NEEDED.test(w)) && next.tokens.every((w) => NEEDED.test(w) || NEEDED_BESIDE.has(w)) && list().ends) return true;
  const spans = new Set(objects.map((o) => `${o.at}:${o.last}`));
  const { paired, ends } = list();
  return ends && (paired || spans.size >= 2);
}

/** After a question naming only a secret, only "we need it" or thanks may follow for it to stay the last word: "ano po yung MPIN ninyo? need lang po namin". */
const NEED_IT = /^(?:(?:we|i) (?:just |only |really )?need (?:it|that|this|them)(?: (?:please|pls|thanks))?|need (?:lang |ko |namin |natin |po )*(?:namin|ko|natin|po|lang)|kailangan (?:lang |po |namin |ko )*(?:namin|ko|po|lang)|(?:thanks|thank you|salamat)(?: po)?)$/;

/** "I just need one thing from you: the 6-digit code.", "آخر حاجة: …": the next clause names what is needed. */
const NEEDS_ONE_THING = new RegExp(`(?:^| )(?:${['(?:i|we) (?:just |only |still )?need (?:one (?:more )?thing|something|just one thing|the following)', 'one (?:more|last) thing', 'last thing', 'اخر حاجه', 'حاجه اخيره', 'اخر شي', 'يه چيز ديگه', 'فقط يه چيز',
  // (round 30) one step left, then the secret on its own: "باقي خطوة وحدة: رقم البطاقة كامل…", "Last step: the long number on your card…"
  '(?:one|just one) (?:more |last |final )?step(?: left| to go)?', '(?:the )?(?:last|final) step', 'خطوه (?:وحده |واحده )?(?:اخيره|باقيه)', '(?:اخر|باقي|بقي|بقيت|بقت|ضل|ظل|ضلت|ظلت) (?:لنا |لك )?خطوه\\S*(?: (?:وحده|واحده))?', 'ما (?:ظل|ضل|بقي|باقي)(?: الا)? (?:شي|خطوه\\S*)', 'مرحله (?:اخر|پاياني)', '(?:فقط |تنها )?(?:يه|يك) (?:مرحله|قدم) (?:ديگه |ديگر )?(?:مونده|مانده|باقي\\S*)'].map(foldLetters).join('|')})(?: |$)`, 'u');

const WHICH = new RegExp(`(?:^| )(?:${["(?:what|whit|wot|wat|which)(?:'s|s)?", 'شو', 'ايه', 'انهي', 'اي', 'ياتو', 'وش', 'ايش', 'شنو', 'چه', 'چي', 'چيه', 'كدوم', 'كدام', 'ano', 'anong', 'alin', 'che', 'chi', 'chie', 'kodoom', 'kodum'].map(foldLetters).join('|')})(?: |$)`, 'u');
const THEY_USE = new RegExp(`(?:^| )(?:${['use', 'uses', 'using', 'usually use', '(?:ب|بت|بي|ت|هت)?(?:ستخدم|ستعمل)\\S*', 'مستخدم\\S*', 'استفاده', 'estefade', 'estfade', '(?:gina)?gamit\\S*'].map(foldLetters).join('|')})(?: |$)`, 'u');
/**
 * (round 28) A question which password, PIN or رمز the reader uses ("Whit's the password ye use?", "شو كلمة السر اللي
 * بتستعملها؟", "چه رمزی استفاده می‌کنید؟", "ano po yung password na gamit niyo?"): the answer is the secret. A negated one
 * ("we'll never ask what password you use") asks nothing.
 */
const WHOEVER_ASKS = new RegExp(`^(?:${['اللي', 'الي', 'لي', 'يلي', 'elli', 'illi', 'li', 'whoever', 'any(?:one|body) who', 'some(?:one|body) who', 'the one who', 'هر ?كس(?: كه)?', 'هركي', 'كسي كه'].map(foldLetters).join('|')}) (?:\\S+ )?(?:${['(?:ي|ب|بي|بي|ت)?(?:طلب|سال|يسال|سأل)\\S*', 'y?tlob\\S*', 'ye?tlb\\S*', 'asks?', 'asking', 'asked', 'wants?', '(?:ب|مي ?)?خواد', 'مي ?خواهد', 'بخواهد'].map(foldLetters).join('|')})(?: |$)`, 'u');
const USED_SECRETS = new Set<string>(['password', 'pin', 'otp']);
function asksWhichOneTheyUse(clause: Clause, objects: ObjectHit[]): boolean {
  const t = clause.text;
  if (!objects.some((o) => USED_SECRETS.has(o.kind)) || hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length) return false;
  return !!clause.question && WHICH.test(t) && THEY_USE.test(t);
}

/** A request verb with nothing after it but "the following"/"these"/"below": "Reply with:", "Please send us the following -". */
function opensAList(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length) return false;
  // "We need:" / "what we need from you:", then the items, one a bullet
  if (NEED_WORDS.test(clause.tokens.filter((w) => !LIST_LEAD.has(w) && w !== 'from' && w !== 'you').join(' '))) return true;
  // (round 28) …or a verb anywhere beside a word that points at the list below it, as verb-final Persian, Arabic and
  // French put it: "موارد زیر را در پاسخ ارسال فرمایید:", "يرجى تزويدنا بالبيانات التالية:", "transmettre les éléments suivants :"
  const pointsBelow = LIST_BELOW.test(t);
  return hits(t, STRONG_REQUEST).some((v) => !writerActs(t, v) && !toReader(clause, v) && (pointsBelow || clause.tokens.slice(v.last + 1).every((w) => LIST_LEAD.has(w) || /^(?:\d{1,2}|[a-c])$/.test(w))));
}
const LIST_BELOW = new RegExp(`(?:^| )(?:${['following', 'below', 'زير', 'ذيل', 'ذيلا', 'پايين', '(?:ال)?تاليه', '(?:ال)?تالي', 'يلي', 'ادناه', 'suivante?s?', 'ci-dessous', 'siguientes?', 'zir', 'zire'].map(foldLetters).join('|')})(?: |$)`, 'u');
const LIST_LEAD = new Set(['me', 'us', 'the', 'following', 'these', 'below', 'details', 'info', 'information', 'items', 'please', 'back', 'to', 'this', 'message']);
/** (round 29) What points back at a list just read: "the above", "these details", "them all", "اینا", "این موارد", "كلهم", "هذه المعلومات", "les". */
const THE_LIST = new RegExp(`(?:^| )(?:${['above', 'these', 'those', 'them', 'em', 'all', 'the details', 'this info\\S*', 'les', 'ces', 'tout', 'tous', 'را', 'رو', 'اينا', 'اينها', 'همه\\S*', 'همش', 'اين (?:موارد|معلومات|اطلاعات|مشخصات)', 'موارد', 'مشخصات', 'معلومات', 'اطلاعات', 'كل(?:هم|ها|هن|و)', 'كلهن', '(?:هذه|هاي|هذي|هدي|هادي|هدول|هذول) ?(?:ال)?(?:معلومات|بيانات|تفاصيل)?', '(?:ال)?(?:معلومات|بيانات|تفاصيل)', 'kolhom', 'kollohom', 'koulhom', 'ina ?ro', 'hame ?ro'].map(foldLetters).join('|')})(?: |$)`, 'u');
const LINE_TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** A clause with no verb of handing over, entering, saying or caring for a secret: a list's noun-phrase item. */
function nothingDone(clause: Clause): boolean {
  const t = clause.text;
  return !hits(t, STRONG_REQUEST).length && !hits(t, WEAK_ENTRY_VERBS).length && !hits(t, SELF_CARE_VERBS).length && !hits(t, TRANSFER_VERBS).length && !hits(t, NEGATION).length && !hits(t, SUBORDINATORS).length;
}
/** The opener before a list negates or warns: "we will never ask you for:", "نحن لا نطلب منك:", "beware of anyone asking for:". */
function forbidsOrWarns(opener: Clause | undefined): boolean {
  if (!opener) return false;
  const t = opener.text;
  return hits(t, NEGATION).length > 0 || hits(t, CLAUSE_NEGATION).length > 0 || hits(t, NEGATORS).length > 0 || WARNING.test(t) || hits(t, ASKED_BY).length > 0;
}
/** A hand-over verb whose object is the list before it: a pronoun or a word for the list, or nothing at all. */
function closesAList(clause: Clause): boolean {
  const t = clause.text;
  // (…never "tell us if anyone asks for them": a condition or someone else asking makes it a warning)
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length || hits(t, IN_APP).length || hits(t, SUBORDINATORS).length || hits(t, ASKED_BY).length || hits(t, ANYONE).length || WARNING.test(t)) return false;
  if (handsOverUnnamed(clause)) return true;
  return THE_LIST.test(t) && [...hits(t, STRONG_REQUEST), ...hits(t, TRANSFER_VERBS)].some((v) => !writerActs(t, v) && !toReader(clause, v));
}

/** A list item: short, not an imperative of its own ("1", "your account email 2", "the code sent to ***"). */
function isAListItem(clause: Clause): boolean {
  return clause.tokens.length <= 14 && !hits(clause.text, STRONG_REQUEST).some((v) => v.at === 0) && !hits(clause.text, NEGATION).length;
}

/** "…send it to me. The code from the SMS.": a clause without a verb of its own that begins with the secret. */
function startsWithTheSecret(clause: Clause, objects: ObjectHit[]): boolean {
  const t = clause.text;
  // (round 21) …nor one that does something to the secret itself: "…, card number ho to usay cover kar dein"
  // (round 30) …counted up to its reason ("…, so the monthly plan can start", "عشان نفعّل القسط"): the reason is its own business
  const reason = clause.tokens.findIndex((w, i) => i > 0 && REASON.test(w));
  if (hits(t, NEGATION).length || hits(t, STRONG_REQUEST).length || hits(t, WEAK_ENTRY_VERBS).length || hits(t, SELF_CARE_VERBS).length || (reason < 0 ? clause.tokens.length : reason) > 12) return false;
  const first = Math.min(...objects.map((o) => o.at));
  // (a possessive belongs to the secret's name: "your card's CVV")
  return clause.tokens.slice(0, first).every((w) => AROUND_THE_SECRET.has(w) || /^[a-z]+'s$/.test(w));
}

/** A transfer verb to us whose object is a pronoun or left out, in a clause that names nothing: "Can you send it to me?". */
function handsOverUnnamed(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length || hits(t, IN_APP).length) return false;
  return hits(t, STRONG_REQUEST).some((v) => !writerActs(t, v) && !toReader(clause, v) && (refersBack(clause, v) || elliptical(clause, v)));
}

/** Nothing after the verb but politeness, haste and "to me": its object was named before ("Got the code? Share please."). */
const MODAL_FILLER = new Set(['you', 'u', 'have', 'has', 'to', 'need', 'needs', 'must', 'should', 'will', 'can', 'could', 'please', 'just', 'kindly', 'now']);
/** (round 30) Haste either side of the bare verb: "یه کد میاد. زود بفرست", "quick, send it", "هسي رسلو". */
const HASTE = ['زود', 'زودي', 'سريع', 'سريعا', 'فوري', 'فورا', 'بسرعه', 'هسي', 'هسه', 'توا', 'الحين', 'الان', 'دلوقتي', 'هلق', 'يلا', 'quick', 'quickly', 'fast', 'asap', 'zood', 'zud', 'sari', 'fori', 'yalla'].map(foldLetters);
const AFTER_A_BARE_VERB = new Set(['bel', 'li', 'lia', 'liya', 'lii', 'zarba', 'bsor3a', 'fissa3', 'fisa3', 'ana', 'hina', 'hena', 'lana', 'whatsapp', 'with', 'na', 'po', 'dito', 'lang', 'naman', 'تموم', 'شه', 'چنده', 'چيه', 'چي', 'كام', 'ببينم', 'bebinam', 'dige', 'ديگه', 'يلا', 'بقى', 'بقي', 'ba2a', 'yalla', 'please', 'pls', 'plz', 'kindly', 'now', 'quickly', 'asap', 'here', 'to', 'me', 'us', 'over', 'across', 'below', 'thanks', 'thank', 'you', 'right', 'away', 'back', 'him', 'her', 'them', 'بسرعه', 'لو', 'سمحت', 'من', 'فضلك', 'لطفا', 'الان', 'دلوقتي', 'هلق', 'هنا', 'هون', 'برام', 'براي', 'اينجا', 'سريعا', 'فورا', 'الحين', 'دابا', 'عافاك', 'ليا', 'لي', 'لنا', 'lotfan', 'zood', 'inja', 'baram', 'hena', 'hapa', 'kwangu', 'mimi', 'tafadhali', 'sasa', 'sini', 'hni', 'lagi', ...HASTE]);
const BEFORE_A_BARE_VERB = new Set(['please', 'pls', 'plz', 'kindly', 'just', 'ok', 'okay', 'so', 'now', 'then', 'can', 'could', 'you', 'u', 'go', 'ahead', 'and', ...HASTE, 'لو', 'سمحت', 'من', 'فضلك', 'لطفا', 'طيب', 'ممكن', 'خب', 'lotfan', 'mishe', 'momken', 'law', 'sama7t',
  // (round 22) Hinglish puts "to me" and "here" before the verb: "mujhe yahan bhej dijiye"
  'mujhe', 'mujhko', 'hume', 'humein', 'hamein', 'yahan', 'yaha', 'idhar', 'abhi', 'aap', 'aapko']);
const THIRD_DATIVE = new RegExp(`^(?:${['him', 'her', 'them', 'lui', 'leur', 'بهش', 'بهشون', 'بهشان', 'به ايشان', 'له', 'لها', 'ليه', 'ليها', 'الو', 'behesh', 'beheshun', 'behesh?oon', 'lih', 'leh'].map(foldLetters).join('|')})$`, 'u');
function elliptical(clause: Clause, v: Hit): boolean {
  if (!hits(clause.text.split(' ').slice(v.at, v.last + 1).join(' '), TRANSFER_VERBS).length) return false;
  // a reason or purpose clause after the request is its own business: "…share with me here as I am the official executive"
  // (round 22) …as is the writer's own act after it: "همینجا بفرست خودم میزنم برات", "rasla li hni, ana adkhela", "send it here, I'll key it in"
  const writer = (i: number) => WRITER_SELF.test(clause.tokens[i] ?? '') && !SAYING.test(clause.tokens[i + 1] ?? '');
  const reason = clause.tokens.findIndex((w, i) => i > v.last && (REASON.test(w) || writer(i) || (AND.test(w) && writer(i + 1))));
  if (!clause.tokens.slice(v.last + 1, reason < 0 ? undefined : reason).every((w) => AFTER_A_BARE_VERB.has(w))) return false;
  // Persian puts the place before its verb ("لطفا همین‌جا بفرستید", "hamin ja befrestid")
  const places = hits(clause.text, TO_WRITER_PLACE);
  const before = clause.tokens.slice(0, v.at);
  if (before.every((w, i) => BEFORE_A_BARE_VERB.has(w) || places.some((p) => p.at <= i && i <= p.last))) return true;
  // "…you'll get a code. When my colleague calls, tell him": after the event, the secret named before goes to the caller
  if (hits(clause.text, SUBORDINATORS).some((s) => s.at === 0) && THIRD_DATIVE.test(before[before.length - 1] ?? '')) return true;
  // "…but for this verification only you can share with me here": whatever leads up to it, a bare transfer verb that
  // sends its left-out object to us asks for the secret named before — unless an event clause holds the verb
  return places.some((p) => p.at > v.last) && READER_ASKED.test(before.slice(-2).join(' ')) && !hits(before.join(' '), SUBORDINATORS).length;
}
/** "never, under any circumstances, request your PIN": the aside between the negation and its verb is dropped. */
const NEVER_ASIDE = /\b(never|not)\s*,\s*(?:under any circumstances|in any circumstances|in any case|at any time|for any reason|ever|whatsoever)\s*,\s*/giu;
/** "you'll only ever need it at checkout": the limit between the reader and the verb keeps the reader the subject. */
const READER_ONLY_NEEDS = /\b(you(?:'ll|’ll| will| would| may| might)?) (?:only |ever |just )+(need|use)\b/giu;
/** (round 13) "the last four are not enough … I need the whole number": the full card number asked by contrast. */
const LAST_FOUR_REFUSED = new RegExp(`(?:^| )(?:${['(?:the )?(?:last|final) (?:4|four)(?: \\S+)? (?:are |is |r )?(?:not enough|aren.t enough|isn.t enough|not sufficient|insufficient|won.t do|wont do|will not do)', '(?:akher|akhir|a5er) (?:4|arba3a?) (?:\\S+ )?(?:mesh|msh|mish|mush|mosh|ma) ?(?:kefaya|kfaya|kifaya|kfaye|kfaya|tkfi|yekfi)', '(?:اخر|الاخير\\S*) (?:\\S+ )?(?:4|اربع\\S*) (?:\\S+ ){0,2}?(?:مش كفايه|مش كافي\\S*|لا (?:ت|ي)كفي|ما (?:ت|ي)كفي|ما ?(?:ت|ي)كفيش|مو كافي\\S*|غير كافي\\S*)', '(?:4|چهار) (?:\\S+ ){0,3}?(?:اخر|آخر) (?:\\S+ )?(?:كافي|بس) نيست'].map(foldLetters).join('|')})(?![\\p{L}\\p{N}])`, 'u');
const WHOLE_NUMBER = new RegExp(`(?:^| )(?:${['(?:the |your |ur )?(?:whole|full|complete|entire|all the|all of the) (?:card |16 digit |long )?(?:number|no|digits|#)', '(?:el |al |le |la )?(?:rakam|raqam|ra2am|rqm|ar2am|arqam|ragam|namba|nambari|nombor|num[eé]ro|n[uú]mero|nemra|noumro)\\S* (?:\\S+ ){0,2}?(?:kolo|kollo|kello|kollaha|kulu|kullu|kamel|kaml|kamla|kamil|kamili|penuh|yote|complet|complete|completo|entier|entero)', '(?:ال)?(?:رقم|ارقام|الارقام|نمبر)\\S* (?:\\S+ ){0,2}?(?:كله|كلو|كلها|كامل\\S*|بالكامل)', '(?:كامل|كل) (?:ال)?(?:رقم|ارقام)\\S*', 'شماره (?:\\S+ ){0,2}?(?:كامل|كاملش)'].map(foldLetters).join('|')})(?![\\p{L}\\p{N}])`, 'u');
/** (round 16) A card number cut short: four digits of a card's first group (cards begin 2–6, phones 0 or +), a dot run, bullets or stars. */
const CUT_CARD = /(?<![\d+])[2-6]\d{3}(?:[ -]?\d{1,4})?\s?(?:\.{2,}|…|[•*×x]{2,})/u;
/** …and a word that asks for the rest of it: "the whole thing", "كامل", "بقیه‌ش", "kmel lia", "les chiffres li khassin". */
const COMPLETE_IT = new RegExp(`(?:^| )(?:${['whole', 'full', 'complete', 'entire', 'rest', 'remaining', 'missing', 'كامل\\S*', 'كله', 'كلو', 'كلها', 'باقي', 'الباقي', 'بقيه\\S*', 'ناقص\\S*', 'كمل\\S*', 'تكمل\\S*', 'kmel', 'kammel', 'kamel', 'kaml', 'kamml', 'khassin', 'manquants?', 'تكميل', 'تكميلش'].map(foldLetters).join('|')})(?: |$)`, 'u');
/** (round 21) A purpose after a Persian verb-final request: "… را بفرستید تا پرداخت انجام شود". */
const PURPOSE_AFTER = /^(?:تا|كه|واسه|براي|ta|ke|ki)$/u;
const LATIN_CLAUSE = /^[a-z0-9 '-]+$/;
/** Someone we name as the receiver, right after the verb: "عطه الموظف", "ادّيه للمندوب", "give it the agent". */
const A_PERSON = new RegExp(`^(?:${['(?:ل|لل|ال)?(?:موظف|مندوب|زميل|فني|كابتن|سواق|مهندس)\\S*', 'زميلي', 'زميلنا', 'the', 'our', 'agent', 'courier', 'colleague', 'rider'].map(foldLetters).join('|')})$`, 'u');
function handsItToAPerson(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length) return false;
  return hits(t, TRANSFER_VERBS).some((v) => {
    const next = clause.tokens[v.last + 1] ?? '';
    const person = A_PERSON.test(next) && (next !== 'the' && next !== 'our' ? true : A_PERSON.test(clause.tokens[v.last + 2] ?? ''));
    return person && suffixObject(clause.tokens[v.last] ?? '') && !writerActs(t, v) && !toReader(clause, v);
  });
}
/** A branch or an office the reader goes to in person. */
// (round 31) …and the pharmacy that hands the order over ("the pharmacist at the branch will ask for your national card"), "فالوكالة" with its prefix
const BRANCH = ['branch(?:es)?', 'office', 'counter', 'agence', 'cawangan', 'tawi', 'ofisini', 'ofisi', 'филиал\\S*', `(?:ل|لل|ال|بال|في ال|ف|فال|وال)?(?:فرع|وكاله|مكتب|شعبه|وكيل|صيدليه|فارمسي)\\S*`, 'نمايندگي\\S*', 'شعبه\\S*', 'دفتر', /* (round 38) Finglish */ "sho'?a?be\\S*", 'shoebe\\S*',
  // (round 34) the dealer's showroom, and Finglish for it: 'khodesh kart meli ro tu namayandegi neshun mide'
  'dealerships?', 'showrooms?', 'namayandegi\\S*', 'namayendegi\\S*', 'namayeshgah\\S*', 'pharmacy', 'pharmacie', 'dorukhun\\S*', 'داروخان\\S*', 'داروخون\\S*', 'дорухона\\S*'];
/** Staff who ask in person: "the officer", "الموظف", "کارمند", "корманд", "mhudumu", "pegawai". */
const STAFF = new RegExp(`^(?:${['staff', 'officer', 'teller', 'clerk', 'employee', 'agent', 'they', 'pharmacist', 'cashier', '(?:ال)?صيدلي\\S*', '(?:ال)?كاشير', 'داروساز\\S*', 'дорусоз\\S*', 'الموظف\\S*', 'موظف\\S*', '(?:ل|لل|ال)?وكيل', 'الموظفين', 'كارمند\\S*', 'корманд\\S*', 'mhudumu', 'afisa', 'pegawai', 'karmand\\S*'].map(foldLetters).join('|')})$`, 'u');
/** The verb's subject is staff, a few words before it (who ask in person at the branch the reply names). */
function staffAsks(clause: Clause, v: Hit): boolean {
  // (round 22) …five words back: "الوكيل في المكلا با يطلب منك"
  // (round 24) …or the verb's own ending: a third-person plural ("با يطلبون منك", "بايطلبون", "هيطلبوا", Darija "ytalbo") is the staff's
  const theyAsk = THEY_VERB.test(clause.tokens[v.at] ?? '');
  return (theyAsk || clause.tokens.slice(Math.max(0, v.at - 5), v.at).some((w) => STAFF.test(w))) && !hits(clause.text, TO_WRITER_PLACE).some((p) => p.at > v.last);
}
/** Persian "show" before its light verb: "نشان بدهید", "نشون بدید" (in person, at a branch the reply names). */
const SHOWN = new RegExp(`^(?:${['نشان', 'نشون', 'nishon', 'neshun', 'neshan', /* (round 38) */ 'neshoo?n', 'nishoo?n', 'nishun', 'neshon'].map(foldLetters).join('|')})$`, 'u');
const objectsAreDocuments = (objects: ObjectHit[]) => objects.length > 0 && objects.every((o) => o.kind === 'national_id' || o.kind === 'full_name');
/** Verbs of bringing or showing a thing in person (to a branch the reply names). */
const BRING = new RegExp(`^(?:${['bring', 'take', 'carry', 'present', 'show', 'جيب\\S*', 'احضر\\S*', 'تجيب\\S*', 'بيار\\S*', 'بياور\\S*', 'ببر\\S*', 'ببري\\S*', 'jib\\S*', 'jeeb\\S*', 'ramen\\S*', 'apport\\S*', 'biar\\S*', 'biyar\\S*'].map(foldLetters).join('|')})$`, 'u');
/** An Arabic imperfect in the third-person plural, with a future or habitual prefix ("بايطلبون", "هيطلبوا", "بيشوفوا"), or its Arabizi form ("ytalbo", "ghadi ytalbou"). */
const THEY_VERB = /^(?:(?:و|ف)?(?:با|ب|بي|ه|ح|را|سي|رح)?ي[\u0621-\u064a]{2,}(?:ون|وا|و)|[yi][a-z0-9]{3,}(?:o|ou|u|oun|un|ow))$/u;
const BOTH_FACES = new RegExp(`(?<=^| )(?:${BOTH_SIDES.map(foldLetters).join('|')})(?= |$)`, 'u');
const ID_NAMED = new RegExp(`(?<=^| )(?:${ID_DOCUMENT.map(foldLetters).join('|')})(?= |$)`, 'u');
/** (round 21) Both faces asked for in a clause that names no document, after one that does: the document's picture. */
function documentPicturedAfter(clause: Clause, before: Clause[]): ObjectHit[] {
  const m = BOTH_FACES.exec(clause.text);
  if (!m) return [];
  // (round 22) …or earlier in the same clause, too far for the composed pattern: "البطاقة الجديدة لازم تبعتلي صورة إلها من الوجهين"
  const named = [...before.map((c) => c.text), clause.text.slice(0, m.index)];
  const kind = named.some((t) => ID_NAMED.test(t)) ? 'national_id' : named.some((t) => CARD_NAMED.test(t)) ? 'card' : undefined;
  if (!kind) return [];
  // …and the picture word a few words before the faces is where the object begins ("صورة إلها من الوجهين"), so a verb takes it as its own
  const at = tokenIndexAt(clause.text, m.index);
  // (…never the verb itself: "صورها لي وجه وظهر", photograph it front and back)
  const verbsAt = new Set(hits(clause.text, STRONG_REQUEST).map((v) => v.at));
  const picture = clause.tokens.slice(Math.max(0, at - 3), at).findIndex((w, i) => PICTURE_WORD.test(w) && !verbsAt.has(Math.max(0, at - 3) + i));
  const from = picture < 0 ? at : Math.max(0, at - 3) + picture;
  const start = picture < 0 ? m.index : clause.tokens.slice(0, from).reduce((n, w) => n + w.length + 1, 0);
  return [{ start, end: m.index + m[0].length, at: from, last: tokenIndexAt(clause.text, m.index + m[0].length - 1), kind }];
}
const PICTURE_WORD = new RegExp(`^(?:${PICTURE.map(foldLetters).join('|')})$`, 'u');
const A_NUMBER = new RegExp(`(?<=^| )(?:${['(?:the |a )?number', 'numbers', 'digits', '(?:ال)?(?:رقم|ارقام|نمره)\\S*', 'شماره\\S*', 'عدد\\S*', 'نمبر\\S*', 'namba', 'nombor', 'raqam\\S*', 'ra2am\\S*'].map(foldLetters).join('|')})(?= |$)`, 'u');
/** An un-negated request to us for "a number" that names no secret: its object may be renamed in the next clause. */
function asksForANumberHere(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, SUBORDINATORS).length || !A_NUMBER.test(t)) return false;
  return hits(t, STRONG_REQUEST).some((v) => !writerActs(t, v) && !toReader(clause, v));
}
/** The clause is only the secret (an apposition): nothing outside it but the words that stand around a secret. */
function renames(clause: Clause, objects: ObjectHit[]): boolean {
  if (hits(clause.text, STRONG_REQUEST).length || hits(clause.text, NEGATION).length) return false;
  return clause.tokens.every((w, i) => AROUND_THE_SECRET.has(w) || objects.some((o) => o.at <= i && i <= o.last));
}
/** A payment card named ("البطاقة", "the card", "kadi"), never an identity card. */
const CARD_NAMED = new RegExp(`(?<=^| )(?:${PAYMENT_CARD.map(foldLetters).join('|')})(?= |$)`, 'u');
/** (round 21) The whole number ("رقمها كامل", "namba yote", "the full number") in a clause that names a card or follows one that does. */
function wholeNumberOfACard(clause: Clause, before: Clause | undefined): ObjectHit[] {
  const m = WHOLE_NUMBER.exec(clause.text);
  // (round 26) …or an expiry: "le numéro complet w la date d'expiration", "the full number and the expiry date" — only a card has both
  const cardOrExpiry = (t: string) => CARD_NAMED.test(t) || EXPIRY_NAMED.test(t);
  if (!m || !(cardOrExpiry(clause.text) || (before !== undefined && cardOrExpiry(before.text)))) return [];
  const start = m.index + (m[0].startsWith(' ') ? 1 : 0);
  const end = m.index + m[0].length;
  return [{ start, end, at: tokenIndexAt(clause.text, start), last: tokenIndexAt(clause.text, end - 1), kind: 'card' }];
}
const EXPIRY_NAMED = new RegExp(`(?<=^| )${foldLetters(EXPIRY)}(?= |$)`, 'u');
function expiryOfACard(clause: Clause, before: Clause | undefined): ObjectHit[] {
  const m = EXPIRY_NAMED.exec(clause.text);
  if (!m || before === undefined || !CARD_NAMED.test(before.text)) return [];
  return [{ start: m.index, end: m.index + m[0].length, at: tokenIndexAt(clause.text, m.index), last: tokenIndexAt(clause.text, m.index + m[0].length - 1), kind: 'card' }];
}
/** (round 27) The digits on its face, a card named here or in the clause before: "البطاقة اللي بدك تربطها، ابعتلي الأرقام اللي على وجها", "el karte …, ektebli l ar2am 3a wejha". */
const ON_ITS_FACE = new RegExp(`(?<=^| )(?:${['(?:ال)?(?:ارقام|اعداد|نمر)\\S* (?:\\S+ ){0,2}?(?:على|علي|ع|عل|فوق|من) ?(?:وجه|وش|واجهت)(?:ها|هها|ا)', '(?:l |el |al )?(?:ar9am|ar2am|arqam|arkam|nmar|numeros|chiffres|numbers|digits) (?:\\S+ ){0,2}?(?:3la|3a|ala|on|off|f|fi|men|mn) (?:wjeh|wejh|wej|wajh|wech|woj)(?:ha|a)', '(?:numbers|digits) (?:\\S+ ){0,2}?(?:on|off|across) its (?:front|face)'].map(foldLetters).join('|')})(?= |$)`, 'u');
function numbersOnItsFace(clause: Clause, before: Clause | undefined): ObjectHit[] {
  const m = ON_ITS_FACE.exec(clause.text);
  if (!m || !(CARD_NAMED.test(clause.text) || (before !== undefined && CARD_NAMED.test(before.text)))) return [];
  return [{ start: m.index, end: m.index + m[0].length, at: tokenIndexAt(clause.text, m.index), last: tokenIndexAt(clause.text, m.index + m[0].length - 1), kind: 'card' }];
}
/**
 * (round 27) A clause that reports what the reader already sent ("you sent your full card number in your last message",
 * "sifti ra9m lbita9a kamel", "شماره کامل کارت رو فرستادید") or asks them to delete it ("delete it", "پاکش کنید", "mse7
 * lmessage") asks for nothing; a deletion that also names us as receiver ("delete it and send me the code") still may.
 */
const READER_SENT = new RegExp(`^(?:(?:oh|ok|okay|hi|so|sir|madam|i see|looks like|it looks like|seems|انت|انتي|enta|nta|nti|inta|inti|شما|shoma) )*(?:${['(?:you|u) (?:(?:have|ve|just|already|accidentally|mistakenly|by mistake) )*(?:sent|posted|shared|pasted|gave)', 'sifti\\S*', 'rs[ae]lti\\S*', 'b3att?i\\S*', 'b3ath?ti\\S*', '(?:ا)?(?:رسلت|ارسلت|بعتت|بعثت|صيفطت)(?:ي|يه|يها|يلي|يلنا)'].map(foldLetters).join('|')})(?= |$)|(?<=^| )${foldLetters('(?:فرستادي|فرستاده ?اي|ارسال كردي)(?:د|ن)?')}$`, 'u');
const SENT_AGAIN = new RegExp(`(?<=^| )(?:${['again', 'resend', 're-send', 'once more', 'دوباره', 'مجدد\\S*', 'عاود\\S*', 'تاني', 'مره ثانيه', '3awd\\S*', '3awed\\S*'].map(foldLetters).join('|')})(?= |$)`, 'u');
const DELETE = new RegExp(`(?<=^| )(?:${['delete', 'remove', 'erase', 'unsend', 'take (?:it |that |them )?down', 'پاك\\S*', 'حذف\\S*', '(?:ا|و|ف)?(?:امسح|مسح|احذف|تمسح|تحذف)\\S*', 'ms[e]?7\\S*', 'm7i\\S*', 'suppr\\S*', 'eff?ac\\S*', 'borr[ae]\\S*'].map(foldLetters).join('|')})(?= |$)`, 'u');
function reportsOrUndoesASend(clause: Clause, after: Clause[]): boolean {
  const sent = READER_SENT.exec(clause.text);
  // …a report only where the reply asks to delete it, and with no request after it ("you sent the wrong one, send the code again")
  if (sent && !SENT_AGAIN.test(clause.text) && [clause, ...after].some(asksToDelete)) {
    const end = tokenIndexAt(clause.text, sent.index + sent[0].length - 1);
    return !hits(clause.text, STRONG_REQUEST).some((v) => v.at > end && !/^(?:your|ur|the|my|our|last|this|that)$/.test(clause.tokens[v.at - 1] ?? ''));
  }
  return asksToDelete(clause) && !hits(clause.text, TO_WRITER_PLACE).length;
}
/** (round 30) A deletion someone asks for — not one negated, nor a filter's that a code spelt out would dodge ("so the system doesn't wipe it"). */
function asksToDelete(c: Clause): boolean {
  const m = DELETE.exec(c.text);
  if (!m) return false;
  const at = tokenIndexAt(c.text, m.index);
  return !(SPELLED_OUT.test(c.text) && hits(c.text, NEGATORS).some((n) => n.last < at && at - n.last <= 2));
}
/**
 * (round 27) "no need to send the full number — just the 3 digits at the back and the expiry will do": after a clause
 * that negates one thing, "only/just …" names what is wanted instead; a secret there is asked for (not "only type it in
 * the app yourself", not "only the last four").
 */
const ONLY_INSTEAD = new RegExp(`^(?:(?:but|and|و|va|w) )?(?:${['only', 'just', 'simply', 'instead', 'فقط', 'بس', 'تنها', 'faqat', 'fagat', 'faghat', 'ghir', 'gher', 'ken', 'bas', 'bass', 'seulement', 'juste', 'solo', 'sólo', 'lang'].map(foldLetters).join('|')})(?= |$)`, 'u');
const ONLY_DETERMINER = /^(?:the|your|ur|its|those|these|that|el|l|al|le|la|les|dok|هاي|هذي|اون|همون|همین)$/u;
function wantedInstead(clause: Clause, before: Clause | undefined, objects: ObjectHit[]): boolean {
  const only = ONLY_INSTEAD.exec(clause.text);
  if (!only || !objects.length || before === undefined) return false;
  // the secret right after "only" and its determiners ("just the 3 digits …"), not a verb's object ("just tap 'forgot password'")
  const from = tokenIndexAt(clause.text, only.index + only[0].length - 1) + 1;
  if (!clause.tokens.slice(from, Math.min(...objects.map((o) => o.at))).every((w) => ONLY_DETERMINER.test(w))) return false;
  if (!hits(before.text, NEGATION).length || hits(clause.text, NEGATION).length || hits(clause.text, SELF_ENTRY).length) return false;
  return true;
}
function completesTheCard(clause: Clause): boolean {
  const m = COMPLETE_IT.exec(clause.text);
  // a negation before the word for the rest ("don't send the whole number"); "la date" after it is an article
  return !!m && !hits(clause.text, NEGATION).some((n) => n.start < m.index);
}
/** (round 13) "الرقم السري يطلبه منك الصراف بس": a machine that asks for it is where the reader types it, not an ask. */
const MACHINE_ASKS = /(?<=^| )(?:ي|ت|بي|بت)طلب\S* منك\S* ((?:ال)?(?:صراف|ماكينه|مكينه|ماكينة|جهاز|atm)\S*)/gu;
/** A whole clause asking only whether something arrived, naming nothing: "got it?", "وصلك؟", "رسید؟", "rasid?". */
const ARRIVED_BARE = new RegExp(`^(?:(?:so|ok|okay|and|hey|well|ya|يا|طيب|خب|خوب|و) )*(?:${['(?:have |did )?(?:you )?(?:got|get|received|receive) it', 'got it yet', 'did it (?:arrived?|come|come through|come in|land|landed)', 'has it (?:arrived|come|come through|landed)', "(?:is it|it's|its) (?:there|in) yet", 'وصل', 'وصلك', 'وصلتك', 'وصلكم', 'وصلت', 'جالك', 'جاك', 'اجاك', 'اجتك', 'جاتك', 'جاتلك', 'رسيد', 'رسيده', 'اومد', 'اومده', 'اومد برات', 'دريافت (?:كردي|كرديد|كردين)', 'rasid', 'resid', 'residesh', 'oomad', 'umad', 'omad', 'wasalak', 'wsalak', 'wselek', 'wslek', 'wesel', 'wasal', 'ja(?:k|lak)', 'مازال ما (?:بعتش|وصلش|وصلكش|جاش|جاكش|وصلك)\\S*', 'لسه ما ?(?:وصلش|جاش|وصلكش)\\S*'].map(foldLetters).join('|')})(?: (?:yet|now|already|بعد|ولا لا|ولا|الحين|دلوقتي|هلق|هلا|yet\\?))?$`, 'u');
/** The writer as the subject of what follows: "خودم", "وأنا", "ana", "I'll", "main" (Hinglish), "ako" (Tagalog), Dari "مه". */
/** The reader is who the bare verb is addressed to: "…you can share", "…please share", "kindly forward". */
const READER_ASKED = /(?:^| )(?:you|u|please|pls|plz|kindly|just|pl)(?: can| could| may| should| must)?$/;

/** "What did it say?" after a message reached the reader (this clause or the two before) asks for the code in it. */
/** "What the text says is basically…": the writer goes on to tell the wording — a statement, not a question. */
function tellsTheWording(clause: Clause, q: Hit[] = hits(clause.text, CONTENT_QUESTION)): boolean {
  return !clause.question && q.some((h) => /^(?:is|was|are|were)(?: |$)/.test(clause.tokens.slice(h.last + 1).filter((w) => !/^(?:basically|literally|just|simply|actually)$/.test(w)).join(' ')));
}

/** The question of round 37's content questions that asks for a number in the message: "What number's in it?". */
const NUMBER_IN_IT = /(?:^| )(?:what|which) (?:number|numbers|digits|code)(?:'s| is| are|s)? in(?: |$)/;

function asksWhatMessageSays(clause: Clause, carrierBefore: boolean): boolean {
  const q = hits(clause.text, CONTENT_QUESTION);
  if (!q.length || hits(clause.text, HARMLESS_CARRIER).length) return false;
  if (hits(clause.text, NEGATION).some((n) => n.last < q[0]!.at)) return false;
  // "ما تقولش لحد الكود": ما before a verb closed by the negative ش negates it (م…ش), it does not ask "what"
  if (clause.tokens[q[0]!.at] === 'ما' && /^\S{2,}ش$/u.test(clause.tokens[q[0]!.at + 1] ?? '')) return false;
  if (tellsTheWording(clause, q)) return false;
  // (round 19) "type what it says into the app": the message's words go into the app, not to us
  if (ENTRY_LIKE.test(clause.tokens[q[0]!.at - 1] ?? '') && hits(clause.text, IN_APP).some((p) => p.at > q[0]!.last)) return false;
  return carrierBefore || hits(clause.text, CARRIER).length > 0;
}

const POLITE_ONLY = new RegExp(`^(?:${['please', 'pls', 'plz', 'thanks', 'thank you', 'لو سمحت\\S*', 'من فضلك', 'لطفا', 'ممنون', 'مرسي', 'بليز'].map(foldLetters).join('|')})(?: |$)`, 'u');

const PLACE_ONLY = new RegExp(`^(?:right |just |please |directly )?(?:${['here', 'below', 'in (?:this|the) (?:chat|conversation|reply box)', 'هنا', 'هون', 'اينجا', 'همينجا', 'inja', 'hena'].map(foldLetters).join('|')})(?: (?:in (?:this|the) (?:chat|conversation)|please|thanks|لو سمحت|لطفا))?$`, 'u');

/** "The code, please." — a clause that is only a politeness word (or a place) belongs to the clause before it. */
function mergePoliteTails(cs: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of cs) {
    const prev = out[out.length - 1];
    // "…, right here in the chat": a clause that is only a place is where the clause before it sends the thing
    if (prev && ((c.tokens.length <= 3 && POLITE_ONLY.test(c.text)) || (c.tokens.length <= 6 && PLACE_ONLY.test(c.text)))) out[out.length - 1] = { ...prev, text: `${prev.text} ${c.text}`, tokens: [...prev.tokens, ...c.tokens], question: c.question };
    else out.push(c);
  }
  return out;
}

function stripNotReallyNegation(t: string): string {
  let out = t;
  for (const e of NOT_REALLY_NEGATION) out = out.replace(regex(e), (m) => m.replace(/[^ ]+/g, '_'));
  return out;
}

function regex(entry: string): RegExp {
  let re = cache.get('g:' + entry);
  if (!re) {
    re = new RegExp(`(?<=^| )(?:${foldLetters(entry)})(?= |$)`, 'gu');
    cache.set('g:' + entry, re);
  }
  re.lastIndex = 0;
  return re;
}

function hits(text: string, entries: string[]): Hit[] {
  return findAll(text, entries);
}

function secretObjects(clause: Clause, opts: ClassifyOptions): ObjectHit[] {
  let objs: ObjectHit[] = [];
  for (const kind of KIND_ORDER) for (const h of hits(clause.text, OBJECTS_BY_KIND[kind])) objs.push({ ...h, kind });
  const neutral = hits(clause.text, NEUTRAL_OBJECTS);
  objs = objs.filter((o) => !neutral.some((n) => n.start <= o.start && o.end <= n.end + 0 && n.end - n.start >= o.end - o.start));
  // (round 21) …and a description that begins with a harmless number is that number's: "رقم الطلب اللي في الرسالة", "the order number in the text"
  objs = objs.filter((o) => !neutral.some((n) => n.start === o.start));
  // (round 37) …and a message named as where a harmless number is: "the ticket number mentioned in the SMS we sent", "the reference from the text we sent you"
  // …or a description that begins inside a harmless number ("the ticket number from the SMS": "number from the SMS" is the ticket's)
  objs = objs.filter((o) => !(o.kind === 'otp' && neutral.some((n) => n.start < o.start && o.start < n.end)));
  objs = objs.filter((o) => !(o.kind === 'otp' && !CODE_WORD.test(clause.text.slice(o.start, o.end)) && neutral.some((n) => n.last < o.at && o.at - n.last <= 4 && clause.tokens.slice(n.last + 1, o.at + 1).some((w) => IN_A_MESSAGE.test(w)))));
  // (round 21) Egyptian "كده" ("like this", "كده الحساب اتفعل") is Persian "کده" (the code) only in a Persian clause
  if (!PERSIAN_CLAUSE.test(clause.text) && !PERSIAN_WORDS.test(clause.text)) objs = objs.filter((o) => !KIDA.test(clause.text.slice(o.start, o.end)));
  objs = objs.filter((o) => !objs.some((p) => p !== o && p.start <= o.start && o.end <= p.end && p.end - p.start > o.end - o.start));
  objs = objs.filter((o) => !(o.kind === 'otp' && o.at === o.last && dariDid(clause, o.at)));
  objs = objs.filter((o) => !(o.kind === 'national_id' && carriedByAThirdPerson(clause, o)));
  // (round 31) a carton is no card: "صورة للكرتون التالف", "عکس کارتن پاره", "a photo of the karton" (a filter on the few
  // card hits: a lookahead inside the card's alternation slowed every picture pattern that holds it by half)
  objs = objs.filter((o) => !((o.kind === 'card' || o.kind === 'cvv') && CARTON.test(clause.text.slice(o.start, o.end))));
  if (hits(clause.text, LAST_DIGITS).length) objs = objs.filter((o) => o.kind !== 'card' && o.kind !== 'national_id');
  // "the box labelled verification code", "الخانة اللي مكتوب عليها كود التحقق": a field's label names the field, not a secret
  objs = objs.filter((o) => !LABELLED.test(clause.tokens.slice(Math.max(0, o.at - 2), o.at).join(' ')));
  // "a screenshot of the message that pops up when you press Pay": a message the app shows on an action is an error or
  // a notice, not a text carrying a code (a code itself stays a secret wherever it appears)
  // (round 23) …or one the app shows: "سكرين شوت للرسالة اللي بتطلعلك لما بتحاول تشحن"
  objs = objs.filter((o) => !(o.kind === 'otp' && !CODE_WORD.test(clause.text.slice(o.start, o.end)) && (APP_EVENT.test(clause.tokens.slice(o.last + 1, o.last + 7).join(' ')) || SHOWN_BY_THE_APP.test(clause.tokens.slice(o.last + 1, o.last + 4).join(' ')))));
  return objs.flatMap((o): ObjectHit[] => {
    // (round 36) …but one sent to the reader ("the activation code we just texted you") is a one-time code under any policy
    if (o.kind === 'activation') return opts.phoneAndActivationOnly && !activationCodeSentToReader(clause, o) ? [] : [{ ...o, kind: 'otp' }];
    return [o];
  });
}

/** A carton or a cartoon, in the spellings the card's words would take it for. */
const CARTON = new RegExp(`(?<![\\p{L}])(?:${['(?:و|ف|ب|ل|ال|وال|بال|فال|لل)?(?:كرتون|كارتن|كارتون|كرطون|كارطون)\\S*', 'kartons?', 'cartons?', 'картон\\S*', 'kortons?'].map(foldLetters).join('|')})(?![\\p{L}])`, 'u');
/** Dari "کدن" (کردن): "کده" (having done), "کدی" (you did), "کدین"… — and Persian "کده"/"کدی" (the code). */
const DARI_DID_FORM = new RegExp(`^${foldLetters('کد')}(?:${['ه', 'ی', 'ین', 'ید', 'یم', 'م', 'ن', 'ند'].map(foldLetters).join('|')})$`, 'u');
/** What stands before "the code" but never before a light verb: a determiner, a preposition, "that", the object marker. */
const BEFORE_THE_CODE = new RegExp(`^(?:${['اون', 'این', 'همون', 'همین', 'همو', 'او', 'آن', 'یه', 'یک', 'هر', 'کدوم', 'چه', 'چی', 'و', 'که', 'را', 'رو', 'ره', 'از', 'به', 'با', 'در', 'تو', 'توی', 'برای', 'واسه', 'این', 'دو', 'سه', 'چار', 'چهار', 'شش', 'پنج'].map(foldLetters).join('|')})$`, 'u');
/** What follows "the code" (its object marker, a relative, a question) but never the light verb "کده"/"کدی". */
const AFTER_THE_CODE = new RegExp(`^(?:${['را', 'رو', 'ره', 'که', 'کی', 'چی', 'چیه', 'چنده', 'چند', 'اومد', 'آمد', 'رسید', 'میاد', 'میآد', 'برات', 'براتون', 'رو'].map(foldLetters).join('|')})$`, 'u');
/**
 * (round 25) Dari writes "کردن" as "کدن": "ثبت نام کدی" (you registered), "مهربانی کده" (kindly) — "کد" with a verb ending
 * right after the noun of a light verb is the verb, not "the code". A determiner or preposition before it, or its
 * object marker, a relative or a question after it ("اون کده رو", "یه کدی که", "کده چی شد") keeps it the code.
 */
function dariDid(clause: Clause, at: number): boolean {
  const before = clause.tokens[at - 1];
  return DARI_DID_FORM.test(clause.tokens[at] ?? '') && !!before && /^[\u0600-\u06ff]{3,}$/u.test(before) && !BEFORE_THE_CODE.test(before) && !AFTER_THE_CODE.test(clause.tokens[at + 1] ?? '') && !hits(before, ANY_VERB).length;
}
/** "…خودش", "his own", "himself", "بنفسه": the owner of a document carries it (`carriedByAThirdPerson`). */
const OWN_THIRD = new RegExp(`^(?:${['خودش', 'خودشون', 'خودشان', 'خودشو', 'himself', 'herself', 'themselves', 'هو', 'هي', 'بنفسه', 'بنفسها', 'apna', 'apni', 'apne'].map(foldLetters).join('|')})$`, 'u');
/**
 * (round 25) "…که با کارت ملی خودش بره صرافی", "he goes to the branch with his own ID": an identity document its third-person
 * owner carries is shown by them in person, not handed to us by the reader.
 */
function carriedByAThirdPerson(clause: Clause, o: Hit): boolean {
  const next = clause.tokens.slice(o.last + 1, o.last + 3);
  const prev = clause.tokens.slice(Math.max(0, o.at - 2), o.at).join(' ');
  return OWN_THIRD.test(next[0] ?? '') && /^(?:با|ba|with)$/u.test(clause.tokens[o.at - 1] ?? '') || /(?:^| )(?:his|her|their) own$/.test(prev);
}
/** Where in a message a number stands: "in the SMS", "from the text", "mentioned on it". */
const IN_A_MESSAGE = /^(?:in|from|inside|within|on|of)$/;
const CODE_WORD = new RegExp(`(?:^| )(?:${['codes?', 'pass ?codes?', 'passwords?', 'otp', 'pin', 'digits?', 'numbers?', 'كود\\S*', 'رمز\\S*', 'كد\\S*', 'رقم\\S*', 'ارقام\\S*', 'عدد\\S*', 'اعداد\\S*'].map(foldLetters).join('|')})(?: |$)`, 'u');
const APP_EVENT = new RegExp(`(?:^| )(?:${['when', 'whenever', 'once', 'لما', 'لمن', 'اول ما', 'كل ما', 'وقتي', 'هر ?وقت', 'vaghti', 'lamma', 'lama', 'while', 'as', 'وانت', 'وانتي', 'وانتو', 'و انت', 'وقت ما', 'ساعه ما', 'و ?قتي'].map(foldLetters).join('|')}) (?:\\S+ )?(?:${['press', 'tap', 'click', 'hit', 'open', 'try', 'pay', 'تدوس', 'بتدوس', 'دست', 'تضغط', 'بتضغط', 'ضغط', 'تكبس', 'بتكبس', 'تفتح', 'بتفتح', 'تدفع', 'بتدفع', 'بزني', 'ميزني', 'بزنيد', 'ميزنيد', 'كليك', 'trying', '(?:ب|بت|ت)?حاول\\S*', '(?:ب|بت|ت)?شحن\\S*', 'recharge', 'log'].map(foldLetters).join('|')})\\S*`, 'u');

/**
 * (round 22) A composed span that reaches over the verb asking for it ("الهوية لازم تبعتلي صورة …", document … picture a
 * few words apart) begins after that verb, so the verb takes it as its object instead of being swallowed by it.
 */
function afterItsVerb(clause: Clause, o: ObjectHit, verbs: () => Hit[]): ObjectHit {
  // only a picture after the verb ("کد ارسال‌شده به …", the code sent to …, is one secret with a participle inside)
  if (o.last - o.at < 2) return o;
  const verb = verbs().find((v) => v.at > o.at && v.last < o.last && clause.tokens.slice(v.last + 1, o.last + 1).some((w) => PICTURE_WORD.test(w)));
  if (!verb) return o;
  const at = verb.last + 1;
  return { ...o, at, start: clause.tokens.slice(0, at).join(' ').length + 1 };
}

function gap(a: Hit, b: Hit): number {
  if (b.at > a.last) return b.at - a.last - 1;
  if (a.at > b.last) return a.at - b.last - 1;
  return -1; // overlap
}

function requestsIn(clause: Clause, found: ObjectHit[], earlier: ObjectHit[], context: ClauseContext): Omit<SecretRequest, 'clause'>[] {
  const t = clause.text;
  // (the clause's request verbs read once, and only for an object long enough to hold one: one reading per object made
  // a clause of many secrets cost the square of its length — "code code code …", test/integration/guard-linear-work)
  let strong: Hit[] | undefined;
  const objects = found.map((o) => afterItsVerb(clause, o, () => (strong ??= hits(t, STRONG_REQUEST))));
  // Persian "ما" is "we/our" ("به همکار ما"), never the Arabic negation
  const persian = PERSIAN_CLAUSE.test(t);
  // …and a word that is the secret itself is never its negation (Finglish "matnesh", its text, is not Arabizi "mat…sh")
  const negations = (persian ? hits(t, NEGATION).filter((n) => clause.tokens[n.at] !== 'ما') : hits(t, NEGATION)).filter((n) => !objects.some((o) => o.start <= n.start && n.end <= o.end));
  // "type it in the app yourself and don't send it here": a place under a negation is where the secret must not go
  // …and in a Persian clause the negated verb comes after its place ("برای ما ارسال ننمایید": not to us)
  const negatedAfter = (p: Hit) => persian && negations.some((n) => n.at > p.last && n.at - p.last <= 3 && NEGATED_VERB_AFTER.test(clause.tokens[n.at] ?? ''));
  const affirmed = (places: Hit[]) => places.filter((p) => !negations.some((n) => n.last < p.at && p.at - n.last <= NEG_REACH) && !negations.some((n) => n.at <= p.at && p.last <= n.last) && !negatedAfter(p));
  const clauseNegated = hits(t, CLAUSE_NEGATION).length > 0 || context.negatedList;
  const out: Omit<SecretRequest, 'clause'>[] = [];
  // "در همین صفحه گفتگو", "the reply box below": a page or box of this chat is where we read it, not the app
  // …and a place inside the secret's own description ("the number on your screen") says where it is, not where it goes
  // …as does a relative clause after it: "the password you use to log into the app" is what it opens
  const describes = (p: Hit) => objects.some((o) => (o.start <= p.start && p.end <= o.end) || (o.last < p.at && RELATIVE_OR_YOU.test(clause.tokens[o.last + 1] ?? '') && LOGS_IN.test(clause.tokens[p.at - 1] ?? '')));
  const inApp = hits(t, IN_APP).some((p) => !describes(p)) && !affirmed(hits(t, CHAT_PLACE)).length;
  const byThemselves = hits(t, BY_THEMSELVES).length > 0 && !affirmed(hits(t, TO_WRITER_PLACE)).length;
  const toWriterPlace = hits(t, TO_WRITER_PLACE);
  const documentOnly = objects.length > 0 && objects.every((o) => o.kind === 'national_id');
  const add = (kind: RequestedSecret, strength: 'block' | 'warn') => {
    if (!out.some((o) => o.kind === kind && o.strength === strength)) out.push({ kind, strength });
  };

  const verbs = [
    ...hits(t, STRONG_REQUEST).map((h) => ({ ...h, weak: false })),
    ...hits(t, WEAK_ENTRY_VERBS).map((h) => ({ ...h, weak: true })),
  ].filter((v) => !objects.some((o) => gap(v, o) < 0) && !usedAsNoun(clause, v));

  const subordinators = hits(t, SUBORDINATORS);
  const neutral = hits(t, NEUTRAL_OBJECTS);
  const selfCare = hits(t, SELF_CARE_VERBS);
  const reported = [...(context.warned ? hits(t, REPORTED) : []), ...(context.refused ? reportedInACondition(clause, subordinators) : [])];
  const strangerAsks = askedByAStranger(clause, subordinators);
  const askers = hits(t, ASKED_BY);
  let anyone: Hit[] | undefined;
  for (const v of clauseNegated ? [] : verbs) {
    // "واش جاك ميساج كيقول ليك صيفط الكود؟ راه نصب": a scam's words reported in a warning, to the end of the clause
    if (reported.some((r) => r.last < v.at || (r.at === v.at && saidBySomeoneElse(clause, r)))) continue;
    if (strangerAsks.some((r) => r.at <= v.at)) continue;
    // (round 21) "at the branch the officer will ask you for your original ID to look at it": the staff's own check, in person
    if (context.atTheBranch && staffAsks(clause, v)) continue;
    // (round 22) "… they will check your ID and give it back": at the branch, what is given back is returned to the reader
    // (round 31) "پاسپورت تان را در دفتر نشان بدهید": a document shown at the branch the reply names is shown in person
    if (context.atTheBranch && SHOWN.test(clause.tokens[v.at - 1] ?? '') && objectsAreDocuments(found)) continue;
    // (round 36) …and "show your passport at the counter", "present it in person"
    if (objectsAreDocuments(found) && showsInPerson(clause, v, context.atTheBranch)) continue;
    if (context.atTheBranch && (clause.tokens[v.last + 1] === 'back' || (/^(?:it|them)$/.test(clause.tokens[v.last + 1] ?? '') && clause.tokens[v.last + 2] === 'back'))) continue;
    if (hits(t, STATEMENT_AFTER_VERB).some((h) => h.at === v.last + 1)) continue;
    if (handedOverByMistake(clause, v, subordinators)) continue;
    if (askedAboutThePast(clause, v) || obtainsANewOne(clause, v) || hasItsOwnSubject(clause, v, objects) || saysOnlyDone(clause, v)) continue;
    if (clause.tokens[v.at - 1] === 'از') continue; // Persian "از ارسال…": a noun, not a request
    // (round 38) "… دوباره کد رو درخواست بدید": "درخواست" with the light verb is the reader's request of a new code, not a giving
    if (REQUEST_LIGHT.test(clause.tokens[v.at - 1] ?? '') && !hits(t, TO_WRITER_PLACE).some((p) => p.at > v.last)) continue;
    if (persian && sharesAFinalStatement(clause, v)) continue;
    if (negations.some((n) => n.last < v.at && v.at - n.last <= NEG_REACH)) continue;
    // (round 25) "share your code or password with anyone", "تعطي الرمز لحدا": "anyone" as the receiver is a warning's
    if ((anyone ??= affirmed(toWriterPlace).length || EXCEPT.test(t) ? [] : hits(t, ANYONE_AS_RECIPIENT)).some((a) => a.at > v.last && a.at - v.last <= MAX_GAP + 3)) continue;
    // (round 25) "به مادر بگید کدی که میاد رو خودشون …", "tell your mum to …", "Ammi ko bolein": telling a third person relays an instruction
    if (context.selfEntryAhead && tellsAThirdPerson(clause, v)) continue;
    // (round 19) "none of our staff will ask you to read it": a negated asker negates what they would ask for
    if (askers.some((a) => a.last < v.at && negations.some((n) => n.last < a.at && a.at - n.last <= NEG_REACH))) continue;
    // Pidgin serial verbs: "no read any number wey enter your phone give anybody" — "give" completes the negated "read"
    if (clause.tokens[v.at] === 'give' && verbs.some((u) => u.last < v.at && negations.some((n) => n.last < u.at && u.at - n.last <= NEG_REACH))) continue;
    // "code رو share نکن": a Persian light verb after the verb carries its negation
    if (NEGATED_LIGHT_VERB.test(clause.tokens[v.last + 1] ?? '')) continue;
    if (writerActs(t, v, objects)) continue;
    if (toReader(clause, v)) continue;
    if ((inApp || byThemselves) && (v.weak || ENTRY_LIKE.test(t.slice(v.start, v.end)))) continue;
    // "share the OTP only by typing it in the app yourself": the customer hands it to the app, whatever the verb
    if (inApp && (byThemselves || BY_ENTERING.test(t))) continue;
    // (round 20) "send the photo of your ID only through the official app, not here": the app's upload is a document's channel once this chat is refused
    if (inApp && documentOnly && (context.hereRefused || hits(t, CHAT_PLACE).some((p) => !affirmed([p]).length))) continue;
    const strength = v.weak && !toWriterPlace.some((p) => p.at > v.last || p.last < v.at) ? 'warn' : 'block';
    const paired = objects.filter((o) => {
      const g = gap(v, o);
      // Persian puts the verb last, after a long object marked by را/رو: "کد … را جهت کارشناس بفرستید"
      // (round 21) …Dari with "ره", and Dari or Finglish in Latin letters with "ra"/"ro": "ramz-e hesab … ra ba ma rawan konen"
      const verbFinal = (persian || LATIN_CLAUSE.test(t)) && o.last < v.at && (v.last >= clause.tokens.length - 2 || PURPOSE_AFTER.test(clause.tokens[v.last + 1] ?? '')) && clause.tokens.slice(o.last + 1, v.at).some((w) => (persian ? w === 'را' || w === 'رو' || w === 'ره' : w === 'ra' || w === 'ro'));
      // (round 35) …or over a list of login fields joined by "and": "give me your online banking user ID and password"
      if (g < 0 || (g > (verbFinal ? PERSIAN_VERB_FINAL_GAP : MAX_GAP) && !reachesOverAList(clause, v, o))) return false;
      if (o.at > v.last && asksAboutSomethingElse(clause, v.last, o)) return false;
      // "لو عايز تغير الرقم السري", "بدك تعمل reset للباسورد": a wish whose complement acts on the secret for the customer
      if (o.at > v.last && selfCare.some((c) => c.at > v.last && c.last < o.at) && !hits(t, TRANSFER_VERBS).some((x) => x.at > v.last && x.last < o.at)) return false;
      // "ابعت رقم الأوردر وانا أشوفلك الكود…", "tell me the time you got the code": the verb has its own object first
      // (round 35) …unless it is one field of a login list joined to the secret: "share your customer ID and the login password"
      if (o.at > v.last && (neutral.some((n) => n.at > v.last && n.last < o.at) || OWN_OBJECT.test(clause.tokens.slice(v.last + 1, v.last + 4).join(' '))) && !reachesOverAList(clause, v, o)) return false;
      // (round 26) "enter the code yourself in the app and send me a screenshot of the error": a verb with a picture as its own object does not reach back to the secret before it
      if (o.last < v.at && picturesAfter(clause, v, objects)) return false;
      // "tell me when the code arrives", "اگه کد نیومد به من بگید": the secret is inside a clause about an event
      if (subordinators.some((s) => s.last < o.at && (o.at > v.last ? s.at > v.last : true))) return false;
      const lo = Math.min(v.last, o.last);
      const hi = Math.max(v.at, o.at);
      return !negations.some((n) => n.at > lo && n.at < hi);
    });
    for (const o of paired) add(o.kind as RequestedSecret, strength);
    const firstAfter = objects.filter((o) => o.at > v.last).sort((a, b) => a.at - b.at)[0];
    if (firstAfter && paired.includes(firstAfter)) for (const o of coordinated(clause, objects, v)) add(o.kind as RequestedSecret, strength);
    // "law wasalak el code ab3atholi", "if the code arrives forward it to me": the event names the secret, the pronoun asks for it
    // (Persian drops the object before a place: "وقتی code اومد copy کنید و اینجا paste کنید")
    // (…a thing's transfer, not "اگه کد نیومد به من بگید", tell me about the event)
    // (…or drops it at the sentence's end after "و": "از کارت ملیت یه عکس بگیر که شماره‌ش معلوم باشه و بفرست")
    const droppedAtTheEnd = persian && v.last === clause.tokens.length - 1 && clause.tokens[v.at - 1] === 'و' && !SAYING.test(clause.tokens[v.at] ?? '');
    if (!paired.length && (refersBack(clause, v, objects) || droppedAtTheEnd || (persian && toWriterPlace.some((p) => p.last === v.at - 1) && !SAYING.test(clause.tokens[v.at] ?? '')))) {
      // …or the secret comes first and "and" joins the verb that takes it: "screenshot the SMS we sent and drop it here"
      const introduced = objects.find((o) => o.last < v.at && (subordinators.some((s) => s.last < o.at) || clause.tokens.slice(o.last + 1, v.at).some((w) => AND.test(w))));
      if (introduced) add(introduced.kind as RequestedSecret, strength);
    }
    if (!paired.length && earlier.length && (refersBack(clause, v, objects) || elliptical(clause, v))) add(earlier[earlier.length - 1]!.kind as RequestedSecret, strength);
  }

  if (!negations.length && !clauseNegated) {
    for (const s of hits(t, SOFT_REQUEST)) {
      const word = t.slice(s.start, s.end);
      if (reported.some((r) => r.last < s.at) || strangerAsks.some((r) => r.at <= s.at)) continue;
      // "What is OTP? It is a one-time password…": a question the reply answers itself defines the word
      if (context.answeredNext && clause.question && INTERROGATIVE.test(word)) continue;
      // "What is an OTP?": an article before the secret asks what such a thing is, not for the customer's own
      if (INTERROGATIVE.test(word) && /^(?:is |'s )?an? /.test(t.slice(s.end + 1))) continue;
      if (INTERROGATIVE.test(word) && tellsTheWording(clause)) continue;
      if (NEED_WORDS.test(word) && hits(t, READER).some((r) => r.last < s.at && s.at - r.last <= 2)) continue;
      if (inApp) continue;
      // (round 24) "please bring your CPR to the branch", "لطفاً کارت ملی رو به شعبه بیارید": a document carried to a branch is shown in person
      if (context.atTheBranch && clause.tokens.slice(s.last + 1, s.last + 3).some((w) => BRING.test(w))) continue;
      let paired = false;
      for (const o of objects) {
        const g = gap(s, o);
        // "please reset your PIN", "لطفا پسورد رو عوض کنید", "میشه رمزتو عوض کنی؟": the politeness asks for an action on the secret, not for it
        const actedOn = selfCare.some((c) => (c.at > s.last && c.last < o.at) || (c.at > o.last && (c.at - o.last <= 1 || clause.tokens.slice(o.last + 1, o.last + 3).some((w) => /^(?:را|رو|ro)$/.test(w)))));
        // a verb between them judges the object itself: "لطفا از ارسال رمز …", "please never send your PIN"
        const governed = verbs.some((v) => !v.weak && ((v.at > s.last && v.last < o.at) || (v.at > o.last && v.at - o.last <= 1)));
        // "شو المشكلة بالرمز؟": a question word asks for the secret only when nothing but "is/the/your" stands between
        // …a possessive is part of the secret's name ("what's your card's security code")
        const askedAbout = INTERROGATIVE.test(word) && o.at > s.last && clause.tokens.slice(s.last + 1, o.at).some((w) => !COPULA.has(w) && !/'s$/.test(w));
        // (round 31) …its owner between them is still the secret's name: "el pin bta3 el card kam?", "cvv bta3 el visa kam ya fandem?"
        const ownerBetween = s.at > o.last && s.at - o.last <= 5 && clause.tokens.slice(o.last + 1, s.at).every((w) => OWNER_OF_THE_SECRET.test(w) || LATIN_OWNER.test(w));
        // (round 36) "I'll just need your online banking username and password so I can link …": a need reaches over a list of login fields
        const overAList = NEED_WORDS.test(word) && reachesOverAList(clause, s, o);
        if (((g >= 0 && g <= SOFT_GAP) || ownerBetween || overAList) && !actedOn && !governed && !askedAbout) { add(o.kind as RequestedSecret, 'block'); paired = true; }
      }
      // "I want your national ID and the code we texted you": the request reaches every secret joined to the one it took
      if (paired) for (const o of coordinated(clause, objects, s)) add(o.kind as RequestedSecret, 'block');
      // "I'll need it to continue", after "a code is on its way to you"
      if (!paired && earlier.length && NEED_WORDS.test(word) && hits(t, BACK_REFERENCE).some((r) => r.at > s.last && r.at - s.last <= 1)) add(earlier[earlier.length - 1]!.kind as RequestedSecret, 'block');
    }
  }
  if (!out.length && !negations.length && !clauseNegated && !inApp) {
    // (round 16) "صوّر الوجه الخلفي للبطاقة", "sawerli el card", "snap the card": an order to photograph the card is its picture asked for
    const photo = clause.tokens.findIndex((w, i) => PHOTO_ORDER.test(w) && clause.tokens.slice(0, i).every((x) => BEFORE_A_BARE_VERB.has(x)));
    // (round 24) …an identity document's too when the picture comes here: "snap your QID both side here please"
    const comesHere = (o: ObjectHit) => affirmed(toWriterPlace).some((p) => p.at > o.last);
    const photographed = photo < 0 ? undefined : objects.find((o) => (o.kind === 'card' || o.kind === 'cvv' || (o.kind === 'national_id' && comesHere(o))) && o.at >= photo && o.at - photo <= 4);
    if (photographed) add(photographed.kind as RequestedSecret, 'block');
  }
  if (!out.length && !negations.length && !clauseNegated && !inApp) {
    const kind = handedToUs(clause, objects) ?? handedOverByObligation(clause, objects) ?? askedWithAModal(clause, objects, byThemselves);
    if (kind) add(kind, 'block');
  }
  return out;
}

/** (round 23) The clause that named the secret last, in the two before, negates nothing and keeps it out of the app, and this one hands it over with the object left out: its secret may be the left-out object of a hand-over. */
function handsOverTheSecretNamed(clause: Clause, before: Clause[], opts: ClassifyOptions): boolean {
  const named = [...before].reverse().find((c) => secretObjects(c, opts).length > 0);
  // …nor one that has the reader enter it in the app ("put the code in the app, then send me 'done' here")
  if (!named || hits(named.text, NEGATION).length || hits(named.text, CLAUSE_NEGATION).length || hits(named.text, IN_APP).length) return false;
  return handsOverWithItsObjectLeftOut(clause);
}

/** A bare refusal in the writer's own words: "No, please don't.", "لا لا", "نه". */
const REFUSES = new RegExp(`(?:^|[^\\p{L}])(?:${[...REFUSAL_WORDS, 'nope', 'do not', 'لع', 'نخير', 'na', 'la2'].map(foldLetters).join('|')})(?![\\p{L}])`, 'u');
/** A verb of saying or writing anywhere in the writer's own words: what they quote is reported speech. */
const REPORTS_SPEECH = new RegExp(`(?:^|[^\\p{L}])(?:${[...QUOTING_VERBS, 'say', 'saying', 'tell', 'tells', 'told', 'write', 'claim', 'claims', 'claiming', 'pretend', 'pretending', 'قالو', 'قالوا', 'قلك', 'قالك', 'يقول', 'يقولو', 'يقولون', 'يقولولك', 'بيقول', 'بيقولو', 'بيقولولك', 'تقول', 'يكتب', 'گفتن', 'گفتند', 'بگن', 'بگويند', 'ميگن', 'ميگه', 'ميگويند', 'بگه', 'نوشت', 'مينويسن', 'galak', 'y2ool', 'ye2ool', 'yi2ulu', 'migan', 'mige', 'goft'].map(foldLetters).join('|')})(?![\\p{L}])`, 'u');
/** A verb of writing or saying right before a quotation: the quoted words are someone's, reported. */
const REPORTS_A_QUOTE = new RegExp(`(?:^|[^\\p{L}])(?:${[...QUOTING_VERBS, 'typed', 'كتبت', 'كاتب', 'كتبتي', 'قلت', 'بتقول', 'نوشتي', 'نوشتيد', 'نوشته', 'گفتي', 'گفتيد'].map(foldLetters).join('|')})\\s*:?\\s*$`, 'u');
/** A negated hand-over to us anywhere in the reply: "لا ترسله لنا", "don't send it to me", "به ما نفرستید". */
const FORBIDS_TO_US = new RegExp(`(?:(?:^|[^\\p{L}])(?:و|ف)?(?:${['لا', 'ما', 'مش', 'متبعتهوش', "don't", 'dont', 'do not', 'never'].map(foldLetters).join('|')})\\s+(?:${['ترسل', 'تبعت', 'تبعث', 'تعطي', 'send', 'share', 'give', 'forward'].map(foldLetters).join('|')})\\S*\\s+(?:(?:it|them|that)\\s+)?(?:${['لنا', 'لي', 'الينا', 'لينا', 'ليا', 'to us', 'to me', 'us', 'me'].map(foldLetters).join('|')})(?![\\p{L}]))|(?:${['به ما', 'براي ما', 'واسه ما'].map(foldLetters).join('|')})\\s+(?:${['نفرست', 'ندي', 'نده', 'ارسال نكن', 'ارسال ننما'].map(foldLetters).join('|')})`, 'u');
/** An order to photograph something, addressed to the reader (no person prefix): صوّر، صورلي، sawerli, snap. */
const PHOTO_ORDER = new RegExp(`^(?:${['(?:و|ف)?صور(?:ي|و|لي|يلي|ولي|ها|يها|لنا)?', 'saw+[ae]r\\S*', 'swer\\S*', 'sawr\\S*', 'photograph', 'snap', 'scan'].map(foldLetters).join('|')})$`, 'u');
const AND = /^(?:and|then|و|وبعدين|بعدين|va|w|ba3den)$/u;
const JOINER = /^(?:and|also|plus|as well as|the|your|ur|و|كمان|va|ham|w|el|al|&)$/u;
/** Secrets after the first one the request took, each joined to the one before by "and" (and articles) only. */
function coordinated(clause: Clause, objects: ObjectHit[], request: Hit): ObjectHit[] {
  const after = objects.filter((o) => o.at > request.last).sort((a, b) => a.at - b.at);
  const out: ObjectHit[] = [];
  for (let i = 1; i < after.length; i++) {
    const between = clause.tokens.slice(after[i - 1]!.last + 1, after[i]!.at);
    if (between.length === 0 || between.length > 3 || !between.some((w) => AND.test(w) || w === 'also' || w === 'كمان') || !between.every((w) => JOINER.test(w))) break;
    out.push(after[i]!);
  }
  return out;
}
/**
 * "…که از طریق پیامک ارسال و در برنامه وارد می‌شود": a bare verbal noun joined by "و" to a clause that ends in a
 * passive or a statement shares that verb ("is sent and entered") — a definition, not an instruction.
 */
function sharesAFinalStatement(clause: Clause, v: Hit): boolean {
  if (v.at !== v.last || /^(?:ب|مي|ن)/u.test(clause.tokens[v.at] ?? '') || !AND.test(clause.tokens[v.last + 1] ?? '')) return false;
  return hits(clause.text, STATEMENT_AFTER_VERB).some((h) => h.last === clause.tokens.length - 1);
}

/** A Persian verb negated by its prefix (نفرستید, ننمایید, نکنید): it governs what stands before it. */
const NEGATED_VERB_AFTER = new RegExp(`^(?:${['ن(?:فرست?|نماي|فرماي|كن|ده|دي|گو|گي|ريز|زن|نويس)\\S*', 'na(?:frest|kon|de|gu)\\S*'].map(foldLetters).join('|')})$`, 'u');
const NEGATED_LIGHT_VERB = new RegExp(`^(?:${['نكن\\S*', 'نكني\\S*', 'نده\\S*', 'ندي(?:د|ن)', 'ننماييد', 'نفرماييد', 'nakon\\S*', 'nade', 'nadid'].map(foldLetters).join('|')})$`, 'u');
/** "The code must be provided to the agent", "ارائه رمز … الزامی است": the secret handed over as a duty, verb in the passive. */
const OBLIGED_HANDOVER = new RegExp(`(?:^| )(?:${['(?:must|has to|have to|needs? to|should|shall|is to|are to|will need to|is required to) be (?:provided|given|shared|sent|submitted|disclosed|read out|read|told|forwarded|supplied|confirmed|quoted|handed over|communicated|conveyed|relayed|passed on|passed|transmitted|reported|dictated|mentioned)', '(?:is|are) (?:required|mandatory|needed) (?:from you|to continue|to proceed|before)'].join('|')})(?: |$)`);
const OBLIGED_HANDOVER_FA = new RegExp(`^(?:${['ارائه', 'ارسال', 'اعلام', 'ذكر', 'تحويل', 'يجب ارسال', 'يجب تقديم', 'يلزم ارسال', 'يلزم تقديم'].map(foldLetters).join('|')})$`, 'u');
const DUTY_FA = new RegExp(`^(?:${['الزامي', 'ضروري', 'لازم', 'واجب', 'اجباري'].map(foldLetters).join('|')})\\S*$`, 'u');
function handedOverByObligation(clause: Clause, objects: ObjectHit[]): RequestedSecret | undefined {
  const o = objects[0];
  if (!o) return undefined;
  if (OBLIGED_HANDOVER.test(clause.tokens.slice(o.last + 1).join(' '))) return o.kind as RequestedSecret;
  const before = clause.tokens[o.at - 1] ?? '';
  if (OBLIGED_HANDOVER_FA.test(before) && clause.tokens.slice(o.last + 1).some((w) => DUTY_FA.test(w))) return o.kind as RequestedSecret;
  return undefined;
}

/** "Can you …", "ممكن …", "میشه …", "momken …": the reader asked to do something, whatever the verb. */
const MODAL_ASK = ['can you', 'could you', 'would you', 'will you', 'can u', 'could u', 'would you mind', 'are you able to', 'ممكن', 'تقدر', 'بتقدر', 'تقدري', '(?<!(?:اتصل|يتصل|بيتصل|تتصل|اتصلوا|اتصلو|اتصلت|دق|يدق|رن|يرن) )فيك', 'بتقدري', 'مي ?شه', 'ميشه', 'مي ?توني\\S*', 'ميتوني\\S*', 'momken', 'mumkin', 'te2dar', 'fik', 'mishe', 'mitooni\\S*', 'mituni\\S*'];
/**
 * "Could you hmm the code over?": a modal question to the reader whose object is a secret asks for it even when the verb
 * is one the lexicons do not know — unless the verb acts on the secret for the customer (reset, change, check), a
 * question word or an event clause stands between, or the customer does it in the app or on their own.
 */
function askedWithAModal(clause: Clause, objects: ObjectHit[], byThemselves: boolean): RequestedSecret | undefined {
  if (byThemselves) return undefined;
  const modal = hits(clause.text, MODAL_ASK)[0];
  if (!modal) return undefined;
  const o = objects.find((x) => x.at > modal.last && x.at - modal.last <= 6);
  if (!o) return undefined;
  const between = clause.tokens.slice(modal.last + 1, o.at).join(' ');
  // the verb may come after the object too (Persian "میشه رمزتو عوض کنی؟")
  const rest = clause.tokens.slice(modal.last + 1).join(' ');
  if (hits(rest, SELF_CARE_VERBS).length || hits(between, SUBORDINATORS).length || clause.tokens.slice(modal.last + 1, o.at).some((w) => WH.has(w))) return undefined;
  if (/(?:^| )(?:see|find|remember|receive|get|got|recall|hear|wait|use|request|generate)(?: |$)/.test(between)) return undefined;
  return o.kind as RequestedSecret;
}

/** "…and tell me 'done'", "وتقولي خلاص", "بعدش بگو انجام شد": what the customer is to say is that they finished. */
const DONE_WORD = new RegExp(`^(?:${['done', 'finished', 'yes', 'ready', 'خلاص', 'تم', 'تمام', 'خلصت', 'خلصنا', 'ايوه', 'اوكي', 'انجام شد', 'تموم شد', 'تمومه', 'اوكيه', 'خلاص', 'khalas', 'tamam', 'tam', 'anjam shod', 'tamoom shod'].map(foldLetters).join('|')})(?: |$)`, 'u');
const BEFORE_DONE = new Set(['me', 'us', 'once', 'when', 'it', 'is', "it's", 'you', 'are', "you're", 'youre', 'back', 'saying', 'that', "it's", 'its', 'لي', 'ليا', 'لنا', 'انه', 'انو', 'بهم', 'به من', 'بگو', 'بگيد', 'که', 'كه']);
function saysOnlyDone(clause: Clause, v: Hit): boolean {
  let i = v.last + 1;
  while (i < clause.tokens.length && BEFORE_DONE.has(clause.tokens[i]!)) i++;
  return DONE_WORD.test(clause.tokens.slice(i, i + 2).join(' '));
}
const OWN_OBJECT = /^(?:(?:me|us) )?(?:the |a )?(?:time|date|day|hour|moment|reason|way|place|amount)(?: |$)/;
/** (round 26) A screen's picture, as noun or verb: "screenshot", "capture", the imperative "صوّر" (the picture's nouns are `PICTURE`'s). */
const SCREEN_PICTURE = new RegExp(`^(?:${['screenshots?', 'screen ?shots?', 'screengrabs?', 'captures?', '(?:و|ف)?صور(?:ي|و|يلي|لي)?'].map(foldLetters).join('|')})$`, 'u');
/** (round 26) The verb's own object is a picture ("send me a screenshot of the error", "ارسل لي صورة الشاشة") that no secret stands in. */
function picturesAfter(clause: Clause, v: Hit, objects: Hit[]): boolean {
  let i = v.last + 1;
  while (WRITER_ADDRESSEE.test(clause.tokens[i] ?? '')) i++;
  if (/^(?:a|an|the|your|this|that|some|one)$/.test(clause.tokens[i] ?? '')) i++;
  return !objects.some((o) => o.at >= i && o.at <= i + 3) && pictureOfTheScreen(clause, i, i + 1);
}
/** A screen and what goes wrong on it: what a picture of it shows is no secret. */
const SCREEN_THING = new RegExp(`^(?:${['screens?', 'errors?', 'page', 'erreur', 'ecran', 'écran', 'ekran\\S*', 'khato\\S*', '(?:ال)?(?:شاشه|خطا|ايرور|ارور|صفحه)\\S*', 'خطا', 'ارور', 'صفحه\\S*'].map(foldLetters).join('|')})$`, 'u');
/** A picture word among tokens [from, to) whose object, within the next four words, is the screen or an error, and no message is pictured. */
function pictureOfTheScreen(clause: Clause, from: number, to: number): boolean {
  const w = clause.tokens;
  for (let i = from; i < to; i++) {
    if (!(PICTURE_WORD.test(w[i] ?? '') || SCREEN_PICTURE.test(w[i] ?? ''))) continue;
    // (…"of the error message": the screen's word first, whatever it qualifies)
    const at = w.slice(i + 1, i + 5).findIndex((x) => SCREEN_THING.test(x));
    if (at >= 0 && !hits(w.slice(i + 1, i + 1 + at).join(' '), CARRIER).length) return true;
  }
  return false;
}
const ARRIVAL_ADVERB = /^(?:now|just|soon|shortly|today|right now|instantly|automatically|الان|هلق|دلوقتي|هسه|حالا)$/u;
const INTERROGATIVE = new RegExp(`^(?:${['weh', 'what', "what's", 'whats', "whit's", 'whits', "wot's", 'wots', "wat's", 'which', 'wetin(?: be| dey)?', 'وش', 'ايش', 'شو', 'شنو', 'اشنو', 'شنهو', 'شنوه', 'واش', 'ما', 'ايه', 'ما هو', 'ما هي', 'كام', 'كم', 'chnou', 'chnu', 'shnu', 'shno', 'eh', 'ehh', 'shu', 'sho'].map(foldLetters).join('|')})$`, 'u');
// a count or a size word describes the secret asked about ("what are the 3 little numbers by the signature?")
// (round 22) Caribbean and West African creole articles and possessives: "weh di three number dem", "wetin be yuh code"
const COPULA = new Set(['di', 'de', 'dat', 'yuh', 'yu', 'ya', 'yer', 'yor', 'yo', 'ye', 'yur', 'yah', 'thy', 'is', 'was', 'are', 'the', 'your', 'ur', 'my', 'memorable', 'current', 'secret', '3', 'three', '4', 'four', '6', 'six', 'little', 'small', 'tiny', 'short', 'lil', 'هو', 'هي', 'هيا', 'هوا', 'el', 'al', 'le', 'la', 'les', 'ton', 'votre']);
// (round 37) Arabic relatives with "و" joined ("والذي أُرسل إلى هاتفكم"): the clause's "and" before a description, not a new verb
const RELATIVE = /^(?:that|which|we|و?(?:اللي|الي|اللى|الذي|التي)|يلي|كه|ke|elli|illi|wey)$/u;
const LABELLED = new RegExp(`(?:^| )(?:${['labell?ed', 'marked', 'titled', 'مكتوب(?: عليها| عليه| فيها)?', 'بعنوان', 'با عنوان', 'به اسم'].map(foldLetters).join('|')})$`, 'u');
const SAYING = new RegExp(`^(?:${['tell', 'say', 'بگو\\S*', 'بگي(?:د|ن)', 'bego\\S*', 'begu\\S*', 'begid', 'begin'].map(foldLetters).join('|')})$`, 'u');
const RELATIVE_OR_YOU = /^(?:that|which|you|u)$/;

/** Verbs of telling, each language's imperative (what the reader is to say to someone). */
const TELLING = new RegExp(`^(?:${['tell', 'ask', 'remind', 'بگو\\S*', 'بگي(?:د|ن)', 'بفرماي(?:د|يد|ين)', 'bego\\S*', 'begu\\S*', 'begid', 'begin', 'قول(?:ي|و|وا)?', 'قل(?:ي|و)?', 'خبر(?:ي|و)?', 'بلغ(?:ي|و)?', 'كلم(?:ي|و)?', '(?:ق|گ)ول(?:ي|و)?', 'bol(?:o|ein|en|iye|ein|dein|do|na)?', 'batao', 'bataiye', 'bataein', 'samjhao', 'sabihin\\S*', 'gaya', 'fada', 'mwambie', 'waambie'].map(foldLetters).join('|')})$`, 'u');
/** The writer's own side as a telling verb's addressee: "tell me", "به من بگو", "mujhe bolo". */
const WRITER_ADDRESSEE = new RegExp(`^(?:${['me', 'us', 'من', 'ما', 'بنده', 'خودم', 'mujhe', 'hume', 'humein', 'hamein', 'mujh', 'mere', 'akin', 'amin', 'ni', 'mini', 'sisi', 'لي', 'ليا', 'لنا', 'لينا', 'الي', 'الينا'].map(foldLetters).join('|')})$`, 'u');
const POSSESSIVE = /^(?:your|ur|his|her|their|the|yer|yo)$/;
/**
 * (round 25) A verb of telling addressed to a third person — Persian "به X بگید", Urdu "X ko bolein", Arabic "قول لX",
 * English "tell your mum (to)", Tagalog "sabihin … kay X", Hausa "gaya wa X" — relays an instruction to them; what is told
 * is not handed to us (a hand-over to us in the same reply is read by its own verb).
 */
function tellsAThirdPerson(clause: Clause, v: Hit): boolean {
  if (!TELLING.test(clause.tokens.slice(v.at, v.last + 1).join(' ')) && !TELLING.test(clause.tokens[v.at] ?? '')) return false;
  const w = clause.tokens;
  const before = (i: number) => w[v.at - i] ?? '';
  const after = (i: number) => w[v.last + i] ?? '';
  const third = (x: string) => /^\p{L}{2,}$/u.test(x) && !WRITER_ADDRESSEE.test(x) && !READER_WORD.test(x);
  if (before(2) === 'به' && third(before(1))) return true;
  if (before(3) === 'به' && third(before(2)) && !WRITER_ADDRESSEE.test(before(1))) return true;
  if (before(1) === 'ko' && third(before(2))) return true;
  if (/^ل\S{2,}$/u.test(after(1)) && !WRITER_ADDRESSEE.test(after(1))) return true;
  if (/^(?:kay|kina|wa|ga)$/.test(after(1)) && third(after(2))) return true;
  if (/^(?:kay|kina|wa|ga)$/.test(after(2)) && third(after(3))) return true;
  return POSSESSIVE.test(after(1)) && third(after(2)) && !WRITER_ADDRESSEE.test(after(2)) && /^(?:to|that|ke|na)$/.test(after(3));
}
const READER_WORD = /^(?:you|u|شما|تو|انت|انتي|aap|ap|tum|ikaw|kayo|wewe)$/u;
const LOGS_IN = /^(?:log|logs|logging|login|sign|signs|signing|signin)$/;

/** A request verb whose object is something named that is not a secret: "send me a screenshot of the error". */
function handsOverSomethingElse(clause: Clause): boolean {
  return hits(clause.text, STRONG_REQUEST).some((v) => {
    let i = v.last + 1;
    while (/^(?:me|us)$/.test(clause.tokens[i] ?? '')) i++;
    return /^(?:a|an|the|your|this|that|some)$/.test(clause.tokens[i] ?? '') && /^[a-z]{3,}$/.test(clause.tokens[i + 1] ?? '');
  });
}

/** "Did you share the code with anyone?", "have you given your PIN to someone?": a question about what happened. */
function askedAboutThePast(clause: Clause, v: Hit): boolean {
  let i = v.at - 1;
  while (i > 0 && /^(?:ever|already|just|not|maybe|perhaps)$/.test(clause.tokens[i]!)) i--;
  // …and "did it mention a login?": a question about what the message did, not a request
  const subject = clause.tokens[i] ?? '';
  if (!/^(?:you|u|anyone|someone|somebody|it|they)$/.test(subject) || !/^(?:did|have|has|had|didn't|haven't|hasn't|does|do)$/.test(clause.tokens[i - 1] ?? '')) return false;
  // (but "what did it say?" asks for what the message holds)
  return !/^(?:it|they)$/.test(subject) || !WH.has(clause.tokens[i - 2] ?? '');
}

/**
 * "If you sent me your password by mistake before, change it now", "لو كنت بعتلي الباسورد قبل كده بالغلط", "اگه قبلاً
 * اشتباهی فرستادی": a hand-over that already happened by mistake, as the condition of advice, is the event, not the ask.
 */
function handedOverByMistake(clause: Clause, v: Hit, subordinators: Hit[]): boolean {
  return subordinators.some((s) => s.last < v.at && v.at - s.last <= 4) && hits(clause.text, BY_MISTAKE).length > 0;
}
const BY_MISTAKE = ['by mistake', 'by accident', 'accidentally', 'mistakenly', 'in error', 'earlier', 'before', 'previously', 'already', 'ever', 'بالغلط', 'غلط', 'بالخطا', 'عن طريق الخطا', 'خطا', 'قبل كده', 'قبل كدا', 'من قبل', 'سابقا', 'مسبقا', 'قبل شوي', 'اشتباهي', 'اشتباها', 'به اشتباه', 'قبلا', 'قبلش', 'bel ghalat', 'bil ghalat', 'eshtebahi', 'ghablan', 'abl keda'];

/** "Please request a new code from the app": the customer obtains a fresh one, nobody receives it. */
function obtainsANewOne(clause: Clause, v: Hit): boolean {
  const verb = clause.tokens.slice(v.at, v.last + 1).join(' ');
  // "اضغط على إعادة إرسال الرمز": re-sending the code to the customer (not "إعادة إرسال محتواها إلينا", to us)
  if (/^(?:اعاده|باعاده)$/u.test(clause.tokens[v.at - 1] ?? '')) return !hits(clause.text, TO_WRITER_PLACE).some((p) => p.at > v.last);
  if (!OBTAIN.test(verb)) return false;
  // "request a new code", and Arabic/Persian with the adjective after the noun: "اطلب رمز جديد", "یه کد جدید بگیر"
  const after = clause.tokens.slice(v.last + 1, v.last + 4);
  return /^(?:a new|new|another|a fresh|fresh)(?: |$)/.test(after.slice(0, 2).join(' ')) || after.slice(1, 3).some((w) => NEW_ONE.test(w));
}
const OBTAIN = new RegExp(`^(?:${['request', 'requesting', 'get', 'generate', '(?:و|ف)?اطلب\\S*', 'بگير\\S*', 'درخواست'].map(foldLetters).join('|')})$`, 'u');
/** (round 38) Persian "request" before a light verb ("درخواست بدید", "درخواست کنید"): asking the system for a code. */
const REQUEST_LIGHT = new RegExp(`^(?:${['درخواست', 'darkhast'].map(foldLetters).join('|')})$`, 'u');
const NEW_ONE = new RegExp(`^(?:${['جديد\\S*', 'تاني', 'ثاني', 'اخر', 'جديد', 'ديگه', 'ديگر', 'تازه'].map(foldLetters).join('|')})$`, 'u');

/** "Our records show…", "the app will show…": a noun after a determiner right before the verb is its subject. */
function hasItsOwnSubject(clause: Clause, v: Hit, objects: readonly Hit[] = []): boolean {
  const det = clause.tokens[v.at - 2] ?? '';
  const noun = clause.tokens[v.at - 1] ?? '';
  // "…in the app where it says verify": a third-person pronoun right before the verb is its subject, not the reader
  // …unless a question inverts it: "what did it say?" asks what the message said
  if (/^(?:it|he|she|they)$/.test(noun) && !/^(?:did|does|do|will|would|can|could|should|has|have|had)$/.test(det)) return true;
  // "…in the app where it says verify", "tap the button marked send": the word a screen shows, not an instruction
  // "tap Verify", "press Send", "روی تأیید بزنید": the word after a tap is the button's name
  if (/^(?:tap|press|click|hit|select|choose|touch)$/.test(noun)) return true;
  if (/^(?:says|said|reads|shows|labell?ed|marked|called|named)$/.test(noun) && (v.last >= clause.tokens.length - 2 || /^(?:it|that|which|button|screen|field|box|tab|page|app|link|option)$/.test(det))) return true;
  // "The SMS got say 'don't share this code'": a verb of saying right after the message is what the message says
  if (/^(?:say|says|said|read|reads|show|shows|write|writes|wrote|mention\S*)$/.test(clause.tokens[v.at] ?? '') && !/^(?:me|us|it|them|to|out|back|here)$/.test(clause.tokens[v.last + 1] ?? '') && hits(clause.text, CARRIER).some((c) => c.last < v.at && v.at - c.last <= 2)) return true;
  // (round 37) …with a modal between: "the terminal may ask you for the PIN", Iraqi "البنك ممكن يطلب منك الرقم السري" (the
  // bank may ask you for the PIN): a named third party, then a third-person verb ("ي…"), asks — the reply tells of it
  // …asking the reader ("you", "منك"): one that asks "me" for it ("the system will ask me for your password") is our need
  const ofTheReader = clause.tokens.slice(v.at + 1, v.last + 2).some((w) => /^(?:you|u|منك|منكم|منج)$/u.test(w));
  if (ofTheReader && THIRD_MODAL.test(noun) && /^(?:the|this|that|their)$/.test(clause.tokens[v.at - 3] ?? '') && /^[a-z]{3,}$/.test(det) && !OWN_SIDE.test(det)) return true;
  if (ofTheReader && /^ي\S{2,}$/u.test(clause.tokens[v.at] ?? '')) {
    const subject = THIRD_MODAL.test(noun) ? det : noun;
    // …never a word of the secret itself ("الرقم السري يطلبه منك الموظف": the PIN is the object, the staff the asker)
    const subjectAt = THIRD_MODAL.test(noun) ? v.at - 2 : v.at - 1;
    if (!objects.some((o) => o.at <= subjectAt && subjectAt <= o.last) && /^ال\S{2,}$/u.test(subject) && !/^(?:الرجاء|الان|الحين|اللي|الي|الذي|التي|الموظف\S*|المندوب\S*|الفني\S*|الفريق|الزميل\S*|الدعم|المختص\S*|الوكيل)$/u.test(subject)) return true;
  }
  return /^(?:our|the|this|that|their|my|his|her|its)$/.test(det) && /^[a-z]{3,}$/.test(noun) && !/^(?:please|kindly|just|now|then|also|only|you|they|she|time|once|moment|week|day|morning|evening|way)$/.test(noun);
}

/** A modal between a third party and its verb: "the bank may ask", "البنك ممكن يطلب", "الجهاز راح يطلب". */
const THIRD_MODAL = /^(?:may|might|will|would|can|could|should|must|ممكن|قد|راح|رح|ح|حي|بلكي|يمكن|ربما)$/u;
/** Our own side as the asker: "our team will ask you" stays ours. */
const OWN_SIDE = /^(?:team|agent|agents|staff|colleague|colleagues|department|dept|support|office|side|we|i)$/;

/** An object passive right after the secret: "the code was sent", "رمز ارسال شد". */
const SECRET_AS_SUBJECT = /^(?:was|were|is|has|have|had|got|gets|will|arrived|came|went)$/;
const WH = new Set(['which', 'what', 'where', 'when', 'whether', 'how', 'why', 'if']);

/**
 * "Tell me which phone number the code was sent to": the verb's object is a question about something else (a phone
 * number, a time), and the secret is only the subject inside it.
 */
function asksAboutSomethingElse(clause: Clause, verbLast: number, o: Hit): boolean {
  const between = clause.tokens.slice(verbLast + 1, o.at);
  const wh = between.findIndex((w) => WH.has(w));
  if (wh < 0 || wh === between.length - 1) return false;
  return SECRET_AS_SUBJECT.test(clause.tokens[o.last + 1] ?? '');
}

const OPENERS = new Set(['hey', 'hi', 'ok', 'okay', 'so', 'now', 'just', 'please', 'kindly', 'also', 'then', 'and', 'quickly', 'right', 'alright', 'great', 'sure', 'go', 'ahead', 'be', 'a', 'star', 'can', 'could', 'would', 'will', 'you', 'mind', 'dear', 'sir', 'madam', 'customer']);
const NOT_A_VERB = new Set(['i', 'we', "we'll", "i'll", "we've", "i've", "we're", "i'm", 'they', 'he', 'she', 'it', 'this', 'that', 'these', 'those', 'the', 'an', 'our', 'your', 'my', 'his', 'her', 'their', 'if', 'when', 'once', 'after', 'before', 'as', 'since', 'because', 'while', 'until', 'unless', 'what', "what's", 'which', 'who', 'where', 'why', 'how', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'should', 'may', 'might', 'must', 'have', 'has', 'had', 'there', 'here', 'no', 'not', 'never', 'nobody', 'anyone', 'someone', "don't", 'dont', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'of', 'or', 'but', 'thanks', 'thank', 'sorry', 'yes', 'keep', 'stay', 'report', 'flag', 'block', 'delete', 'ignore', 'hang', 'complain', 'warn']);
/** Where a thing goes when it comes to us: "over to me", "in here", "my way", "across". */
const TO_US = /(?<=^| )(?:to (?:me|us)|over|across|in here|my way|our way|back to (?:me|us)|here|below|(?:in|into) (?:the |this )?(?:reply|chat|reply box|chat box|box below))(?= |$)/u;

/**
 * An English imperative whose verb the lexicon does not know ("shoot it over to me", "pop the long number in
 * here"): the clause starts with a word that is not a pronoun, article, auxiliary, subordinator or a reporting verb,
 * a secret named in the clause is its object, and it goes to us. The destination carries the meaning, not the verb.
 */
function handedToUs(clause: Clause, objects: ObjectHit[]): RequestedSecret | undefined {
  if (!/^[a-z' ]+$/.test(clause.text)) return undefined;
  let i = 0;
  while (i < clause.tokens.length - 1 && OPENERS.has(clause.tokens[i]!)) i++;
  // the destination is "to me", "over", "in here" — or the verb's own indirect object: "feed me the code", "get us the PIN"
  if (!TO_US.test(clause.text) && !/^(?:me|us)$/.test(clause.tokens[i + 1] ?? '')) return undefined;
  const first = clause.tokens[i] ?? '';
  if (NOT_A_VERB.has(first) || !/^[a-z]{2,}$/.test(first)) return undefined;
  const object = objects.find((o) => o.at > i);
  if (!object) return undefined;
  // a verb the lexicons know was judged already ("let me know when…", "tell me which number…")
  if ([...hits(clause.text, STRONG_REQUEST), ...hits(clause.text, WEAK_ENTRY_VERBS)].some((v) => v.at === i)) return undefined;
  if (clause.tokens.slice(i + 1, object.at).some((w) => WH.has(w) || hits(w, SUBORDINATORS).length)) return undefined;
  return object.kind as RequestedSecret;
}

/** "a text message", "the email", "your DM": these request verbs are nouns after an article or a possessive. */
const NOUNISH_VERBS = new Set(['text', 'message', 'email', 'e-mail', 'mail', 'dm', 'post', 'request', 'screenshot', 'copy', 'whatsapp']);
const NOUN_BEFORE = new Set(['a', 'an', 'the', 'this', 'that', 'your', 'our', 'my', 'text', 'sms', 'whatsapp', 'same', 'any', 'every', 'each', 'by', 'via', 'through', 'per']);
function usedAsNoun(clause: Clause, v: Hit): boolean {
  // "…'your OTP is 482913, share it' type messages are not from us": "type of", "type messages" name a kind of thing
  if (clause.tokens[v.at] === 'type' && /^(?:of|messages?|texts?|sms|msgs?|calls?|emails?|mails?|scams?|links?)$/.test(clause.tokens[v.at + 1] ?? '')) return true;
  if (v.at !== v.last || !NOUNISH_VERBS.has(clause.tokens[v.at] ?? '')) return false;
  // "…a 'Support Team' message asking for your code": a participle or "from" after it makes the verb a noun
  return NOUN_BEFORE.has(clause.tokens[v.at - 1] ?? '') || /^(?:asking|saying|telling|claiming|wanting|requesting|demanding|from)$/.test(clause.tokens[v.at + 1] ?? '');
}

/** The writer is the verb's subject ("we'll send you…") — not a "we" inside the secret's description ("the SMS we sent"). */
/** "احنا محتاجين الرقم السري", "we need your PIN": the writer's need is a request, whoever its subject is. */
const NEED_VERB = new RegExp(`^(?:${['need', 'needs', 'want', 'require', '(?:م|مش)?حتاج\\S*', 'محتاج\\S*', 'نحتاج\\S*', 'احتاج\\S*', 'عايز\\S*', 'عاوز\\S*', 'بد(?:نا|ي)', 'داير(?:ين|ه|ن)?', 'نبي', 'نبغي', 'نبغى', 'لازم(?:نا|ني)', 'me7tag\\S*', 'ma7tag\\S*', '3ayz\\S*', '3ayez\\S*'].map(foldLetters).join('|')})$`, 'u');

const FROM_YOU_OR_NOTHING = new RegExp(`^(?:(?:${['your', 'ur', 'the', 'from you', 'منك', 'منكم', 'من حضرتك', 'من جنابك', 'منك يا فندم', 'ازت', 'از شما', 'ازتون'].map(foldLetters).join('|')})(?: |$))*$`, 'u');

function writerActs(t: string, v: Hit, objects: Hit[] = []): boolean {
  // …when the secret is its object ("we need to send you the new PIN" is the writer acting)
  const words = t.split(' ');
  // (…"from you" may stand between: "احنا محتاجين من حضرتك الكود", "we need from you the code")
  const between = (o: Hit) => words.slice(v.last + 1, o.at).join(' ');
  if (NEED_VERB.test(t.slice(v.start, v.end)) && objects.some((o) => o.at > v.last && FROM_YOU_OR_NOTHING.test(between(o)))) return false;
  const before = hits(t, WRITER_ACTS).filter((w) => w.last < v.at && v.at - w.last <= 3 && !objects.some((o) => o.start <= w.start && w.end <= o.end));
  if (!before.length) return false;
  const lastWriter = Math.max(...before.map((w) => w.last));
  // "the SMS we sent and drop it here": the writer's verb is past and done; "and" starts the reader's imperative
  if (/^(?:sent|texted|messaged|emailed|got|did|had|[a-z]+ed)$/.test(words[lastWriter + 1] ?? '') && words.slice(lastWriter + 2, v.at).includes('and')) return false;
  return !hits(t, READER).some((r) => r.at > lastWriter && r.last < v.at);
}

function toReader(clause: Clause, v: Hit): boolean {
  const verbToken = clause.tokens[v.last] ?? '';
  if (AR_TO_READER_SUFFIX.test(verbToken) && !/(?:لي|لنا)$/u.test(verbToken)) return true;
  // "send you", "send it to you" — but not "paste whatever you got", where "you" begins a relative clause
  if (hits(clause.text, TO_READER).some((r) => r.at === v.last + 1 || (r.at === v.last + 2 && /^(?:it|them|this|that|one|back|again|over)$/.test(clause.tokens[v.last + 1] ?? '')))) return true;
  // (round 26) "tell me the code on your phone": with the writer right after the verb as its receiver, the reader's place says where the secret is
  if (/^(?:me|us)$/.test(clause.tokens[v.last + 1] ?? '')) return false;
  // "محتاجين الكود اللي اتبعت على رقمك": a relative word between verb and place makes the place describe the object
  // (round 27) …and an adverb between the object's verb and the place ("the OTP coming now to your number") is the arrival's
  const describer = (at: number) => (ARRIVAL_ADVERB.test(clause.tokens[at - 1] ?? '') && at - 1 > v.last ? clause.tokens[at - 2] : clause.tokens[at - 1]) ?? '';
  // (round 37) …and one past a purpose word is the purpose's: "… بفرستید تا براتون reset کنم" (send it, so I reset it for you)
  return hits(clause.text, TO_READER_PLACE).some((r) => r.at > v.last && !PLACE_DESCRIBES_OBJECT.test(describer(r.at)) && !clause.tokens.slice(v.last + 1, r.at).some((w) => RELATIVE.test(w) || PURPOSE_WORD.test(w)));
}

/** A purpose clause's first word after a request: Persian "تا", Arabic "عشان"/"لكي", English "so". */
const PURPOSE_WORD = /^(?:تا|ta|عشان|علشان|لكي|كي|حتى|so)$/u;

/** The verb carries its object as a suffix: Arabic ابعتهولي, اكتبه; Persian بفرستش, بفرستیش, befrestesh. */
function suffixObject(verbToken: string): boolean {
  return AR_OBJECT_SUFFIX.test(verbToken) || ARABIZI_OBJECT_SUFFIX.test(verbToken) || /^(?:ب|مي ?)\S{3,}(?:ش|يش|يدش|ينش)$/u.test(verbToken) || /^be\S{3,}(?:e?sh|idesh|inesh)$/.test(verbToken);
}

/** Every request or entry verb, as one list (compiled once). */
const ANY_VERB = [...STRONG_REQUEST, ...WEAK_ENTRY_VERBS];

const OWN_NOUN = new RegExp(`^(?:${['numbers?', 'num', 'numero', 'numéro', 'ra[q29]m', '(?:ال)?رقم', 'order', 'commande', 'facture', 're[cç]u', 'transaction', 'reference', 'ref', 'capture', 'screenshot'].map(foldLetters).join('|')})$`, 'u');
function ownObjectAfterOnly(clause: Clause, v: Hit, objects: readonly Hit[]): boolean {
  if (!ONLY_INSTEAD.test(clause.tokens.slice(v.last + 1).join(' '))) return false;
  const next = clause.tokens[v.last + 2];
  // "ab3atholi ghir l code" is still the secret
  if (objects.some((o) => o.at > v.last && o.at <= v.last + 4)) return false;
  return OWN_NOUN.test(next ?? '') || PICTURE_WORD.test(next ?? '');
}
function refersBack(clause: Clause, v: Hit, objects: readonly Hit[] = []): boolean {
  const verbToken = clause.tokens[v.last] ?? '';
  // …but "صوره الايصال" is "a photo of the receipt": a final ه before a definite noun is a noun's construct, not "it"
  // (round 24) …and a Persian verb's final ه is its third-person subject ("شماره خط رو بنویسه", let him write the line
  // number) when the clause marks its object with را/رو/ره before it: "it" is the clitic ش, never a second object
  if (PERSIAN_CLAUSE.test(clause.text) && /ه$/u.test(verbToken) && clause.tokens.slice(0, v.at).some((w) => /^(?:را|رو|ره)$/u.test(w))) return false;
  // (round 26) "صوّر الشاشة وارسلها", "screenshot the error and send it to me": after a picture of the screen or the error in this clause, "it" is the picture
  if (pictureOfTheScreen(clause, Math.max(0, v.at - 6), v.at)) return false;
  // (round 25) …and "صورة عن رسالة الخطأ", "صوره من الشاشة": a picture noun before "of" depicts what follows, no "it" in it
  // (round 27) …nor one followed by its own object after "only" ("ab3athli ken num de transaction w capture": ب-ع-ث + "li", send me)
  if (suffixObject(verbToken)) return !/^ال\S{2,}$/u.test(clause.tokens[v.last + 1] ?? '') && !(PICTURE_WORD.test(verbToken) && PICTURE_OF.test(clause.tokens[v.last + 1] ?? '')) && !ownObjectAfterOnly(clause, v, objects);
  // (round 19) a Persian light verb carries "it" on its first part: "تایپش کن", "واردش کنید"
  // (the part without the clitic is still the verb: "گزارش دهید" is "report", no "it" in it)
  // (round 26) …or "them" on it: "کپیشون کن"
  const clitic = /^\S{3,}?(ش|شون|شان)$/u.exec(clause.tokens[v.at] ?? '');
  if (v.last > v.at && clitic) {
    const bare = [clause.tokens[v.at]!.slice(0, -clitic[1]!.length), ...clause.tokens.slice(v.at + 1, v.last + 1)].join(' ');
    if (hits(bare, ANY_VERB).some((h) => h.at === 0 && h.end === bare.length)) return true;
  }
  // "let me know if it worked": a pronoun after "if/when" is the subject of another clause, not the verb's object
  const subordinators = hits(clause.text, SUBORDINATORS);
  // "same you have to tell me": a modal between the pronoun and the verb keeps them together
  const near = (r: Hit) => Math.abs(r.at - v.last) <= 3 || Math.abs(v.at - r.last) <= 3 || (r.last < v.at && clause.tokens.slice(r.last + 1, v.at).every((w) => MODAL_FILLER.has(w)));
  // MSA "إبلاغنا به": the object after a verbal noun, as "به/بها"
  const arabicBih = !PERSIAN_CLAUSE.test(clause.text) && /^(?:به|بها|بهم)$/u.test(clause.tokens[v.last + 1] ?? '');
  // Nigerian Pidgin "paste am here": "am" right after a verb is its object, "it"
  const pidginAm = clause.tokens[v.last + 1] === 'am' && /^[a-z]/.test(clause.tokens[v.last] ?? '');
  // Persian verb-final "آن را به همکار ما که تماس می‌گیرد اعلام کنید": the marked pronoun is the final verb's object however long the aside between
  const persianMarked = PERSIAN_CLAUSE.test(clause.text) && v.last >= clause.tokens.length - 2 && clause.tokens.slice(0, v.at).some((w, i) => /^(?:ان|اون|اينو|اونو)$/u.test(w) && /^(?:را|رو)$/u.test(clause.tokens[i + 1] ?? '') && !clause.tokens.slice(i + 2, v.at).some((x) => /^(?:را|رو)$/u.test(x)));
  // (round 26) "if it acts up, send me a picture of the screen": a pronoun right after "if/when", before the verb, is the subordinate clause's subject
  const subjectOfIf = (r: Hit) => r.last < v.at && subordinators.some((s) => s.last === r.at - 1);
  return arabicBih || pidginAm || persianMarked || hits(clause.text, BACK_REFERENCE).some((r) => near(r) && !subjectOfIf(r) && !subordinators.some((s) => s.at > v.last && s.at < r.at) && !determinerOf(clause, r));
}

/** "…anyone but me", "لأي حد غيري": the exception is the hand-over. */
const EXCEPT = new RegExp(`(?:^| )(?:${['but', 'except', 'other than', 'besides', 'apart from', 'save', 'غير\\S*', 'الا', 'سوى', 'جز', 'به جز', 'siwa', 'ila', 'ghir', 'gher', 'ke siwa', 'maliban'].map(foldLetters).join('|')})(?: |$)`, 'u');
const PICTURE_OF = new RegExp(`^(?:${['عن', 'من', 'تبع\\S*', 'حق', 'حقت', 'مال\\S*', 'ديال\\S*', 'لل\\S{2,}'].map(foldLetters).join('|')})$`, 'u');
const DEMONSTRATIVE = /^(?:that|this|those|these|same|the same)$/;
/** Words a pronoun may stand before ("send that to me", "forward this here please"): after anything else a demonstrative is a determiner. */
const AFTER_A_PRONOUN = /^(?:you|u|ya|yu|yuh|i|we|he|she|they|it|me|us|is|was|will|must|should|can|could|would|has|have|had|to|here|there|over|back|again|now|asap|please|pls|plz|for|on|in|into|through|via|with|as|quickly|right|too|also|and|so|or|if|when|because|since|once|sir|madam|mam|maam|bro|dear|immediately|soon|first|then|itself|one|ones|exactly|pronto|only|alone)$/;
/**
 * (round 25) "send a screenshot of that error", "send me this page": a demonstrative before a noun that is no secret
 * is that noun's determiner, not "it" standing for the secret named before ("that code", "those digits" are
 * `BACK_REFERENCE`'s own entries and stay).
 */
function determinerOf(clause: Clause, r: Hit): boolean {
  if (r.at !== r.last || !DEMONSTRATIVE.test(clause.tokens[r.at] ?? '')) return false;
  const next = clause.tokens[r.last + 1];
  if (!next || !/^\p{L}{2,}$/u.test(next) || AFTER_A_PRONOUN.test(next)) return false;
  // (the few words after it are enough to start a noun phrase: reading the clause's rest per demonstrative would cost its square)
  const rest = clause.tokens.slice(r.last + 1, r.last + 8).join(' ');
  return !hits(rest, CARRIER).some((h) => h.at === 0) && !hits(rest, MESSAGE_CONTENT).some((h) => h.at === 0) && !hits(rest, ANY_SECRET).some((h) => h.at === 0);
}
const ANY_SECRET = KIND_ORDER.flatMap((k) => OBJECTS_BY_KIND[k]);

/** (round 36) A clause that pictures the message and sends the picture: a transfer verb, not negated, not into the app. */
function picturedAndSent(clause: Clause): boolean {
  const t = clause.text;
  if (hits(t, NEGATION).length || hits(t, CLAUSE_NEGATION).length || hits(t, IN_APP).length) return false;
  // (a picture taken and kept, "take a screenshot of it for your records", hands nothing over: a verb that sends it on must be there)
  return hits(t, STRONG_REQUEST).some((v) => !PICTURING.test(t.slice(v.start, v.end)) && !writerActs(t, v) && !toReader(clause, v));
}
const PICTURING = new RegExp(`^(?:${['take a (?:photo|picture|pic|screenshot|snap)', 'click a (?:photo|picture|pic)', 'screenshot', 'snap', 'photograph', 'copy', 'capture', 'save', 'keep', 'صور\\S*', 'صوره\\S*', 'عكس', 'بگير\\S*', 'begir\\S*', 'sawer\\S*', 'sawar\\S*'].map(foldLetters).join('|')})$`, 'u');
