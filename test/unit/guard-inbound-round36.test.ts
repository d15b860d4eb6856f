/**
 * Round 36 of issue #21 (inbound: the classes the lead told of r28), composed from parts: a policy or claim number read
 * out in a voice note ("[voice message] … HOM-IR-33918") is no account dressed with a country code, while a handle that
 * wears the brand is; a deposit or a release fee paid into a person's account or to the caller before a payout is a fee,
 * while the customer's own premium paid with a reference is not; a due date the customer restates and asks about, to pay
 * it on the company's own site, is no threat, while a quoted last warning with its loss and its day is, link or none; a
 * sender's address under the brand with two letters swapped and its dot bracketed is a look-alike, the company's own is
 * not; a helpline someone said is ours is a fake number, and a Tajik password pasted after "навиштам:" is a secret.
 * Each safe message stands beside the same parts made a sign, so no property passes by flagging nothing or everything.
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
const policy = resolveGuardPolicy({ companyDomains: ['sanadins.com'], brandNames: ['sanad'], officialSupportNumbers: ['800 777 4321'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);

describe('inbound, round 36 (generated)', () => {
  it("a policy number read out in a voice note is no look-alike account; a handle wearing the brand is", () => {
    const NOTE = ['[voice message] hi, my policy number is {code}, when is the renewal?', '[پیام صوتی] سلام، شماره بیمه‌نامه‌ام {code} هست، خسارت کی واریز میشه؟', '[رسالة صوتية] مرحبا رقم الوثيقة {code} متى يتجدد التأمين', '[voice note] message about claim {code}, please call me back'];
    const HANDLE = ['a message from sanad-{cc}-claims on Instagram says I won, is it yours?', 'an account called sanad.{cc}.support messaged me about my claim'];
    fc.assert(
      fc.property(pick(NOTE), pick(HANDLE), pick(['HOM', 'HLT', 'CAR', 'TRV', 'MTR']), pick(['IR', 'IQ', 'AE', 'US', 'SA', 'EG', 'JO', 'AF']), fc.integer({ min: 10000, max: 99999 }), (note, handle, pfx, cc, n) => {
        const s = fill(note, { code: `${pfx}-${cc}-${n}` });
        expect(flags(s), s).toEqual([]);
        const t = fill(handle, { cc: cc.toLowerCase() });
        expect(flags(t), t).toContain('lookalike');
      }),
      { numRuns: 60 },
    );
  });

  it("a deposit or release fee paid to a person before a payout is a fee; the customer's own premium paid with a reference is not", () => {
    const FEE = [
      'my refund will come only after I send {n} as a deposit to his account. I sent already',
      'the payout is released once I put {n} into his account as a guarantee, so I did',
      'دفعت رسوم التحرير {n} دينار بزين كاش للموظف اللي اتصل بيا',
      'گفت خسارتت فقط بعد از واریز {n} هزار تومن ودیعه به حسابش پرداخت میشه، منم ریختم',
    ];
    const OWN = ['I paid the premium for the house, {n} pounds, reference {r}, could you confirm you got it', 'حق بیمه خونه رو پرداخت کردم، {n} هزار تومان، کد پیگیری {r}، لطفاً تایید کنید رسیده', 'دفعت القسط {n} دينار ورقم العملية {r}، ممكن تأكدولي وصل؟'];
    fc.assert(
      fc.property(pick(FEE), pick(OWN), fc.integer({ min: 60, max: 9000 }), fc.integer({ min: 10000, max: 99999 }), script, (fee, own, n, r, sc) => {
        const t = sc(fill(fee, { n }));
        expect(flags(t), t).toContain('upgrade_fee');
        const s = sc(fill(own, { n, r }));
        expect(flags(s), s).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a due date restated and asked about, to be paid on the company\'s site, is no threat; a quoted last warning is, with no link', () => {
    const ASKED = [
      'مهلت پرداخت قسط تا {d}م است و بعد از آن پوشش قطع می‌شود، درست است؟ می‌خواهم امروز از طریق sanadins.com پرداخت کنم',
      'the instalment is due by the {d}th and cover lapses after that, right? I want to pay today on sanadins.com',
      'آخر موعد للدفع يوم {d} وبعدها التأمين بيوقف، صح؟ بدي ادفع القسط اليوم من sanadins.com',
    ];
    const WARNING = ['text said final warning pay today or claim is cancelled forever', 'FINAL NOTICE: settle today or the policy is cancelled for good', 'msg yet9ol e5er tanbih, khalles lyoum wala el dossier yetsakker'];
    fc.assert(
      fc.property(pick(ASKED), pick(WARNING), fc.integer({ min: 5, max: 28 }), (asked, warning, d) => {
        const s = fill(asked, { d });
        expect(flags(s), s).not.toContain('urgency');
        expect(flags(warning), warning).toContain('urgency');
      }),
      { numRuns: 40 },
    );
  });

  it("a sender under the brand with two letters swapped and a bracketed dot is a look-alike; the company's own address is not", () => {
    const FROM = ['mail from {user}@{host}[.]com says my policy lapsed', 'the sender was {user}@{host}(.)com, is that you?', 'ایمیل از {user}@{host}[.]com اومده که بیمه‌تون تمدید نشده'];
    const swaps = ['asnad', 'snaad', 'saand', 'sanda'];
    fc.assert(
      fc.property(pick(FROM), pick(['noreply', 'claims', 'alerts', 'info']), pick(swaps), pick(['lns', 'ins', 'claims', 'policy', 'portal']), (from, user, swapped, word) => {
        const t = fill(from, { user, host: `${swapped}-${word}` });
        expect(flags(t), t).toContain('lookalike');
        const s = fill(from, { user, host: 'sanadins' });
        expect(flags(s), s).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a helpline someone said is ours is a fake number, and a Tajik password pasted is a secret; the customer\'s own number and policy are neither', () => {
    const SIGN: Array<[string, string]> = [
      ['гуфтанд хатти ёрии Sanad ин аст: +992 9{d}, ба WhatsApp нависед', 'fake_number'],
      ['قالوا لي خط المساعدة حق sanad هو +971 5{d} وأكلمهم واتساب', 'fake_number'],
      ['Онҳо пароламро пурсиданд, ман навиштам: Kulob{y}', 'secret'],
      ['Ман ба онҳо паролро фиристодам: Vahdat{y}!', 'secret'],
    ];
    const SAFE = ['Илтимос, ба рақами +992 9{d} ба ман занг занед', 'Салом, рақами полисам CAR-TJ-{y}, кай пул мегузаронед?'];
    fc.assert(
      fc.property(pick(SIGN), pick(SAFE), fc.integer({ min: 10000000, max: 99999999 }), fc.integer({ min: 1970, max: 2010 }), ([sign, code], safe, d, y) => {
        const t = fill(sign, { d, y });
        expect(flags(t), t).toContain(code);
        const s = fill(safe, { d, y });
        expect(flags(s), s).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
