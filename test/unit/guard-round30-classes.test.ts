/**
 * Round 30 of issue #21: the told r24 set's classes, generated from parts in new words. Asks: a message the reader got,
 * named, then handed on to us in the same clause (Gulf and Egyptian Arabizi "dawwer … w dizha hni", "copy-ha hni");
 * a code asked for in words or letters to pass a filter ("in words", "بالحروف", "با حروف", "bel 7roof", its bare digits);
 * a PIN or PUK asked with only its owner and a question mark ("SIM PUK?", "رمز پوک سیم‌کارتتون؟", "كود الـPUK حق
 * الشريحة؟"); one step left, then the secret on its own; Tajik "it" after a code or a message named before; Sudanese and
 * Yemeni paste and copy verbs; the card's three digits by the signature strip; Dari "برم" and "همونه ره"; French
 * "renvoyez". Safe: each ask's shape made safe — a message said to hold a tracking or order number, spelling out under a
 * warning or into the app, an order number asked with a question mark, a step done in the app, Tajik "it" under a warning
 * or written down for oneself, the three digits kept to oneself, Scouse "la" ending a harmless sentence.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a message named, then handed on to us in the same clause', () => {
  const find = ['dawwer', 'dawer', 'shoof', 'dawar 3ala'];
  const message = ['el resala elly wsltk mn acme', 'el sms elli yatk min acme', 'el message elly gatlak men acme'];
  it('blocks it put, sent, copied or pasted here', () => {
    const hand = ['w dizha hni', 'w 7ottaha hni', 'w copy paste hni', 'w ab3atha hena', 'w 7ata hni'];
    fc.assert(fc.property(pick(find), pick(message), pick(hand), (f, m, h) => blocked(`${f} ${m} ${h}`)), RUNS);
  });

  it('allows it kept, and a message said to hold a tracking or order number', () => {
    fc.assert(fc.property(pick(find), pick(message), pick(['w la tarsla 7ag a7ad', 'w ma tb3atha l 7ad']), (f, m, h) => !blocked(`${f} ${m} ${h}`)), RUNS);
    fc.assert(fc.property(pick(['الرسالة الجاتك فيها رقم التتبع،', 'الرسالة اللي جاتك فيها رقم الطلب،', 'the text you got has the tracking number,']), pick(['ابعتها لي هنا', 'كوبيها ولصقها لي هنا', 'send it to me here']), (m, h) => !blocked(`${m} ${h}`)), RUNS);
  });
});

describe('a code asked for in words or letters, to pass a filter', () => {
  it('blocks the code or its digits spelt out to us, in four languages', () => {
    const byLanguage: Array<[string[], string[]]> = [
      [['write the code in words', 'spell the OTP out for me', 'try typing the code with letters'], ['', ', like four one nine', ' so the system does not delete it']],
      [['اكتبلي الكود بالحروف', 'ابعت الرمز بالكلمات', 'ktebli el code bel 7roof'], ['', '، واحد تلاتة سبعة', '، عشان النظام ما يمسحه']],
      [['کد رو با حروف بنویس برام', 'عددا رو با حروف بنویس برام'], ['', '، مثلا یک سه هفت', ' که سیستم پاکش نکنه']],
      [['écrivez le code en toutes lettres ici'], ['', ', par exemple quatre un neuf']],
    ];
    for (const [ask, why] of byLanguage) fc.assert(fc.property(pick(ask), pick(why), (a, w) => blocked(`${a}${w}`)), RUNS);
  });

  it('allows a warning against it, the app, and an amount written in words', () => {
    const safe = ['Never send your code to anyone, not in digits and not spelled out in words.', 'متبعتش الكود لحد لا بالأرقام ولا بالحروف', 'please write the amount in words on the form', "n'écrivez jamais votre code, ni en chiffres ni en toutes lettres", 'اكتب الكود بالحروف في التطبيق'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('a PIN or PUK asked with only its owner and a question mark', () => {
  it('blocks the PUK or PIN with the SIM, the card or the line, in Persian, Arabic and English', () => {
    const ask = ['رمز پوک سیم‌کارتتون', 'کد پوک سیم کارت', 'رمز الـPUK حق الشريحة', 'كود البوك بتاع الخط', 'SIM PUK', 'puk code', 'الرقم السري للبطاقة', 'الرقم السري بتاع الفيزا', 'ur card PIN'];
    fc.assert(fc.property(pick(ask), pick(['؟', '?', ' ?']), (a, q) => blocked(`${a}${q}`)), RUNS);
  });

  it('allows the same question for a number that is no secret', () => {
    fc.assert(fc.property(pick(['SIM number', 'SIM serial', 'رقم الشريحة', 'شماره سفارشتون', 'کد پستی', 'Order number']), pick(['؟', '?']), (a, q) => !blocked(`${a}${q}`)), RUNS);
  });
});

describe('one step left, then the secret on its own', () => {
  const step = ['باقي خطوة وحدة:', 'ضلّت خطوة وحدة:', 'خطوة أخيرة:', 'Last step:', 'One more step:', 'فقط یه مرحله مونده:'];
  it('blocks the full card number and its expiry after it, in Arabic, English and Persian', () => {
    const byLanguage: Array<[string[], string[], string[]]> = [
      [['باقي خطوة وحدة:', 'ضلّت خطوة وحدة:', 'خطوة أخيرة:', 'ما ظل شي:'], ['رقم البطاقة كامل مع تاريخ الانتهاء', 'رقم الكارت كله وتاريخ انتهاءه'], ['', ' عشان نفعّل القسط الشهري']],
      [['Last step:', 'One more step:', 'Just one more step:'], ['the full card number with its expiry date', 'your full card number and the expiry'], ['', ' so the monthly plan can start']],
      [['فقط یه مرحله مونده:', 'یه مرحله دیگه مونده:'], ['شماره کامل کارت با تاریخ انقضا'], ['', ' که قسط ماهانه فعال بشه']],
    ];
    for (const [steps, secrets, why] of byLanguage) fc.assert(fc.property(pick(steps), pick(secrets), pick(why), (s, x, w) => blocked(`${s} ${x}${w}`)), RUNS);
  });

  it('allows a step done in the app, or an order number', () => {
    fc.assert(fc.property(pick(step), pick(['اختار عدد الأشهر من التطبيق', 'pick how many months in the app and confirm', 'رقم الطلب عشان نتابع']), (s, x) => !blocked(`${s} ${x}`)), RUNS);
  });
});

describe('Tajik: "it" after a code or a message named before', () => {
  const came = ['Код омад?', 'Паёмак омад?', 'Ба телефонатон код омад?', 'SMS гирифтед?'];
  it('blocks it sent or told to us, or written here', () => {
    fc.assert(fc.property(pick(came), pick(['Онро ба ман фиристед', 'Онро ин ҷо нависед', 'Рақамашро гӯед', 'Онро ба мо фиристед']), (c, h) => blocked(`${c} ${h}`)), RUNS);
  });

  it('allows it kept from everyone, entered in the app, or written down', () => {
    fc.assert(fc.property(pick(came), pick(['Онро ба ҳеҷ кас нафиристед', 'Онро худатон дар барнома ворид кунед', 'Агар касе онро пурсад, ба мо хабар диҳед']), (c, h) => !blocked(`${c} ${h}`)), RUNS);
    fc.assert(fc.property(pick(['Рамзи нав гузоред.', 'Рамзатонро иваз кунед.']), pick(['Онро дар ҷои бехатар нависед', 'Онро дар дафтарча нависед']), (c, h) => !blocked(`${c} ${h}`)), RUNS);
  });
});

describe('haste either side of a bare hand-over verb', () => {
  it('blocks "quick, send it" after a code is announced', () => {
    const came = [['یه کد میاد', 'الان یه کد براتون میاد'], ['a code is coming', "you'll get a code now"], ['بيجيك كود الحين', 'رح يوصلك كود']] as const;
    const hand = [['زود بفرست', 'بفرست زود', 'سریع بفرست برام'], ['quick, send it', 'send it quick', 'send it fast'], ['ابعتهولي بسرعة', 'يلا ارسله لي', 'بسرعة ابعتلي ياه']] as const;
    came.forEach((c, i) => fc.assert(fc.property(pick(c), pick(hand[i]!), (a, h) => blocked(`${a}\n${h}`)), RUNS));
  });

  it('allows haste in the app or the writer\'s own', () => {
    fc.assert(fc.property(pick(['یه کد میاد', 'الان یه کد براتون میاد']), pick(['زود تو اپ بزن', 'ما زود میفرستیم', 'سریع خودت تو برنامه واردش کن']), (a, h) => !blocked(`${a}\n${h}`)), RUNS);
    fc.assert(fc.property(pick(['a code is coming', "you'll get a code now"]), pick(['quick, type it in the app', "we'll send it quick", 'pop it in the app fast']), (a, h) => !blocked(`${a}\n${h}`)), RUNS);
  });
});

describe('copied, pasted, the card\'s three digits, Dari "for me", French "renvoyez"', () => {
  it('blocks each in its voice', () => {
    const asks = [
      ['الرسالة الجاتك دي فيها نمر، ', 'المسج اللي وصلك توه فيه أرقام، '],
      ['كوبيها ولصقها لي هنا', 'انسخها والزقها هني', 'لصقها لي هنا'],
    ];
    fc.assert(fc.property(pick(asks[0]!), pick(asks[1]!), (m, h) => blocked(`${m}${h}`)), RUNS);
    fc.assert(fc.property(pick(['tell us', 'read me', 'need']), pick(['the three little numbers by the signature strip', 'them 3 little ones off the back of ur card', 'the three wee numbers on the back']), pick(['', ' la', ', sound']), (v, o, t) => blocked(`${v} ${o}${t}`)), RUNS);
    fc.assert(fc.property(pick(['یک کود روان شد', 'کود آمد؟', 'یه کد میاد']), pick(['همونه ره برم بفرست', 'برم بفرست', 'همو ره برم بنویس']), (c, h) => blocked(`${c}\n${h}`)), RUNS);
    fc.assert(fc.property(pick(['Pour en profiter, renvoyez le code reçu par SMS à ce numéro.', 'Renvoyez-nous le code reçu, merci.']), (s) => blocked(s)), RUNS);
  });

  it('allows the same words in a warning, and a Scouse "la" that asks nothing', () => {
    const safe = [
      'the three numbers by the signature strip are your security code, never share them with anyone',
      'keep the 3 numbers on the back of your card to yourself',
      'dead easy la, just tap pay in the app',
      'Attention : le SMS « renvoyez le code reçu à ce numéro » est une arnaque, ne répondez pas.',
      'یه کد میاد\nهمونو\nخودت تو برنامه وارد کن، برای من نفرست',
    ];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});
