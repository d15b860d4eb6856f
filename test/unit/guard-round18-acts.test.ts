/**
 * Round 18 of issue #21: the inbound guard reads who hands what to whom (`phishing/acts.ts`). Clauses are generated
 * from parts — the giver (the customer or one of their people), the act (give, tell/read out, send), the secret
 * (code, PIN, password, CVV, card number), the recipient (a stranger, us, the customer's own people, nobody), the
 * language (English, Gulf/Levantine/Egyptian Arabic, Persian, Persian and Tajik in Latin letters, Arabizi), negated or
 * not, quoted or not — and the facts read and the `secret` flag are checked against the parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActs, type Act, type Recipient, type Secret } from '../../main/core/guard/phishing/acts';
import { flags, pick, RUNS } from '../helpers/guard-rounds';

type Giver = 'me' | 'my_side';
interface Parts { giver: Giver; act: Exclude<Act, 'pay' | 'type_in' | 'take'>; secret: Secret; to: Recipient; negated: boolean }

const SECRET_WORDS: Record<string, Record<Secret, string>> = {
  en: { otp: 'the code', pin: 'my PIN', password: 'my password', cvv: 'the CVV', card: 'my card number' },
  ar: { otp: 'الكود', pin: 'الرقم السري', password: 'كلمة السر', cvv: 'رمز الأمان', card: 'رقم البطاقة' },
  fa: { otp: 'کد', pin: 'رمز دوم کارت', password: 'رمز عبور', cvv: 'cvv', card: 'شماره کارت' },
  latn: { otp: 'kod', pin: 'pin', password: 'parol', cvv: 'cvv', card: 'card number' },
  arabizi: { otp: 'el code', pin: 'el pin', password: 'el password', cvv: 'el cvv', card: 'card number' },
};

/** One clause in a language, from the parts. */
const WRITE: Record<string, (p: Parts) => string> = {
  en: (p) => {
    const who = p.giver === 'me' ? 'I' : 'my mum';
    const verb = p.negated ? { give: "didn't give", tell: 'never read', send: 'did not send' }[p.act] : { give: 'gave', tell: 'read', send: 'sent' }[p.act];
    const to = { them: 'to the caller', us: 'to you', mine: 'to my son', nobody: 'to anybody' }[p.to];
    return `${who} ${verb} ${SECRET_WORDS.en![p.secret]} ${to}`;
  },
  ar: (p) => {
    // the person is the verb's ending (ت: I; the weak verb's feminine عطت for "my mother")
    const verb = p.giver === 'me' ? { give: 'عطيت', tell: 'قلت', send: 'ارسلت' }[p.act] : { give: 'عطت', tell: 'قالت', send: 'ارسلت' }[p.act];
    const who = p.giver === 'me' ? '' : 'امي ';
    const to = { them: 'للمتصل', us: 'لكم', mine: 'لاختي', nobody: 'لأحد' }[p.to];
    return `${who}${p.negated ? 'ما ' : ''}${verb} ${SECRET_WORDS.ar![p.secret]} ${to}`;
  },
  fa: (p) => {
    // verb-final: the object, the recipient, then ن? + the past stem + the person
    const stem = { give: 'داد', tell: 'گفت', send: 'فرستاد' }[p.act];
    const who = p.giver === 'me' ? '' : 'مامانم ';
    const to = { them: 'به یارو', us: 'به شما', mine: 'به خواهرم', nobody: 'به هیچکس' }[p.to];
    return `${who}${SECRET_WORDS.fa![p.secret]} رو ${to} ${p.negated ? 'ن' : ''}${stem}${p.giver === 'me' ? 'م' : ''}`;
  },
  latn: (p) => {
    const stem = { give: 'dod', tell: 'guft', send: 'firistod' }[p.act];
    const who = p.giver === 'me' ? 'man' : 'modaram';
    const to = { them: 'ba u', us: 'ba shumo barnoma', mine: 'ba pesaram', nobody: 'ba hech kas' }[p.to];
    return `${who} ${SECRET_WORDS.latn![p.secret]}ro ${to} ${p.negated ? 'na' : ''}${stem}${p.giver === 'me' ? 'am' : ''}`;
  },
};

const parts = (language: string): fc.Arbitrary<Parts> =>
  fc.record({
    // (Arabic "قالت/ارسلت" for "she" is the first person too; only "my mother" with the weak verb is generated apart)
    giver: language === 'ar' ? pick<Giver>(['me']) : pick<Giver>(['me', 'my_side']),
    act: pick(['give', 'tell', 'send'] as const),
    secret: pick<Secret>(language === 'latn' ? ['otp', 'pin', 'cvv'] : ['otp', 'pin', 'password', 'cvv', 'card']),
    to: pick<Recipient>(['them', 'us', 'mine', 'nobody']),
    negated: fc.boolean(),
  });

/** A stranger's ask before the story, as customers tell it (it names who the recipient is when the clause does not). */
const ASKED: Record<string, string> = { en: 'a man called saying he is from the bank.', ar: 'اتصل واحد قال انه من البنك.', fa: 'یکی زنگ زد گفت از بانکه.', latn: 'yak kas zang zad guft az bank.' };

describe('inbound round 18: who hands what to whom (generated)', () => {
  for (const language of Object.keys(WRITE)) {
    it(`${language}: the act, the giver, the secret, the negation and the recipient are read from the clause`, () => {
      fc.assert(
        fc.property(parts(language), (p) => {
          const clause = WRITE[language]!(p);
          const fact = readActs(clause).find((f) => f.secret && f.act !== 'pay');
          expect(fact, clause).toBeDefined();
          expect(fact!.act, clause).toBe(p.act);
          expect(fact!.secret, clause).toBe(p.secret);
          expect(fact!.actor, clause).toBe(p.giver);
          expect(fact!.past, clause).toBe(true);
          expect(fact!.negated, clause).toBe(p.negated || p.to === 'nobody');
          if (p.to !== 'nobody') expect(fact!.recipient, clause).toBe(p.to);
        }),
        RUNS,
      );
    });

    it(`${language}: a secret handed to a stranger is flagged; not handed, or handed to us or the customer's own people, is not; quoted, it tells nothing`, () => {
      fc.assert(
        fc.property(parts(language), (p) => {
          const msg = `${ASKED[language]} ${WRITE[language]!(p)}`;
          const handed = !p.negated && p.to === 'them';
          expect(flags(msg).includes('secret'), msg).toBe(handed);
          // someone else's words quoted in a mail, with the customer's own question below: no hand-over of theirs
          const quoted = `> ${WRITE[language]!({ ...p, negated: false, to: 'them' })}\n\nwhat does this mean?`;
          expect(flags(quoted), quoted).not.toContain('secret');
        }),
        RUNS,
      );
    });
  }

  it('Arabizi and Arabic clitics: the object and the recipient ride on the verb ("3tito el code", "اديتهوله"), the negation too ("ma 2oltohoulosh")', () => {
    fc.assert(
      fc.property(pick(['3tito', '3atito', 'a3taito', '2oltlo', 'ba3atto']), pick(Object.keys(SECRET_WORDS.arabizi!) as Secret[]), fc.boolean(), (verb, secret, negated) => {
        const msg = `talab meni ${SECRET_WORDS.arabizi![secret]} w ana ${negated ? `ma ${verb}sh` : verb}`;
        expect(flags(msg).includes('secret'), msg).toBe(!negated);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(pick(['اديتهوله', 'قلتهوله', 'عطيتو ليه', 'بعتهوله', 'انطيته']), fc.boolean(), (verb, negated) => {
        const msg = `طلب مني الكود اللي وصلني و${negated ? `ما ${verb.replace(/( ليه)?$/, 'ش$1')}` : verb}`;
        expect(flags(msg).includes('secret'), msg).toBe(!negated);
      }),
      RUNS,
    );
  });

  it('what the other side took from the customer is out of their hands ("کد رو ازم گرفت", "he took my card number"); what it took from itself is not', () => {
    for (const [msg, out] of [
      ['یکی زنگ زد و کد تایید رو ازم گرفت', true],
      ['the caller took my card number and the expiry', true],
      ['usne mera pin le liya', true],
      ['I took the code from the SMS and typed it in your app', false],
    ] as const) {
      expect(flags(msg).includes('secret'), msg).toBe(out);
    }
  });

  it('a payment demanded for what it releases is a fee, read from the pay act and its purpose (any pay verb, money given or sent); the customer\'s own past payment is not', () => {
    const FEE: Record<string, { pay: string[]; amount: string[]; release: string[]; write: (pay: string, amount: string, release: string) => string; own: (amount: string) => string}> = {
      en: { pay: ['pay', 'send', 'transfer', 'deposit'], amount: ['50 dollars', '5,000 naira', '200 cedis', '30 euros'], release: ['to release my parcel', 'so they can unblock the wallet', 'to unfreeze the account'],
        write: (p, a, r) => `the agent on whatsapp wants me to ${p} ${a} ${r}`, own: (a) => `I paid ${a} for the parcel last week, when will it arrive?` },
      ar: { pay: ['ادفع', 'احول', 'اسدد', 'ابعت'], amount: ['٥٠ دولار', '٣٠٠ جنيه', '١٠٠ ريال'], release: ['عشان يطلعوا الطرد', 'حتى يرفعوا الحظر', 'باش يطلقو الفلوس'],
        write: (p, a, r) => `لازم ${p} ${a} ${r}`, own: (a) => `دفعت ${a} امس على الطلب، متى يوصل؟` },
      fa: { pay: ['واریز کنم', 'پرداخت کنم', 'بدم', 'بریزم'], amount: ['۵۰ هزار تومن', '۲۰۰ هزار تومان'], release: ['تا حسابم آزاد بشه', 'تا بسته برسه'],
        write: (p, a, r) => `گفتن باید ${a} ${p} ${r}`, own: (a) => `${a} پرداخت کردم برای سفارش، کی میرسه؟` },
    };
    for (const [language, f] of Object.entries(FEE)) {
      fc.assert(
        fc.property(pick(f.pay), pick(f.amount), pick(f.release), (pay, amount, release) => {
          const msg = f.write(pay, amount, release);
          expect(flags(msg), `${language}: ${msg}`).toContain('upgrade_fee');
          const own = f.own(amount);
          expect(flags(own), `${language}: ${own}`).not.toContain('upgrade_fee');
        }),
        RUNS,
      );
    }
  });
});
