/**
 * Round 22 of issue #21 (inbound), composed from parts, for the classes of the told set r15: Tajik in Cyrillic and in
 * Latin letters (a fee to unlock, a deadline by the hour, a stranger's number); a defanged look-alike link; an app
 * store's page that names the brand in its query; Dari and Baluch Persian fees under their local names, sent to a
 * number or a card number, and a number the message says to text; a caller posing as the company's staff in Algerian; a
 * PIN named, then stated by which one it is; a question about paying and money refunded. Each sign stands beside its
 * ordinary twin, made of the same words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const noPolicy = resolveGuardPolicy();
const inspect = (t: string, policy = noPolicy) => inspectInbound(t, 'en', { policy, detectSensitive });
const flags = (t: string, policy = noPolicy) => inspect(t, policy).flags.map((f) => f.code);
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const word = fc.stringMatching(/^[a-z]{4,8}$/).filter((w) => !['acme', 'pay', 'wallet', 'mobile', 'cash', 'secure', 'verify', 'support', 'login', 'bank', 'store', 'apps', 'google', 'huawei'].includes(w));
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const amount = fc.integer({ min: 5, max: 9000 });
const hour = fc.integer({ min: 8, max: 23 });
/** A mobile number in groups ("0799 412 386", "0901 882 13 06"). */
const mobile = fc.tuple(pick(['07', '09']), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 10, max: 99 })).map(([a, b, c, d, e]) => `${a}${b} ${c} ${d} ${e}`);

describe('inbound, round 22 (generated)', () => {
  it('Tajik in Cyrillic and Latin letters: a fee to unlock with a deadline by the hour, and a stranger who says he is from the company, are flagged; the customer paying or asking what a plan costs is not', () => {
    fc.assert(
      fc.property(
        amount,
        hour,
        pick(['сомонӣ', 'TJS', 'сомони'] as const),
        pick([
          ['Ҳамёни шумо баста шуд. Барои кушодан {n} {c} пардохт кунед то соати {h}:00', 'Ман {n} {c} ба ҳамён пардохт кардам, вале ҳоло ҳам кор намекунад'],
          ['Паёмак омад: «Ҳисоби шумо маҳкам шуд, барои воз кардан {n} {c} супоред то соати {h}:00, вагарна пулатон месӯзад»', 'Тарифи нав чанд {c} аст? Мехоҳам то соати {h}:00 иваз кунам'],
          ['Hamyoni shumo bloki shud, baroi kushodan {n} somoni pardokht kuned to soati {h}:00', 'Man {n} somoni pardokht kardam, internetam hanuz kor namekunad'],
          ['SMS: hisobi shumo baste shud, boyad {n} TJS pardokht kuned to hisob kushoda shavad, to soati {h}:00', 'Narkhi internet chand somoni ast? Man soati {h}:00 pardokht mekunam'],
        ] as const),
        (n, h, c, [scam, ordinary]) => {
          const fill = (s: string) => s.replace('{n}', String(n)).replace('{c}', c).replace('{h}', String(h));
          const got = flags(fill(scam));
          expect(got, fill(scam)).toContain('upgrade_fee');
          expect(got, fill(scam)).toContain('urgency');
          expect(flags(fill(ordinary)), fill(ordinary)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(word, fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }), pick([
        'Касе занг зад, гуфт аз хизмати мизоҷони {b} аст ва гуфт ба рақами +992 {a} {c} {d} занг занед',
        'Yak kas zang zad, guft az {b} ast, guft ba raqami +992 {a} {c} {d} zang zaned',
      ]), (b, a, c, d, frame) => {
        const t = frame.replace('{b}', cap(b)).replace('{a}', String(a)).replace('{c}', String(c)).replace('{d}', String(d));
        expect(flags(t), t).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('a defanged link ([.], (.), [dot], hxxps) is read as the address it names: a look-alike of the named sender is flagged, its own site is not', () => {
    fc.assert(
      fc.property(word, pick(['[.]', '(.)', '[dot]'] as const), pick(['tj', 'ke', 'dz', 'verify', 'pay'] as const), pick(['com', 'net', 'info'] as const), pick([false, true]), (name, dot, extra, ending, scheme) => {
        const host = (h: string) => `${scheme ? 'hxxps://' : ''}${h.replaceAll('.', dot)}`;
        const fake = `SMS: «${cap(name)} Mobile: your wallet is on hold, confirm here ${host(`${name}mobile-${extra}.${ending}`)}/login»`;
        expect(flags(fake), fake).toContain('lookalike');
        const own = `SMS: «${cap(name)} Mobile: your bill is ready, see ${host(`${name}mobile.${ending}`)}/bill»`;
        expect(flags(own), own).not.toContain('lookalike');
      }),
      { numRuns: 60 },
    );
  });

  it("an app store's page whose query or path names the brand is no imitating account; a handle dressed as the brand still is", () => {
    fc.assert(
      fc.property(word, pick(['wallet', 'app', 'pay', 'care']), pick([
        'https://play.google.com/store/apps/details?id=com.{b}.{x}',
        'https://appgallery.huawei.com/app/C10234?pkg=com.{b}mobile.{x}',
        'https://cafebazaar.ir/app/com.{b}.{x}',
        'https://www.microsoft.com/store/apps/{b}.{x}/9NBLGGH4',
        'play.google.com/store/apps/details?id=com.{b}mobile.{x}&hl=fa',
      ]), pick([
        'من اپلیکیشن را از اینجا نصب کردم {u} ، درسته همین اپ رسمیه؟',
        'Is this your official app? {u}',
        'نزلت التطبيق من هنا {u} هل هو الرسمي؟',
      ]), (b, x, url, frame) => {
        const policy = resolveGuardPolicy({ companyDomains: [`${b}mobile.com`], brandNames: [b] });
        const t = frame.replace('{u}', url.replace('{b}', b).replace('{x}', x));
        expect(flags(t, policy), t).not.toContain('lookalike');
        const handle = `an instagram account called ${b}.${x}.official messaged me, is it yours?`;
        expect(flags(handle, policy), handle).toContain('lookalike');
      }),
      { numRuns: 60 },
    );
  });

  it('Dari and Baluch Persian fees under their local names, sent to a number or a card number, are fees; a number the message says to text is a fake one; the customer asking the fee or paying a plan is not', () => {
    fc.assert(
      fc.property(
        amount,
        mobile,
        pick([
          ['یک پیغام آمده که میگه در قرعه‌کشی برنده شدین. برای گرفتن موتر باید {n} افغانی فیس ثبت ره ده ای شماره روان کنین: {m}', 'فیس ثبت قرعه‌کشی چند افغانی است؟ در اعلان دیدم'],
          ['یه پیام آمده که بسته اینترنت رایگان، فقط باید {n} هزار تومن هزینه فعال‌سازی به یه شماره کارت بزنی', 'بسته اینترنت رو خریدم {n} هزار تومن، ولی هنوز فعال نشده'],
          ['میگن برنده شدی، {n} افغانی فیس ثبت ره به ای شماره بفرستین: {m}', 'سلام، فیس راجستر سیم‌کارت چند افغانی است؟'],
        ] as const),
        pick([String, persianDigits]),
        (n, m, [scam, ordinary], digits) => {
          const fill = (s: string) => digits(s.replace('{n}', String(n)).replace('{m}', m));
          expect(flags(fill(scam)), fill(scam)).toContain('upgrade_fee');
          expect(flags(fill(ordinary)), fill(ordinary)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(mobile, pick(['پیامک بدی', 'پیامک بدین', 'زنگ بزنین', 'تماس بگیرید']), pick([String, persianDigits]), (m, verb, digits) => {
        const t = digits(`یه پیام آمده که بعد از واریز به ${m} ${verb} که شماره رسمی طرح است`);
        expect(flags(t), t).toContain('fake_number');
        const mine = digits(`به شماره ${m} که مال برادرمه بسته اینترنت بفرستید لطفاً`);
        expect(flags(mine), mine).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a caller posing as the staff in Algerian — a sum in dinars or else the account closes tomorrow — is a fee, urgency and a fake number; the customer paying a bill or locked out is not', () => {
    fc.assert(
      fc.property(word, amount, pick(['دج', 'DA', 'دينار']), pick(['0661', '0770', '0555']), fc.integer({ min: 100000, max: 999999 }), (name, n, c, pre, rest) => {
        const num = `${pre} ${String(rest).slice(0, 2)} ${String(rest).slice(2, 4)} ${String(rest).slice(4)}`;
        const scam = `معاك ${name} من مصلحة الزبائن، الحساب تاعك راهو مجمّد، لازم تخلّص ${n} ${c} باش نحلّوهولك، والا غدوة يتسكّر. عيّطلي على ${num}`;
        const got = flags(scam);
        for (const f of ['upgrade_fee', 'urgency', 'fake_number']) expect(got, scam).toContain(f);
        for (const t of [`خلّصت ${n} ${c} فالفاتورة بصح مازال الخط مقطوع، واش ندير؟`, 'الكونت تاعي تبلوكا كي غلطت فالكود ثلاث مرات، كيفاش نحلّو؟', 'حسابي مقفل، تقدروا تحلّوه غدوة ولا اليوم؟']) expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a PIN named, then stated by which one it is a few words on, is pasted and masked with a second guess after "or"; the same words without a value are not', () => {
    const pin = fc.integer({ min: 1000, max: 9999 }).map(String);
    fc.assert(
      fc.property(pin, pin, pick([
        ['نبي نغير الرقم السري متاع المحفظة لأني نسيته بالكل، القديم كان {p} والا {q} مش متأكد', 'نبي نغير الرقم السري متاع المحفظة لأني نسيته بالكل. شن ندير؟'],
        ['I want to change my PIN because I forgot it, the old one was {p} or maybe {q}', 'I want to change my PIN because I forgot it, the old one was leaked'],
        ['Nataka kubadilisha PIN yangu ya wallet, ya zamani ilikuwa {p} au {q}', 'Nataka kubadilisha PIN yangu ya wallet, nimesahau ya zamani'],
        ['رمز کارتم رو میخوام عوض کنم، پین قبلی کارتم {p} بود', 'رمز کارتم رو میخوام عوض کنم، پین قبلی یادم نیست'],
      ] as const), (p, q, [pasted, twin]) => {
        const t = pasted.replace('{p}', p).replace('{q}', q);
        const r = inspect(t);
        expect(r.flags.map((f) => f.code), t).toContain('secret');
        expect(r.maskedText, t).not.toContain(p);
        if (pasted.includes('{q}')) expect(r.maskedText, t).not.toContain(q);
        expect(flags(twin), twin).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('a question whether to pay, and money refunded, are no fee; the same words with a sum demanded are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 0, max: 99 }), pick(['AED', 'SAR', 'ريال', 'دينار']), (n, cents, c) => {
        const sum = `${n}.${String(cents).padStart(2, '0')} ${c}`;
        for (const t of [
          `Got an SMS: 'Your parcel will be delivered by Aramex today. Track: https://www.aramex.com/track'. Is there anything I need to pay on delivery?`,
          `Will I have to pay anything when the courier brings the new SIM, or is delivery free?`,
          `تلقيت الرسالة التالية: "عميلنا العزيز، تمت إعادة مبلغ ${sum} إلى محفظتك. لن نطلب منك رمز التحقق أبدًا." هل هي صادرة منكم؟ لم يظهر المبلغ في المحفظة`,
          `Got a message: 'We refunded ${sum} to your wallet. We will never ask for your verification code.' Is that you? I can't see it in my account yet`,
        ]) expect(flags(t), t).not.toContain('upgrade_fee');
        const demanded = `Got an SMS: 'Your parcel is held. You need to pay ${sum} to release it for delivery today'. Is that you?`;
        expect(flags(demanded), demanded).toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });
});
