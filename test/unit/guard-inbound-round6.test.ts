/**
 * Round 6 of issue #21 (inbound): classes the fourth blind set exposed, composed from parts (never its rows).
 * A caller who claims a job at the company ("قالي راهو خدام في الخدمة تاع البنك"), a number written in part ("011…")
 * or only described ("a normal mobile number"), a number the customer found where we publish ours (not a fake one),
 * a fee paid to a phone number, "حول" meaning "about" and "الرسمي" that are not fees, Finglish "if you don't … it
 * closes", an Iranian card's second PIN, a password named "new", a secret already handed over (no digits to mask),
 * a brand with run-together service words, and a country ending bought as a name under another ending.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../main/core/guard/phishing/confusables';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { findHandedOverSecret } from '../../main/core/guard/phishing/handed-over';
import { findPastedSecrets } from '../../main/core/guard/phishing/pasted-secrets';
import { detectSensitive } from '../../main/core/masking';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], officialSupportNumbers: ['+966 800 123 4567'] });
const inspect = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive });
const flags = (t: string) => inspect(t).flags.map((f) => f.code);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
// (nor a misspelling of it: "aame.com" is a look-alike of acme.com, rightly)
const brand = fc.stringMatching(/^[a-z]{4,8}$/).filter((b) => !b.includes('acme') && editDistance(b, 'acme', 2) > 2);
const digitsOf = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const mobile = fc.tuple(pick(['0661', '0770', '0555', '010', '011', '0912', '+213 661', '+20 11']), digitsOf(3, 3), digitsOf(4, 4)).map(([a, b, c]) => `${a} ${b} ${c}`);
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

describe('inbound, round 6 (generated)', () => {
  it('a caller who says he works at the company, from a written number, is a fake number', () => {
    fc.assert(
      fc.property(mobile, pick(['عيطلي واحد من', 'صونا عليا واحد من', 'اتصل بيا واحد من']), pick(['قالي راهو خدام في', 'قال بلي راه يخدم في', 'قالي هو تاع', 'وقال ليا كيخدم ف']), pick(['الخدمة تاع البنك', 'السيرفيس ديال الزبناء', 'البنك']), (n, called, claim, where) => {
        const msg = `${called} ${n} ${claim} ${where}`;
        expect(flags(msg), msg).toContain('fake_number');
      }),
      { numRuns: 60 },
    );
  });

  it('a number written in part or only described, beside a claim to be the company, is a fake number; described without a claim it is not', () => {
    fc.assert(
      fc.property(digitsOf(3, 4), pick(['…', '...', 'xxxx', '****']), pick(['وقال انه من خدمة العملاء', 'said he was from customer service', 'گفت از پشتیبانی هستم']), (prefix, cut, claim) => {
        const msg = `someone messaged me on whatsapp from 0${prefix}${cut} ${claim}`;
        expect(flags(msg), msg).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
    // masked in the middle: "98xxxxxx12", "+2010*****45" — a phone's length in all ("51xxx" is no number anyone dials)
    fc.assert(
      fc.property(digitsOf(2, 4), fc.integer({ min: 3, max: 7 }), digitsOf(0, 3), pick(['x', '*', 'X']), pick(['telling he is from your KYC department', 'وادّعى المتصل أنه موظف في البنك']), (a, n, b, c, claim) => {
        fc.pre(a.length + n + b.length >= 8);
        const msg = `one person called from ${a}${c.repeat(n)}${b} ${claim}`;
        expect(flags(msg), msg).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(
        pick([
          ['a guy called me from a {adj} mobile number', 'said he is from the fraud department'],
          ['اتصل علي واحد من رقم جوال {adj}', 'وقال انه من قسم الاحتيال'],
          ['یکی با یه شماره {adj} زنگ زد', 'گفت از واحد امنیت بانکه'],
        ] as const),
        fc.nat(3),
        ([called, claim], k) => {
          // (round 27, decided: a private number — "private", "خاص" — shows none, so no number was given; a stranger's own is)
          const adj = called.startsWith('a guy') ? ['normal', 'regular', 'personal', 'random'][k]! : called.startsWith('اتصل') ? ['عادي', 'شخصي', 'مجهول', 'غريب'][k]! : ['معمولی', 'شخصی', 'ناشناس', 'عادی'][k]!;
          const msg = `${called.replace('{adj}', adj)}, ${claim}`;
          const got = inspect(msg).flags.find((f) => f.code === 'fake_number');
          expect(got, msg).toBeDefined();
          expect(got!.explanation).toContain('official numbers');
          const thanks = `${called.replace('{adj}', adj).replace('a guy', 'your agent')} yesterday about my complaint, thanks`;
          expect(flags(thanks), thanks).not.toContain('fake_number');
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a number the customer found on our website and called is not a fake number; the same number a stranger gave is', () => {
    // Not within two digits of the official 800 123 4567: a near miss of the official number is itself the sign of a fake one.
    const nearOfficial = (n: string) => [...n.replace(/\D/g, '').slice(-7)].filter((d, i) => d !== '1234567'[i]).length <= 2;
    const tollFree = fc
      .tuple(pick(['800', '8001', '1800', '9200']), digitsOf(3, 3), digitsOf(4, 4))
      .map(([a, b, c]) => `${a} ${b} ${c}`)
      .filter((n) => !nearOfficial(n));
    fc.assert(
      fc.property(
        tollFree,
        pick(['I called {n}, the number on your website, and they told me to write here', 'اتصلت على {n} الرقم اللي في الموقع وقالوا لي اكتب هنا', 'كلمت {n} الرقم الموجود على التطبيق وقالولي ابعت هنا', 'با شماره {n} که روی سایت بود تماس گرفتم گفتن اینجا پیام بدم']),
        fc.boolean(),
        (n, frame, persian) => {
          const msg = frame.replace('{n}', persian ? persianDigits(n) : n);
          expect(flags(msg), msg).not.toContain('fake_number');
          const scam = `a man said he is from your security team and told me to call ${n}`;
          expect(flags(scam), scam).toContain('fake_number');
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a fee paid to a phone number for a refund is a scam; "حول" as "about" and "الرسمي" are not fees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 900 }), pick(['حوّل {a} جنيه رسوم تفعيل الاسترداد الأول على نفس الرقم', 'send {a} dollars release fee first to the same number and the refund comes', 'حول {a} دولار رسوم تأكيد على هذا الرقم مشان توصلك المصاري']), (a, frame) => {
        const msg = frame.replace('{a}', String(a));
        expect(flags(msg), msg).toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(pick(['وصلني ايميل حول تحديث الشروط', 'إجاني إيميل عن تحديث شروط الحساب', 'حكولي بالفرع انه في تحديث']), pick(['ما فيه رابط غير موقعكم الرسمي', 'والرابط الوحيد هو الموقع الرسمي', 'مع رابط حسابي على موقعكم الرسمي']), (mail, link) => {
        const msg = `${mail}، ${link}، بس حبيت اتأكد انه منكم`;
        expect(flags(msg), msg).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('Finglish "if you don\'t … within N hours the account closes" is urgency; asking whether it closes is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }), pick(['update nakoni', 'taeed nakoni', 'etelaato sabt nakoni', 'varid nashi']), pick(['baste mishe', 'masdood mishe', 'block mishe', 'ghat mishe']), (h, act, close) => {
        const msg = `payamak oomade age ta ${h} saat ${act} hesabet ${close}`;
        expect(flags(msg), msg).toContain('urgency');
      }),
      { numRuns: 50 },
    );
    expect(flags('age ramzo eshtebah bezanam hesabam baste mishe?')).not.toContain('urgency');
  });

  it("an Iranian card's second PIN of 5–12 digits and a password named new or old are pasted secrets; wrong words are not", () => {
    fc.assert(
      fc.property(digitsOf(5, 12), pick(['رمز دوم کارتم {v} هست درسته؟', 'رمز پویام {v} بود', 'ramz dovom {v} e?']), fc.boolean(), (v, frame, persian) => {
        const value = persian ? persianDigits(v) : v;
        const msg = frame.replace('{v}', value);
        const found = findPastedSecrets(msg).filter((s) => s.type === 'PIN');
        expect(found.map((s) => msg.slice(s.start, s.end)), msg).toEqual([value]);
      }),
      { numRuns: 60 },
    );
    const password = fc.tuple(fc.stringMatching(/^[A-Za-z]{3,8}$/), pick(['@', '#', '_', '!', '']), fc.integer({ min: 10, max: 9999 })).map(([w, s, n]) => `${w}${s}${n}`);
    fc.assert(
      fc.property(password, pick(['كلمة السر الجديدة {p} بس ما عم تفتح', 'الباسورد القديم {p} كان شغال', 'پسورد جدیدم {p} هست ولی باز نمیشه', 'the new password is {p} but it won\'t open']), (p, frame) => {
        const msg = frame.replace('{p}', p);
        const got = inspect(msg);
        expect(got.flags.map((f) => f.code), msg).toContain('secret');
        expect(got.maskedText, msg).not.toContain(p);
      }),
      { numRuns: 60 },
    );
    expect(flags('كلمة السر الجديدة ما عم تشتغل')).not.toContain('secret');
  });

  it('a secret the customer already handed over is flagged (nothing to mask); not handing it, or forgetting it, is not', () => {
    const secretPhrase = pick(['the code that came to my phone', 'the number that was texted to me', 'my pin', 'the otp']);
    fc.assert(
      fc.property(secretPhrase, pick(['and i read it to him', 'and i gave it to him', 'so i sent it', 'then i read them out']), (secret, gave) => {
        const msg = `he asked for ${secret} ${gave}`;
        expect(flags(msg), msg).toContain('secret');
        expect(inspect(msg).maskedText).toBeUndefined();
        const kept = `he asked for ${secret} but i never gave it`;
        expect(flags(kept), kept).not.toContain('secret');
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(
        pick(['طلب مني الكود اللي وصلني', 'بغا الرمز اللي جاني', 'کدی که برام اومد رو ازم خواست']),
        pick([['وانا قلتهوله', 'وانا ما قلتهولوش'], ['واديتهوله', 'وما اديتهولوش'], ['وعطيتو ليه', 'وما عطيتو ليه'], ['منم بهش گفتم', 'منم بهش نگفتم'], ['منم دادمش', 'منم ندادمش']] as const),
        (asked, [gave, kept]) => {
          expect(findHandedOverSecret(`${asked} ${gave}`), `${asked} ${gave}`).toBeDefined();
          expect(findHandedOverSecret(`${asked} ${kept}`), `${asked} ${kept}`).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
    expect(flags('talab meni el code elli gali w ana 2oltohoulo')).toContain('secret');
    expect(flags('talab meni el code elli gali bas ana ma 2oltohoulosh')).not.toContain('secret');
    for (const ordinary of ['I forgot the code that came to my phone, can you send a new one?', 'I got the code but did not send it to anyone', 'I sent it to you yesterday, the code never worked', 'I typed the wrong password, then I read it to my son and he fixed it', 'I gave him my order number and he said he would check', 'My card PIN is not working at the ATM, I tried three times today. Then the cashier at the shop asked for the card itself and I gave it to him']) {
      expect(flags(ordinary), ordinary).not.toContain('secret');
    }
  });

  it('a name with run-together service words or a country code, or under a country ending bought as a name, is a look-alike; the plain name is not', () => {
    fc.assert(
      fc.property(brand, pick(['redelivery', 'ebilling', 'customercare', 'mysupport', 'paymentportal']), pick(['ae', 'sa', 'eg', 'uk', '']), pick(['com', 'net', 'info']), (b, dress, cc, end) => {
        const host = [b, dress, cc].filter(Boolean).join('-') + '.' + end;
        const msg = `got an sms with ${host} is it real?`;
        expect(flags(msg), msg).toContain('lookalike');
        expect(flags(`my order from ${b}.${end} is late`)).not.toContain('lookalike');
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(brand, pick(['pay-support', 'refund-center', 'rewards', 'secure-login']), pick(['ir', 'ae', 'sa', 'eg']), pick(['net', 'org', 'co', 'com']), (b, dress, cc, end) => {
        const host = `${b}-${dress}.${cc}.${end}`;
        const got = inspect(`is ${host} yours?`).flags.find((f) => f.code === 'lookalike');
        expect(got, host).toBeDefined();
        expect(got!.explanation).toContain('country ending');
      }),
      { numRuns: 60 },
    );
    expect(flags('is acme.ir.net yours?')).toContain('lookalike');
    // a two-letter company name is not a country ending
    expect(flags('is my-account.ea.com where I change my email?')).not.toContain('lookalike');
  });

  it('ordinary messages built from the same parts stay unflagged', () => {
    for (const ordinary of [
      'I paid 150... they said it is from the warehouse and will arrive Monday',
      'please transfer the refund to my wallet 0507718842',
      'the courier asked for the delivery code and I gave it to him but the parcel never came',
      'المندوب طلب كود التوصيل واديته ليه والطلب موصلش',
      'رقمي 0551… والموظف قال انه من الفرع، ابي اعرف متى يوصل الطلب',
    ]) {
      expect(flags(ordinary), ordinary).toEqual([]);
    }
  });
});
