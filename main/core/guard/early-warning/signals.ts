/** Security signals in customers' messages, in English, Arabic (Gulf, Egyptian, MSA), Persian, Arabizi and Finglish. */
import { foldLetters, normalizeText } from '../text/clauses';

export type SecuritySignal = 'hacked' | 'unknown_login' | 'unrequested_code' | 'impersonation';

const LEX: Record<SecuritySignal, string[]> = {
  hacked: [
    '(?:i|i\'ve|i have|we) (?:was|were|got|been|have been|has been) hacked', '(?:account|acct|profile|whatsapp|email|card) (?:was |got |has been |is |been )?(?:hacked|stolen|compromised|taken over)', 'hacked', 'hacker', 'someone (?:took|stole|has taken) (?:over )?my (?:account|number|sim)',
    'ان?هكر\\S*', 'تهكر\\S*', 'اتهكر\\S*', 'هكروا\\S*', 'مهكر\\S*', 'اخترا?ق\\S*', 'مخترق\\S*', 'سرقوا حساب\\S*', 'انسرق\\S*', 'اتسرق حساب\\S*',
    'هك شد\\S*', 'هك شده', 'هكم كردن', 'هك كردن', 'حسابم (?:رو )?دزديدن', 'hack shod\\S*', 'et?hakar\\S*', 'enhakar\\S*',
  ],
  unknown_login: [
    'log ?in (?:that )?i (?:did not|didn\'t|never) make', 'sign ?in (?:that )?i (?:did not|didn\'t) (?:make|recogni[sz]e)', '(?:someone|somebody) (?:logged|signed) (?:in|into)', '(?:login|log ?in|sign ?in|access) from (?:a |an )?(?:new|unknown|strange|unfamiliar) (?:device|location|phone|country)', 'i (?:don\'t|do not) recogni[sz]e (?:this|a|the) (?:login|device|sign ?in)', 'strange login', 'unknown device', 'suspicious login',
    'تسجيل دخول (?:لم|ما|مش)\\S*', '(?:حد|احد|شخص|واحد) (?:دخل|سجل دخول|فتح) (?:(?:على|علي) )?\\S*حساب\\S*', 'دخول (?:غريب|مشبوه|من جهاز)', 'جهاز (?:غريب|مش بتاعي|ما اعرفه|غير معروف)',
    'ورود (?:ناشناس|مشكوك|غريبه)', '(?:كسي|يكي|يه نفر) وارد (?:حساب|اكانت)\\S* شده', 'دستگاه ناشناس', 'ورودي كه (?:من )?(?:انجام )?ندادم', 'login gharib',
  ],
  unrequested_code: [
    'code (?:that )?i (?:did not|didn\'t|never) (?:request|ask for|ask)', '(?:got|received|getting|receiving) (?:a |an |the )?(?:verification |otp |login |security )?codes? (?:\\S+ ){0,3}(?:didn\'t|did not|never) (?:request|ask)', 'otp i (?:did not|didn\'t) (?:request|ask)', 'unrequested code', 'codes? (?:keep|keeps) coming',
    '(?:كود|رمز|الكود|الرمز|رسايل|رسائل) (?:\\S+ ){0,3}(?:ما|لم|مش|من غير ما) (?:طلبت|طلبته|طلبتها|اطلب|اطلبه)\\S*', 'جا?لي كود\\S* (?:\\S+ ){0,3}(?:من غير|بدون)\\S*', '(?:وصلني|وصلتني|جاني|جتني|جالي) (?:كود|رمز|رسال)\\S* (?:\\S+ ){0,3}(?:ما|لم|مش) ?(?:طلبت|طلبته|اطلب)\\S*',
    'كد\\S* (?:\\S+ ){0,4}(?:درخواست|در خواست) ن?كرده? ?(?:بودم|ام)?', 'درخواست نكرده (?:بودم|ام)', 'كد\\S* (?:\\S+ ){0,3}(?:اومد|امد|مياد|مياد)\\S* (?:\\S+ ){0,3}(?:درخواست|خودم) ن\\S*', 'code (?:\\S+ ){0,3}darkhast nakardam',
  ],
  impersonation: [
    '(?:someone|somebody|a (?:guy|man|woman|person)|they|people) (?:is |are |was |were )?(?:pretending|claiming|posing|saying|said|says|impersonating)\\S* (?:to be |as |that (?:he|she|they) (?:is|are|was) (?:from )?|he is from |she is from |they are from )?(?:you|your|from you|from your|acme|support|the bank|customer service)', 'fake (?:account|page|profile|support|agent|website|site)', 'impersonat\\S*', 'pretending to be (?:you|your)',
    '(?:حد|احد|شخص|واحد|ناس) (?:\\S+ ){0,3}و?(?:بيقول|يقول|قال|يدعي|ادعى|بيدعي|ينتحل|انتحل)\\S* (?:\\S+ ){0,2}(?:منكم|انه منكم|انه من|من الشركه|من خدمه العملاء|من البنك|من الدعم)', 'ينتحل\\S*', 'انتحال\\S*', 'حساب (?:مزيف|وهمي|مش تبعكم|مضروب)', 'صفحه (?:مزيفه|وهميه)',
    '(?:از طرف|از) (?:شما|شركت|پشتيباني) (?:\\S+ ){0,3}(?:تماس|زنگ|پيام)\\S*', '(?:خودش|خودشون) رو (?:جاي|به جاي|به عنوان) (?:شما|پشتيباني)', 'صفحه (?:جعلي|فيك|تقلبي)', 'حساب (?:جعلي|فيك)', 'جعل هويت', 'fake account', 'safhe jali',
  ],
};

const COMPILED = Object.fromEntries(
  Object.entries(LEX).map(([k, parts]) => [k, new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(foldLetters).join('|')})`, 'iu')]),
) as Record<SecuritySignal, RegExp>;

export const SECURITY_SIGNALS = Object.keys(LEX) as SecuritySignal[];

export function securitySignals(text: string): SecuritySignal[] {
  const t = normalizeText(text).replace(/[^\p{L}\p{N}'$]+/gu, ' ');
  return SECURITY_SIGNALS.filter((s) => COMPILED[s].test(t));
}
