/**
 * Secrets described instead of named. A scammer rarely says "OTP": they ask for "the digits in the text we sent",
 * "a photo of the front of the card", "the three numbers on the back", or ask what a message they know arrived
 * says. These entries recognise a secret by its attributes — what it is made of (digits, a count of them), where it
 * came from (a text, an SMS, "from us", "that arrived"), where it is printed (front, back, signature strip) — rather
 * than by its name. Same conventions as `lexicon.ts`: regular-expression sources over one clause's folded tokens.
 */
import { NOT_ANOTHER_NUMBER, type SecretKind } from './lexicon';
import { registerLexicon } from '../text/words';
import { CARD_EXPIRY, CARD_NUMBER, CARD_NUMBER_BY_LENGTH, CARD_PICTURE, CVV_BY_PLACE, ID_PICTURE } from './documents';

const AR_PFX = '(?:و|ف|ب|ل|ال|وال|بال|فال|لل|ك)?';
/** Something that carries a code to the reader: a text message, an SMS, a message "from us". */
const CARRIER_WORD = `(?:text messages?|sms messages?|whatsapp messages?|text|texts|sms|message|messages|msg|txt|notification|risala|resala|mesaj|masej|p[ae]y[ae]?ma?k|payam|payaam|mesej|ujumbe|ubutumwa|pesen|نامه\\S*|نامە\\S*|${AR_PFX}(?:رساله|رسائل|مسج|مسدج|ميساج|مساج|ماسج|نص)(?:ه|ها|ات|ك|كم|ي|يه|تك|تكم)?|پيام\\S*|پيوم\\S*|اس ام اس\\S*)`;
const DIGITS_WORD = '(?:digits?|numbers?|figures|numerals|characters|chars|letters and numbers|chiffres?|numeros?|números?|numbrs?|ar2am|arqam|ar9am|ra2m|raqam|adad|ragham|aadad|namba|nambari|tarakimu|nombor|angka|imibare|umubare|ژمار\\S*|рақам\\S*|(?:ال)?(?:ارقام|الارقام|ارجام|الارجام|رقم|الرقم|اعداد|الاعداد|نمر|النمر)\\S*|(?:اعداد|عدد|عددا|عددايي|ارقام|رقم|رقمي)\\S*)';
/** "with", as a message holds digits: Arabic فيه/فيها/بيه, Arabizi "fih", Swahili "yenye", Malay "dengan"/"ada", Persian "با"/"که توش" (English "a text with a code" is read by the code's own words). */
const WITH = '(?:fi(?:h|ha|hi|ya)|fe(?:h|ha|ya)|biha?|[ywlzc]h?enye|ilio na|dengan|ada|[iy]?irimo|isine|bu am|با|كه توش|توش|(?:ف|ب)?(?:يه|يها|يهو|يو)|бо)';
/** …a few of them, or a count: "كم رقم", "چند تا عدد", "beberapa nombor", "namba sita". */
const FEW = `(?:(?:كم|چند|چندتا|چند تا|بعض|beberapa|kam|chand|some|${'(?:4|5|6|7|8|four|five|six|seven|eight|اربع|اربعه|خمس|سته|ست|سبع|ثمان|چهار|پنج|شش|شيش)'})(?: تا)? )?`;
const COUNT = '(?:4|5|6|7|8|four|five|six|seven|eight|اربع|اربعه|خمس|سته|ست|سبع|ثمان|چهار|پنج|شش|شيش)';
const NOT_LAST_AR = '(?<!(?:اخر|الاخير|الاخيره|اخرين) )';
const NOT_LAST = '(?<!(?:last|final|ending|ends|in|with|اخر|الاخيره|اخرين|اخري|son|terakhir|huling|akh[ae]r|a5[ae]r|akhir|a5ir|l ?akh[ae]r) )';

export const DESCRIBED_SECRETS: Partial<Record<SecretKind, string[]>> = {
  otp: [
    // round 20: the article as the relative, as Chadian and Sudanese write it: "الرقم الجاك", "الأرقام الجات ليك", "الكود الوصلك"
    `${AR_PFX}(?:رقم|ارقام|نمر|نمره|كود|رمز|اعداد)\\S* ال(?:جا|جات|جت|جاك|جاتك|جاتلك|جالك|وصل|وصلت|وصلك|وصلتك|اجاك|اجا|اجت|اتبعت|انرسل)\\S*`,
    // round 16: any number that reaches the reader, as Arabizi and Levantine say it: "el raqam elly wslk", "أي رقم بيوصلك"
    '(?:el |al |l |il )?(?:raqam|ra2am|rakam|ra9am|ra8am|ra8m|ar2am|arqam|ar9am|ar8am) (?:(?:elly|elli|illi|eli|li) )?(?:\\S+ )?(?:w[ae]?s[ae]?l(?:ak|ek|k|ik)|w[ei]?s[ae]?l(?:oo|o|u)l?(?:k|ak|ek)|wesel(?:ak|ek)|jak|jalak|etak|atak|yewsalak|biwsalak|biwsalek)\\S*',
    `(?:اي|كل|ايا) ${AR_PFX}(?:رقم|كود|ارقام|رمز)\\S* (?:(?:اللي|الي|يلي) )?(?:ب|بي|ي|رح ي|هي|ح)?(?:وصل|يوصل|جي|يجي|اجي)\\S*`,
    // round 13: "the token that just entered your phone", "the token wey dem send" (a code by what it did)
    '(?:the |that |dat |your |ur )?tokens? (?:\\S+ ){0,2}?(?:entered|enter|came|come|landed|dropped|arrived|entered into|dem send|they sent|we sent|you got|you received)',
    // "the six digits", "6 digit number", "الستة أرقام" (but never "the last four digits")
    `${NOT_LAST}(?:the |those |these |that |all )?${COUNT} ?(?:digits?|numbers|figures|ارقام|الارقام|رقم|رقمي|عدد|عددي|raghami|raqami|ragham|raqam|adadi)(?: (?:number|code|pin))?(?! (?:ي )?(?:اخر|پاياني|انتهايي|الاخيره|اخيره|akh[ae]r\\S*|e akh[ae]r\\S*|terakhir|za mwisho))`,
    // (round 21) a message with digits in it, whatever says "with": "مسج فيه كم رقم", "SMS yenye namba", "SMS dengan nombor", "پیامک با چند تا عدد"
    `${CARRIER_WORD} (?:\\S+ )?${WITH} ${FEW}${DIGITS_WORD}(?! (?:\\S+ )?(?:ال)?(?:بطاق|كارت|كرت|card|kadi|kad|طلب|الطلب|order|اوردر|حساب|account)\\S*)`,
    // digits + where they came from: "the digits in the text", "the numbers that came", "الأرقام اللي في المسج"
    `${NOT_ANOTHER_NUMBER}${DIGITS_WORD} (?:\\S+ ){0,4}?(?:it contains|in it|in there|(?:in|from|inside|on|dans|du|de) (?:the |that |this |your |our |le |la |ce |cet |votre |l')?${CARRIER_WORD}|(?:that |which )?(?:came|arrived|appeared|showed up|you got|you received|you see)|(?:qui |que )?(?:sont |est )?(?:arriv\\S*|re[çc]u\\S*|envoy[ée]\\S*)|(?:في|ف|ب|بال|فال|جوه|داخل|تو|توي|در|داخل) ?${CARRIER_WORD}|(?:f|fi|fel|fil|f el|fe el|tu|too|dar) ?(?:el )?${CARRIER_WORD})`,
    `${DIGITS_WORD} (?:\\S+ ){0,2}?(?:الموجوده|الوارده|المكتوبه|اللي|الي|لي|يلي|ياللي|elli|illi|li|ke|كه|درج ?شده)\\S* (?:\\S+ ){0,3}?(?:في|ف|ب|بال|فال|تو|توي|در)?${CARRIER_WORD}`,
    // digits and a message in one phrase, whatever joins them: "the numbers off that text", "ارقام المسج"
    `${DIGITS_WORD} (?:\\S+ ){0,2}?${CARRIER_WORD}`,
    // the message itself, qualified as received: "the message we sent you", "پیامکی که دریافت کردید", "المسج اللي جالك"
    `(?:the |that |this |your |our )?${CARRIER_WORD} (?:\\S+ ){0,2}?(?:from us|from our side|from our end|we (?:just )?sent|you (?:just )?(?:got|received)|that came(?! up)|that arrived)`,
    `${CARRIER_WORD} (?:\\S+ ){0,3}?(?:دريافتي|دريافت ?شده|(?:ارسال|فرستاده) ?شده|دريافت (?:كرديد|كردي|كردين)|كه (?:\\S+ )?(?:اومد|امد|اومده|رسيد|رسيده|دريافت)\\S*|(?:اللي|الي|لي|يلي|التي|الذي) (?:\\S+ )?(?:وصل|جا|جات|جاك|جالك|جاتلك|اجاك|اجتك|وصلك|وصلتك|استلمت|جاوك|جاني)\\S*)`,
    // a message the second factor sent: "the message from 2-step verification", "پیامی که از طرف تأیید دو مرحله‌ای آمده", "msg mn 2-step"
    // (a determiner right after the carrier makes it a verb with its object: "text the verification code to me")
    `${CARRIER_WORD} (?!(?:the|your|ur|a|an|us|me|him|her|them|it|my|our) )(?:\\S+ ){0,4}?(?:2 ?step|two ?step|2fa|two ?factor|2 ?factor|verification|التحقق|تحقق|التوثيق|توثيق|تاييد|احراز|دو ?مرحله|بخطوتين)\\S*`, `(?:2 ?step|two ?step|2fa|two ?factor|2 ?factor|verification) (?:verification |code )?${CARRIER_WORD}`,
    // the digits that will reach the reader's phone: "the numbers wey enter your phone", "the digits that land on your line"
    `${DIGITS_WORD} (?:(?:wey|we|that|which|dem|dat|they) ){0,2}(?:go |will |dey |na |should |might )?(?:enter|land|reach|come|drop|arrive|get sent|send|sent|text|texted)\\S* (?:\\S+ )?(?:your|ur|yur) (?:phone|line|sim|mobile|number|inbox|device|handset)`,
    // what the phone shows: "the number on your screen", "the code showing on your phone"
    `${DIGITS_WORD} (?:\\S+ ){0,3}?(?:popped up|pops up|popping up|showed up|shows up|showing up|came up|comes up|appeared|appears|appearing|showing|shown|displayed|flashed|flashing)? ?(?:on|in) (?:your |the |ur )?(?:lock ?screen|home ?screen|screen|phone|display|mobile|device|notifications?)`,
    '(?:number|numbers|digits|code) (?:\\S+ ){0,1}?(?:on|showing on|shown on|displayed on|appearing on|that appears on|popping up on) (?:your |the |ur )?(?:screen|phone|display|mobile|device)',
    '(?:whatever|everything|what|the thing|anything) (?:you |u )?(?:just )?(?:got|get|received|receive) (?:by|in|via|over|through) (?:text|sms|message|whatsapp)',
    // round 15: "read him whatever pops up on your phone"; "قله الرقم اللي بيوصلك" (the number that will reach you)
    '(?:whatever|everything|anything|what|the thing) (?:\\S+ )?(?:pops?|popped|popping|shows?|showed|showing|comes?|came|appears?|appeared|lands?|landed|flashes|flashed) (?:up )?(?:on|in) (?:your |the |ur )?(?:phone|screen|mobile|lock ?screen|notifications?|device)',
    `${DIGITS_WORD} (?:اللي|الي|يلي|لي|الذي|التي) (?:رح |راح |ح )?\\S*(?:وصل|جي|جا|اجا|طاح|طاحت|طايح)\\S*(?:ك|كي|كم)(?![\\p{L}])`, `${DIGITS_WORD} (?:اللي|الي|يلي|لي) (?:\\S+ )?(?:طاح|طاحت|طايحه|طاحو)\\S*`,
    // a code by its length in places: "رقم من ٦ خانات", "كود مكون من 6 أرقام"
    `(?:رقم|كود|رمز)\\S* (?:من|مكون من|فيه) ${COUNT} (?:خانات|خانه|ارقام)`,
    // "tell me the digits.": bare digits as the last words of a request clause are the code just discussed
    '(?:the|those|these) (?:digits|numbers)$', '(?:ال)?(?:ارقام|اعداد)$', '(?:el |al )?(?:ar2am|arqam|ar9am)$', '(?:اون )?(?:اعداد|عددا)(?: رو)?$',
    // "what digits did you get from us?": digits as what the reader received
    `${DIGITS_WORD} (?:did|have|has) (?:you|u) (?:just )?(?:get|got|receive|received|see|seen)(?! (?:the|a|an|your|our|it|that|this)(?: |$))`,
    // "paste the digits after 'Your code is'": the digits a quoted phrase introduces
    `${DIGITS_WORD} (?:that (?:come|follow) |right |just )?(?:after|following)$`,
    // Arabizi/Finglish: "el ra2am elly zahar 3ala el shasha", "adad e 6 raghami ke omad"
    '(?:el |al )?(?:(?:\\d|sitt?a|khamsa|arba3a) )?(?:ra2am|raqam|ar2am|arqam|rakam|code|kod) (?:elly|illi|li|eli) (?:zahar|zahrlak|zaharlak|tele3|tel3|tala3|ttla3|galak|gālak|gak|jak|wasalak|wslak|ja|ga|gat|gatlak|gatak|weslet|wesletlak|wasaltak|wesellak|weselak)\\S*',
    // (round 38) …and Dari "شماره‌ای که برایتان پیامک شد" (the number that was texted to you)
    // (round 27) …in Persian letters: "همان رقم ها که همی حالا به تیلفون تان رسید", "عددی که الان براتون اومد" (an order's number says so)
    '(?<!(?:سفارش|پيگيري|رهگيري|مرسوله|فاكتور)\\S{0,3} )(?:رقم|عدد|ارقام|اعداد|شماره)\\S* (?:\\S+ ){0,2}?كه (?:\\S+ ){0,5}?(?:اومد|امد|رسيد|اومده|امده|رسيده|پيام ?شد|پيامك ?شد|sms ?شد)\\S*',
    '(?:adad|ragham|raqam|aadad)\\S* (?:\\S+ ){0,3}?ke (?:\\S+ ){0,3}?(?:oomad|omad|umad|amad|resid|oumad|ferestadim|miad|(?:sms|payamak|ersal) shod)\\S*', 'code ?(?:i |e )?ke (?:\\S+ )?(?:oomad|umad|amad|resid|oumad|omad)\\S*',
    // the message as a definite object (Persian را/رو): "پیامک رو بخون", "sms ro befrest"
    '(?:sms|p[ae]y[ae]?ma?k|message|msg)(?: ?e \\S+)? ro', '(?:پيامك|پيام|اس ام اس)\\S*(?: (?!شد |شده )\\S+)? (?:رو|را)',
    '(?:sms|p[ae]y[ae]?ma?k|payam|message|msg|matn|text) ?(?:i |e |ee )?ke (?:\\S+ ){0,2}(?:oomad|umad|amad|resid|oumad|omad)\\S*',
    // a picture of the message shows the code: "از پیامکه یه عکس بگیر", "صورة للمسج", "a screenshot of the SMS"
    `(?:screenshot|screen ?shot|photo|picture|pic|snap|capture|image) (?:of )?(?:the |that |this |your |our )?(?:text|sms|message|msg|txt)(?!(?: \\S+){0,4} (?:error|tracking|delivery|link|order|courier|invoice|receipt))(?! (?:that |which )?(?:popped|pops|came|comes|showed|shows|appeared|appears) ?(?:up)? (?:on|in) (?:the |your |our )?(?:app|screen|website|site|page))`,
    `(?:از )?(?:\\S+ ){0,2}(?:پيامك|پيام|اس ام اس|sms)\\S* (?:\\S+ ){0,2}(?:عكس|اسكرين|اسكرين ?شات)`, `${AR_PFX}(?:صوره|سكرين|سكرين ?شوت|تصوير)\\S* (?:\\S+ ){0,1}(?:ل|لل|ال|من|من ال)?(?:رساله|مسج|ميساج|ماسج|sms)\\S*(?! (?:ال)?(?:خطا|ايرور|تتبع|شحن|توصيل|طلب|اوردر|فاتوره|عرض|موعد)\\S*)(?! (?:(?:اللي|الي|التي|يلي) )?(?:طلع|طلعت|ظهر|ظهرت|بان|بانت|تطلع|يطلع)\\S*)`,
  ],
  card: [
    // round 20: the card's picture or both its faces, by any of its local names
    ...CARD_PICTURE,
    // (round 24) the digits on the card, in the plural, are its number: "الأرقام يلي عالكرت كلها", "كل الأرقام اللي على البطاقة", "all the numbers on your card"
    `${NOT_LAST_AR}(?:كل |جميع )?(?:ال)?(?:ارقام|نمر|اعداد) (?:(?:كلها|كلهم|كلهن|جميعها) )?(?:(?:اللي|الي|يلي|لي|الموجوده|المكتوبه) )?(?:(?:على|علي|في|فوق) )?(?:عال|عل|ع|ال|بال|فال)?(?:بطاق|كارت|كرت|كارط|كرط|فيزا)\\S*`,
    `${NOT_LAST}(?:all )?(?:the )?(?:numbers|digits) (?:printed |written )?(?:on|off|across) (?:the |your |ur )?(?:credit |debit |bank |atm )?card`,
    ...CARD_NUMBER,
    ...CARD_NUMBER_BY_LENGTH,
    ...CARD_EXPIRY,
    // Arabizi "sawer el card men el jehtein": photograph the card
    '(?:(?:t|te|i|y|ye)?saw+[ae]r|swer|sawr|tswer)\\S* (?:(?:el|al|l|le|li) )?(?:card|carte|cart|kart|karta|bitaka|beta2a|bata2a|bitaqa|betaka|visa)\\S*',
    '(?:front|both sides|two sides|face) (?:of )?(?:your |the |my )?(?:credit |debit |bank )?card',
    // "the front and back of your card", "the long number off the front"
    '(?:front|back|reverse|rear) (?:side )?and (?:the )?(?:front|back|reverse|rear)(?: side)? (?:of )?(?:your |the |my )?(?:credit |debit |bank )?card',
    `(?:ال)?(?:وجه|وش|واجهه) (?:ال)?(?:بطاق|كارت|كارط|كرت|فيزا)\\S*`,
    // the digits on the card's face: "كل الأرقام اللي على وجه البطاقة", "جميع الأرقام الموجودة على واجهة البطاقة" (its back holds a phone number too)
    `(?:كل |جميع )?(?:ال)?(?:ارقام|رقم|نمر|اعداد|شماره)\\S* (?:\\S+ ){0,2}?(?:(?:على|علي|ع|في|فوق|من|روي|جلوي) ?)?(?:ال)?(?:وجه|وش|واجهه|قدام|امام|الامامي|الاماميه|جلو|روي)\\S* (?:ال)?(?:بطاق|كارت|كارط|كرت|فيزا)\\S*`,
    '(?:all )?(?:the )?(?:numbers|digits|number) (?:\\S+ ){0,2}?(?:on|across|off|from) (?:the )?(?:face|front)(?: side)?(?: of)? (?:(?:your|the|ur) )?(?:\\S+ )?card',
    // (round 27) …in Arabizi: "l ar9am li 3la wjeh lbita9a", "el ar2am yalli 3a wej el karte"
    '(?:(?:kol|kul|ga3|gaa3) )?(?:l |el |al )?(?:ar9am|ar2am|arqam|arkam|nmar|numeros|chiffres) (?:\\S+ ){0,2}?(?:3la|3a|ala|f|fi|fel|men|mn) (?:el |l )?(?:wjeh|wejh|wej|wajh|wech|woj|wjah)\\S* (?:\\S+ ){0,2}?(?:l?bita(?:qa|2a|9a)|bta9a|karte?|carte|card|kart|visa)\\S*',
    '(?:numbers|digits|number) (?:\\S+ ){0,2}?(?:on|across|off|from) the front (?:\\S+ ){0,4}?(?:on|at|from|round|around) the back',
    '(?:long|full|whole|big|complete) (?:number|numbers|digits) (?:off|on|from|across|along) (?:the )?front',
    "card(?:'s|s)? (?:long|full|whole|complete|entire|16 ?digit) (?:number|numbers|digits|no)",
    // the card shown to a camera: "hold your card up to the camera"
    '(?:your |the )?(?:credit |debit |bank )?card (?:up )?(?:to|in front of|towards) (?:the |your )?(?:camera|webcam|video|screen)',
    // photographing the card is the picture: "تصور الكارت", "از کارت عکس بگیر" ("photograph your card": `documents.ts`)
    `(?:(?:و|ف)?(?:ت|ا|ي)?صور\\S*(?: (?:لي|ليا|لنا|لينا))?) (?:your |the |ur )?(?:(?:credit|debit|bank|atm)? ?cards?|${AR_PFX}(?:بطاق|كارت|كارد|كارط|كرت|كرط|فيزا|ماستر)\\S*)`, '(?:از )?كارت(?! ?ملي)\\S* (?:\\S+ )?عكس (?:بگير|بنداز|بفرست)\\S*', 'از (?:\\S+ ){0,4}كارت(?! ?ملي)\\S* (?:\\S+ ){0,3}عكس\\S*',
    // the number printed on it: "the complete number printed on the front of your card"
    '(?:complete|full|whole|entire|long|embossed|printed) (?:\\S+ ){0,2}?(?:number|digits)(?: \\S+){0,6}? (?:card|cards|visa|mastercard|amex|debit|credit)',
    '(?:number|digits|numbers) (?:\\S+ ){0,2}?(?:printed|embossed|written|shown|stamped|raised) (?:on|along|across|at|in) (?:\\S+ ){0,4}?card',
    '(?:شماره|ارقام|اعداد|عدد)\\S* (?:\\S+ )?(?:روي|جلوي) (?:\\S+ )?كارت\\S*', '(?:تصوير|عكس)\\S* (?:روي|جلوي|پشت ?و ?روي) (?:\\S+ )?كارت\\S*',
  ],
  // round 20: its picture or both its faces, the document by any of its local names (`documents.ts`)
  national_id: ID_PICTURE,
  cvv: [
    // round 20: by count and place in Darija, Tunisian, French, Spanish, Persian; the plural digits behind the card
    ...CVV_BY_PLACE,
    // (round 24) "the three" with no digits word, made the card's code by a relative and its place: "والتلاتة يلي ورا", "الثلاث اللي خلف البطاقة"
    `${AR_PFX}(?:3|ثلاث|ثلاثه|تلات|تلاته|التلات|التلاته|الثلاث|الثلاثه) (?:اللي|الي|يلي|لي) (?:\\S+ )?(?:ورا|وراء|ورى|خلف|بالخلف|ظهر|ضهر|عالضهر|عضهر|بضهر|بظهر)\\S*`,
    // …and Finglish "3 ta raghame poshtesh", Sinhala–English "pitipasse thiyena 3 digits" (the place first)
    '(?:3|se|seh) ?(?:ta )?(?:ragham|raqam|adad|raghm)\\S* (?:\\S+ )?posht\\S*', '(?:pitipass\\S*|posht\\S*) (?:\\S+ ){0,2}(?:3|three) (?:digits?|numbers?)',
    // by size and place: "the three-digit security value printed on the reverse", "3 numbers sa likod ng card"
    '(?:(?:small|little|short|tiny) )?(?:3|three|tatlong|tatlo) ?(?:(?:small|little|short|tiny|lil) )?(?:digits?|numbers?|numeros?|figures)\\S* (?:\\S+ ){0,6}?(?:back|behind|reverse|rear|signature|likod)\\S*',
    // round 15: by the signature, in Arabic and Persian: "الأرقام اللي ورا البطاقة جنب التوقيع", "اعداد کنار امضا"
    `${AR_PFX}(?:ارقام|رقم|نمر|خانات|اعداد|عدد)\\S* (?:\\S+ ){0,5}?(?:جنب|عند|قرب|بجانب|جمب|جانب|بجنب|حد|كنار|نزديك) (?:ال)?(?:توقيع|امضاء|امضا)\\S*`,
    // by size alone: only a card's security code is a "3-digit number" ("just the small 3-digit number")
    '(?:(?:small|little|short|tiny) )?(?:3|three) ?digit (?:number|code|value|security|no)\\S*',
    '(?:digits?|numbers?|figures) (?:\\S+ ){0,3}?(?:next to|beside|by|near|on) (?:the )?signature',
    `${AR_PFX}(?:ارقام|خانات|رموز|نمر) (?:ال)?(?:3|ثلاث|ثلاثه|تلات|تلاته|التلاته|الثلاثه|الثلاث|التلات|ثلث|الثلث) (?:\\S+ ){0,3}?(?:ال|ب|بال)?(?:ظهر|خلف|ورا|ورى|الخلف|ضهر)\\S*`,
    `${AR_PFX}(?:3|ثلاث|ثلاثه|تلات|تلاته|التلاته|الثلاثه|الثلاث|التلات|ثلث|الثلث) (?:ال)?(?:ارقام|خانات|رموز) (?:\\S+ ){0,3}?(?:ال|ب|بال)?(?:ظهر|خلف|ورا|ورى|الخلف|ضهر)\\S*`,
    '(?:el |al )?(?:3|tlet|tlat|tlata|talat|talata|thalath|تلت|تلات|ثلاث) (?:ar2am|arqam|ra2am|ar9am) (?:\\S+ ){0,3}?(?:wara|khalf|dahr|da7r|dhar)',
    '(?:سه|3) (?:تا )?(?:رقم|عدد)\\S* (?:\\S+ ){0,2}?(?:پشت|پشتي)\\S*',
    // round 13: by place without a count — "the little number on the back", "the small code behind the card" (a phone
    // number on the back is "the number on the back": the size word is what makes it the code)
    // (the place may go on: "…on the back of the card", "…on the back beside where you sign")
    '(?:little|small|short|tiny|lil|wee) (?:\\S+ )?(?:numbers?|digits?|no|code|#) (?:\\S+ ){0,2}?(?:on|at|behind) (?:the |da |ur |your |tha )?(?:back|reverse|rear)(?: of (?:the |your |ur )?card)?(?: (?:beside|next to|near|by) (?:where (?:you|u) sign|the signature(?: strip| panel| box)?))?',
    // round 15: the place you sign is the signature strip; a code or value (not a number: a phone's is printed there too) on the back
    '(?:(?:little|small|short|tiny|lil|wee) )?(?:digits?|numbers?|code|no) (?:\\S+ ){0,4}?(?:beside|next to|near|by) where (?:you|u) sign',
    '(?:verification |security |card |check )?(?:value|code) (?:\\S+ ){0,2}?(?:on|at|from|off) the (?:back|reverse|rear)(?: side)? of (?:the |your |ur )?card',
    // round 16: the card's back face, whose picture shows the code: "الوجه الخلفي للبطاقة", "ظهر الكارت", "the back of the card"
    `${AR_PFX}(?:وجه|جهه|ظهر|ضهر|خلف)\\S* (?:${AR_PFX}(?:خلفي|ورا|وراني)\\S* )?(?:ل|لل|من|ال|مال|تبع)?(?:بطاق|كارت|كارد|كرت|فيزا)\\S*`, '(?:the )?(?:back|reverse|rear)(?: side)? of (?:the |your |ur |my )?(?:credit |debit |bank )?card',
    // Arabizi with the count after the digits: "el ar2am el talata elly fe dahr el visa"
    '(?:ar2am|arqam|ar9am|ra2am) (?:el |al )?(?:talata|tlata|talat|tlat|3) (?:\\S+ ){0,3}?(?:wara|khalf|dahr|da7r|dhar)',
  ],
  pin: [
    // (round 24) the four digits the reader types, with no machine named: "الأربع أرقام اللي تدخل فيهن", "the 4 digits you punch in"
    `(?:ال)?(?:4|اربع\\S*) (?:ال)?(?:ارقام|خانات|نمر)\\S* (?:اللي|الي|يلي|لي) (?:ب|بت|ت|كت)?(?:دخل|كتب|حط|طق|تدخل|تكتب)\\S*`, `(?:ال)?(?:ارقام|خانات)\\S* (?:ال)?(?:4|اربع\\S*) (?:اللي|الي|يلي|لي) (?:ب|بت|ت|كت)?(?:دخل|كتب|حط|طق|تدخل|تكتب)\\S*`,
    '(?:the )?(?:4|four) (?:digits?|numbers?) (?:that )?(?:you|u) (?:always )?(?:enter|type|punch|key|put)\\S*',
    // round 19: the digits used at the cash machine, in Arabic and Persian: "الأرقام الأربعة اللي بتستعملها عالصراف", "چهار رقمی که در خودپرداز می‌زنید"
    `${AR_PFX}(?:ارقام|خانات|نمر)\\S* (?:ال)?(?:4|اربع\\S*) (?:\\S+ ){0,3}?\\S*(?:صراف|atm|ماكينه|مكينه)\\S*`, `(?:ال)?(?:4|اربع\\S*) (?:ال)?(?:ارقام|خانات|نمر)\\S* (?:\\S+ ){0,3}?\\S*(?:صراف|atm|ماكينه|مكينه)\\S*`,
    '(?:4|چهار) ?(?:تا )?(?:رقم|عدد)\\S* (?:\\S+ ){0,4}?(?:خودپرداز|عابر ?بانك)\\S*', '(?:el |al )?(?:4|arba3a?|arb3a) (?:ar2am|arqam|ar9am) (?:\\S+ ){0,4}?(?:atm|sarraf|seraf|machine)',
    '(?:4|four) (?:digits?|numbers?) (?:\\S+ ){0,5}?(?:atm|cash machine|cash point|cashpoint|machine|keypad|terminal)',
    '(?:numbers?|digits?|code|combination) (?:\\S+ ){0,3}?(?:use|type|enter|punch|key) (?:\\S+ ){0,2}?(?:at|into|on) (?:the )?(?:atm|cash machine|machine|keypad)',
    // (round 25) …with no count, in Arabic: "الرقم مالها اللي تكتبه عند المكينة", "الأرقام اللي بتدخلها في الصراف"
    `${AR_PFX}(?:رقم|ارقام|خانات|نمر)\\S* (?:\\S+ ){0,2}?(?:اللي|الي|يلي|لي) (?:ب|بت|ت|كت)?(?:دخل|كتب|حط|طق|تدخل|تكتب|ضرب|تضرب)\\S* (?:\\S+ ){0,2}?\\S*(?:صراف|atm|ماكينه|مكينه|مكاينه)\\S*`,
  ],
  password: [
    '(?:characters|letters|combination|word or phrase) (?:\\S+ ){0,3}?(?:use|type|enter|put) (?:\\S+ ){0,2}?(?:to |for |when you )?(?:log ?in|sign ?in|get in|access)\\S*',
    '(?:secret )?(?:word|phrase|key) (?:\\S+ ){0,3}?(?:to |for )?(?:log ?in|sign ?in|get in|access)\\S*', 'secret word',
    // what the reader types to get in, described by the act: "what you type when you log in", "what do you enter to sign in",
    // "همون چیزی که موقع ورود تایپ می‌کنی", "الشي اللي بتكتبه لما تفوت عالتطبيق"
    '(?:what|whatever|the thing|the stuff) (?:do |did )?(?:you|u) (?:\\S+ )?(?:type|enter|put in|key in|use|punch in)\\S* (?:\\S+ ){0,2}?(?:when|whenever|to|while|each time|every time|before) (?:you |u )?(?:log\\S*|sign\\S*|get into|open|access|unlock)\\S*',
    '(?:what|whatever|the thing) (?:do |did )?(?:you|u) (?:\\S+ )?(?:type|enter|use|put in)\\S* (?:in |into |on )?(?:the |your )?(?:login|log in|sign in|sign-in|password) (?:box|field|screen|page)',
    `(?:چيزي|چي|اون چيزي|همون چيزي|هموني) (?:\\S+ ){0,1}?(?:كه )?(?:موقع|وقت|واسه|براي|هنگام|زمان) (?:\\S+ ){0,1}?(?:ورود|لاگين|وارد شدن|login)\\S* (?:\\S+ ){0,3}?(?:تايپ|وارد|مي ?زني|ميزني|مي ?نويسي|مينويسي)\\S*`,
    `(?:الشي|الشيء|الحاجه|الكلمه|اشي) (?:اللي|الي|لي|يلي) (?:ب|بت|ت|كت)?(?:كتب|دخل|حط|طبع)\\S* (?:\\S+ ){0,1}?(?:لما|وقت|عشان|لحتى|حتى|باش|كي) (?:ب|بت|ت|كت)?(?:فوت|دخل|تفوت|سجل|فتح)\\S*`,
    // (round 29) the word the reader gets in with: "الكلمة اللي تفوت بيها على حسابك", "الكلمة اللي تدخل فيها", "the word you log in with", "کلمه‌ای که باهاش وارد می‌شی"
    `(?:ال)?كلمه (?:اللي|الي|لي|يلي|التي) (?:ب|بت|ت|كت)?(?:دخل|فوت|سجل|تدخل|تفوت|تسجل|خش|تخش|دش|تدش)\\S* (?:فيها|بيها|بها) (?:\\S+ )?(?:علي|على|ع|عل|ل|في|ف)? ?(?:ال)?(?:حساب|تطبيق|اكونت|ابلكيشن)\\S*`,
    '(?:word|words|phrase) (?:that )?(?:you|u|ya) (?:\\S+ )?(?:log|sign) ?(?:in|on|into)\\S*(?: (?:\\S+ ){0,2}?with)?',
    `(?:كلمه|چيزي|كلمه اي|رمزي) (?:كه )?(?:باهاش|با ان|با اون|باش) (?:\\S+ )?(?:وارد|لاگين|login)\\S*`,
  ],
};

/**
 * A question about what a received message says — "what did it say?", "فيها إيه؟", "چی توش نوشته؟" — asks for the
 * code in it when a message to the reader was mentioned in this clause or the two before.
 */
export const CONTENT_QUESTION = [
  'what (?:did|does|do|did it|does it) (?:it|they|that|this|the (?:\\S+ )?(?:text|sms|message|msg|notification)) (?:\\S+ )?(?:say|read|show)s?', "what's in it", 'what is in it', 'what (?:was|is) in (?:it|there|the (?:text|sms|message))',
  'what (?:it|they|the (?:text|sms|message)) (?:says?|said|reads?|shows?)', "(?:whit|fit|wit|wot|wat)(?:'s|s| is)? (?:it|that|they) (?:say|sayin|saying|says)", '(?:whit|fit|wit|wot|wat) (?:does|dis|did|dae|div) (?:it|they|that|the (?:\\S+ )?(?:text|sms|message)) (?:say|read|show)s?', "what(?:'s|s| is) (?:it|that|the (?:text|sms|message)) (?:say|saying|read|reading|show|showing)", 'what (?:came|arrived|popped up|showed up|appeared|come)(?: through| in| up)?', 'what did you (?:get|receive)',
  // (round 37) the number asked as what is in it: "What number's in it?", "which digits are in the text?"
  "(?:what|which) (?:number|numbers|digits|code)(?:'s| is| are|s)? in (?:it|there|the (?:text|sms|message))",
  '(?:شو|ايش|وش|ايه|اي) (?:اللي )?(?:طلع|اجا|اجاك|جاك|جالك|وصلك|ظهر|ظهرلك|بان)\\S*', 'چي (?:اومد|اومده|رسيد|اومد برات)\\S*',
  // "what number did we just text you?", "which code have we sent?": the question names what the message carried
  '(?:what|which) (?:\\S+ )?(?:number|numbers|digits|code|pin) (?:did|have|has) (?:we|i|the bank|our system|the system) (?:just )?(?:text|texted|send|sent|message|messaged|sms|smsed|whatsapp)\\S*', "what (?:is|'s|was) written", "what's written", 'whats written', 'what (?:it|the (?:text|sms|message)) contains',
  '(?:شو|ايش|وش|شنو|ايه|اي|ماذا|ما|شنهو|شنوة) (?:اللي |الي |لي )?(?:مكتوب|المكتوب|مكتوبه|كاتبين|فيها|فيه|بيها|بيه|بالرساله|في الرساله|يوجد فيها|تقول|بتقول|يقول|بيقول|كتب)\\S*', '(?:مكتوب )?فيها? (?:ايه|اي|ايش|شو|وش|شنو|اشنو|شن)', '(?:شن|شنو|شنهو) (?:اللي |الي )?(?:مكتوب|فيه|فيها)\\S*', 'بتقول ايه', 'تقول ايش', 'اللي مكتوب فيها', 'المكتوب فيها',
  // (round 37) …and formal or Dari "چه" for "چی": "پیامی که حالی آمد چه نوشته؟"
  '(?:چي|چه) (?:توش|توشه|نوشته|نوشتس|نوشته شده|نوشته است|اومده|تو ?ش|داخلش|داخلش است)\\S*', 'توش (?:چي|چيه|چه)\\S*', 'متنش (?:چيه|چي|چه)\\S*', '(?:چي|چه) (?:مي ?گه|ميگه|نوشته بود|مي ?گويد)',
  // Pidgin: "Wetin e talk?", "wetin the message write?"
  'wetin (?:e|it|dem|dey|the (?:message|text|sms|msg)) (?:talk|say|write|get|carry)\\S*',
  // …and what is inside it: "wetin dey inside am", "wetin de for inside"
  'wetin (?:dey|de|be) (?:for )?inside(?: am| it| di \\S+| the \\S+)?',
  // Gulf pidgin: "number maktub kam?" (what number is written)
  '(?:\\S+ )?maktu+b (?:kam|shu|sho|wesh|eh|ish)', '(?:kam|shu|sho|wesh|ish) (?:\\S+ )?maktu+b',
  'shu maktoob', 'sho maktoob', 'shu maktub', 'f[ie]e?h?a (?:eh|eih|eeh|e|a|ah|shu|sho|shnu)', 'eh elly maktoob', 'chi neveshte', 'chand bud', 'chand boode', 'chi tooshe', 'chi tushe', 'chi toosh\\S*',
];

/**
 * What a message holds, asked for after the message was mentioned: "quote its contents", "أعد إرسال محتواها",
 * "متن آن را درج کنید", "mohtavash ro benevis". After a message to the reader, its content is the code.
 */
export const MESSAGE_CONTENT = [
  "(?:its|the|their|the message's|the sms's|that message's) (?:(?:full|whole|entire|complete|exact) )?(?:contents?|text|wording|body)",
  // "paste the whole thing here", "copy all of it", "kolesho befrest", "کلشو کپی کن": all of the message is its code too
  'the (?:whole|entire|full|complete) (?:thing|lot|text|message|sms|content|contents)', 'all of it', 'the lot', 'everything (?:in it|it says|(?:for )?inside(?: it| am)?|wey dey (?:inside|there))',
  // "type out the message word for word": the message reproduced is its code too
  '(?:the |that |this |our |your )?(?:message|text|sms|msg) (?:word for word|verbatim|exactly as (?:it is|written)|as it is|in full)', 'word for word', 'verbatim',
  '(?:كل|همه) ?(?:ش|شو|شو رو|ش رو|ش را)', 'كاملش(?:و| رو| را)?', 'تمامش(?:و| رو| را)?', '(?:kolesh|kollesh|hamash|hamasho|kamelesh|tamamesh)(?:o| ro)?',
  // "You should've had a text from us. Pop the numbers in here": the numbers a message holds
  '(?:the|those|these|its|any) (?:numbers|digits|figures)', 'contents? of (?:it|the (?:message|sms|text))', 'what it (?:says|said|contains)', 'exactly what it says', 'the whole (?:text|message|sms)',
  "what(?:'s| is| was)? in it", 'whatever (?:it|the (?:text|sms|message)) (?:says|said)',
  '(?:ما|اللي|الي|الذي) (?:ورد|جاء|جا|مكتوب|كتب|هو مكتوب|موجود)? ?(?:فيها|فيه|بها|به)', '(?:چيزي|هرچي|هر چه|انچه|آنچه) (?:كه )?(?:تو|توي|در) ?(?:ش|ان|اون)\\S*', 'هر ?چي (?:توش|نوشته)\\S*',
  `${AR_PFX}(?:محتوا|محتوي|مضمون|نص)\\S*`, 'متن\\S*', 'محتوا\\S*', 'مضمون\\S*', 'mohtava\\S*', 'contents? ?(?:اش|ش|esh|ash|sh)', 'matn\\S*', 'adad(?:e|a)?sh\\S*', '(?:اعداد|ارقام|عدد|رقم|شماره|نمبر)(?:(?:ا|ها|هاي|اي|يا|ي)?ش| (?:ها|هاي|يا)ش)\\S*', '(?:nombor|number|angka|kod|code) (?:yang )?(?:ada )?dalam (?:tu|itu|sms\\S*|mesej\\S*|message)', '(?:اون|اين|همون|همين|ان|او) (?:عدد|عددا|اعداد|ارقام|رقما|نمبرا|(?:شماره|عدد) ?(?:ها|يان|يا))\\S*', '(?:hizo|zile|hiyo|hizi) (?:namba|nambari|tarakimu)', '(?:namba|nambari|tarakimu) (?:hizo|zile|hiyo|hizi|zilizomo|iliyomo|zilizopo|zilizoandikwa|zilizokuja)',
  // (round 24) "the number that's in it" after a message to the reader: Persian "شماره‌ای که توشه", Arabic "الرقم اللي فيها", Sorani "ئەو ژمارەیەی تێیدایە"
  '(?:عدد|عددي|شماره|شمارهاي|شماره اي|رقم|ارقام|اعداد|كد|كدي|رمز|رمزي)\\S* (?:كه|كي) (?:تو|توي|داخل)? ?(?:شه هست|ش هست|شه|ش|اونه|اون هست)', '(?:عدد|رقم|شماره|كد|رمز)\\S* (?:كه|كي) (?:تو|توي|داخل|در) (?:پيامك|پيام|اس ام اس|sms)\\S*',
  `${AR_PFX}(?:رقم|ارقام|كود|رمز|نمر)\\S* (?:اللي|الي|يلي|لي|التي|الذي) (?:فيها|فيه|بيها|جواها|جواه|داخلها)`, '(?:ئەو |ئه‌و |ئهو )?ژمار\\S* (?:\\S+ )?(?:تێیدا|تيدا|تێدا|تييدا)\\S*',
  // …the number it holds, named by a general noun: "the number it shows", "what number is on it", "قولي الرقم", Wolof "chiffres yi", Kinyarwanda "imibare irimo"
  '(?:the|what|which) (?:number|numbers|digits|code) (?:(?:is|are) )?(?:on|in) (?:it|there)', 'the (?:number|numbers|digits) (?:it|that) (?:shows|says|has|contains|gives)', 'the (?:number|digits)(?= (?:please|pls|plz|now|quickly))', '(?:ال)?(?:رقم|نمره)$',
  '(?:chiffres?|num[eé]ros?) (?:yi|yooyu|bi|yooyee)', '(?:angka|nomer|kode) (?:sing )?(?:ana )?(?:ing|ning|nang|neng) (?:kono|kana|kuwi|sms\\S*|pesen\\S*)', '(?:imibare|umubare) (?:irimo|urimo|iri muri\\S*)',
  // Taglish "yung numbers" (the numbers), after a message to the reader
  '(?:yung|ang|iyong) (?:numbers|digits|numero)', '(?:nombor|number|angka) (?:tu|itu|tersebut)', 'рақамҳо\\S*', 'ar2amha', 'arqamha', 'muhtawa\\S*', 'mo7tawa\\S*', '(?:elly|illi|eli|li|lli) (?:maktoob|maktub|mktob|mktoub|fiha|fih|feha)(?: (?:fiha|fih|feha))?',
];

/** Any mention of a message that reached the reader: the carrier a content question refers to. */
export const CARRIER = [
  CARRIER_WORD, 'come through', 'came through', 'on your (?:phone|screen|mobile)', '(?:ع|على|عال) ?(?:الشاشه|شاشتك|جوالك|موبايلك|تلفونك)', 'texted', 'we sent you', 'sent you', 'just sent', 'بعتنالك', 'ارسلنا لك', '(?:ا)?(?:رسل|بعت|بعث|دزي|صيفط)(?:نا|ت|ينا)? ?(?:لك|ليك|لكم|ليكم)', 'بعتلك', 'جالك', 'وصلك', 'وصلتك', 'اجتك', 'جاتلك', 'برا(?:ت|تون) (?:اومد|فرستاد|ارسال)\\S*', '(?:فرستادم|فرستاديم|ارسال كردم|ارسال كرديم) (?:برات|براتون|براي شما)',
];

/** A message about something harmless: "the SMS with the tracking link", "the error message". */
export const HARMLESS_CARRIER = [
  'error', 'tracking', 'delivery', 'link', 'links', 'screen', 'date', 'address', 'invoice', 'receipt', 'order', 'promo', 'offer', 'appointment', 'parcel', 'courier',
  `${AR_PFX}(?:تتبع|شحن|خطا|لينك|رابط|موعد|عنوان|فاتوره|طلب|اوردر|عرض|توصيل)\\S*`, '(?:پيگيري|لينك|خطا|ارور|تحويل|ادرس|فاكتور|سفارش|ارسال مرسوله)\\S*',
];

registerLexicon([...Object.values(DESCRIBED_SECRETS).flat(), ...CONTENT_QUESTION, ...MESSAGE_CONTENT, ...CARRIER, ...HARMLESS_CARRIER]);
