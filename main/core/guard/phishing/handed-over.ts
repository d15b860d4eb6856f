/**
 * A secret the customer says they already handed over, with nothing left to mask: "he asked for the code that came to
 * my phone and I read it to him", "طلب مني الكود وانا قلتهوله", "کدی که اومد رو ازم خواست منم بهش گفتم".
 * It is raised as `secret` (the customer's secret is out of their hands) with its own explanation: the account is at
 * risk now, so the agent helps secure it rather than reminding them not to share.
 * The sign is two parts: a secret named or described, and a first-person past verb of handing it over whose object is
 * that secret ("read it to him", "gave him the code", "اديته", "دادمش"). Negated verbs ("I didn't give it", "ما
 * اديتهوش", "ندادم") do not count: the customer's own letters run into the verb, so the boundary rejects them.
 */
import { foldLetters, normalizeText } from '../text/clauses';
import { digitsAsTyped } from '../../masking';
import { handedOverByActs, SECRETS as SECRET, type Secret } from './acts';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const alt = (parts: string[], flags = 'iu') => new RegExp(parts.map((p) => `${B}(?:${foldLetters(p)})`).join('|'), flags);

type Kind = Secret;

/** "I" handed "it" (the secret) over, in the past; the object is the secret or a pronoun for it. */
const HANDED = alt([
  // English: "I read it to him", "I gave him the code", "so I sent it"; not "I read it to my son", "I sent it to you"
  "(?:i|i've|i have|and i|so i|then i|i just|i already)(?: (?:already|just|then|stupidly|even|actually))? (?:gave|sent|texted|forwarded|shared|dictated|passed) (?:it|them)(?! to (?:my|you|your|the support|support|customer))" + E,
  "(?:i|i've|i have|and i|so i|then i|i just|i already)(?: (?:already|just|then|stupidly|even|actually))? (?:read|gave|sent|texted|told) (?:him|her|them) (?:the|my|that|all the) (?:\\S+ ){0,2}(?:code|otp|pin|password|digits|numbers|cvv)" + E,
  // the secret first, then a third person: "I shared the OTP with the person who called", "gave my PIN to the guy"
  "(?:i|i've|i have|and i|so i|then i|i just|i already)(?: (?:already|just|then|stupidly|even|actually))? (?:gave|sent|texted|forwarded|shared|told|read|dictated) (?:the|my|that) (?:\\S+ ){0,2}(?:code|otp|pin|password|cvv)" + E + " (?:to|with) (?:him|her|them|someone|somebody|the (?:guy|man|woman|lady|caller|person|agent|scammer)|a (?:guy|man|woman|lady|person|stranger)|that (?:guy|man|woman|lady|person))" + E,
  // the secret given to a stranger described by what they said they were: "I gave my online banking password to an 'Acme
  // engineer'", "gave the code to some guy" (not "to my son", "to you", "to support")
  "(?:i|i've|i have|and i|so i|then i|i just|i already|my \\S+)(?: (?:already|just|then|stupidly|even|actually))? (?:gave|sent|texted|forwarded|shared|told|read|dictated|handed|provided) (?:the|my|our|his|her|that) (?:\\S+ ){0,3}(?:code|otp|pin|password|passcode|cvv)" + E + "(?: out| back| over)? (?:to|with) (?:an?|some|the|that) ['\"‘“]?(?!(?:app|website|site|page|form|chat|support|bank branch|branch)(?![\\p{L}]))\\S+",
  // Arabic, the giver anyone (I, my son, my daughter) and the taker a stranger: "زوّدت شخصاً … برمز التحقق", "أعطيت المتصل رمز
  // التحقق", "ابني عطى الكود اللي وصله لواحد", "بنتي عطت الرقم اللي وصلها لواحد"
  '(?:و|ف)?(?:زودت|اعطيت|عطيت|اديت|سلمت|ابلغت)(?:ه|ها|هم)? (?:ال)?(?:متصل|شخص\\S*|واحد|رجل|راجل|زول|موظف\\S*|حد|حدا)(?: \\S+){0,3}? ب?(?:ال)?(?:كود|رمز|باسورد|الرقم السري|كلمه السر|كلمه المرور|otp|pin|cvv)',
  '(?:عطى|عطت|اعطى|اعطت|ادى|ادت|بعت|بعتت|ارسل|ارسلت|قال|قالت|زود|زودت)(?:له|لها|لو)? (?:ال)?(?:كود|رمز|رقم|باسورد|الرقم السري|otp|pin)\\S*(?: \\S+){0,4}? (?:ل|لل|الى|إلى)(?:واحد|شخص|حدا|حد|زول|راجل|رجل|متصل|المتصل|ناس|شب)' + E,
  // Pidgin's perfect: "I don send am", "I done give dem the code"; not "I no send am"
  "i (?:don|done|don already) (?:send|give|tell|read|share|forward)(?: (?:am|dem|it|them|him|her))" + E,
  // the card's picture sent to someone: "I sent them a photo of the card, both sides", "بعتلهم صورة الكارت", "عکس کارتمو براشون فرستادم"
  "(?:i|i've|i have|and i|so i|then i|i just|i already)(?: (?:already|just|then|stupidly|even|actually))? (?:sent|gave|showed|forwarded|whatsapped|texted) (?:him|her|them|the (?:guy|man|woman|lady|caller|person|agent|scammer)) (?:a |the |some |two )?(?:photos?|pictures?|pics?|scans?|images?|screenshots?) of (?:my |the )?(?:\\S+ )?card" + E,
  '(?:و|ف)?(?:بعت|ارسل|صيفط|دزي|رسل)(?:ت)?(?:له|لها|لهم|ليه|ليها|ليهم|لو) (?:ال)?صور\\S* (?:ال)?(?:كارت|بطاق|فيزا)\\S*',
  'عكس (?:\\S+ ){0,2}كارت\\S* (?:رو |را )?(?:براش|براشون|بهش|بهشون|واسش|واسشون) (?:فرستادم|دادم)',
  "read (?:it|them) (?:out )?(?:to (?:him|her|them|the (?:guy|man|woman|lady|caller|person|agent))|out)" + E,
  // Arabic, first person past with the secret as object: قلتهوله, اديته, عطيتو, بعتهوله, دزيته, صيفطتو, قريتهوله
  '(?:و|ف)?(?:قل|گل|ا?عطي|ادي|ارسل|دزي|صيفط|قري|قرا|خبر)ت(?:ه|ها|هم|و|هو)\\S*',
  '(?:و|ف)?(?:قل|گل|ا?عطي|ادي|ارسل|دزي|صيفط|قري)ت(?:ل|ل)(?:ه|ها|هم|و)' + E + ' (?:ال)?(?:كود|رمز|ارقام|الارقام|باسورد)',
  // the verb's object written out after it: "اديت الكود اللي جالي لواحد", "عطيت الرمز للي كلمني" (not "قلت", which also says)
  '(?:و|ف)?(?:اديت|اديتو|عطيت|اعطيت|بعتت|ارسلت|قريت|دزيت|صيفطت|دخلت|كتبت)(?:له|لها|لهم|لو)? (?:ال)?(?:كود|رمز|باسورد|الرقم السري|ارقام|الارقام|otp|pin|cvv)',
  // Levantine, the object apart: "قريتلو ياه", "عطيتها اياه", "بعتتلو ياها"
  '(?:و|ف)?(?:قري|قل|ا?عطي|ادي|بعت|ارسل|دزي)ت(?:ل)?(?:ه|ها|هم|و)? (?:ا?ياه|ا?ياها|ا?ياهم)' + E,
  // not "بعتهولي" (he sent it to me)
  '(?:و|ف)?بعت(?:ت)?(?:ه|ها|هو)(?!\\S*لي)\\S*',
  // Persian: the object on the verb (دادمش), or the verb closing its clause after "to him" (بهش گفتم.)
  '(?:گفتم|دادم|فرستادم|خوندم|خواندم)ش' + E,
  '(?:بهش|به اون|به او|بهشون|براش|براشون|واسش|واسشون) (?:\\S+ )?(?:گفتم|دادم|فرستادم|خوندم|خواندم)(?= *(?:$|[.!؟?،,]| و | ولي | بعد))',
  // Arabizi, first person past with the secret as object: 2oltohoulo, 2oltlo el code, edeto, ba3atto
  '(?:2olt|2ult|qolt|golt)(?:oh|ha|o|ou)\\S*', '(?:2olt|2ult|qolt|golt)(?:lo|elo|lah|laha) (?:el )?(?:code|pin|password|ramz)', '(?:edeto|edetoh|ediyto|edetha|3ateto|3atito|ba3atto|ba3atoh|b3atto|ersalto|dzito|sifatto)\\S*',
  // Arabizi first-person past with the object on it, vowels as each writer hears them: a3taito, a3tayto, 3tito, 2aretlo yeh
  'a?3t(?:a|ai|ay|ee|i)?t(?:o|oh|ou|ha|hom)(?: (?:yeh|yah|yaha|iyah))?' + E, '(?:2aret|2rit|2areit)(?:lo|lu|la)? (?:yeh|yah|yaha|iyah)' + E,
  // Darija Arabizi "3titom l code": I gave them
  '3tit(?:o|oh|om|ohom|hom|ha|lo|lom|lhom)' + E + '(?: (?:l|el|al) ?(?:code|otp|pin|password|ramz|kod))?',
  // someone took it from me: "کد تأیید رو ازم گرفت", Hinglish "usne mera card number … le liya", "he took my card number"
  '(?:ازم|از من|ازمون) (?:\\S+ )?(?:گرفت|گرفتن|گرفتند|گرفته)\\S*', '(?:le|le ?li) (?:liya|liye|li|lia)' + E,
  "(?:he|she|they|someone|the (?:guy|man|woman|lady|caller|scammer)) (?:took|got|stole) (?:my|the) (?:\\S+ )?(?:card number|card details|code|otp|pin|password|cvv)" + E,
  // typed into a scam's page: "I entered my details including my PIN on that site"
  "i (?:entered|typed|put|filled in|submitted|keyed in) (?:\\S+ ){0,5}?(?:pin|password|otp|code|cvv|card (?:number|details))" + E + " (?:\\S+ ){0,2}?(?:on|in|into|at) (?:that|the|their|this|a|fake) (?:site|website|link|page|form)" + E,
  'behesh (?:goftam|dadam|ferestadam|khoondam)',
  // (round 16) the numbers read off the card: "I read the numbers on my card out to the caller"
  "(?:i|and i|so i|then i)(?: (?:already|just|then|stupidly|even|actually))? (?:read|gave|told|dictated|sent)(?: (?:him|her|them))? (?:the|my|all the) (?:long )?(?:numbers?|digits?) (?:on|off|from) (?:the (?:front|back) of )?(?:my|the) card" + E,
  // Dari puts "to him" after the verb ("گفتم برش"); formal Persian "به ایشان اعلام نمودم"
  '(?:گفتم|دادم|فرستادم|خوندم|خواندم) (?:برش|بريش|برايش|به او|بهش)' + E,
  '(?:بهش|به ايشان|به او|به وي|براي ايشان|براي او) (?:\\S+ ){0,2}?(?:اعلام|ارسال|ابلاغ|تحويل|عرض) ?(?:نمودم|كردم)' + E, '(?:goftam|dadam|ferestadam|khoondam)esh',
], 'giu');
/** Digits told or read to someone as the verb's object, typed or read out: "قلتلو تلاتة سبعة صفر.. اربعة واحد تسعة", "I read him 4 8 2 9". */
const TOLD_DIGITS = alt([
  '(?:و|ف)?(?:قل|گل|ا?عطي|ادي|قري|بعت|ملي)ت(?:ل)?(?:ه|ها|هم|و)\\S* \\d{2,}(?: ?\\d){2,}',
  "(?:i|and i|so i|then i) (?:told|gave|read|texted|sent) (?:him|her|them)(?: the (?:numbers?|digits?))? \\d{2,}(?: ?\\d){2,}",
  '(?:بهش|به او|براش) (?:گفتم|خوندم) \\d{2,}(?: ?\\d){2,}',
]);
/** A negation written apart from the verb: "ما ارسلته لأحد", "مش اديته", "لم أعطه". */
const NEGATED_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:و|ف)?(?:${['ما', 'مش', 'مو', 'لم', 'لا', 'ماني', 'عمري ما', 'never', 'not', 'didn.t', 'ma', 'mesh', 'msh', 'mish', 'نه', 'هرگز', 'هيچ ?وقت'].map(foldLetters).join('|')})\\s*$`, 'iu');
/** Handed to us ("I sent it to you", "sent it here") is a message to support, not a scam's success. */
const TO_US = /^\s*(?:to (?:you|your|the support|support)|here|over here|in (?:the|this) chat|لكم|ليكم|إليكم|اليكم|هنا|براتون|به شما|اينجا)/iu;

/** How far before the hand-over verb its secret may be named, in characters (about one sentence). */
const SECRET_REACH = 80;
/** How far after the verb its object may start, in characters (a space, an article or a possessive, a space). */
const OBJECT_REACH = 6;

/** The type of the secret the customer says they handed over, or undefined. */
export function findHandedOverSecret(text: string): Kind | undefined {
  const read = handedOverByActs(digitsAsTyped(text));
  if (read) return read;
  const t = normalizeText(digitsAsTyped(text));
  const told = TOLD_DIGITS.exec(t);
  if (told && !NEGATED_BEFORE.test(t.slice(Math.max(0, told.index - 12), told.index))) return 'otp';
  const handed = [...t.matchAll(HANDED)].find((m) => !NEGATED_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index)) && !TO_US.test(t.slice(m.index + m[0].length)));
  if (!handed) return undefined;
  // the secret handed over is the one named last before the verb ("نسيت كلمة المرور … وطلب الكود، عطيته": the code) and
  // near it, or in the verb's own words ("gave him the code"); a PIN three sentences back is not what "I gave it" gave
  let best: { kind: Kind; at: number } | undefined;
  const end = handed.index + handed[0].length;
  for (const [kind, re] of SECRET) {
    for (const m of t.matchAll(new RegExp(re.source, 'giu'))) {
      // (…or the verb's own object right after it: "خبرته الرمز", "3titom l code")
      if (m.index < handed.index - SECRET_REACH || m.index > end + OBJECT_REACH) continue;
      if (!best || m.index > best.at) best = { kind, at: m.index };
    }
  }
  return best?.kind;
}
