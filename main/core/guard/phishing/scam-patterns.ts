/**
 * Known fake-support patterns in customers' messages (often a scammer's text the customer forwards or quotes):
 * a "support" number or account that is not official, a fee to upgrade/unlock/verify an account, and
 * "your account is frozen — act now" pressure. Lexicons are folded like all guard text.
 */
import { foldLetters, normalizeText } from '../text/normalize';
import type { GuardPolicy } from '../policy';
import { editDistance } from './confusables';

const AR_CLITICS = '(?:و|ب|ل|ال|وال|بال|لل)?';
/** Each part must start a word (Arabic parts may carry a clitic: `والرسوم`); endings are free (`suspend` → `suspended`). */
const rx = (parts: string[]) =>
  new RegExp(parts.map((p) => `(?<![\\p{L}\\p{N}])${/^[a-z\\\\]/i.test(p) ? '' : AR_CLITICS}(?:${foldLetters(p)})`).join('|'), 'iu');

const SUPPORT_WORDS = rx([
  'support', 'customer (?:service|care|care team)', 'help ?desk', 'help ?line', 'call cent(?:er|re)', 'hotline', 'agent', 'representative', 'security team', 'fraud team', 'technical team',
  'خدمه العملاء', 'الدعم', 'دعم فني', 'الدعم الفني', 'مركز الاتصال', 'موظف', 'من الشركه', 'منكم', 'قسم', 'فريق', 'خط ساخن', 'الاداره',
  'پشتيباني', 'خدمات مشتريان', 'مركز تماس', 'كارشناس', 'از طرف شما', 'از شركت', 'اپراتور',
  'poshtibani', 'khedmat el 3omala', 'el da3m',
]);
/** The number is offered as someone to contact… */
const CONTACT = rx(['call', 'called', 'calling', 'contact', 'dial', 'ring', 'number', 'whatsapp', 'hotline', 'اتصل', 'اتصال', 'كلمني', 'كلموني', 'رقمه', 'رقمهم', 'الرقم', 'رقم', 'زنگ', 'تماس', 'شماره', 'خط']);
/** …and not the customer's own ("reach me at", "رقمي", "شماره‌ام"). */
const SELF = rx(['my (?:number|phone|mobile|line|other line|whatsapp)', 'me (?:at|on)', 'reach me', 'call me', 'to my account', 'update (?:my|the) (?:number|phone)', 'رقمي', 'جوالي', 'موبايلي', 'تلفوني', 'هاتفي', 'تليفوني', 'الاتصال بي', 'اتصلوا بي', 'my iban', 'شماره تماسم', 'تلفنم', 'موبايلم', 'رقم الجوال في', 'على رقم', 'كلمني على', 'شمارم', 'شماره ام', 'شماره من', 'شماره موبايلم', 'بهم زنگ']);
/** Digits right after an IBAN's country code or a "#" are an account or an order number, not a phone. */
const GREETING = new RegExp(`^\\s*(?:${['dear', 'hi', 'hello', 'hey', 'to', 'good (?:morning|evening|afternoon)', 'عزيزي', 'عزيزتي', 'السادة', 'الساده', 'الى', 'مرحبا', 'السلام عليكم', 'سلام', 'اهلا', 'با سلام', 'جناب', 'همكاران', 'كارشناس محترم', 'پشتيباني محترم'].map(foldLetters).join('|')})(?![\\p{L}])`, 'u');
const IBAN_BEFORE = /(?:[a-z]{2}\d{2}\s?|#\s?|№\s?)$/i;
const PHONE = /(?<![\p{L}\d])(?:\+|00)?\d[\d\s\-().]{6,18}\d/gu;
const HANDLE = /(?<![\w.])@[a-z0-9_.]{3,30}/g;

const FEE = rx([
  'fee', 'fees', 'charge', 'pay', 'payment', 'deposit', 'transfer', 'gift ?cards?', '\\$\\s?\\d+', '\\d+\\s?(?:usd|\\$|sar|aed|egp|riyal|dirham|pounds?|toman|rial)',
  'رسوم', 'رسم', 'ادفع', 'دفع', 'تدفع', 'مبلغ', 'تحويل', 'حول', 'جنيه', 'ريال', 'درهم',
  'كارمزد', 'هزينه', 'پرداخت', 'بپرداز', 'واريز', 'تومان', 'ريال',
  'pardakht', 'hazine', 'karmozd', 'rosoom', 'edfa3',
]);
const ACCOUNT_CHANGE = rx([
  'upgrade', 'unlock', 'unfreeze', 'unblock', 'reactivat', 'activat', 'verif', 'keep (?:your |my )?account', 'release', 'restore', 'avoid (?:closure|suspension|deactivation)', 'premium',
  'ترقيه', 'تفعيل', '(?:ي|ت|ن)?ت?فعل\\S*', 'فك', 'افك', 'نفك', 'يفك', 'توثيق', 'تحديث', 'اعاده تفعيل', 'رفع الحظر', 'ميتقفلش', 'ما يتقفل', 'عشان الحساب', 'لتجنب', 'تجديد',
  'ارتقا', 'رفع مسدودي', 'فعال ?سازي', 'احراز', 'باز ?شدن', 'باز ?كردن', 'تمديد', 'ويژه',
  'tar2eya', 'tafeel', 'ertegha',
]);
const FROZEN = rx([
  'frozen', 'freeze', 'suspend', 'locked', 'blocked', 'closed', 'deactivat', 'disabled', 'terminated', 'restricted', 'compromised', 'on hold',
  'مجمد', 'تجميد', 'جمد', 'موقوف', 'ايقاف', 'مقفول', 'قفل', 'هيتقفل', 'بينقفل', 'بيتقفل', 'يتقفل', 'ينقفل', 'حيتقفل', 'بيتسكر', 'يتسكر', 'اغلاق', 'سيتم اغلاق', 'محظور', 'حظر', 'معلق', 'تعليق', 'هيتلغي',
  'مسدود', 'بسته', 'غيرفعال', 'غير فعال', 'تعليق', 'معلق',
  // dialect past and passive forms: Egyptian اتجمد/اتقفل/اتوقف/اتعلق, Maghrebi تبلوكا/تسد, Levantine انقفل/تسكر
  'ات(?:جمد|قفل|وقف|علق|بلوك|حظر|سكر|لغي|سد|قفش|عمله بلوك)\\S*', 'ان(?:قفل|حظر|سكر|جمد|وقف|سد)\\S*', 'تبلوك\\S*', 'بلوك\\S*', 'مبلوك\\S*', 'تسد\\S*', 'تسكر\\S*', 'قفلوه\\S*', 'وقفوه\\S*', 'جمدوه\\S*', 'مجمد\\S*', 'موقف\\S*', 'متوقف\\S*', 'مقفل\\S*',
  'قفل شد', 'مسدود شد', 'بلاك شد', 'غيرفعال شد', 'بسته (?:مي ?شه|ميشه|مي ?شود|شد)',
  'masdood', 'mojamad', 'maqfool', 'et(?:gamad|2afal|afal|wa2af)\\S*', 'tbloka', 'blocka',
]);
const NOW = rx([
  'now', 'immediately', 'urgent', 'asap', 'right away', 'today', 'within \\d+', 'in \\d+ (?:hours?|minutes?)', '24 ?h', 'last (?:chance|warning)', 'final (?:notice|warning)', 'expires?',
  'فورا', 'حالا', 'دلوقتي', 'الحين', 'عاجل', 'خلال', 'الان', 'اليوم', 'اخر فرصه', 'تنبيه نهائي', 'بسرعه', 'في اسرع وقت',
  'همين الان', 'فوري', 'فورا', 'ظرف', 'تا \\d+ ساعت', 'امروز', 'سريعا', 'هر چه سريعتر', 'فرصت',
  'alan', 'foran', 'delwa2ty', 'daba', 'halla2', 'hala2', 'fawran',
  'النهارده', 'النهاردة', 'النهاردا', 'دابا', 'توا', 'هلق', 'هلا', 'هسه', 'هسع', 'حالا', 'فورً?ا', 'بسرعه', 'دغري', 'على طول', '\\d+ ?(?:ساعه|ساعت|ساعات|hours?|hrs?)', 'همين حالا', 'سريع',
]);
const ACTION = rx([
  'verify', 'update', 'confirm', 'click', 'tap', 'log ?in', 'sign ?in', 'link', 'call', 'reply', 'enter', 'visit', 'send', 'http', 'www',
  'تحديث', 'حدث', 'تاكيد', 'اكد', 'اضغط', 'رابط', 'لينك', 'ادخل', 'اتصل', 'ارسل', 'تحقق', 'بياناتك', 'بيانات',
  'به ?روز', 'بروز', 'لينك', 'كليك', 'وارد', 'تماس', 'اطلاعات', 'تاييد', 'ارسال',
  'دوس', 'تاكد', 'تاكيد', 'دخل', 'عالرابط', 'عاللينك', 'ع الرابط', 'للرابط', 'الرابط', 'اللينك', 'ضغط', 'كبس', 'بزن', 'بزنيد', 'روي لينك', 'كليك كن\\S*', 'ثبت', 'اكد', 'حدث',
]);

const ACCOUNT = rx(['account', 'acct', 'profile', 'wallet', 'حساب', 'اكونت', 'اكاونت', 'الاكونت', 'محفظه', 'اكانت', 'حسابم', 'كيف ?پول', 'hesab', '7esab', 'account']);

/** Someone else asked for the money: "they told me to pay", "قالوا لي", "ازم خواستن". */
const TOLD = rx(['they (?:told|asked|said)', 'someone (?:told|asked|said)', 'he (?:told|asked|said)', 'told me', 'asked me', 'قالوا', 'قالي', 'قال لي', 'طلبوا', 'طلب مني', 'بيقولوا', 'گفتن', 'گفتند', 'ازم خواستن', 'خواستند']);

export type ScamCode = 'fake_number' | 'fake_handle' | 'upgrade_fee' | 'urgency';

export interface ScamFlag {
  code: ScamCode;
  /** The number or handle, for `fake_number` / `fake_handle`. */
  value?: string;
}

export function findScamPatterns(text: string, policy: GuardPolicy): ScamFlag[] {
  const t = normalizeText(text);
  const flags: ScamFlag[] = [];
  const official = policy.officialSupportNumbers.map(digits).filter((d) => d.length >= 4);
  const sentences = t.split(/(?<!\d)[.!?؟\n]+|[.!?؟\n]+(?!\d)/u);
  for (const [i, sentence] of sentences.entries()) {
    // "This is our support line 0800 123 456. Call it now.": "support" and "call" may be in the sentence next door
    const around = sentences.slice(Math.max(0, i - 1), i + 2).join(' . ');
    // "Dear support team, … my number is …": a greeting to us says nothing about whose number it is
    const aroundButGreetings = sentences.slice(Math.max(0, i - 1), i + 2).filter((x, k, all) => x === sentence || !GREETING.test(all[k]!)).join(' . ');
    for (const m of SELF.test(sentence) ? [] : sentence.matchAll(PHONE)) {
      const d = digits(m[0]);
      if (d.length < 7 || d.length > 15) continue;
      if (official.some((o) => sameNumber(o, d))) continue;
      const imitates = official.some((o) => looksLikeNumber(o, d));
      if (!imitates && !(SUPPORT_WORDS.test(aroundButGreetings) && CONTACT.test(around))) continue;
      if (IBAN_BEFORE.test(sentence.slice(Math.max(0, m.index - 6), m.index))) continue;
      if (!flags.some((f) => f.code === 'fake_number')) flags.push({ code: 'fake_number', value: m[0].trim() });
      break;
    }
    if (!SUPPORT_WORDS.test(sentence)) continue;
    const handles = policy.officialSupportHandles.map((h) => h.toLowerCase().replace(/^@/, ''));
    for (const m of sentence.matchAll(HANDLE)) {
      if (handles.includes(m[0].slice(1).toLowerCase()) || flags.some((f) => f.code === 'fake_handle')) continue;
      flags.push({ code: 'fake_handle', value: m[0] });
      break;
    }
  }
  if (FEE.test(t) && ACCOUNT_CHANGE.test(t) && (ACCOUNT.test(t) || TOLD.test(t))) flags.push({ code: 'upgrade_fee' });
  if (FROZEN.test(t) && NOW.test(t) && ACTION.test(t)) flags.push({ code: 'urgency' });
  return flags;
}

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

/** An official number with two digits swapped or one changed: a classic way to pass a scammer's line off as ours. */
function looksLikeNumber(official: string, d: string): boolean {
  const n = Math.min(9, official.length, d.length);
  if (n < 7) return false;
  return editDistance(official.slice(-n), d.slice(-n), 2) <= 2;
}

/** Same number written with or without a country or trunk prefix: compare the last nine digits. */
function sameNumber(a: string, b: string): boolean {
  const n = Math.min(9, a.length, b.length);
  return a.slice(-n) === b.slice(-n);
}
