/**
 * Round 35 of issue #21: how far an ask reaches, generated from parts in new words. Asks: a verb governing a list of
 * login fields joined by "and" / و / va / et ("give me your online banking user ID and password"); a secret with its
 * own relative clause of arrival, then "what does it say?" and any clause after it ("الرمز اللي جاك توه وش يقول؟ …");
 * "its number" after a card named ("confirm the card by sending its number, expiry …"); a French writing verb with the
 * secret as its object and this chat as the place ("écrivez-le ici dans le chat"); credentials entered at a third
 * party's link the reply gives ("open … and log in with your bank details"). Safe: the same refused, warned about,
 * looked at in the app, a French contact invitation ("écrivez-nous ici si le code n'arrive pas"), an official link.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

describe('a verb over a list of login fields', () => {
  it('blocks the password at the end of a list the verb governs', () => {
    const verb = ['Give me', 'Just send me', 'Please share', 'Kindly provide', 'Could you pass me'];
    const owner = ['your online banking', 'your internet banking', 'your mobile banking', 'the net banking', 'your bank'];
    const field = ['user ID', 'login ID', 'customer ID', 'username', 'customer number'];
    const last = [' and password', ' and the login password', ' and your password', ' and the PIN', ', password and the OTP'];
    fc.assert(fc.property(pick(verb), pick(owner), pick(field), pick(last), (v, o, f, l) => blocked(`${v} ${o} ${f}${l} and I'll set it up.`)), RUNS);
  });
  it('blocks the list in Arabic and Persian, the last field joined by a prefixed و', () => {
    const asks = ['يرجى تزويدنا باسم المستخدم الخاص بالخدمات المصرفية عبر الإنترنت وكلمة المرور.', 'ارسل لي اسم المستخدم حق تطبيق البنك وكلمة السر', 'لطفاً نام کاربری و رمز اینترنت‌بانک خود را بفرستید.'];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });
  it('allows the same list refused or warned about, and a list of harmless fields', () => {
    const safe = ['Never give your online banking user ID and password to anyone.', 'We will never ask for your online banking user ID, password or OTP.', 'Please send your customer ID and the invoice number.', 'Send me the order number and the tracking link.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('a secret’s own relative clause of arrival, then "what does it say?"', () => {
  it('blocks the question with any clause after it', () => {
    const secret = ['الرمز اللي جاك توه', 'الكود اللي وصلك الحين', 'الرمز الي جاك قبل شوي', 'الكود اللي وصلك توه'];
    const ask = [' وش يقول؟', ' شو مكتوب فيه؟', ' وش مكتوب فيه؟'];
    const tail = ['', ' عشان نكمل التحديث', ' الله يعطيك العافية', ' ابي أخلص طلبك'];
    fc.assert(fc.property(pick(secret), pick(ask), pick(tail), (s, a, t) => blocked(`${s}${a}${t}`)), RUNS);
  });
  it('allows the code that came kept from everyone', () => {
    const safe = ['الرمز اللي جاك توه لا تقوله لأحد', 'الكود اللي وصلك الحين دخله بنفسك في التطبيق', 'الرمز اللي جاك توه لا تعطيه أحد حتى لو قال إنه منا'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('"its number" after a card named', () => {
  it('blocks the card’s number asked by its possessive', () => {
    const lead = ['Confirm the card by sending', 'To verify the card, send me', 'For the debit card, please type here', 'Please verify your card by giving me'];
    const rest = [' its number, expiry and the security code.', ' its full number and its CVV.', ' its number and the expiry date.', ' its number.'];
    fc.assert(fc.property(pick(lead), pick(rest), (l, r) => blocked(`${l}${r}`)), RUNS);
  });
  it('allows the number looked at in the app or named in a statement', () => {
    const safe = ['Confirm the card by checking its number in the app.', 'Your card is blocked; its number stays the same.', 'To confirm the card, open the app and check its number, expiry and the name on it match your statement.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('French: the secret written here', () => {
  it('blocks a writing verb with the secret, or "le" for it, and this chat as the place', () => {
    const asks = ['Vous avez reçu le code ? Écrivez-le ici dans le chat.', 'Le code par SMS : écrivez-le ici.', 'Écrivez le code reçu par SMS ici.', 'Tapez-moi ici le code à 6 chiffres.', 'Merci de nous écrire le code de vérification ici.', 'Vous avez le mot de passe ? Notez-le ici dans la conversation.'];
    fc.assert(fc.property(pick(asks), (a) => blocked(a)), RUNS);
  });
  it('allows a contact invitation and the code kept out of the chat', () => {
    const safe = ['Écrivez-nous ici si le code n’arrive pas.', 'Écrivez-nous ici si le code n\'arrive pas dans les cinq minutes.', 'Pour toute question sur votre carte, écrivez-nous ici.', 'N’écrivez jamais votre code ici : saisissez-le uniquement dans l’application.', 'Le code ? Écrivez-le dans l’application, pas ici.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});

describe('credentials entered at a third party’s link the reply gives', () => {
  it('blocks a bank login at a link that is not ours, in several languages', () => {
    const link = ['secure-refund-help.com', 'acme-verify.net', 'bit.ly/refund-now', 'refunds-acme.help'];
    const ask = (l: string) => [`Go to ${l} and log in with your bank details so we can release the refund.`, `افتح ${l} وسجل دخول بحساب البنك تبعك`, `Ouvrez ${l} et entrez vos identifiants bancaires.`, `aval ${l} ro baz kon, baad ba user o ramze banki vared sho`];
    fc.assert(fc.property(pick(link), fc.nat(3), (l, i) => blocked(ask(l)[i]!)), RUNS);
  });
  it('allows the same steps in our app, on our own site, or warned about', () => {
    const safe = ['Log in with your bank details in our app and the refund shows under Payments.', 'If a site asks you to log in with your bank details to get a refund, close it: that is a scam.', 'Log in with your bank details at acme.com/refund.', 'Log in with your bank details on the bank’s own app, not through any link.'];
    fc.assert(fc.property(pick(safe), (s) => !blocked(s)), RUNS);
  });
});
