/**
 * Round 30 of issue #21 (inbound), composed from parts, for the told classes of the blind set r23: look-alikes by a digit
 * for a letter, a generic ending's word under a country ending that has none (`brand.com.uk`), a service word after a
 * name, and the company's own name under other endings; the official number with a digit put in front, and a caller who
 * passed themself off as the customer or as us to a relative; a Dari voice note's verification fee in dollars by
 * evening; a texting deadline with "or ur booking is gone"; a password named and a token of letters and digits stated
 * by a copula or as one of two guesses; a refund demanded instead of a voucher. Each sign stands beside the same parts
 * made safe, so no property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966 800 123 4567', '800-2263'], officialSupportHandles: ['@AcmeCare'] });
/** A policy that knows no company the generated messages name. */
const stranger = resolveGuardPolicy({ companyDomains: ['example.org'] });
type Policy = typeof policy;
const inspect = (p: Policy, t: string) => inspectInbound(t, 'en', { policy: p, detectSensitive });
const flagsUnder = (p: Policy, t: string) => inspect(p, t).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const flags = (t: string) => flagsUnder(policy, t);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** A made-up brand with an o and an l in it, its own site the name run together. */
const brand = fc.tuple(pick(['Rihla', 'Talab', 'Safla', 'Nolan', 'Lotus', 'Zolal', 'Barlo']), pick(['Go', 'Pay', 'Way', 'Trip'])).map(([a, b]) => ({ name: `${a} ${b}`, key: `${a}${b}`.toLowerCase() }));
const LINK_FRAMES = ['Is {d} your site?', 'they sent me {d}/refund for the cancelled trip', 'هل {d} موقعكم؟ بعتولي ياه', 'این سایت {d} مال شماست؟', 'el link {d} mazboot wala la2?', 'is dis site {d} una own abeg'];
/** One o made a 0, or one l made a 1. */
const leet = (name: string, which: number) => {
  const at = [...name].map((c, i) => (c === 'o' || c === 'l' ? i : -1)).filter((i) => i >= 0);
  const i = at[which % at.length]!;
  return name.slice(0, i) + (name[i] === 'o' ? '0' : '1') + name.slice(i + 1);
};

describe('inbound, round 30 (generated)', () => {
  it('a name with a digit for a letter, under com.uk or with a service word after it is a look-alike under a policy that knows no brand; real sites are not', () => {
    fc.assert(
      fc.property(brand, fc.nat(), pick(['com', 'net', 'org']), pick(['com.uk', 'com.jp', 'com.nz', 'com.kr', 'com.il']), pick(['ferry', 'tickets', 'flights', 'bookings', 'refund', 'hotels']), pick(LINK_FRAMES), (co, which, ending, fake, service, frame) => {
        for (const d of [`${leet(co.key, which)}.${ending}`, `${co.key}.${fake}`, `${co.key}-${service}.${ending}`]) {
          const t = fill(frame, { d });
          expect(flagsUnder(stranger, t), t).toContain('lookalike');
        }
        for (const d of [`${co.key}.${ending}`, `${co.key}.co.uk`, 'w3schools.com', 'office365.com', 'formula1.com', '1password.com', 'cheap-flights.com', 'direct-ferries.com', 'bbc.co.uk']) {
          const t = fill(frame, { d });
          expect(flagsUnder(stranger, t), t).not.toContain('lookalike');
        }
      }),
      { numRuns: 50 },
    );
  });

  it("the company's name with a digit for a letter, under another ending or with a service word is a look-alike under its policy; its own site is not", () => {
    fc.assert(
      fc.property(brand, fc.nat(), pick(['org', 'tj', 'com.uk', 'net', 'af']), pick(['ferry', 'refund', 'tickets']), pick(LINK_FRAMES), (co, which, ending, service, frame) => {
        const p = resolveGuardPolicy({ companyDomains: [`${co.key}.com`], brandNames: [co.name] });
        for (const d of [`${leet(co.key, which)}.com`, `${co.key}.${ending}`, `${co.key}-${service}.com`]) {
          const t = fill(frame, { d });
          expect(flagsUnder(p, t), t).toContain('lookalike');
        }
        const own = fill(frame, { d: `${co.key}.com/help` });
        expect(flagsUnder(p, own), own).not.toContain('lookalike');
      }),
      { numRuns: 40 },
    );
  });

  it('the official number with a digit put in front, and a caller who passed themself off as the customer or as us, give a fake number; the official number and its dialled forms do not', () => {
    const ASKS = ['someone rang from {fake} claiming to be Acme, is it {fake} or {ours}?', 'is {fake} your number or is it {ours}? they called about my booking', 'اتصل بي {fake} وقال انه من خدمة العملاء، الرقم الصحيح {ours} صح؟', 'یکی با {fake} زنگ زد گفت از پشتیبانی است، شماره شما {ours} است یا این؟'];
    const IMPERSONATED = ['A man phoned my {rel} from {mob} saying he was me and needed money', 'someone claiming to be you called my {rel} from {mob} about a refund', 'my {rel} got a call from {mob}, the guy said he was me', 'یک نفر با شماره {mob} به {relFa} زنگ زده و گفته من هستم و پول خواسته', 'واحد كلم {relAr} من رقم {mob} وقال انه انا', "wa7ed kallem {relAr2} men raqam {mob} we 2al enno ana"];
    fc.assert(
      fc.property(pick(['0', '1', '9']), pick(ASKS), pick(IMPERSONATED), pick(['+44 7', '+90 5', '+971 5', '+1 64']), digits(8), pick(['mother', 'aunt', 'brother', 'dad']), (lead, ask, story, cc, rest, rel) => {
        const fake = fill(ask, { fake: `${lead}800-2263`, ours: '800-2263' });
        expect(flags(fake), fake).toContain('fake_number');
        const mob = `${cc}${rest.slice(0, 2)} ${rest.slice(2)}`;
        const told = fill(story, { mob, rel, relFa: 'مادرم', relAr: 'أمي', relAr2: 'ommi' });
        expect(flags(told), told).toContain('fake_number');
        for (const safe of ['I rang 800-2263 this morning and waited 40 minutes', 'I called +966 800 123 4567 from abroad and it worked', 'I called 00966 800 123 4567, no answer', `my ${rel} called me from ${mob}, can you add her to my booking?`, `my number is ${mob}, please call me back`]) expect(flags(safe), safe).not.toContain('fake_number');
      }),
      { numRuns: 60 },
    );
  });

  it("a Dari voice note's verification fee in dollars by evening is a fee and urgency; a ticket's price in dollars and its cancellation are not", () => {
    const NOTES = [
      'یک نفر از شرکت زنگ زد گفت باید {n} دالر فیس تصدیق بفرستم، اگر تا {eve} نفرستم تکت من لغو میشه',
      'یک آقا زنگ زد گفت از طرف شرکت هستم، {n} دالر پول تایید روان کن ورنه تا {eve} بلیط تان باطل میشه',
      '[یادداشت صوتی] گفتند {n} دالر فیس تصدیق بدهید تا {eve}، ورنه تکت شما لغو میشود',
    ];
    fc.assert(
      fc.property(pick(NOTES), fc.integer({ min: 5, max: 900 }), pick(['شام', 'بیگاه']), (note, n, eve) => {
        const t = fill(note, { n, eve });
        expect(flags(t), t).toEqual(expect.arrayContaining(['upgrade_fee', 'urgency']));
        for (const safe of [`تکت من ${n} دالر بود، چرا لغو شد؟`, `تکت من لغو شد، ${n} دالر پولم کی برمیگرده؟`, 'می‌خواهم رزروم را تا شام لغو کنم']) expect(flags(safe), safe).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a texting deadline with "or ur booking is gone" quoted is urgency; the customer\'s own deadline is not', () => {
    const QUOTES = ['they texted me "{last} pay by {h}pm or ur {thing} is gone" is that u??', "msg says '{last}!! pay b4 {h}pm or ur {thing} gets binned' wtf", 'text said: {last}, pay by {h}pm or ur {thing} will be cancelled'];
    fc.assert(
      fc.property(pick(QUOTES), pick(['last chance', 'final chance', 'LAST CHANCE']), fc.integer({ min: 1, max: 11 }), pick(['booking', 'seat', 'ticket', 'reservation']), (q, last, h, thing) => {
        const t = fill(q, { last, h, thing });
        expect(flags(t), t).toContain('urgency');
        for (const safe of [`I need to pay by ${h}pm or I lose my ${thing}, can I pay by card?`, `please confirm my ${thing} by ${h}pm or I'll cancel it`, `my flight is at ${h}pm, can you send the ${thing} before that?`]) expect(flags(safe), safe).not.toContain('urgency');
      }),
      { numRuns: 40 },
    );
  });

  it('a password named, then a token of letters and digits stated by a copula or as one of two guesses, is a pasted secret; a password named with no value is not', () => {
    const FRAMES = ["me password's {v} an it keeps sayin incorrect", 'my password, is it {v} or {w}?', 'الباسوورد بتاعي {v} ولا {w}؟', 'پسورد جیمیلم {v} هست ولی قبول نمیکنه', 'passwordam {v} hast vali error mide', 'me password for d app {v} an it keeps sayin incorrect'];
    const token = fc.tuple(pick(['Tiger', 'nour', 'Reza', 'sara', 'Blue', 'ali']), pick(['_', '@', '']), fc.integer({ min: 10, max: 99999 }), pick(['', 'x', 'pk'])).map(([a, s, n, b]) => `${a}${s}${n}${b}`);
    fc.assert(
      fc.property(pick(FRAMES), token, token, (frame, v, w) => {
        const t = fill(frame, { v, w });
        const got = inspect(policy, t);
        expect(got.flags.map((f) => f.code), t).toContain('secret');
        expect(got.maskedText, t).not.toContain(v);
        for (const safe of ["the password's reset link never came", 'my password is expired and it keeps sayin incorrect', 'password reset for order AB12345 or later?', 'I changed my password yesterday but it keeps saying incorrect']) expect(flags(safe), safe).not.toContain('secret');
      }),
      { numRuns: 60 },
    );
  });

  it('a refund demanded instead of a voucher is no fee; a voucher demanded as payment is', () => {
    const DEMANDS = ['The hotel was cancelled. I want a full refund, not a voucher', "Your hotel cancelled. Full refund please, I don't want a voucher or an upgrade", 'refund the ${n} in full please, no upgrade, no voucher, the resort cancelled', 'I want my money back (${n}), not a voucher. The flight was cancelled.', 'give me a refund instead of a voucher, the ${n} booking was cancelled by you'];
    fc.assert(
      fc.property(pick(DEMANDS), fc.integer({ min: 20, max: 3000 }), (d, n) => {
        const t = d.replace('${n}', `$${n}`);
        expect(flags(t), t).not.toContain('upgrade_fee');
        const scam = `they said I must buy a $${n} voucher to get my refund released`;
        expect(flags(scam), scam).toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });
});
