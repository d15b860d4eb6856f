import { cardNumber, digits, iban, iranianId, localDigits, LOOKALIKES, otp, phone, pick, saudiId, type Rng } from './values';

export type DemoLanguage = 'ar-gulf' | 'ar-eg' | 'ar-msa' | 'fa' | 'en' | 'mixed';
export type DemoKind = 'everyday' | 'sensitive' | 'scam' | 'hacked' | 'burst';

export interface DemoScript {
  lang: DemoLanguage;
  kind: DemoKind;
  /** The customer's messages, in order; each is written from fresh values. */
  turns: Array<(r: Rng) => string>;
  /** Burst scripts: how many different senders send the same turns within seconds. */
  senders?: number;
}

const order = (r: Rng) => `#${digits(r, 5)}`;
const site = (r: Rng) => `https://${pick(r, LOOKALIKES)}/verify?id=${digits(r, 6)}`;

/** Conversations a support team in the Gulf, Egypt and Iran sees every day, including the ones Diwan exists for. */
export const SCRIPTS: readonly DemoScript[] = [
  {
    lang: 'ar-gulf',
    kind: 'everyday',
    turns: [
      (r) => `السلام عليكم، طلبي رقم ${order(r)} ما وصل للحين`,
      (r) => `رقم جوالي ${phone.sa(r)} لو تبون تتواصلون معي`,
      () => 'متى يوصل تقريباً؟ صار لي أسبوع أنتظر',
    ],
  },
  {
    lang: 'ar-gulf',
    kind: 'sensitive',
    turns: [
      () => 'هلا، أبي أحدّث بياناتي في الحساب',
      (r) => `رقم الهوية ${r() < 0.4 ? localDigits(saudiId(r), 'arabic') : saudiId(r)}`,
      (r) => `والآيبان حقي ${iban(r, 'SA')} عشان الاسترجاع`,
    ],
  },
  {
    lang: 'ar-gulf',
    kind: 'scam',
    turns: [
      (r) => `جاني اتصال من واحد يقول إنه من الدعم الفني عندكم وطلب الرمز اللي وصلني ${otp(r)}`,
      (r) => `وأرسل لي هالرابط ${site(r)} هل هو منكم؟`,
    ],
  },
  {
    lang: 'ar-eg',
    kind: 'everyday',
    turns: [
      (r) => `لو سمحت الأوردر بتاعي اتأخر جداً، رقم الأوردر ${order(r)}`,
      (r) => `ده رقمي ${phone.eg(r)} كلموني عليه`,
      () => 'يا جماعة حد يرد عليا بقى 🙏',
    ],
  },
  {
    lang: 'ar-eg',
    kind: 'scam',
    turns: [
      (r) => `في حد بعتلي رسالة بيقول إنه من خدمة العملاء وعايز رقم الكارت ${cardNumber(r)} عشان يرجعلي الفلوس`,
      () => 'أديهوله ولا ده نصب؟',
    ],
  },
  {
    lang: 'ar-msa',
    kind: 'sensitive',
    turns: [
      (r) => `مرحباً، تم خصم المبلغ مرتين من بطاقتي ${cardNumber(r)}`,
      (r) => `تاريخ الانتهاء 0${1 + Math.floor(r() * 9)}/2${7 + Math.floor(r() * 3)} والرجاء إعادة المبلغ`,
    ],
  },
  {
    lang: 'ar-msa',
    kind: 'hacked',
    turns: [
      (r) => `تم اختراق حسابي! وصلني رمز تحقق ${otp(r)} لم أطلبه`,
      () => 'وتغيّر البريد الإلكتروني المسجّل دون علمي، أرجو إيقاف الحساب فوراً',
    ],
  },
  {
    lang: 'fa',
    kind: 'everyday',
    turns: [
      (r) => `سلام، سفارشم هنوز نرسیده. کد پیگیری ${order(r)}`,
      (r) => `شماره من ${r() < 0.5 ? localDigits(phone.ir(r), 'persian') : phone.ir(r)} هست`,
    ],
  },
  {
    lang: 'fa',
    kind: 'sensitive',
    turns: [
      (r) => `کد ملی من ${r() < 0.5 ? localDigits(iranianId(r), 'persian') : iranianId(r)} هست، لطفاً حسابم رو فعال کنید`,
      (r) => `شبا: ${iban(r, 'IR')}`,
    ],
  },
  {
    lang: 'fa',
    kind: 'scam',
    turns: [
      (r) => `یکی پیام داده گفته از پشتیبانی شماست و کد تأیید ${localDigits(otp(r), 'persian')} رو خواسته`,
      () => 'این واقعاً شما هستید؟',
    ],
  },
  {
    lang: 'en',
    kind: 'everyday',
    turns: [
      (r) => `Hi, my order ${order(r)} hasn't arrived yet`,
      (r) => `You can reach me at customer${digits(r, 3)}@example.com or ${phone.sa(r)}`,
    ],
  },
  {
    lang: 'en',
    kind: 'sensitive',
    turns: [(r) => `I was charged twice on card ${cardNumber(r)}, exp 08/27, CVV ${digits(r, 3)}`, () => 'Please refund one of them'],
  },
  {
    lang: 'en',
    kind: 'scam',
    turns: [
      (r) => `Meta Business Support: your page violates our community standards and will be disabled in 24h. Appeal at ${site(r)}`,
      () => 'Reply with the login code you receive to confirm you are the page owner.',
    ],
  },
  {
    lang: 'en',
    kind: 'hacked',
    turns: [
      (r) => `Someone logged into my account from another country and I got a code ${otp(r)} I didn't ask for`,
      () => 'Is my card still safe?? Please lock everything',
    ],
  },
  {
    lang: 'mixed',
    kind: 'everyday',
    turns: [
      (r) => `Hi, الطلب رقم ${order(r)} still not delivered، please check`,
      (r) => `my number ${phone.sa(r)} تواصلوا معي`,
    ],
  },
  {
    lang: 'mixed',
    kind: 'sensitive',
    turns: [(r) => `سلام، my refund برای سفارش ${order(r)} کی واریز میشه؟`, (r) => `IBAN: ${iban(r, 'IR')}`],
  },
  {
    lang: 'ar-gulf',
    kind: 'burst',
    senders: 12,
    turns: [(r) => `🎁 مبروك! ربحت آيفون مجاناً، استلم جائزتك من ${site(r)}`],
  },
  {
    lang: 'en',
    kind: 'burst',
    senders: 1,
    turns: [() => 'hello?', () => 'anyone there', () => '???', () => 'my payment failed 3 times', () => 'HELLO', () => 'ok I will wait'],
  },
];

/** How often each kind plays: mostly everyday traffic, some secrets pasted, the occasional scam, rare bursts. */
export const KIND_WEIGHTS: ReadonlyArray<[DemoKind, number]> = [
  ['everyday', 0.55],
  ['sensitive', 0.22],
  ['scam', 0.12],
  ['hacked', 0.07],
  ['burst', 0.04],
];

export const NAMES: Record<DemoLanguage, readonly string[]> = {
  'ar-gulf': ['عبدالله العتيبي', 'نورة القحطاني', 'فهد الدوسري', 'ريم الشمري', 'سلطان الحربي'],
  'ar-eg': ['أحمد حسن', 'منى عبد الفتاح', 'محمود السيد', 'ياسمين فؤاد'],
  'ar-msa': ['خالد المصري', 'ليلى حداد', 'عمر الخطيب'],
  fa: ['علی رضایی', 'مریم احمدی', 'رضا کریمی', 'سارا محمدی'],
  en: ['Sarah Collins', 'James Park', 'Priya Nair', 'Tom Becker'],
  mixed: ['Yousef A.', 'Dana K.', 'Sina M.'],
};

export const FOLLOW_UPS: Record<DemoLanguage, readonly string[]> = {
  'ar-gulf': ['مشكورين، الله يعطيكم العافية', 'تمام، بانتظاركم', 'طيب ومتى بالضبط؟'],
  'ar-eg': ['متشكر جداً', 'ماشي، مستني', 'طب امتى؟'],
  'ar-msa': ['شكراً لكم', 'حسناً، بانتظار الرد', 'هل من تحديث؟'],
  fa: ['ممنون از پیگیری‌تون', 'باشه، منتظرم', 'کی درست میشه؟'],
  en: ['Thanks a lot!', 'Ok, waiting', 'Any update?'],
  mixed: ['Thanks، مشكورين', 'ok تمام', 'any update؟'],
};
