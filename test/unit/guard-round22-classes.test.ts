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
