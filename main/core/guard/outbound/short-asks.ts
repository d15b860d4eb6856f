/**
 * (round 36) Short asks that earlier rounds let through, by structure:
 * - a picture of the message that just reached the reader ("we sent you an SMS — WhatsApp me a screenshot of it",
 *   "یه پیامک براتون اومد، عکسشو بگیرید بفرستید", "ابعتلي سكرين شوت منها") hands over the code it carries;
 * - a secret's noun phrase with nothing but its description and a polite tail ("the password you use for the app as
 *   well please", "and your PIN too pls") is asked for, verb or none;
 * - an activation code that was sent to the reader ("the activation code we just texted you", "رمز التفعيل اللي جاك")
 *   is a one-time code, even where the policy lets agents ask for the one printed on the SIM pack;
 * - a document shown or presented in person ("show your passport at the counter") is looked at, not handed over.
 */
import { foldLetters, type Clause } from '../text/clauses';
import type { Hit } from './lexicon';

const fold = (xs: string[]) => xs.map(foldLetters).join('|');

/** A picture of "it" (the message named before): English "a screenshot of it", Arabic "سكرين شوت منها", Persian "عکسشو". */
const PICTURE_OF_IT = new RegExp(`(?<=^| )(?:${[
  '(?:screenshot|screen shot|screengrab|screen grab|screencap|photo|picture|pic|snap|snapshot|image|capture|photograph)s? of (?:it|that|this|them)',
  'screenshot (?:it|that|this)',
  fold(['(?:سكرين ?شوت|سكرين|اسكرين ?شوت|لقطه شاشه|لقطه|صوره|تصوير) (?:منها|منه|لها|له|ليها|ليه|عنها|عنه|فيها)']),
  // ("صورها" photograph it, "صورتها" its picture — never "صورة", a picture of anything, which folds to "صوره")
  fold(['صورتها\\S*', 'صوريها\\S*', 'صورها(?:لي|لنا)?']),
  fold(['(?:عكس|اسكرين ?شات|اسكرين|اسكرينشات|تصوير)(?:ش|شو|شون|اش|شرو)', '(?:عكس|اسكرين ?شات|اسكرين) ?(?:ش|اش) (?:رو|را)']),
  '(?:aks|ax|screenshot|eskrin ?shat|skrin ?shat)(?:esh|sh|esho|sho|ash)',
  // …or the message marked as the object, then pictured: "پیامکی که اومد رو عکس بگیرید", "payamo ro aks begir"
  fold(['(?:رو|را|ره) (?:يه |يك )?(?:عكس|اسكرين ?شات|اسكرين|اسكرينشات) (?:ازش )?(?:بگير|بنداز|بندار)\\S*']),
  '(?:ro|ra|o) (?:ye )?(?:aks|ax|screenshot|eskrin ?shat|skrin ?shat) (?:azash )?(?:begir|bendaz|bgir)\\S*',
  // …or "of it" before the picture: "ازش عکس بگیر", "azash aks begir"
  fold(['ازش (?:يه |يك )?(?:عكس|اسكرين ?شات|اسكرين|اسكرينشات)']), 'azash (?:ye )?(?:aks|ax|screenshot|eskrin ?shat)',
  '(?:screenshot|screen|sora|soret|sorat|sura|soura|sourat|tswira) (?:menha|menno|meno|menh|leha|leh|lih|liha|minha|minnu)',
].join('|')})(?= |$)`, 'u');

/** The clause pictures the message named before ("…a screenshot of it", "عکسشو …"). */
export function picturesTheMessage(clause: Clause): boolean {
  return PICTURE_OF_IT.test(clause.text);
}

/** A message whose content the reply tells or names as something else: "a message saying the payment failed", "a confirmation email with your booking", "رسالة خطأ". */
const TOLD_CONTENT = new RegExp(`(?<=^| )(?:${[
  'saying', 'says', 'said', 'telling', 'reads', 'about', 'error', 'failed', 'failure', 'declined', 'confirmation', 'confirming', 'receipt', 'invoice', 'booking', 'order', 'tracking', 'reference', 'ref', 'ticket', 'transaction', 'claim', 'policy', 'appointment', 'address', 'shipped', 'delivery', 'parcel', 'statement', 'reminder', 'email', 'e-mail', 'mail', 'link',
  fold(['مرجع\\S*', 'المرجعي', 'تتبع', 'موعد\\S*', 'مطالبه', 'بوليصه', 'وثيقه', 'پيگيري', 'بيمه\\S*', 'نوبت', 'خسارت', 'خطا', 'خطأ', 'فشل\\S*', 'مرفوض\\S*', 'تاكيد', 'فاتوره', 'طلب\\S*', 'شحن\\S*', 'ايميل', 'رابط', 'لينك', 'پيام خطا', 'خطا', 'ناموفق', 'سفارش\\S*', 'فاكتور', 'رسيد', 'ايميل', 'لينك']),
  'khata', 'ghalat',
  // …or a stranger's message the customer is to report: "a suspicious SMS", "claiming to be us", "رسالة مشبوهة", "پیامک مشکوک"
  'suspicious', 'strange', 'weird', 'odd', 'unknown', 'fake', 'scam', 'scams', 'fraud', 'fraudulent', 'phishing', 'spam', 'claiming', 'pretending', 'impersonating', 'report', 'unusual',
  fold(['مشبوه\\S*', 'مشكوك\\S*', 'غريب\\S*', 'مزيف\\S*', 'مزور\\S*', 'احتيال\\S*', 'نصب', 'نصاب\\S*', 'مجهول\\S*', 'جعلي\\S*', 'كلاهبردار\\S*', 'ناشناس', 'عجيب\\S*', 'تقلبي', 'فيك', 'بلاغ', 'تبليغ', 'گزارش']),
  // …or a picture with the code kept out of it, or of what went wrong: "with the code covered", "without the digits", "if it fails"
  'hide', 'hidden', 'cover', 'covered', 'covering', 'blur', 'blurred', 'crop', 'cropped', 'mask', 'masked', 'blank', 'without', 'except', 'fail', 'fails', 'work', 'works', 'working', 'problem', 'issue', 'wrong', 'invalid', 'expired',
  fold(['بدون', 'غير', 'غط\\S*', 'خبي\\S*', 'امسح\\S*', 'اخف\\S*', 'مشكله', 'مشكل', 'بپوشون\\S*', 'بپوشان\\S*', 'بدون', 'مخفي', 'پنهان', 'مشكل\\S*', 'منقضي', 'نامعتبر', 'كار نمي\\S*', 'ما اشتغل', 'مش شغال', 'ما يشتغل']),
  'mashkook', 'mashkuk', 'jaali', 'kolahbardari', 'mashbooh', 'mashbouha', 'ghareeb', 'gharib', 'nasb', 'ne9ba',
].join('|')})(?= |$)`, 'u');

/** The clauses that name the message say what it holds, or that it is not a code's ("a message saying the payment failed"). */
export function messageToldAsSomethingElse(texts: string[]): boolean {
  return texts.some((t) => TOLD_CONTENT.test(t));
}

/** Only these stand before the secret in a verbless ask: "and", "also", "the", "your". */
const BEFORE = new Set(['and', 'also', 'plus', 'the', 'your', 'ur', 'yr', 'ya', 'last', 'lastly', 'finally', 'oh', 'ok', 'okay', 'now', 'then', 'next', 'just', ...fold(['و', 'كمان', 'برضو', 'بعد', 'وكمان', 'همچنين', 'هم']).split('|')]);
/** …and these after it, up to the polite tail: the secret's own description and "as well" / "too". */
const DESCRIBING = new Set([
  'you', 'u', 'ya', 'use', 'used', 'uses', 'using', 'for', 'to', 'log', 'logging', 'login', 'sign', 'signing', 'in', 'into', 'on', 'with', 'the', 'your', 'ur', 'our',
  'app', 'apps', 'application', 'account', 'acount', 'online', 'banking', 'mobile', 'internet', 'net', 'card', 'wallet', 'portal', 'website', 'site', 'same', 'one', 'current', 'new', 'old',
  'as', 'well', 'aswell', 'too', 'also', 'again', 'now', 'there',
]);
const POLITE_END = /^(?:please|pls|plz|plse|pleas|plez|thanks|thx|thank|kindly|sir|madam|maam|ma'am|dear|bro|mate|\.|!)$/u;

/** A verbless ask: the secret's noun phrase alone with a polite tail ("the password you use for the app as well please"). */
export function askedByAPoliteTail(clause: Clause, objects: Hit[]): boolean {
  const o = objects[0];
  if (!o || o.at > 4 || !clause.tokens.slice(0, o.at).every((w) => BEFORE.has(w))) return false;
  const tail = clause.tokens.slice(o.last + 1);
  let end = tail.length;
  while (end > 0 && POLITE_END.test(tail[end - 1]!)) end--;
  // a polite word, or "as well" / "too" closing the phrase ("and the password too")
  const polite = end < tail.length;
  const middle = tail.slice(0, end);
  if (middle.length > 8 || !middle.every((w) => DESCRIBING.has(w))) return false;
  return polite && (middle.length > 0 || tail.some((w) => w === 'please' || w === 'pls' || w === 'plz' || w === 'kindly'));
}

/** An activation code sent to the reader: "…we (just) texted/sent you", "…that came", "اللي جاك", "که براتون اومد". */
const SENT_TO_READER = new RegExp(`^(?:${[
  '(?:that |which )?(?:we|i|the system|the bank|acme) (?:\\S+ )?(?:texted|sent|smsed|sms\'d|messaged|whatsapped)(?: to)? (?:you|u)',
  '(?:that |which )?(?:was |were |has been |just )*(?:texted|sent|smsed|sms\'d|messaged) (?:to )?(?:you|u|your phone|by sms|by text)',
  '(?:that |which |you )?(?:just )?(?:came|arrived|got|received|popped up)',
  '(?:in|from|on) (?:the|your|our|that) (?:sms|text|message)',
  fold(['(?:اللي|الي|الذي|التي|يلي) (?:\\S+ )?(?:جاك|جالك|جاتك|وصلك|وصلتك|وصل|نزلك|ارسلناه|بعتناه|بعتنالك|ارسلنا)', '(?:في|ب|من) (?:ال)?(?:رساله|مسج|مسج|sms)', 'كه (?:\\S+ )?(?:براتون|برات|براي شما|به شما) (?:\\S+ )?(?:اومد|آمد|امد|ارسال شد|فرستاديم|پيامك شد)']),
  '(?:elli|illi|eli|ke|ki) (?:\\S+ )?(?:jak|jalak|wasalak|wsalak|gatlak|galak|baratoon|barat|baraton) ?(?:oomad|omad|umad|sms shod)?',
].join('|')})(?= |$)`, 'u');

/** The activation code at `o` was sent to the reader, so it is a one-time code. */
export function activationCodeSentToReader(clause: Clause, o: Hit): boolean {
  return SENT_TO_READER.test(clause.tokens.slice(o.last + 1, o.last + 8).join(' '));
}

/** Showing a document in person: "show/present your passport at the counter", "in person". */
const SHOW = /^(?:show|present|produce|bring|display|montrez|pr[ée]sentez)$/u;
const IN_PERSON = /(?:^| )(?:in person|at the (?:counter|desk|branch|office|front desk|reception)|to the (?:teller|officer|clerk|cashier|staff))(?= |$)/u;

/** The verb shows a document to staff in person (a branch named in the reply, or "in person" / "at the counter" here). */
export function showsInPerson(clause: Clause, verb: Hit, atTheBranch: boolean): boolean {
  return SHOW.test(clause.tokens[verb.at] ?? '') && (atTheBranch || IN_PERSON.test(clause.text));
}
