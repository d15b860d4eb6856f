/**
 * Round 28 of issue #21 (inbound), composed from parts, for the classes of the told set r21: the brand under a country's
 * ending the policy does not list, a brand with its ".com" in front of another domain, a look-alike asked of the company
 * the customer greets; Taglish verb prefixes ("ma-verify") that are no account; a number taken from a social page where a
 * secret was asked or given; a claimed caller's loss by a day in Urdu in Latin letters; a fee demanded "or else the
 * transfer goes back"; the company's "never charges a fee" quoted in Persian; a password set after changing it and a
 * wallet PIN "entered" or "told". Each sign stands beside the same parts made safe, so no property passes by flagging
 * nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966 800 123 4567', '800-2263'], officialSupportHandles: ['@AcmeCare'] });
/** A policy that knows no company the generated messages name (the bench's, for a company it was not written for). */
const stranger = resolveGuardPolicy({ companyDomains: ['example.org'] });
const flagsUnder = (p: typeof policy, t: string) => inspectInbound(t, 'en', { policy: p, detectSensitive }).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const flags = (t: string) => flagsUnder(policy, t);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';
const script = pick(['ascii', 'fa', 'ar'] as const);
const inScript = (s: string, sc: 'ascii' | 'fa' | 'ar') => (sc === 'ascii' ? s : s.replace(/\d/g, (d) => (sc === 'fa' ? PERSIAN : ARABIC)[Number(d)]!));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** A made-up company's name and the registrable name its site would have ("Nuri Pay" → "nuripay"). */
const company = fc.tuple(pick(['Nuri', 'Sahra', 'Tamar', 'Zolal', 'Baran', 'Qamar']), pick(['Pay', 'Wallet', 'Bank'])).map(([a, b]) => ({ name: `${a} ${b}`, label: `${a}${b}`.toLowerCase() }));

describe('inbound, round 28 (generated)', () => {
  it("the company's name under a country's ending it does not own is a look-alike; listed, or another brand's, it is not", () => {
    fc.assert(
      fc.property(pick(['ng', 'sd', 'co.uk', 'com.eg', 'pk', 'com.sa', 'ir', 'fr']), pick(['Is {d} your {c} site?', 'they sent me {d}/login to update my details', 'هل {d} موقعكم في {c}؟', 'این سایت {d} مال شماست؟']), pick(['Nigerian', 'UK', 'local']), (ending, frame, c) => {
        const theirs = fill(frame, { d: `acme.${ending}`, c });
        expect(flags(theirs), theirs).toContain('lookalike');
        const listed = resolveGuardPolicy({ companyDomains: ['acme.com', `acme.${ending}`], brandNames: ['acme'] });
        expect(flagsUnder(listed, theirs), theirs).not.toContain('lookalike');
        const shop = fill(frame, { d: `jumia.${ending}`, c });
        expect(flags(shop), shop).not.toContain('lookalike');
      }),
      { numRuns: 60 },
    );
  });

  it('a brand with its own ending in front of a dress domain, dots said as words, is a look-alike under any policy; the brand\'s site said so is not', () => {
    fc.assert(
      fc.property(company, pick(['com', 'net', 'ae', 'ir']), pick(['refund-center', 'secure-verify', 'pay-back', 'claims-portal', 'help-desk']), pick(['net', 'info', 'xyz', 'com']), pick(['they said go to {d}', 'الرسالة تقول ادخل على {d}', 'پیامک زده برید به {d}']), (co, own, dress, end, frame) => {
        const said = fill(frame, { d: `${co.label} dot ${own} dot ${dress} dot ${end}` });
        expect(flagsUnder(stranger, said), said).toContain('lookalike');
        const written = fill(frame, { d: `${co.label}.${own}.${dress}.${end}` });
        expect(flagsUnder(stranger, written), written).toContain('lookalike');
        const plain = fill(frame, { d: `${co.label} dot com slash help` });
        expect(flagsUnder(stranger, plain), plain).not.toContain('lookalike');
      }),
      { numRuns: 50 },
    );
  });

  it('the company the customer greets is the one its links must belong to: a dressed name of it is a look-alike, its own site and a shop are not', () => {
    fc.assert(
      fc.property(company, pick(['Hi', 'Dear', 'Hello', 'Salam', '']), pick(['checkout', 'uae', 'refunds', 'ksa']), pick(['net', 'com']), pick(['{g}, the link was {d}', '{g}, the site {d} which came in an SMS, is it yours?', '{g}, the link was {d} and I put my password Abc@12345 there']), (co, greet, extra, end, frame) => {
        const g = greet ? `${greet} ${co.name}` : co.name;
        const fake = fill(frame, { g, d: `${co.label}-${extra}.${end}` });
        expect(flagsUnder(stranger, fake), fake).toContain('lookalike');
        const own = fill(frame, { g, d: `${co.label}.com` });
        expect(flagsUnder(stranger, own), own).not.toContain('lookalike');
        const shop = fill(frame, { g, d: `amazon.${end}` });
        expect(flagsUnder(stranger, shop), shop).not.toContain('lookalike');
      }),
      { numRuns: 50 },
    );
  });

  it('a Tagalog verb prefix on an English verb is no account; a dressed handle presented as official still is', () => {
    fc.assert(
      fc.property(pick(['ma', 'pa', 'na', 'i', 'mag', 'nag', 'pang', 'maka']), pick(['verify', 'confirm', 'login', 'update', 'activate', 'check']), digits(6), pick(['ito po ba yung code para {w} yung account ko… {c}', 'na-receive ko po yung message, {w} ko po ba? {c}', '{w} po ng account ko, ito po ba yung code… {c}']), (prefix, verb, code, frame) => {
        const taglish = fill(frame, { w: `${prefix}-${verb}`, c: `${code.slice(0, 3)} ${code.slice(3)}` });
        expect(flags(taglish), taglish).not.toContain('lookalike');
        const handle = `may nag-message po sa akin na account @acme_${verb}_official, kayo po ba yan?`;
        expect(flags(handle), handle).toContain('fake_number');
      }),
      { numRuns: 50 },
    );
  });

  it('a number from a social page where the person at it asked for or was given a secret is fake; our own page with no secret is not', () => {
    fc.assert(
      fc.property(pick(['07712345678', '0722 123 456', '0912 555 8821', '0770 987 6543']), script, pick([
        'I called the number on your Facebook page {n} and he asked my wallet PIN',
        'i phoned the number written on your instagram page {n} and gave him my PIN',
        'اتصلت على الرقم المكتوب بصفحتكم بالفيسبوك {n} وطلب مني الرقم السري',
        'كلمت الرقم اللي على صفحتكم في الفيس {n} وطلب الرقم السري للمحفظة',
        'زنگ زدم به شماره‌ای که توی صفحه اینستاگرامتون نوشته بود {n} و رمز کارتمو خواست',
      ]), (n, sc, frame) => {
        const fake = fill(frame, { n: inScript(n, sc) });
        expect(flags(fake), fake).toContain('fake_number');
        const asked = fill('I called the number on your Facebook page {n} to ask about my order, it ships tomorrow', { n: inScript(n, sc) });
        expect(flags(asked), asked).not.toContain('fake_number');
      }),
      { numRuns: 50 },
    );
  });

  it("a claimed caller's loss by a day, on a condition, in Urdu in Latin letters is urgency; the customer's own call to our line is not", () => {
    fc.assert(
      fc.property(pick(['+92 301 4455667', '0092 321 7788990', '+92 333 1234567']), pick(['aaj raat 12 baje', 'aaj raat tak', 'aaj shaam tak', 'kal subah tak']), pick(['agar biometric verification nahi karwai', 'agar verification na ki', 'verification nahi ki to']), pick(['keh raha tha main Acme ke Dubai head office se hoon', 'call aayi ke main Acme head office se hoon', 'bola Acme se hai']), (n, when, cond, claim) => {
        const scam = `${n} se call aayi, ${claim}, aap ka account ${when} block ho jayega ${cond}`;
        expect(flags(scam), scam).toEqual(expect.arrayContaining(['fake_number', 'urgency']));
        const own = `Maine Acme helpline 800-2263 pe call ki, unhon ne kaha account ${when} theek ho jayega`;
        expect(flags(own), own).not.toContain('urgency');
      }),
      { numRuns: 50 },
    );
  });

  it('a fee demanded or else the transfer goes back is a fee; the transfer returned as news, from our own line, is no sign', () => {
    fc.assert(
      fc.property(pick(['رسوم ضمان', 'رسوم تأمين', 'رسوم تحرير']), fc.integer({ min: 2, max: 90 }), pick(['جنيه', 'دينار', 'ريال']), pick(['التحويل برجع', 'الحوالة ترجع', 'الفلوس بترجع']), (fee, n, cur, back) => {
        const scam = `قالوا لازم تدفع ${fee} ${n} ألف ${cur} قبل الليلة وإلا ${back}`;
        expect(flags(scam), scam).toContain('upgrade_fee');
        const news = `اتصلت على رقمكم 800-2263 وقالولي ${back} خلال ساعة اذا ما انقبلت`;
        expect(flags(news), news).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('the company\'s "never charges a fee" quoted in Persian is no fee; a fee demanded beside it still is', () => {
    fc.assert(
      fc.property(pick(['هیچ‌وقت', 'هیچوقت', 'هرگز']), pick(['نمی‌گیرد', 'نمیگیرد', 'نمی‌خواهد', 'نمی‌گیرند']), pick(['رفع مسدودی', 'باز کردن حساب', 'فعال‌سازی کارت']), (never, verb, what) => {
        const thanks = `ممنون از راهنماییتون. تو اپ نوشته بود «Acme ${never} برای ${what} هزینه ${verb}» برای همین جواب ندادم`;
        expect(flags(thanks), thanks).not.toContain('upgrade_fee');
        const demand = `${thanks}\nولی یکی زنگ زد گفت از Acme هستم برای ${what} باید ۵۰۰ هزار تومان هزینه واریز کنید`;
        expect(flags(demand), demand).toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it('a password set after changing it, and a wallet PIN entered or told, are pasted secrets; the change told without a value is not', () => {
    fc.assert(
      fc.property(digits(4), script, pick(['Teh_1365', 'Leeds#4455', 'Jed@5566', 'Shz_7788']), pick([
        ['رمزمو عوض کردم گذاشتم {p}', 'رمزمو عوض کردم ولی هنوز نمیتونم وارد بشم'],
        ['I changed my password and set it to {p} just now', 'I changed my password yesterday and it works now'],
        ['غيرت كلمة السر وحطيتها {p}', 'غيرت كلمة السر وما زال ما يفتح'],
      ] as const), pick(['فتحت الرابط المختصر وطلب الرقم السري حق المحفظة وادخلته {n}', 'طلب مني رمز المحفظة وكتله {n}', 'opened the short link and it asked for my wallet PIN, I entered it {n}']), (pin, sc, pass, [set, told], pinFrame) => {
        const p = fill(set, { p: pass });
        expect(flags(p), p).toContain('secret');
        expect(flags(told), told).not.toContain('secret');
        const n = fill(pinFrame, { n: inScript(pin, sc) });
        expect(flags(n), n).toContain('secret');
      }),
      { numRuns: 50 },
    );
  });
});
