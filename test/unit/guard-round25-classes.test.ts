/**
 * Round 25 of issue #21: the told r19 set's false blocks by cause, generated from parts in new words and languages.
 * A warning names the secret and tells the customer to keep it — "share it with anyone", "لحدا", "kisi ko", "به هیچ
 * کس", with whatever negator the language uses or none — or quotes the scammer's words between single quotes that hold
 * an apostrophe; a relative is told to type the code themselves; a demonstrative before a harmless noun ("that
 * error") or a picture "of" something ("صورة عن رسالة الخطأ") is no "it" standing for the code named before; Dari
 * "کده/کدی" after a light verb's noun is "did", not "code"; an ID its third-person owner carries to a branch. Each beside
 * the ask it must not hide.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

const SECRETS_EN = ['your code', 'the OTP', 'your password', 'your PIN', 'the code or password', 'your one-time code'];

describe('a warning that hands the secret to "anyone"', () => {
  it('never blocks "<negator or none> share/give <secret> with/to anyone" in code-switched and other languages', () => {
    const neg = ['nunca', 'jamás', 'never', 'Please, nunca', 'Do not ever', 'You should never'];
    const verb = ['share', 'give', 'send', 'tell', 'forward'];
    const to = ['with anyone', 'to anybody', 'with anybody', 'to anyone'];
    const tail = ['', ', even if they say they are from us', '. You type it yourself in the app', ', not even with us. You only type it in the Zamzam app'];
    fc.assert(fc.property(pick(neg), pick(verb), pick(SECRETS_EN), pick(to), pick(tail), (n, v, s, t, e) => !blocked(`${n} ${v} ${s} ${t}${e}.`)), RUNS);
  });

  it('never blocks the same warning in Arabic, Persian, Urdu, Tagalog, Hausa and Swahili', () => {
    const warnings = [
      'أوعى تعطي الرمز لحدا، ولا حتى إلي. بتحطو إنت بالتطبيق',
      'لا تعطي الكود لأي حد، حتى لو قال إنه من الشركة',
      'کد رو به هیچ‌کس نده، حتی به ما',
      'او ره به هیچ کس نتین',
      'Apna OTP kisi ko mat batayein, hum se bhi nahi',
      'Huwag mong ibigay ang OTP sa kahit sino',
      'Kar ka ba kowa OTP dinka',
      'Usimpe mtu yeyote namba yako ya siri',
    ];
    const after = ['', ' Just send the order number so I can check.', ' إذا ما زبط ابعتلي صورة عن رسالة الخطأ.'];
    fc.assert(fc.property(pick(warnings), pick(after), (w, a) => !blocked(`${w}.${a}`)), RUNS);
  });

  it('still blocks a hand-over to us with "anyone else" excluded ("send it to me, not to anyone else")', () => {
    const ask = ['Send me the code', 'Share your OTP with me', 'Give me your PIN'];
    const excl = ['and not to anyone else', 'only me, not anybody else', 'nobody but me', 'not to anyone except me'];
    fc.assert(fc.property(pick(ask), pick(excl), (a, x) => blocked(`${a} here, ${x}.`)), RUNS);
  });
});

describe("a warning quoting the scammer's words", () => {
  it("never blocks 'it's <company>, read me the code' between single quotes, straight or curly, with the official number", () => {
    const intro = ['If someone says', 'If anyone messages saying', 'When a caller tells you', 'Should a guy say'];
    const quote = ["it's Zamzam, read me the code", "we're from the bank, send the OTP", "it's support, what's your PIN", "this is Sanabel, tell me the code you got"];
    const marks: [string, string][] = [["'", "'"], ['‘', '’']];
    const after = ['bin them off and ring us on 800 637 2150', 'hang up and call us', 'ignore them'];
    fc.assert(fc.property(pick(intro), pick(quote), pick(marks), pick(after), (i, q, [o, c], a) => !blocked(`We'll never ask for your code. ${i} ${o}${q}${c}, ${a}.`)), RUNS);
  });
});

describe('a relative told to type the code themselves', () => {
  it('never blocks telling a third person to enter the code themselves with a negated send and a harmless ask', () => {
    const tells = [
      'به مادر بگید کدی که براشون میاد رو خودشون، یا شما کنار خودشون، تو برنامه بزنید؛ برای ما نفرستید',
      'به پدرتان بفرمایید کد ارسالی را خودشان در برنامه وارد کنند و برای ما نفرستند',
      'Ammi ko bolein ke jo code aaye woh khud app mein daal dein, hamein na bhejein',
      'قول لأبوك يكتب الكود بنفسه في التطبيق، لا يرسله لنا',
      'Tell your mum to type the code in the app herself, not to send it to us',
    ];
    const need = ['ما فقط شماره موبایل ثبت‌شده‌شون رو لازم داریم', 'Humein sirf unka registered mobile number chahiye', 'We only need her registered phone number', ''];
    fc.assert(fc.property(pick(tells), pick(need), (t, n) => !blocked(n ? `${t}. ${n}.` : `${t}.`)), RUNS);
  });

  it('still blocks telling us the code ("tell me the code", "به من بگید کد")', () => {
    const asks = ['Tell me the code you got', 'به من بگید کدی که براتون اومده', 'Mujhe code bolo', 'قولي الكود اللي جالك'];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });
});

describe('a demonstrative or a picture "of" something harmless after a code was named', () => {
  it('never blocks "send (a screenshot of) that error / this page" after a code warning', () => {
    const warn = ["Please don't share the OTP with anybody", 'We never ask for your code', 'Keep your PIN to yourself'];
    const ask = ['send screenshot of that error', 'send me this page', 'forward that receipt', 'send those screenshots', 'share this link with your brother'];
    fc.assert(fc.property(pick(warn), pick(ask), (w, a) => !blocked(`${w}. If any error is coming, ${a}.`)), RUNS);
  });

  it('still blocks "send that (to me)" and "send me that code" after a code was sent', () => {
    const sent = ['We sent you a code', 'You will get one OTP now'];
    const ask = ['send me that please', 'send that to me', 'send me that code', 'same you have to tell me'];
    fc.assert(fc.property(pick(sent), pick(ask), (s, a) => blocked(`${s}. ${a}.`)), RUNS);
  });

  it('never blocks a picture of an error message in Arabic after a code warning, and blocks "photograph it and send it"', () => {
    const warn = ['أوعى تعطي الرمز لحدا', 'لا تشارك الكود مع أي شخص'];
    const pic = ['ابعتلي صورة عن رسالة الخطأ', 'ابعتلي صوره من الشاشة', 'ارسل لي صورة للرسالة اللي طلعت لك'];
    fc.assert(fc.property(pick(warn), pick(pic), (w, p) => !blocked(`${w}. إذا ما زبط، ${p}.`)), RUNS);
    fc.assert(fc.property(pick(['الكود اللي جالك صوره وابعتهولي', 'الرمز اللي وصلك صوره وابعته لي هنا']), (a) => blocked(a)), RUNS);
  });
});

describe('Dari "کده/کدی" (did) and an ID its owner carries', () => {
  it('never blocks a light verb "ثبت نام کدی", "مهربانی کده" before a harmless ask', () => {
    const noun = ['ثبت نام', 'مهربانی', 'کوشش', 'پیدا'];
    const form = ['کدی', 'کده', 'کدین'];
    const ask = ['نمبر حواله ره روان کنین', 'مبلغ حواله ره روان کو', 'نمبر تیلفون ره بنویسین'];
    fc.assert(fc.property(pick(noun), pick(form), pick(ask), (n, f, a) => !blocked(`سلام. ${n} ${f} و ${a}.`)), RUNS);
  });

  it('still blocks the code in Persian and Dari ("اون کده رو بفرست", "کدی که برات اومده رو بفرست", "کود ره روان کو")', () => {
    fc.assert(fc.property(pick(['اون کده رو بفرست', 'کدی که برات اومده رو بفرست', 'یه کدی برات اومد، بفرستش', 'کود ره روان کو']), (a) => blocked(a)), RUNS);
  });

  it('never blocks an ID card the brother carries himself, and blocks sending his ID card to us', () => {
    const safe = ['شماره حواله رو برای برادرت بفرست که با کارت ملی خودش بره صرافی و بگیره', 'Send the transfer number to your brother, he collects it at the branch with his own ID card'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
    fc.assert(fc.property(pick(['کارت ملی خودشو برام بفرست', 'Send me his ID card here']), (a) => blocked(a)), RUNS);
  });
});

describe("r19's missed asks by class: said back, pictured, its digits, a card or PIN described", () => {
  it('blocks "<any verb> it back to me" after a code was sent, whatever the verb', () => {
    const sent = ["I'm fixing to send a code to your phone", 'We just texted you a code', 'A one-time code is on its way'];
    const verb = ['holler', 'shout', 'read', 'say', 'text', 'yell', 'send'];
    const obj = ['it', 'them', 'the code'];
    fc.assert(fc.property(pick(sent), pick(verb), pick(obj), pick([' here', '', ' please']), (s, v, o, t) => blocked(`${s}. When it comes through, just ${v} ${o} back to me${t}.`)), RUNS);
  });

  it('never blocks returning a parcel or a form "back to us", or the writer sending it back', () => {
    fc.assert(fc.property(pick(['Send the parcel back to us', 'Post the form back to us', "I'll send it back to you", 'We will send them back to you']), (a) => !blocked(`${a}.`)), RUNS);
  });

  it("blocks a message's picture or digits by a possessive in Hinglish and English ('uske digits', 'uska photo', 'its digits')", () => {
    const sent = ['Ek SMS aaya na abhi aapko', 'Abhi code aaya hai aapke phone pe', 'You just got a text from us'];
    const ask = ['uske digits bhej do idhar', 'uska photo bhej do', 'iska screenshot yahan bhej do', 'send me its digits', 'send a photo of it here'];
    fc.assert(fc.property(pick(sent), pick(ask), (s, a) => blocked(`${s}, ${a}.`)), RUNS);
  });

  it('blocks the card described in dialect (Tunisian "نحب", Levantine Arabizi "badde", Tajik Latin, Moroccan both sides) and the PIN typed at the machine', () => {
    const asks = [
      'نحب النومرو الكامل متاع الكارطة والثلاث أرقام اللي من تالي',
      'Badde bas el ar2am yalli 3a dahr el carte, el 3 ar2am',
      'Lutfan se raqami pushti kort ba man navised',
      'la carte، عافاك صوّرها ليا من جوج الجيهات وصيفطها هنا',
      'عطني الرقم مالها اللي تكتبه عند المكينة',
      'ابعتلي الأرقام اللي بتدخلها في الصراف',
      'Tusi apna wallet da PIN das do',
      'Naomba unitumie namba ya kadi kamili',
    ];
    fc.assert(fc.property(pick(asks), pick(['', ' please', ' عافاك']), (a, t) => blocked(`${a}${t}.`)), RUNS);
  });

  it('never blocks the same words about harmless things (the last four, the receipt number at the machine, the card delivered)', () => {
    const safe = ['Badde bas akher 4 ar2am mn el carte', 'نحب رقم الطلب متاعك', 'ابعتلي رقم الإيصال اللي طلع من المكينة', 'Lutfan raqami farmoish ba man navised', 'Naomba unitumie namba ya oda'];
    fc.assert(fc.property(pick(safe), (a) => !blocked(`${a}.`)), RUNS);
  });
});
