/**
 * Round 35's precision sweep (issue #21): ORDINARY customer messages composed from parts — the customer's own payment
 * (card, wallet, transfer, cash) with an amount and a receipt or reference, a genuine due date or closing time, the
 * company's own domain and number, the customer's own callback number, a policy/claim/order number, "is this SMS from
 * you?", a courier's tracking link, a promo code — in many voices. Prints every composed message the inbound check
 * flags, with its codes, and a count. None of these should be flagged.
 *   node --import tsx bench/guard/inbound-sweep35.ts [--all]
 */
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
await import('../../main/core/shared/regexp-engine');

const policy = resolveGuardPolicy({ companyDomains: ['amanins.com'], brandNames: ['aman'], officialSupportNumbers: ['800 555 1234'] });

/** voice → (sentence pools); every combination of one from each pool is a message. */
const voices: Record<string, string[][]> = {
  en: [
    ['I paid my bill with Vodafone Cash', 'I paid the premium by card', 'I made a bank transfer for my premium', 'I paid cash at the branch', 'paid my installment via Apple Pay', 'i have pay the premium with my card yesterday', 'I sent the payment by wire transfer'],
    ['240 AED, ref 88123.', 'receipt no. 10293.', 'amount 1,200, reference TRX-55812.', '£60, I have the receipt.'],
    ['When is it credited?', 'when will it show on my policy?', 'Premium is due on the 15th, is it in time?', 'The branch closes at 9, should I come?', 'My policy no is POL-77812.', 'Please call me back on 0551234567.', 'I called 800 555 1234 and they said to write here.', 'Is this SMS from you? It just says payment received.'],
  ],
  'ar-gulf': [
    ['دفعت الفاتورة بأبل باي', 'حولت القسط تحويل بنكي', 'سددت القسط كاش في الفرع', 'دفعت عن طريق STC Pay', 'دفعت القسط بالبطاقة'],
    ['١٢٠٠ ريال ورقم العملية 55812', 'ومعي الإيصال', 'المبلغ 300 درهم'],
    ['متى ينعكس؟', 'القسط مستحق يوم ١٥، يلحق؟', 'الفرع يسكر الساعة ٩، أمر عليكم؟', 'رقم الوثيقة 77812', 'اتصلوا علي على 0551234567', 'اتصلت على 800 555 1234 وقالوا اكتب هنا', 'هذي الرسالة منكم؟ مكتوب فيها تم استلام الدفعة'],
  ],
  'ar-eg': [
    ['دفعت الفاتورة بفودافون كاش', 'دفعت القسط بالفيزا', 'حولت الفلوس على إنستاباي', 'دفعت كاش في الفرع', 'دفعت من فوري'],
    ['٣٥٠ جنيه ومعايا الإيصال', 'رقم العملية 88123', 'المبلغ 500 جنيه'],
    ['إمتى تتسجل؟', 'القسط مستحق يوم ١٥، كده تمام؟', 'الفرع بيقفل الساعة ٩، أعدي عليكم؟', 'رقم البوليصة 77812', 'كلموني على 01012345678', 'كلمت 800 555 1234 وقالولي أكتب هنا', 'الرسالة دي منكم؟ مكتوب فيها تم استلام المبلغ'],
  ],
  'ar-lev': [
    ['دفعت الفاتورة بالبطاقة', 'حولت القسط عالبنك', 'دفعت كاش بالفرع', 'دفعت عن طريق زين كاش', 'دفعت عبر كليك'],
    ['٨٠ دينار وأخدت وصل', 'رقم الحوالة 55812', 'المبلغ 120 دينار'],
    ['إيمتى بينزل؟', 'القسط مستحق بـ ١٥ الشهر، لحقت؟', 'الفرع بيسكر الساعة ٩، بمرق؟', 'رقم الطلب 44120', 'اتصلوا فيي على 0791234567', 'حكيت مع 800 555 1234 وقالولي اكتب هون', 'هالرسالة منكم؟ مكتوب فيها تم استلام الدفعة'],
  ],
  'ar-iq': [
    ['دفعت القسط على زين كاش', 'حولت الفلوس على آسيا حوالة', 'دفعت بالماستر كارد', 'دفعت كاش بالفرع', 'دفعت على كي كارد'],
    ['٧٥ الف ووصلني اشعار', 'رقم الوصل 99321', 'المبلغ ١٥٠ الف'],
    ['شوكت ينضاف؟', 'القسط يستحق يوم ١٥، لحكت؟', 'الفرع يسد الساعة ٩، اجي؟', 'رقم الوثيقة 77812', 'اتصلوا بيه على 07701234567', 'اتصلت على 800 555 1234 وكالولي اكتب هنا', 'هاي الرسالة منكم؟ بيها تم استلام الدفعة'],
  ],
  'ar-msa': [
    ['سددت قسط التأمين عبر البطاقة', 'قمت بتحويل القسط بنكياً', 'دفعت نقداً في الفرع', 'سددت الفاتورة عبر المحفظة الإلكترونية'],
    ['بمبلغ ٦٠٠ ريال', 'ولدي إيصال رقم 99321', 'برقم مرجعي 55812'],
    ['متى يظهر السداد؟', 'القسط مستحق في ١٥ من الشهر، فهل وصل في الموعد؟', 'يغلق الفرع الساعة التاسعة، هل أحضر؟', 'رقم الوثيقة 77812', 'يرجى الاتصال بي على 0551234567', 'اتصلت بالرقم 800 555 1234 وطلبوا مني الكتابة هنا', 'هل هذه الرسالة منكم؟ تقول تم استلام الدفعة'],
  ],
  'fr-ma': [
    ["j'ai payé la prime par virement", "j'ai payé ma facture avec Cash Plus", "j'ai réglé en espèces à l'agence", "khlst l facture b la carte"],
    ['900 dh, référence VIR-22817.', "j'ai le reçu.", 'montant 300 dh.'],
    ['Quand ça sera pris en compte?', "La prime est due le 15, c'est bon?", "L'agence ferme à 18h, je passe?", 'Mon numéro de police est 77812.', 'Rappelez-moi au 0612345678 svp.', "J'ai appelé le 800 555 1234, on m'a dit d'écrire ici.", "Ce SMS vient de vous? Il dit paiement reçu."],
  ],
  fa: [
    ['قسط بیمه رو با کارت پرداخت کردم', 'پول رو کارت به کارت کردم به حساب شرکت', 'نقدی تو شعبه پرداخت کردم', 'با اپ بانک پرداخت کردم'],
    ['۴۵۰ هزار تومان', 'کد پیگیری ۷۷۲۱۹۰', 'رسیدش رو دارم'],
    ['کی ثبت میشه؟', 'قسط ۱۵ ام سررسیده، به موقع بود؟', 'شعبه ساعت ۹ میبنده، بیام؟', 'شماره بیمه‌نامه 77812', 'لطفاً با شماره 09121234567 تماس بگیرید', 'به 800 555 1234 زنگ زدم گفتن اینجا بنویسم', 'این پیامک از طرف شماست؟ نوشته پرداخت دریافت شد'],
  ],
  'fa-af': [
    ['پول بیمه را از طریق حواله پرداخت کردم', 'با کارت بانکی پرداخت کردم', 'نقد در نمایندگی پرداخت کردم', 'از طریق ام‌پیسه پرداخت کردم'],
    ['۳۰۰۰ افغانی', 'رسید دارم', 'نمبر رسید 55812'],
    ['چه وقت ثبت می‌شود؟', 'قسط در ۱۵ ماه سررسید است، وقتش بود؟', 'نمایندگی ساعت ۴ بسته می‌شود، بیایم؟', 'نمبر بیمه‌نامه 77812', 'به نمبر 0791234567 زنگ بزنید', 'به 800 555 1234 زنگ زدم گفتند اینجا بنویسم'],
  ],
  tg: [
    ['Ман суғуртаро бо корти Алиф пардохт кардам', 'пулро бо интиқол фиристодам', 'дар филиал нақд пардохт кардам', 'бо Душанбе Сити пардохт кардам'],
    ['400 сомонӣ', 'квитансия дорам', 'рақами амалиёт 55812'],
    ['Кай сабт мешавад?', 'Мӯҳлати пардохт 15-ум аст, расид?', 'Филиал соати 6 баста мешавад, биёям?', 'Рақами полис 77812', 'Ба рақами 927123456 занг занед', 'Ба 800 555 1234 занг задам, гуфтанд ин ҷо нависам'],
  ],
  arabizi: [
    ['dafa3t el fatoura b vodafone cash', '7awelt el 2est 3al bank', 'dafa3t cash fel far3', 'dafa3t bel visa'],
    ['200 geneh', 'w 3andi el receipt', 'rakam el 3amaleya 88123'],
    ['emta tetsagel?', 'el 2est mesta7a2 yom 15, keda tamam?', 'el far3 bey2fel 9, a3adi?', 'rakam el wathee2a 77812', 'kalemni 3ala 01012345678', 'kalemt 800 555 1234 w 2alouli aktob hena'],
  ],
  finglish: [
    ['ghest bime ro ba kart pardakht kardam', 'pool ro kart be kart kardam', 'naghdi too shobe pardakht kardam'],
    ['300 hezar toman', 'code peygiri 55120', 'residesh ro daram'],
    ['key sabt mishe?', 'ghest 15 om sar resid mishe, be moghe bood?', 'shobe saat 9 mibande, biam?', 'shomare bimename 77812', 'ba shomare 09121234567 tamas begirid', 'be 800 555 1234 zang zadam goftan inja benevisam'],
  ],
};
const extras = [
  'The courier sent a tracking link https://www.dhl.com/track?AWB=1234567890 for my documents, is that fine?',
  'Used promo code SPRING20 on amanins.com and paid by card, 450 AED, receipt attached. Correct price?',
  'I paid on https://amanins.com/pay and got reference 88123, when is the premium marked paid?',
  'Is this SMS from you? "Aman: your claim 33019 is registered." Sent from AMAN.',
  // an insurer's own reminders quoted, the customer's own renewal meant, a genuine deadline told by the branch or adjuster
  "I got this SMS: \"AMAN: your premium of 450 AED is due on 15/03. Pay at amanins.com or call 800 555 1234.\" Is this from you?",
  "Got a reminder that my car policy expires on 30 June and must be renewed before then to stay covered. Can I renew by phone?",
  "My policy lapses at the end of the month if I don't pay, right? I want to pay the renewal by card today.",
  "Your adjuster told me to send photos of the damage to claims@amanins.com within 7 days. Done, can you confirm receipt?",
  "وصلتني رسالة من AMAN إن القسط مستحق يوم ١٥ ولازم أدفع قبلها عشان التغطية ما تتوقف، أدفع من التطبيق؟",
  "قالولي بالفرع لازم أدفع قسط التجديد قبل نهاية الشهر والا الوثيقة تنتهي، ممكن أدفع أونلاين؟",
  "پیامک اومده از AMAN که قسط بیمه تا ۱۵ ام باید پرداخت بشه وگرنه بیمه‌نامه لغو میشه. از طرف شماست؟",
  "کارشناس خسارت گفت مدارک رو تا یک هفته بفرستم وگرنه پرونده بسته میشه. فرستادم، رسیده؟",
  "On m'a dit à l'agence que je dois payer la prime avant le 15 sinon le contrat est suspendu. Je peux payer en ligne?",
  "Your SMS says my claim payment of 3,200 AED will be transferred to my account ending 4417 within 5 working days. When exactly?",
  "I received a text from AMAN asking me to update my Emirates ID on amanins.com before it expires. Is it real?",
];

const all = process.argv.includes('--all');
let n = 0;
let flagged = 0;
const byCode = new Map<string, number>();
const report = (voice: string, text: string) => {
  n++;
  const r = inspectInbound(text, 'en', { policy, detectSensitive });
  if (!r.flags.length && !all) return;
  if (r.flags.length) flagged++;
  for (const f of r.flags) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  console.log(`${voice}\t${r.flags.map((f) => f.code).join(',') || '-'}\t${text}`);
};
for (const [voice, [a = [], b = [], c = []]] of Object.entries(voices)) for (const x of a) for (const y of b) for (const z of c) report(voice, `${x} ${y}. ${z}`.replace(/\.\. /, '. ').replace(/([.?!،])\. /, '$1 '));
for (const t of extras) report('extra', t);
console.log(`\n${flagged} of ${n} ordinary messages flagged; by code: ${[...byCode].map(([k, v]) => `${k} ${v}`).join(', ')}`);
