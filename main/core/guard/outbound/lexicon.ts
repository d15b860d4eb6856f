/**
 * Phrase lexicons of the outbound guard, written naturally (any Arabic/Persian letter variant, lower-case Latin)
 * and folded by `compile` exactly as message text is, so `أرسل`, `ارسل` and `ارسـل` are one entry.
 * Each entry is a regular-expression source matched over the space-joined tokens of one clause; `\S*` stands
 * for clitics and inflections (`الكود`, `كودك`, `بفرستید`).
 */
import { foldLetters } from '../text/clauses';
import { REFUSAL_WORDS, registerLexicon } from '../text/words';

/** (round 27) A number another word names ("the tracking number that just came in your email") is that thing's, not a code. */
export const NOT_ANOTHER_NUMBER = '(?<!(?:tracking|order|booking|reference|ref|invoice|ticket|receipt|confirmation|transaction|parcel|shipment|delivery|waybill|case|complaint|refund) )';

export type SecretKind = 'otp' | 'password' | 'pin' | 'card' | 'cvv' | 'national_id' | 'full_name' | 'activation';

const AR_PFX = '(?:و|ف|ب|ل|ال|وال|بال|فال|لل|ك)?';

export const SECRET_OBJECTS: Record<SecretKind, string[]> = {
  otp: [
    '(?:verification|verify|confirmation|confirm|security|login|log ?in|sign ?in|auth|authentication|authorisation|authorization|one ?time|2fa|two ?factor|2 ?step|sms|text|otp|access|reset|recovery|secret|bank|whatsapp|telegram|\\d|four|five|six|4 ?digit|6 ?digit|four ?digit|six ?digit|\\d ?digit) ?codes?',
    'codes?', 'otps?', 'msimbo\\S*',
    // (round 38) Finglish "کدی که" written apart: "code i ke alan baratoon sms shod" (the code that was just texted to you)
    '(?:code|cod|kod) i(?= (?:ke|k|keh)(?: |$))',
    // (round 23) the loanword "code" as other scripts and case endings write it: Turkish "kodu", "kodunu", Spanish "código", Bengali কোড, Urdu کوڈ, Amharic ኮድ
    'kod(?:u|unu|unuzu|unuz|um|umu|lar\\S*|ları\\S*)', 'c[oó]digos?', 'code-?u', 'কোড\\S*', 'کوڈ\\S*', 'ኮድ\\S*', '(?:verification|verify|confirmation|otp|security|one ?time|sms|login|auth) (?:number|no|digits|pin)s?', 'one ?time (?:pass ?(?:word|code)|pin|key)', 'passcodes?', 'tac', 'tan',
    `${NOT_ANOTHER_NUMBER}(?:the |that |those )?(?:digits|numbers?|number|pin|message|sms|text|texts) (?:that |which |we |the bank |the system |you )?(?:just |have |has )?(?:got|get|received|receive|sent|came(?! up)|arrived|showing|shown|you got|you received|you just got|you have received|was sent|we sent|we just sent|texted|messaged|smsed|pinged|whatsapped)`,
    // Pidgin relative "wey": "the number wey dem send you", "the code wey we send to your line"
    '(?:the )?(?:number|numbers|code|digits|pin) wey (?:\\S+ ){0,2}(?:send|sent|give|gave|show|come|enter|reach)\\S*', '(?:el|al|l) ?code', 'kod', 'kode', 'codi', 'kodi', 'codie', 'codei', 'codo', 'coda', 'el ?ramz', 'ramz', 'ramzo', 'ال (?:otp|code|codes|sms code|verification code)', 'ramze? ?(?:ye ?)?(?:yekbar|yek ?bar|pooya|puya)\\S*', 'code ?ro', 'code ?e? ?taeed', 'code ?e? ?tayid', 'code ?e? ?ta2keed',
    `${AR_PFX}كود\\S*`, `${AR_PFX}اكواد\\S*`, `${AR_PFX}رمز\\S*`, `${AR_PFX}otp\\S*`, `${AR_PFX}اوتي ?بي`,
    '(?:ال)?(?:رقم|ارقام|الارقام|الرقم|الرساله|رساله|المسج|مسج|الماسج|ماسج|sms|الاس ام اس|الكلمه) (?:اللي|الي|التي|الذي|اللى|لي|يلي) (?:\\S+ )?(?:توصل|يوصل|تجي|يجي|وصل|وصلت|جا|جت|جال|جالك|جاتك|وصلك|وصلتك|وصلتكم|ارسلت|ارسل|اتبعت|انبعت|بعتنا|ارسلناه|ارسلناها|تم ارسال|جتك|ظهر|ظهرت|بتوصلك|راح تجيك|تجيك)\\S*',
    '(?!كدام|كدوم|كدامين)كد\\S{0,3}', 'كد(?:تون|مون|شون|تان|مان|شان)(?:و|را|رو)?', 'كدي', 'كد ?(?:تاييد|يك ?بار ?مصرف|پيامكي|پيامك ?شده|ارسال ?شده|امنيتي|ورود|پويا)',
    'رمز ?(?:يك ?بار ?مصرف|پويا|پيامكي|موقت)\\S*',
    // (round 31) the bank's token, the device or app that shows a one-time code: "الرقم اللي ظاهر على التوكن", "your bank token's code"
    `${AR_PFX}توكن\\S*`, '(?:bank |security |hardware |soft |rsa |digital )?token(?:\'s)? (?:code|number|digits|pin)s?', '(?:bank|security|hardware|rsa|soft) tokens?', '(?:عدد|عددي|شماره|پيامك|پيامكي|اس ام اس|پيام|ارقام|رقم|رقمي|كد|كدي|رمزي) ?(?:(?:را|رو) )?(?:كه|كي) (?:\\S+ ){0,3}(?:براتون|برات|برايتان|براي شما|به شما|به گوشيتون|به گوشي شما|روي گوشيتون)? ?(?:\\S+ )?(?:اومد|امد|اومده|امده|بامو|بامه|رسيد|رسيده|ارسال شد|ارسال شده|فرستاده شد|فرستاديم|(?:اس ام اس|پيامك|پيام|مسج|sms) (?:شد|امد|اومد))\\S*',
    // formal: "ارقامی که لحظاتی پیش از طریق پیامک دریافت نمودید" (the digits, then up to five words of when and how)
    '(?:عدد|اعداد|ارقام|رقم|كد|رمز)(?:ي)? (?:كه|كي) (?:\\S+ ){0,5}(?:دريافت|مشاهده) (?:نموديد|كرديد|كردين|كردي|فرموديد)',
  ],
  password: [
    // a Latin name after the Arabic article: "الـ password"
    'ال (?:pass ?words?|passwd|pwd|pass ?code)',
    '(?:account |login |online banking |internet banking |mobile banking |net banking |banking |bank |email |app )?pass ?words?', 'passwd', 'pwd', 'pass ?phrase', 'login (?:details|credentials|info)', 'credentials',
    // (round 37) the bank's login itself: "send your online banking login here", "net banking log-in details"
    '(?:online|internet|mobile|net|e) ?-?banking (?:log ?-?in|logon|sign ?-?in)s?(?: (?:details|info|credentials))?', 'el ?pass(?:word)?', 'kelmet el ?(?:ser|sir|seer)', 'kilmet al ?sir', 'kalmet el ?ser', 'ramz ?e? ?(?:obur|oboor|vorud)', 'kata (?:laluan|kunci)', 'nenosiri', 'neno (?:la )?siri', 'neno la kuingia', 'pass (?:e |et |eto )?(?:account|hesab)\\S*', 'pasvord\\S*', 'passvord\\S*', 'pasword\\S*', 'ramze?t(?:o|ono|eton|ro|esh)?', 'ramzeto', 'pass(?:e|et|eto) ?(?:accountet|account|hesab\\S*)?',
    `${AR_PFX}كلم\\S* (?:ال)?(?:سر|مرور|المرور|السر)\\S*`, `${AR_PFX}باس ?و?ورد\\S*`, `${AR_PFX}(?:مو ?دي? ?باس|مو ?دي? ?پاس|موت ?دو ?باس)\\S*`, 'mot ?de ?pa(?:ss|s)e?', 'modpass', `${AR_PFX}مو ?د(?:و|ي)? ?باس\\S*`,
    // (round 23) the password in Turkish, Azerbaijani, Indonesian, Bengali and Urdu letters
    '[sş]ifre\\S*', 'parol(?:u|unu|unuzu|unuz)?', 'kata sandi',
    // (round 24) Dari "پاسورد", Kurdish Sorani "وشەی نهێنی" (the secret word), Kinyarwanda "ijambo ry'ibanga"
    'پاس ?و?ورد\\S*', '(?:وشه|وشەی|وشهي|وشەي) (?:ی )?نهێنی\\S*', '(?:وشه|وشەی|وشهي|وشەي) (?:ی )?نهيني\\S*', "ijambo (?:ry'?|ri)?(?:i)?banga", "ijambo ry ?ibanga", 'পাসওয়ার্ড\\S*', 'پاس ?ورڈ\\S*', `${AR_PFX}باسورد\\S*`, `${AR_PFX}پسورد\\S*`,
    `${AR_PFX}(?:رقم|الرقم)(?:ك|كم)? (?:ال)?سري\\S*`, 'رمز ?(?:عبور|ورود|حساب|اينترنت ?بانك)\\S*', 'گذر ?واژه\\S*', 'كلمه ?(?:ي )?عبور\\S*', 'كلمه ?(?:ي )?(?:عبور|رمز)\\S*',
  ],
  pin: [
    'pins?', 'pin ?(?:code|number|no)', '(?:atm|card|debit|sim|puk) pins?', 'puk\\S*', 'el ?pin', '(?:el |al )?(?:raqam|ra2am|ra2m|rakam|rqm|raqm) (?:el |al |l)?(?:sirri|serri|siri|sri|sirry)(?: (?:bta3|ta3|dyal|dial|li|l|lel|el) (?:el |al |l)?(?:visa|card|kart|karta|carte|atm|beta2a|bitaqa)\\S*)?', 'ramz(?: ?e)? ?(?:dovom|avval|aval|kart|cart)\\S*',
    '(?:ال)?رقم (?:ال)?سري (?:لل|حق ال|ل|الخاص ب|(?:بتاع|تاع|ديال|ديال|متاع|تبع) (?:ال)?)?(?:بطاق|كارت|كارط|كرت|فيزا|صراف)\\S*', `${AR_PFX}بن ?كود\\S*`, 'رمز ?(?:دوم|اول|كارت|عابر ?بانك)\\S*',
    // (round 30) the SIM's PUK: "رمز پوک", "کد پوک", "كود الـPUK" (الـ joined to the Latin)
    '(?:رمز|كد|كود|code|ramz|ramze|kod) ?(?:ي |e )?(?:ال)?(?:پوك|بوك|puk|pouk|pook)\\S*', 'الpuk\\S*', 'پين\\S*', `${AR_PFX}بين كود`,
    'mpins?', // (round 13: a mobile banking PIN)
    // (round 21) Swahili "namba ya siri" (the secret number: a PIN)
    '(?:namba|nambari) (?:yako |yangu )?ya siri',
    // (round 24) Kinyarwanda "umubare w'ibanga" (the secret number)
    "(?:umubare|imibare) (?:w|y)'? ?ibanga",
    // (round 34) the PIN described as the card's secret digits: "the four secret digits of your card", "الأربعة أرقام السرية حق الفيزا", "الأرقام السرية"
    '(?:(?:4|four) )?secret (?:digits|numbers)', `${AR_PFX}(?:ارقام|الارقام|اعداد|الاعداد) (?:ال)?سري\\S*`, '(?:4|chahar|char) ?(?:ta )?(?:ragham|raqam|adad)\\S* (?:e )?(?:serri|sirri|mahramane)',
  ],
  card: [
    '(?:full |complete |whole |entire |long |all |the )?(?:credit |debit |bank |atm |visa |master ?card |mada |payment )?card(?:\'s)? (?:number|numbers|no|num|details|info|information|digits)',
    '(?:credit|debit|visa|master ?card) (?:number|details|info)', '(?:16|sixteen) ?(?:digits?|numbers)(?: number)?', 'card ?num', 'shomare ?(?:ye )?(?:kamel\\S* )?(?:[kc][ae]?r[td])\\S*', '(?:ra?qa?m|ra2[ae]?m|rakam|nemret|nemra|nmra|noum(?:ro|rou|erou)|numero|numéro) (?:el |al |l |dyal |dial |ta3 |bta3 |de la |de |du )?(?:el |l)?(?:card|kart|karta|carte|visa|beta2a|bita2a|bataqa|bitaqa)\\S*',
    `${AR_PFX}(?:رقم|ارقام|بيانات|معلومات|تفاصيل|نمره|نمرت) (?:ديال |تاع |متاع |حق |تبع |بتاع )?(?:ال)?(?:بطاق|كارت|كارط|كرت|كرط|فيزا|ماستر|الفيزا|البطاق|الكارت|الكارط|الكرت|الماستر)\\S*`, '(?:ال)?16 (?:رقم|خانه)', 'شماره ?(?:ي )?(?:كامل ?(?:ي )?)?كارت\\S*', 'شماره ?(?:ي )?(?:16|شانزده) ?رقمي (?:\\S+ )?كارت\\S*', '(?:اطلاعات|مشخصات) ?(?:ي )?كارت\\S*', '16 رقم\\S*',
  ],
  cvv: [
    'cvv2?', 'cvc2?', 'cv2', 'csc', '(?:card )?security code (?:on|at|from) the back', '(?:3|three) ?digits? (?:code )?(?:on|at|from|behind|printed on) (?:the )?back',
    // (round 30) …with a word between: "the three wee numbers on the back", "them 3 little ones off the back of ur card"
    '(?:the |them |those )?(?:3|three) (?:\\S+ )?(?:digits?|numbers?|nums?|ones) (?:on|at|from|off|behind|printed on|in) (?:the )?back',
    // (round 30) …by where they stand beside the signature: "the three little numbers by the strip"
    '(?:the )?(?:3|three) (?:\\S+ )?(?:digits?|numbers?|nums?) (?:by|next to|beside|near|on|at|above|in) (?:the )?(?:(?:signature|sig|white|magnetic) (?:strip|panel|box)|strip|signature)', 'card verification (?:value|code|number)', 'security digits',
    // (round 34) "the 3 number back side of card", Finglish "3 raghame poshte kart"
    '(?:the )?(?:3|three) (?:\\S+ )?(?:digits?|numbers?|nums?) (?:on |at |of |from )?(?:the )?back ?side', '(?:3|se) ?(?:ta )?(?:ragham|raqam|adad)\\S* (?:e |ye )?posht\\S*',
    `${AR_PFX}cvv\\S*`, `(?:ال)?(?:3|ثلاث|ثلاثه|تلات|تلاته|الثلاث|الثلاثه|التلات) ?(?:ارقام|خانات|الارقام) (?:\\S+ ){0,2}(?:ظهر|خلف|ورا|ورى|الخلف|ضهر|بظهر|خلفيه)\\S*`, 'رمز (?:ال)?(?:امان|الامان|امني|الامني|تحقق البطاق)\\S*',
    'كد ?(?:cvv|امنيتي|سه ?رقمي)\\S*', 'سي ?وي ?وي\\S*', '(?:3|سه) ?رقم (?:\\S+ )?(?:پشت|پشتي)\\S*',
  ],
  national_id: [
    '(?:national|civil|emirates|resident|residency|residence|government|gov|qid|saudi) ?id(?: number| no| card)?',
    // (round 24) a Gulf ID by its acronym: Qatar's QID, Bahrain's CPR, the Emirates ID's EID (only beside a card/number/picture word: "Eid" is a feast)
    'q ?id', 'cpr(?: card| number| no)?', 'eida?(?= (?:card|number|no|copy|front|back|both|photo|pic|picture)(?: |$))', 'nric(?: number| no| card)?', 'nric', 'nid(?: number| no| card)', 'i ?c (?:number|no)', 'fin (?:number|no)', 'mykad(?: number| no)?', 'id (?:number|no|card|copy)', 'iqama(?: number| no)?', 'passport (?:number|no|copy|details|photo|scan)', 'social security(?: number)?', 'ssn', 'identity (?:number|card|document)', 'national (?:number|identity)', '(?:raqam|ra2m|ra2am|rakam|raqm|rqm|ra8m|ra8am|ra9m|ra9am|ragm)(?:ak|ik|ek|kom|ak|k)? (?:el |al |l)?(?:hawiya|hawiyya|hawiye|hawie|hawya|huwiya|huwiyya|qawmy|qawmi|watani|2awmy|2awmi|madani|madaniy?a|shakhsi|shakhsy|sha5si|sha5sy)\\S*', 'nin', 'bvn(?: number| no)?', 'nic (?:number|no|card)', 'el ?ra2m el ?2awmy', 'code ?e? ?mell?i', 'kode? ?mell?i', 'shomare ?(?:ye )?mell?i', 'kart ?e? ?melli',
    // (round 38) the national number by its own name: Tunisian "النومرو الوطني", Jordanian "الرقم الوطني", Kuwaiti "الرقم المدني"
    '(?:ال)?(?:رقم|نومرو|نمرو|نمره|نمرت) (?:ال)?(?:وطني|قومي|مدني)\\S*',
    `${AR_PFX}(?:رقم )?${AR_PFX}(?:هويه|هويت|اقامه|اقامت)\\S*`, `(?:ال)?(?:رقم )?(?:ال)?(?:جواز|الجواز)\\S*`, `(?:ال)?(?:رقم )?(?:ال)?(?:بطاق|كارنيه|كرت)\\S* (?:ال)?(?:شخصي|الشخصي|هويه|الهويه|الرقم القومي|وطني|الوطني|تعريف|التعريف)\\S*`, '(?:ال)?سمي(?:ت|ه)\\S* (?:ال)?كامل\\S*', `${AR_PFX}رقم(?:ك|كم|ه|ي)? (?:ال)?(?:قومي|وطني|مدني|شخصي)\\S*`, '(?:ال)?سجل (?:ال)?مدني\\S*',
    '(?:كد|شماره|كارت) ?(?:ي )?ملي\\S*', 'شناسنامه\\S*', '(?:نمبر|شماره|كاپي|كابي|عكس) ?(?:ي )?تذكره\\S*', 'تذكره ?(?:ي )?(?:الكترونيكي|تابعيت)\\S*', '(?:ال)?(?:لا ?)?كارط ناسيونال\\S*', '(?:la |le )?cart[e]? nationale?', "carte d'identit[eé]", '(?:numero|numéro|num|n°|raqm|ra9m|r9m|noumro|nemra) (?:de la |de le |de |dyal |d |l |el |la |le )?cin', 'cin', '(?:el |al )?(?:beta2a|bita2a|bitaqa|bataqa|carte?) (?:el |al |l)?(?:watani(?:ya|yya|ye|a)?|nationale?)', 'گذرنامه\\S*', 'پاسپورت\\S*', 'كد ?ملي\\S*',
    // (round 31) the passport by its loanword alone ("نومرو الباسبور متاعك", "axe safe aval passport"), India's, Pakistan's
    // and the Philippines' IDs by their own names ("your Aadhaar number for KYC", "CNIC number", "PhilSys number")
    'passports?', `(?:${AR_PFX}(?:رقم|نمره|نومرو|نمرو|نمبر) (?:ال)?)?${AR_PFX}باس ?بور\\S*`, '(?:نمبر|شماره|نمره) ?(?:ي )?(?:پاسپورت|گذرنامه)\\S*', 'aa?dh?aa?r\\S*(?: (?:card|number|no|details))?', 'cnic(?: number| no| card)?', 'pan (?:card|number|no|details)', 'phil ?sys(?: (?:number|no|id|card))?',
    // (round 31) the date of birth, whole or not: "DOB, full", "تاريخ ميلادك كامل", "تاریخ تولد", "روز، ماه و سال تولد",
    // "tarikhe tavalod", "tare5 miladak", "date de naissance"; a birth year alone, or a birthday, is not asked for here
    '(?:date|day) of? birth', 'birth ?date', 'dob', 'd ?o ?b(?= (?:full|in full|d ?m ?y|dd ?mm ?yy(?:yy)?)(?: |$))', `${AR_PFX}تاريخ (?:ال)?(?:ميلاد|الميلاد|ازدياد|الازدياد|ولاد)\\S*`, 'تاريخ ?(?:ي )?تولد\\S*', '(?:روز|ماه) (?:و )?(?:ماه )?(?:و )?سال ?(?:ي )?تولد\\S*',
    'tar[iye]{0,2}(?:kh|5)\\S* (?:e |ye |el |al |l)?(?:tav[ao]ll?o?d|m[ei]{1,2}l[ae]{1,2}d|izdiyad|zdiyad)\\S*', 'date de naissance',
  ],
  full_name: [
    'full (?:legal )?names?(?: (?:exactly )?as (?:it (?:appears|is) |written |shown )?(?:on|in) (?:your |the )?(?:id|id card|card|passport|iqama|national id))?', '(?:your )?first and last names?', 'complete names?', 'name (?:as it appears |exactly as it appears |as it is |as written )?on (?:your |the )?(?:id|card|passport|iqama)', 'legal names?', 'buong pangalan', 'esm ?e? ?kamel\\S*', '(?:esm|ism|isim|esem)\\S* (?:el |al |l)?(?:kamel|kaamel|kamil|rubaa?3?i|roba3?i|rba3i|thulathi|tholathi|tholasi|tlete|tlate|tlati|tholathy)', 'esm ?o ?famil\\S*', 'el ?esm el ?kamel', '(?:smit|smiyt|smyt|ismit|esmit|smitt)\\S* (?:l |el )?(?:kamla|kamlah|kamel|kaamla|kamila)',
    `${AR_PFX}اسم\\S* (?:ال)?(?:كامل|بالكامل|رباعي|ثلاثي|الكامل|الرباعي|الثلاثي|كما في|حسب)\\S*`, 'نام ?(?:و|ونام)? ?نام ?خانوادگي\\S*', 'نام ?(?:ي )?(?:كامل|مكمل)\\S*', 'اسم ?(?:و|ُ)? ?فاميل\\S*', 'نام خانوادگي\\S*', 'اسم ?كامل\\S*',
  ],
  activation: [
    'activation (?:code|pin|number)s?', 'activation', 'code ?(?:e )?(?:faal ?sazi|activation)', `${AR_PFX}(?:كود|رمز) (?:ال)?تفعيل\\S*`, 'كد ?(?:ي )?فعال ?سازي\\S*', 'تفعيل',
  ],
};

/** Phrases that contain a secret word but name something harmless (promo code, order number, error code…). */
export const NEUTRAL_OBJECTS = [
  // (round 22) identity as what is verified, not the card: "لكي نتحقق من هويتك"
  '(?<=(?:تحقق|التحقق|للتحقق|نتحقق|يتحقق|نتاكد|التاكد|للتاكد|اثبات|لاثبات|تاكيد|تاييد) من )هويت\\S*',
  // (round 31) …and in Persian: "جهت احراز هویت" (to verify your identity) names the check, not the card
  '(?<=احراز )هويت\\S*',
  '(?:promo|promotion|promotional|discount|coupon|voucher|referral|gift|postal|post|zip|area|country|dialing|error|tracking|reference|ref|order|booking|qr|bar|source|dress|tax|swift|sort|ticket|product|item|invite|invitation|redeem|redemption|offer|package|plan|bundle|short|ussd|dial|delivery|pickup|pick-up|collection|locker|parcel|door|gate|building|wifi|wi-fi|network|model|colour|color|style|course|class|room|branch|store|shop|sku) ?codes?',
  '(?:order|tracking|ticket|reference|ref|account|phone|mobile|contact|invoice|case|complaint|booking|policy|customer|shipment|parcel|serial|imei|line|iban) (?:number|no|id|num)s?',
  // (round 37) a reference by its thing: "the booking reference mentioned in the SMS we sent"
  '(?:booking|order|ticket|case|complaint|claim|policy|payment|transaction|reservation) ref(?:erence)?(?: (?:number|no|code|id))?s?', 'password managers?', 'codes? (?:of|for) (?:the |your )?(?:error|offer|promo|discount|bundle|package|plan)', 'promo', 'dial \\S+',
  `${AR_PFX}(?:كود|كوبون|رقم|رمز(?!\\S* (?:ال)?حساب))\\S* (?:ال)?(?:خصم|بريد|البريد|دوله|الدوله|خطا|الخطا|طلب|الطلب|شحن|الشحن|تتبع|التتبع|هديه|الهديه|دعوه|الدعوه|ترويج|الترويج|احاله|الاحاله|عرض|العرض|باقه|الباقه|قسيمه|القسيمه|الشكوى|شكوى|تذكره|التذكره|جوال|الجوال|موبايل|الموبايل|هاتف|الهاتف|تلفون|التلفون|مرجع|المرجعي|مرجعي|فاتوره|الفاتوره|حساب|الحساب|عميل|العميل|اوردر|الاوردر|الخط|خط|تليفون|التليفون|واتساب|الواتساب|الاشتراك|اشتراك)\\S*`,
  '(?:ال)?رمز (?:ال)?بريدي\\S*',
  // (round 34) a pin on a map is a place, not a PIN: "drop me a pin of where you're parked", "send a location pin"
  '(?:drop|dropped|dropping|drops) (?:me |us )?an? (?:location |map )?pin', '(?:location|map|maps|google maps?|live location|whatsapp location) pins?', 'pins? (?:of|on|for) (?:where|the map|your location|the location|a map)',
  // the number a message came from is its sender, not its content: "what number did the text come from?", "من أي رقم جاتك الرسالة؟", "از چه شماره‌ای پیامک اومد؟"
  "(?:the )?sender(?:'s|s)? (?:phone |mobile )?(?:number|no)(?: (?:on|of|in|from|for) (?:that|the|this|your) (?:text|sms|message|msg))?", '(?:ال)?رقم (?:ال)?(?:مرسل|راسل|مصدر)\\S*', 'شماره (?:ي )?(?:فرستنده|ارسال ?كننده)\\S*',
  '(?:what|which) (?:phone |mobile )?(?:number|no) (?:did|does|was|is|has) (?:\\S+ ){0,3}?(?:come|came|coming|sent|send|sending|arrive|arrived) from', '(?:from|by) (?:what|which) (?:phone |mobile )?(?:number|no)',
  '(?:من )?(?:اي|انهي|انو|اياتو|شو|ياتو) (?:رقم|نمره)\\S*(?= (?:\\S+ ){0,2}(?:جا|جات|وصل|اجت|اجا|ارسل)\\S*)', '(?:از )?(?:چه|كدام|كدوم) شماره\\S*',
  'كد ?(?:ي )?(?:تخفيف|پستي|رهگيري|پيگيري|خطا|معرف|سفارش|اشتراك|دستوري|ussd|شارژ)\\S*', '(?:code|kod|kode)(?: e| ye)? (?:takhfif|hedye|moaref\\S*|davat|rahgiri|peygiri|sefaresh|posti\\S*)', 'codes? posta(?:l|ux)', 'شماره ?(?:ي )?(?:سفارش|پيگيري|تماس|موبايل|همراه|حساب|فاكتور|تيكت|خط|تلفن|موبايلتون|همراهتون|سفارشتون|شبا)\\S*', 'رمز ?(?:ارز|ارزها)',
];

/** "last four digits": asking for these is fine for cards and IDs. */
/** (round 23) "last" and "four" where nobody listed them: Persian آخرین, Turkish "son", Indonesian "terakhir", Tagalog "huling", Swahili "mwisho", Urdu آخری, Hausa "karshe", Bengali শেষ, Azerbaijani "sonuncu". */
const LAST_WORD = '(?:last|final|اخرين|اخري|son|sonuncu|terakhir|huling|mwisho|karshe|শেষ)';
const FOUR_WORD = '(?:4|four|چهار|چار|dört|dörd|empat|apat|nne|hudu|চার)';
export const LAST_DIGITS = [
  `${LAST_WORD} (?:\\S+ ){0,2}?${FOUR_WORD}`, `${FOUR_WORD} (?:\\S+ ){0,4}?${LAST_WORD}`,
  '(?:the )?last (?:4|four|3|three|2|two) (?:digits?|numbers?|characters)', '(?:4|four) last digits', 'ending (?:in|with)', 'ends? (?:in|with)',
  '(?:اخر|الاخر|لاخر) (?:4|اربع|اربعه|3|ثلاث|تلات) (?:ارقام|خانات|أرقام|ارقام)\\S*', '(?:ال)?(?:4|اربع|اربعه|الاربع|الاربعه) (?:ارقام|خانات|الارقام)\\S* (?:ال)?(?:اخيره|الاخيره|الاخيرين)',
  '(?:4|چهار) ?(?:رقم|عدد) ?(?:ي )?(?:اخر|پاياني|انتهايي)\\S*', '(?:اخر|پايان)\\S* (?:4|چهار) رقم', 'akher ?(?:4|arba3) ?(?:ar2am|arqam|raqam)', '(?:4|chahar|char) ?ra(?:q|gh?)am\\S* ?(?:e )?akh[ae]r\\S*', 'akh[ae]r\\S* (?:4|chahar|char) ?ra(?:q|gh?)am\\S*',
  // (round 22) French, also inside Darija and Tunisian: "les 4 derniers chiffres", "les quatre derniers", "e5er 4 ar9am"
  '(?:les )?(?:4|quatre|3|trois|2|deux) derniers? (?:chiffres?|num[eé]ros?)', '(?:les )?derniers? (?:4|quatre) (?:chiffres?|num[eé]ros?)', '(?:e5er|ekher|akher|a5er|5er) (?:4|arba3|arb3a) (?:ar9am|ar2am|arqam|ra9m|raqam|chiffres?)',
];

/**
 * (round 21) Hand-over verbs of Swahili ("nitumie", "niandikie", "niambie", "nisomee": send, write, tell, read to me;
 * "tuma"), Malay ("bagi", "beri", "hantar", "tulis", "sebut", "bacakan"), Dari in Latin letters ("bnawisen", "nawishta
 * konen", "rawan konen") and Gulf Arabizi ("dizz": send, "dizzah li"): requests, and transfer verbs whose object may be
 * left out ("nitumie hapa").
 */
/**
 * (round 23) "send / write / tell / give" where no round had listed them — a closed handful per language, never a
 * negative form (Turkish "göndermeyin" is negation, `NEGATION`): Turkish, Azerbaijani, Indonesian, Tagalog, Hausa, Urdu
 * in its own letters, Bengali, Amharic ("ላክልኝ", send to me), Malayalam in Latin letters ("ayachu tharamo"), Swahili to a
 * third person ("mpe", "mpatie": give him).
 */
const UNLISTED_HANDING = [
  'g[öo]nder(?!m[ae])\\S*', 'g[öo]nd[əe]r(?!m[əe])\\S*', 'ilet(?!me)\\S*', 's[öo]yle(?!me)\\S*', 'payla[şs](?!ma)\\S*', 'yaz(?:ın|ınız|in|iniz|ar|arsınız|abilir\\S*)', 'at(?:ın|ınız|ar|abilir\\S*)', 'ver(?:in|iniz|ir|ebilir\\S*)', 'deyin',
  'kirim\\S*', 'berikan', 'kasih', 'bagikan',
  'pakisend\\S*', 'pakibigay\\S*', 'paki(?:sabi|bigay|bigyan|padala)\\S*', 'ibigay', 'ibigay mo', 'send mo', 'sabihin\\S*', 'i-?send\\S*', 'ipadala\\S*',
  // (round 26) Spanish imperatives with their clitics ("mándame", "envíanos", "pásamelo", "dígame"), Swahili "uitume" (send it), Tagalog "paki-send"
  'm[aá]nd(?:a|ame|anos|amelo|amela|e|eme|enos)', 'env[ií](?:a|ame|anos|amelo|amela|e|eme|enos)', 'p[aá]s(?:ame|anos|amelo|amela)', 'd[ií]g(?:ame|anos)', 'escr[ií]b(?:eme|enos|ame)',
  'u(?:i|zi|li)tum[ei]\\S*', 'paki-send\\S*',
  'turo\\S*', 'aiko\\S*', 'rubuto\\S*', 'fada masa', 'fada min', 'ba ni', 'bani',
  'بھیج\\S*', 'بتا (?:دیں|دیجیے|دو|دے)', 'لکھ (?:دیں|دیجیے|دو|کر)', 'bata(?:ein|yein|yen)',
  'pathan', 'pathiye (?:din|den)', 'bolun', 'likhe (?:din|den)', 'পাঠান', 'পাঠিয়ে (?:দিন|দেন)', 'বলুন', 'লিখে (?:দিন|দেন)',
  'ላክ\\S*', 'ንገረኝ', 'ጻፍልኝ', 'ስጠኝ',
  'ayachu (?:tharu|tharoo?|tharamo|taru)\\S*', 'ayakk(?:amo|oo|u|ane)', 'paranju (?:tharu|tharoo?|tharamo|taru)\\S*',
  'mpe', 'mpatie', 'mpatia', 'mwambie', 'mtumie',
  'بفرس(?:ين|يد|ه)?',
  // Lebanese Arabizi "teb3atli" (you send me)
  '[ty]e?b3at(?:li|lna|ele|elna|ili|ilna)\\S*',
  // (round 24) Maghrebi Arabizi "sift"/"siftou"/"ysiftha"/"tsifet" (send, to anyone: "goul lih ysiftha hna"); Wolof "yónne ma"
  // (send me); Kinyarwanda "nyoherereza", "ohereza", "mpa" (give me); Javanese "kirimno", "kirimke", "wenehi"; Sinhala in
  // Latin letters "evanna", "ewanna", "denna", "kiyanna" (send, give, tell); Kurdish Sorani "بنێرە", "بنووسە" (send, write)
  '[yt]?s[ie]fe?t(?:\\S*(?<!lek|lik|lak|lkom|lkoum))?', 'y[oó]nn?e(?= (?:ma|nu)(?: |$))', 'nyoherere\\S*', 'ohereza', 'mpa', 'kirim(?:no|na|ke|ake)', 'wenehi', 'menehi',
  // (Sinhala negates after the verb: "denna epa", don't give)
  '(?:[ie]wanna|evanna|denna|kiyanna)(?! epa)', 'بنێرە', 'بنيره', 'بنێره', 'بنووسە', 'بنووسه', 'بنوسه',
];

const LOCAL_HANDING = [
  ...UNLISTED_HANDING,
  '[nt]i?tumi\\S*', 'tuma', 'tumeni',
  // (round 29) Gulf Arabizi "ar7al lee" (send me), "3t6ni" / "a36ni" (give me, 6 for ط)
  'a?r[ae]?7[ae]?l(?:li|lee|lii|ly|lna|lana)', 'a?r[ae]?7[ae]?l(?= (?:li|lee|lii|ly|lana|lena|lna)(?: |$))', 'a?3[ae]?t?6[ie]{0,2}(?:ni|na|nee|ny)',
  // (round 25) …with the subject's prefix after "naomba" (I ask that you…): "unitumie", "mnitumie", "unipe", "utuandikie"
  '[um](?:ni|tu)(?:tumi|andiki|ambi|some|patie|pe)\\S*',
  // (round 25) Punjabi "das do", "dass deyo", "dasso" (tell)
  'dass? (?:do|dena|deyo|dyo|dio|devo|de|dijiye)', 'dasso', 'dasiye', 'dassiye',
  // (round 25) whatever the verb, "<verb> it back to me" returns to us what we sent: "holler it back to me", "read them back to us"
  '[a-z]{2,16}(?= (?:it|them|that|those|the (?:code|number|numbers|digits)) back (?:to|at) (?:me|us)(?: |$))', '[nt]i?andiki\\S*', 'andika', '[nt]i?ambi(?:e|eni)', '[nt]i?some(?:e|eni)', 'nipe', 'tupe', '[nt]ipatie',
  'bagi', 'beri', 'hantar\\S*', 'tulis\\S*', 'sebut\\S*', 'bacakan', 'kongsi\\S*',
  'b?[ae]?naw[ie]s\\S*', 'naw[ie]sht?a (?:kon|kun|kn)\\S*', 'ra?wan (?:kon|kun|ko)\\S*',
  // (round 24) Dari "نوشته کنین" (write), and "bogoyen"/"bugoyin" (tell) in Latin letters
  'نوشته (?:كن|كنين|كنيد|بكن|كو|نماييد)\\S*', 'b[ou]g[ou]y(?:en|in|ed|id)',
  // Hinglish "woh bata dijiye", "likh do", "bhej dijiye" (round 22: a transfer verb too, so "mujhe yahan bhej dijiye" takes the code named before)
  'bata (?:do|dijiye|dijie|dena|dein|de|dijiyega)', 'batao', 'bataiye', 'bataye', 'bataen', 'likh (?:do|dijiye|dena|de|dein)', 'likho', 'bhej (?:do|dijiye|dena|de|dein)', 'bhejo', 'bhejiye', 'share (?:karo|kijiye|kar do|kar dijiye|karein)',
  // (round 22) Dari "بتین" (give), Gulf Arabizi "rasla li" (send it), Libyan and Tunisian "tb3tholi" (ث for ت)
  'بتي(?:ن|د)', 'rasl(?:a|ah|ha|hum|o|oh|ih)', '[te]?[ae]?b3th\\S*', 'd[ie]zz?(?:ha|hum|hom|hem|ah|o|oh|u|eh|ih|ili|li|i|lna|ni)?',
];

/** Verbs that ask the reader to hand something over (to whoever is writing). */
/** French (and Amazigh speakers' French) verbs of handing over: "envoyez-moi", "m'envoyer", "transmettez", "dictez-lui", "donnez-lui". */
const FRENCH_HANDING = ["(?:m'|nous |me |lui )?envoy\\S*", "(?:m'|nous |me |lui )?renvoy(?:ez|er|e)", 'envoie', "(?:m'|me |lui )?transm[ei]t\\S*", '(?:me |lui )?communiqu(?:er|ez|e|es)', 'donn(?:e|ez|er)', 'dict(?:e|ez|er)', 'lis(?:ez)?', 'partag(?:e|ez|er)', 'fourni(?:r|ssez)', 'indiqu(?:e|ez|er)'];

export const STRONG_REQUEST = [
  ...FRENCH_HANDING,
  // (round 38) our request of the reader's thing: "may we kindly request your app password po?", "we request your PIN"
  "(?:(?:may|can|could|must|shall) (?:we|i)|(?:we|i)(?: would like to| need to| have to| must)?|(?:we'd|i'd|wed|id) like to) (?:(?:kindly|humbly|respectfully|politely|also|just) )?request(?= (?:your|ur|yer|po|also|that|the) )",
  'send', 'give', 'gimme', 'tell', 'share', 'kirim\\S*', 'berikan', 'kasih(?:kan)?', 'sebutkan', 'hand(?= (?:him|her|them|us|me)(?: |$))',
  // Gulf pidgin "kitab hina" (write here), "kallim ana" (tell me)
  'k[ie]tab(?= (?:hina|hena|ana|lana)(?: |$))', 'kall?im(?= (?:ana|hina|lana)(?: |$))', 'provide', 'forward', 'text', 'dm', 'message', 'email', 'e-mail', 'mail', 'reply(?: back)?(?: to (?:this|the|our|my) (?:message|chat|text|dm|email|e-mail|sms))? with', 'respond with', '(?:reply|respond|revert)(?: back)? w', '(?:reply|respond|answer|write back) (?:back )?to (?:them|him|her|us|me|it) with', 'hold(?= (?:up )?(?:your |the )?(?:credit |debit |bank )?card)', 'read', 'read out', 'call out', 'paste', 'drop', 'submit', 'write', 'confirm', 'verify', 'let (?:me|us) know', 'pass(?: on| along)?', 'hand over', 'show', 'screenshot', 'post', 'spell', 'say', 'put', 'supply', 'furnish', 'disclose', 'reveal', 'state', 'pop', 'chuck', 'bung', 'whack', 'flick', 'shoot', 'toss', 'slap', 'stick', 'lob', 'throw', 'bang', 'fire(?= (?:\\S+ )?(?:over|across|through)(?: |$))', 'mention', 'quote', 'repeat', 'whatsapp', 'upload', 'attach', 'snap', 'ask (?:you|u) for', 'request', 'requesting', 'revert(?: back)?(?: with)?', 'intimate', 'copy', 'photograph', 'take a (?:photo|picture|pic|screenshot|snap)', 'click a (?:photo|picture|pic)', 'read (?:out|back|aloud)',
  '(?:و|ف)?(?:موافا|مواف)\\S*', 'inform', 'communicate', 'relay', 'dictate', 'advise', 'let (?:me|us) have', 'update (?:me|us) with', 'hit (?:me|us) with', 'hit (?:me|us) (?:back|up) (?:with|wit|wid|wiv)',
  // (round 29) casual English: "holler them numbers back at me", "shout the code out to me", "sing it out"
  '(?:holler|shout|yell|bark|sing|rattle)(?= (?:\\S+ ){0,6}?(?:back |out |off )?(?:at|to) (?:me|us)(?: |$))', '(?:holler|shout|yell|bark|sing|rattle)(?= (?:\\S+ ){0,6}?(?:back|out)(?: |$))', 'pass (?:me|us)', 'note (?:it |them )?(?:here|below|down here)',
  '(?:و|ف)?(?:اقرا|اقري|تقرا|تقري)(?:لي|ليا|لنا|هالي|هولي|هلي|ها|ه)?', 'قر(?:ا|ي|و)(?= (?:ليه|ليها|ليهم|له|لها|لهم|ليا|لينا)(?: |$))', '(?:و|ف)?حول(?:ها|ه|هم|يها|يه|و|وها|ولي|هالي|هولي|هلي)(?= (?:لي|ليا|لنا|لينا|على|علي|ع|عل|الى|لرقم|للرقم|لهذا|لهاد|لهذه|لدا)(?: |$))', '(?:و|ف)?كلم(?:و|ه|ها|هم|ني|نا|يني)(?= ب\\S{2,})', '(?:و|ف)?(?:صيفط|سيفط|صيفت|سيفت|صيفطي|طرش|احكي|احكيل|حكيل|خبرن|قلي|قليلي|ابعث|بعث|ابعتي|عطين|عطيني|اعطين|اعطيني)\\S*', 'sifet\\S*', 'sayfet\\S*', 'sift\\S*', '7ki\\S*', '7akil\\S*', 'khabbir\\S*', 'tarrish\\S*', '(?:6|t)arr?ish\\S*', 'b3at\\S*', '7aw+[aei]?l(?:o|ou|u|oh|ha|hom|holi|hali|olna)?(?= (?:3al|3ala|3la|3a|la|li|lina|lena|liya|to|for)(?: |$))', 'ba3t(?:o|u|ih|iha|ha|hom|oh|ouh|ola|ouli|oli)', 'ba3ti(?:li|lna|lia|youn|yoon|yon|yun|ha|hom)', 'bekhoon\\S*', 'bekhun\\S*', 'begoo', 'begu', 'bego\\S*', 'bede\\S*', 'befres\\S*',
  '(?:مرقوم|اعلام|ارسال|ذكر|بيان|درج|عنوان|ابلاغ|اطلاع|ارائه|تحويل|گزارش|اعلان|ثبت|پاسخ|جواب|بارگذاري|بارگزاري|اپلود|آپلود|upload) (?:ب)?(?:فرماي|نماي|كني|كن|ده|دهيد|دهي|دهند|دي|ديد|دين)\\S*', 'در اختيار (?:\\S+ ){0,3}قرار (?:ب)?(?:ده|دهيد|دهي|دي)\\S*',
  'ab3at\\S*', 'ib3t\\S*', 'eb3at\\S*', 't[ei]b3at\\S*', 'ib3at\\S*', 'ab3t\\S*', 'eba3t\\S*', 'ebaat\\S*', 'ersel\\S*', 'ersal\\S*', 'arsel\\S*', 'arsil\\S*', 'irsil\\S*', 'irsal\\S*', 'tarsil\\S*', '3tini', 'a3tini', '3at(?:i)?ni', 'a3tni', '3atna', 'a?3t[ie]{1,2}(?:h|ha|hom|hum|ah)', '(?:ت|و|ف)?(?:كول|گول|جول)(?:ي|يلي|لي|ين|هالي|هولي|هالنا|هولنا)', '(?:ت|و|ف)(?:كل|گل)(?:ي|يلي|لي|ين)', '3teni', '3teeni', 'a3teeni', 'edini', 'edeeni', 'iddini', 'e?d+il(?:o|oh|u|ha|hom)', 'ed+el(?:o|oh|u|ha|hom)', 'ed+ih(?:a|om)', '2oll?[iy]', '2ol(?:h\\S*|l?[iy]|lo|o)', '2ooli', '2olly', '2olholy', 'qoli', 'gooli', 'ooli', 'ekteb\\S*', 'uktub\\S*', 'iktib\\S*', 'dezli', 'dazli', 'hatli', 'hat', 'sharek\\S*', 'sharik\\S*', 'zawedni', 'zawedna',
  // Sudanese رسلو لي, Dari روان کو / روان کنین, Iraqi انطيني / كله (tell him) before the secret, Taglish paki-send, Levantine Arabizi ba3atli
  '(?:و|ف)?رسل(?:ي|يلي|و|ولي|وه|ها|هو|يه|يها|يهو|لي|ولنا)', 'رسل(?= (?:لينا|لي|ليا|لنا)(?: |$))', 'روان (?:كن|كو|كنين|كنيد|بكن|بكنيد|بكنين|نماييد|نمايين)\\S*', '(?:و|ف)?انطي\\S*', 'نطيني', '(?:و|ف)?وري(?:ني|نا|لي)', 'warr?[ie]ni', 'warr?[ie]na', '(?:و|ف|ا|وا|فا)?(?:كل|گل)(?:ه|ها|هم)(?= ال\\S*(?:رقم|رمز|كود|ارقام|باسورد|پين))',
  // MSA "الرد على هذه الرسالة بالرمز": reply with, when a ب-object follows
  '(?:و|ف)?(?:ال|ت|بال)?(?:رد|ردي|ردو)(?= (?:\\S+ ){0,5}?ب\\S{3,})',
  // Tehrani "همینجا بذار", "بزار تو چت" (put it here: a place of ours); Hinglish is in `LOCAL_HANDING`
  '(?:اينجا|همينجا|همين ?جا|تو چت|توي چت|برام|براي من|برامون|واسم|واسه من) ب(?:ذار|زار|گذار)(?:ي|ين|يد)?', 'ب(?:ذار|زار|گذار)(?:ي|ين|يد)?(?= (?:تو |توي |داخل )?(?:چت|اينجا|همينجا|برام|واسم)(?: |$))',
  // (round 21) Swahili, Malay, Dari in Latin letters, Gulf Arabizi (`LOCAL_HANDING`), "niambie", "nisomee" (send, write, tell, read to me), "tuma"; Malay "bagi", "beri",
  // "hantar", "tulis", "sebut", "bacakan"; Dari in Latin letters "bnawisen", "nawishta konen", "rawan konen"; Gulf Arabizi "dizz"
  // (send: "dizhum li"); a pidgin or relayed third person handing it to me: "يدزلي", "يرسل لي", "يقرالي"
  ...LOCAL_HANDING,
  '(?:و|ف)?ي(?:رسل|بعت|دز|كتب|قرا|قول|بعث|عطي|طرش|ارسل)(?:لي|ليا|لنا|لينا|هالي|هولي)', '(?:و|ف)?ي(?:رسل|بعت|دز|كتب|قرا|قول|بعث|عطي|طرش|ارسل)(?:ه|ها|هم|هن)?(?= (?:لي|ليا|لنا|لينا|انا|هنا|هني|هون|اهني|اهنا|اهنه)(?: |$))', 'قرا(?:لي|ليا|لنا|ني)', 'قرا(?:ه|ها|هم|هن|هو)?(?= (?:لي|ليا|لنا|لينا)(?: |$))',
  // (round 24) a relative handing it to me: "خلي أبوك يعطيني", "خليه يملّيني" (dictate to me), "تعطيني"
  '(?:و|ف)?(?:ي|ت)(?:عطي|عط|نطي|ملي|مللي)(?:ني|نا|لي|لنا)',
  // Sudanese bare "رسل" before what it sends: "رسل الرقم بتاعو كامل"
  'رسل(?= ال\\S+(?: |$))',
  'paki ?(?:send|bigay|ibigay|type|sabi|sabihin|share|forward|text|pm|dm|message|lagay|ilagay|paste|upload|basa|basahin|screenshot)\\S*', 'ba3atl(?:i|na|ili)', 'ba3tl(?:i|na)',
  'befrest\\S*', 'befres(?:in|id|i|e|esh)?', 'bede', 'bedid', 'bedin', 'bedeh', 'bego', 'begoo', 'begid', 'begin', 'begi', 'benevis\\S*', 'ersal kon\\S*', 'elam kon\\S*', 'mifrestid', 'mifrestin', 'befarmaid', 'befarmayid', 'share kon\\S*',
  '(?:و|ف)?هات(?:ي|و|لي|ها|ه|هولي|هالي|ينا|لنا|يلي)?', `(?:و|ف)?(?:ارسل|ابعت|اعط|عط|اد|قول|قل|اكتب|زود|شارك|اخبر|خبر|اذكر|ارسال|تزويد|مشارك|كتاب|افيد|فيد|ابلاغ|افاد|اعلام|دز|صور(?!ت (?:گرفت|مي ?گير|ميگير|پذيرفت|مي ?پذير|بگير|نگرفت))|اكد|وضح|ابلغ|بلغ|ابعث|ابعثي|ارفق|انسخ|الصق|لصق|لزق|الزق|كوبي)\\S*`, '(?:نطلب|يطلب|اطلب|طالبين|نطالب|بنطلب|نحتاج|احتاج|محتاج|محتاجين|داير|دايرين|نبي|ابي|ابغي|ابغى|نبغي|نبغى|عايز|عايزين|عاوز|عاوزين|بدي|بدنا|يلزمنا|نريد|اريد|خصني|خصنا|خاصني|خاصنا|لازمني|لازمنا|بغيت|بغينا)\\S*',
  `(?:و|ف)?ت(?:رسل|بعت|عطي|عطين|دي|قول|قل|كتب|زود|شارك|خبر|ذكر|دز|بعث|رفق|صور)\\S*`,
  'بعت(?:لي|يلي|لنا|ي ?لي)', 'كتب ?(?:لي|ليا|لينا|لنا)', 'بفرست\\S*', 'بفرس(?:ي|ين|يد)?', '(?:فوروارد|فروارد|فارورد|فوارد|forward) (?:كن|كنيد|كني|بكن|kon)\\S*', 'ارسال (?:كن|كني|بكن|بفرماي|نماي|كرده|بكني)\\S*', 'بده(?:يد|ين|ي)?', 'بدي(?:د|ن)', 'بو?گو\\S*', 'بگي(?:د|ن)', 'بنويس\\S*', 'اعلام (?:كن|بفرماي|نماي|بكن)\\S*', 'بخون\\S*', 'بخوان\\S*', 'مي ?فرستي(?:د|ن)', 'مي ?دي(?:د|ن)', 'مي ?گي(?:د|ن)', 'مي ?خوام', 'مي ?خوايم', 'مي ?خواهيم', 'لازم داري?م', 'نياز داري?م', 'احتياج داري?م', 'تاييد (?:كن|بفرماي|نماي)\\S*', 'بفرماي(?:يد|ين)', 'بفرما', 'شير (?:كن|بكن)\\S*', 'به اشتراك بگذار\\S*', 'در اختيار (?:ما|من|بنده|اينجانب) (?:قرار )?(?:بده\\S*|بدي\\S*|بگذار\\S*)', 'درخواست (?:مي ?كنيم|داريم|مي ?شود|ميشه)', 'ارائه (?:بدي|بده|كني|بفرماي|نماي)\\S*', 'بفرستي(?:د|ن)',
  // (round 38) sending by a named app as one verb: "عکس پاسپورت رو به این شماره واتساپ کنید", "whatsapp konid", "ایمیل کنید"
  '(?:واتساپ|واتس ?اپ|واتس|تلگرام|ايميل|ايتا|whatsapp|watsap|telegram|email|imeil) (?:كن|كنيد|كنين|بكن|بكنيد|بكنين|kon|konid|konin|bokon|bokonid)',
  // (round 37) "… رو لطف کنید" (kindly give the …): the object marker right before the polite light verb makes it a giving (matched with the marker: a lookbehind among the alternatives slowed every decision by half)
  '(?:را|رو|ره) لطف (?:كنيد|كنين|كن|بكنيد|بكنين|بفرماييد|بفرماين|بفرمايين)',
  // (round 37) …and "put" with its object marked, in a chat: "code melli ro bezar", "کد ملی رو بذار" (in the app it is the reader's entry, `ENTRY_LIKE`)
  '(?:ro|ra|رو|را) (?:bezar|bezarid|bezarin|bzar|بذار|بذاريد|بذارين|بزار|بزاريد|بزارين)',
];

/** The verbs that hand a thing over, when their object is left out after a secret was named: "Got the code? Share." */
export const TRANSFER_VERBS = [
  'send', 'share', 'forward', 'give', 'tell', 'provide', 'paste', 'text', 'dm', 'whatsapp', 'pass', 'hand over', 'drop', 'submit', 'send over', 'send across',
  '(?:ذكر|اعلام|ارسال|مرقوم|درج) (?:ب)?(?:فرماي|نماي|كن)\\S*', 'بفرماي(?:يد|ين)', 'بنويس\\S*', 'تايپ كن\\S*',
  '(?:و|ف)?(?:ابعت|ارسل|ابعث|صيفط|سيفط|دز|عط|اعط|اد|قول|قل|جول|شارك|هات)\\S*', 'بفرست\\S*', 'بفرس\\S*', 'بده\\S*', 'بدي(?:د|ن)', 'بو?گو\\S*', 'بگي(?:د|ن)',
  'رسل(?:و|ي|ها|يه)\\S*', 'روان (?:كن|كو|كنين|كنيد)\\S*', 'paki ?send\\S*',
  ...FRENCH_HANDING,
  ...LOCAL_HANDING,
  'befrest\\S*', 'bede\\S*', 'bego\\S*', 'begid', 'begin', 'begi', 'begu', 'ab3at\\S*', 'ib3t\\S*', 'eb3at\\S*', 'sifet\\S*', '3tini', 'edini', '2ol\\S*', 'irsil\\S*', 'arsil\\S*',
];

/** What customers do to their own secret, handing it to nobody: "reset your PIN", "keep your OTP private", "پسورد رو عوض کنید". */
export const SELF_CARE_VERBS = [
  'reset', 'change', 'changed', 'update', 'keep', 'protect', 'renew', 'create', 'set', 'choose', 'pick', 'memori[sz]e', 'remember', 'lock', 'unlock', 'block', 'unblock',
  'activate', 'deactivate', 'disable', 'enable', 'cancel', 'store', 'save', 'hide', 'cover', 'guard', 'safeguard', 'generate', 'regenerate', 'resend', 'wait for', 'check',
  '(?:و|ف)?(?:ت|ي|ن|بت|بي|هت|تت)?(?:غير|تغيير|حدث|تحديث|احفظ|حفظ|حافظ|خبي|اخفي|الغ|اقفل|قفل|جدد|تجديد|انتظر|استنى|استني)\\S*', 'عوض\\S*', 'تغيير', 'تغير', '(?:تعمل |اعمل |نعمل |عمل )?(?:ريست|ريسيت|ابديت)\\S*', 'حفظ', 'نگه ?دار\\S*', 'بروز\\S*', 'avaz\\S*', 'taghir\\S*',
  // (round 21) covering it in a picture: "غطّيهن", "بپوشونیدش", "chhupa dein", "takpan", "tutup", "funika", "blank them out"
  '(?:و|ف)?(?:ت|ي)?غط(?:ي|ى|و)\\S*', 'بپوشون\\S*', 'بپوشان\\S*', 'پنهان (?:كن|بكن|كني)\\S*', 'خط بكش\\S*', 'chh?upa\\S*', 'takpan\\S*', 'tutup\\S*', 'funika\\S*', 'blank\\S*', 'blur\\S*',
  // (round 22) Tajik and Persian "hide": "рамзро пинҳон кунед", "قایمش کن", "penhan kon"
  'пинҳон\\S*', 'пӯшонед', 'пӯшон\\S*', 'قايم\\S* (?:كن|كني|كنيد|كنين|بكن)\\S*', 'penhan\\S*', 'ghayem\\S*', 'black out', 'cross out', 'redact\\S*', 'mask\\S*',
];

/** Words that open a subordinate clause: a secret after one is talked about ("tell me when the code arrives"), not asked for. */
export const SUBORDINATORS = ['when', 'if', 'whether', '(?<!(?:this|that|just|for) )once', 'as soon as', 'after', 'quand', 'lorsque', 'dès que', 'si(?= (?:vous|tu|on|il|elle|quelqu\\S*)(?: |$))', 'before', 'until', 'unless', 'لو(?! (?:سمحت|تكرمت|امكن)\\S*)', 'اذا(?! (?:سمحت|تكرمت|امكن|بتريد)\\S*)', 'لما', 'عندما', 'متى', 'اول ما', 'اگه', 'اگر', 'وقتي', 'هر ?وقت', 'agar', 'age', 'vaghti', 'law(?! (?:sama7t|samaht|samahti|sm7t))', 'iza', 'lamma', '(?:و|ف)(?:اذا|لما|لو)(?! (?:سمحت|تكرمت|امكن|بتريد)\\S*)', 'قبل (?:ما|لا|متبعت\\S*)', 'kung', 'pag', 'kapag', 'jab', 'jokhon', 'jodi', 'ila(?= (?:chi|ch|kan|wa7ed|wahed|shi|had|7ad)(?: |$))', 'كان(?= (?:زول|حد|احد|واحد|اي)(?: |$))', 'ken(?= (?:chi|had|7ad|wa7ed)(?: |$))', '^should(?= (?:you|u|any|anyone|someone|somebody|a|an|the|it|this|that|there) )', '(?<=(?:and|then) )should(?= (?:it|this|that|there) )'];

/** Verbs that could mean "type it into the app" as well as "type it here": a warning unless the place is named. */
export const WEAK_ENTRY_VERBS = [
  'enter', 'type', 'input', 'key in', 'fill in', 'insert', 'use', '(?:تايپ|كپي)(?:ش|شو|شون)? (?:كن|كنيد|بكن|كني|كنين|نماييد|بفرماييد)\\S*', '(?:type|taip|tayp) kon\\S*', 'bezan\\S*', 'bzan\\S*', 'taip', 'type kar\\S*',
  '(?:و|ف)?(?:ادخل|دخل|ادخال)\\S*', 'وارد (?:كن|بكن|كني|نماي|بفرماي)\\S*', 'بزن(?:يد|ين)?', 'vared kon\\S*', 'dakhel\\S*', 'ad5al\\S*', 'da5al\\S*',
  // (round 29) Maghrebi and Levantine "write"/"put" without the alif: "كتب الكود", "حط الكود" (typed somewhere; the place decides)
  '(?:و|ف)?(?:كتب|كتبي|كتبو|كتبه|كتبها|حط|حطي|حطو|حطه|حطها)',
  // (round 31) Levantine and Gulf "fill in" (عبّي، عبّيها), Arabizi "3abbi": the place decides, as for "fill in"
  '(?:و|ف)?(?:ت)?عب(?:ي|و|يها|يه|يهم|ولي|يلي)?', '3abb?(?:i|e|y|ou|o)(?:ha|h|hom)?', 'fill(?: (?:out|up))?',
];

/** Words that make an object request without a verb: "your OTP please", "what is the code?", "الكود لو سمحت". */
export const SOFT_REQUEST = [
  'please', 'pls', 'plz', 'kindly', '(?:we|i) (?:dey|go|don) (?:want|need)', 'wetin(?: be| dey)?',
  // (round 22) Jamaican "weh" asks only opening the clause ("Weh di three number dem?"); inside one it is "that" ("di code weh wi sen yuh")
  '(?<![\\s\\S])weh', 'what', "what's", 'whats',
  // (round 29) Scots and casual "whit's yer passcode?", "wot's ya pin?"
  "whit's", 'whits', "wot's", 'wots', "wat's", 'which', 'can i (?:have|get)', 'could i (?:have|get)', 'may i (?:have|get)', 'we need', 'i need', 'need', 'i want', 'we want', 'required', 'require', 'i.ll need', 'we.ll need', '3ayz\\S*', '3ayez', 'abgh?a\\S*', 'abgh?i', 'abi(?= (?:el|al|il|l) )', 'abee', 'biddi', 'baddi', 'badd?e', 'bidd?e', 'نحب', 'نحبو', 'بدي(?= منك)', 'bghit', 'lazem', 'lazim', 'lazeme', 'lazemeh', 'لازمه', 'niaze', 'niyaz darim', 'me7tag\\S*', 'mi7tag\\S*', 'ma7tag\\S*', 'داير(?:ين|ه|ن)?', 'عايزين', 'عاوزين', 'بدنا', 'نبي', 'نبغي', 'nabi', 'nebi', 'badna', 'bidna', 'dayrin', 'dayreen',
  // Yemeni اشتي منك "I want from you"; (round 24) Gulf "أبا منك", "ودي منك", "أبيك" (I want you to), Tunisian and Algerian "n7eb"
  'اشتي', 'نشتي', 'ashti', 'nishti', '(?:ابا|ابي|ابغي|ابغا|ابغى|ودي|ودنا|نبا|نبغا|نبغى)(?= (?:منك|منكم|منج|منچ|منكي)(?: |$))', '(?:ابي|ابغ[اي]|ابا|نبي|نبغ[اي])(?:ك|كم|ج|چ)', 'n[7h]e?bb?(?:ou|o|ek|ak)?', 'nest7a9(?:ek|ak)?', 'bghina', 'kh?ass?ni', '5assni', 'نياز (?:به|داريم|دارم)', 'لازم (?:داريم|دارم)', 'چند (?:بود|هست|است)', 'لو سمحت\\S*', 'لو تكرمت\\S*', 'من فضلك', 'بعد اذنك', 'بعد اذن حضرتك', 'برجاء', 'رجاء', 'الرجاء', 'يرجى', 'يرجي', 'نرجو', 'ارجو', 'ممكن', 'وش', 'ايش', '(?:شنو|اشنو|شو|ايش|وش|ايه|واش) (?:هوما|هما|هم|هي|هو|هيا|هوا)', 'شو', 'شنو', 'اشنو', 'شنهو', 'شنوه', 'واش', 'chnou', 'chnu', 'shnu', 'shno', 'ما(?= ال)', 'ايه', 'ما هو(?! من )', 'ما هي(?! من )', 'كام', 'كم', 'بليز', 'law sama7t', 'law samaht', 'men fadlak', 'momken', 'eh', 'ehh', 'shu', 'sho',
  // (round 31) "how much / what number is it" in Arabizi (Egyptian, Gulf, Levantine, Maghrebi), beside the secret: "el cvv kam?", "2addesh el pin?"
  'kam', 'kaam', '(?:2|q|k)?add?[ei]sh', '(?:ch|sh)(?:h|7)al',
  "j'ai besoin", 'nous avons besoin', 'il me faut', 'merci de', 'svp', "s'il vous pla[iî]t", '(?:pourriez|pouvez|peux|pourrais) (?:vous|tu)', 'quel(?:s|le|les)?',
  'لطفا', 'لطفاً', 'خواهشا', 'خواهشمند\\S*', 'چيه', 'چنده', 'چي (?:هست|است|بود)', 'چيست', 'چه (?:هست|است|بود)',
  // (round 38) …not the passive after a verbal noun: "پرداخت انجام میشه و رمز رو خودتون وارد می‌کنید" (it gets done), no "could you"
  '(?<!(?:انجام|باز|ارسال|پرداخت|واريز|فعال|ثبت|تاييد|منتقل|بسته|قطع|وصل|شارژ|تموم|تمام|درست|حل|هدايت|وارد) )(?:مي ?شه|ميشه)', 'ميتوني(?:د|ن)', 'مي ?تواني(?:د|ن)', 'lotfan', 'chie', 'chande', 'chand(?: bood| bud| ast|e)?', 'mishe',
];

/**
 * Anyone but us, as the one a warning keeps the secret from: "anyone who asks", "لأي حد", "هر کسی", Sudanese "زول".
 * Part of `NEGATION` for the rules; apart, because a clause with one of these and no negator can still be an ask
 * ("يا زول الرمز … رسلو لي": "hey man, send me the code").
 */
export const ANYONE = [
  'anyone', 'anybody', 'someone', 'somebody', 'strangers?', 'third part(?:y|ies)', 'caller', 'callers', 'whoever', 'whomever',
  '(?:ل|لاي |لأي )?(?:حد|احد|حدا)', 'شخص', 'sesiapa', 'siapa-siapa', '(?:mtu )?yeyote', 'mtu mwingine', 'اي حد', 'اي احد', 'هر ?(?:كس|كي|كسي)\\S*', 'زول', 'اي زول', 'كسي', 'ديگران', 'ديگري', 'kasi', 'ahad', '7ad', 'hadd',
];

/** "There is no …" in the dialects: a negator only before a person or a need (`NOBODY_OR_NO_NEED`). */
const EXISTENTIAL_NEGATORS = ['ماكو', 'ماكوو', 'مكو', 'مافي', 'ما في', 'مافيه', 'ما فيه', 'مفيش', 'مافيش', 'ما فيش', 'ما كاين', 'ماكاين', 'ماكاينش', 'ما كاينش', 'مكانش', 'ما كانش', 'makoo?', 'mako', 'mafi', 'mafee', 'mafish', 'mafeesh', 'makayn(?:ch|sh)?', 'makaynch', 'hich'];
const NOBODY_OR_NO_NEED = ['اي', 'احد', 'حد', 'حدا', 'واحد', 'ولا', 'موظف\\S*', 'الموظف\\S*', 'حتي', 'داعي', 'حاجه', 'لزوم', 'ضروره', 'any', 'ay', 'ahad', '7ad', 'had', 'wa7ed', 'wahed', 'mwazaf\\S*', 'da3i', 'daa3i', 'lzoum', 'lozoom', '7aja', 'haja', 'karmand\\S*', 'kas\\S*'];

/**
 * (round 23) A verb negated by its own shape, one token: Turkish and Azerbaijani "göndermeyin", "paylaşmasın", Swahili's
 * negative subjunctive on any stem ("usimtumie"), Amharic's negative imperative ("አትላክ"), Malayalam "ayakkaruthu",
 * Gilaki and Mazandarani "نفرس".
 */
export const NEGATED_BY_SHAPE = ['\\S+m[aeə]y[ıiuüə]n\\S*', '\\S+m[aeə]s[ıi]n\\S*', '(?:usi|msi)\\S{3,}', '(?:አት|አታ)\\S+', '\\S+aruthu', 'نفرس\\S*'];

/** Negation, warnings and third parties: "never share", "لا تشارك", "نباید", "anyone who asks". */
export const NEGATION = [
  ...REFUSAL_WORDS,
  ...ANYONE,
  'never', 'not', 'dnt', 'dun', "needn't", 'neednt', 'need not', "doesn't", "won't", 'wont', "shouldn't", "mustn't", "didn't", "isn't", "aren't", 'nobody', 'noone', 'no one', 'none', 'nor', 'neither', 'avoid', 'beware', 'refuse', 'scammers?', 'fraudsters?', 'impostors?', 'imposters?', 'ignore', 'without', 'scams?', 'phishing', 'fake', 'fraud', 'spam', 'hoax',
  'لن', 'لم', '(?<!(?:براي|به|از|با|مال|پيش|تو|اول|بعد|قبل|لحد|لغايه|حتي|زي|مثل|قد|كل|طول|وقت) )ما(?! (?:هو|هي|ال\\S*))', 'عدم', '(?:و|ف)?اوع(?:ي|ا)', '(?:و|ف)?اياك', 'خلي ?بالك', 'مش', 'مو', 'موب', 'ماهو', 'ليس\\S*', 'غير', 'ابدا', 'اياك', 'احذر', 'حذار', 'تجنب\\S*', 'عمر\\S*', 'بلاش', 'ممنوع', 'يمنع', 'يحظر', 'محدش', 'ماحد', 'محد', '(?:و|ف)(?:لا|لن|لم|مش|مو|ما(?! (?:هو|هي|ال\\S*)))', 'محتال\\S*', 'نصاب\\S*', 'نصب', 'احتيال\\S*', 'مزيف\\S*', 'وهمي\\S*', 'بدون', 'حرامي\\S*', 'انتبه\\S*', 'احرص\\S*', 'متعطيش', '(?:و|ف)?ما?[تيناب]\\S{2,}ش', 'حافظ\\S*',
  'هرگز', 'هيچ', 'هيچ ?وقت', 'هيچ ?گاه', 'هيچ ?كس\\S*', 'نبايد', 'مبادا', 'خودداري', 'كلاهبردار\\S*', 'جعلي\\S*', 'بدون', 'مراقب\\S*', 'مواظب\\S*',
  // Persian formal negative imperatives: the light verb carries the negation ("ارسال ننمایید", "اعلام نفرمایید", "روان نکنین")
  'ننماي\\S*', 'نفرماي\\S*', 'نكني(?:د|ن)', 'نكن', 'نكنيد', 'نكنين', 'ننمود\\S*', 'نكنيم',
  'نداري\\S*', 'نمي ?خوا\\S*',
  // (round 22) a negated "be"/"become": "ولی کد یا رمز توش نباشه", "معلوم نشه", "рамз дар он набошад", "nabashe"
  'نباش(?:ه|د|ن|ند|ي|يد|ين)', 'نشه', 'نشود', 'نشن', 'نبينه', 'nabash(?:e|ad|an)', 'nashe', 'набош\\S*', 'нашавад', 'набинад', 'نفرست\\S*', 'نده\\S*', 'ندي(?:د|ن)', 'نگو\\S*', 'نگي(?:د|ن)', 'لازم نيست', 'نيازي', '(?:ما ?في|مافيش|ما فيش|لا) (?:داعي|حاجه|لزوم)', 'no need',
  // (round 22) "there is no [one / employee / need]": Iraqi ماكو, Gulf and Levantine مافي, Egyptian مفيش, Maghrebi ما كاين —
  // a negator only before a person or a need, so "ماكو مشكلة، دزلي الكود" (no problem, send me the code) still asks
  `(?:${EXISTENTIAL_NEGATORS.join('|')}) (?:${NOBODY_OR_NO_NEED.join('|')})`, 'نيازي (?:نيست|نداريم)', 'nadarim', 'nemikhaym', 'nemikhaim', 'nafrest\\S*', 'نوگو\\S*', 'nade', 'nadid', 'nagu', 'nagid',
  'huwag', 'wag', 'hwag', 'hindi',
  // French "ne … jamais/personne", elided "n'envoyez"; Gulf pidgin "mafi" (no, don't)
  "ne(?= (?:\\S+ ){1,3}(?:jamais|pas|personne|rien|plus|aucun\\S*)(?: |$))", "n'\\S+", 'jamais', 'personne', 'aucun\\S*', 'mafi', 'mafee', 'mafish', 'mafeesh',
  // (round 21) Malay "jangan", "tak"; Swahili "kamwe", "hapana" and its negative subjunctive ("usitume", "usimpe", "msiseme")
  'jangan', 'tak', 'tidak', 'bukan', 'kamwe', 'hapana', '[um]si(?:tum|mp|pe|sem|andik|shar|to|ambi|som|wap|ruhus)\\S*',
  // Hinglish "mat bataiye", "nahi maangte"; (round 22) Jamaican "nuh give it to nobody"
  'mat', 'nahi', 'nahin', 'nuh',
  // (round 24) Sinhala in Latin letters negates after its verb: "ewanna epa" (don't send), "denna epa"
  'epa', 'epaa',
  // (round 23) negation by shape where nobody listed the verbs: Turkish and Azerbaijani negative imperatives ("göndermeyin",
  // "paylaşmayın", "göndərməyin"), "kimse"/"heç kim" (nobody), "asla"; Swahili's negative subjunctive on any stem ("usimtumie");
  // Amharic's negative imperative prefix ("አትላክ"); Malayalam "-aruthu" (must not), "venda"; Hausa "kada"/"kar"; Urdu "مت"/"نہ";
  // Bengali "না"; Gilaki and Mazandarani "نفرس" (the ن- of a dialect verb, as "نفرست")
  ...NEGATED_BY_SHAPE, 'kimse\\S*', 'heç', 'asla', 'sakın', 'በፍጹም', 'vend(?:a|aa)', 'kada', 'kar(?= (?:ka|ki|ku|a)(?: |$))', 'مت', 'نہ', 'نہیں', 'না',
  // (round 25) Portuguese and Spanish "nunca", "jamás" in code-switched warnings ("nunca share your code")
  'nunca', 'jam[aá]s',
  'hargez', 'hich', 'nist', 'nistesh', 'hichvaght', 'nabayad', 'la(?= )(?! (?:hon|hone|hawn|honik|3andi|2eli|eli|ili)(?: |$))', '(?<!(?:baraye|barai|baraie|be|az|ba|vase|vaseye|male|pishe|9bal|qbal|gbal|kbal|abl|2abl|ba3d|b3d|y[oó]nn?e) )ma', 'mat(?!ch(?: |$))\\S*[sc]h', 'msh', 'mesh', 'abadan', 'never ever',
];
/**
 * (round 25) "Anyone" as the one a secret would go to — "share your code with anyone", "تعطي الرمز لحدا", "kisi ko",
 * "به هیچ‌کس", "kahit kanino", "ga kowa": a word only a negation or a warning licenses, so a hand-over to it is never an
 * ask, whatever negator the writer's language used (or left implicit). Not "someone", who may be a named colleague.
 */
export const ANYONE_AS_RECIPIENT = [
  '(?:with|to) (?:anyone|anybody|any ?one|any other person|any person|any third party|no ?one|nobody)', 'anyone else', 'anybody else',
  '(?:ل|لاي |لأي )(?:حدا|احد|حد|شخص|حدن|انسان|مخلوق|كان)', 'لاي (?:احد|حد|شخص|واحد)', 'لحدا', 'لحدن', 'لاحد',
  '(?:به )?هيچ ?(?:كس|كي|كسي)\\S*', 'به (?:هيچ )?(?:كس|كسي) (?:نت|ند|نگ)\\S*', 'be hich ?kas', 'hich ?kas', 'hichki',
  'kisi (?:ko|se|ke saath)(?: bhi)?', 'kisi ko', 'kahit (?:kanino|sino)', 'sa kahit sino', '(?:ga |wa )?kowa', 'mtu yeyote', '(?:kwa|kwa mtu) yeyote', "l ?(?:7ad|had|a7ad|ahad)", "7ata (?:ana|a7ad)",
  'ለማንም', 'ለማንኛውም', 'kimseye', 'heç kimə', 'siapa ?pun', 'sesiapa',
];
/** `NEGATION` without `ANYONE`: the words that negate or warn. */
export const NEGATORS = NEGATION.filter((w) => !ANYONE.includes(w));

/** Refusal words that govern a whole clause wherever they stand (Persian puts them last: "از ارسال کد خودداری کنید"). */
/** …but "to avoid" states a purpose ("enter it there to avoid deactivation"), it refuses nothing. */
export const CLAUSE_NEGATION = ['no (?:\\S+ ){1,5}?(?:is|are|will|would|may|can|shall|has|have)(?: ever)? (?:be )?(?:authori[sz]ed|permitted|allowed|entitled|empowered)', '(?:is|are) not (?:authori[sz]ed|permitted|allowed|entitled) to', 'لا يحق', 'غير (?:مصرح|مخول)\\S*', 'خودداري\\S*', 'پرهيز\\S*', 'refrain', '(?<!(?:to|in order to|so as to) )avoid\\S*', 'nakonid', 'khoddari'];

/** Right after a verb, these make it a statement of what happened or what the writer does ("ارسال شد", "ارسال می‌کنیم"). */
export const STATEMENT_AFTER_VERB = ['گرديد', 'گرديده', 'مي ?گردد', 'گشت', 'گشته', 'نموديم', 'نمودم', 'نموده', 'شد', 'شده', 'شدن', 'مي ?شود', 'مي ?شه', 'ميشه', 'مي ?كنيم', 'مي ?كنم', 'كرديم', 'كردم', 'خواهد', 'خواهيم', 'شود'];

/** Phrases that look negative but push the request on: "don't forget to send", "لا تتردد". Removed before matching. */
export const NOT_REALLY_NEGATION = [
  "(?:don't|dont|do not) (?:forget|hesitate|delay|wait)", 'no problem', 'no worries', 'not sure', 'no need to worry', 'why not', 'if not',
  'طال عمر\\S*', 'ما عليه', 'ما عليش', 'اگه (?:اشكالي|زحمتي|مشكلي) (?:نداره|نيست)', 'اگر (?:اشكالي|زحمتي|مشكلي) (?:ندارد|نيست|نداره)', "if (?:you don't|you dont|u dont|you do not) mind", 'لو ما عليك (?:امر|كلافه)\\S*', 'اذا ما عليك (?:امر|كلافه)\\S*', 'الله يطول عمر\\S*', 'لا تنس\\S*', 'لا تتردد\\S*', 'ما تنس\\S*', 'متنساش', 'ماتنساش', 'لا مانع', 'لا تتاخر\\S*', 'متتاخرش', 'ما عليك (?:الا|غير)', 'لا بد', 'لابد', 'غير كده',
  'فراموش (?:نكن|نشه)\\S*', 'يادت(?:ون)? نره', 'نگران نباش\\S*', 'mat2sash', 'matensash', 'faramush nakon\\S*',
  // (round 38) "ما اشتي إلا …", "ما نبي منك إلا …" (I want nothing but …): our want negated before "except" asks for that one thing
  // (not "غير": "غيّر" is also "change", a self-care verb)
  '(?:ما|مو|مش|مب)(?= (?:اشتي|نشتي|ابي|نبي|ابغي|ابغى|نبغي|نبغى|ابا|نبا|احتاج|نحتاج|محتاج|محتاجين|نريد|اريد|بدي|بدنا|عايز|عايزين|عاوز|عاوزين|نحب|نحبو|حاب|حابين|بغيت|بغينا|نطلب|اطلب|طالب|طالبين)(?: (?:منك|منكم|منج|منچ|منكي|منكو|من عندك))? الا(?! (?:اذا|لو|ان|لما|لين)(?: |$))(?: |$))',
];

/** Whoever acts is the writer ("we'll send you", "سنرسل لك", "براتون ارسال می‌کنیم"): not a request. */
export const WRITER_ACTS = [
  // (round 22) Jamaican "wi"/"mi" before a verb of sending ("di code weh wi sen yuh"), never Egyptian Arabizi "wi" (and)
  '(?:wi|mi)(?= (?:a |did |will |go |gwine |ago |done |just |a go )?(?:send|sent|text\\S*|give)(?: |$))',
  'we', 'i', "i'll", "we'll", 'ill', "we've", "i've", 'we have', 'i have', 'will', 'system', 'automatically', 'سوف', 'راح', 'رح', 'سنقوم', 'سيتم', 'يتم', 'تم', 'هيتم', 'حيتم', 'هنقوم', 'بنقوم', 'نحن', 'احنا', 'هن(?:بعت|رسل)\\S*'];

/** The reader as subject: "can you send" is a request even after "will". */
export const READER = ['you', 'u', 'vous', "you'll", 'you will', "you'd", "u'll", 'انت', 'انتي', 'انتو', 'انتم', 'حضرتك', 'شما', 'تو', 'enta', 'inta', 'shoma'];

/** "to you": the thing goes to the customer, not from them. */
export const TO_READER = ['you', 'u', 'ya', 'to you', 'it to you', 'them to you', 'لك', 'ليك', 'لكم', 'اليك', 'اليكم', 'عليك', 'لحضرتك', 'لجنابك', 'على (?:جوالك|رقمك|موبايلك|تلفونك|ايميلك|بريدك)', 'براتون', 'برات', 'برايتان', 'براي شما', 'به شما', 'به گوشي\\S*', 'lak', 'leek', 'lik'];

/** A named place inside the official product: "enter it in the app", "في التطبيق", "در اپلیکیشن". */
/** The thing goes to the customer's own phone or mailbox ("we sent the code to your phone"). */
/** A participle before the place means the place describes the secret ("the code sent to your phone"), not where the verb goes. */
// …as does a verb of appearing ("whatever pops up on your phone", "the number that shows on your screen")
// (round 37) …and an Arabic participle or relative with "و" joined: "رمز التحقق والمرسل إلى هاتفكم" (and-sent to your phone) still describes the code
export const PLACE_DESCRIBES_OBJECT = /^(?:[a-z]+ed|up|shows|appears|pops|lands|arrives|comes|coming|arriving|landing|reaching|texting|flashes|sent|texted|delivered|received|و?(?:المرسل|المبعوت|المبعوث|الواصل|الوارد|المستلم)\S*|و?(?:اللي|الي|الذي|التي)|شده|ارسال|اومده|رسيده|وصل\S*|جا\S*|راح)$/u;

export const TO_READER_PLACE = [
  // (round 37) …not "on your mobile banking login", where the mobile names the bank's app, not where it goes
  '(?:to|on) (?:your|ur) (?:registered )?(?:phone|number|mobile(?! (?:banking|bank|app|wallet))|email|e-mail|device|inbox|sim|line)',
  '(?:الى|الي|على|علي|ل) ?(?:ال)?(?:جوال|رقم|هاتف|ايميل|بريد|موبايل|تلفون|تليفون|خط)\\S*(?:ك|كم)', 'به (?:شماره|گوشي|ايميل|موبايل|تلفن)\\S*', 'براتون', 'برايتان',
];

/** This conversation as a place: it overrides a page, box or field named beside it ("the reply box below", "در همین صفحه گفتگو"). */
/** (round 21) "here" and "to me" in more voices: Bakhtiari/Lori "ایچو", Gilaki/Mazandarani "ایجه", Dari "همینجه", Swahili "hapa", "kwangu", Malay "kat sini", Roman Urdu "yahan", Gulf Arabizi "hni". */
/** (round 23) …and where nobody had listed it: Turkish "buraya", "bana", Azerbaijani "bura", "mənə", Malayalam "ivide", Bengali "ekhane"/এখানে, "amake"/আমাকে, Urdu یہاں/مجھے, Amharic እዚህ, Isfahani "اینجو", Mazandarani "وسه من" (for me). */
// (round 24) Javanese "mrene"/"mriki", Kinyarwanda "hano", Wolof "fii", Sinhala "methana", Sorani "ئێرە"/"بۆم" (to me)
const UNLISTED_HERE = ['(?:f|fi|fe|on|via|in|3la|3al)(?: el| l)? (?:whatsapp|watsap|watsapp|wats)', '(?:على|ع|في|ف|عل|بال|فال)(?: ?ال)?(?:واتساب|واتس|الواتساب|الواتس)', 'mrene', 'mriki', 'hano', 'fii', 'methana', 'ئێره', 'ئيره', 'بۆم', 'بوم', 'buraya', 'buradan', 'bura', 'bana', 'm[eə]n[eə]', 'ivide', 'ividey', 'ividay', 'ekhane', 'এখানে', 'amake', 'আমাকে', 'يہاں', 'یہاں', 'مجھے', 'እዚህ', 'ለኔ', 'اينجو', 'ايجو', '(?:وسه|واسه|وسي) من', 'ke sini', '(?<=turo )mini?'];
const LOCAL_HERE = [...UNLISTED_HERE, 'ايچو', 'ايچه', 'ايجه', 'اينجه', 'ايجا', 'همينجه', 'اهني', 'اهنا', 'اهنه', 'hapa', 'kwangu', 'kwetu', '(?:kat|kt|di|dekat) sini', 'sini', '(?:kat|kt|kepada|pada|dekat) saya', 'yahan', 'yahaan', 'idhar', 'hni', 'hnee', 'hene', 'houni', 'houny', 'lehna', 'lehne'];

export const CHAT_PLACE = ['here', 'below', 'reply box', '(?:this|the|our) (?:chat|conversation|thread|dm)', '(?:در|تو|توي) (?:اين|همين) صفحه', '(?:في|ب) ?(?:هذه|هاي|هاد|هذي|هالـ?) ?الصفحه', 'هنا', 'اينجا', 'همينجا', 'براي ما', 'براي من', 'برام', 'گفتگو\\S*', 'چت', 'المحادثه', 'الشات', 'inja', 'hena', 'ici', ...LOCAL_HERE];

/** The writer as the subject of what follows a request: "…, I'll enter it", "خودم", "ana", "main". */
export const WRITER_SELF = /^(?:خودم|وانا|و ?انا|انا|مه|من|ana|w ?ana|wana|i'll|ill|i|we'll|main|mein|ako|moi|je)$/u;
/** A reason or purpose after a request ("so", "before", "باش", "تا", "untuk"): what follows is its own business. */
export const REASON = /^(?:before|9bal|qbal|gbal|kbal|قبل|as|because|since|so|coz|cause|bcoz|bcz|ta|para|ili|supaya|untuk|agar|taake|niku[a-z]+e|حتى|حتي|عشان|علشان|لان|لانه|باش|كي|لكي|تا|چون)$/u;

/** The writer's side named as the destination: "type it here", "اكتبه هنا", "اینجا بنویسید". */
export const TO_WRITER_PLACE = ['here', 'below', '(?:in|on|to) (?:this|the|our) (?:chat|conversation|thread|dm)', 'to (?:us|me)', 'us', 'me', 'هنا', 'لي', 'لنا', 'ليا', 'لينا', 'هون', 'لهون', 'لهنا', 'همين ?جا', 'hamin ?(?:in)?ja', 'hamin inja', 'la hon', 'lahon', 'hon', 'هني', 'الي', 'الينا', 'في (?:ال)?(?:شات|محادثه|دردشه|خاص)\\S*', 'اينجا', 'همينجا', 'به ما', 'براي ما', 'براي من', 'به من', 'برام', 'برامون', 'واسم', 'واسمون', 'baram', 'baramun', 'baraym', 'barayem', 'barayam', 'vasam', 'baraye ma', 'bara(?:ye|ie|y) man', 'be man', 'be ma', 'تو چت', 'در چت', 'hena', 'henak', 'hina', 'hna', 'ana(?= (?:irsil|arsil|tarsil|kallim|kitab|ekteb)(?: |$))', 'inja', 'dito', 'sa akin', 'sa amin', 'moi', 'ici', 'ايا', 'مره', 'مرا', 'برايم', 'بريم',
  // (round 30) Dari "برم" (for me) before an imperative; Tehrani "برم" is "let me go", before a first person ("برم بفرستم")
  'برم(?= (?:بفرست|بفرس|روان|بنويس|بگو|بگي)(?:ين|يد|ن|ه|ي)?(?: |$))', ...LOCAL_HERE];

export const IN_APP = [
  // (Pidgin "inside di app", "for di ATM")
  '(?:in|into|inna|on|at|inside|through|via|for(?= di | dat )) (?:the |our |your |yuh |official |the official |di |dat )*(?:app|application|website|site|portal|field|screen|box|page|form|login page|settings|phone settings|atm|machine|terminal|device|dialer|keypad)\\S*', 'in app',
  // (round 25) …with the company's name before it: "in the Sanabel app", "on our Zamzam Pay website" (a chat app is `CHAT_PLACE`, which overrides)
  '(?:in|into|on|inside|through|via) (?:the|our|your|the official) (?:\\S+ ){1,2}?(?:app|application|website)(?= |$)',
  '(?:في|على|ب|علي|جوه|داخل) ?(?:ال)?(?:تطبيق|ابلكيشن|ابليكيشن|موقع|خانه|شاشه|صفحه|الصراف|صراف|جهاز|ماكينه|الاب|اپ|app)\\S*', 'بالتطبيق\\S*', 'بالموقع\\S*', 'بالخانه\\S*',
  '(?:در|تو|توي|داخل|روي) (?:\\S+ )?(?:اپ|اپليكيشن|برنامه|سايت|وبسايت|كادر|صفحه|فيلد|خودپرداز|دستگاه|app)\\S*', 'dar app', 'tu app', 'too app', 'fel app', "dans (?:l'|la |votre |ton |notre )?(?:appli\\S*|app|site|espace client|distributeur|guichet)", "(?:dans|sur) l'(?:appli\\S*|[ée]cran)",
  // Gulf pidgin puts the place first: "app fi", "ATM fi", "machine fi"
  '(?:app|application|atm|atm machine|machine|website) fi', 'f el app', 'fe el app', '3al app',
  // Taglish "sa app mismo", "sa mismong app"
  'sa (?:mismong |inyong |iyong |ating |aming )?(?:app|application|website|site)\\S*',
  // (round 29) the app opened first, then the entry: "افتح التطبيق واكتبه", "open the app and type it", "اپ رو باز کن و بزنش"
  '(?:افتح|فتح|فك|ادخل|دخل|دش|فوت|خش)\\S* (?:على |علي |ع |ل |الى |لل)?(?:ال)?(?:تطبيق|ابلكيشن|ابليكيشن|ابلكيشن|اب|app)\\S*', 'open (?:up )?(?:the |our |your |yer |ya )?(?:\\S+ )?app\\S*', '(?:اپ|اپليكيشن|برنامه|app)\\S* (?:رو |را )?باز (?:كن|كنيد|كني|كنين)\\S*',
];

/** (round 21) Said of a secret already entered: accepted, verified, it worked ("النظام قبل الرمز اللي دخلتو", "Код қабул шуд", "umekubaliwa"). */
export const ACCEPTED = [
  'accepted', 'worked', 'went through', 'verified', 'was correct', 'successful(?:ly)?', 'succeeded',
  '(?:ات|ان|ت)قبل\\S*', 'مقبول\\S*', 'قبل(?:ه|ها|و|تو)', 'قبل(?= (?:ال)?(?:كود|رمز|ارقام|رقم|otp)\\S*)', 'اشتغل\\S*', 'نجح\\S*', 'تم (?:التحقق|التفعيل|قبول\\S*|تاكيد\\S*)',
  'قبول (?:شد|شده|بوبوست|بوبوسته|گرديد)\\S*', 'پذيرفته (?:شد|شده)', 'تاييد (?:شد|شده)', '(?:qabul|qabool|ghabool|ghabul) shod\\S*', 'қабул (?:шуд|гардид)\\S*',
  '[iuly]mekubaliwa', '[iuly]methibitishwa', 'diterima', 'berjaya', 'disahkan', 'tinanggap\\S*',
  // (round 22) received by the system, in the perfect: Hinglish "receive ho gaya", "mil gaya"; "came through"; "وصل للنظام", "دریافت شد"
  '(?:receive|verify|complete|accept|confirm)(?:d)? ho (?:gay\\S*|chuk\\S*)', 'mil (?:gay\\S*|chuk\\S*)', 'came through', 'picked up', 'تم استلام\\S*', 'وصل\\S* (?:ل|لل|ال|عند|في)\\S*(?:نظام|سيستم|سستم)\\S*', 'دريافت (?:شد|شده|گرديد)\\S*', 'رسيد به (?:سيستم|سامانه)', 'ба система расид',
];

/** Pronouns that refer back to a secret named in an earlier clause: "You got a code. Send it to me." */
export const BACK_REFERENCE = [
  // round 20: the thing named again with a demonstrative, as Indian English writes it: "revert with that numbr itself"
  '(?:that|this|those|these|the same|same|dat|hada|hadha|hatha|hadak|haza) (?:numbe?rs?|numbrs?|nos?|digi?ts?|raqam|code)(?: itself)?',
  // (round 24) …or with the article, ending the clause: "…a verification number to your phone. Please let me know the number"
  'the (?:numbe?rs?|digi?ts?)(?=(?: (?:here|below|to me|to us|in (?:this|the) chat))?$)', 'the (?:numbe?rs?|digi?ts?) (?:it|that) (?:shows|says|has|contains)', "(?:iyo|izo|iyi) mibare", '(?:chiffres?|num[eé]ros?) (?:yooyu|yii|yooyee|bi)', "(?:angka|nomer|kode) (?:kuwi|iku|kae)", '(?:ال)?(?:رقم|ارقام|نمره|كود) (?:هدا|هذا|هاد|ده|دا|هذي|هادا|هذول|هدول)', '(?:هدا|هذا|هاد|هادا|هذول|هدول|هذي) (?:ال)?(?:رقم|ارقام|نمره|كود)', 'it', 'woh', 'wo', 'voh', 'usko',
  // (round 25) its picture or its digits stand for it: "uska photo", "uske digits", "its digits", "a photo of it"
  '(?:us|is)(?:ka|ke|ki) (?:photo|foto|pic|picture|screenshot|tasveer|digits?|numbers?|number|code|ank)', 'its (?:digits|numbers?|code|photo|picture|screenshot)', '(?:photo|pic|picture|screenshot|snap|copy) of (?:it|them)(?= |$)', 'use(?= (?:mujhe|hume|humein|yahan|yaha|idhar)(?: |$))', 'isko', 'that', 'them', 'this', 'those', 'same', 'the same', 'holi', 'hali', 'holna', 'hooli', 'huli', 'hulna', 'hli', 'ياه', 'ياها', 'ياهن', 'ياهم', 'اياها', 'ياهن', 'ياهم', 'اياهن', 'اياهم', 'yah', 'yaha', 'yahon', 'yahom', 'iyyah', 'اياه',
  // Dari marks the object with ره: "او ره برایم روان کو", "همو ره"
  '(?:او|اون|همو|همون|همان|همين|ان|اين)(?:ه)? (?:را|رو|ره)', 'اوره',
  // (round 22) …and in the plural: "اونا رو برام تایپ کن", "آنها را بنویسید"
  '(?:اونا|اونها|انها|همونا|همونها|همانها|اينا|اينها) (?:را|رو|ره)', 'اونارو', 'همونارو', 'اينارو', 'unaro', 'una ro', 'همو', 'هو', 'هي', 'اونو', 'اونرو', 'اون رو', 'ان را', 'انرا', 'همونو', 'همون رو', 'همين رو', 'hamoono', 'hamuno', 'hamoon ro', 'hamun ro', 'hamino', 'hamin ro', 'oono', 'uno', 'ino', 'in ro'];
/**
 * Object pronouns a request verb carries, for any verb the lexicon already knows as a request: "ابعته", "ابعتهولي",
 * "صيفطو ليا" (Maghrebi/Levantine -o), "إرساله", "كتابته"; Arabizi "ab3atholi", "2olholi".
 */
export const AR_OBJECT_SUFFIX = /^(?:[\u0621-\u064a\u067e-\u06d3]{2,}(?:ه|ها|هم|هن|هولي|هالي|هولنا|هالنا|هلي|هلنا|هملي|همللي|هنلي|هوني|هاني|هيلي|هوليا|هاليا)|[\u0621-\u064a\u067e-\u06d3]{3,}(?:و|وه|وها|ولي|وليا|ولنا))$/u;
// Levantine/Maghrebi -o/-u is "it" too ("ba3to la hon"): judged only on a token that is already a request verb
export const ARABIZI_OBJECT_SUFFIX = /^[a-z0-9]*[23579][a-z]{0,3}(?:ouli|oulna|oulia|ouliya)$|^[a-z0-9]{3,}(?:ah|ih)$|^[a-z0-9]{2,}(?:holi|hali|holna|halna|hooli|huli|hulna|hli|hlna|hoolna|holy|hly|hlo|hlha|ha|hom|hum|hu|ho)$|^[a-z0-9]*[23579][a-z]{0,2}(?:o|u|ou)$|^7aw+[aei]?l(?:o|ou|u)$/;

export interface Hit {
  start: number;
  end: number;
  /** token index of the first token */
  at: number;
  /** token index of the last token */
  last: number;
}

const combined = new WeakMap<string[], RegExp[]>();

/**
 * The longest source one compiled alternation may have. V8 stops optimising a regular expression whose source is
 * longer than 20 KiB (`kRegExpTooLargeToOptimize`, 20,480 UTF-16 units: no quick checks, no Boyer–Moore look-ahead),
 * and such a pattern runs several times slower: outbound round 37's 244 characters took the card's alternation from
 * 20,455 to 20,699 and its scan from 4 % to 27 % of every decision (bench/README, outbound round 38). A longer
 * lexicon is scanned as several alternations, each under this size, that together find exactly what the one would.
 */
export const MAX_ALTERNATION_SOURCE = 16_000;

/** The entries' alternation, in parts that V8 optimises: each `(?<=^| )(?:…)(?= |$)` at most `MAX_ALTERNATION_SOURCE` long. */
export function alternationParts(entries: readonly string[]): RegExp[] {
  const sorted = [...entries].sort((a, b) => b.length - a.length).map((e) => foldLetters(e));
  const wrap = (xs: string[]) => new RegExp(`(?<=^| )(?:${xs.join('|')})(?= |$)`, 'gu');
  const parts: RegExp[] = [];
  let part: string[] = [];
  let size = 0;
  for (const e of sorted) {
    // 19: the wrapper's own characters; each entry adds itself and its "|"
    if (part.length && 19 + size + e.length + 1 > MAX_ALTERNATION_SOURCE) {
      parts.push(wrap(part));
      part = [];
      size = 0;
    }
    part.push(e);
    size += e.length + 1;
  }
  if (part.length || !parts.length) parts.push(wrap(part));
  return parts;
}

/**
 * Every match of the lexicon, scanning once with all entries as one alternation (longer sources first, so the
 * fuller phrase wins where two start at the same token).
 * A lexicon too long for one optimised alternation is scanned in parts (`alternationParts`), with the one
 * alternation's result: the leftmost match of any part, and at one position the earlier part's (its entries come
 * first in the one alternation, which takes the first entry that matches there); a part's next match is looked for
 * again only when the hit taken ends past where it starts.
 */
export function findAll(text: string, entries: string[]): Hit[] {
  let parts = combined.get(entries);
  if (!parts) {
    parts = alternationParts(entries);
    combined.set(entries, parts);
  }
  const hits: Hit[] = [];
  // spaces counted once, from the last hit on: counting each hit's from the clause's start is quadratic in hits
  let counted = 0;
  let spaces = 0;
  const tokenAt = (offset: number) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 32) spaces++;
    return spaces;
  };
  const push = (start: number, end: number) => hits.push({ start, end, at: tokenAt(start), last: tokenAt(end) });
  if (parts.length === 1) {
    const re = parts[0]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      push(start, end);
      if (end === start) re.lastIndex++;
    }
    return hits;
  }
  const next: Array<RegExpExecArray | null> = parts.map((re) => {
    re.lastIndex = 0;
    return re.exec(text);
  });
  for (;;) {
    let best = -1;
    for (let i = 0; i < next.length; i++) if (next[i] && (best < 0 || next[i]!.index < next[best]!.index)) best = i;
    if (best < 0) return hits;
    const start = next[best]!.index;
    const end = start + next[best]![0].length;
    push(start, end);
    const from = end === start ? end + 1 : end;
    for (let i = 0; i < next.length; i++) {
      if (!next[i] || next[i]!.index >= from) continue;
      parts[i]!.lastIndex = from;
      next[i] = from > text.length ? null : parts[i]!.exec(text);
    }
  }
}

const WORD_LISTS = [
  Object.values(SECRET_OBJECTS).flat(), NEUTRAL_OBJECTS, LAST_DIGITS, STRONG_REQUEST, TRANSFER_VERBS, SELF_CARE_VERBS, SUBORDINATORS, WEAK_ENTRY_VERBS,
  SOFT_REQUEST, NEGATION, CLAUSE_NEGATION, STATEMENT_AFTER_VERB, NOT_REALLY_NEGATION, WRITER_ACTS, READER, TO_READER, TO_READER_PLACE, CHAT_PLACE,
  TO_WRITER_PLACE, IN_APP, BACK_REFERENCE, ACCEPTED,
];
registerLexicon(WORD_LISTS.flat());
