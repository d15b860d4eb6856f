/**
 * Round 27 of issue #21: the told r21 set's classes, generated from parts in new words. Asks: a card's details described
 * (the digits on its face or "its" face after the card is named, the three on its back) in Darija and Levantine Arabizi
 * and Arabic; the code as the digits that just came, handed over in the next clause (Finglish, Dari, Taglish, West
 * African "I beg"); "the OTP coming now to your number" (the place is the arrival's); a CVV or expiry after "no need to
 * send …, only …"; رمز misspelt with ذ or ض. False blocks: a card number the reader already sent, with a deletion asked;
 * a number another word names (tracking, order) that came by e-mail or SMS; a Tunisian "ab3athli ken …" (send me only
 * …) after a negated code and password. Each beside the ask it must not hide.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe("a card's details described", () => {
  it('blocks the digits on the face of the card in Arabizi, and its back with "dher"', () => {
    const verb = ['3tini', 'sift lia', 'kteb lia', 'ektebli', 'ab3athli'];
    const digits = ['l ar9am li 3la wjeh', 'el ar2am yalli 3a wej', 'l arqam li f wajh', 'ga3 l ar9am li 3la wjeh'];
    const card = ['lbita9a', 'el karte', 'la carte', 'lbita9a dialek', 'el card'];
    fc.assert(fc.property(pick(verb), pick(digits), pick(card), (v, d, c) => blocked(`${v} ${d} ${c}`)), RUNS);
    const back = ['dok 3 d ar9am li f dher', 'tlata d ar9am li f dhar', '3 ar9am li mn dhor'];
    fc.assert(fc.property(pick(verb), pick(back), pick(card), (v, b, c) => blocked(`${v} ${b} ${c}`)), RUNS);
  });

  it('blocks the digits on "its" face once the card is named in the clause before, and not when the card is added in the app', () => {
    const named = ['البطاقة اللي بدك تربطها', 'الكرت اللي تبي تضيفه', 'el karte yalli bedak trbo6ha', 'the card you want to link'];
    const ask = ['ابعتلي الأرقام اللي على وجها', 'عطني الأرقام اللي على وجهها', 'ektebli l ar2am yalli 3a wejha', 'write me the numbers on its front'];
    const tail = ['', ' وتاريخها كمان', ' w el tarikh kaman', ', and the date too'];
    fc.assert(fc.property(pick(named), pick(ask), pick(tail), (n, a, t) => blocked(`${n}، ${a}${t}`)), RUNS);
    const safe = ['ضيفها من التطبيق بنفسك، ما تبعتلي أرقامها', 'لا تبعتلي الأرقام اللي على وجها', "add it in the app yourself, don't send me its numbers"];
    fc.assert(fc.property(pick(named), pick(safe), (n, s) => !blocked(`${n}، ${s}`)), RUNS);
  });

  it('reads ra9m/ra8m and lbita9a as the card number', () => {
    fc.assert(fc.property(pick(['3tini', 'sift lia', 'ab3athli']), pick(['ra9m', 'ra8m', 'numero']), pick(['dial lbita9a kamel', 'lbita9a kamel', 'dyal lbita9a kamla']), (v, n, c) => blocked(`${v} ${n} ${c}`)), RUNS);
  });
});

describe('the code as the digits that just came', () => {
  it('blocks the digits handed over in the clause after a message to the reader, unless it carried an order number', () => {
    const came = ['ye SMS barat miad az ma', 'payamak barat umad', 'ye sms baratun ferestadim'];
    const ask = ['oon adad ro hamin ja baram befrest', 'adad ro baram befrest', 'oon adada ro inja baram benevis'];
    fc.assert(fc.property(pick(came), pick(ask), (c, a) => blocked(`${c}, ${a}`)), RUNS);
    fc.assert(fc.property(pick(came), pick(['oon adad ro too app khodet vared kon, be kasi nade', 'adad ro be hichkas nade']), (c, a) => !blocked(`${c}, ${a}`)), RUNS);
    fc.assert(fc.property(pick(['an sms will come with your order number', 'we texted your tracking number']), pick(['send me the number here', 'send me the numbers here']), (c, a) => !blocked(`${c}, ${a}`)), RUNS);
  });

  it('blocks Dari and Persian digits "that came" to the phone', () => {
    const digits = ['همان رقم ها', 'او عدد ها', 'عددی', 'رقمی'];
    const came = ['که همی حالا به تیلفون تان رسید', 'که الان به موبایلت اومد', 'که براتون پیامک شد'];
    const ask = ['، اینجه برایم بنویسین', ' رو برام بفرستید', ' را اینجا بنویسید'];
    fc.assert(fc.property(pick(digits), pick(came), pick(ask), (d, c, a) => blocked(`${d} ${c}${a}`)), RUNS);
    fc.assert(fc.property(pick(['شماره سفارشی که تو ایمیل براتون اومد رو بفرستید', 'شماره پیگیری که براتون پیامک شد رو بفرستید']), (s) => !blocked(s)), RUNS);
  });

  it('blocks the code sent "here" after fillers (Taglish "na lang po", "I beg … quick") and typed "dito sa chat"', () => {
    const came = ['may papasok po na code sa phone niyo ngayon', 'may darating po na 6-digit code sa number niyo', 'that message you just got from us with the numbers'];
    const ask = ['paki-send na lang po dito sa chat', 'paki-type na lang po dito sa chat', 'I beg send it here quick', 'send it here fast'];
    fc.assert(fc.property(pick(came), pick(ask), (c, a) => blocked(`${c}, ${a}`)), RUNS);
    fc.assert(fc.property(pick(came), pick(["huwag niyo pong i-type dito sa chat, sa app lang", "don't type it in the chat"]), (c, a) => !blocked(`${c}, ${a}`)), RUNS);
  });

  it('reads "to your number" after an arrival word as where the code comes, not where it goes', () => {
    const verb = ['Send', 'kindly send', 'share', 'forward me'];
    const code = ['the OTP', 'the code', 'the verification code'];
    const arrive = ['coming now to your number', 'coming to your registered number', 'arriving now to your phone', 'we are texting to your mobile'];
    fc.assert(fc.property(pick(verb), pick(code), pick(arrive), (v, c, a) => blocked(`${v} ${c} ${a}`)), RUNS);
    fc.assert(fc.property(pick(["we'll send the OTP now to your number", 'the code is coming now to your number, enter it in the app']), (s) => !blocked(s)), RUNS);
  });
});

describe('what is wanted instead, after a negation', () => {
  it('blocks a CVV, PIN or expiry after "no need to send X, only/just …"', () => {
    const neg = ["you don't have to share the whole card number", 'no need to send the full number', 'ما يحتاج ترسل رقم البطاقة كامل', 'لازم نیست کل شماره کارت رو بدید', 'no need for the password'];
    const only = ['only the three digits on the back', 'just the 3 digits at the back and the expiry month/year will do', 'بس الثلاث أرقام اللي ورا تكفي', 'فقط سه رقم پشت کارت کافیه', 'only the PIN'];
    fc.assert(fc.property(pick(neg), pick(only), (n, o) => blocked(`${n}، ${o}`)), RUNS);
  });

  it('never blocks "only" the last four, an order number, or an act in the app', () => {
    const neg = ["you don't need to send the whole card number", "don't share your password", 'no need to tell me the password'];
    const only = ['only the last four digits', 'only the order number', "just tap 'forgot password' in the app", 'just type it in the app yourself'];
    fc.assert(fc.property(pick(neg), pick(only), (n, o) => !blocked(`${n}, ${o}`)), RUNS);
  });
});

describe('the secret word misspelt', () => {
  it('reads رمذ and رمض as رمز, never رمضان', () => {
    const ask = ['اكتب لي {} اللي وصلك', '{} عبورت رو بنویس', 'ابعتلي {} هنا'];
    fc.assert(fc.property(pick(ask), pick(['الرمذ', 'رمذ', 'الرمض', 'رمض']), (a, w) => blocked(a.replace('{}', w))), RUNS);
    fc.assert(fc.property(pick(['رمضان كريم، اكتب لي رقم الطلب', 'ابعتلي رقم الطلب، رمضان مبارك']), (s) => !blocked(s)), RUNS);
  });
});

describe('a card the reader already sent, to be deleted', () => {
  it('never blocks a report of the reader\'s send with a deletion asked, and still blocks a resend', () => {
    const sent = ['You sent your full card number in your last message', 'sifti ra9m lbita9a kamel', 'رسلتي رقم البطاقة كامل فالرسالة اللي فاتت', 'شماره کامل کارت رو فرستادید'];
    const del = ['delete it, we don\'t need it', 'mse7 lmessage 3afak', 'مسحو عافاك، ما محتاجينوش', 'لطفا پاکش کنید'];
    const four = ['', '. The last four and the transaction number are enough.', '. فقط چهار رقم آخر کافیه'];
    fc.assert(fc.property(pick(sent), pick(del), pick(four), (s, d, f) => !blocked(`${s}, ${d}${f}`)), RUNS);
    fc.assert(fc.property(pick(['you sent the wrong code, send it again', 'delete the sms and send me the code']), (a) => blocked(a)), RUNS);
  });

  it('never blocks a number another word names that came by e-mail or SMS', () => {
    const verb = ['Please send me', 'send me', 'paste'];
    const what = ['the tracking number', 'the order number', 'the booking reference number'];
    const came = ['that just came in your email', 'that came by sms', 'you received'];
    fc.assert(fc.property(pick(verb), pick(what), pick(came), (v, w, c) => !blocked(`${v} ${w} ${c}`)), RUNS);
  });

  it('reads Tunisian "ab3athli ken …" as "send me only …" after a negated code and password, and "ab3athli" after a code as its hand-over', () => {
    const neg = ['ma tab3athli 7atta code w 7atta mot de passe', 'ma tab3athli la code la mot de passe'];
    const only = ['ab3athli ken num de transaction w capture', "ab3athli ken numéro el commande w capture d'écran", 'ab3athli ken capture'];
    fc.assert(fc.property(pick(neg), pick(only), (n, o) => !blocked(`${n}, ${o}`)), RUNS);
    fc.assert(fc.property(pick(['jak code', 'wsolek code']), pick(['ab3athli', 'ab3athli ghir l code', 'ab3athli ken houwa']), (c, a) => blocked(`${c}, ${a}`)), RUNS);
  });
});
