/**
 * Round 37 of issue #21: the told r29 classes, from parts in new words. Asks: an Arabic participle or relative with "و"
 * joined that describes the secret ("رمز التحقق والمرسل إلى هاتفكم"); a purpose clause after the ask whose "for you" is
 * the purpose's ("… بفرستید تا براتون reset کنم"); "… رو لطف کنید" (kindly give); an online banking login; a message that
 * will come, sent on "in full, don't delete anything", or asked for "what number's in it?" / Dari "چه نوشته؟"; a
 * passport or birth date said to be needed in Tajik; Finglish "… ro bezar" and "axe". Safe: a harmless number that
 * stands in our SMS, a third party that will ask the reader for the PIN, the same secrets refused or kept in the app.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('an Arabic description joined by "و"', () => {
  const ask = ['نرجو تزويدنا', 'يرجى تزويدنا', 'نأمل تزويدنا', 'زودنا لو سمحت'];
  const secret = ['برمز التحقق', 'برمز التأكيد', 'بالرمز'];
  const described = ['والمرسل إلى هاتفكم', 'والواصل إلى جوالكم', 'والذي أرسل إلى هاتفكم', 'والوارد إلى رقمكم', 'المرسل إلى هاتفكم'];
  it('blocks the secret whatever joins its description to the place', () => {
    fc.assert(fc.property(pick(ask), pick(secret), pick(described), (a, s, d) => blocked(`${a} ${s} ${d}`)), RUNS);
  });
  it('allows a harmless number described the same way', () => {
    fc.assert(fc.property(pick(ask), pick(['برقم الطلب', 'برقم العقد', 'برقم الحجز']), pick(described), (a, n, d) => !blocked(`${a} ${n} ${d}`)), RUNS);
  });
});

describe('a Persian ask with a purpose after it', () => {
  const secret = ['password اکانتتون', 'رمز عبورتون', 'رمز اپ', 'کد تأیید'];
  const verb = ['رو بفرستید', 'رو لطف کنید', 'رو بدید', 'رو لطف کن'];
  const purpose = ['تا براتون reset کنم', 'تا مشکل رو از این طرف حل کنم', 'تا براتون درستش کنم', ''];
  it('blocks it, whether or not a purpose with "براتون" follows', () => {
    fc.assert(fc.property(pick(secret), pick(verb), pick(purpose), (s, v, p) => blocked(`لطفاً ${s} ${v} ${p}`.trim())), RUNS);
  });
  it('allows a contract number asked the same way, and "لطف کنید" with no object marked', () => {
    fc.assert(fc.property(pick(['شماره قرارداد', 'کد پیگیری', 'شماره سفارش']), pick(verb), pick(purpose), (n, v, p) => !blocked(`${n} ${v} ${p}`.trim())), RUNS);
    expect(blocked('لطف کنید چند دقیقه صبر کنید')).toBe(false);
  });
  it('still reads a place for the reader right after the verb as theirs', () => {
    expect(blocked('کد تأیید به شماره شما ارسال شد')).toBe(false);
  });
});

describe('an online banking login', () => {
  it('blocks it handed over, in any wording of the login', () => {
    const verb = ['send', 'just send on', 'share', 'drop', 'pls send'];
    const login = ['your online banking login', 'ur internet banking login', 'your net banking login details', 'your mobile banking log-in'];
    fc.assert(fc.property(pick(verb), pick(login), pick(['here', 'there', 'with me please', 'in the chat']), (v, l, p) => blocked(`${v} ${l} ${p}`)), RUNS);
  });
  it('allows it refused or entered by the customer', () => {
    for (const t of ['Never send your online banking login to anyone, including us.', "don't share your internet banking login with anyone"]) expect(blocked(t)).toBe(false);
  });
});

describe('the message that will come', () => {
  it('blocks it sent on in full, the cut refused', () => {
    const comes = ['راح توصلك رسالة الحين', 'بتوصلك رسالة الحين', 'هيجيلك مسج دلوقتي'];
    const send = ['أرسلها لي هنا كاملة ولا تحذف منها شي', 'ابعتها لي هنا ولا تمسح منها حاجة', 'أرسلها لي هنا ولا تغير فيها شي'];
    fc.assert(fc.property(pick(comes), pick(send), (c, s) => blocked(`${c}، ${s}`)), RUNS);
  });
  it('allows it refused outright', () => {
    expect(blocked('بتوصلك رسالة، لا ترسلها لي ولا لأي أحد')).toBe(false);
  });
  it('blocks "what number is in it?" after a text from us, and Dari "چه نوشته؟"', () => {
    const came = ["You'll have gotten a text from us a minute ago.", 'u got an sms from us just now.', 'We just texted you.'];
    fc.assert(fc.property(pick(came), pick(["What number's in it?", 'what digits are in it?', 'Which number is in the text?']), (c, q) => blocked(`${c} ${q}`)), RUNS);
    expect(blocked('پیامی که حالی آمد چه نوشته؟')).toBe(true);
  });
  it('allows the question when the message was said to hold a booking number', () => {
    expect(blocked("Did you get the SMS with your booking number? What number's in it?")).toBe(false);
  });
});

describe('documents and personal data', () => {
  it('blocks a Tajik passport or birth date said to be needed', () => {
    const what = ['Номер паспорта', 'Серия паспорта', 'Рақами шиноснома', 'Дата рождения', 'Номер паспорта ва дата рождения'];
    fc.assert(fc.property(pick(what), pick(['лозим', 'лозим аст', 'даркор']), pick(['', ', барои договор', ', барои шартнома']), (w, n, p) => blocked(`${w} ${n}${p}`)), RUNS);
  });
  it('allows it not needed, or brought to the office', () => {
    for (const t of ['Паспорт лозим нест', 'Барои имзо шиноснома лозим аст, ба офис биёед', 'Барои шартнома чӣ ҳуҷҷатҳо лозим аст?']) expect(blocked(t)).toBe(false);
  });
  it('blocks Finglish "… ro bezar" and "axe"', () => {
    fc.assert(fc.property(pick(['code melli', 'tarikh tavalodet kamel + code melli', 'کد ملی']), pick(['ro bezar', 'ro bezarid', 'رو بذار']), (w, v) => blocked(`${w} ${v}`)), RUNS);
    for (const t of ['ye axe az carte banki posht o ro bede', 'ax e kart e banki ro befrest', 'ye ax az kart melli befres inja']) expect(blocked(t)).toBe(true);
  });
  it('allows "bezar" into the app and "ax" that is no photo', () => {
    for (const t of ['ramzeto ro bezar tu app', 'رمزتو رو بذار توی اپلیکیشن', 'ax e profile ro avaz kon']) expect(blocked(t)).toBe(false);
  });
});

describe('safe replies r29 blocked', () => {
  it('allows a harmless number that stands in our SMS', () => {
    const ask = ['Kindly share', 'please send', 'reply with'];
    const num = ['the ticket number', 'the reference number', 'the booking reference', 'the order number'];
    const where = ['mentioned in the SMS we sent', 'from the SMS we sent you', 'in the text we sent', 'from the SMS'];
    fc.assert(fc.property(pick(ask), pick(num), pick(where), (a, n, w) => !blocked(`${a} ${n} ${w}`)), RUNS);
    expect(blocked('send the code in the SMS we sent')).toBe(true);
  });
  it('allows a third party that will ask the reader for the PIN, and keeps the writer asking', () => {
    const third = ['البنك ممكن يطلب منك', 'الجهاز راح يطلب منك', 'الصراف ممكن يطلب منك'];
    fc.assert(fc.property(pick(third), pick(['الرقم السري', 'الرمز السري']), (t, s) => !blocked(`${t} ${s} على جهاز الدفع، دخله بيدك ولا تكوله لأحد`)), RUNS);
    expect(blocked('the terminal may ask you for the PIN, enter it yourself')).toBe(false);
    expect(blocked('the system will ask me for your online banking password, send it')).toBe(true);
    expect(blocked('الموظف يطلب منك الرمز')).toBe(true);
    expect(blocked('الرقم السري يطلبه منك الموظف')).toBe(true);
  });
});
