/**
 * Round 35 of issue #21 (inbound, precision), composed from parts: the customer's own payment of their own bill or
 * premium — made or meant, by card, wallet, transfer or cash, with a sum, a receipt or a reference — is no fee, while the
 * same payment named by a stranger ("he told me to pay with Vodafone Cash", "گفت اول بریز") is; an insurer's premium owed
 * is no tier to upgrade to; Egypt's Fawry paid through is not "immediately"; a Persian tracking code is no secret handed
 * over; a callback asked on the customer's own number is not a fake number, while a number that called is the caller's.
 * Each safe message stands beside the same parts made a scam, so no property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const AR = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const FA = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const script = pick([(s: string) => s, AR, FA]);
const policy = resolveGuardPolicy({ companyDomains: ['amanins.com'], brandNames: ['aman'], officialSupportNumbers: ['800 555 1234'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);

describe('inbound, round 35 (generated)', () => {
  it("the customer's own payment of their own bill or premium is no fee; the same payment a stranger demands is", () => {
    const OWN = [
      'I paid my bill with {w}, {n} AED, ref {r}. When is it credited?',
      'i have pay the premium with my card yesterday {n} AED, receipt no. {r}. The branch closes at 9, should I come?',
      'I made a bank transfer for my premium, amount {n}, reference TRX-{r}. I called 800 555 1234 and they said to write here.',
      'دفعت الفاتورة امبارح بفودافون كاش {n} جنيه ومعايا الإيصال، القسط مستحق يوم 15، إمتى تتسجل؟',
      'حولت القسط {n} ريال تحويل بنكي ورقم العملية {r}، متى ينعكس؟',
      'قسط بیمه رو با کارت پرداخت کردم، {n} هزار تومان، کد پیگیری {r}. به 800 555 1234 زنگ زدم گفتن اینجا بنویسم',
      'salam, ghest bime ro ba kart pardakht kardam {n} hezar toman, code peygiri {r}. key sabt mishe?',
      'I want to pay the renewal by card today, {n} AED. My policy lapses at the end of the month if I don\'t pay, right?',
    ];
    const STRANGER = [
      'A guy on WhatsApp said I have to pay {n} dollars with {w} first to get my claim released. Real?',
      'واحد كلمني قال لازم أحول {n} جنيه على فودافون كاش عشان يفعلوا التعويض بتاعي، ده منكم؟',
      'یه نفر زنگ زد گفت برای آزاد شدن خسارت باید اول {n} میلیون به این کارت واریز کنید. از طرف شماست؟',
      'Someone rang saying my policy lapses tonight unless I pay a {n} dollar reinstatement fee by gift card. Is that you?',
    ];
    fc.assert(
      fc.property(pick(OWN), pick(STRANGER), pick(['Vodafone Cash', 'Zain Cash', 'Apple Pay', 'Cash App']), fc.integer({ min: 60, max: 9000 }), fc.integer({ min: 10000, max: 99999 }), script, (own, stranger, w, n, r, sc) => {
        const s = sc(fill(own, { w, n, r }));
        expect(flags(s), s).toEqual([]);
        const t = sc(fill(stranger, { w, n }));
        expect(flags(t), t).toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it("an insurer's premium owed, quoted from the company's own reminder, is no fee to upgrade; a premium tier sold for a fee is", () => {
    const OURS = [
      'I got this SMS: "AMAN: your premium of {n} AED is due on 15/03. Pay at amanins.com or call 800 555 1234." Is this from you?',
      'My monthly premium is {n} AED, can I pay it at the branch?',
    ];
    const TIER = ['They said I must pay a {n} AED fee to upgrade my account to premium today', 'text says pay {n} dollars to unlock premium on your account now'];
    fc.assert(
      fc.property(pick(OURS), pick(TIER), fc.integer({ min: 50, max: 5000 }), (ours, tier, n) => {
        const s = fill(ours, { n });
        expect(flags(s), s).not.toContain('upgrade_fee');
        const t = fill(tier, { n });
        expect(flags(t), t).toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it("a callback asked on the customer's own number, Fawry paid through and a Persian tracking code are ordinary; a number that called, 'pay immediately or else' and a code handed over are not", () => {
    const SAFE = ['دفعت الفاتورة بأبل باي {n} ريال. اتصلوا علي على 055{d}', 'دفعت كاش بالفرع {n} دينار. اتصلوا فيي على 079{d}', 'دفعت من فوري {n} جنيه ومعايا الإيصال. الفرع بيقفل الساعة 9، أعدي عليكم؟', 'نقدی تو شعبه پرداخت کردم کد پیگیری {d}. به 800 555 1234 زنگ زدم گفتن اینجا بنویسم'];
    const SIGN: Array<[string, string]> = [
      ['اتصل بيا رقم 0155{d} وقال انه من امان وكسبت ترقية بس لازم اشحن كارت بـ{n} وابعتله رقم الكارت', 'fake_number'],
      ['واحد كلمني قال ادفع فوري {n} جنيه والا الحساب هيتقفل النهارده', 'urgency'],
      ['یه نفر زنگ زد کد رو ازم خواست منم بهش گفتم', 'secret'],
    ];
    fc.assert(
      fc.property(pick(SAFE), pick(SIGN), fc.integer({ min: 20, max: 900 }), fc.integer({ min: 1000000, max: 9999999 }), script, (safe, [sign, code], n, d, sc) => {
        const s = sc(fill(safe, { n, d }));
        expect(flags(s), s).toEqual([]);
        const t = sc(fill(sign, { n, d }));
        expect(flags(t), t).toContain(code);
      }),
      { numRuns: 60 },
    );
  });
});
