/**
 * Round 19 of issue #21: who receives the secret, read per clause. Generated from parts (secret × recipient × negation
 * × language): a secret sent only into the app, the ATM or a machine, with "nobody will ask you for it", never blocks
 * (English, Gulf pidgin in Latin letters, French, Nigerian Pidgin); the same secret handed to us or to a person we
 * name (a courier, an agent) blocks, in French as in English; a negated asker ("none of our staff will ask you to …")
 * negates what they would ask for; the learned model does not judge a clause with a negator, so a negated ask with a
 * verb nobody listed stays allowed with the model on; the secret described instead of named (the digits used at the
 * cash machine, the three digits on the back in Arabizi, the card's picture named card-first) blocks when asked for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knowsWord } from '../../main/core/guard/text/words';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

/** A made-up verb no lexicon lists. */
const verb = fc.stringMatching(/^[bcdfghjklmprstvz][aeiou][bcdfghjklmprstvz][aeiou][bcdfghjklmprstvz]?$/).filter((v) => !knowsWord(v) && !knowsWord(v + 'ez') && !/^(?:na|ne|ma)/.test(v));

describe('the app, the ATM or a machine as the only recipient', () => {
  it('never blocks an English warning that the secret goes only into the app or the ATM, and that nobody will ask for it', () => {
    const secrets = ['The code', 'Your PIN', 'That OTP', 'The verification code', 'Your card PIN'];
    const places = ['app', 'ATM', 'official app', 'cash machine', 'banking app'];
    const nobody = ['Nobody from our team', 'None of our staff', 'No one at the bank', 'Nobody at our branch', 'None of our agents'];
    const acts = ['read it out to them', 'say it to them', 'send it to them', 'tell it to them', 'read it to us'];
    fc.assert(fc.property(pick(secrets), pick(places), pick(nobody), pick(acts), (s, p, n, a) => !blocked(`${s} only goes into the ${p}. ${n} will ever ask you to ${a}.`)), RUNS);
  });

  it('never blocks Gulf pidgin in Latin letters that sends the secret to the app or the ATM and to nobody', () => {
    const secrets = ['code', 'OTP', 'PIN', 'password'];
    const sendVerbs = ['arsil', 'kallim', 'kitab', 'sawi send'];
    const who = ['ana', 'ahad', 'hina', 'ana hina'];
    const places = ['app fi', 'ATM fi', 'machine fi', 'application fi'];
    const entry = ['kitab', 'dakhal', 'sawi', 'hut'];
    fc.assert(fc.property(pick(secrets), pick(sendVerbs), pick(who), pick(places), pick(entry), (s, v, w, p, e) => !blocked(`${s} mafi ${v} ${w}, inta ${p} ${e}`)), RUNS);
  });

  it('never blocks a French warning that the code goes only into the app, and blocks the same code sent to us', () => {
    const secrets = ['votre code', 'le code reçu par SMS', 'votre mot de passe', 'votre code PIN', 'le code de vérification'];
    const verbs = ['envoyez', 'transmettez', 'communiquez', 'donnez', 'dictez'];
    const entry = ["saisissez-le dans l'application", "tapez-le dans l'appli", "entrez-le uniquement dans l'application"];
    fc.assert(fc.property(pick(secrets), pick(verbs), pick(entry), (s, v, e) => {
      const neg = v === 'envoyez' ? "n'envoyez" : `ne ${v}`;
      return !blocked(`${neg} jamais ${s} à personne, ${e}.`) && blocked(`${v[0]!.toUpperCase()}${v.slice(1)}-moi ${s}, s'il vous plaît.`);
    }), RUNS);
  });

  it('never blocks a Nigerian Pidgin warning that the PIN goes only into the machine', () => {
    const secrets = ['PIN', 'code', 'OTP', 'password'];
    const places = ['inside di app', 'for di ATM', 'inside di machine', 'for di app'];
    const warn = ['no give anybody', 'no tell any person', 'no show anybody'];
    fc.assert(fc.property(pick(secrets), pick(places), pick(warn), (s, p, w) => !blocked(`Abeg ${w} your ${s} o, na only ${p} you go put am`)), RUNS);
  });
});

describe('a person we name as the recipient', () => {
  it('blocks handing the card and its secret to a courier or agent we send, in English and French', () => {
    const en = fc.tuple(pick(['Our courier', 'Our driver', 'An employee of ours', 'Our agent']), pick(['give him', 'hand him', 'tell him']), pick(['the PIN', 'the code that comes to your phone', 'the card and its PIN', 'the card and the password']));
    const fr = fc.tuple(pick(['Notre agent', 'Le livreur', 'Notre coursier', 'Un employé']), pick(['donnez-lui', 'dictez-lui', 'transmettez-lui', 'communiquez-lui']), pick(['la carte et le code secret', 'le code reçu par SMS', 'votre code PIN', 'la carte et son code']));
    fc.assert(fc.property(en, fr, ([who, act, what], [qui, acte, quoi]) => blocked(`${who} will come to your house today; ${act} ${what}.`) && blocked(`${qui} va passer chez vous, ${acte} ${quoi}.`)), RUNS);
  });
});

describe('negation per clause, with the learned model on', () => {
  it('never blocks a negated ask with a verb no lexicon lists, the model included', () => {
    const secrets = ['OTP', 'the code', 'your pin', 'your password', 'verification code'];
    const shapes = [
      (s: string, v: string) => `bhai ${s} mujhe mat ${v}o`,
      (s: string, v: string) => `${s} kisi ko mat ${v}o`,
      (s: string, v: string) => `please never ${v} ${s} to anyone`,
      (s: string, v: string) => `ne ${v}ez jamais ${s} à personne`,
      (s: string, v: string) => `inta ${s} ${v} ana mafi`,
    ];
    // every shape and secret with 200 drawn verbs (seeded): the model's false blocks were rare (32 in 10,000 before this
    // round, "bhai verification code mujhe mat zuvogo"), so a few random draws would not find them
    const verbs = fc.sample(verb, { numRuns: 200, seed: 19 });
    const wrong = verbs.flatMap((v) => secrets.flatMap((s) => shapes.map((shape) => shape(s, v)))).filter((t) => blocked(t));
    expect(wrong).toEqual([]);
    // 5,000 replies through the rules and the model: seconds on a quiet machine, past the default 30 s when other work
    // shares the cores — a count, not a clock, is what this test checks
  }, 180_000);
});

describe('the secret described, not named', () => {
  it('blocks an ask for the digits used at the cash machine or the three on the back, in Arabic, Persian and Arabizi', () => {
    const asks = [
      (n: string) => `الأرقام ${n} اللي بتستعملها عالصراف، ابعتلي ياها`,
      (n: string) => `قولي ${n === 'الأربعة' ? 'الأربع أرقام' : '٤ أرقام'} اللي تدخلها في الصراف`,
      () => 'چهار رقمی که در خودپرداز می‌زنید را برایم بفرستید',
      () => 'ab3atli el tlet ar2am elli 3a dahr el card',
      () => 'sadiq card photo front wa back arsil hina',
    ];
    fc.assert(fc.property(pick(['الأربعة', 'الاربعه']), pick(asks), (n, ask) => blocked(ask(n))), RUNS);
  });
});

describe('a third party\'s ask quoted to disown it', () => {
  it('never blocks a caller\'s ask reported and disowned, in Arabic dialects, Persian, French and English', () => {
    const ar = fc.tuple(pick(['اللي كلمك وطلب منك', 'الراجل اللي قالك', 'اللي اتصل فيك وقال']), pick(['ابعتلي الكود', 'تعطيه الرمز', 'ارسل الرمز']), pick(['مش تبعنا', 'مش من البنك', 'ما هو من عندنا', 'مو من طرفنا']));
    const other = pick([
      (a: string) => `Whoever texted you '${a}' isn't part of our team; we never want that code.`,
      (a: string) => `La personne qui vous a dit « ${a} » ne travaille pas chez nous.`,
      () => 'پیامی که گفته «کد رو برامون بفرست» کار ما نیست',
    ]);
    const ask = pick(['send me the code', 'reply with your PIN', 'envoyez-moi le code']);
    fc.assert(fc.property(ar, other, ask, ([who, act, disown], frame, a) => !blocked(`${who} ${act} ${disown}، احنا ما نطلب الرمز`) && !blocked(frame(a))), RUNS);
  });
});

describe('the secret named by a Persian light verb\'s clitic or a Gulf pidgin verb', () => {
  it('blocks "type it here" after a code arrived, and a Gulf pidgin "write here" / "tell me"; not "report it"', () => {
    const arrived = pick(['یه کد برات اومده', 'کد تأیید براتون ارسال شد', 'یک رمز به گوشیت رسید']);
    const here = pick(['همینجا تایپش کن', 'اینجا تایپش کنید', 'برام تایپش کن']);
    const pidgin = fc.tuple(pick(['iqama number', 'OTP', 'card PIN', 'code']), pick(['kitab hina', 'kallim ana', 'kitab ana']));
    fc.assert(fc.property(arrived, here, pidgin, (a, h, [s, v]) => blocked(`${a}، ${h}`) && blocked(`sadiq ${s} ${v}`) && !blocked(`اگر کسی کد را از شما خواست، گزارش دهید`)), RUNS);
  });
});

