/**
 * Round 22 of issue #21: the r16 set's false-block classes by cause, generated from parts. "There is no one / no need"
 * in the dialects (Iraqi ماكو, Gulf and Levantine مافي, Egyptian مفيش) negates the asker or the hand-over it governs —
 * and only those, so "no problem, send me the code" still asks; a condition joined by و/ف ("ولو جاك اتصال يطلب منك
 * الكود") reports a caller's words; a Persian or Tajik clause whose verb is a negated "be" ("کد توش نباشه") or "hide"
 * ("рамзро пинҳон кунед") keeps the code out of the picture asked for; a code the system received (Hinglish "receive ho
 * gaya", "وصل للنظام", "دریافت شد") is a confirmation; the last four in French inside Darija; the agent's own look at
 * an ID in person; Caribbean "inna di app yuhself".
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('"there is no one / no need" in the dialects', () => {
  it('never blocks "no employee asks you for it" × dialect × verb × secret × a self-entry tail', () => {
    const nobody = ['ماكو أي موظف من الشركة', 'ماكو احد منا', 'مافي أي موظف عندنا', 'ما في حدا من الشركة', 'مفيش أي موظف', 'ماكو موظف'];
    const verb = ['يطلب منك', 'راح يطلب منك', 'بيطلب منك', 'حيطلب منك'];
    const secret = ['الرمز', 'الكود', 'الرقم السري', 'الباسوورد', 'الرمز أو الباسوورد'];
    const tail = ['', '. الرمز تكتبه إنت بالتطبيق وبس', '، وانت بس تدخله بالتطبيق بنفسك'];
    fc.assert(fc.property(pick(nobody), pick(verb), pick(secret), pick(tail), (n, v, s, t) => !blocked(`${n} ${v} ${s}${t}`)), RUNS);
  });

  it('never blocks a confirmation the system received the code × "no need to send it to anyone"', () => {
    const received = [
      'الرمز وصل للنظام وتم التحقق ✅', 'الكود وصل للسيستم والحساب اتفعل', 'Sir aapka OTP system mein receive ho gaya hai', 'aapka code mil gaya hai, verification complete hai',
      'کد تایید دریافت شد و حساب فعال شد', 'Your code came through and the account is verified ✅', 'تم استلام رمز التحقق',
    ];
    const noNeed = ['', '. ماكو داعي تدزه لأي أحد', '، ما يحتاج ترسله لأحد', '. مافي داعي ترسله لحدا', '، مفيش داعي تبعته لحد', '. No need to share it with anyone', '. نیازی نیست به کسی بدیش'];
    fc.assert(fc.property(pick(received), pick(noNeed), (r, n) => !blocked(`${r}${n}`)), RUNS);
  });

  it('still blocks an ask after "no problem" (ماكو مشكلة, مافي مشكلة, مفيش مشكلة)', () => {
    const noProblem = ['ماكو مشكلة', 'مافي مشكلة', 'مفيش مشكلة', 'ما في مشكلة'];
    const ask = ['دزلي الكود', 'ابعتلي الكود هنا', 'ارسل لي الرمز اللي وصلك', 'اكتبلي الرقم السري'];
    fc.assert(fc.property(pick(noProblem), pick(ask), (n, a) => blocked(`${n}، ${a}`)), RUNS);
  });
});

describe('a caller in a condition, a covered code, a self-entry', () => {
  it('never blocks "and if a call asks you for the code, hang up" with و/ف on the condition', () => {
    const cond = ['ولو', 'فلو', 'وإذا', 'ولما'];
    const caller = ['جاك أي اتصال', 'اتصل فيك أحد', 'كلمك واحد'];
    const secret = ['الكود', 'الرمز', 'الرقم السري'];
    const act = ['سكّر بوجهه', 'لا ترد عليه', 'بلّغنا'];
    fc.assert(fc.property(pick(cond), pick(caller), pick(secret), pick(act), (c, w, s, a) => !blocked(`الحساب تفعّل ✅ ${c} ${w} يطلب منك ${s} ${a}`)), RUNS);
  });

  it('never blocks a screenshot of the error whose code is to stay out (Persian negated "be", Tajik "hide")', () => {
    const fa = fc.tuple(pick(['یه عکس از صفحه‌ی خطا بفرست', 'از ارور یه اسکرین‌شات بفرستید', 'یه اسکرین از پیغام خطا برام بفرست']), pick(['ولی کد یا رمز توش نباشه', 'فقط کد توش معلوم نباشه', 'ولی رمز توی عکس نباشه', 'اما کد دیده نشه']));
    const tj = fc.tuple(pick(['Илтимос, скриншоти хаторо фиристед,', 'Акси экрани хаторо фиристед,']), pick(['вале рамзу кодро пинҳон кунед.', 'аммо рамзро пӯшонед.', 'вале кодро пинҳон кунед.']));
    fc.assert(fc.property(fa, tj, ([a, b], [c, d]) => !blocked(`${a}، ${b}`) && !blocked(`${c} ${d}`)), RUNS);
  });

  it('still blocks a Tajik ask for the PIN (пин, not пинҳон)', () => {
    fc.assert(fc.property(pick(['Пинро ба ман нависед.', 'Пин кодро ба ман фиристед.', 'Лутфан пини кортатонро гӯед.']), (t) => blocked(t)), RUNS);
  });

  it('never blocks a Caribbean warning that ends "yuh put it inna di app yuhself"', () => {
    const warn = ['Nuh badda give nobody di code.', 'Nuh give nobody di OTP, not even if dem seh dem from wi.', 'Nobody from wi a go ask fi di code.'];
    const self = ['Yuh put it inna di app yuhself.', 'Type it inna di app yuhself.', 'Yuh put it in di app yaself.'];
    fc.assert(fc.property(pick(warn), pick(self), (w, s) => !blocked(`${w} ${s}`)), RUNS);
  });
});

describe('fine asks and the branch', () => {
  it('never blocks the last four in French inside Darija, Algerian and Tunisian, with or without "nothing else"', () => {
    const verb = ['ابعثلي برك', 'عطيني غير', 'صيفطلي غير', 'ab3athli ken', 'Envoyez-moi seulement'];
    const last = ['les 4 derniers chiffres', 'les quatre derniers chiffres', 'les 4 derniers numéros'];
    const card = ['تاع la carte', 'ديال la carte', 'de la carte', 'mta3 el carte'];
    const more = ['', ' و le numéro de commande', ' و رقم الطلب'];
    const nothing = ['', '، ومتبعثش حتى حاجة أخرى', '، ماشي حاجة أخرى'];
    fc.assert(fc.property(pick(verb), pick(last), pick(card), pick(more), pick(nothing), (v, l, c, m, n) => !blocked(`${v} ${l} ${c}${m}${n}`)), RUNS);
  });

  it('never blocks what the agent will do with an ID in person (الوكيل), with a PIN warning after', () => {
    const go = ['إذا رحت للوكيل', 'لا رحت للوكيل في المكلا', 'لما تروح الوكيل'];
    const check = ['با يطلب منك البطاقة الشخصية يشوفها ويرجّعها لك', 'بيطلب منك الهوية يشوفها ويرجعها لك', 'بيطلب منك البطاقة يطالعها ويردها لك'];
    const warn = ['', '. بس لا تعطيه الرقم السري حق المحفظة', '، ولا تعطيه الرمز أبد'];
    fc.assert(fc.property(pick(go), pick(check), pick(warn), (g, c, w) => !blocked(`${g} ${c}${w}`)), RUNS);
  });
});

describe('the card described by place, count and length', () => {
  it('blocks the code with its place first, then the count (Persian, English), and a pronoun for it in the next sentence', () => {
    const place = ['پشت کارتت', 'پشت کارت بانکیت', 'پشت کارتتون کنار امضا'];
    const there = ['سه تا عدد کوچیک هست', 'سه تا رقم نوشته شده', 'یه عدد سه رقمی هست'];
    const ask = ['اونا رو برام تایپ کن', 'اونا رو برام بنویس', 'همونا رو اینجا بفرست'];
    fc.assert(fc.property(pick(place), pick(there), pick(ask), (p, t, a) => blocked(`${p} ${t}. ${a}`)), RUNS);
  });

  it('blocks the card number by its length and the code by place behind a prefix (Levantine, Darija, Tajik)', () => {
    const want = ['بدي منك', 'ابعتلي', 'خاصني', 'عطيني'];
    const number = ['الأرقام الـ16 يلي عالكرت', 'الستة عشر رقم اللي على البطاقة', 'الـ16 رقم تبع الكرت'];
    const code = ['التلات أرقام يلي عضهره', 'les 3 chiffres اللي موراها', 'التلات أرقام اللي عالضهر'];
    const tj = ['Се рақами пушти корт ва санаи анҷомашро нависед.', 'Лутфан се рақами пушти кортро фиристед.', 'Рақамҳои пушти кортатонро гӯед.'];
    fc.assert(fc.property(pick(want), pick(number), pick(code), pick(tj), (w, n, c, t) => blocked(`${w} ${n}`) && blocked(`${w} ${c}`) && blocked(t)), RUNS);
  });

  it('blocks a Caribbean ask for the back digits or the card\'s picture', () => {
    const asks = ['Weh di three number dem pon di back a di card?', 'Weh di three digit dem pon di back a yuh card?', "Yuh can sen' mi a picture a di card, front an back?", 'Sen mi a picture a di card, front an back'];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });

  it('never blocks the Jamaican "the code we sent you" in a warning', () => {
    const warn = ['Di code weh wi sen yuh, put it inna di app yuhself.', 'Mi a go sen yuh a code. Nuh give it to nobody.', 'Di code weh wi sen yuh, nuh give it to nobody.'];
    fc.assert(fc.property(pick(warn), (w) => !blocked(w)), RUNS);
  });
});

describe('"send it here, I\'ll enter it" and both faces', () => {
  it('blocks a code announced, then a bare "send it here" with the writer\'s own entry after it (× dialect × reason)', () => {
    const cases = fc.oneof(
      fc.tuple(pick(['یه کد شیش رقمی الان برات میاد', 'الان یه پیامک با کد برات میاد', 'یه کد برات اس ام اس میشه']), pick(['همینجا بفرست خودم میزنم برات', 'همینجا بفرست، خودم وارد میکنم', 'اینجا بنویس خودم میزنمش'])).map(([a, b]) => `${a}، ${b}`),
      fc.tuple(pick(['yjik code fi SMS', 'bywslk code bel message', 'jak code al7in']), pick(['rasla li hni, ana adkhela min 3indi', 'irsil li hni, ana adkhel', 'rasla li hni w ana akammel'])).map(([a, b]) => `${a}, ${b}`),
      fc.tuple(pick(['twa twsslk resala fiha ra9m', 'taw tjik resala fiha code']), pick(['nbik tb3tholi hni bel zarba', 'tb3tholi hni 9bal ma yfot el wa9t', 'ab3thholi hni'])).map(([a, b]) => `${a}, ${b}`),
      pick(['کود ره به مه بتین که مه از اینجه داخل کنم', 'کود ره به مه بتید، مه خودم داخل میکنم']),
    );
    fc.assert(fc.property(cases, (t) => blocked(t)), RUNS);
  });

  it('blocks both faces of a card or ID named earlier in the same clause, and a purpose that verifies "your identity" first', () => {
    const doc = ['البطاقة الجديدة', 'الهوية', 'البطاقة البنكية'];
    const modal = ['لازم', 'لازم كمان', 'بدي'];
    const send = ['تبعتلي صورة إلها من الوجهين', 'تبعتلي صورتها من الجهتين', 'تدزلي صورة إلها من الوجهين'];
    const purpose = ['لكي نتحقق من هويتك نرجو أن ترسل صورة واضحة لبطاقة الهوية من الوجهين', 'للتأكد من هويتك يرجى إرسال صورة الهوية من الجهتين'];
    fc.assert(fc.property(pick(doc), pick(modal), pick(send), pick(purpose), (d, m, s, p) => blocked(`${d} ${m} ${s}`) && blocked(p)), RUNS);
  });

  it('blocks "the system won\'t accept it until you send me …" (Iraqi, Gulf, Levantine)', () => {
    const system = ['السستم ما يقبل الطلب', 'النظام ما يمشي الطلب', 'السيستم ما بيقبل'];
    const until = ['إلا لما', 'الا اذا', 'إلا بعد ما'];
    const ask = ['تدزلي صورة الهوية من الجهتين', 'ترسل لي صورة البطاقة من الوجهين', 'تبعتلي صورة الهوية من الوجهين'];
    fc.assert(fc.property(pick(system), pick(until), pick(ask), (s, u, a) => blocked(`${s} ${u} ${a}`)), RUNS);
  });
});

describe('Hinglish "send it to me here" and an English branch check', () => {
  it('blocks a code announced, then "mujhe yahan bhej dijiye" with or without "wo"/"use" and the writer\'s own entry', () => {
    const announced = ['Sir OTP aayega abhi', 'Aapke phone pe ek code aayega', 'Ma\'am verification code SMS mein aayega'];
    const ask = ['mujhe yahan bhej dijiye', 'wo mujhe yahan bhej dijiye', 'use mujhe bhej dijiye', 'yahan likh dijiye'];
    const tail = ['', ', main system mein daal dunga', ', main khud enter kar dunga'];
    fc.assert(fc.property(pick(announced), pick(ask), pick(tail), (a, k, t) => blocked(`${a}, ${k}${t}`)), RUNS);
  });

  it('never blocks what staff at a branch give back, nor a Hinglish warning with the same verbs', () => {
    const branch = ['At the branch', 'When you visit our office', 'At the counter'];
    const staff = ['they will check your Emirates ID and give it back', 'the teller looks at your ID and hands it back', 'the officer will see your passport and give it back to you'];
    const warn = ['', '. Never tell them your PIN', '. They will never ask for the OTP'];
    const hinglish = ['OTP aayega, kisi ko mat bhejiye', 'OTP aayega, mujhe mat bhejiye, app mein khud daaliye'];
    fc.assert(fc.property(pick(branch), pick(staff), pick(warn), pick(hinglish), (b, s, w, h) => !blocked(`${b} ${s}${w}.`) && !blocked(h)), RUNS);
  });
});
