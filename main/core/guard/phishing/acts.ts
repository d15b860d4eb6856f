/**
 * The inbound guard's clause reading: in each clause of a customer's message, who acts, the act (give, tell or read
 * out, send, type in, pay, take), what is handed over and to whom. The hand-over flag (`handed-over.ts`) is read from
 * these facts ("I gave him the code": the customer, give, a code, a stranger — the secret is out of their hands), not
 * from phrases; so is a fee (`scam-patterns.ts` `feeForRelease`: a pay act that is not the customer's own past payment,
 * and what it releases after it).
 *
 * A verb is read by its shape, per language: a stem (the lexicon below, one entry per verb) with the language's person
 * endings and pronoun clitics around it — Arabic `(و|ف)? stem (ت)? (ه|ها|هم|و)? (ل…)? (ش)?` ("اديتو", "قلتهوله",
 * "ما عطيتهوش"), Persian `(ن)? past-stem (م|وم|يم)? (ش)?` ("دادوم", "نگفتم", "دادمش"), Latin Persian and Arabizi
 * likewise ("dodam", "nadadam", "3ateto"), English by subject and tense ("I gave", "my mum handed", "I give am").
 * Negation, the person and the recipient come from the clause around the verb; a pronoun object ("it", "ه", "ش")
 * is the secret the clause or the two before it named.
 */
import { clauses, foldLetters, normalizeText, type Clause } from '../text/clauses';
import { registerLexicon } from '../text/words';

/** `take`: the other side took it ("he took my card number", "کد رو ازم گرفت"). */
export type Act = 'give' | 'tell' | 'send' | 'type_in' | 'pay' | 'take';
export type Actor = 'me' | 'my_side' | 'them' | 'unknown';
export type Secret = 'otp' | 'pin' | 'password' | 'cvv' | 'card';
/** To a stranger, to us (support, the app), to the customer's own people, to nobody ("I gave it to nobody"). */
export type Recipient = 'them' | 'us' | 'mine' | 'nobody';

export interface ActFact {
  /** Index of the clause in `clauses(normalizeText(text))`. */
  clause: number;
  act: Act;
  actor: Actor;
  /** The verb is in the past (or the perfect, or a first-person present told as a story: "I give am my PIN"). */
  past: boolean;
  negated: boolean;
  /** Asked of someone (an order, an obligation, a question, a condition): not something that happened. */
  irrealis: boolean;
  secret?: Secret;
  recipient?: Recipient;
  /** A form, site or link the secret was typed into that is not ours ("the form the caller sent"). */
  theirPage?: boolean;
  /** What follows the verb in its clause, and the next clause: where a payment's purpose is ("pay 50 | to unfreeze it"). */
  rest: string;
}

// ——— the lexicon: one entry per verb stem, per language ———

const ACTS: Act[] = ['give', 'tell', 'send', 'type_in', 'pay', 'take'];

/** English stems with their irregular forms; regular forms (-s, -ed, -ing) are derived. */
const EN: Record<Act, string[]> = {
  give: ['give', 'gave', 'given', 'giving', 'hand', 'provide', 'share', 'pass', 'passed'],
  tell: ['tell', 'told', 'read', 'dictate', 'say', 'said'],
  send: ['send', 'sent', 'forward', 'text', 'whatsapp', 'email'],
  type_in: ['type', 'enter', 'put', 'key', 'fill', 'submit', 'submitted'],
  pay: ['pay', 'paid', 'deposit', 'transfer', 'transferred'],
  take: ['took', 'stole', 'stolen'],
};
const EN_PAST_IRREGULAR = new Set(['gave', 'given', 'told', 'said', 'sent', 'paid', 'passed', 'put', 'read', 'submitted', 'transferred', 'took', 'stole', 'stolen']);
/** Arabic stems (dialects and MSA), as the third person masculine past or its base: the person and clitics are derived. */
const AR: Record<Act, string[]> = {
  // (عط, اد, انط: the weak verbs' stems before the feminine ت, "امي عطت")
  give: ['عطي', 'عطا', 'عطى', 'عط', 'اعطي', 'اعطا', 'اعطى', 'ادي', 'ادى', 'اد', 'انطي', 'انطى', 'انط', 'نطي', 'زود', 'سلم'],
  tell: ['قل', 'قال', 'گل', 'گال', 'قري', 'قرا', 'خبر', 'ابلغ', 'ملي'],
  send: ['بعت', 'بعث', 'ارسل', 'رسل', 'دزي', 'دز', 'صيفط', 'سيفط'],
  type_in: ['دخل', 'ادخل', 'كتب', 'حط', 'دخلت'],
  pay: ['دفع', 'ادفع', 'حول', 'سدد', 'خلص', 'ودع', 'اودع', 'شحن'],
  take: ['اخذ', 'خذ', 'سرق'],
};
/** Persian past stems (the person ending is derived). */
const FA: Record<Act, string[]> = {
  give: ['داد'],
  tell: ['گفت', 'خوند', 'خواند'],
  send: ['فرستاد'],
  type_in: ['زد'],
  pay: ['ريخت', 'پرداخت'],
  take: ['گرفت', 'دزديد'],
};
/** Persian present stems, after ب, مي or ن (asked or not done yet: "بده", "بفرستید", "نمی‌دم"). */
const FA_PRESENT: Record<Act, string[]> = {
  give: ['ده', 'دي', 'ديد', 'دين', 'دم', 'دهيد', 'دهم', 'دهند', 'دن'],
  tell: ['گو', 'گي', 'گيد', 'گم'],
  send: ['فرست', 'فرستي', 'فرستيد', 'فرستين', 'فرستم'],
  type_in: ['زن', 'زني', 'زنيد', 'زنم'],
  pay: ['پرداز', 'پردازي', 'پردازيد', 'پردازم', 'ريز', 'ريزي', 'ريزيد', 'ريزم'],
  take: ['گير', 'گيري', 'گيريد', 'گيرم'],
};
/** Persian nouns that take a light verb (كرد, Dari كد, formal نمود): "وارد كردم", "روان كدم", "اعلام نمودم". */
const FA_LIGHT_NOUNS: Record<Act, string[]> = {
  give: ['تحويل'],
  tell: ['اعلام', 'ابلاغ', 'عرض'],
  send: ['روان', 'ارسال'],
  type_in: ['وارد', 'درج', 'تايپ'],
  pay: ['پرداخت', 'واريز', 'كارت به كارت'],
  take: [],
};
/** Persian and Tajik in Latin letters, and Arabizi: past stems. */
const LATIN_FA: Record<Act, string[]> = {
  give: ['dad', 'dod'],
  tell: ['goft', 'guft', 'khoond', 'khond'],
  send: ['ferestad', 'firistod', 'ferstad'],
  type_in: ['zad'],
  pay: ['pardakht', 'pardoxt', 'variz'],
  take: ['gereft', 'girift'],
};
const ARABIZI: Record<Act, string[]> = {
  give: ['3at', '3ati', '3aty', '3ti', '3t', '3ta', 'a3ti', 'a3ta', 'a3tay', 'edi', 'ady', 'adi'],
  tell: ['2ol', '2ul', 'qol', 'gol', '2are', '2ri'],
  send: ['ba3at', 'b3at', 'ersal', 'dzi', 'sifat'],
  type_in: ['dakhal', 'da5al'],
  pay: ['dafa3', 'dfa3', 'da3f', 'hawal', '7awal', 'hawel', '7awel', 'khalles', 'khales', 'khalas'],
  take: ['akhad', 'a5ad'],
};

// ——— secrets as objects ———

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const alt = (parts: string[]) => new RegExp(parts.map((p) => `${B}(?:${foldLetters(p)})`).join('|'), 'iu');
/**
 * Secrets by name or description; the first that matches names the type (a PIN before the code it is a kind of). Not a
 * code that is no secret: a delivery, order, promo or postal code.
 */
export const SECRETS: Array<[Secret, RegExp]> = [
  // …or described by where it is typed: "the 4 numbers I use at the cash machine"
  ['pin', alt(['(?:atm |card |m-?pesa |mobile )?pin(?: code| number)?(?:ro|ra|ru)?' + E, '(?:numbers?|digits?|code) (?:\\S+ ){0,4}?(?:at|in|into) (?:the |an? )?(?:atm|cash ?machine|cashpoint|صراف\\S*|خودپرداز)', '(?:ال)?رقم(?:ي|ك|ه)? (?:ال)?سري', '(?:ال)?(?:كود|رمز)(?:ي|ك|ه)? (?:ال)?سري', 'رمز (?:دوم|كارت)\\S*', 'ramze? dovom', 'ramzi? kart\\S*'])],
  ['password', alt(['pass ?word', 'passcode', '(?:ال)?باس ?و?ورد', 'پسورد', 'كلمه (?:ال)?(?:سر|مرور)', 'رمز (?:عبور|ورود)', 'ramz ?e? ?obur', 'parol(?:ro|ra|ru)?' + E])],
  // …or described by where it is printed: "the numbers on the back of my card", "الأرقام اللي ورا البطاقة", "el ar2am elly wara"
  ['cvv', alt(['cvv(?:ro|ra|ru)?' + E, 'cvc', 'security code', 'رمز (?:ال)?امان', '(?:numbers?|digits?|code) (?:\\S+ ){0,2}?(?:on|at|from) the back', '(?:ال)?(?:ارقام|رقم)\\S* (?:(?:اللي|الي|يلي|التي) )?(?:(?:على|ع|في|من) )?(?:ال)?(?:ورا|خلف|ظهر|ضهر)', '(?:el |al )?ar2am (?:\\S+ ){0,2}?(?:wara|dahr|da7r)'])],
  // a picture of the card shows its number: "a photo of the card, both sides", "صورة الكارت", "عکس کارت"
  ['card', alt(['(?:long )?(?:numbers?|digits?) (?:on|off|from) (?:the (?:front|back) of )?(?:my|the) card' + E, '(?:photo|picture|pic|scan|image|screenshot)s? of (?:my |the )?(?:\\S+ )?card' + E, 'صور(?:ه|ت)? (?:ال)?(?:كارت|بطاق|فيزا)\\S*', 'عكس (?:\\S+ )?كارت\\S*', 'card (?:number|no|details)', 'card' + E + '(?= (?:\\S+ )?(?:and|aur|or) (?:the )?expiry)', '(?:ال)?رقم (?:ال)?(?:بطاقه|كارت|فيزا)', 'شماره ?(?:ي )?كارت'])],
  ['otp', alt([
    '(?<!(?:delivery|order|promo|discount|tracking|coupon|referral|zip|postal|voucher|gift|area|country|qr|bar|error) )(?:verification |security |one[- ]time |login |sms |otp )?code' + E, 'otp' + E, 'one[- ]time password',
    // described: "the number that was texted to me", "the digits that came to my phone", "the six digits from the text"
    '(?:the )?(?:number|numbers|digits) (?:that |which )?(?:was |were |got )?(?:texted|sent|came|messaged|sms)', '(?:the )?(?:\\S+ )?(?:numbers?|digits) from (?:the|that|their|your) (?:text|sms|message)',
    '(?:ال)?رقم (?:اللي|الي|يلي|الذي) (?:\\S+ )?(?:وصل|جا|اجا|اجاه|جاله|جالها)\\S*', '(?:ال)?(?:كود|رمز|ارقام|الارقام)' + E + '(?! (?:ال)?(?:خصم|توصيل|طلب|شحن|بريدي|تتبع|كوبون))', 'ب(?:ال)?(?:كود|رمز)' + E + '(?! (?:ال)?(?:خصم|توصيل|طلب|شحن|بريدي|تتبع|كوبون))', 'كد(?:ي|ه|و|ش|رو)?' + E + '(?! (?:پيگيري|رهگيري|سفارش|مرسوله|تخفيف|پستي|ملي))', 'رمز' + E, 'شماره\\S* (?:اي )?كه (?:برام )?(?:اومد|اومده|امد|پيامك شد)', 'ramze?' + E, '(?:codi|kodi|kod)(?:ro|ra|ru)?' + E,
  ])],
];
// ——— the verbs' shapes ———

const fold = (xs: string[]) => xs.map((x) => foldLetters(x.toLowerCase()));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const group = (xs: string[]) => `(?:${fold(xs).sort((a, b) => b.length - a.length).map(escape).join('|')})`;

/**
 * One pattern per language: the prefix's groups, then each act's stems in a group of its own (which one matched names
 * the act), then the endings' groups. One test per token and language, not one per act.
 */
function shape(stems: Record<Act, string[]>, prefix: string, endings: string): RegExp {
  return new RegExp(`^${prefix}(?:${ACTS.map((a) => `(${group(stems[a])})`).join('|')})${endings}$`);
}
/** The act a `shape` match names, and its other groups in order (prefix groups, then ending groups). */
function actOf(m: RegExpExecArray, prefixGroups: number): { act: Act; groups: Array<string | undefined> } {
  const k = ACTS.findIndex((_, i) => m[1 + prefixGroups + i] !== undefined);
  return { act: ACTS[k]!, groups: [...m.slice(1, 1 + prefixGroups), ...m.slice(1 + prefixGroups + ACTS.length)] };
}
/** English: stem + regular ending, or an irregular form. */
const EN_VERB = shape(EN, '', '(?:s|es|ed|d|ing|ted|red)?');
/**
 * Arabic: conjunction, stem, a person ending (ت: I, or she), an object clitic, a "to him" clitic, the negation's ش.
 * The imperfect's person prefix (ا I, ن we; ت/ي you/he — asked of someone) is read apart.
 */
const AR_VERB = shape(AR, '(?:و|ف)?(ا|ن|ت|ي|بت|بي|هت|حت|ح|ه|رح)?', '(ي?ت|نا|و|وا)?(ه|ها|هم|و|هو|ك|كم)?(?:(ل|لل|لي)(ه|ها|هم|و|هو|ي|يه|يها|يهم|يهو)?)?(ش)?');
/** Persian: the negation's ن (or the present's مي), the past stem, the person ending, an object clitic. */
/** (round 25) The auxiliaries that make a Persian participle the teller's: "گفته‌ام", "داده بودم". */
const FA_MY_AUX = new Set(['ام', 'ايم', 'بودم', 'بوديم', 'am', 'boodam', 'budam']);
const FA_VERB = shape(FA, '(ن|مي ?)?', '(م|وم|يم|ين|يد|ن|ند|ه)?(ش|اش|شون)?');
/** Persian nouns with a light verb, by their first word. */
const FA_LIGHT = new Map<string, Array<{ act: Act; words: string[] }>>();
for (const act of ACTS) {
  for (const noun of FA_LIGHT_NOUNS[act]) {
    const words = foldLetters(noun).split(' ');
    FA_LIGHT.set(words[0]!, [...(FA_LIGHT.get(words[0]!) ?? []), { act, words }]);
  }
}
/** The light verb's past (كرد, كد, نمود) with its negation and person; its present (كن, نما) is asked, not done. */
const FA_LIGHT_VERB = /^(ن)?(?:(كرد|كد|نمود)|(?:مي ?|ب)?(كن|نما|ش|شود|شه))(م|وم|يم|ين|يد|ن|ند|ه|ي)?$/;
const FA_PRESENT_VERB = shape(FA_PRESENT, '(ب|مي ?|ن|نمي ?)', '(?:ش|تش|شون)?');
/** Latin-letter Persian light verbs: "variz konid", "pardakht kardam". */
const LATIN_FA_LIGHT_VERB = /^(na|ne)?(?:(kard|kad|namud)|(?:mi|be)?(kon|kun|sh))(am|um|im|in|id|i|e|an|and)?$/;
const LATIN_FA_VERB = shape(LATIN_FA, '(na|ne)?', '(am|um|im|in|id|and|an|e)?(esh|ash)?');
/** Arabizi's imperfect or imperative: a person prefix and the stem, no past ending ("edfa3", "nkhalles", "a7awel"). */
const ARABIZI_PRESENT = shape(ARABIZI, '(?:w|f)?(a|e|n|t|y|bt|by|ha|7a)', '(o|ha|hom|u)?(sh)?');
const ARABIZI_VERB = shape(ARABIZI, '(?:w|f)?(a|n|t|y|bt|by)?', '(?:e?t|et|it|ayt|eit)(ohou|hou|oh|ou|om|o|ha|hom|u)?(?:(l|el)(o|u|ha|hom))?(sh)?');

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LIGHT_NOUNS = new Map<string, Act>([['variz', 'pay'], ['pardakht', 'pay'], ['vared', 'type_in'], ['ersal', 'send'], ['rawon', 'send'], ['ravon', 'send']]);
/** Swahili in code-switched East African English: ni-li-m-pa(-e-a), "I gave him" (wa-: them). */
const SW_GAVE_HIM = /^nili(?:m|mw|wa)pe?a$/;

registerLexicon([...ACTS.flatMap((a) => [...EN[a], ...AR[a], ...FA[a], ...FA_PRESENT[a], ...FA_LIGHT_NOUNS[a], ...LATIN_FA[a], ...ARABIZI[a]])]);

// ——— the clause around the verb ———

const set = (xs: string[]) => new Set(fold(xs));
// (not Persian من or Tajik man: "from" in Arabic, "a man" in English; the Persian verb's ending names the person)
const FIRST_PERSON = set(['i', "i've", 'ive', 'we', "we've", 'انا', 'احنا', 'نحن', 'ana', 'e7na']);
/** The customer's own people: what they hand over is the customer's loss too. */
const MY_SIDE = set(['mum', 'mom', 'mother', 'dad', 'father', 'son', 'daughter', 'wife', 'husband', 'grandma', 'grandmother', 'grandpa', 'brother', 'sister', 'امي', 'ماما', 'ابوي', 'ابي', 'بابا', 'ابني', 'بنتي', 'مرتي', 'زوجتي', 'زوجي', 'جوزي', 'اختي', 'اخوي', 'اخي', 'جدتي', 'ستي', 'مامانم', 'مادرم', 'پدرم', 'بابام', 'پسرم', 'دخترم', 'زنم', 'شوهرم', 'خواهرم', 'برادرم', 'مادربزرگم', 'mamanam', 'madaram', 'pesaram', 'dokhtaram', 'modaram', 'mama', 'mami',
  // (round 31) more of the family a caller works on
  'grandad', 'granddad', 'grandfather', 'granny', 'gran', 'nan', 'nana', 'uncle', 'aunt', 'auntie', 'mummy', 'mamma', 'الوالده', 'الوالد', 'امي', 'جدي', 'خالتي', 'عمتي']);
/** (round 31) The third-person pronouns that can stand for one of the customer's people as well as for the stranger. */
const SUBJECT_PRONOUN = set(['he', 'she', 'هو', 'هي']);
export const THEM = set(['he', 'she', 'they', 'someone', 'somebody', 'caller', 'scammer', 'guy', 'man', 'woman', 'lady', 'person', 'stranger', 'bloke', 'agent', 'officer', 'engineer', 'technician', 'rep', 'representative', 'ايشان', 'وي', 'متصل', 'هو', 'هي', 'هم', 'واحد', 'شخص', 'زول', 'راجل', 'رجل', 'حدا', 'شب', 'الشب', 'المتصل', 'يكي', 'يارو', 'نفر', 'اون', 'او', 'kas', 'nafar', 'yeki', 'yaroo', 'u', 'oon', 'wa7ed', 'shab', 'jamaa']);
/** A recipient named: "to him", "له", "بهش", "ba u", "لواحد", "to the caller". */
const TO_THEM = new RegExp(`^(?:${group(['له', 'لها', 'لهم', 'لو', 'ليه', 'ليها', 'ليهم', 'ليهو', 'الو', 'الها', 'بهش', 'بش', 'برش', 'براش', 'واسش', 'بهشون', 'براشون', 'behesh', 'besh', 'barash', 'bahash'])})$`);
const TO_WORD = set(['to', 'with', 'ل', 'الى', 'لل', 'به', 'ba', 'be', 'la', 'lal', 'l', 'for']);
const US = set(['you', 'your', 'support', 'here', 'chat', 'app', 'application', 'lكم', 'لكم', 'ليكم', 'اليكم', 'هنا', 'شما', 'اينجا', 'برنامه', 'اپ', 'التطبيق', 'الابلكيشن', 'الابليكيشن', 'الابلكاسيون', 'الابليكاسيون', 'barnoma', 'barname', 'shumo', 'shoma']);
/** Nobody as the recipient: on its own (the first list) or after "to" (all of it: "to anybody", "ba hech kas", "لحد"). */
const NOBODY_ALONE = set(['nobody', 'anybody', 'anyone', 'noone', 'لحد', 'لأحد', 'لاحد', 'لحدا', 'هيچكس', 'هيشكي', 'hichkas', 'hichki']);
const NOBODY = set(['nobody', 'anybody', 'anyone', 'noone', 'لحد', 'لأحد', 'لاحد', 'احد', 'حد', 'لحدا', 'حدا', 'اشي', 'هيچكس', 'هيچ', 'هيشكي', 'كسي', 'hichkas', 'hech', 'kasi', 'hichki', '7ada', 'had']);
const NEGATION = set(['not', "didn't", 'didnt', "don't", 'dont', 'never', 'no', "haven't", "hadn't", "won't", "wasn't", 'ما', 'مش', 'مو', 'لم', 'لا', 'ماني', 'مب', 'نه', 'هرگز', 'ma', 'mesh', 'msh', 'mish', 'na', 'hargez', 'عمري']);
/** Words that make the act asked for, not done: an order, an obligation, a question, a condition, a future. */
const IRREALIS = set(['should', 'must', 'will', 'would', 'shall', 'can', 'could', 'if', 'to', 'please', 'kindly', 'make', 'need', 'want', 'لازم', 'يجب', 'هل', 'لو', 'اذا', 'عشان', 'باش', 'حتى', 'كي', 'لكي', 'بدي', 'بدهم', 'يبي', 'يبون', 'عايز', 'عايزين', 'رح', 'راح', 'غادي', 'بايد', 'اگه', 'اگر', 'تا', 'كه', 'bayad', 'age', 'agar', 'ta', 'lazem', 'bach', 'bash', '3ashan']);
/** The irrealis words whose scope is the rest of the clause: a modal, a wish, a condition. */
const MODAL = set(['should', 'must', 'need', 'needs', 'will', 'would', 'want', 'wants', 'if', 'لازم', 'يجب', 'بدي', 'بدهم', 'بدو', 'يبي', 'يبون', 'عايز', 'عايزين', 'لو', 'اذا', 'بايد', 'اگه', 'اگر', 'bayad', 'lazem', 'age', 'agar']);
/** Perfect and past auxiliaries: "I have given", "I did give", Pidgin "I don give". */
const PAST_AUX = set(['have', 'has', 'had', 'did', "didn't", 'didnt', "haven't", "hasn't", "hadn't", 'already', 'don', 'done', "i've", 'ive', 'was', 'were', 'am', 'is']);
/** English object pronouns after the verb that make a first-person present a story ("I give am", "I am giving him"). */
const OBJECT_PRONOUN = set(['am', 'dem', 'him', 'her', 'them', 'it']);
/** A page not ours the secret was typed into. */
const THEIR_PAGE = /(?<![\p{L}])(?:form|site|website|link|page|لينك|رابط|الرابط|اللينك|موقع|صفحه|سايت|لينك)(?![\p{L}])/u;
/** Things handed over that are no secret: the card itself, an order number, a parcel, a phone, an ID number. */
const OTHER_THING = alt(['card' + E, 'order' + E, '(?:order|tracking|reference|account|phone) number', 'parcel', 'package', 'phone' + E, 'receipt', 'invoice', '(?:ال)?(?:بطاقه|كارت|طرد|فاتوره|وصل|طلب)' + E, 'كارت' + E, 'بسته', 'فاكتور']);
/** Digits (four or more, in groups or one by one) right after the verb. */
const DIGITS_TOLD = /^(?:\p{L}+ ){0,3}\d{2,}(?: ?\d){2,}/u;
/** (round 31) …unless a currency follows them: "I sent 2000 naira to …", "حولت 300 جنيه" is a sum sent, not a code. */
/** (round 32) An order's, a booking's or a parcel's number named: "order number", "رقم الطلب(ية)", "شماره سفارش", "tracking no". */
const ORDER_NUMBER_NAMED = /(?<![\p{L}])(?:(?:order|booking|reservation|tracking|parcel|shipment|invoice)(?: (?:number|no\.?|id|ref(?:erence)?|code|#))|(?:رقم|كود|رمز) (?:ال)?(?:طلب|طلبيه|طلبية|طلبي|طلبيتي|اوردر|حجز|شحنه|شحنة|فاتوره|فاتورة|تتبع)|(?:شماره|کد|كد) (?:سفارش|رهگيري|رهگیری|پيگيري|پیگیری|مرسوله|فاکتور|فاكتور))(?![\p{L}])/iu;
const SUM_SENT = /^(?:\p{L}+ ){0,3}\d[\d,.]*(?: ?\d)*\s?(?:k\s)?(?:naira|dinars?|dollars?|riyals?|rials?|dirhams?|pounds?|euros?|rupees?|pesos?|shillings?|cedis?|tomans?|shekels?|jod|sar|aed|egp|kwd|qar|omr|usd|eur|gbp|ngn|inr|pkr|afn|\$|€|£|جنيه|ريال|درهم|دينار|دولار|دلار|تومان|تومن|شيكل|ليره|افغاني|روبل)(?![\p{L}])/iu;
/**
 * (round 20) A verb of calling: digits after it ("telling me to call 800 555 1212", "قالي كلم 0800…") or before it, in a
 * verb-final language ("با ۸۰۰ ۱۲۳۴ تماس بگیرید"), are a number to call, not a code told or pasted.
 */
export const CALL_WORD = /^(?:call\S*|ring|rang|dial\S*|phone|contact|whatsapp|appel\S*|llam\S*|اتصل\S*|اتصال|تواصل\S*|كلم\S*|رن|تماس|زنگ|zang|tamas|ettasel|kallem\S*)$/u;
/** A complement after a verb of saying: the thing told is a sentence, not a secret. */
const COMPLEMENT = set(['that', 'كه', 'انه', 'انو', 'ان', 'بلي', 'ke', 'enno', 'ino']);

interface Verb { act: Act; at: number; person?: 'me' | 'third' | 'you'; past: boolean; negated: boolean; toThem: boolean; objectClitic: boolean; span: number }

/**
 * Read words, by their letters alone (most words recur across messages, so the answer is kept; bounded). Only words
 * of letters are kept: a token holding a digit or a sign may be a customer's value, and none outlives its message.
 */
const WORD_VERBS = new Map<string, Omit<Verb, 'at'> | null>();
const WORD_VERBS_MAX = 20_000;
const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;

/** The act a single word is, read by its language's shape, or null. */
function wordVerb(t: string): Omit<Verb, 'at'> | null {
  const known = WORD_VERBS.get(t);
  if (known !== undefined) return known;
  const verb = readWord(t);
  if (!LETTERS_ONLY.test(t)) return verb;
  if (WORD_VERBS.size >= WORD_VERBS_MAX) WORD_VERBS.clear();
  WORD_VERBS.set(t, verb);
  return verb;
}

function readWord(t: string): Omit<Verb, 'at'> | null {
  const arabic = ARABIC_LETTER.test(t);
  let m: RegExpExecArray | null;
  if (!arabic && (m = EN_VERB.exec(t))) {
    const { act } = actOf(m, 0);
    const past = EN_PAST_IRREGULAR.has(t) || (/(?:ed|d)$/.test(t) && !/^(?:read|send|hand|lend)$/.test(t));
    return { act, past, negated: false, toThem: false, objectClitic: false, span: 1 };
  } else if (arabic && (m = AR_VERB.exec(t))) {
    const { act, groups: [prefix, person, obj, toPrep, toWho, neg] } = actOf(m, 1);
    // the imperfect with a second or third person prefix (تعطي, يعطي, بيقول) is someone else's act or a demand
    const you = prefix !== undefined && /^(?:ت|ي|بت|بي|هت|حت)$/.test(prefix);
    const me = prefix === 'ا' || prefix === 'ن' || person === 'يت' || person === 'ت' || person === 'نا';
    // (a past ending after what looked like a prefix was the stem's own letter: "اعطيته", "انطيته")
    const past = !prefix || person === 'ت' || person === 'يت';
    // (a stem ending in ت takes the first person's ت into its own: "بعتهوله" is I sent it to him, or he did)
    const stemT = !prefix && !person && AR[act].some((st) => st.endsWith('ت') && t.replace(/^(?:و|ف)/, '').startsWith(st));
    // (…to me: "بعتلي", "قالتلي" — someone else did it, to the customer)
    const toMe = toPrep === 'لي' || toWho === 'ي';
    return { act, person: toMe ? 'third' : you && !past ? 'you' : me ? 'me' : stemT ? undefined : prefix ? undefined : 'third', past, negated: !!neg, toThem: !!toPrep && !toMe && !!(toWho ?? toPrep === 'لل'), objectClitic: !!obj, span: 1 };
  } else if (arabic && (m = FA_VERB.exec(t))) {
    const { act, groups: [pre, person, obj] } = actOf(m, 1);
    // (round 25) the participle alone is the third person's perfect ("گفته کد رو بفرست": he has said); "گفته‌ام", "داده بودم" are mine (below)
    return { act, person: person === 'م' || person === 'وم' || person === 'يم' ? 'me' : person === 'ه' ? 'third' : person ? undefined : 'third', past: !pre || pre === 'ن', negated: pre === 'ن', toThem: false, objectClitic: !!obj, span: 1 };
  } else if (arabic && (m = FA_PRESENT_VERB.exec(t))) {
    const { act, groups: [pre] } = actOf(m, 1);
    return { act, person: /م$/.test(t) ? 'me' : /(?:ي|يد|ين)$/.test(t) ? 'you' : undefined, past: false, negated: pre!.startsWith('ن'), toThem: false, objectClitic: false, span: 1 };
  } else if (!arabic && (m = LATIN_FA_VERB.exec(t))) {
    const { act, groups: [neg, person, obj] } = actOf(m, 1);
    return { act, person: person === 'am' || person === 'um' || person === 'im' ? 'me' : person ? undefined : 'third', past: true, negated: !!neg, toThem: false, objectClitic: !!obj, span: 1 };
  } else if (!arabic && (m = ARABIZI_VERB.exec(t))) {
    // (the past ending is required: a person prefix before it was the stem's own letter, "a3taito")
    const { act, groups: [prefix, obj, toPrep, , neg] } = actOf(m, 1);
    return { act, person: prefix && !/^(?:a|n)$/.test(prefix) ? 'you' : 'me', past: true, negated: !!neg, toThem: !!toPrep, objectClitic: !!obj, span: 1 };
  } else if (!arabic && (m = ARABIZI_PRESENT.exec(t))) {
    const { act, groups: [prefix, obj, neg] } = actOf(m, 1);
    return { act, person: /^(?:a|n)$/.test(prefix!) ? 'me' : /^(?:t|bt|e)$/.test(prefix!) ? 'you' : undefined, past: false, negated: !!neg, toThem: false, objectClitic: !!obj, span: 1 };
  }
  return null;
}

/** The act verbs of a clause, read by shape. */
function verbsOf(tokens: string[]): Verb[] {
  const out: Verb[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = wordVerb(t);
    if (word) out.push({ ...word, at: i });
    // Latin-letter Persian light verbs: "variz konid", "pardakht kardam"
    const light = LATIN_LIGHT_NOUNS.get(t);
    const lv = light && LATIN_FA_LIGHT_VERB.exec(tokens[i + 1] ?? '');
    if (light && lv) out.push({ act: light, at: i, person: /^(?:am|um|im)$/.test(lv[4] ?? '') ? 'me' : /^(?:i|id|in)$/.test(lv[4] ?? '') ? 'you' : undefined, past: !!lv[2], negated: !!lv[1], toThem: false, objectClitic: false, span: 2 });
    if (SW_GAVE_HIM.test(t)) out.push({ act: 'give', at: i, person: 'me', past: true, negated: false, toThem: true, objectClitic: false, span: 1 });
    // Persian light verbs: "وارد كردم", "روان كدم", "كارت به كارت كردم", "اعلام نمودم" — the noun's words, then the light verb
    for (const { act, words } of FA_LIGHT.get(t) ?? []) {
      if (words.some((w, k) => tokens[i + k] !== w)) continue;
      const lm = FA_LIGHT_VERB.exec(tokens[i + words.length] ?? '');
      if (!lm) continue;
      const person = lm[4];
      out.push({ act, at: i, person: person === 'م' || person === 'وم' || person === 'يم' ? 'me' : person === 'ي' || person === 'يد' || person === 'ين' ? 'you' : person ? undefined : 'third', past: !!lm[2], negated: !!lm[1], toThem: false, objectClitic: false, span: words.length + 1 });
    }
    // Hinglish "le liya": (they) took it
    if (t === 'le' && /^(?:liya|liye|li|lia)$/.test(tokens[i + 1] ?? '')) out.push({ act: 'take', at: i, person: 'third', past: true, negated: false, toThem: false, objectClitic: false, span: 2 });
  }
  return out;
}

/** The secret a clause's text names, if any (the list's order: a PIN before the code it is a kind of). */
function secretIn(text: string): Secret | undefined {
  return SECRETS.find(([, re]) => re.test(text))?.[0];
}

/** Reads every clause of a message into act facts (see the module's comment). */
export function readActs(text: string): ActFact[] {
  return readClauseActs(clauses(normalizeText(text, { markQuotes: true })));
}

export function readClauseActs(cs: Clause[]): ActFact[] {
  const facts: ActFact[] = [];
  // (the secrets a clause names, read only for the clauses around a verb: most clauses have none)
  const memo = new Map<number, Secret | undefined>();
  const named = (ci: number): Secret | undefined => {
    if (ci < 0 || ci >= cs.length) return undefined;
    if (!memo.has(ci)) memo.set(ci, secretIn(cs[ci]!.text));
    return memo.get(ci);
  };
  cs.forEach((c, ci) => {
    if (c.quoted) return;
    const toks = c.tokens;
    for (const v of verbsOf(toks)) {
      const before = toks.slice(Math.max(0, v.at - 4), v.at);
      const after = toks.slice(v.at + v.span, v.at + v.span + 9);
      // the subject: the nearest person word before the verb
      let actor: Actor = 'unknown';
      let actorWord = '';
      for (let k = v.at - 1; k >= 0; k--) {
        const w = toks[k]!;
        // (not the recipient: "به یارو داد", "to him", "ba hech kas")
        if ([toks[k - 1], toks[k - 2]].some((x) => x !== undefined && (TO_WORD.has(x) || NOBODY.has(x)))) continue;
        if (FIRST_PERSON.has(w)) { actor = 'me'; break; }
        if (MY_SIDE.has(w) || MY_SIDE.has(w.replace(/^(?:my|و)/, ''))) { actor = 'my_side'; break; }
        if (THEM.has(w)) { actor = 'them'; actorWord = w; break; }
        if (k > 0 && toks[k - 1] === 'my' && MY_SIDE.has(w)) { actor = 'my_side'; break; }
      }
      // the verb's own ending outweighs a person named further back ("واحد خابرني … وانطيته": I gave), not one of mine
      if ((actor === 'unknown' || actor === 'them') && v.person === 'me') actor = 'me';
      // (a Persian participle with my auxiliary after it: "گفته‌ام", "داده بودم")
      if (v.person === 'third' && /ه$/.test(toks[v.at]!) && FA_MY_AUX.has(toks[v.at + 1] ?? '')) actor = 'me';
      // a verb whose person its letters do not tell, with no subject named: the teller's own ("وبعتهوله")
      if (actor === 'unknown' && v.person === undefined && /\p{Script=Arabic}/u.test(toks[v.at]!)) actor = 'me';
      if (actor === 'unknown' && v.person === 'you') actor = 'them';
      if (actor === 'me' && v.person === 'you') actor = 'them';
      let negated = v.negated || before.slice(-3).some((w) => NEGATION.has(w) || NEGATION.has(w.replace(/^(?:و|ف)(?=\p{L}{2})/u, ''))) || [...before, ...after].some((w) => NOBODY_ALONE.has(w));
      // (a modal's scope runs over the verbs joined after it: "I need to buy a card and send them the code")
      const irrealis = before.slice(-3).some((w) => IRREALIS.has(w)) || toks.slice(0, v.at).some((w) => MODAL.has(w)) || c.question === true || v.person === 'you';
      // English tense: a past form, a past or perfect auxiliary, or a present told as a story with its object pronoun
      const latinPresent = /^[a-z]/.test(toks[v.at]!) && !v.past && v.person === undefined;
      const past = latinPresent ? before.some((w) => PAST_AUX.has(w)) || (actor === 'me' && OBJECT_PRONOUN.has(after[0] ?? '')) || /ing$/.test(toks[v.at]!) : v.past;
      // what was handed over: named in the clause (before or after the verb), or a pronoun for the one named just before
      const here = named(ci);
      // (…unless the clause names another thing before the verb, which the pronoun is: "asked for the card itself and I gave it to him")
      const thingFirst = !here && OTHER_THING.test(toks.slice(0, v.at).join(' '));
      const secret = here ?? (thingFirst ? undefined : v.objectClitic || after.slice(0, 3).some((w) => OBJECT_PRONOUN.has(w) || w === 'ياه' || w === 'اياه' || w === 'yeh') || v.act !== 'pay' ? named(ci - 1) ?? named(ci - 2) : undefined);
      // said "that …": the thing told is a sentence ("I told him that I won't")
      // …or digits read or told as the verb's object ("I read him 4 8 2 9", "قلتلو ٣ ٧ ٠ ٤"): a code
      // (round 32) …not digits the clause or the one before names as an order's or a booking's number ("asked for my order number
      // and I gave him 48213", "گلتله رقم الطلب 48213"): a reference, which anyone may be told
      const digits = !secret && v.act !== 'pay' && DIGITS_TOLD.test(after.slice(0, 6).join(' ')) && !SUM_SENT.test(after.slice(0, 6).join(' ')) && !after.slice(0, 3).some((w) => CALL_WORD.test(w)) && !ORDER_NUMBER_NAMED.test(cs[ci]!.text) && !(ci > 0 && ORDER_NUMBER_NAMED.test(cs[ci - 1]!.text)) ? 'otp' : undefined;
      const told = v.act === 'tell' && COMPLEMENT.has(after[0] ?? '') ? undefined : secret ?? digits;
      // to whom: a clitic on the verb, a "to him" word, a preposition and a person, or "us" (you, here, the app)
      // (an object clitic beside a secret named after the verb is its recipient: "عطيته الرمز", "3tito el code" — I gave him)
      const indirect = v.objectClitic && !!here && /\p{Script=Arabic}|\d/u.test(toks[v.at]!) && c.text.indexOf(toks[v.at]!) < c.text.search(SECRETS.find(([k]) => k === here)![1]);
      let recipient: Recipient | undefined = v.toThem || indirect ? 'them' : undefined;
      // English double object: "gave my son my password", "told the caller the code"
      const first = after[0] === 'my' || after[0] === 'the' || after[0] === 'that' ? after[1] : after[0];
      if (!recipient && first && /^[a-z]/.test(first) && MY_SIDE.has(first)) recipient = 'mine';
      const around = [...before.slice(-4), ...after];
      for (let k = 0; k < around.length && !recipient; k++) {
        const w = around[k]!;
        if (TO_THEM.test(w)) recipient = 'them';
        else if (NOBODY_ALONE.has(w)) recipient = 'nobody';
        else if (TO_WORD.has(w) || /^(?:ل|لل)\p{L}{2,}/u.test(w)) {
          // "to X", or Arabic ل/لل on the word itself ("للمتصل", "لكم", "لاختي")
          const next = TO_WORD.has(w) ? around.slice(k + 1, k + 4) : [w, w.replace(/^(?:لل|ل)/, '')];
          if (next.some((x) => US.has(x))) recipient = 'us';
          else if (next.some((x) => NOBODY.has(x))) recipient = 'nobody';
          else if (next.some((x) => MY_SIDE.has(x))) recipient = 'mine';
          else if (next.some((x) => THEM.has(x) || THEM.has(x.replace(/^(?:لل|ل|ال)/, '')) || /^(?:him|her|them|u|oon|in)$/.test(x))) recipient = 'them';
        } else if (/^(?:him|her|them|am|dem)$/.test(w) && k >= before.slice(-4).length) recipient = 'them';
      }
      // (round 31) "my mother got a call …, she gave him her card number": a pronoun that hands something to another (him,
      // them) is not that other — in a story that named one of the customer's people, it is them
      // (…not one who gave it to the customer: "she gave me the PIN for her card")
      if (actor === 'them' && SUBJECT_PRONOUN.has(actorWord) && recipient === 'them' && !/^(?:me|us|to)$/.test(after[0] ?? '') && cs.slice(0, ci + 1).some((c2) => c2.tokens.some((x) => MY_SIDE.has(x) || MY_SIDE.has(x.replace(/^(?:my|و)/, ''))))) actor = 'my_side';
      if (recipient === 'nobody') negated = true;
      const rest = [...toks.slice(v.at + v.span), ...(cs[ci + 1] && !cs[ci + 1]!.quoted ? cs[ci + 1]!.tokens : [])].join(' ');
      facts.push({ clause: ci, act: v.act, actor, past, negated, irrealis, rest, ...(told ? { secret: told } : {}), ...(recipient ? { recipient } : {}), ...(v.act === 'type_in' && THEIR_PAGE.test(c.text) ? { theirPage: true } : {}) });
    }
  });
  return facts;
}
