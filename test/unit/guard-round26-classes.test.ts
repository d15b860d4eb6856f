/**
 * Round 26 of issue #21: the told r20 set's classes, generated from parts in new words. Asks: a card's full number and
 * its expiry named in French or Spanish inside Arabizi and Darija ("le numéro complet w la date d'expiration", "la
 * fecha de vencimiento"); Tajik, in Latin and Cyrillic letters, asking for all of the card's number and its validity;
 * an ID by a territory's or country's own name photographed on both sides; the code described as what is on the
 * reader's phone and handed to "me", whoever the subject. False blocks: the code typed in the app by the customer,
 * with a picture of the screen or the error asked for after "if it fails"; Dari "خود تان" and Tajik "худатон … дар
 * барнома" as oneself and the app. Each beside the ask it must not hide.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a card named in French or Spanish inside Arabizi and Darija', () => {
  const verb = ['3tini', 'sift lia', 'ab3athli', 'ba3tili', 'baddi', 'ktebli hna', 'ab3atli', 'send me'];
  const please = ['', '3afak ', 'please ', 'ya5i '];
  const number = ['le numéro complet', 'el numéro kello', 'el número kaml', 'le numéro kamel', 'el numero completo', 'the full number'];
  const join = [' w ', ' o ', ' and ', ' ma3 '];
  const expiry = ["la date d'expiration", 'la date de validité', 'la fecha de caducidad', 'la fecha de vencimiento', 'el date d\'expiration', 'the expiry date'];
  const tail = ['', ' bach nkemmel', ', ba3tiyoun hon', ' please', ' dyalha'];

  it('blocks the full number beside an expiry, with no card word', () => {
    fc.assert(fc.property(pick(verb), pick(please), pick(number), pick(join), pick(expiry), pick(tail), (v, p, n, j, e, t) => blocked(`${v} ${p}${n}${j}${e}${t}`)), RUNS);
  });

  it('blocks an expiry after the article "la" with the card named ("3tini la fecha de vencimiento de la tarjeta")', () => {
    const card = ['de la tarjeta', 'de la carte', 'dyal la carte', 'ta3 la carte'];
    fc.assert(fc.property(pick(['3tini', 'sift lia', 'ab3athli']), pick(expiry.filter((e) => e.startsWith('la'))), pick(card), (v, e, c) => blocked(`${v} ${e} ${c}`)), RUNS);
  });

  it('never blocks the same words under a negation, nor a full number that is a phone\'s', () => {
    const neg = ['ma t3ti l 7ta wa7ed', 'ma tsifet l 7ad', "don't send anyone"];
    fc.assert(fc.property(pick(neg), pick(number), pick(expiry), (n, x, e) => !blocked(`${n} ${x} wla ${e}, 7ta ila gal lik mn la banque.`)), RUNS);
    fc.assert(fc.property(pick(['3tini', 'send me']), pick(['le numéro complet dyal telephone dyalk', 'your full number so I can call you back']), (v, x) => !blocked(`${v} ${x}`)), RUNS);
  });
});

describe('Tajik, in Latin and Cyrillic letters', () => {
  it('blocks all of the card number and its validity asked with a hand-over verb', () => {
    const number = ['рақами пурраи корт', 'raqami purrai kort', 'hamai raqamhoi kortaton', 'рақамҳои кортатон', 'raqami kortaton'];
    const expiry = ['', ' ва санаи анҷоми онро', ' va sanai tamom shudanashro', ' бо мӯҳлати амалаш', ' bo muhlati etiborash'];
    const verb = ['фиристед', 'firisted', 'нависед', 'navised', 'ба ман гӯед', 'ba man guyed'];
    fc.assert(fc.property(pick(['', 'Лутфан ', 'lutfan ']), pick(number), pick(expiry), pick(verb), (p, n, e, v) => blocked(`${p}${n}${e} ${v}.`)), RUNS);
  });

  it('never blocks the code entered oneself in the app, with a screenshot of an error asked after, and still blocks it sent here', () => {
    const self = ['кодро худатон дар барнома ворид кунед', 'kodro khudaton dar ilova vorid kuned', 'кодро дар барнома нависед', 'kodro khudat dar barnoma navis'];
    const warn = ['', ' Ба ҳеҷ кас надиҳед, ҳатто ба мо.', ' ba hech kas nadihed.'];
    const err = ['', ' Агар хато барояд, скриншоти экранро фиристед.', ' agar khato shavad, aksi ekranro firisted.'];
    fc.assert(fc.property(pick(self), pick(warn), pick(err), (s, w, e) => !blocked(`${s}.${w}${e}`)), RUNS);
    fc.assert(fc.property(pick(['кодро ба ман фиристед, ман худам дар барнома ворид мекунам', 'kodro hamin jo navised', 'кодро ҳамин ҷо нависед']), (a) => blocked(a)), RUNS);
  });
});

describe('an ID photographed on both sides', () => {
  it('blocks a picture of an ID under its local name sent into the chat', () => {
    const verb = ['take photo of your', 'snap the front and back of your', 'send a clear photo of both sides of your', 'Paki-send po yung picture ng', 'Mándame una foto del'];
    const id = ['HKID', 'Hong Kong ID', 'Aadhaar', 'UMID', 'PhilID', 'DNI'];
    const tail = [' and send here', ', both side, send here for KYC', ' and drop it in this chat', ' por los dos lados y mándamela aquí'];
    fc.assert(fc.property(pick(verb), pick(id), pick(tail), (v, d, t) => blocked(`${v} ${d}${t}`)), RUNS);
  });

  it('never blocks the original shown at a branch, nor a receipt photographed', () => {
    const id = ['HKID', 'Aadhaar', 'UMID'];
    fc.assert(fc.property(pick(id), (d) => !blocked(`Bring your ${d} to the branch, no need to send it here.`) && !blocked('send me a photo of the receipt, both sides')), RUNS);
  });
});

describe('the code described as what is on the reader\'s phone', () => {
  it('blocks "<modal> <anyone> tell/read me the code on your phone", whoever the subject', () => {
    const opener = ['', 'can you ', 'can he ', 'could she ', 'pls '];
    const verb = ['tell me', 'read me', 'tell us', 'read us'];
    const place = ['on your phone', 'on your screen', 'on your mobile'];
    const tail = ['', ' just now', ' please'];
    fc.assert(fc.property(pick(opener), pick(verb), pick(place), pick(tail), (o, v, p, t) => blocked(`${o}${v} the code ${p}${t}`)), RUNS);
  });

  it('blocks "copy them/it here" in Persian after a message with digits came', () => {
    const sms = ['یه پیامک با چندتا عدد برات اومده.', 'کد اومد؟', 'الان یه اس‌ام‌اس با چند رقم برات اومد.'];
    const ask = ['کپیشون کن اینجا', 'لطفا کپیشون کن اینجا که فعالش کنم', 'کپیش کن اینجا', 'اونا رو کپی کن اینجا'];
    fc.assert(fc.property(pick(sms.slice(0, 1)), pick(ask), (s, a) => blocked(`${s} ${a}`)), RUNS);
    fc.assert(fc.property(pick(['کد رو کپی کن و توی اپ بزن', 'لینک رو کپی کن و توی مرورگر باز کن']), (a) => !blocked(a)), RUNS);
  });
});

describe('the code typed in the app by the customer, a picture of the screen asked if it fails', () => {
  it('never blocks "type the code in the app yourself" and a picture of the screen or the error after "if it fails"', () => {
    const type = ['type that code in the app yourself', 'Enter the code in the app on your own', 'Please key in the OTP yourself on the app', 'put the code in the app urself, not here'];
    const join = [', and ', '. ', ', then '];
    const cond = ['if it acts up', 'if it fails', 'should it show an error', 'if it throws an error'];
    const ask = ['send me a picture of the screen', 'send me a screenshot of the error', 'kindly share a screenshot of the screen with us', 'flick us a snap of the error message'];
    fc.assert(fc.property(pick(type), pick(join), pick(cond), pick(ask), (t, j, c, a) => !blocked(`${t}${j}${c} ${a}.`)), RUNS);
  });

  it('never blocks a picture of the screen taken and sent "it" in Arabic and English, and still blocks a picture of the message', () => {
    const type = ['دخل الكود بنفسك في التطبيق مو هني', 'الرمز اللي وصلك دخله بنفسك داخل التطبيق', 'type the code in the app yourself'];
    const pic = ['وإذا طلع خطأ صوّر الشاشة وأرسلها لي', 'ولو طلع لك خطأ صور لي الشاشة وارسلها', 'then screenshot the error and send it to me', 'and send me a screenshot of the error message'];
    fc.assert(fc.property(pick(type), pick(pic), (t, p) => !blocked(`${t}، ${p}`)), RUNS);
    fc.assert(fc.property(pick(['send me a screenshot of the code', 'take a screenshot of the message with the code and send it to me', 'enter the code here and send me a screenshot', 'الكود اللي وصلك صوره وابعته لي']), (a) => blocked(a)), RUNS);
  });

  it('reads Dari "خود تان" as yourself: the code entered in the app is no hand-over, sent to us still is', () => {
    const self = ['کود را خود تان در اپلیکیشن درج کنین', 'کد رو خود تون تو اپ بزنید'];
    const warn = ['', '. به هیچ کس نتین، حتی به ما'];
    fc.assert(fc.property(pick(self), pick(warn), (s, w) => !blocked(`${s}${w}`)), RUNS);
    fc.assert(fc.property(pick(['خود تان کود را برای ما روان کنین', 'کد رو بفرستید، خودتون میدونید']), (a) => blocked(a)), RUNS);
  });
});
