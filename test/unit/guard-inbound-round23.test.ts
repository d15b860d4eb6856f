/**
 * Round 23 of issue #21 (inbound), composed from parts, for the classes of the told set r16: a fee named for the status
 * it buys (a certificate, a validation, a renewal) with the currency sign before the sum and the threat before
 * "unless"; a password the customer says they typed into a site, and a fee for confirming their identity; a deactivation
 * by the hour; a formal "safety account" with a protection fee; a fee collected in cash at the shop; the company's own
 * number regrouped or in other digits, a toll-free line the customer called or the app shows, a reference number beside
 * support words; the dot said as a word inside a link; the Maghrebi order "خلّص" with a sum and what it opens. Each sign
 * stands beside its ordinary twin, made of the same words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { findPastedSecrets } from '../../main/core/guard/phishing/pasted-secrets';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const noPolicy = resolveGuardPolicy();
const flags = (t: string, policy = noPolicy) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const word = fc.stringMatching(/^[a-z]{4,8}$/).filter((w) => !['acme', 'pay', 'wallet', 'mobile', 'cash', 'secure', 'verify', 'support', 'login', 'bank', 'help', 'dot', 'com', 'the', 'that', 'this', 'your'].includes(w));
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const amount = fc.integer({ min: 5, max: 9000 });
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);

describe('inbound, round 23 (generated)', () => {
  it('a fee named for the status it buys, the currency sign before the sum, the threat before "unless", is a fee; asking whether it applies, or having paid it, is not', () => {
    fc.assert(
      fc.property(
        word, amount,
        pick(['£', '€', '$', '₹', '₱', 'A$'] as const),
        pick(['certification', 'account validation', 'KYC clearance', 'anti-fraud certification', 'compliance certificate', 'reinstatement', 'renewal'] as const),
        pick(['fee', 'charge', 'charges'] as const),
        pick(['frozen', 'suspended', 'closed', 'restricted', 'deactivated'] as const),
        pick(['on Friday', 'on Monday', 'by Sunday', 'this week', 'soon'] as const),
        (b, n, cur, status, noun, loss, when) => {
          const scam = `Good morning. An email signed '${cap(b)} Pay Security Office' says my wallet will be ${loss} ${when} unless I pay a ${cur}${n} "${status} ${noun}". I have been your customer for years. Kindly advise.`;
          expect(flags(scam), scam).toContain('upgrade_fee');
          const asked = `Good morning. Could you confirm whether a ${status} ${noun} applies to merchant accounts? Your brochure mentions ${cur}${n}. Kindly advise.`;
          expect(flags(asked), asked).toEqual([]);
          const atOurs = `I was told at your ${when === 'soon' ? 'office' : 'branch'} that a ${status} ${noun} of ${cur}${n} applies to business wallets. Is that still true?`;
          expect(flags(atOurs), atOurs).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a password the customer says they typed into a page is a pasted secret, and a sum for confirming their identity is a fee; a password named with no value is neither', () => {
    const password = fc.tuple(fc.stringMatching(/^[A-Z][a-z]{3,7}$/), pick(['@', '#', '!', '_', '$'] as const), fc.integer({ min: 10, max: 9999 })).map(([w, s, d]) => `${w}${s}${d}`);
    fc.assert(
      fc.property(password, fc.integer({ min: 2, max: 99 }), pick([
        ['یه سایت ازم خواست رمز عبورمو وارد کنم، منم زدم {p} بعد گفت {n} دلار برای تأیید هویت بدید', 'رمز عبورمو عوض کردم ولی هنوز نمی‌تونم وارد بشم'],
        ['یه لینک اومد، رمزمو توش زدم: {p} بعد نوشت {n} دلار برای احراز هویت بدید', 'رمزمو فراموش کردم، لینک بازیابی نمیاد'],
        ['دخلت على موقع وكتبت الباسورد تبعي {p} وبعدين طلب مني ادفع {n} دولار رسوم تأكيد الهوية', 'كتبت الباسورد غلط ثلاث مرات وانقفل الحساب، كيف أفتحه؟'],
        ['I typed my password ({p}) into a page that looked like yours and then it asked me to pay ${n} to verify my identity', 'I typed my password wrong three times and now I am locked out, please help'],
      ] as const), (p, n, [scam, ordinary]) => {
        const t = fill(scam, { p, n });
        const spans = findPastedSecrets(t);
        expect(spans.some((s) => s.type === 'PASSWORD' && t.slice(s.start, s.end).includes(p)), t).toBe(true);
        const got = flags(t);
        expect(got, t).toContain('secret');
        expect(got, t).toContain('upgrade_fee');
        expect(flags(ordinary), ordinary).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a deactivation by the hour, with what to do, is urgency; the customer switching their own account off is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }), pick([false, true]), pick([
        ['وصلتني رسالة: "سيتم تعطيل حسابك خلال {h} ساعات لعدم تحديث الهوية. حدّث من هنا"', 'انا عطلت حسابي بنفسي قبل {h} ساعات، كيف ارجعه؟'],
        ['جاني مسج يقول سيتم تعطيل محفظتك خلال {h} ساعة، يرجى التحديث من الرابط', 'هل يمكن تعطيل الحساب مؤقتا لمدة {h} ساعة؟'],
        ["Text says my account will be switched off within {h} hours unless I log in. Is this you?", 'I switched off notifications {h} hours ago, how do I turn them back on?'],
      ] as const), (h, indic, [scam, ordinary]) => {
        const digits = (s: string) => (indic ? arabicDigits(s) : s);
        const t = digits(fill(scam, { h }));
        expect(flags(t), t).toContain('urgency');
        const o = digits(fill(ordinary, { h }));
        expect(flags(o), o).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the balance moved to a "safety account" with a protection fee inside an hour is a fee and urgency; the customer moving their own balance, or asking what a protection charge is, is not', () => {
    fc.assert(
      fc.property(amount, pick([
        ['حفاظاً على أموالك، يتوجب عليك تحويل رصيدك إلى حساب الأمان وسداد رسوم حماية بقيمة {n} درهماً خلال ساعة واحدة.', 'أرغب في نقل رصيدي إلى حسابي البنكي خلال ساعة، فهل توجد رسوم على ذلك؟'],
        ['حرصاً على سلامة رصيدك، يجب نقل الرصيد إلى الحساب الآمن وسداد رسم تأمين قدره {n} ريالاً خلال ساعتين.', 'ما هي رسوم الحماية المذكورة في كشف البطاقة الشهري؟ قيمتها {n} ريال'],
        ['مشتری گرامی، جهت حفظ موجودی، لازم است وجه خود را به حساب امن منتقل نموده و کارمزد حفاظت به مبلغ {n} هزار تومان را ظرف یک ساعت پرداخت نمایید.', 'می‌خوام موجودی کیف پولم رو به حساب بانکی خودم منتقل کنم، کارمزدش چقدره؟'],
        ['For your safety you must move your funds to a protected account and pay a security fee of ${n} within one hour.', 'For my own peace of mind I moved my savings of ${n} to my other bank account within the hour. Please close this wallet.'],
      ] as const), (n, [scam, ordinary]) => {
        const t = fill(scam, { n });
        const got = flags(t);
        expect(got, t).toContain('upgrade_fee');
        expect(got, t).toContain('urgency');
        const o = fill(ordinary, { n });
        expect(flags(o), o).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a fee collected in cash by whoever came to the shop is a fee; paying a courier cash on delivery is not', () => {
    fc.assert(
      fc.property(word, amount, pick([
        ['Today one man come to my shop, say he is from {b} Pay merchant team, my QR is expired, I must pay AED {n} renewal fee cash to him.', 'A courier came and I paid AED {n} cash on delivery for my order, I just want the receipt in the app.'],
        ['A lady visited our salon saying she is from {b} Pay, our sticker has expired and we owe a £{n} reactivation fee in cash to her, today.', 'I paid the £{n} card replacement fee last week through the app, when will the new card arrive?'],
        ['واحد جالي المحل وقال انه من {b} باي، قال الكود بتاعي انتهى ولازم ادفعله {n} جنيه رسوم تجديد كاش', 'فني الصيانة جه المحل وركب جهاز نقاط البيع الجديد، ما طلبش أي فلوس، بس دفعت {n} جنيه فاتورة الشهر'],
      ] as const), (b, n, [scam, ordinary]) => {
        const t = fill(scam, { b: cap(b), n });
        expect(flags(t), t).toContain('upgrade_fee');
        const o = fill(ordinary, { b: cap(b), n });
        expect(flags(o), o).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("the company's number in another grouping or script, a toll-free line the customer called or the app shows, and a reference number are no stranger's; a stranger's line a 'Compliance Department' asks the customer to ring is", () => {
    const group = (d: string, cut: number[]) => cut.reduce<[string[], number]>(([acc, at], len) => [[...acc, d.slice(at, at + len)], at + len], [[], 0])[0].filter(Boolean).join(' ');
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{6}$/), pick([[3, 7], [3, 3, 4], [10], [3, 4, 3], [6, 4]] as const), pick(['latin', 'arabic', 'persian'] as const), pick([
        'I called {x} and they said to wait 3 days for the refund.',
        'زنگ زدم {x} گفتن کارت جدید ظرف یک هفته میاد',
        'اتصلت على {x} وقالولي الطلب قيد المعالجة',
        'أفادني موظفكم عبر الرقم {x} أن المدة 14 يوم عمل وقد انقضت.',
        'تو اپ نوشته با {x} تماس بگیرید ولی کسی جواب نمیده',
        'في التطبيق مكتوب اتصل على {x} بس ما أحد يرد',
      ] as const), (rest, cut, script, frame) => {
        const number = `800${rest}`;
        const written = group(number, [...cut]);
        const x = script === 'arabic' ? arabicDigits(written) : script === 'persian' ? persianDigits(written) : written;
        const t = fill(frame, { x });
        const company = resolveGuardPolicy({ companyDomains: ['example-pay.com'], brandNames: ['examplepay'], officialSupportNumbers: [`${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`] });
        expect(flags(t, company), t).toEqual([]);
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 120 },
    );
    fc.assert(
      fc.property(pick(['REF', 'TRX', 'CMP', 'TRF', 'RQ', 'CS'] as const), fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 10000, max: 99999 }), pick([
        'السادة خدمة العملاء، أرجو إفادتي عن حالة طلب الاسترداد رقم {r}، وقد أفادني موظفكم أن المدة 10 أيام عمل.',
        'My complaint ID is {r}; your support team said someone would call me back.',
        'شماره پیگیری من {r} هست، پشتیبانی گفت سه روز کاری طول میکشه',
      ] as const), (p, y, n, frame) => {
        const t = fill(frame, { r: `${p}-${y}-${n}` });
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 99 }), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 }), pick(['Compliance Department', 'Security Office', 'Risk Team', 'Verification Desk'] as const), (a, b, c, desk) => {
        const t = `I received an email purportedly from your "${desk}" about my account. They ask me to telephone +44 ${a} ${b} ${c} before Friday.`;
        expect(flags(t), t).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('a dot said as a word inside a link is read as the address: a look-alike of the named sender (its name first, or a dashed subdomain) is flagged, its own site and "the dot com bubble" are not', () => {
    fc.assert(
      fc.property(word, pick(['help', 'verify', 'secure', 'login'] as const), pick(['com', 'net', 'info', 'co'] as const), pick([false, true]), (name, extra, ending, path) => {
        const tail = path ? ' slash login' : '';
        const fake = `${cap(name)} Pay texted me: verify your wallet at ${name}pay-${extra} dot ${ending}${tail} within 2 hours`;
        expect(flags(fake), fake).toContain('lookalike');
        // (round 24: the name under ".co", a mistyped ".com", is a look-alike — its own site is read under the other endings)
        const own = `${cap(name)} Pay: your statement is ready at ${name}pay dot ${ending === 'co' ? 'com' : ending}${tail}`;
        expect(flags(own), own).not.toContain('lookalike');
        const sub = `Got an SMS from '${cap(name)} Wallet': your card is locked, unlock it at ${name}-wallet dot ${extra} dot ${ending}.`;
        expect(flags(sub), sub).toContain('lookalike');
        const words = `I remember the dot com bubble, is ${cap(name)} Pay safe?`;
        expect(flags(words), words).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('"خلّص" with a sum and what it opens is a fee; the customer who paid a bill with it is not', () => {
    fc.assert(
      fc.property(amount, pick(['دينار', 'دج', 'DA', 'درهم'] as const), pick([
        ['جاني ميساج: خلّص {n} {c} ويتفتح الكونت متاعك', 'خلّصت {n} {c} فاتورة الضو بالمحفظة وما جاتنيش رسالة تأكيد'],
        ['واحد عيطلي قالي لازم تخلّص {n} {c} باش يحلولك الكونت', 'خلّصت {n} {c} للكراء عبر المحفظة والعملية ما بانتش'],
        ['كالولي لازم تخلص {n} {c} حتى يفتحون المحفظة', 'لازم نخلص {n} {c} اشتراك الشهر؟ ولا مجاني؟'],
      ] as const), (n, c, [scam, ordinary]) => {
        const t = fill(scam, { n, c });
        expect(flags(t), t).toContain('upgrade_fee');
        const o = fill(ordinary, { n, c });
        expect(flags(o), o).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
