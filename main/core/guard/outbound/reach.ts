/**
 * (round 35) How far an ask reaches, by structure:
 * - a request verb governs a list of login fields joined by "and" ("give me your online banking user ID and password");
 * - a secret with its own relative clause of arrival ("الرمز اللي جاك توه", "the code that just came") is a message
 *   that reached the reader, so "what does it say?" after it asks for its content;
 * - "its number" of a card named before ("confirm the card by sending its number, expiry …") is the card's number;
 * - a French writing verb with the secret as its object and this chat as the place ("écrivez-le ici dans le chat"),
 *   never a contact invitation ("écrivez-nous ici si le code n'arrive pas");
 * - credentials entered at a link the reply gives ("open acme-refund.help and log in with your bank details").
 */
import { foldLetters, tokenIndexAt, type Clause } from '../text/clauses';
import type { Hit } from './lexicon';

const fold = (xs: string[]) => xs.map(foldLetters).join('|');

/** Words that may stand between a verb and the last field of a login list: owners, articles, the fields said before it. */
const LIST_WORD = new Set([
  'me', 'us', 'to', 'the', 'your', 'ur', 'my', 'our', 'yours', 'a', 'of', 'its', 'and', 'plus', '&', 'also', 'as', 'well', 'with', 'then',
  'online', 'internet', 'net', 'netbank', 'mobile', 'phone', 'banking', 'bank', 'bank\'s', 'username', 'user', 'id', 'name', 'login', 'log', 'in', 'customer', 'client', 'access', 'number', 'no',
  'routing', 'account', 'sort', 'code\'s', 'iban', 'email', 'e', 'mail', 'registered', 'full', 'complete',
  'et', 'votre', 'vos', 'le', 'la', 'les', 'l', 'de', 'du', 'des', 'identifiant', 'identifiants', 'banque', 'en', 'ligne', 'nom', 'utilisateur', "d'utilisateur",
  'va', 'o', 'w', 'wa', 'ham', 'и', 'ва', 'ҳам', 'номи', 'корбар', 'корбари', 'бонки', 'бонкӣ', 'онлайн', 'худ', 'худро', 'шумо',
  ...fold(['و', 'ثم', 'كمان', 'اسم', 'المستخدم', 'مستخدم', 'اليوزر', 'يوزر', 'يوزرنيم', 'حق', 'حقك', 'تبع', 'تبعك', 'بتاع', 'بتاعك', 'البنك', 'بنك', 'الحساب', 'حسابك', 'اونلاين', 'الالكتروني', 'نام', 'كاربري', 'اينترنت', 'بانك', 'همراه', 'خودتون', 'خودتان', 'باسم', 'الخاص', 'الخاصه', 'بك', 'بالخدمات', 'الخدمات', 'المصرفيه', 'عبر', 'الانترنت', 'على', 'تطبيق', 'تان', 'تون', 'شما', 'را', 'رو']).split('|'),
]);
const LIST_AND = /^(?:and|plus|&|well|et|va|o|w|wa|и|ва|و|ثم)$/u;
/** Where the list ends and our part begins: "… and I'll set it up", "so we can …", "عشان", "pour", "تا". */
const OURS = new RegExp(`^(?:i|i'll|we|we'll|so|to|for|${fold(['عشان', 'علشان', 'لكي', 'حتى', 'تا', 'pour', 'براي'])})$`, 'u');
/** The longest list a verb reaches over (words between the verb and the field). */
const LIST_REACH = 12;

/** The verb governs the secret across a list of login fields joined by "and" ("…user ID and password", "…customer number, login name and PIN"). */
export function reachesOverAList(clause: Clause, verb: Hit, object: Hit): boolean {
  if (object.at <= verb.last) return false;
  const between = clause.tokens.slice(verb.last + 1, object.at);
  if (between.length > LIST_REACH) return false;
  const first = clause.tokens[object.at] ?? '';
  // (Arabic and Persian join the last field with a prefixed و: "…اسم المستخدم وكلمة المرور")
  const joined = between.some((w) => LIST_AND.test(w)) || (/^و\S{2,}/u.test(first) && between.length > 0);
  return joined && between.every((w) => LIST_WORD.has(w));
}

/** A relative clause of arrival after the secret: "اللي جاك توه", "الي وصلك الحين", "that just came", "که برات اومد". */
const ARRIVED_RELATIVE = new RegExp(`(?:^| )(?:${fold(['اللي', 'الي', 'يلي', 'لي', 'الذي', 'التي', 'elli', 'illi', 'eli', 'li', 'that', 'which', 'you', 'كه', 'كي', 'ke'])}) (?:\\S+ ){0,2}?(?:${fold(['جاك', 'جاتك', 'اجاك', 'اجتك', 'جالك', 'جاتلك', 'وصلك', 'وصلتك', 'وصل', 'وصلت', 'نزل', 'نزلك', 'طلعلك', 'came', 'come', 'arrived', 'got', 'received', 'popped', 'اومد', 'اومده', 'امد', 'آمد', 'رسيد', 'jak', 'jalak', 'wasalak', 'wsalak', 'wslek', 'oomad', 'omad', 'umad'])})(?= |$)`, 'u');
export function arrivedByRelative(clause: Clause, otp: Hit | undefined): boolean {
  if (!otp) return false;
  return ARRIVED_RELATIVE.test(clause.tokens.slice(otp.last + 1, otp.last + 7).join(' '));
}

/** "its number", "its full number", "رقمه", "رقمها", "شماره‌اش", "son numéro", "shomarash": the number of a thing named before. */
const ITS_NUMBER = new RegExp(`(?<=^| )(?:its (?:(?:full|whole|complete|long|16 digit|16digit) )?(?:number|no|digits|numbers)|${fold(['(?:و|ف)?(?:رقم|نمر|ارقام)(?:ه|ها|و)', 'شماره ?(?:اش|ش|شو|شرو|ش رو|اش را)', 'شمارش(?:و)?', 'shomare?(?:ash|sh|sho|esh)', 'ra[qk2]m(?:ha|o|ah)', 'son num[eé]ro', 'номер(?:аш|и он)', 'рақамаш'])})(?= |$)`, 'u');
/** The card named in the text before the number, in this clause or the one before (`cardNamed`: the product's payment-card words). */
export function numberOfTheCard(clause: Clause, before: Clause | undefined, cardNamed: (t: string) => boolean): Hit & { kind: 'card' } | undefined {
  const m = ITS_NUMBER.exec(clause.text);
  if (!m || !(cardNamed(clause.text.slice(0, m.index)) || (before !== undefined && cardNamed(before.text)))) return undefined;
  return { start: m.index, end: m.index + m[0].length, at: tokenIndexAt(clause.text, m.index), last: tokenIndexAt(clause.text, m.index + m[0].length - 1), kind: 'card' };
}

/** French verbs of writing something to us: écrivez, écris, écrire, tapez, tape, notez, envoyez (the last already a request verb). */
const FR_WRITE = /^(?:[ée]crivez|[ée]cris|[ée]crire|[ée]crivez-moi|tapez|tape|taper|notez|note|noter|recopiez|recopie|recopier|copiez|copier|indiquez|indiquer|mettez|mets|mettre)$/u;
const FR_OBJECT_PRONOUN = /^(?:le|la|les|l)$/u;
const FR_RECEIVER = /^(?:nous|moi|me|m|nous-le|moi-le)$/u;
const FR_HERE = /(?:^| )(?:ici|dans (?:le|ce|cette|la) (?:chat|conversation|discussion|fil|tchat)|en r[ée]ponse|ci-dessous)(?: |$)/u;
const FR_NEGATION = /(?:^| )(?:ne|n|jamais|pas|surtout pas|aucun\S*|personne)(?: |$)/u;
const FR_SUBORDINATE = /^(?:si|quand|lorsque|d[èe]s|pour|avant|apr[èe]s|une fois)$/u;
/**
 * A French writing verb whose object is the secret (named after it, or "le/la/les" standing for one named in the two
 * clauses before), with this chat as the place. "Écrivez-nous ici si le code n'arrive pas" has no object: "nous" is
 * who receives a question, and the code stands in a clause of its own after "si".
 */
export function writtenHereInFrench(clause: Clause, objects: Hit[], earlier: boolean): boolean {
  const t = clause.tokens;
  if (FR_NEGATION.test(clause.text) || !FR_HERE.test(clause.text)) return false;
  const v = t.findIndex((w) => FR_WRITE.test(w));
  if (v < 0) return false;
  let i = v + 1;
  while (i < t.length && FR_RECEIVER.test(t[i]!)) i++;
  // "écrivez-le ici": the pronoun stands for the secret named before
  if (earlier && FR_OBJECT_PRONOUN.test(t[i] ?? '') && !objects.some((o) => o.at === i)) return FR_HERE.test(t.slice(i + 1, i + 6).join(' '));
  // "écrivez le code reçu ici", "tapez-moi ici le code": the secret after the verb, nothing subordinate between them
  return objects.some((o) => o.at > v && o.at - v <= 5 && !t.slice(v + 1, o.at).some((w) => FR_SUBORDINATE.test(w)));
}

/** A login to a bank, said as what is typed: "your bank details", "your online banking login", "identifiants bancaires", "حساب البنك", "user o ramze banki". */
const BANK_LOGIN = new RegExp(`(?:^| )(?:(?:your|ur|the) (?:online |internet |mobile |net ?)?(?:bank|banking)(?:'s)? (?:details|login|log ?in|credentials|account|username|user ?name|password)|${fold(['(?:vos|tes) (?:identifiants|codes) (?:bancaires|de (?:la )?banque)', 'identifiants bancaires', '(?:ب|ب ?)?(?:حساب|بيانات|معلومات|يوزر) (?:ال)?(?:بنك|بنكي|مصرف|بنكيه|البنكيه)\\S*', '(?:اطلاعات|حساب|يوزر|رمز) (?:اينترنت ?)?بانك\\S*', 'user (?:o|va|and) ramz\\S*', 'ramze? banki\\S*', '(?:etela3at|etelaat|hesab)e? banki\\S*'])})(?= |$)`, 'u');
/** Entering or logging in: "log in with", "sign in", "enter", "type", "fill in", "سجل دخول", "ادخل", "وارد شو", "connectez-vous", "entrez". */
const LOGS_IN_WITH = new RegExp(`(?:^| )(?:log ?in|sign ?in|login|enter|type|fill in|put in|${fold(['سجل\\S*', 'ادخل\\S*', 'دخول', 'وارد (?:شو|شويد|شين|شيد|كنيد|كن)\\S*', 'vared (?:sh|shid|shin|shavid|konid|kon)\\S*', 'login (?:kon|konid)', 'connectez\\S*', 'entrez', 'saisissez', 'renseignez', 'tapez'])})(?= |$)`, 'u');
const A_LINK = new RegExp(`(?:^| )(?:link|site|page|website|portal|form|${fold(['لينك', 'اللينك', 'هاللينك', 'رابط', 'الرابط', 'موقع', 'الموقع', 'لينك\\S*', 'سايت', 'صفحه', 'پيوند', 'lien', 'site', 'formulaire'])})(?= |$)`, 'u');
/**
 * Credentials (a bank login, a card, a PIN) entered at a link the reply gives: a link of the reply's stands in this clause
 * or the one before (`linkHere`; one in a later clause, "Enter the code to continue. Details at …", is not where it goes),
 * or they send the reader to "the link". Entering them there hands them to whoever owns the page.
 */
export function enteredAtALink(clause: Clause, before: Clause | undefined, linkHere: boolean, objects: Hit[], negated: boolean): boolean {
  if (negated) return false;
  const t = clause.text;
  const here = linkHere || A_LINK.test(t) || (before !== undefined && A_LINK.test(before.text));
  if (!here || !LOGS_IN_WITH.test(t)) return false;
  return BANK_LOGIN.test(t) || objects.length > 0;
}

/**
 * The list goes on past a comma: the clause before ends in a request verb and login fields only ("give me your online
 * banking user ID"), and this one begins with the secret ("password and the OTP and I'll set it up").
 */
export function listGoesOn(before: Clause | undefined, clause: Clause, objects: Hit[], verbsBefore: Hit[]): boolean {
  if (!before || !objects.length) return false;
  const first = Math.min(...objects.map((o) => o.at));
  if (!clause.tokens.slice(0, first).every((w) => LIST_WORD.has(w))) return false;
  // …and it is only fields to its end or to our part ("… and I'll set it up"): "PIN stays with you" says something of it
  const inObject = (i: number) => objects.some((o) => o.at <= i && i <= o.last);
  for (let i = first; i < clause.tokens.length; i++) {
    const w = clause.tokens[i]!;
    if (OURS.test(w)) break;
    if (!inObject(i) && !LIST_WORD.has(w)) return false;
  }
  return verbsBefore.some((v) => v.last < before.tokens.length - 1 && before.tokens.slice(v.last + 1).every((w) => LIST_WORD.has(w)));
}
