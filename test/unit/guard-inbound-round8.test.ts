/**
 * Round 8 of issue #21 (inbound), composed from parts on brand names, numbers and amounts nobody wrote down: a fee that
 * starts a job, releases a parcel or prize or opens a refund; a stranger wearing the company's face on a chat app or
 * calling from a number given by its first digits; a brand joined to job/prize/shop words in a link or sender address;
 * secrets pasted after dialect owners, Pidgin "na" or a typing verb; digits after an account or wallet and amounts in
 * Afghani are not secrets. Each safe case stands beside the same parts made into the sign.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { dressedName } from '../../main/core/guard/phishing/domains';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const name = fc.stringMatching(/^[a-z]{4,8}$/);
const Brand = name.map((b) => b[0]!.toUpperCase() + b.slice(1));
const amount = fc.integer({ min: 12, max: 9000 });
const noPolicy = resolveGuardPolicy();
const flags = (t: string, policy = noPolicy) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);

describe('inbound, round 8 (generated)', () => {
  it('a fee someone makes the price of a job, a prize, a parcel or a refund is a scam; a fee the customer complains of is not', () => {
    fc.assert(
      fc.property(Brand, amount, (brand, n) => {
        const demanded = [
          `someone said I got the ${brand} job but I must pay ${n} for medical first`,
          `واحد قالي في وظيفة عند ${brand} بس لازم ادفع رسوم فتح ملف ${n} ريال قبل ما ابدأ`,
          `گفتن برای استخدام در ${brand} باید اول ${n} دالر فیس ویزه بدی`,
          `text says your ${brand} parcel is held, pay P${n} redelivery fee to release it`,
          `they said I won the ${brand} raffle but I need to pay ${n} processing fee via GCash to claim it`,
          `الموظف قال لازم احول ${n} شيكل عشان افتح المعاملة وبعدها بيرجعلي المبلغ`,
        ];
        for (const t of demanded) expect(flags(t), t).toContain('upgrade_fee');
        const complaints = [
          `why was I charged a ${n} late fee on my ${brand} bill? I paid on time`,
          `I applied for the ${brand} job on your site, when will you reply? I no pay anybody anything`,
          `دفعت رسوم التوصيل ${n} ريال والطرد ما وصل لحد الحين`,
        ];
        for (const t of complaints) expect(flags(t), t).not.toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it("the company's face on a chat app, or a number given by its first digits beside a claim, is a fake number; a logo seen in an ad is not", () => {
    fc.assert(
      fc.property(Brand, fc.stringMatching(/^0[1-9]\d{2}$/), (brand, first) => {
        for (const t of [
          `somebody chat me for WhatsApp, the dp has ${brand} logo, he say make I send the code`,
          `اجاني مسج عالواتس وحاطط اللوغو تبع ${brand} وبيسألني عن بياناتي`,
          `از یه شماره ${first} بهم زنگ زدن گفتن از دفتر مرکزی ${brand} هستن`,
          `في نمرة ${first} بتكلمني وبيقولوا من ${brand}`,
        ]) expect(flags(t), t).toContain('fake_number');
        for (const t of [
          `I saw your ${brand} logo on a WhatsApp ad for a sale, is it real?`,
          `the courier rang me from his mobile to say he is outside with my ${brand} order`,
        ]) expect(flags(t), t).not.toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('a name joined to job, prize or shop words is a look-alike with no policy and for any configured brand; the own domain is not', () => {
    fc.assert(
      // a generated name that is itself a dress word ("help", "bill", "team") names nobody: no brand to imitate
      fc.property(name.filter((n) => dressedName(`${n}-careers`) === n), pick(['careers-jobs', 'jobs-intl', 'raffle-ph', 'afghan-shop', 'ng-recruitment', 'hiring-team']), pick(['com', 'net', 'com.ng']), (brand, words, ending) => {
        const host = `${brand}-${words}.${ending}`;
        for (const t of [`is ${host} your site?`, `they wrote from hr@${host} with an offer`]) {
          expect(flags(t), t).toContain('lookalike');
          expect(flags(t, resolveGuardPolicy({ companyDomains: [`${brand}.com`] })), t).toContain('lookalike');
        }
        const own = `I applied on ${brand}.com/careers, any news?`;
        expect(flags(own, resolveGuardPolicy({ companyDomains: [`${brand}.com`] })), own).not.toContain('lookalike');
      }),
      { numRuns: 40 },
    );
  });

  it('a secret after a dialect owner, Pidgin "na" or a typing verb is pasted; an account number or an Afghani amount is not', () => {
    const password = fc.tuple(name, fc.integer({ min: 10, max: 99999 }), pick(['@', '_', '#', '!'])).map(([w, d, s]) => `${w[0]!.toUpperCase()}${w.slice(1)}${s}${d}`);
    fc.assert(
      fc.property(password, fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000000, max: 9999999 }), (pw, cvv, account) => {
        for (const t of [`كتبت كلمة السر القديمة تبعتي ${pw} وهلق ما عم بقدر افوت`, `I gave them everything. My password na ${pw}`, `قلتله رقم الكارت والCVV بتاعها ${cvv}`]) {
          expect(flags(t), t).toContain('secret');
        }
        for (const t of [`حولت ليكم قيمة الطلب على حساب بنكك ${account} وما وصلني تأكيد`, `۱۵۰ افغانی اضافه گرفته شده از حسابم، لطفا برگردانید`]) {
          expect(flags(t), t).not.toContain('secret');
        }
      }),
      { numRuns: 40 },
    );
  });
});
