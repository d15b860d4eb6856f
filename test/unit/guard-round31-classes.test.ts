/**
 * Round 31 of issue #21: the told r25 set's classes, generated from parts in new words. Asks: the date of birth asked
 * whole ("day, month and year", "in full") in English, Arabic, Persian, Arabizi, Finglish, French and Tajik; the
 * passport by its loanword and its number ("نومرو الباسبور", "نمبر پاسپورت"); other countries' identity numbers
 * (Aadhaar, CNIC, PhilSys, NIC); a secret demanded whole with no verb ("Card number. All of it.", "رقم الكارت كله");
 * a Tajik PIN or card asked as a short question; the card's code asked "how much" in Arabizi with a vocative; slang
 * verbs for a code we just texted ("toss that in the chat"); a card filled in at a look-alike link; the bank's token.
 * Safe: each ask's shape made safe — the date of birth changed in the app or never asked, a birthday, passport advice,
 * a refund "in full", a whole card number refused, a price asked in Tajik or Arabizi, a link thrown into a browser,
 * a form filled at the company's own site, a photo of a damaged carton, an order ID beside a prescription, the
 * pharmacist who checks an ID in person, a token kept to oneself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../main/core/guard';
import { blocked, pick, RUNS, strict } from '../helpers/guard-rounds';
import { standInDetectSensitive } from '../helpers/guard';

describe('the date of birth asked for', () => {
  it('blocks it asked whole, in seven languages', () => {
    const ask = ['Send me your date of birth', 'Your full date of birth please', 'DOB pls', 'ابعتلي تاريخ ميلادك', 'عطني تاريخ الازدياد ديالك', 'تاریخ تولدتون رو بفرستید', 'tarikhe tavalodet ro befrest', 'ektebli tare5 miladak', 'Envoyez votre date de naissance', 'Санаи таваллудатонро нависед'];
    const whole = ['', ', full', ', day month and year', ' كامل', ' کامل', ' kamel', ', jour mois année', ' пурра'];
    fc.assert(fc.property(pick(ask), pick(whole), (a, w) => blocked(`${a}${w}`)), RUNS);
  });

  it('allows it changed in the app, refused, a birthday and a month and year of something else', () => {
    const safe = ['You can change your date of birth yourself in the app.', 'We never ask for your date of birth in chat.', 'تاريخ الميلاد بيتعدل من التطبيق بس', 'تاریخ تولد خود را برای هیچ‌کس نفرستید.', 'Happy birthday from all of us!', 'Which month and year did you buy it?', 'Date of birth on your profile looks right to us.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('a passport, an identity number by another country’s name', () => {
  it('blocks the passport by its loanword and its number, and Aadhaar, CNIC, PhilSys and NIC numbers', () => {
    const ask = ['شنو نومرو الباسبور متاعك؟', 'عطني رقم الباسبور', 'نمبر پاسپورت تان؟', 'شماره گذرنامه‌تون رو بفرستید', 'Passport number?', 'send a photo of your passport, the first page', 'Please share your Aadhaar number for KYC', 'Your CNIC number please', 'Pakisend po ng PhilSys number ninyo', 'Send your NIC number to verify'];
    fc.assert(fc.property(pick(ask), (a) => blocked(a)), RUNS);
  });

  it('allows passport advice and IDs handled elsewhere', () => {
    const safe = ['Make sure your passport is valid for six months before you fly.', 'Passport renewals are handled by the embassy, not by us.', 'Link your Aadhaar with your PAN on the income tax website.', 'برای سفر، اعتبار پاسپورتتون باید شش ماه باشه.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('a secret demanded whole, with no verb', () => {
  const secret = ['Card number', 'Card no', 'The long number on your card', 'رقم الكارت', 'رقم البطاقة', 'شماره کارت', 'shomare kart', 'DOB'];
  const whole = ['. All of it.', '. Full.', ', full. Now.', ' كله', ' كامل', '؟ همه‌ش رو', '. کامل.', ', kamelesh', '. The whole thing.'];
  it('blocks the secret with how much of it is wanted, in its clause or the next', () => {
    fc.assert(fc.property(pick(secret), pick(whole), (s, w) => blocked(`${s}${w}`)), RUNS);
  });

  it('blocks a card number with the date under it', () => {
    fc.assert(fc.property(pick(['رقم البطاقة والتاريخ اللي تحته', 'رقم الكارت مع التاريخ اللي تحته', 'card number and the date under it']), (a) => blocked(a)), RUNS);
  });

  it('allows a refund in full, and the same demand refused after it', () => {
    const refused = ['. Never send it to anyone.', '? No, not here, never.', '؟ لا، ما تبعتوش لحد', '؟ نه، لازم نیست'];
    fc.assert(fc.property(pick(secret.slice(0, 6)), pick(refused), (s, r) => !blocked(`${s}${r}`)), RUNS);
    fc.assert(fc.property(pick(['Full refund. All of it, back in five days.', 'المبلغ كامل رجع لحسابك', 'Card delivered. All done.', 'Card arrived? All sorted then.']), (s) => !blocked(s)), RUNS);
  });
});

describe('a PIN or card asked as a short question in Tajik', () => {
  it('blocks the PIN, the card and its password with "how much / what is it"', () => {
    fc.assert(fc.property(pick(['Пин-коди кортатон', 'Рамзи корти бонкиатон', 'Пин-коди корт', 'pin-kodi kortaton']), pick([' чанд аст?', ' чист?', ' чанд?', ' chand?']), (s, q) => blocked(`${s}${q}`)), RUNS);
  });

  it('allows a price, a time and a warning', () => {
    fc.assert(fc.property(pick(['Нархи корти нав чанд аст?', 'Корти шумо кай тайёр мешавад?', 'Пин-кодро ба ҳеҷ кас нагӯед.', 'Пин-коди навро дар банкомат иваз кунед.']), (s) => !blocked(s)), RUNS);
  });
});

describe('"how much is it" in Arabizi, beside the card’s code or PIN', () => {
  it('blocks it with or without a vocative', () => {
    fc.assert(fc.property(pick(['el cvv', 'cvv el card', 'el pin bta3 el card', 'el 3 ar2am elly wara el card']), pick(['kam', '2addesh', 'chhal', 'kaam']), pick(['?', ' ya basha?', ' ya akhoy?']), (s, q, v) => blocked(`${s} ${q}${v}`)), RUNS);
  });

  it('allows a price asked the same way', () => {
    fc.assert(fc.property(pick(['el shipping', 'el delivery', 'el card el gedida', 'el visa el gedida']), pick(['kam', '2addesh', 'be kam']), (s, q) => !blocked(`${s} ${q}?`)), RUNS);
  });
});

describe('slang verbs for a code we just texted', () => {
  const texted = ['We just texted you a 6-digit number.', 'Sent a six digit code to your phone,', 'u got a 6 digit num from us rite?'];
  it('blocks it tossed, stuck, lobbed, thrown or banged here', () => {
    const verb = ['toss that in the chat', 'stick it in here', 'lob it over', 'throw it in here', 'bang it in here', 'slap it in here', 'fire it over to me'];
    fc.assert(fc.property(pick(texted), pick(verb), (t, v) => blocked(`${t} ${v}`)), RUNS);
  });

  it('allows the code put in the app, and a link or a parcel thrown elsewhere', () => {
    fc.assert(fc.property(pick(texted), pick(['toss it into the app', 'stick it in the verification box in the app']), (t, v) => !blocked(`${t} ${v}`)), RUNS);
    fc.assert(fc.property(pick(['Just texted you the tracking link, throw it in your browser.', 'Stick the parcel in the safe place and we will collect it.', 'Throw the old card away once the new one arrives.']), (s) => !blocked(s)), RUNS);
  });
});

describe('a card filled in at a look-alike link', () => {
  it('blocks the card number and its code filled in there, in English, Levantine and Gulf', () => {
    fc.assert(fc.property(pick(['acme-refunds-help.com', 'acme-secure-pay.net', 'acmepay-verify.com']), pick(['fill in your card number and CVV at {}', 'عبّي رقم البطاقة والـcvv على هاللينك {}', 'ادخل الرابط {} وعبّ رقم البطاقة والرمز اللي ورا', 'fill your card number and CVV for this link {}']), (link, frame) => blocked(frame.replace('{}', link))), RUNS);
  });

  it('allows a form filled at the company’s own site', () => {
    fc.assert(fc.property(pick(['Fill in the form at acme.com/returns with your order number.', 'عبّي الاستمارة على acme.com/returns برقم الطلب', 'Fill in your shipping address at acme.com/checkout.']), (s) => !blocked(s)), RUNS);
  });
});

describe('the bank’s token', () => {
  it('blocks its code read or sent to us', () => {
    fc.assert(fc.property(pick(['قولي الرقم اللي ظاهر على التوكن', 'ابعتلي كود التوكن بتاع البنك', 'رمز پویای بانکتون رو بفرستید', 'Read me your bank token code', 'send the security token number here']), (a) => blocked(a)), RUNS);
  });

  it('allows the token kept to oneself or sent to the customer by post', () => {
    fc.assert(fc.property(pick(['التوكن بتاع البنك متقولش الرقم اللي عليه لأي حد', 'Your new security token will arrive by post in five days.', 'رمز پویا را فقط در درگاه بانک وارد کنید.']), (s) => !blocked(s)), RUNS);
  });
});

describe('documents that are no secret, damage photos, the counter in person', () => {
  it('allows a prescription with an order ID, a damaged carton, and the pharmacist who checks an ID', () => {
    const safe = ['Kindly share prescription copy along with order ID for verification.', 'Please send the receipt copy and the order ID.', 'أرسل صورة للكرتون التالف والمنتج', 'ابعتلي صورة الكرتونة المكسورة', 'یه عکس از کارتن پاره بفرستید', 'Акси қуттии шикастаро фиристед.', 'الصيدلي فالفرع غادي يطلب منك البطاقة الوطنية ملي تجي', 'فالوكالة غادي يطلبو منك البطاقة الوطنية باش تسلم الطلبية', 'At the pharmacy the pharmacist will check your ID.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });

  it('still blocks the card photographed and the national card sent here', () => {
    fc.assert(fc.property(pick(['أرسل صورة للكارت من الجهتين', 'از کارتت عکس بگیر بفرست', 'ابعتلي صورة البطاقة الوطنية هنا', 'send me a photo of your ID card here']), (a) => blocked(a)), RUNS);
  });

  it('names the date of birth in the explanation, in the agent’s language', () => {
    const f = evaluateReply('Your date of birth, day month and year please', 'en', strict, standInDetectSensitive).find((x) => x.verdict === 'block');
    expect(f?.code).toBe('asks_national_id');
    expect(f?.reason).toMatch(/date of birth/);
    expect(evaluateReply('تاريخ ميلادك كامل لو سمحت', 'ar', strict, standInDetectSensitive).find((x) => x.verdict === 'block')?.reason).toMatch(/تاريخ الميلاد/);
  });
});
