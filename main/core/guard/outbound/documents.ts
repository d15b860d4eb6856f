/**
 * Documents by their local names, and a document's picture as a secret of its own (round 20). A photo of an identity
 * card or a bank card, or the card "from both sides", shows the number the guard keeps the customer from handing over,
 * whatever the card is called where the agent works: CPR in Bahrain, تذکره/tazkira in Afghanistan, shinosnoma in
 * Tajikistan, Iqama and Emirates ID in the Gulf, CNIC, NRIC, MyKad, KTP, la carte nationale, el carnet, la tarjeta.
 * Each word is written once here; `described.ts` composes the secrets from these parts (document × picture, document ×
 * both sides) and the lexicon registry learns the words from there. Same conventions as `lexicon.ts`.
 */
import { keepAsWritten } from '../text/typos';

const AR_PFX = '(?:و|ف|ب|ل|ال|وال|بال|فال|لل|ك)?';

/** Identity documents (never a bank card): each shows the holder's ID number. */
export const ID_DOCUMENT = [
  '(?:national|civil|emirates|resident|residence|residency|qid|saudi|smart|hk|hong kong|macau|macao|sg) ?ids?(?: cards?)?', // (round 31) another thing's ID is no identity document: "the prescription copy and the order ID"
  '(?<!(?:order|tracking|booking|transaction|reference|ref|ticket|case|invoice|customer|user|account|shipment|parcel|complaint|request|session|apple|email|e-mail|login|payment|merchant|device|chat) )ids?(?: cards?)?', 'q ?ids?', 'eida? cards?', 'identity (?:cards?|documents?)', 'identification(?: cards?)?', 'residen(?:ce|cy) (?:permits?|cards?)' /* (round 36) */,
  'iqama\\S*', 'ikama\\S*', 'adhar' /* "aadhaar": a long vowel written twice is read once */, 'umid(?: ids?| cards?)?', 'phil ?(?:sys|id)\\S*', 'pan cards?', 'kitambulisho\\S*', '(?:my ?)?ic(?: cards?)?', 'cpr\\S*', 'cnic', 'nric', 'mykad', 'ktp', 'kimlik\\S*', 'vəsiqə\\S*', 'shanakhti card', 'شناختی کارڈ', 'katin shaida\\S*', 'valid id', 'জাতীয় পরিচয়পত্র', 'nid', 'መታወቂያ\\S*', 'passports?', 'pasport\\S*', 'pasp', "driv(?:ing|er'?s?) licen[cs]e", 'licen[cs]e', 'cin', 'dni', 'carnet',
  "(?:la |le )?cart[e]? (?:nationale?|d'identit\\S*|de s[ée]jour|cin)", '(?:la )?carte? nationale?', 'tazkira\\S*', 'tazkera\\S*', 'tazkereh?\\S*', 'shinosnoma\\S*', 'shenasnam\\S*', 'shinosnom\\S*',
  'kart ?e? ?mell?i\\S*', 'hawiy+[ae]\\S*', 'hawya\\S*', 'huwiy+[ae]\\S*', '(?:bitaqa|bita2a|beta2a|bataqa|betaqa|bitaka|betaka|bata2a) (?:el |al |l)?(?:shakhsiya|shakhseya|hawiya|wataniya|hawiyya|watani)\\S*',
  `${AR_PFX}(?:هويه|هويت|اقامه|اقامت|جواز|كارنيه)\\S*`, `${AR_PFX}(?:بطاق|بطاج|كرت|كارت)\\S* (?:ال)?(?:شخصي|هويه|وطني|مدني|تعريف|الشخصي|الهويه|الوطني|المدني|التعريف)\\S*`,
  'تذكره\\S*', 'شناسنامه\\S*', 'كارت ?(?:ي )?ملي\\S*', 'گذرنامه\\S*', 'پاسپورت\\S*', 'шиноснома\\S*', 'паспорт\\S*',
  // (round 36) the passport in Arabizi and as an owner ("sorat el jawaz", "gawaz el safar", "a photo of your passport's first page")
  '(?:jawaz|jawez|gawaz|jawaaz)(?: (?:el |al |l)?safar)?', "passport's",
];

// the documents' plain Latin names are read as written ("carnet" is not a misspelt "cartet", "dni" not "edini")
keepAsWritten(ID_DOCUMENT);

/** Payment cards, in the spellings of Arabic, Persian, Dari, Tajik, French, Spanish and Gulf pidgin. */
export const PAYMENT_CARD = [
  // a SIM, gift or ID card is not a payment card (nor a carton: `classify.ts` drops those, round 31)
  '(?<!(?:sim|gift|loyalty|business|membership|id|identity|national|cpr|iqama|cnic|nric|ktp|civil|resident|residence|residency|health|insurance|student|staff|employee|smart|scratch|recharge|top ?up|memory|sd|key|access) )(?:credit |debit |bank |atm |visa )?cards?', 'kart(?! ?e? ?mell?i)\\S*', 'kartu', 'l?cartes?', 'cart', 'tarjeta', 'kort\\S*', 'visa', 'mastercard',
  'l?(?:bitaqa|bita2a|bita9a|bta9a|beta9a|beta2a|bataqa|betaqa|bitaka|bata2a)(?! (?:el |al |l)?(?:shakhsiya|hawiya|wataniya|hawiyya|watani))\\S*',
  'kadi', 'katin\\S*', 'কার্ড\\S*', 'ካርድ\\S*', 'کارڈ\\S*', `${AR_PFX}(?:بطاق|بطاج|كارت|كارط|كرت|كرط|فيزا)\\S*(?! (?:ال)?(?:شخصي|هويه|وطني|مدني|تعريف|الشخصي|الهويه|الوطني|المدني|التعريف|شحن)\\S*)`, 'كارت(?! ?(?:ي )?ملي)\\S*',
  // (round 34) …and Tajik 'корт' beside 'карт' (the card: 'сурати корти бонкӣ')
  'к[ао]рт\\S*',
];

/** A picture of something, as noun or verb. */
export const PICTURE = [
  'photos?', 'photies?', 'photograph\\S*', 'pics?', 'pictures?', 'images?', 'scans?', 'scanned', 'snaps?', 'snapshot', 'selfie', 'copy', 'copies', 'foto\\S*', 'gambar', 'picha', 'fotoğraf\\S*', 'şəkil\\S*', 'hoto\\S*', 'tasveer', 'تصویر\\S*', 'ছবি\\S*', 'ፎቶ\\S*', 'picturan\\S*', 'litrato\\S*', 'larawan\\S*',
  'sura', 'soura', 'sora', 'surat\\S*', 'sorat\\S*' /* (round 36) Egyptian and Levantine Arabizi: "sorat el jawaz" */, 'suret\\S*', 'soo?ret?\\S*', /* (round 38) Egyptian "sorit el beta2a" */ 'sorit\\S*', 'sooret\\S*', 'sourat\\S*', 'swira', 'tswira', 'tsawer', 'tasweer\\S*', 'tasweera', 'aks\\S*', 'akse?', /* (round 37) Finglish "axe": "ye axe az carte banki" */ 'ax(?:e|esh|ash)?(?= (?:az|e|ye|ro|ra|kart\\S*|carte?|passport\\S*|pasport\\S*|card|shenasname\\S*|kart ?e? ?melli\\S*)(?: |$))', 'акс\\S*', 'сурат\\S*',
  `${AR_PFX}(?:صوره|تصويره|تصوير|صورت|سكرين|سكان|اسكن)\\S*`, 'عكس\\S*',
];
/** Words that are also the verb ("snap your ID", "صوّر لي الهوية"): as a verb (before "your", "لي") not the picture's noun, so the verb stays the clause's. */
const PICTURE_VERB = ['snap', 'scan', 'copy', 'photograph', 'photo', 'picture', '(?:ي|ت|ا|و|ف)?صور\\S*', 'sawer\\S*', 'swer'];

/** Both faces of a card: "front and back", "recto verso", "من قدام ومن ورا", "پشت و رو", "az pesh va pusht", "depan belakang". */
export const BOTH_SIDES = [
  '(?:both|baith|two|2|all) (?:the )?(?:sides?|faces?)', '(?:each|either) side',
  '(?:front|back)(?: side)? (?:and|an|&|n|\\+|/|w|wa|va|o|y|et|dan) (?:the )?(?:front|back)(?: side)?', 'front ?/ ?back', 'back ?/ ?front',
  'recto ?(?:et |w |o |/ ?)?verso', 'depan (?:dan |\\+ |& )?belakang', '(?:pande|upande) (?:zote )?(?:mbili|2)', '(?:upande wa )?mbele (?:na|&) (?:upande wa )?nyuma', 'harap (?:at )?likod', 'ön (?:ve|və) arka\\S*', 'ön (?:ve|və) arxa\\S*', 'gaba da baya', 'dono taraf\\S*', 'دونوں (?:طرف|اطراف)\\S*', 'দুই (?:পাশ|দিক)\\S*', 'duto pash\\S*', 'bagian depan dan belakang', 'por (?:delante|detr[aá]s) y por (?:delante|detr[aá]s)', 'de los dos lados', 'des deux c[oô]t[ée]s',
  '(?:(?:el|men el|min al|mn el) )?(?:g[ie]h?t[ae]?[eiy]{0,2}n|jeh?t[ae]?[iy]?n|ji?h[ae]?t[ae]?[iy]?n|wejh[ae]?[iy]?n|na(?:7|h)y?e?t[ae]{0,2}[iy]?n)', '(?:2|tnen|etnen|el 2) (?:jihat|jehat|jeha|wesh)',
  '(?:min |men )?(?:giddam|gddam|qudam|guddam|gudam|quddam|9odam|9uddam|odam|oddam) (?:w |wa |o |u )?(?:min |men )?(?:wara|wra|khalf)', '(?:b |bi )?(?:jouj|jooj|juj) (?:jihat|jiha|jnab|wjouh)',
  // (round 25) …and in Arabic letters: "من جوج الجيهات", "من زوز جهات"
  '(?:من )?(?:جوج|زوج|زوز) (?:ال)?(?:جيهات|جهات|جناب|وجوه)',
  '(?:az )?(?:pesh|pish|jelo|jolo|ru|roo|roy|rooy)\\S* (?:va |o |u )?(?:az )?(?:pusht|posht|pos)\\S*', '(?:az )?(?:pusht|posht)\\S* (?:va |o |u )?(?:az )?(?:ru|roo|rooy|pesh|pish|jelo)\\S*', 'az (?:har )?(?:du|do|dw) (?:taraf|tarafa|taraf[ie]?|ru|su)\\S*',
  `(?:من )?(?:ال)?(?:قدام|امام|الامام|جدام|كدام|وش|وجه|الوجه|الوش) (?:و ?من |و ?)?(?:ال)?(?:ورا|وراء|خلف|الخلف|ضهر|ظهر|قفا)\\S*`, '(?:من )?(?:ال)?(?:وجهين|الوجهين|جهتين|الجهتين|جيهتين|طرفين|الطرفين|وشين|جنبين|الجنبين|ناحيتين|صفحتين)',
  '(?:از )?(?:پيش|جلو|رو|روي)\\S* (?:و ?از |و ?)?(?:پشت)\\S*', '(?:از )?پشت\\S* (?:و ?از |و ?)?(?:رو|روي|جلو|پيش)\\S*', 'پشت ?و ?رو\\S*', '(?:از )?(?:هر )?دو (?:طرف|رو|سمت|روي)\\S*',
  '(?:аз )?(?:пеш|рӯ|ру)\\S* (?:ва |у )?(?:аз )?пушт\\S*', 'аз (?:ҳар )?ду (?:тараф|рӯ)\\S*',
];

const alt = (xs: string[]) => `(?:${xs.join('|')})`;
/** A document and its picture or its two faces, in either order, a few words apart. */
function pictured(document: string[], reach: number): string[] {
  const doc = alt(document);
  const pic = alt(PICTURE);
  const sides = alt(BOTH_SIDES);
  const noun = `(?!${alt(PICTURE_VERB)} (?:your|ur|my|the|both|لي|ليا|لنا|لينا|lia|li|lina) )${pic}`;
  // …and the Latin verb of picturing with the document as its object ("scan your passport and send it"): a later verb takes it
  const pictures = '(?:scan|snap|copy|photograph|photo)';
  return [`${pictures} (?:(?:your|ur|the|my|both) )?${doc}`, `${noun} (?:\\S+ ){0,${reach}}?${doc}`, `${doc} (?:\\S+ ){0,4}?${pic}`, `${doc} (?:\\S+ ){0,4}?${sides}`, `${sides} (?:\\S+ ){0,3}?${doc}`];
}

/** The picture of an identity document (or the document from both sides): its number, asked for as a picture. */
export const ID_PICTURE = pictured(ID_DOCUMENT, 6);
/** The picture of a payment card (or the card from both sides): its full number and the code on its back. */
export const CARD_PICTURE = pictured(PAYMENT_CARD, 5);

/** A number, as the card's is called: "nomor", "número", "نومرو", "نمبر" (Dari), "raqam". */
export const NUMBER_WORD = [
  'ra?qa?m\\S*', 'ra[298][ae]?m\\S*', 'ar[298q]am', 'rakam', 'nemr[ae]t?', 'nmra', 'noumro', 'num[eé]ro', 'número', 'nimero', 'nemro', 'nimiro', 'chiffres', 'nomor', 'nombor', 'namba', 'numara\\S*', 'n[oö]mre\\S*', 'ቁጥር\\S*', 'নম্বর\\S*', 'lambar\\S*', 'number', 'numbers', 'nambari', 'nambar', 'nambr', 'numbr',
  `${AR_PFX}(?:رقم|ارقام|نمره|نمرت|نومرو|نمرو|نيميرو|نمبر)\\S*`, 'شماره\\S*', 'рақам\\S*',
];
/** Words between a number and its card: "dial", "متاع", "de la", "ta", "e". */
const OF = '(?:(?:of|de|del|dial|dyal|d|ta3|nta3|bta3|mal|maal|ko|ka|ki|e|ye|i|da|di|ng|kartu|ديال|تاع|نتاع|متاع|حق|تبع|بتاع|مال|ي) )?(?:(?:the|your|ur|la|le|el|al|l|ال|tu) )?';
/** "complete", "whole", said between the number and the card ("نمبر مکمل کارت"). */
const WHOLE = '(?:(?:poora|pura|پورا|lengkap|ሙሉ|পুরো|puro|full|complete|whole|entire|kamel|kamil|kaml|kamla|kulu|kollo|completo|complet|(?:ال)?كامل\\S*|مكمل|پوره|تمام) )?';
/** All of it: "kullu", "كلو", "بالكامل", "kamili", "penuh". */
const ALL_OF_IT = '(?:kulu|poora|pura|پورا|lengkap|tam|tamamı|zote|ሙሉ|muzhuvan|পুরো|puro|kullu|kollo|kolo|kamil|kamel|kamili|penuh|buong|full|complete|whole|كله|كلو|كلها|كامل\\S*|بالكامل|الكل)';
/** Written or printed on it. */
const WRITTEN = '(?:(?:ال)?(?:مكتوب|مطبوع|موجود|محفور)\\S*|maktoo?b\\S*|maktub\\S*|written|printed|embossed)';
/** The card's number by its local words ("numero dial la tarjeta", "نومرو الكارطة", "نمبر مکمل کارت بانکی"), never the last digits. */
export const CARD_NUMBER = [
  `(?<!(?:last|akher|akhir|اخر|آخر) (?:\\S+ )?)${alt(NUMBER_WORD)} ${WHOLE}${OF}${alt(PAYMENT_CARD)}(?! (?:\\S+ )?(?:اخر|پاياني|akhir|akher|okhir)\\S*)`,
  // the card named first, as Gulf pidgin and learners write it, with a word for all of it: "card raqam kulu", "بطاقة رقم كله"
  `${alt(PAYMENT_CARD)} ${alt(NUMBER_WORD)} (?:\\S+ )?${ALL_OF_IT}`,
  // (round 23) the card first, then all of its number, in the word order of Urdu, Bengali, Malayalam, Turkish: "card ka poora number", "kartın tam numarası"
  `${alt(PAYMENT_CARD)} (?:\\S+ )?${ALL_OF_IT} (?:\\S+ )?${alt(NUMBER_WORD)}`,
  // (round 21) the number written on the card, all of it: "الرقم اللي مكتوب ع البطاقة كلو", "ابعتلي الرقم المكتوب عالكرت كلو"
  `${alt(NUMBER_WORD)} (?:${ALL_OF_IT} )?(?:(?:اللي|الي|يلي|elli|illi|li|that is|that's) )?${WRITTEN} (?:(?:على|علي|ع|فوق|في|on|3ala|3a|ala) )?(?:عال|عل|ع|بال)?${alt(PAYMENT_CARD)}(?: (?:\\S+ )?${ALL_OF_IT})?(?<=${ALL_OF_IT} (?:\\S+ ){2,8}\\S+|\\S+ (?:\\S+ )?${ALL_OF_IT})`,
];

/** (round 23) A card's expiry: with its number or its code it is what pays, so asked for beside the card it is the card's. */
export const EXPIRY = '(?:expiry|expiration|exp|valid (?:thru|until)|(?:date )?(?:de |d\'|d )?(?:expiration|validit[eé])|(?:fecha de )?(?:caducidad|vencimiento|expiraci[oó]n)|(?:ال)?تاريخ (?:ال)?(?:انتهاء|صلاحيه|ختم|انقضا|اعتبار)\\S*|son kullanma\\S*|bitm[əe] tarix\\S*|tarehe ya mwisho|masa berlaku|kedaluwarsa|ranar karewa\\S*|মেয়াদ\\S*|میعاد\\S*)';
export const CARD_EXPIRY = [`${EXPIRY}(?: date\\S*| tarihi\\S*)? (?:\\S+ ){0,4}?(?:عال|عل|ع)?${alt(PAYMENT_CARD)}`, `${alt(PAYMENT_CARD)} (?:\\S+ ){0,10}?${EXPIRY}`];

/** Three of something, in the languages the card's back is described in. */
const THREE = '(?:3|three|üç|uku|tin|তিন|تین|ሶስት|moonu|trois|tres|tatu|tlata|tlat|talata|talat|thalatha|tatlong|tatlo|tiga|teen|se|seh|ثلاث|ثلاثه|تلات|تلاته|تلاثه|التلاثه|الثلاث|الثلاثه|التلات|التلاته|سه)';
/** Digits, as they are called when the code is described. */
const DIGITS = '(?:شماره\\S*|raqam\\S*|ارجام|الارجام|hane\\S*|haneli|r[əe]q[əe]m\\S*|ہندس\\S*|lambobi|নম্বর\\S*|ቁጥር\\S*|digits?|numbers?|chiffres?|num[eé]ros?|números|ar2am|arqam|ar9am|angka|adad|namba|nambari|tarakimu|nombor|(?:ال)?(?:ارقام|اعداد|خانات|نمر)\\S*|(?:رقم|عدد|نمبر)\\S*)';
/** The card's back and what is printed there: "mor" (Darija), "من تالي" (Tunisian), "derrière", "detrás", the signature strip. */
const BACK = '(?:(?:ع|عال|عل|بال|من|م)(?=ال|ورا|ضهر|ظهر|خلف)|)(?:pusht\\S*|posht\\S*|arka\\S*|arxa\\S*|peeche|pichhe|پیچھے|pichone|পেছনে|পিছনে|bayan|ጀርባ\\S*|back|behind|reverse|rear|likod|belakang|nyuma|wara|wra|wraa|khalf|dahr|da7r|dh[aeo]r|mor|mour|lor|derri[eè]re|dos|detr[aá]s|(?:ال)?(?:ورا|وراء|خلف|ظهر|ضهر|تالي|قفا)\\S*|مور\\S*|پشت\\S*|signature|توقيع\\S*|التوقيع|امضا\\S*|الامضا\\S*|شريط\\S*|الشريط)';
/** The card's security code by count and place, in either order ("les trois chiffres li mor la carte", "الأرقام الثلاثة ورا الكارت"). */
export const CVV_BY_PLACE = [
  `${THREE} ?(?:\\S+ )?${DIGITS} (?:\\S+ ){0,4}?${BACK}`, `${DIGITS} (?:\\S+ )?${THREE} (?:\\S+ ){0,4}?${BACK}`,
  // (round 21) the count after the place: "نمبرهای پشتش که سه تا است", "namba za nyuma, zile tatu"
  `${DIGITS} (?:\\S+ )?${BACK} (?:\\S+ ){0,2}?${THREE}(?: ?تا)?`,
  // (round 22) the place first, then the count: "پشت کارتت سه تا عدد کوچیک هست", "on the back there are three digits"
  `${BACK} (?:\\S+ ){0,3}?${THREE} ?(?:تا )?(?:\\S+ )?${DIGITS}`,
  // …or a three-digit number there: "پشت کارتت یه عدد سه رقمی هست", "on the back, a 3-digit number"
  `${BACK} (?:\\S+ ){0,4}?${THREE}[ -]?(?:digits?|رقمي|رقمه|خانه\\S*|chiffres)`,
  // the three small digits, by size and count alone ("الثلاث أرقام الصغار", "الأرقام الثلاثة الصغيرة"): only the code is that
  `(?:ال)?${THREE} (?:ال)?(?:ارقام|خانات|نمر) (?:ال)?(?:صغار|صغيره|صغيرين|زغار|زغيره|صغيرات)`, `(?:ال)?(?:ارقام|خانات|نمر) (?:ال)?${THREE} (?:ال)?(?:صغار|صغيره|صغيرين|زغار|زغيره|صغيرات)`,
  // the digits (plural) on the back of the card, by the signature or the strip ("الأرقام اللي مكتوبة ورا البطاقة"): one number there is the helpline's
  `(?:ال)?(?:ارقام|اعداد|ar2am|arqam|chiffres|digits|numbers) (?:\\S+ ){0,3}?${BACK} (?:\\S+ ){0,2}?${OF}${alt(PAYMENT_CARD)}`,
];

/** Sixteen, a card number's length, in the languages it is said in. */
const SIXTEEN = '(?:(?:ال)?16|sixteen|seize|(?:ال)?ستة? ?عشر|ستطعش|ستاشر|سطاشر|سطعش|شانزده|شونزده|شونزه|sitta3ash|sita3sh)';
/** (round 22) The card's number by its length: "الأرقام الـ16 يلي عالكرت", "شماره شونزده رقمیش", "the sixteen digits". */
export const CARD_NUMBER_BY_LENGTH = [`${SIXTEEN} ?(?:تا )?${DIGITS}`, `(?:ال)?(?:ارقام|اعداد|digits|numbers|chiffres|ar2am|arqam|ar9am) (?:ال)?${SIXTEEN}`];
