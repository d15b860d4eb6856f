/**
 * Round 15 of issue #21: the inbound classes still weakest on a blind set, composed from parts, each beside a safe
 * counterpart built from the same parts (so no property passes by flagging everything).
 * Inbound: a sum demanded so that a parcel is released or a block or limit lifted (the purpose clause, in any voice);
 * a court case promised; a deadline by the time of day or in days; a caller's number in Pidgin or a Finglish order to
 * call; a secret given to a stranger (an "engineer", "لواحد") and a PIN stated by "it is"; a redirector's target and a
 * government's name in front of someone else's domain.
 * Outbound: the card's back digits by a size word or the signature, asked as a question; what pops up on the phone read
 * to a third party; the number "that will reach you"; a code by its length in places; the card's number in Darija with
 * French; safe: "dnt share", Taglish entry in the app.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks, resolveGuardPolicy } from '../../main/core/guard';
import { blocked, flags, lowerName, pick, RUNS } from '../helpers/guard-rounds';

const acme = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'] });
const amount = fc.integer({ min: 2, max: 90 });
const mobile = fc.integer({ min: 10_000_000, max: 99_999_999 });

describe('round 15, inbound by structure (generated)', () => {
  it('a sum demanded so that a parcel is released or a limit lifted is a fee; a question about a plan or a statement is not', () => {
    fc.assert(
      fc.property(amount, pick([
        'they said pay {a} AED customs so they release the parcel',
        'goulou liya khassni nkhalles {a} dirhams bach ytlaq lcolis',
        'پیام داده {a} هزار تومن هزینه ارسال بدید تا بسته آزاد بشه',
        'قالولي ادفع {a} جنيه عمولة علشان يرفعولي حد التحويل',
        'the caller asked me to transfer ${a} as insurance to lift the block on my card',
        'goftan baraye bala bordan saghf {a} hezar toman kaarmozd variz konid',
      ]), pick([
        'How much is the fee to upgrade to the premium plan, is it {a} dollars?',
        'There is a {a} AED charge on my statement, what is it?',
        'I paid {a} dollars for delivery last week and the parcel came, thanks',
      ]), (a, scam, ordinary) => {
        const s = scam.replace('{a}', String(a));
        expect(flags(s), s).toContain('upgrade_fee');
        const o = ordinary.replace('{a}', String(a));
        expect(flags(o), o).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a court case promised on a condition, or a deadline by the time of day or in days, is urgency; the customer's own lock-out is not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), pick([
        'بلاغ قضائي: سيتم رفع دعوى عليك إذا لم تسدد المبلغ',
        'notice: legal action will be taken unless you pay the balance',
        'گفتن اگر تا شام ثبت نکنی حسابت بند میشه',
        'a letter said my account will be closed in {d} days unless I verify',
        'dem say my account go close by {d} pm if i no update am',
        'akher forsa, el 7sab ra7 yensakker el sa3a {d} bel lel',
      ]), pick([
        'I typed the wrong PIN {d} times and now my account is locked, please help',
        'my phone was stolen, please block my card as fast as you can',
        'I already verified my account {d} days ago and it is fine now',
      ]), (d, threat, own) => {
        const s = threat.replace('{d}', String(d));
        expect(flags(s), s).toContain('urgency');
        const o = own.replace('{d}', String(d));
        expect(flags(o), o).not.toContain('urgency');
      }),
      RUNS,
    );
  });

  it("a caller's number in Pidgin or a Finglish order to call is a fake number; \"call me on\" is the customer's own", () => {
    fc.assert(
      fc.property(mobile, pick(['one guy call me with 080{n} say he be acme staff', 'sms omade: baraye faal sazi tamas begirid ba 021-{n}', 'پیامک: برای فعال سازی تماس بگیرید با 021{n}']), (n, frame) => {
        const s = frame.replace('{n}', String(n));
        expect(flags(s, acme), s).toContain('fake_number');
        const mine = `please call me on 080${n}, I am an acme customer`;
        expect(flags(mine, acme), mine).not.toContain('fake_number');
      }),
      RUNS,
    );
  });

  it('a secret given to a stranger, or a PIN stated by "it is", is a secret; the same to the app or negated is not', () => {
    fc.assert(
      fc.property(pick([
        ["I gave my online banking password to an 'Acme engineer'", 'I gave my online banking password to the app when it asked'],
        ['زوّدت شخصاً اتصل بي برمز التحقق', 'ما زوّدت شخصاً برمز التحقق'],
        ['ابني عطى الكود اللي وصله لواحد', 'ابني ما عطى الكود لحدا'],
        ['my pin does not work. it is 1946 the year I was born', 'my pin does not work. it is blocked since 1946 minutes ago, no idea why'],
      ] as const), ([told, kept]) => {
        expect(flags(told), told).toContain('secret');
        expect(flags(kept), kept).not.toContain('secret');
      }),
      RUNS,
    );
  });

  it("a redirector's target is judged as the link, and a government's name in front of another's domain is a look-alike", () => {
    fc.assert(
      fc.property(lowerName(4), (w) => {
        const wrapped = `got this link google.com/url?q=http://acme-verify-${w}.com`;
        expect(extractLinks(wrapped).map((l) => l.domain)).toContain(`acme-verify-${w}.com`);
        expect(flags(wrapped), wrapped).toContain('lookalike');
        const gov = `وصلني khadamati-gov.services.${w}-sa.com لتحديث البيانات`;
        expect(flags(gov), gov).toContain('lookalike');
        expect(flags(`is ${w}.gov.sa the right page?`)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('round 15, outbound by structure (generated)', () => {
  it('the back digits by size or the signature, a third party told what pops up, the card number in Darija: blocked; warnings and entry in the app: allowed', () => {
    fc.assert(
      fc.property(pick(['', 'Thanks. ', 'ok sir, ', 'تمام، ']), pick([
        'What are the 3 little numbers next to the signature strip?',
        'عطني الأرقام اللي ورا البطاقة جنب التوقيع',
        'رسل لي الأرقام التلاتة الورا',
        'When our tech calls, just read him whatever pops up on your phone.',
        'الموظف رح يتصل فيك، قله الرقم اللي بيوصلك',
        'وصلك مسج فيه رقم من ٦ خانات؟ ابعتلي ياه',
        '3tini numero dial la carte kamel',
        'ابعثلي نيميرو تاع الكارت كامل',
      ]), pick([
        'pls dnt share any codes w the delivery guy',
        'pakitype na lang po yung code sa app mismo. Hindi po namin kailangan makita',
        'a code will pop up on your phone, enter it in the app yourself',
        'What are the 3 little steps to reset your password?',
      ]), (lead, ask, safe) => {
        expect(blocked(lead + ask), lead + ask).toBe(true);
        expect(blocked(lead + safe), lead + safe).toBe(false);
      }),
      RUNS,
    );
  });
});
