/**
 * Round 19 of issue #21 (inbound), composed from parts: a password pasted after a short name ("pw"), after a relative
 * clause ("كلمة السر التي أستخدمها الآن هي …") or stated by "the current one is" after the password was named; a fee
 * paid into a person's own card or account to raise a limit; a listed shortener's name under another ending with a
 * custom key. Each sign stands beside its safe twin, made of the same words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { SHORTENERS } from '../../main/core/guard/phishing/domains';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const noPolicy = resolveGuardPolicy();
const flags = (t: string) => inspectInbound(t, 'en', { policy: noPolicy, detectSensitive }).flags.map((f) => f.code);
const pasted = (t: string) => inspectInbound(t, 'en', { policy: noPolicy, detectSensitive }).maskedText !== undefined;
/**
 * A password as people choose one: a capitalised word, a symbol or none, digits (a value stated only by "the current one
 * is" must look like nothing but a password: letters with digits and a symbol or both cases).
 */
const password = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{3,8}$/), pick(['_', '#', '!', '@', '.', '']), fc.integer({ min: 10, max: 2099 })).map(([w, s, n]) => `${w}${s}${n}`);
const amount = fc.integer({ min: 20, max: 9000 });
const key = fc.stringMatching(/^[a-z]{2,6}-[a-z]{3,8}$/);

describe('inbound, round 19 (generated)', () => {
  it('a password after "pw", after a relative clause, or stated as "the current one" is a pasted secret; the same words without one are not', () => {
    fc.assert(
      fc.property(password, pick(['pw', 'PW', 'pswd', 'pword']), (pw, abbr) => {
        const signs = [
          `ok so my ${abbr} is ${pw} and it still says wrong`,
          `كلمة السر التي أستخدمها الآن هي ${pw} ولا تعمل`,
          `لقد غيرت كلمة المرور أمس، والحالية هي: ${pw}`,
          `I reset my password twice, the new one is ${pw} and it fails`,
          `the password I use is ${pw}`,
        ];
        for (const t of signs) expect(pasted(t), t).toBe(true);
        const twins = [
          `ok so my ${abbr} is saved on my phone and it still says wrong`,
          `كلمة السر التي أستخدمها الآن لا تعمل`,
          `لقد غيرت كلمة المرور أمس، والحالية تعمل جيداً`,
          `I reset my password twice, the new one is fine now`,
        ];
        for (const t of twins) expect(pasted(t), t).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("a fee into a person's own card or account to raise a limit is a scam; money into the customer's own card is not", () => {
    fc.assert(
      fc.property(amount, pick(['تومن', 'هزار تومان']), pick(['GHS', 'KES', '$', 'N']), (n, toman, cur) => {
        const signs = [
          `یه نفر زنگ زد گفت برای بالا بردن سقف کارت باید ${n} ${toman} بریزم به کارت خودش`,
          `گفت ${n} ${toman} بزن به حساب شخصی من تا سقفت رو زیاد کنم`,
          `the man said I should send ${cur}${n} to his own MoMo so they raise my limit`,
          `قال لازم احول ${n} على حسابه الشخصي عشان يرفع الحد`,
        ];
        for (const t of signs) expect(flags(t), t).toContain('upgrade_fee');
        const twins = [
          `من ${n} ${toman} به کارت خودم ریختم ولی موجودیم عوض نشده`,
          `how do I raise my limit in the app? I sent ${cur}${n} to my own MoMo yesterday`,
          `سقف کارتم کمه، چطور درخواست افزایش بدم؟`,
        ];
        for (const t of twins) expect(flags(t), t).not.toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it("a listed shortener's name under another ending with a one-part key is a shortener; a page deeper in a site is not", () => {
    const names = [...SHORTENERS].map((d) => d.split('.')[0]!).filter((n) => n.length >= 4);
    fc.assert(
      fc.property(pick(names), pick(['us', 'ir', 'co', 'me', 'xyz', 'com.ng']), key, (name, tld, k) => {
        if (SHORTENERS.has(`${name}.${tld}`)) return;
        expect(flags(`is this link from you? ${name}.${tld}/${k}`)).toContain('shortener');
        expect(flags(`I read about it on ${name}.${tld}/news/${k}/2024`)).not.toContain('shortener');
      }),
      { numRuns: 60 },
    );
  });
});
