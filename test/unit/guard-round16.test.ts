/**
 * Round 16 of issue #21: the classes a blind set still missed after round 15, composed from parts, each beside a safe
 * counterpart built from the same parts (so no property passes by flagging everything).
 * Inbound: a number hidden by emoji or keycap digits or read out in words, a reported order to call back, a wallet to
 * pay into; a sum said in words or in somoni/afghani paid to unflag, open or release; a deadline by the hour, "valid 30
 * minutes only", French "sera clôturé"; a secret handed over as dictated digits, by Dari word order or formal Persian.
 * Outbound: a card number cut short and its rest asked for; an order to photograph the card; Cyrillic Tajik requests
 * read by their grammar; safe: a quotation reported after "you wrote", "don't send it to us" after an entry verb.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocked, flags, pick, RUNS } from '../helpers/guard-rounds';

const digit = fc.integer({ min: 0, max: 9 });
const KEYCAP = (d: number) => `${d}\ufe0f\u20e3`;
const ARABIC_WORDS = ['صفر', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'];

describe('round 16, inbound by structure (generated)', () => {
  it("a caller's number with emoji or keycap digits is a fake number; the customer's own number with emoji is not", () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 7, maxLength: 7 }), pick(['😡', '🙏', '🔥']), (ds, emoji) => {
        const n = `0${ds[0]}${emoji}${ds[1]}${ds[2]} ${KEYCAP(ds[3]!)}${ds[4]} ${KEYCAP(ds[5]!)}${ds[6]} ${ds[0]}${ds[1]}`;
        const s = `اتصل علي واحد من ${n} يقول من البنك`;
        expect(flags(s), s).toContain('fake_number');
        const mine = `رقمي ${n} لو سمحت حدثوه في حسابي`;
        expect(flags(mine), mine).not.toContain('fake_number');
      }),
      RUNS,
    );
  });

  it('a number read out in words and cut short after a claim, or a secret dictated to someone, is flagged; digits read to us are not a handed-over secret', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 5, maxLength: 6 }), (ds) => {
        const w = ds.map((d) => ARABIC_WORDS[d]!);
        const caller = `اتصل علي من ${w.slice(0, 2).join(' ')}.. ${w.slice(2, 5).join(' ')}.. وقال انه من الشركة`;
        expect(flags(caller), caller).toContain('fake_number');
        const told = `قلتلو ${w.slice(0, 3).join(' ')}.. ${w.slice(3).join(' ')}`;
        expect(flags(told), told).toContain('secret');
        const notTold = `ما قلتلوش حاجة، قفلت السكة`;
        expect(flags(notTold), notTold).not.toContain('secret');
      }),
      RUNS,
    );
  });

  it('a sum in words or in a local currency paid to unflag, open or release is a fee; a question about a fee or an unlock link without money is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 900 }), pick([
        'they said I should send {a} naira to unflag it',
        'گفتند {a} سامانی بفرستید تا کارت باز شود',
        'گفتن {a} افغانی فیس گمرک بتی',
        'They want a ${a} processing fee for the credit limit increase',
        'voice note: they want two pound ninety-nine to get my parcel released',
      ]), pick([
        'is there a fee of {a} for a credit limit increase on the gold card?',
        'they sent me a link to unlock my account, no money asked, is it you?',
        'I got an email asking me to update my payment details, is it real?',
      ]), (a, scam, ordinary) => {
        const s = scam.replace('{a}', String(a));
        expect(flags(s), s).toContain('upgrade_fee');
        const o = ordinary.replace('{a}', String(a));
        expect(flags(o), o).not.toContain('upgrade_fee');
      }),
      RUNS,
    );
  });

  it('a deadline by the hour, a link valid minutes only, a French closure tonight: urgency; the customer\'s own "urgent" is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 59 }), pick([
        'the text said the link is valid {m} minutes only',
        'پیامک: حساب شما مسدود خواهد شد تا ساعت {h}',
        'message: votre compte sera clôturé ce soir',
        'letter says pay within {m} hours or the case is referred to the prosecution',
      ]), (m, threat) => {
        const s = threat.replace('{m}', String(m)).replace('{h}', String(m % 24));
        expect(flags(s), s).toContain('urgency');
        const own = `plz urgent!! cant log in since ${m % 12} this morning`;
        expect(flags(own), own).not.toContain('urgency');
      }),
      RUNS,
    );
  });
});

describe('round 16, outbound by structure (generated)', () => {
  it('a card cut short and its rest asked for, or an order to photograph the card: blocked; the last four kept, or a parcel photographed: allowed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 6999 }), fc.integer({ min: 10, max: 99 }), pick([
        'the card number you gave was {c} {d}.. resend the whole thing',
        '{c} •••• — kmel lia les chiffres li khassin',
        'کارتت {c} {d}.. بود دیگه؟ کاملشو بنویس',
        'صوّر الوجه الخلفي للبطاقة وارسلها',
        'صور لي البطاقة من ورا',
      ]), pick([
        'your card ending {c} is the one we see, no need to send the whole number',
        'ghir 3tini les 4 derniers chiffres. Ma tsiftch l numéro kaml',
        'Snap a pic of the back of the box with the serial number and send it over',
      ]), (c, d, ask, safe) => {
        const a = ask.replace('{c}', String(c)).replace('{d}', String(d));
        expect(blocked(a), a).toBe(true);
        const s = safe.replace('{c}', String(c));
        expect(blocked(s), s).toBe(false);
      }),
      RUNS,
    );
  });

  it('Cyrillic Tajik: a hand-over verb in the imperative with a secret is blocked; the same verb with на- is a warning', () => {
    fc.assert(
      fc.property(pick(['рамзи тасдиқро', 'коди тасдиқро', 'паролатонро', 'рақами шиносномаатонро']), pick(['фиристед', 'нависед', 'гӯед', 'бидиҳед']), pick(['', 'Лутфан ', 'Салом, ']), (secret, verb, lead) => {
        const ask = `${lead}${secret} ба мо ${verb}`;
        expect(blocked(ask), ask).toBe(true);
        const warn = `${lead}${secret} ба ҳеҷ кас на${verb.replace(/^би/, '')}`;
        expect(blocked(warn), warn).toBe(false);
      }),
      RUNS,
    );
  });

  it('a quotation after "you wrote" is reported, and "don\'t send it to us" after an entry verb keeps the code with the customer', () => {
    fc.assert(
      fc.property(pick(['الكود', 'الرمز']), pick(['لا ترسله لنا', 'ولا تبعته لنا']), (code, forbid) => {
        const safe = `انت كتبت «ابعتلي ${code}» في الرسالة؟ اكتب فيه ${code}. ${forbid}`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `اكتب فيه ${code} وابعتهولي هنا`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });
});
