/**
 * Round 29 of issue #21 (inbound), composed from parts, for the classes of the told set r22: a look-alike built from a
 * brand of two words (split by a dash, on another country's ending, a country or word after a dash), a name with a
 * country's code hyphenated after it under a policy that knows no brand; a sum demanded for a clearance, an insurance,
 * an upgrade or a verification; a caller's number with an Egyptian "beyo2ol eno men"; an old password pasted in
 * Persian, Dari, Urdu in Latin letters, Arabic and English; a list of invoice numbers after a request for invoices. Each
 * sign stands beside the same parts made safe, so no property passes by flagging nothing or everything.
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
const flagsUnder = (p: Policy, t: string) => inspectInbound(t, 'en', { policy: p, detectSensitive }).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const flags = (t: string) => flagsUnder(policy, t);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';
const script = pick(['ascii', 'fa', 'ar'] as const);
const inScript = (s: string, sc: 'ascii' | 'fa' | 'ar') => (sc === 'ascii' ? s : s.replace(/\d/g, (d) => (sc === 'fa' ? PERSIAN : ARABIC)[Number(d)]!));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** A grocery or shop brand of two words ("Sahra Mart") whose own site is not its name run together (`getsahra.com`). */
const brand = fc.tuple(pick(['Sahra', 'Tamar', 'Zolal', 'Baran', 'Nakheel', 'Rihan']), pick(['Mart', 'Basket', 'Souq', 'Fresh'])).map(([a, b]) => ({ name: `${a} ${b}`, a: a.toLowerCase(), b: b.toLowerCase(), site: `get${a.toLowerCase()}.com` }));
const COUNTRY = ['ca', 'af', 'lb', 'uk', 'pk', 'eg', 'ksa', 'egypt'];
const LINK_FRAMES = ['Is {d} your site?', 'they sent me {d}/promo for the discount', 'هل {d} موقعكم؟ بعتولي ياه', 'این لینک {d}/login مال شماست؟', 'el link {d} mazboot wala la2?'];

describe('inbound, round 29 (generated)', () => {
  it("a two-word brand split by a dash, on another country's ending, or with a country after a dash is a look-alike; its own site and a shop are not", () => {
    fc.assert(
      fc.property(brand, pick(COUNTRY), pick(['lb', 'co.uk', 'af', 'com.pk', 'net']), pick(LINK_FRAMES), (co, cc, ending, frame) => {
        const p = resolveGuardPolicy({ companyDomains: [co.site], brandNames: [co.name] });
        for (const d of [`${co.a}-${co.b}.com`, `${co.a}${co.b}.${ending}`, `${co.a}-${co.b}-${cc}.com`, `${co.a}${co.b}-${cc}.net`]) {
          const t = fill(frame, { d });
          expect(flagsUnder(p, t), t).toContain('lookalike');
        }
        const own = fill(frame, { d: co.site });
        expect(flagsUnder(p, own), own).not.toContain('lookalike');
        const shop = fill(frame, { d: `carrefour.${ending}` });
        expect(flagsUnder(p, shop), shop).not.toContain('lookalike');
      }),
      { numRuns: 50 },
    );
  });

  it("a name with a country's code hyphenated after it on a generic ending is a look-alike under a policy that knows no brand; the name's own site is not", () => {
    fc.assert(
      fc.property(brand, pick(COUNTRY), pick(['com', 'net', 'org', 'shop']), pick(LINK_FRAMES), (co, cc, ending, frame) => {
        const fake = fill(frame, { d: `${co.a}${co.b}-${cc}.${ending}` });
        expect(flagsUnder(stranger, fake), fake).toContain('lookalike');
        const own = fill(frame, { d: `${co.a}${co.b}.com` });
        expect(flagsUnder(stranger, own), own).not.toContain('lookalike');
        const word = fill(frame, { d: 'sign-in.com' });
        expect(flagsUnder(stranger, word), word).not.toContain('lookalike');
      }),
      { numRuns: 50 },
    );
  });

  it('a sum demanded for a clearance, an insurance, an upgrade or a verification is a fee; the shop\'s delivery fee asked about is not', () => {
    const demands = [
      { amt: ['${n}', '${n} USD', '${n} dollars'], p: ['delivery clearance', 'insurance', 'membership upgrade', 'account verification', 'customs release'], f: ['Dem seh me must send {amt} fuh \'{p}\' first', 'the man said I gotta pay {amt} for {p} before they release it', "they're asking me to pay {amt} for '{p}'", 'Di man seh mi haffi sen {amt} fi {p}'] },
      { amt: ['{n} تومن', '{n} هزار تومان', '{n} افغانی'], p: ['بیمه', 'ضمانت', 'هزینه احراز هویت'], f: ['گفتن برای اینکه سفارشم ارسال بشه باید {amt} {p} پرداخت کنم', 'بهم گفتند باید {amt} {p} بدم'] },
      { amt: ['{n}$', '{n} dh', '{n} dinar'], p: ['membership upgrade', 'verification', 'VIP upgrade'], f: ["3am ytlobo mni {amt} '{p}' la a5od el discount", 'khass nkhelles {amt} frais dyal {p}', 'galouli khassni nkhelles {amt} dyal {p}'] },
      { amt: ['{n} rupay', 'Rs {n}'], p: ['insurance', 'verification'], f: ['unhon ne kaha pehle {amt} {p} ke bhejo phir order deliver hoga', 'bola {amt} {p} fee dena padega'] },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: demands.length - 1 }), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 5, max: 5000 }), (k, i, j, l, n) => {
        const d = demands[k]!;
        const amt = d.amt[i % d.amt.length]!.replace('${n}', `$${n}`).replace('{n}', String(n));
        const t = fill(d.f[j % d.f.length]!, { amt, p: d.p[l % d.p.length]! });
        expect(flags(t), t).toContain('upgrade_fee');
        for (const safe of [`Is the delivery fee of $${n}.99 right? I thought it was less`, `هزینه ارسال ${n} هزار تومن حساب شده، درسته؟`, `3lach khlesst ${n} dh dyal livraison?`]) expect(flags(safe), safe).not.toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it('a caller who "beyo2ol eno men" the company, from a number, is a fake number; our line called is not', () => {
    fc.assert(
      fc.property(pick(['010', '011', '012', '015']), digits(8), pick(['call men {num} beyo2ol eno men Acme we 3ayez el code', 'wa7ed kalemni men {num} biyo2ol enno men Acme', 'gali call men {num} beyo2ol ana men Acme customer service']), (pre, rest, frame) => {
        const num = `${pre}${rest.slice(0, 4)} ${rest.slice(4)}`;
        const t = fill(frame, { num });
        expect(flags(t), t).toContain('fake_number');
        const ours = 'etasalt 3ala 800-2263 we 2alouli esta2na 48 sa3a';
        expect(flags(ours), ours).not.toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('an old password pasted, the past tense included, is a secret; the old password named with no value is not', () => {
    fc.assert(
      fc.property(pick(['Kabul', 'Herat', 'Mazar', 'Lahore', 'Cedar', 'Kestrel']), digits(4), pick(['', '@', '#']), pick(['پاسورد قدیمی من {v} بود', 'پاسورد قدیمی‌ام {v} بود، یادم نیست چه گذاشتم', 'purana password tha {v}, ab login nahi ho raha', 'my old password was {v}', 'كلمة السر القديمة كانت {v}']), (word, year, sym, frame) => {
        const t = fill(frame, { v: `${word}${sym}${year}` });
        expect(flags(t), t).toContain('secret');
        for (const safe of ['پاسورد قدیمی‌ام را فراموش کرده‌ام، چطور عوضش کنم؟', 'my old password stopped working after the update']) expect(flags(safe), safe).not.toContain('secret');
      }),
      { numRuns: 50 },
    );
  });

  it('invoice numbers listed after a request for invoices are no secret, in any digit script; a code pasted still is', () => {
    fc.assert(
      fc.property(fc.array(digits(8), { minLength: 2, maxLength: 5 }), script, pick(['\n', ', ']), pick(['لطفا فاکتور رسمی با کد اقتصادی برای این سفارش‌ها صادر کنید:\n', 'ممكن فواتير ضريبية للطلبات هذي:\n', 'Please send official invoices for these orders:\n']), (nums, sc, sep, ask) => {
        const t = ask + nums.map((x) => inScript(x, sc)).join(sep);
        expect(flags(t), t).not.toContain('secret');
        const code = `کد تایید من ${inScript(nums[0]!.slice(0, 6), sc)} است`;
        expect(flags(code), code).toContain('secret');
      }),
      { numRuns: 50 },
    );
  });
});
