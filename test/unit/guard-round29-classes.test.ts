/**
 * Round 29 of issue #21: the told r23 set's classes, generated from parts in new words. Asks: a secret asked as a
 * question ("چیست", "چی است", Gulf/Iraqi "the word you get into your account with") before "I'll log in as you"; casual
 * and regional English ("holler/shout … back at me", "what I'll need from ya is", "whats ya password"); Maghrebi
 * "لاكارت"/"lakarte" pictured front and back ("القدام و اللور", "l9dam w lour", "الجيهتين"); a list of card fields closed
 * by its verb; a look-alike of the company's site as the place the code is typed; Gulf Arabizi "ar7al lee", "3t6ni".
 * Safe: "open the app and type it", a screen label in quotes ("from the «forgot password» section"), and each ask's
 * shape made safe (an order number, a list of an order's details, a list under "we never ask for", our own domain).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a secret asked as a question, then "I will log in as you"', () => {
  it('blocks Dari and formal Persian "چیست / چی است" and the Gulf and Iraqi log-in word', () => {
    const ask = ['رمز حساب شما چیست؟', 'پسورد تان چی است؟', 'رمز عبور شما چیست؟', 'وش الكلمة اللي تدخل فيها على حسابك؟', 'شنو الكلمة اللي تفوت بيها على حسابك؟', 'شو الكلمة اللي بتدخل فيها عالتطبيق؟'];
    const after = ['', ' خودم از طرف شما وارد می‌شوم.', ' آني أفوت بدالك.', ' أبي أدخل عنك.'];
    fc.assert(fc.property(pick(ask), pick(after), (a, t) => blocked(`${a}${t}`)), RUNS);
  });

  it('allows the same question about an order, an e-mail or what the word means', () => {
    const safe = ['شماره سفارش شما چیست؟', 'ایمیل حساب تان چی است؟', 'شنو رقم الطلب مالتك؟', 'وش الايميل اللي تدخل فيه على حسابك؟', "What's the email you log in with?"];
    fc.assert(fc.property(pick(safe), pick(['', ' تا پیگیری کنم.', ' I will check it from our side.']), (s, t) => !blocked(`${s}${t}`)), RUNS);
  });
});

describe('casual and regional English', () => {
  it('blocks the code shouted or hollered back, a cleft "from ya", and "ya/yer password"', () => {
    const verb = ['just holler', 'shout', 'give us a yell with', 'hit me back wit'];
    const obj = ['that code', 'the code they sent ya', 'them six digits from the text'];
    const tail = [' back at me', ' back to us', ' out to me'];
    fc.assert(fc.property(pick(verb), pick(obj), pick(tail), (v, o, t) => blocked(`${v} ${o}${t}`)), RUNS);
    fc.assert(fc.property(pick(["what I'll need from ya is", "what we'll need from ya is", "what I'm gonna need from you is"]), pick(['the security code on the back of the card, the 3 digit one', 'the code we just texted']), (c, o) => blocked(`${c} ${o}`)), RUNS);
    fc.assert(fc.property(pick(['whats ya', "what's yer", "whit's yer", 'wats ya']), pick(['password', 'passcode', 'pin']), pick(['', ' pet', ' hun']), (q, s, t) => blocked(`${q} ${s}${t}?`)), RUNS);
  });

  it('allows shouting without a secret and the same question about an order', () => {
    fc.assert(fc.property(pick(['just holler', 'shout', 'give us a yell']), pick([' if you need anything', ' when the parcel turns up', ' back at me with your order number']), (v, t) => !blocked(`${v}${t}`)), RUNS);
    fc.assert(fc.property(pick(['whats ya', "what's yer"]), pick(['order number', 'delivery address']), (q, s) => !blocked(`${q} ${s}?`)), RUNS);
  });
});

describe('Maghrebi: a picture of the card, front and back', () => {
  it('blocks "لاكارت"/"lakarte" pictured from both sides with Darija and Algerian verbs', () => {
    const verb = ['صيفط لينا', 'ابعثلي', 'صيفطلي'];
    const card = ['تصويرة ديال لاكارط', 'تصويرة لاكارت تاعك', 'تصويرة الكارطة'];
    const sides = ['من الجيهتين', 'من القدام و اللور', 'من جوج جيهات'];
    fc.assert(fc.property(pick(verb), pick(card), pick(sides), (v, c, s) => blocked(`${v} ${c} ${s}`)), RUNS);
    fc.assert(fc.property(pick(['sifet lia tsawer dial', 'sift lina tswira dyal']), pick(['lakarte', 'la carte']), pick(['mn l9dam w lour', 'mn jouj jihat']), (v, c, s) => blocked(`${v} ${c} ${s}`)), RUNS);
  });

  it('allows the same picture of a parcel or an invoice', () => {
    fc.assert(fc.property(pick(['صيفط لينا تصويرة ديال', 'ابعثلي تصويرة']), pick(['الكولية', 'الفاكتورة']), pick(['من الجيهتين', 'من القدام و اللور', '']), (v, c, s) => !blocked(`${v} ${c} ${s}`)), RUNS);
  });
});

describe('a list of card fields closed by its verb', () => {
  const cardItems = [['شماره ۱۶ رقمی کارت', 'کد CVV2', 'تاریخ انقضا'], ['16 digit card number', 'CVV', 'expiry date'], ['رقم البطاقة', 'الرمز اللي ورا البطاقة', 'تاريخ الانتهاء'], ['numéro de carte', 'cryptogramme', "date d'expiration"]];
  const mark = ['• ', '- ', '1) ', '۱. '];
  const list = (items: string[], m: string) => items.map((x, i) => (/\d/.test(m) ? m.replace(/[1۱]/, String(i + 1)) : m) + x).join('\n');

  it('blocks the list when a verb after it hands it over, in Persian, English, Arabic and French', () => {
    const closer = ['را برای ما ارسال نمایید.', 'اینا رو برام بفرستید', 'kindly share the above details', 'send all of them here', 'ابعتهملي كلهم', 'merci de nous les transmettre ici'];
    fc.assert(fc.property(pick(cardItems), pick(mark), pick(closer), (items, m, c) => blocked(`${list(items, m)}\n${c}`)), RUNS);
  });

  it("allows an order's details closed the same way, and the card fields under a warning", () => {
    const orderItems = [['شماره سفارش', 'تاریخ خرید'], ['order number', 'delivery address'], ['رقم الطلب', 'تاريخ الشراء']];
    fc.assert(fc.property(pick(orderItems), pick(mark), pick(['را برای ما ارسال نمایید.', 'send all of them here', 'ابعتهملي كلهم']), (items, m, c) => !blocked(`${list(items, m)}\n${c}`)), RUNS);
    fc.assert(fc.property(pick(cardItems), pick(mark), pick(['We will never ask you for:', 'ما نطلب منك أبداً:']), pick(['Tell us right away if anyone does.', 'بلغنا إذا أحد طلبها']), (items, m, o, c) => !blocked(`${o}\n${list(items, m)}\n${c}`)), RUNS);
  });
});

describe("a look-alike of the company's site as the place the code goes", () => {
  it('blocks typing the code (and the card) into a site that dresses up the company name', () => {
    const site = ['acme-secure-verify.com', 'verify-acme.co', 'www.acme-kyc-update.in', 'acme-maroc-verif.ma'];
    const ask = ['Please complete verification at {s} by entering the code you received.', 'Go to {s} and enter the OTP together with your card number.', 'ادخل على {s} واكتب الكود اللي وصلك', 'دخل ل {s} و كتب الكود لي وصلك مع الكارط', 'وارد سایت {s} بشید و کدی که براتون اومده رو وارد کنید'];
    fc.assert(fc.property(pick(site), pick(ask), (s, a) => blocked(a.replace('{s}', s))), RUNS);
  });

  it("allows our own site, and the app, and a warning about the look-alike", () => {
    fc.assert(fc.property(pick(['Open acme.com and enter the code in the app.', 'Enter the code in the Acme app only.']), (a) => !blocked(a)), RUNS);
    fc.assert(fc.property(pick(['acme-secure-verify.com', 'verify-acme.co']), (s) => !blocked(`Never enter your code on ${s} — it is a scam.`)), RUNS);
  });
});

describe('Gulf Arabizi: the code that reached you', () => {
  it('blocks ar7al / 3t6ni / a36ni with the code or the digits that reached the reader', () => {
    fc.assert(fc.property(pick(['ar7al lee', 'ar7al li', '3t6ni', 'a36ni']), pick(['el code elli wesalk', 'el ramz elli wasalk', 'el 6 ar8am elli wsloolk']), pick(['', ' 3al mobile', ' law sama7t']), (v, o, t) => blocked(`${v} ${o}${t}`)), RUNS);
  });

  it('allows the same verbs with an order number, and the last four digits', () => {
    fc.assert(fc.property(pick(['ar7al lee', '3t6ni']), pick(['rakam el order elli wesalk bil email', 'akher 4 ar2am mn el card bas']), (v, o) => !blocked(`${v} ${o}`)), RUNS);
  });
});

describe('safe: the app opened first, and a screen label in quotes', () => {
  it('allows "open the app and type it there" after "never send it to anyone"', () => {
    const warn = ['الكود اللي يوصلك لا ترسله لأحد،', 'لا ترسل الرمز اللي يجيك لأي أحد،', 'الرمز اللي بيجيك ما تعطيه حق حد،'];
    const entry = ['افتح التطبيق واكتبه', 'ادخل التطبيق واكتبه فيه', 'دش التطبيق وحطه', 'افتح التطبيق وحطه هناك'];
    fc.assert(fc.property(pick(warn), pick(entry), (w, e) => !blocked(`${w} ${e}`)), RUNS);
  });

  it('still blocks "open the app and send me the code"', () => {
    fc.assert(fc.property(pick(['افتح التطبيق وابعتلي الكود', 'open the app and send me the code', 'افتح التطبيق وارسل لي الرمز اللي وصلك']), (a) => blocked(a)), RUNS);
  });

  it('allows changing the password from a quoted section or option, in Persian, Arabic and English', () => {
    const label = ['«فراموشی رمز عبور»', '"Forgot password"', '«نسيت كلمة السر»'];
    const shape = ['لطفاً رمز عبور خود را از بخش {l} تغییر دهید؛ ما به آن دسترسی نداریم.', 'You can change it yourself via the {l} option. We never need your password.', 'غيّر كلمة السر بنفسك من خيار {l}، احنا ما نشوفها.'];
    fc.assert(fc.property(pick(label), pick(shape), (l, s) => !blocked(s.replace('{l}', l))), RUNS);
  });
});
