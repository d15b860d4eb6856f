/**
 * Parts a request is made of, per voice, for the composed-request property tests (guard-compose.test.ts): who is
 * addressed politely, a verb that hands something over to us, the secret (named or described), where it goes, and
 * the same verb carrying a pronoun for the follow-up sentence. Written independently of the guard's lexicons, in
 * each voice's own spelling; a composition of them must be blocked, and the same parts under a negation, with the
 * writer acting, or typed into the app, must not.
 */
export interface Voice {
  name: string;
  polite: string[];
  verbs: string[];
  secrets: string[];
  /** Object first, verb last (Arabic topicalised, Persian را/رو). `{s}` is the secret. */
  objectFirst?: string[];
  /** A first sentence saying a code reached the reader, and a second that asks for "it". */
  mention: string[];
  followUp: string[];
  /** Safe: a warning, our own sending, or entry in the app, with `{s}` for the secret. */
  safe: string[];
}

export const VOICES: Voice[] = [
  {
    name: 'english',
    polite: ['', 'Please ', 'Kindly ', 'Pls ', 'Hi! ', 'Sir, ', 'Ok so ', 'Quick one: '],
    verbs: ['send me', 'share', 'give me', 'tell me', 'read out', 'forward', 'type here', 'drop', 'post', 'confirm', 'let me know', 'provide'],
    secrets: ['the code', 'your OTP', 'the 6-digit code', 'your password', 'the PIN for your card', 'your card number', 'the CVV', 'the security code on the back', 'the digits from our text', 'the numbers in the SMS we sent'],
    mention: ['We just texted you a code', 'A verification code is on its way', 'You should have an SMS from us now', 'Our system sent a code to your phone'],
    followUp: ['Send it to me', 'Share it here', 'Paste it below', 'Read it out to me', 'Can you forward it?', 'Tell me what it says'],
    safe: ['Never share {s} with anyone', 'We will never ask for {s}', 'Do not give {s} to anyone who calls', 'We have sent {s} to your phone', 'Enter {s} in the app yourself'],
  },
  {
    name: 'egyptian',
    polite: ['', 'لو سمحت ', 'من فضلك ', 'يا فندم ', 'حضرتك ', 'معلش '],
    verbs: ['ابعتلي', 'ابعت', 'اكتبلي', 'قولي', 'اديني', 'هات', 'ابعتهولنا', 'صورلي'],
    secrets: ['الكود', 'كود التأكيد اللي وصلك', 'الباسورد', 'الرقم السري', 'رقم الفيزا', 'الأرقام اللي في الرسالة', 'كلمة السر', 'التلات أرقام اللي ورا الكارت'],
    objectFirst: ['{s} ابعتهولي', '{s} قولهولي', '{s} اكتبهولي هنا'],
    mention: ['جالك كود دلوقتي', 'بعتنالك رسالة فيها كود', 'هيوصلك كود على موبايلك'],
    followUp: ['ابعتهولي', 'قولهولي', 'اكتبه هنا', 'ابعته هنا'],
    safe: ['متديش {s} لحد', 'اوعى تبعت {s} لأي حد', 'احنا عمرنا ما هنطلب {s}', 'هنبعتلك {s} على الموبايل', 'دخل {s} في الأبليكيشن بنفسك'],
  },
  {
    name: 'levantine',
    polite: ['', 'اذا بتريد ', 'لو سمحت ', 'من فضلك ', 'يعطيك العافية، '],
    verbs: ['ابعتلي', 'احكيلي', 'قلي', 'عطيني', 'بعتلي', 'اكتبلي'],
    secrets: ['الرمز', 'الكود اللي إجاك', 'كلمة السر تبعك', 'الرقم السري تبع البطاقة', 'رقم البطاقة كامل', 'الأرقام اللي بالمسج'],
    mention: ['إجاك رمز هلق', 'بعتنالك مسج فيه كود'],
    followUp: ['ابعتلي ياه', 'احكيلي شو هو', 'بعتلي ياه هون', 'ابعتو هون'],
    safe: ['ما تعطي {s} لحدا', 'نحنا ما منطلب {s} أبداً', 'حط {s} بالتطبيق'],
  },
  {
    name: 'gulf',
    polite: ['', 'لو سمحت ', 'الله يعافيك ', 'طال عمرك '],
    verbs: ['ارسل لي', 'عطني', 'دز لي', 'قل لي', 'خبرني', 'ابي', 'ارسل'],
    secrets: ['الرمز', 'رمز التحقق اللي وصلك', 'كلمة المرور', 'الرقم السري حق البطاقة', 'رقم البطاقة', 'الكود اللي جاك على الجوال'],
    mention: ['وصلك رمز على جوالك', 'جاك كود الحين'],
    followUp: ['ارسله لي', 'دزه لي', 'عطني اياه'],
    safe: ['لا تعطي {s} لأحد', 'ما نطلب {s} أبد', 'سيتم إرسال {s} على جوالك'],
  },
  {
    name: 'maghrebi',
    polite: ['', 'عافاك ', 'الله يخليك ', 'من فضلك '],
    verbs: ['صيفط ليا', 'صيفطلي', 'عطيني', 'قول ليا', 'كتب ليا', 'ابعثلي', 'سيفط'],
    secrets: ['الكود', 'الكود اللي جاك فالميساج', 'المودباس', 'الرقم السري ديال الكارطة', 'نمرة الكارطة', 'الكود ديال التأكيد'],
    mention: ['جاك واحد الكود دابا', 'صيفطنا ليك ميساج فيه الكود'],
    followUp: ['صيفطو ليا', 'عطيهولي', 'قولو ليا'],
    safe: ['ما تعطي {s} لحتى واحد', 'حنا عمرنا ما نطلبو {s}', 'دخل {s} فالتطبيق'],
  },
  {
    name: 'msa',
    polite: ['يرجى ', 'نرجو ', 'الرجاء ', 'عميلنا العزيز، يرجى '],
    verbs: ['إرسال', 'تزويدنا ب', 'ذكر', 'كتابة', 'مشاركة', 'إخبارنا ب'],
    secrets: ['رمز التحقق', 'كلمة المرور', 'الرقم السري للبطاقة', 'رقم البطاقة كاملاً', 'الرمز المرسل إلى هاتفك', 'رمز الأمان الموجود خلف البطاقة'],
    mention: ['تم إرسال رمز تحقق إلى هاتفك'],
    followUp: ['يرجى إرساله لنا', 'نرجو كتابته هنا'],
    safe: ['لا تشارك {s} مع أي شخص', 'لن نطلب منك {s} أبداً', 'سيتم إرسال {s} إليك', 'أدخل {s} في التطبيق فقط'],
  },
  {
    name: 'arabizi',
    polite: ['', 'law sama7t ', 'momken ', 'plz '],
    verbs: ['ab3atli', 'eb3atli', '2oli', 'edini', 'ekteb', '3tini', 'sifetli'],
    secrets: ['el code', 'el code elli galak', 'el password', 'el pin', 'ra2am el card', 'el ramz'],
    mention: ['galak code dlwa2ti', 'ba3atnalak code'],
    followUp: ['ab3at-holi', 'ab3atholi', '2olholi'],
    safe: ['matiddish {s} l7ad', 'e7na 3omrena ma hanetlob {s}'],
  },
  {
    name: 'persian-formal',
    polite: ['', 'لطفاً ', 'خواهشمند است ', 'مشتری گرامی، ', 'احتراماً '],
    verbs: ['ارسال نمایید', 'اعلام فرمایید', 'ذکر کنید', 'درج نمایید', 'بفرستید', 'مرقوم فرمایید', 'در اختیار ما قرار دهید'],
    secrets: ['کد تأیید', 'رمز یکبار مصرف', 'رمز دوم کارت', 'گذرواژه حساب', 'شماره کامل کارت', 'کد ارسال‌شده به تلفن همراه'],
    objectFirst: ['{s} را {v}', '{s} خود را {v}', '{s} دریافتی را جهت بررسی {v}'],
    mention: ['کد تأیید برای شما ارسال شد', 'پیامکی حاوی کد برایتان فرستادیم'],
    followUp: ['لطفاً آن را ارسال نمایید', 'آن را اعلام فرمایید'],
    safe: ['{s} را در اختیار هیچ‌کس قرار ندهید', 'همکاران ما هرگز {s} را درخواست نمی‌کنند', '{s} را فقط در برنامه وارد کنید'],
  },
  {
    name: 'persian-colloquial',
    polite: ['', 'لطفا ', 'ببخشید ', 'قربونت '],
    verbs: ['بفرست', 'بگو', 'بنویس', 'بده', 'بخون', 'بفرستین', 'بگین'],
    secrets: ['کد', 'کدی که اومد', 'رمزتو', 'رمز کارتتو', 'پسوردتو', 'شماره کارتتو', 'اون عددی که برات اومد'],
    objectFirst: ['{s} رو {v}', '{s} رو برام {v}', '{s} رو اینجا {v}'],
    mention: ['یه کد برات اومد', 'الان یه پیامک برات فرستادیم'],
    followUp: ['بفرستش', 'بگو چیه', 'برام بخونش', 'بفرستیدش'],
    safe: ['{s} رو به هیچکس نده', 'ما هیچوقت {s} رو نمی‌خوایم', '{s} رو توی اپ بزن'],
  },
  {
    name: 'finglish',
    polite: ['', 'lotfan ', 'bebakhshid ', 'mishe '],
    verbs: ['befrest', 'bego', 'benevis', 'bede', 'befrestin', 'begin'],
    secrets: ['code', 'code ke oomad', 'ramzet', 'ramze cartet', 'passet', 'shomare karte'],
    objectFirst: ['{s} ro {v}', '{s} ro baram {v}', '{s} ro inja {v}'],
    mention: ['ye code barat oomad', 'ye payamak barat ferestadim'],
    followUp: ['befrestesh', 'begu chie', 'baram bekhunesh'],
    safe: ['{s} ro be hichkas nade', 'ma hichvaght {s} ro nemikhaym'],
  },
];
