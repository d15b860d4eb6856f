/**
 * Secrets a customer pastes that the masking engine has no type for: a password ("my password is Sunny#2024",
 * "الباسورد بتاعي Ahmed@123", "رمزم mina1370 هست"), a PIN ("PIN 7391", "الرقم السري ٤٨٢٠") and a card security
 * code ("cvv is 417"), and a card number the customer names ("my card number is 4929 …") even when its check digit
 * is wrong (the masking engine finds only valid ones). A value counts only right after its name (with a few filler words such as "is", "هو", "بتاعي",
 * "هست" between; an Arabic name may carry و/ف/ب: "والرقم السري") and only when it looks like one: digits of the right length for a PIN or CVV; for a password, a
 * token with a digit or a symbol (so "my password is wrong" is not a password). Offsets are the original text's.
 */
import type { SensitiveSpan } from '../ports';

type PastedType = 'PASSWORD' | 'PIN' | 'PIN2' | 'CVV' | 'CARD';

const A = '[اأإآٱ]';
const Y = '[يیى]';
const K = '[كک]';
const H = '[هة]';
const B = 'ب';
/** Names of each secret, as people write them; Arabic and Persian letter variants spelled out as classes. */
const NAMES: Record<PastedType, string> = {
  PASSWORD: [
    // (round 30) Finglish with the possessive on the name, "passwordam Sara1365 hast" (first: "pass" + a value "wordam"
    // would otherwise be the match at that place, and fail as no password)
    'pass ?word(?:am|amo|emo|esh|et|mo|om)', 'pass ?word', 'passwd', 'pwd', 'pass', '(?<!\\.)pw(?=\\s*[:=\\s])', 'pswd', 'passwrd', 'pword', 'password', 'passcode', 'mot de passe', 'mdp', 'login password',
    `(?:ال|${A}ل)?[بپ]اس ?و?ورد\\S*`, `(?:ال|${A}ل)?پسو?ورد\\S*`, `${K}لم${H} (?:ال)?(?:سر|مرور|المرور|السر)\\S*`, `رمز (?:ال)?(?:عبور|ورود|مرور|دخول)\\S*`, 'رمزم', 'رمزمو', 'المودباس',
    'ramz ?e? ?(?:obur|oboor|vorud)\\S*', 'ramzam', 'el ?pass(?:word)?',
    // (round 36) Tajik in Cyrillic: "пароль", "пароли ман", "паролро", "рамзи вуруд"
    'парол\\S*', 'рамзи (?:вуруд|воридшавӣ|убур)\\S*',
  ].join('|'),
  PIN: [
    'pin', 'pin code', 'pin number', 'atm pin', 'card pin', 'm-?pin', 'upi pin', `پ${Y}ن(?: ?${K}د)?`, `(?:ال)?رقم (?:ال)?سر${Y}`, `(?:ال)?(?:${K}ود|رمز) (?:ال)?سر${Y}`, `(?:ال)?ر${Y}?قم${Y}? (?:ال)?سر${Y}\\S*`, `رمز (?:${A}ول|${K}ارت)\\S*`, 'ramze? ?kart\\S*', 'el ?pin',
    // (round 27) Québec French "NIP" (numéro d'identification personnel): "Mon NIP c'est 4826"
    'nip', 'code nip',
    // (round 28) the wallet's code: "طلب مني رمز المحفظة"
    `رمز (?:ال)?محفظ\\S*`,
    // (round 31) Tajik "the card's code" (its PIN), in Cyrillic and in Latin letters: "рамзи корт 4821", "рамзи кортам", "ramzi kortam"
    'рамзи (?:корт|карт)\\S*', 'рамзи махфӣ\\S*', 'ramzi ?(?:kort|kart)\\S*', 'пин(?:[- ]?код\\S*)?',
    // (round 31) "the card's code" in Arabic with a dialect's "of" between ("الرمز مال البطاقة 4471", "رمز الكارطة"), and
    // French "code secret" as Maghrebi customers write it ("el code secret mta3 el carte 4471")
    `رمز (?:(?:مال|حق|تبع|بتاع|متاع|ديال|تاع) )?(?:ال)?(?:بطاق|${K}رت|${K}ارت|${K}ارط|ف${Y}زا)\\S*`, 'code secret', 'code confidentiel',
  ].join('|'),
  // an Iranian card's second (online) PIN, 5 to 12 digits: "رمز دوم کارتم 8823116", "ramz dovom", "رمز پویا"
  PIN2: [`رمز(?:${Y})? ?(?:دوم|پو${Y}ا|${A}ينترنت${Y}|${A}ینترنت${Y})\\S*`, 'ramze? ?(?:dovom|pooya|puya|internet[iy])\\S*', 'second pin', 'online pin'].join('|'),
  CVV: ['cvv2?', 'cvc2?', 'cv2', 'security code', `رمز (?:ال)?${A}مان`, `سی ?وی ?وی\\S*`, 'cvv ?2',
    // described by where it is printed: "الرقم يلي ورا الكرت", "الأرقام اللي على ظهر البطاقة", "the 3 digits on the back"
    `(?:ال)?(?:رقم|${A}رقام) (?:(?:${Y}لي|اللي|الل${Y}|الي|التي|الذي) )?(?:(?:على|عل${Y}|في|من|ع) ?)?(?:ال)?(?:ورا|ورى|خلف|ظهر|ضهر)\\s?(?:ال)?(?:${K}رت|${K}ارت|${K}ارط|بطاق\\S*|فيزا)`,
    '(?:the )?(?:3|three) digits (?:on|at) the back(?: of (?:the|my) card)?'].join('|'),
  // a card number the customer names, whether or not its check digit is right (the masking engine wants a valid one)
  CARD: [
    '(?:credit |debit |bank |visa |atm )?card (?:number|no\\.?|num)', 'numero de (?:la |ma )?carte', `(?:ال)?رقم (?:ال)?(?:بطاق|${K}ارت|${K}رت|فيزا)\\S*`, `شماره ?(?:${Y} )?${K}ارت\\S*`,
    '(?:ra2m|raqam|rakam|ra2am) (?:el )?(?:card|kart|beta2a|bitaqa)\\S*', 'shomare ?(?:ye )?kart\\S*',
  ].join('|'),
};
/** Words between a secret's name and its value: "is", "my", whose it is (بتاعي, 7gi, بنده) and of what ("for my card", "کارتم"). */
const FILLER = `(?:is|was|=|:|-|it's|its|['’]s|(?:is|was) it|c.est|c.[ée]tait|est|[ée]tait|now|currently|my|new|old|previous|prev|last|current|قبل${Y}(?:م|ام)?|قد${Y}م${Y}?(?:\u200c?(?:م|ام))?|سابق\\S*|${A}${Y}ن|ام|من|temporary|temp|used to be|tha|thi|hai|el|huwa|howa|hwa|heya|hiya|kan|kanet|kant|kaan|كان|كانت|بود|bood|bud|(?:el )?(?:gedeed|gideed|jdeed|jadeed)|هلق|هلا|هلا?ء|الحين|دلوقتي|الان|حاليا|هسه|دابا|الآن|alan|halla2|delwa2ty|(?:ال)?جد${Y}د${H}?|(?:ال)?قد${Y}م${H}?|(?:ال)?حال${Y}${H}|جد${Y}د\\S*|قد${Y}م${Y}\\S*|فعل${Y}\\S*|jadid\\S*|(?:و)?(?:هو|هي|هيا|هوا)|بتاعي|حقي|تبعي|ديالي|متاعي|مالي|هست|است|هستش|اینه|ای?نه|mine|here|${B}نده|من|7gi|7aqi|ta3i|bta3i|ta3y|bta3y|beta3[iy]|dyali|mali|(?:el )?(?:gdeed|gedid|jdid|gdid|adim|2adim)|(?:for|of|on) (?:my |the )?(?:card|atm card|debit card|account)|(?:ال|لل)?${K}ارت\\S*|(?:ال|لل)?بطاق\\S*|(?:ديال|تاع|متاع|حق|تبع|بتاع) (?:ال|لا)?(?:${K}ارط|${K}ارت|${K}رت|بطاق\\S*|فيزا|محفظ\\S*|حساب\\S*|تطب${Y}ق|ا?بل${Y}${K}${Y}شن)|[،,]|(?:ف|و)?(?:بعته|بعتته|اديته|عطيته|ارسلته|دزيته|حط${Y}ته|حط${Y}تو|حط${Y}تها|${K}تبته|${K}تبتو|دخلته|دخلتو|قلتله|قلتلو|قلتلها)(?: (?:${Y}اه|ا${Y}اه|له|لو|ل${Y}ه))?|(?:and )?i (?:sent|gave) (?:it|him|them)(?: to (?:him|them))?|`
  // a relative clause of one verb between the name and its value: "كلمة السر التي أستخدمها الآن هي …", "the password I use now is …", "رمزی که میزنم …"
  + `(?:التي|الذي|اللي|${Y}لي|الل${Y}|الي|that|which|i|که|كه) (?:(?:انا|أنا|ana|احنا|إحنا) )?[^\\s\\d٠-٩۰-۹:]{2,14}|`
  // (round 37) …with the speaker's pronoun before that verb, as Egyptian says it: "الباسورد اللي أنا حاطه هو …"
  // whose it is in more dialects ("تبعتي", "بتاعها"), Pidgin's copula ("My password na Chidi@12345"), and the typing verb
  // between a name and its value ("shomare kartamo zadam 6037…", "كتبت رقم الكارت 4…")
  + `(?:تبع|بتاع|حق|ديال|متاع|تاع)(?:تي|ها|ه|و|ك|كم)|na|dey|be|typed|entered|put in|zadam|vared kardam|زدم|وارد كردم|وارد کردم|كتبت|دخلت|`
  // (round 22) whose it is and the object marker: "رمز اپ را زدم: …", "رمز برنامه رو زدم"
  + `${A}پ|app|برنامه|را|رو|ro|`
  // (round 31) a Persian possessive written apart from a Latin name ("password م Mina2024"), Iraqi "mine" ("الرمز مالي …",
  // "الباسورد مالتي …") and Tajik "my" ("рамзи корти ман 7316")
  + `م|مال(?:ي|تي|ه|ها|ك)|ман|корт\\S*|аст|(?:mta3|mte3|dyal|ta3|nta3) (?:el |l)?(?:carte|card|kart)|(?:مال|حق|تبع|بتاع|متاع|ديال|تاع) (?:ال)?(?:بطاق|${K}رت|${K}ارت|${K}ارط)\\S*)`;
const VALUE: Record<PastedType, string> = {
  PASSWORD: '[^\\s"\'«»،,]{4,64}',
  // 4 to 12 digits, as ISO 9564 allows; a group of digits followed by another group is part of a longer number (a
  // phone printed on the card's back)
  // (round 31) …a digit that starts an Arabizi word ("4471 3ammarli", "2090 7aga") is a letter, not the next group
  PIN: '[0-9٠-٩۰-۹]{4,12}(?![ -]?[0-9٠-٩۰-۹]+(?!\\p{L}))',
  PIN2: '[0-9٠-٩۰-۹]{5,12}(?![ -]?[0-9٠-٩۰-۹]+(?!\\p{L}))',
  CVV: '[0-9٠-٩۰-۹]{3,4}(?![ -]?[0-9٠-٩۰-۹]+(?!\\p{L}))',
  CARD: '(?:[0-9٠-٩۰-۹][ -]?){12,18}[0-9٠-٩۰-۹]',
};
/**
 * A digit said as a word, as a voice note's transcript writes it ("my PIN is one nine eight four", "الرقم السري واحد
 * اتنين تلاتة اربعة", "رمز کارتم یک دو سه چهار"): a run of them is a value as much as the digits are.
 */
const DIGIT_WORD = `(?:${[
  'zero', 'oh', 'o', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'صفر', 'واحد', `${A}?[ثت]ن${Y}ن`, 'تن[يی]ن', `[ثت]لا[ثت]${H}?`, `${A}رب[عا]${H}?`, `خمس${H}?`, `ست${H}?`, `سب[عا]${H}?`, `[ثت]مان${Y}${H}?`, 'تمن[يی]ه', `تس[عا]${H}?`,
  `${Y}[كک]`, 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه',
].join('|')})`;
const spoken = (min: number, max: number) => `${DIGIT_WORD}(?:[\\s,،-]+${DIGIT_WORD}){${min - 1},${max - 1}}`;
const SPOKEN: Partial<Record<PastedType, string>> = { PIN: spoken(4, 12), PIN2: spoken(5, 12), CVV: spoken(3, 4), CARD: spoken(13, 19) };
// (round 29) a right-to-left text's direction marks between the words are read as spaces
const GAP = '[\\s\\u200e\\u200f]*';
const pattern = (type: PastedType, value: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:[وفب])?(?:ال\u0640*)?(?:${NAMES[type]})(?:${GAP}${FILLER}(?![\\p{L}\\p{N}]))*${GAP}[:=]?${GAP}(${value})(?![\\p{L}\\p{N}])`, 'giu');
const PATTERNS = (Object.keys(NAMES) as PastedType[]).flatMap((type) => [
  { type, re: pattern(type, VALUE[type]) },
  ...(SPOKEN[type] ? [{ type, re: pattern(type, SPOKEN[type]) }] : []),
]);

/**
 * "رمز دوم کارتم رو فکر کنم اشتباه میزنم، 8823116 هست دیگه؟", "my PIN, I think it's wrong, 4471 is it?": the value comes
 * later in the sentence that named the secret, on its own after a comma and stated by a copula after it (Persian
 * verb-final "هست/است", "is it") — "order 12345 is it delayed?" names its own number.
 */
const STATED_LATER = (Object.keys(NAMES) as PastedType[]).filter((t) => t !== 'PASSWORD').map((type) => ({
  type,
  re: new RegExp(`(?<![\\p{L}\\p{N}])(?:[وفب])?(?:${NAMES[type]})[^.!?؟\\n\\d٠-٩۰-۹]{0,60}?[،,:]\\s*(${VALUE[type]})\\s*(?:هست|است|بود|هستش|ئه|is it|is that|right)(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** Punctuation that parts a name from what follows it ("password/OTP", "pass-word", "password...or"), not a password's first character. */
const SEPARATOR_FIRST = /^[/\\|\-–—.…:;,()[\]]+/u;
/** A password value: not a plain word ("wrong", "expired", "غلط"), so it must carry a digit or a symbol. */
function looksLikePassword(raw: string): boolean {
  // (round 29) a direction mark a right-to-left text carries between words, and a Persian word's joiners, are no symbol of the value's
  const v = raw.replace(/\u200c|\u200d|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
  if (/^https?:|@.+\./i.test(v)) return false; // a link or an e-mail address is not a password
  // Arabic vowel marks (tanween in "أبداً") are part of a word, not symbols
  return /[\p{N}]/u.test(v) || /[^\p{L}\p{M}\p{N}]/u.test(v);
}

/**
 * "it was Summer2024! and now it says wrong password": in a message that names the password, a value stated by "it
 * was/is" that only a password looks like — letters with digits, and a symbol or both cases — is the password.
 */
const STATED_BY_IT = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:it|that|mine)(?:'s| was| is| used to be)|`
  // or by "the current / new one is": "والحالية هي: Qamar#2024", "the new one is …", "جدیده اینه: …"
  + `(?:the )?(?:current|new|old|present) one(?:'s| is| was)|(?:و|ف)?(?:ال)?(?:حال${Y}|جد${Y}د|قد${Y}م)${H}? (?:ه${Y}|هو)|(?:ال)?(?:حال${Y}|جد${Y}د|قد${Y}م)${H}? [:=]|(?:جد${Y}د|فعل${Y}|قبل${Y})(?:ه|ش)? (?:ا${Y}نه|اينه|ا${Y}ن[هة]? (?:است|هست)))`
  + `\\s*[:=]?\\s*([^\\s"'«»،,]{6,64})`, 'giu');
/**
 * (round 23) "ازم خواست رمز عبورمو وارد کنم، منم زدم Shahrud1365!", "رمزمو توش زدم: Shiraz!99", "I typed my password
 * (Sunflower#88) into a page": in a message that names the password, what the customer says they typed, entered or
 * wrote — a value only a password looks like (letters with digits, and a symbol or both cases) — is the password.
 */
/**
 * (round 26) …or what they say they gave someone: Darija and Algerian "عطيتهولو: …", "عطيتهالو", Levantine "عطيتو …",
 * Egyptian "اديتهوله", French "je lui ai donné : …", "gave it to him: …", Persian "بهش دادم: …", Tagalog "binigay ko …, ito
 * yun: …" — the password named in the message, the value shaped like one.
 */
const GAVE = `(?:[وف])?(?:${A}?عط${Y}ت|اد${Y}ت)(?:ه|ها|و|هو|هم)?(?:ل${Y}ه|لو|له|ولو|وله|الو|ال${Y}ه|لها|لهم|ل${Y}|ل${Y}ا)?|gave (?:it|him|her|them)(?: (?:it|to (?:him|her|them)))?|(?:je )?(?:lui|leur) (?:ai|avais) donn[ée]\\S*|(?:بهش|بهشون|بهش هم) (?:دادم|گفتم)|ito (?:yun|yon|iyon)|eto (?:yun|yon)`;
/**
 * (round 28) …or what they say they changed it to: "I changed it and set it to …", "changed it to …", Persian "عوضش کردم
 * گذاشتم …", "تغییرش دادم به …", Arabic "غيرتها وحطيتها …", "خليته …".
 */
const SET_TO = `(?:set|changed|made|reset|updated) it (?:to|as)|گذاشتم(?:ش)?|(?:عوضش|تغییرش|تغييرش) (?:کردم|كردم|دادم)(?: به)?|(?:و|ف)?(?:خل${Y}ت|غ${Y}رت)(?:ه|ها|و)`;
const TYPED_AS = new RegExp(`(?<![\\p{L}\\p{N}])(?:typed|entered|put in|wrote|filled in|${GAVE}|${SET_TO}|زدم|نوشتم|وارد (?:کردم|كردم)|تایپ (?:کردم|كردم)|كتبت\\S*|كتبته|حطيت\\S*|دخلت\\S*|zadam|neveshtam|vared kardam|katabt\\S*|7atet\\S*|навиштам|фиристодам|додам|задам|ворид кардам|navishtam|firistodam)`
  + `(?: (?:it|in|as|:|it as|توش|تو|اونجا|فيه|فيها|هناك|there))*\\s*[:=(]?\\s*([^\\s"'«»،,()]{6,64})`, 'giu');
const NAMES_PASSWORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NAMES.PASSWORD})(?![\\p{L}\\p{N}])`, 'iu');
function passwordShaped(v: string): boolean {
  return /\p{L}/u.test(v) && /\p{N}/u.test(v) && (/[^\p{L}\p{M}\p{N}]/u.test(v.replace(/[.!?؟)]+$/u, '')) || (/\p{Lu}/u.test(v) && /\p{Ll}/u.test(v)));
}

/**
 * Dari and Persian often call a password plain "رمز" (which is also any code): "رمز قبلی من این بود: Kabul@1399"; so does
 * Iraqi with the article (round 31: "الرمز مالي Zainab.Najaf9"). After it, only a value shaped like a password (letters
 * with digits, and a symbol or both cases) is taken for one.
 */
const BARE_RAMZ = new RegExp(`(?<![\\p{L}\\p{N}])(?:[وفب])?(?:ال)?رمز(?:\\s*${FILLER}(?![\\p{L}\\p{N}]))*\\s*[:=]?\\s*(${VALUE.PASSWORD})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * How a PIN named earlier is stated a few words on: "it's / that was …", and (round 22) by which one it is — the old,
 * new or previous one ("…متاع المحفظة لأني نسيته بالكل، القديم كان 2580", "the old one was 1357", "ya zamani ilikuwa
 * 5829", "l9dim kan 1234").
 */
const PIN_STATED_AS = [
  "(?:it|that|mine)(?:'s| is| was)",
  "(?:the |my )?(?:old|new|previous|current|last|original)(?: one| pin| pin code)?(?:'s| is| was| used to be)",
  `(?:ال)?(?:قد${Y}م|جد${Y}د|سابق|حال${Y}|اول|${A}ول)${H}? (?:كان|كانت|هو|هي|هوا|هيا|راهو|راهي)`,
  '(?:ya |la )?(?:zamani|mpya|awali)(?: yangu)? (?:ilikuwa|ni|ni hii)',
  '(?:el |l)?(?:adim|2adim|9dim|qdim|gdid|jdid|jdida|gedida)a? (?:kan|kanet|kant|howa|hiya)',
  // (round 24) "the number": "I told him the number is 4826", "قلتله الرقم 7391", "angkanya 582014", "yung number ay 2468"
  "(?:the |its |that |yung |ang )?(?:number|numbers|digits|numero)(?:'s| is| was| are| ay| ko ay)",
  `(?:و|ف)?(?:ال)?(?:رقم|ارقام|${A}رقام)(?: (?:كان|هو|هوا|طلع))?`, 'angkanya(?: (?:adalah|itu))?', '(?:namba|nambari)(?: yangu)? (?:ni|ilikuwa)', 'عددش(?: هم)?',
  // (round 25) what the customer says they did with it, then the value: "…وحطيته 2580", "so I typed it in the chat: 3718",
  // "وقلتلو ياه، هو 9052", "منم نوشتم براش ۴۴۰۱", "binigay ko na, 4826"
  "(?:i |so i |and i |then i )?(?:typed|entered|put|wrote|gave|sent|told|read)(?: (?:him|them|her))? it(?: (?:in|into|to|on|out to) (?:the |his |her |their |a )?\\S+)?",
  `(?:و|ف)?(?:حط${Y}ت|${K}تبت|[اأ]?دخلت|عط${Y}ت|اد${Y}ت|قلت|بعت|ارسلت)(?:ه|ها|و|لو|له)(?: (?:${Y}اه|ا${Y}اه))?(?:[،,]? (?:هو|هي|هوا))?`,
  // (round 28) Iraqi and Gulf "I told him" with ق said as ك or گ: "وكتله 4471", "گلتله"
  `(?:و|ف)?(?:${K}ت|گت|${K}لت|گلت)(?:له|لو|لها)`,
  `(?:منم |من )?(?:نوشتم|گفتم|زدم|دادم|فرستادم)(?: (?:براش|بهش|براشون|بهشون))?`, '(?:binigay|sinabi|tinype|nilagay) ko(?: na)?(?: sa kanya)?[,]?',
].join('|');
const PIN_STATED_BY_IT = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NAMES.PIN}|${NAMES.PIN2})(?![\\p{L}\\p{N}])[^\\d٠-٩۰-۹\\n]{0,60}?(?<![\\p{L}])(?:${PIN_STATED_AS})\\s*[:=]?\\s+(${VALUE.PIN})(?![\\p{L}\\p{N}])`, 'giu');
/** "القديم كان 2580 والا 2085", "1357 or maybe 1537": the customer unsure which — the second guess is the same secret. */
const OR_ANOTHER = new RegExp(`^\\s*[,،]?\\s*(?:or|or maybe|or was it|maybe|والا|ولا|او|أو|يا|يمكن|wala|wella|wla|ya|au|au labda|labda)(?:\\s+(?:maybe|ربما|يمكن|labda))?\\s*[:]?\\s*(${VALUE.PIN})(?![\\p{L}\\p{N}])`, 'iu');

/**
 * (round 30) A password named, a few words on a token of letters and digits stated by a copula or offered as one guess of
 * two: "پسورد جیمیلم Reza_1370 هست", "me password for d app Tiger88x an it keeps sayin incorrect", "password, is it
 * Sunny99 or Sunny_99?". The words between carry no digit and are few; a record's word right before the token (an
 * order's, a booking's, a username's: "password reset for order AB12345 or …") names the token as that record.
 */
const PASSWORD_NEAR = new RegExp(`(?<![\\p{L}\\p{N}])(?:[وفب])?(?:ال)?(?:${NAMES.PASSWORD})(?:${GAP}[^\\s\\d٠-٩۰-۹.!?؟"'«»]{1,15}){0,3}?${GAP}[:=]?${GAP}([^\\s"'«»،,]{6,64})\\s+(?:هست|است|هستش|بود|ئه|is it|was it|an it|and it|n it|but it|ولی|ولي|ولا|والا|یا|يا|wala|walla|ya|or|hast|bud)(?![\\p{L}\\p{N}])`, 'giu');
const RECORD_BEFORE = new RegExp(`(?:^|\\s)(?:order|booking|ticket|ref|reference|invoice|account|acct|id|user|username|user ?name|login|email|e-mail|phone|number|no\\.?|code|otp|pin|#|رقم|شماره|شماره‌ی|كود|کد|حساب|ایمیل|ايميل|یوزر|يوزر)\\s*[:#]?\\s*$`, 'iu');
/**
 * (round 38) A login's two names, then its two values in that order: "the username and password of my online bank:
 * tarek.h / Giza#9910", "ده اليوزر والباسورد بتوع البنك: mona.ali / Cairo@5521", "user & pass: rami_k, Rami@2024" — the
 * second value is the password (the words between the names and the colon carry no digit; the values are parted by a
 * slash, a bar, a comma or "and").
 */
const USER_NAME = `user ?name|user|login|user ?id|identifiant|(?:ال)?${Y}وزر|اسم (?:ال)?مستخدم|نام ${K}اربر${Y}|логин|юзер`;
const USER_AND_PASSWORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${USER_NAME})\\s*(?:and|&|\\+|/|et|va|ва|и)?\\s*(?:و)?(?:ال)?(?:${NAMES.PASSWORD})[^:\\n\\d٠-٩۰-۹]{0,40}[:：]\\s*[^\\s"'«»،,/|]{2,64}\\s*(?:/|\\||,|،|\\s(?:and|و|et|va)\\s|\\s-\\s)\\s*([^\\s"'«»،,]{4,64})`, 'giu');
/** A second guess after "or": a token of letters and digits, the same secret's other spelling. */
const OR_ANOTHER_PASSWORD = /^\s*[,،]?\s*(?:or|or maybe|or is it|or was it|ولا|والا|او|أو|یا|يا|wala|walla|ya)\s+([^\s"'«»،,?؟]{4,64})/iu;
const lettersAndDigits = (v: string) => /\p{L}/u.test(v) && /\p{N}/u.test(v);

/**
 * Every pattern below starts with (or, for `BARE_RAMZ`, is) a secret's name: a text naming no secret has none pasted,
 * and a type's patterns are tried only on a text that names that type (each name tried once, not each pattern).
 */
// (round 26) …a name that starts a word (a clitic and the article before it allowed, as every pattern's own start): "pin"
// inside "shopping" or "opinion" let most English messages through to the PIN's later readings (round 25's cost)
const NAMED = Object.fromEntries((Object.keys(NAMES) as PastedType[]).map((type) => [type, new RegExp(`(?<![\\p{L}\\p{N}])(?:[وفب])?(?:ال\u0640*)?(?:${NAMES[type]})`, 'iu')])) as Record<PastedType, RegExp>;
const ANY_NAME = new RegExp(`(?:${Object.values(NAMES).join('|')}|رمز)`, 'iu');

export function findPastedSecrets(text: string): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  if (!ANY_NAME.test(text)) return spans;
  const named = new Map<PastedType, boolean>();
  const names = (type: PastedType): boolean => {
    let v = named.get(type);
    if (v === undefined) named.set(type, (v = NAMED[type].test(text)));
    return v;
  };
  for (const { type, re } of PATTERNS) {
    if (!names(type)) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const value = m[1]!;
      // a trailing "!" or "." may be punctuation or part of the password: judged without it, masked with it
      // (round 20) …and a separator in front is the sentence's, not the value's: "your password/OTP", "pass-word or
      // code", "password...or" name secrets, as a warning does, and paste none
      if (type === 'PASSWORD' && !looksLikePassword(value.replace(SEPARATOR_FIRST, '').replace(/[.!?؟)(:;…]+$/u, ''))) continue;
      const start = m.index + m[0].lastIndexOf(m[1]!);
      spans.push({ type: type === 'PIN2' ? 'PIN' : type, start, end: start + value.length, confidence: 0.9 });
    }
  }
  for (const m of text.includes('رمز') ? text.matchAll(BARE_RAMZ) : []) {
    const start = m.index + m[0].lastIndexOf(m[1]!);
    if (passwordShaped(m[1]!) && !spans.some((x) => x.start < start + m[1]!.length && start < x.end)) spans.push({ type: 'PASSWORD', start, end: start + m[1]!.length, confidence: 0.8 });
  }
  if (NAMES_PASSWORD.test(text) || text.includes('رمز')) {
    for (const m of [...text.matchAll(STATED_BY_IT), ...text.matchAll(TYPED_AS)]) {
      const start = m.index + m[0].lastIndexOf(m[1]!);
      if (passwordShaped(m[1]!) && !spans.some((x) => x.start < start + m[1]!.length && start < x.end)) spans.push({ type: 'PASSWORD', start, end: start + m[1]!.length, confidence: 0.8 });
    }
  }
  if (names('PASSWORD')) {
    // (round 38) "the username and password of my bank: tarek.h / Giza#9910": the pair named, then given in its order
    for (const m of text.matchAll(USER_AND_PASSWORD)) {
      const value = m[1]!.replace(/[.!?؟)(:;…]+$/u, '');
      const start = m.index + m[0].lastIndexOf(m[1]!);
      if (looksLikePassword(value) && !/^https?:|@.+\./i.test(value) && !spans.some((x) => x.start < start + value.length && start < x.end)) spans.push({ type: 'PASSWORD', start, end: start + value.length, confidence: 0.8 });
    }
    for (const m of text.matchAll(PASSWORD_NEAR)) {
      const value = m[1]!.replace(/[.!?؟)(:;…]+$/u, '');
      const start = m.index + m[0].lastIndexOf(m[1]!);
      if (!lettersAndDigits(value) || /^https?:|@.+\./i.test(value) || RECORD_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
      if (!spans.some((x) => x.start < start + value.length && start < x.end)) spans.push({ type: 'PASSWORD', start, end: start + value.length, confidence: 0.8 });
    }
    for (const s of spans.filter((x) => x.type === 'PASSWORD')) {
      const or = OR_ANOTHER_PASSWORD.exec(text.slice(s.end, s.end + 60));
      if (!or || !lettersAndDigits(or[1]!)) continue;
      const value = or[1]!.replace(/[.!?؟)(:;…]+$/u, '');
      const start = s.end + or[0].lastIndexOf(or[1]!);
      if (!spans.some((x) => x.start < start + value.length && start < x.end)) spans.push({ type: 'PASSWORD', start, end: start + value.length, confidence: 0.8 });
    }
  }
  // "my pin does not work. it is 1946 the year I was born": the PIN named, then stated by "it is" in the next few words
  for (const m of names('PIN') || names('PIN2') ? text.matchAll(PIN_STATED_BY_IT) : []) {
    const start = m.index + m[0].lastIndexOf(m[1]!);
    if (!spans.some((x) => x.start < start + m[1]!.length && start < x.end)) spans.push({ type: 'PIN', start, end: start + m[1]!.length, confidence: 0.8 });
  }
  for (const s of [...spans]) {
    if (s.type !== 'PIN' && s.type !== 'CVV') continue;
    const or = OR_ANOTHER.exec(text.slice(s.end, s.end + 40));
    if (!or) continue;
    const start = s.end + or[0].lastIndexOf(or[1]!);
    if (!spans.some((x) => x.start < start + or[1]!.length && start < x.end)) spans.push({ type: s.type, start, end: start + or[1]!.length, confidence: 0.8 });
  }
  for (const { type, re } of STATED_LATER) {
    if (!names(type)) continue;
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].lastIndexOf(m[1]!);
      if (!spans.some((x) => x.start < start + m[1]!.length && start < x.end)) spans.push({ type: type === 'PIN2' ? 'PIN' : type, start, end: start + m[1]!.length, confidence: 0.8 });
    }
  }
  return spans;
}
