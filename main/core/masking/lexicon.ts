/**
 * Context words ("cues") in Gulf, Egyptian and Standard Arabic, Persian, English, Arabizi and Finglish.
 * A cue says what the nearby number is (or is not): a birth date, a one-time code, an order number...
 * Arabic-script cues are expanded with the usual clitics (ال، و، ب، ل... / ي، ك، ه، ها، م، ام...) so a message's
 * words are found with one map look-up each.
 */
import { foldKeyword, FoldedWords } from './detection-text';

export const Cue = {
  PHONE: 1,
  PHONE_WEAK: 2,
  NID: 3,
  ID_WEAK: 4,
  ID_CARD: 5,
  OTP: 6,
  OTP_WEAK: 7,
  PASSPORT: 8,
  BIRTH: 9,
  EXPIRY: 10,
  EVENT: 11,
  ORDER: 12,
  TRACK: 13,
  REF: 14,
  TICKET: 15,
  PROMO: 16,
  AMOUNT: 17,
  LAST4: 18,
  CARD: 19,
  POSTAL: 20,
  CURRENCY: 21,
  IBAN: 22,
  ACCOUNT: 23,
  /** A card security code: "cvv", "security code", "the number on the back". */
  CVV: 24,
  /** A trip, ride or flight ("شماره سفر", "رقم الرحلة", "trip ID"): a record's number, except "سفر" after "جواز" (a passport). */
  TRIP: 25,
} as const;
export type Cue = (typeof Cue)[keyof typeof Cue];

/** Cues that only tell the kind of thing ("number", "code", "id"): a more specific cue just before them wins ("order number"). */
export function isWeakCue(c: Cue): boolean {
  return c === Cue.PHONE_WEAK || c === Cue.OTP_WEAK || c === Cue.ID_WEAK;
}

/** Cues that can qualify a weak cue just after them ("order number", "جواز السفر رقم"). */
export function isQualifierCue(c: Cue): boolean {
  return c !== Cue.CURRENCY && c !== Cue.AMOUNT && c !== Cue.LAST4 && !isWeakCue(c) && !isDateCue(c);
}

/** Cues that explain a number as no value of the customer's: a record's, an amount's, an account's, a card's last four, a postcode. */
export const NEGATIVE_CUES: ReadonlySet<Cue> = new Set<Cue>([Cue.ORDER, Cue.TRACK, Cue.REF, Cue.TICKET, Cue.PROMO, Cue.AMOUNT, Cue.LAST4, Cue.POSTAL, Cue.ACCOUNT, Cue.TRIP]);

/** Cues that are about the role of a date rather than a number. */
export function isDateCue(c: Cue): boolean {
  return c === Cue.BIRTH || c === Cue.EXPIRY || c === Cue.EVENT;
}

const LATIN: Array<[Cue, string]> = [
  [Cue.PHONE, 'phone phones mobile mob hp handphone cell cellphone tel tél telephone téléphone portable numéro numero appelle appelez joindre whatsapp whatsap watsapp watsap whats call calling text texting reach contact landline mobily line ligne fixe ring taleefan taleefanka taleefankayga taleefankiisa taleefankeeda taleefoon telefoonka telefoonkayga'],
  [Cue.PHONE_WEAK, 'number num no nr lambar lambarka'],
  [Cue.NID, 'séjour sejour national nationale identity identité identite emirates civil residency resident ssn nin cin cnie cnic nic dni nie pps ppsn sin nas cedula cédula identidad nicop aadhaar aadhar adhaar adhar cpr nric qid nni mykad philsys philid psn nik ktp kimlik kimligim kimligi tckn nhs hkid cccd cmnd zehut nrc citizenship nagarikta nagrikta omang'],
  [Cue.ID_WEAK, 'id'],
  [Cue.OTP, 'otp otps verification verify verifying passcode password onetime activation activate 2fa tac login signin vcode'],
  [Cue.OTP_WEAK, 'code codes cod pin sms msg log código codigo codice kode kodu'],
  [Cue.PASSPORT, 'passport passports pasport passprt paspor passeport passaporte pasaporte pp ppt pspt pasaport pasaportum pasaportu pasaportun pasaportunuz reisepass reisepassnummer passaporto paspoort paszport'],
  [Cue.BIRTH, 'born birth birthday birthdate birthdates dob bday naissance né née nee nacimiento nacido nacida nací naci dogum dogdum'],
  // (round 37: the birth word as customers mistype it — letters swapped, dropped or cut: "date of brith", "birthdat")
  [Cue.BIRTH, 'brith brth birht bith brithday birthdat birtdate birhtday dateofbirth brithdate'],
  [Cue.EXPIRY, 'expire expires expired expirée expiré expiring expiry expiration exp expy expdate valid validity validité validite until till upto thru through yy yyyy validade vence vencimento'],
  [Cue.EVENT, 'deliver delivered delivery arrive arrived arrival arriving ship shipped shipping returned return refund refunded ordered placed paid charged sent received since dispatched appointment scheduled booked'],
  [Cue.ORDER, 'bestellung bestellnummer auftrag auftragsnummer order orders ord commande pesanan pedido siparis'],
  [Cue.TRACK, 'sendung sendungsnummer suivi lieferschein tracking track awb waybill shipment parcel consignment colis resi kargo takip'],
  [Cue.REF, 'consumer session item product docket policy warranty référence referenz vorgang vorgangsnummer aktenzeichen buchung buchungsnummer vertrag vertragsnummer zähler zählernummer itinerary sheet reference ref mtcn transaction txn trx transfer receipt error err serial imei sku barcode model pnr booking reservation réservation contract contrat compteur meter fuel terminal tid hawala hawalah remittance violation request payroll transfè transfe iccid prescription prescriptions insurance insurer branch refs references application applications jobcard workorder job workshop quote quotation part parts partnumber teilenummer plate plates numberplate vehicle vin chassis'],
  [Cue.TICKET, 'réclamation reclamation facture dossier billet rechnung rechnungsnummer ticketnummer incident ticket case complaint invoice bill claim tkt challan tagihan'],
  [Cue.PROMO, 'promo coupon discount voucher gift giftcard'],
  [Cue.AMOUNT, 'amount price total cost fee fees sum points pts'],
  [Cue.LAST4, 'ending ends last'],
  [Cue.CARD, 'card visa mastercard mada amex debit credit carte cartes cb cib edahabia dahabia karta'],
  [Cue.POSTAL, 'zip postal postcode'],
  [Cue.CURRENCY, 'sar aed egp usd gbp irr irt riyal riyals rial rials dirham dirhams pound pounds toman tomans dollar dollars eur euro euros dzd mad tnd kwd qar omr bhd jod lbp iqd pkr inr dinar dinars dhs naira ngn'],
  [Cue.IBAN, 'iban sheba shaba'],
  [Cue.ACCOUNT, 'kundennummer abonnement account acc acct accts cust premises subscription subscriber customer client member membership membre adherent adhérent adhésion adhesion fidélité fidelite loyalty rewards compte hesap acount accont accout acconut accnt acnt accounts acounts'],
  [Cue.TRIP, 'flug flugnummer trip trips ride rides journey flight trajet'],
  [Cue.CVV, 'cvv cvv2 cvc cvc2 ccv cv2 csc cid cvn security sécurité securite cryptogramme cryptogram pictogramme pictogram wara lor lour posht'],
];

/** Arabizi and Finglish cue words (looked up like LATIN's, and by their consonants: see cueOfSpelling). */
const SPELT_AS_HEARD: Array<[Cue, string]> = [
  [Cue.PHONE, 'zang noumrou numrou noumro numro nimrou nimro nomrou nemro nmra ra9mi ra9my talifon telefon tilifon telephon kalemni kalmni kallemni kalimni etsel ettesal shomaram shomarem shomarm shomaramo tamas bezan ra2mi ra2my ra8mi ra8my rakmi raqmi nemrty nemrti rgmi rgmy r8mi r8my r9mi r9my r2mi r2my ragmi ragmy ra8ami ra8amy ra9ami ra9amy raqamy raqami nmrti nmrty nomrti nomrty nmrati mobayl mobail 3ayat 3ayet 3ayto ardeh ardi ardy'],
  [Cue.PHONE_WEAK, 'ra2m ra8m ra9m raqm rakm nemra ra2am ra8am shomare shomareh shomareye'],
  [Cue.NID, 'i9ama i2ama iqame eqame tazkira tazkera tazkeera tazkirah tazkire meli hawia melli mellim melliam melim codemelli kodmelli 2awmy 2awmi qawmy qawmi kawmy hawiya hawiyya huwiya hawiyati iqamti shenasname iqama iqamah iqamma ikama eqama'],
  [Cue.ID_CARD, 'bata2a bata2ty betaka beta2a'],
  [Cue.OTP, 'taid taeid tayid ta2eed ta2keed tafeel ta2kid yekbar yekbare'],
  [Cue.OTP_WEAK, 'ramz kod ramze rmz'],
  [Cue.PASSPORT, 'basbor basboor basbour gawaz gawazi jawaz jawazi gozarname gozarnameh'],
  [Cue.BIRTH, 'tzadt zdit donya milad miladi milade miladak miladek mawaleed mawaled mawalid mwalid mawlood mawlod etwaladt itwaladt twaladt twladt wiladti weladti tzadit mzyoud mazyoud mezyoud jonmo jonmodin jonmotarikh jonmodine janmo janam janma janmatithi tavallod tavalod tavalodam tavallodam tavalodet motevaled motavaled motevalled motavalled zadrooz zadruz'],
  [Cue.EXPIRY, 'muhlat muhlati muhlatash etebar engheza enghezaa tanqadi tantahi yntahi yentahi yantahi yentehi tentehi btentehi btintehi bitintihi intiha2 entiha2 salahiya sala7iya sala7ia'],
  [Cue.ORDER, 'talab talabi sefaresh sefareshe sefareshet komand kommand farmayesh farmaish'],
  [Cue.TRIP, 'parvaz safar safare rehla re7la mishwar meshwar'],
  [Cue.TRACK, 'barname bolisa shohna rahgiri'],
  [Cue.REF, 'peygiri kontor hagz 7agz paziresh pazireshe pardakht pardakhte pardakhtam 3adad 3dad lo7a lawha lauha pelak plak bime bimeh'],
  [Cue.TICKET, 'factor faktor fatoura fatora fatura ghabz parvande parvandeh'],
  // Gulf Arabizi "7sab", Finglish "hesab" (account) and "eshterak" (a subscription: a utility's subscriber number)
  [Cue.ACCOUNT, '7sab 7sabi 7esab 7esabi 7isab hesab hesabam hesabe eshterak eshteraki eshterakam eshterake'],
  // "shomare cart", "kart-e banki" (four letters: no look-up by consonants, which would take "court")
  [Cue.CARD, 'cart kart'],
];

const ARABIC: Array<[Cue, string]> = [
  [Cue.PHONE, 'نقال محفظه شريحه نومرويا نوميرويا جوال هاتف تيلفون تيليفون موبايل موبيل تليفون تلفون واتس واتساب وتساب اتصل اتصلوا اتصال تتصل يتصل كلمني كلموني يكلمني تكلمني تواصل نمره نمرتي محمول رقمي ارقامي تلفن موبایل همراه واتساپ زنگ تماس شمارم شمارمو شمارت خط عيط عيطو عيطلي عيطولي ارضي'],
  [Cue.PHONE_WEAK, 'رقم شماره شمارش عدد نمبر نمبرش نمبرم نمبرت نومرو نوميرو'],
  [Cue.NID, 'هويه اقامه مدني مدنيه قومي وطني وطنيه اماراتيه ملي كدملي شناسنامه شناسه شخصيه زهوت زيهوت'],
  [Cue.ID_CARD, 'بطاقه'],
  [Cue.OTP, 'تحقق التحقق تفعيل التفعيل افعل تاكيد التاكيد دخول تایید تاييد يكبار فعالسازي ورود مؤقت موقت پويا كدتاييد رمزيكبار كدفعالسازي'],
  [Cue.OTP_WEAK, 'رمز رموز كود اكواد كد رساله مسج پيامك'],
  [Cue.PASSPORT, 'جواز جوازي باسبور باسبورت پاسپورت پاسپورد گذرنامه'],
  // (Levantine's clitics "his" and "her" as -و and -ا: "ميلادو", "تولدا", which no other word's list takes)
  [Cue.BIRTH, 'ميلادو ميلادا مواليدو مواليدا تولدو تولدا ميلاد مواليد مولود ولدت اتولدت انولدت تولدت مولدي تولد متولد زادروز زاده ولاده ازدياد تزاديت تزاديتي تزادت زديت مزيود مزيوده زياده خلقت انخلقت دنيا زیږیدو زیږېدو زېږېدو زیږیدنې'],
  [Cue.EXPIRY, 'تنتهي ينتهي انتهاء صلاحيه بتخلص تخلص خلصت يخلص بيخلص لغايه بتنتهي منتهي انقضا انقضاء اعتبار منقضي سارية ساريه صالحه تفنى تفنا يفنى ختم'],
  [Cue.EVENT, 'يوصل توصل هتوصل بتوصل هيوصل وصل توصيل استلام استلمت استرجاع رجعت اعدت دفعت يجي يجيني موعد برسه رسيد ارسال مرجوع'],
  [Cue.ORDER, 'طلبا طلب طلبيه اوردر سفارش كوموند كومند كوماند فرمایش فرمايش'],
  [Cue.TRACK, 'طرد شحنه بوليصه تتبع رهگيري مرسوله بارنامه'],
  [Cue.REF, 'كونطرا كونترا كنطرا منتج منتجات صنف اصناف سلعه محصول كالا میتر اضباره سوخت ترمينال ملف كنتور بيمهنامه حجز رزرو قرارداد عقد مرجع مرجعي عمليه تحويل حواله ايصال پيگيري تراكنش ارجاع فيش خطا سيريال سريال عداد معامله مخالفه ایامای ايامای وصفه روشته تامين تأمين بيمه فرع شعبه پذیرش عرض تقرير محضر قطعه لنت لوحه پلاک'],
  [Cue.TICKET, 'بل پرونده بليت تکت قبض بليط بلیط تذكره شكوي فاتوره تيكت بلاغ فاكتور شكايت صورتحساب استماره'],
  [Cue.PROMO, 'خصم كوبون برومو تخفيف قسيمه هديه'],
  [Cue.AMOUNT, 'مبلغ سعر رسوم قيمت هزينه پول پيسه نقاط نقطه امتياز امتيازات'],
  // "الرقم المنتهي بـ ١٨٧٨": with the article, "ending" (without it, "منتهي" is "expired")
  [Cue.LAST4, 'اخرها اخر المنتهيه منتهيه اخرش اخره المنتهي كتسالا كيتسالا تتسالا كتسالي'],
  [Cue.CARD, 'كارت كارطه كارط فيزا مدي ماستر'],
  [Cue.POSTAL, 'بريدي پستي'],
  [Cue.CURRENCY, 'ريال درهم جنيه تومان تومن دولار دينار دنانير دج'],
  [Cue.IBAN, 'ايبان شبا'],
  [Cue.ACCOUNT, 'حساب حسابي اشتراك مشترك مشتري عميل زبون مؤسسه عضويه عضويت عضو باشگاه'],
  [Cue.TRIP, 'پرواز طيران سفر رحله مشوار'],
  // "سی‌وی‌وی۲": C, V, V spelt in Persian or Arabic letters, joined by the ZWNJs normalisation drops (spaced: `dottedCue`)
  [Cue.CVV, 'ورا وراء وره خلف خلفي امنيتي امني امان سري لور پشت سیویوی سیویوی2 سيفيفي سيفيفي2'],
];

const PREFIXES = ['', 'ال', 'و', 'ب', 'ل', 'ف', 'وال', 'بال', 'لل', 'فال', 'كال', 'وب', 'ول', 'عال'];
// (Persian's plural possessives, formal and spoken: "تولدتون", "شمارشون", "کارتتان")
const SUFFIXES = ['', 'ي', 'ك', 'ه', 'ها', 'نا', 'هم', 'كم', 'م', 'ام', 'ت', 'مو', 'مه', 'ش', 'يش', 'ات', 'ين', 'ان', 'تون', 'تان', 'شون', 'شان', 'مون', 'مان'];

/** Generated forms that are verbs, not the noun: "وطلب الكود" (and he asked for the code), "طلبت" (I ordered). */
const NOT_CUES = ['وطلب', 'طلبت', 'طلبتوا', 'طلبوا', 'وطلبوا', 'وطلبت', 'طلبتو', 'فطلب', 'اتصلت', 'وصلت'];

/** The folded stems of an Arabic-script cue word that its clitics are put around. */
function stemsOf(raw: string): string[] {
  const w = foldKeyword(raw);
  const stems = [w];
  if (w.endsWith('ه') && w.length > 2) stems.push(w.slice(0, -1) + 'ت');
  // "انتهاء" takes its hamza on a carrier before a suffix: "انتهاؤه", "انتهائها" (folded و, ي)
  if (w.endsWith('اء')) stems.push(w.slice(0, -1) + 'و', w.slice(0, -1) + 'ي');
  return stems;
}

let table: Map<string, Cue> | null = null;

function build(): Map<string, Cue> {
  const m = new Map<string, Cue>();
  // more specific entries first: a later, generated form never overrides an earlier one
  const put = (k: string, c: Cue): void => {
    if (!m.has(k)) m.set(k, c);
  };
  for (const [cue, words] of [...LATIN, ...SPELT_AS_HEARD]) for (const w of words.split(' ')) put(w, cue);
  for (const [cue, words] of ARABIC) for (const w of words.split(' ')) put(foldKeyword(w), cue);
  for (const [cue, words] of ARABIC) {
    for (const raw of words.split(' ')) for (const p of PREFIXES) for (const s of stemsOf(raw)) for (const x of SUFFIXES) put(p + s + x, cue);
  }
  for (const w of NOT_CUES) m.delete(foldKeyword(w));
  cueWords = new FoldedWords(m);
  return m;
}

/** The same words, looked up where they stand in a message (see FoldedWords). */
let cueWords: FoldedWords<Cue> | null = null;

/** The cue of the word s[from, to) (not yet folded): `cueOf(foldRange(s, from, to))` without building the word. */
export function cueAt(s: string, from: number, to: number): Cue | undefined {
  table ??= build();
  const cue = cueWords!.getAt(s, from, to);
  if (cue !== undefined || to - from < 4 || !isLatinAt(s, to - 1) || isLatinAt(s, from)) return cue;
  // "والـIMEI", "بالـiban": a Latin word behind Arabic clitics ("و", "ال", "ب", "ل" and a tatweel) is that word
  let k = from;
  while (k < to && k - from < 5 && !isLatinAt(s, k)) k++;
  return k < to && k > from && ARABIC_CLITICS.test(s.slice(from, k)) ? cueWords!.getAt(s, k, to) : undefined;
}

const ARABIC_CLITICS = /^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?\u0640?$/;
const isLatinAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i) | 0x20;
  return c >= 0x61 && c <= 0x7a;
};

/**
 * Arabizi and Finglish are spelt as they sound, so one word has many spellings ("tantehi", "tantahi"; "miladi",
 * "milady"). A Latin word the lexicon does not know is looked up once more by its consonants: vowels (and "y")
 * dropped, doubled letters made single, "q" and "c" read as "k". Only the transliterated words (SPELT_AS_HEARD),
 * only message words of five letters or more, and only skeletons that belong to one cue.
 */
const SKELETON_MIN_WORD = 5;
let skeletons: Map<string, Cue> | null = null;

export function skeletonOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    let c = word[i]!;
    if ('aeiouy'.includes(c)) continue;
    if (c === 'q' || c === 'c') c = 'k';
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}


function buildSkeletons(): Map<string, Cue> {
  const m = new Map<string, Cue>();
  const ambiguous = new Set<string>();
  for (const [cue, words] of SPELT_AS_HEARD) {
    for (const w of words.split(' ')) {
      if (w.length < SKELETON_MIN_WORD || !/^[a-z0-9]+$/.test(w)) continue;
      const k = skeletonOf(w);
      if (k.length < 3) continue;
      if (m.has(k) && m.get(k) !== cue) ambiguous.add(k);
      else m.set(k, cue);
    }
  }
  for (const k of ambiguous) m.delete(k);
  return m;
}

/** The cue of a folded Latin word by its consonants (see above), for words `cueOf` does not know. */
export function cueOfSpelling(foldedWord: string): Cue | undefined {
  if (foldedWord.length < SKELETON_MIN_WORD) return undefined;
  skeletons ??= buildSkeletons();
  return skeletons.get(skeletonOf(foldedWord));
}

/** The cue of a folded word, if any. */
export function cueOf(foldedWord: string): Cue | undefined {
  table ??= build();
  return table.get(foldedWord);
}

/**
 * A payment card is being talked about somewhere in the message: a month/year after an expiry word is then the
 * card's expiry, not a document's. Tested once per message, on the normalised text, and only when such a
 * month/year is found.
 */
export const CARD_CONTEXT = /card|carte|cart[aã]o|cart[oõ]es|tarjeta|\bcib\b|\bcb\b|dahabia|visa|master|mada|amex|debit|credit|cvv|cvc|cryptogram|kart|bata2a|beta2a|بطاق|كارت|کارت|كارط|فيزا|فیزا|مدى|ماستر|ائتمان|خصم مباشر/i;

/**
 * The card security code's cues, one registry. Its abbreviations (the message names the code); the words that may be
 * about it (a card must be talked about too); and the phrases that describe it well enough on their own ("the code
 * on the back", "رمز الأمان", "کد پشت کارت"), which a customer answering an earlier question writes without a card
 * word ("re your question (what's the code on the back) – it's 8 1 5").
 */
const CVV_ABBREVIATIONS = ['cvv', 'cvc', 'ccv', 'cv2', 'csc', 'cvn', 'cryptogram', 'pictogram', 'سی ?وی ?وی', 'سي ?في ?في', 'سي ?وي ?وي'];
const CVV_WORDS = ['\\bcid\\b', 'security', 's[ée]curit[ée]', 'au dos', '(?:on|at) the (?:back|front)', '(?:back|front) of', 'wara', '\\blou?r\\b', '\\bposht\\b', 'ورا', 'وره', 'لور', 'پشت(?!یبان|يبان)', 'خلف', 'امنی', 'امني', 'امان', 'أمان', 'سري', 'سری', 'behind (?:the |my |your )?card'];
/** Where on the card the code is printed (an American Express card prints its four digits on the front). */
const CVV_PLACES = ['(?:on|at) the (?:back|front)', '(?:back|front) of (?:the |my )?card', 'behind (?:the |my |your )?card', 'au dos', 'derri[eè]re (?:la|ma) carte'];
const CVV_DESCRIPTIONS = [
  // "the code on the back", "the 3 numbers at the back", "digits behind the card"
  '(?:code|number|numbers|digits|nums|no)\\s+(?:on|at|in|behind)\\s+the\\s+back',
  '(?:numbers|digits|code) behind (?:the |my |your )?card',
  '(?:back|front) of (?:the |my |your )?card',
  '(?:رمز|كود|كد|رقم|الرمز|الكود|الرقم)\\s+(?:ال)?(?:أمان|امان)',
  '(?:[کك]د|رمز|شماره|عدد)\\s*(?:[یي]\\s*)?پشت\\s*(?:[یي]\\s*)?[کك]ارت',
  '(?:[کك]د|رمز)\\s*(?:[یي]\\s*)?امن[یي]ت[یي]',
  '(?:الرقم|الرمز|الكود|الارقام|الأرقام)\\s+(?:اللي|الي|يلي)\\s+(?:ورا|خلف)\\s+(?:ال)?(?:بطاق|كارت)',
  'code de s[ée]curit[ée] (?:de|au dos)',
];

/** "the 3 digits on the back 904", "back of card: 904" ("back" alone is too common: "my money back 500"). */
export const BACK_OF_CARD = new RegExp(CVV_PLACES.join('|'), 'i');

/** A card security code may be mentioned: gates the look-up of cue words around every three-digit number. */
export const CVV_CONTEXT = new RegExp([...CVV_ABBREVIATIONS, ...CVV_WORDS].join('|'), 'i');

/** The security code named by its abbreviation (spelt out in Persian or Arabic script too), not just "security" or "back". */
export const CVV_NAMED = new RegExp(CVV_ABBREVIATIONS.join('|'), 'i');

/** The security code described in words that need no card word beside them (see CVV_DESCRIPTIONS). */
export const CVV_DESCRIBED = new RegExp(CVV_DESCRIPTIONS.join('|'), 'i');

/** Words that say "born in the year", so a year in two digits after them is one ("متولد ۵۸", "mawalid 83", "born in 79"). */
export const BORN_IN_YEAR_WORDS: ReadonlyArray<string> = ['مواليد', 'ومواليد', 'متولد', 'متولدم', 'متولده', 'mawalid', 'mawaleed', 'mwalid', 'motevaled', 'motavaled', 'motevalled', 'born'];

/** A passport is talked about somewhere in the message (any script, with clitics: "پاسپورتمو", "passportam", "جوازي"). */
export const PASSPORT_CONTEXT = /passp|passep|pasport|paspor|pasaport|basbo|gawaz|jawaz|gozarname|جواز|باسبور|پاسپور|گذرنامه/i;

/**
 * What a word of one cue is made of, for a pre-test that must pass every message holding one: the Latin and
 * transliterated words as they are (`latin`), the folded Arabic-script stems every clitic form contains (`stems`),
 * and the consonant skeletons `cueOfSpelling` reads as the cue (`skeletons`).
 */
export function cueSpellings(cue: Cue): { latin: string[]; stems: string[]; skeletons: string[] } {
  const of = (list: Array<[Cue, string]>) => list.filter(([c]) => c === cue).flatMap(([, words]) => words.split(' '));
  skeletons ??= buildSkeletons();
  return {
    latin: [...of(LATIN), ...of(SPELT_AS_HEARD)],
    stems: of(ARABIC).flatMap(stemsOf),
    skeletons: [...skeletons].filter(([, c]) => c === cue).map(([k]) => k),
  };
}
