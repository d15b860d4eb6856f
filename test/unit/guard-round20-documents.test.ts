/**
 * Round 20 of issue #21: the r14 blind set's classes by cause, generated from parts. A picture of an identity document
 * or its two faces is a secret of its own, the document by any of its local names (CPR, تذکره, shinosnoma, Iqama, CNIC,
 * KTP, la carte nationale, el carnet) × picture word × both-sides words × language; the same picture in a warning
 * never blocks. The card's number in local words (نومرو الكارطة, نمبر مکمل کارت, número dial la tarjeta), and not its
 * last four; the card's security code by count and place (les trois chiffres li mor la carte); a code "that came"
 * relayed to us or to a colleague (recipient × secret), and the same ask quoted in an if-clause a refusal follows
 * (recipient × secret × negation) never blocks; a screenshot of what popped up in the app is not the code.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a picture of an identity document, or its two faces', () => {
  it('blocks the document by its local name × a picture word × both sides, in English and Latin-letter dialects', () => {
    const docs = ['ID', 'ID card', 'CPR', 'Iqama', 'Emirates ID', 'CNIC', 'NRIC', 'MyKad', 'KTP', 'passport', 'driving licence', 'carte nationale', 'CIN', 'carnet', 'tazkira', 'shinosnoma'];
    const shapes = [
      (d: string, s: string) => `Please send us a clear photo of your ${d}, ${s}.`,
      (d: string, s: string) => `kindly share ${d} pic ${s} for verification`,
      (d: string, s: string) => `snap ur ${d} ${s} n send it here`,
      (d: string, s: string) => `irsil sura ${d} ${s} hina`,
      (d: string, s: string) => `3afak sifet lia tswira dyal ${d} ${s}`,
      (d: string, s: string) => `lotfan aks-e ${d} ro ${s} befrestin`,
    ];
    const sides = ['both sides', 'front and back', 'recto verso', 'giddam wa wara', 'az posht va ru', 'depan belakang', 'por delante y por detrás'];
    fc.assert(fc.property(pick(docs), pick(shapes), pick(sides), (d, shape, s) => blocked(shape(d, s))), RUNS);
  });

  it('blocks the document in Arabic and Persian script × a picture word × both sides', () => {
    const ar = fc.tuple(pick(['ابعت لنا', 'ارسل لي', 'صيفط لينا', 'ابعثلي']), pick(['صورة', 'تصويرة', 'سكان']), pick(['الهوية', 'البطاقة الشخصية', 'الإقامة', 'الجواز', 'بطاقة الهوية']), pick(['من قدام ومن ورا', 'وش وضهر', 'من الوجهين', 'من الجهتين']));
    const fa = fc.tuple(pick(['عکس', 'اسکن', 'تصویر']), pick(['کارت ملی', 'تذکره', 'شناسنامه', 'پاسپورت']), pick(['پشت و رو', 'از دو طرف', 'روی و پشت', 'جلو و پشت']), pick(['بفرستین', 'روان کنین', 'ارسال کنید', 'بفرست']));
    fc.assert(fc.property(ar, fa, ([v, p, d, s], [p2, d2, s2, v2]) => blocked(`${v} ${p} ${d} ${s}`) && blocked(`${p2} ${d2} ${s2} ${v2}`)), RUNS);
  });

  it('never blocks the same picture inside a warning or sent only through the app', () => {
    const docs = ['ID', 'Iqama', 'CNIC', 'passport', 'CPR card', 'Emirates ID'];
    const sides = ['both sides', 'front and back', 'recto verso'];
    const warnings = [
      (d: string, s: string) => `Never send a photo of your ${d} ${s} to anyone who messages you.`,
      (d: string, s: string) => `We will never ask for a pic of your ${d} ${s} in this chat.`,
      (d: string, s: string) => `Please upload the photo of your ${d} ${s} only through the official app, not here.`,
      (d: string, s: string) => `At the branch they will look at your ${d}, so bring the original.`.replace(s, s),
    ];
    fc.assert(fc.property(pick(docs), pick(sides), pick(warnings), (d, s, w) => !blocked(w(d, s))), RUNS);
  });
});

describe('the card by its local words', () => {
  it('blocks the card number in Darija, Tunisian, Dari, Spanish and Gulf pidgin words, never its last four', () => {
    const asks = [
      'اعطيني النومرو متاع الكارطة الكل', 'ابعثلي نومرو الكارطة', 'نمبر مکمل کارت بانکی تان ره روان کنین', 'نمبر کارت خود ره بنویسین',
      '3tini el número dial la tarjeta kamel', 'sifet lia numero dyal la carte', 'raqam card kulu ekteb hina', 'envoyez le numéro de la carte complet',
    ];
    const safe = ['اعطيني آخر أربعة أرقام متاع الكارطة برك', 'چهار رقم آخر کارت تان ره بنویسین', '3tini akher 4 arqam dial la tarjeta'];
    fc.assert(fc.property(pick(asks), pick(safe), (a, s) => blocked(a) && !blocked(s)), RUNS);
  });

  it('blocks the three digits described by count and place', () => {
    const count = ['les trois chiffres', 'التلاثة أرقام', 'الأرقام الثلاثة', 'the three digits', 'سه تا عدد', 'el 3 arqam'];
    const place = ['li mor la carte', 'اللي من تالي الكارطة', 'اللي ورا البطاقة', 'by the signature strip', 'پشت کارت', 'li f dhar la carte'];
    const verb = ['3tini', 'ابعثلي', 'قولي', 'tell me', 'بگو', 'ktebli'];
    fc.assert(fc.property(pick(verb), pick(count), pick(place), (v, c, p) => blocked(`${v} ${c} ${p}`)), RUNS);
  });
});

describe('a code that came, by recipient × secret × negation', () => {
  const secrets = ['الرقم الجاك في التلفون', 'الأرقام الجات ليك', 'الكود الوصلك'];
  const toUs = ['رسّلو لي هنا', 'ابعته لي', 'قولو لي'];
  it('blocks the code that came handed to us, in Chadian Arabic and Tajik in Latin letters', () => {
    const tajik = fc.tuple(pick(['Kodi ki ba telefonaton omad', 'Kodero ki omad', 'Ramzi ki meoyad']), pick(['ba man firistoned', 'ba mo navised', 'ba man guyed', 'ba hamkorам firisted'.replace('ам', 'am')]));
    fc.assert(fc.property(pick(secrets), pick(toUs), tajik, (s, t, [k, v]) => blocked(`${s} ${t}`) && blocked(`${k}, ${v}`)), RUNS);
  });

  it('never blocks the same ask quoted after "if someone says", with a refusal after it', () => {
    const cases = [
      (v: string) => `اگه یکی گفت کد رو ${v}، نده‌ها؛ ما کد نمی‌خوایم`,
      (v: string) => `ila chi wa7ed gal lik ${v} le code, ma t3tihch`,
      (v: string) => `Agar kase guyad kodro ${v}, nafiristed`,
      (v: string) => `if any person calling and telling ${v} OTP, dont share`,
    ];
    const verbs = ['بده', 'sifet lia', 'firist', 'share'];
    fc.assert(fc.property(fc.nat({ max: 3 }), pick(['', ' please']), (i, tail) => !blocked(cases[i]!(verbs[i]!) + tail)), RUNS);
  });
});

describe('a screenshot of what the app showed', () => {
  it('never blocks a screenshot of a message that popped up in the app, and blocks one of the SMS', () => {
    const en = fc.tuple(pick(['popped up', 'came up', 'showed up', 'appeared']), pick(['app', 'screen', 'website']));
    const ar = pick(['ممكن صورة شاشة للرسالة اللي طلعت لك', 'ابعت سكرين للرسالة اللي ظهرت', 'صورة من الرسالة اللي طلعت في التطبيق']);
    fc.assert(fc.property(en, ar, ([how, where], a) => !blocked(`Could you send a screenshot of the message that ${how} on the ${where}?`) && !blocked(a) && blocked('Send me a screenshot of the SMS we just sent you.')), RUNS);
  });
});
