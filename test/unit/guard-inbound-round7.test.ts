/**
 * Round 7 of issue #21 (inbound), composed from parts: the company's own name under a country's commercial ending
 * (`acme.com.sa` beside `acme.com`) is its branch only when the policy lists it (round 28 turned round 7's reading: a
 * name under a country's ending the company does not own is a look-alike); a fee the customer paid "to the same number" with
 * nobody demanding it is a bill; a PIN stated later in the sentence that named it; Arabizi future threats and demands.
 * Each safe case stands beside the same parts made into the sign, so a property cannot pass by flagging nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const name = fc.stringMatching(/^[a-z]{4,8}$/);
const flagsWith = (company: string, t: string) =>
  inspectInbound(t, 'en', { policy: resolveGuardPolicy({ companyDomains: [company] }), detectSensitive }).flags.map((f) => f.code);
const amount = fc.integer({ min: 20, max: 900 });

describe('inbound, round 7 (generated)', () => {
  it("the company's name under a country's commercial ending is its branch only when the policy lists it; another ending, a dressed name or a typo never is", () => {
    fc.assert(
      fc.property(name, pick([['com', 'sa'], ['com', 'eg'], ['com', 'jo'], ['co', 'uk'], ['co', 'ae'], ['co', 'ir']] as const), pick(['I ordered from {d}, is that you?', 'هل {d} موقعكم الرسمي؟', 'سفارشم رو از {d} دادم']), (brand, [kind, cc], frame) => {
        const own = frame.replace('{d}', `${brand}.${kind}.${cc}`);
        expect(flagsWith(`${brand}.com`, own), own).toContain('lookalike');
        const listed = inspectInbound(own, 'en', { policy: resolveGuardPolicy({ companyDomains: [`${brand}.com`, `${brand}.${kind}.${cc}`] }), detectSensitive }).flags.map((f) => f.code);
        expect(listed, own).not.toContain('lookalike');
        for (const other of [`${brand}.net.${cc}`, `${brand}-support.${kind}.${cc}`, `${brand}.support`]) {
          const msg = frame.replace('{d}', other);
          expect(flagsWith(`${brand}.com`, msg), msg).toContain('lookalike');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a fee the customer paid to "the same number" is a bill; the same fee demanded, or paid to the number that called, is a scam', () => {
    fc.assert(
      fc.property(amount, pick(['رسوم التفعيل', 'رسوم الاسترداد', 'الرسوم']), pick(['اللي في الفاتورة', 'اللي عندي في العقد', '']), (n, fee, where) => {
        const paid = `دفعت ${fee} على نفس الرقم ${where}، متى يتفعل الخط؟`;
        expect(flagsWith('acme.com', paid), paid).not.toContain('upgrade_fee');
        const told = `قالي حوّل ${n} جنيه ${fee} الأول على نفس الرقم عشان يوصلك الاسترداد`;
        expect(flagsWith('acme.com', told), told).toContain('upgrade_fee');
        const theirs = `دفعت ${fee} على نفس الرقم اللي كلمني عشان يفعلولي الاسترداد`;
        expect(flagsWith('acme.com', theirs), theirs).toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it('a PIN stated later in the sentence that named it is a pasted secret; a number that names its own thing is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 99999999 }), pick([['رمز دوم کارتم رو فکر کنم اشتباه میزنم', 'هست دیگه؟'], ['my card PIN, I think I type it wrong', 'is it?'], ['رمز دوم کارتم کار نمیکنه', 'است؟']] as const), (v, [named, copula]) => {
        const msg = `${named}، ${v} ${copula}`.replace('، ', named.startsWith('my') ? ', ' : '، ');
        expect(flagsWith('acme.com', msg), msg).toContain('secret');
        const order = `${named.startsWith('my') ? 'my PIN stopped working, order' : 'رمز دوم کارتم کار نمیکنه، سفارش'} ${v} ${copula}`;
        expect(flagsWith('acme.com', order), order).not.toContain('secret');
      }),
      { numRuns: 40 },
    );
  });

  it('Arabizi: a future threat in any vowel spelling with a demand for the code is urgency; the customer\'s own wish is not', () => {
    fc.assert(
      fc.property(pick(['hayet2efel', 'hayet2afel', '7ayet2fel', 'hayetsakkar', '7ayetgamed', 'ra7 yetsakar']), pick(['fel sa3a el gaya', '5elal sa3a', 'el naharda']), pick(['a2olo el OTP', 'a3tih el code', 'ab3atlo el pin']), (threat, when, demand) => {
        const scam = `wa7ed kallemni w 2al lazem ${demand} 7alan 3ashan el 7esab ${threat} ${when}`;
        expect(flagsWith('acme.com', scam), scam).toContain('urgency');
        const own = `ana 3ayez a2fel el 7esab bta3i, momken tsa3edni?`;
        expect(flagsWith('acme.com', own), own).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
