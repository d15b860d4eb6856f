/**
 * Round 14 of issue #21 (mostly inbound): the classes of the last blind set, composed from parts, each beside a safe
 * counterpart built from the same parts (so no property passes by flagging, or blocking, everything).
 * Inbound: the number a stranger reached the customer from, beside the company's name; a number a quoted message
 * orders them to call; a secret the customer reports having handed over; a previous password pasted with a Persian
 * label; a fee to secure or reopen the account; a deadline by the day in a third party's voice or "to avoid" a loss;
 * shorteners by their shape. Outbound: a question naming only the secret followed by "we need it"; a Persian offer
 * "if you give me X I'll fix it"; a quoted scam followed by Egyptian "كدب".
 */
import fc from 'fast-check';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { SHORTENERS } from '../../main/core/guard/phishing/domains';
import { detectSensitive } from '../../main/core/masking';
import { blocked, flags, lowerName, pick, RUNS } from '../helpers/guard-rounds';

const name = lowerName(5);
const mobile = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `09${n}`);
const withBrand = (brand: string) => resolveGuardPolicy({ companyDomains: [`${brand}.com`], brandNames: [brand] });

describe('round 14, inbound by structure (generated)', () => {
  it("the number a stranger called from, beside the company's name, is a fake number; the customer's own is not", () => {
    fc.assert(
      fc.property(name, mobile, pick([
        'a man called me from {n}, said he is from {b}',
        "un monsieur m'a appelé du {n}, il disait être chez {b}",
        'ye nafar az shomare {n} zang zad goft {b} hast',
        'اتصل بيا واحد من رقم {n} وقال انه من {b}',
        'kan bi7aki mn {n} w 2al eno {b}',
      ]), (brand, num, frame) => {
        const msg = frame.replace('{n}', num).replace('{b}', brand);
        expect(flags(msg, withBrand(brand)), msg).toContain('fake_number');
        const own = `I called ${brand} from my number ${num} yesterday but nobody picked up`;
        expect(flags(own, withBrand(brand)), own).not.toContain('fake_number');
      }),
      RUNS,
    );
  });

  it('a number a quoted message orders the customer to call is a fake number; "ring me back on" is the customer\'s', () => {
    fc.assert(
      fc.property(mobile, pick(['Got this SMS: "Unusual activity. Call our fraud desk on {n}."', "voicemail said: please call us back on {n} about your account", 'رسالة: تم ايقاف بطاقتك. للاستفسار: {n}', 'پیامک: حساب شما مسدود شد، جهت پیگیری با {n} تماس بگیرید', 'رسالة: اتصل فوراً على {n}']), (num, frame) => {
        const msg = frame.replace('{n}', num);
        expect(flags(msg), msg).toContain('fake_number');
        const mine = `Please ring me back on ${num} about my refund, thanks`;
        expect(flags(mine), mine).not.toContain('fake_number');
      }),
      RUNS,
    );
  });

  it('a secret the customer reports handing over is flagged; the same words negated are not', () => {
    fc.assert(
      fc.property(pick([
        ['I read him the numbers on the back of my card', "I didn't read him the numbers on the back of my card"],
        ['I shared the OTP with the person who called', 'I never shared the OTP with anyone'],
        ['اديت الكود اللي جالي لواحد على الواتس', 'ما اديت الكود لحد'],
        ['طلب الرمز وأنا قريتلو ياه', 'طلب الرمز وأنا ما قريتلو ياه'],
        ['talab el cvv w ana a3taito', 'talab el cvv bas ma a3taito'],
        ['codi ke omad ro behesh goftam', 'codi ke omad ro behesh nagoftam'],
      ] as const), ([told, kept]) => {
        expect(flags(told), told).toContain('secret');
        expect(flags(kept), kept).not.toContain('secret');
      }),
      RUNS,
    );
  });

  it('a previous password pasted after a Persian label is a secret and is masked; the label without a value is not', () => {
    fc.assert(
      fc.property(pick(['پسورد قبلی ام:', 'رمز عبور قبلیم این بود', 'رمز قبلی من این بود:', 'پسورد قدیمم']), fc.stringMatching(/^[A-Z][a-z]{3,6}$/), fc.integer({ min: 10, max: 9999 }), pick(['#', '@', '!', '_']), (label, word, n, sym) => {
        const pw = `${word}${sym}${n}`;
        const msg = `${label} ${pw} حالا کار نمی کنه`;
        const got = inspectInbound(msg, 'en', { policy: resolveGuardPolicy(), detectSensitive });
        expect(got.flags.map((f) => f.code), msg).toContain('secret');
        expect(got.maskedText, msg).not.toContain(pw);
        const none = `${label.replace(/[:]/g, '')} یادم نیست، چطور عوضش کنم؟`;
        expect(flags(none), none).not.toContain('secret');
      }),
      RUNS,
    );
  });

  it('a fee to secure or reopen the account is flagged; the customer\'s own bill paid twice is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 900 }), pick(['they want me to pay £{a} to secure the account', 'گفت {a} افغانی کریدت به این شماره بفرست تا حسابت دوباره باز شود', '2alo lazem adfa3 rusum {a} geneh 3ashan el 7esab yetfete7', 'On me demande de payer des frais de {a} euros pour réactiver mon compte']), (a, frame) => {
        const msg = frame.replace('{a}', String(a));
        expect(flags(msg), msg).toContain('upgrade_fee');
        const bill = `I paid my bill of £${a} twice this month, can you refund one?`;
        expect(flags(bill), bill).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a deadline by the day in a third party's voice is urgency; the customer's own frozen account or request is not", () => {
    fc.assert(
      fc.property(pick([
        'they said it has to be done {d} or the account is gone',
        'رسالة: يرجى تحديث بياناتك {ar} كحد أقصى وإلا سيتم إيقاف الحساب',
        'سدد {ar} لتفادي قطع الخدمة',
        'payamak: akharin mohlat {fg}, badesh hesab masdood mishe',
      ]), pick([['tonight', 'غداً', 'emrooz'], ['today', 'اليوم', 'farda']] as const), (frame, [d, ar, fg]) => {
        const msg = frame.replace('{d}', d).replace('{ar}', ar).replace('{fg}', fg);
        expect(flags(msg), msg).toContain('urgency');
        for (const own of [`my card is frozen because of a security check, I need it unfrozen ${d}`, 'block my wallet now now, my phone was stolen', 'لازم توقفو البطاقة بسرعة', `حسابي فعلاً موقوف ومحتاجه يشتغل ${ar}`]) expect(flags(own), own).not.toContain('urgency');
      }),
      RUNS,
    );
  });

  it('a short host with a key of two tiny groups, or a name that says "short link", is a shortener; a page in a language is not', () => {
    fc.assert(
      fc.property(
        // a host nobody can register (`co.io`, `com.io`: public suffixes) is no link at all, and a listed shortener
        // (`ouo.io`) is one whatever its path
        fc.stringMatching(/^[a-z]{2,3}$/).filter((h) => parse(`${h}.io`).domain === `${h}.io` && !SHORTENERS.has(`${h}.io`)),
        fc.stringMatching(/^[a-z0-9]{2,4}$/),
        fc.stringMatching(/^[a-zA-Z0-9]{2,4}$/),
        fc.stringMatching(/^[a-z]{2,4}$/),
        pick(['kurzelinks.de', 'shrtlnk.co', 'linkcourt.fr']),
        (host, g1, g2, letters, named) => {
          const short = `they sent me this link: ${host}.io/${g1}-${g2}`;
          expect(flags(short), short).toContain('shortener');
          const key = `https://${named}/${letters}9${g2}`;
          expect(flags(`open ${key} to unlock`), key).toContain('shortener');
          const page = `the guide is at ${host}.io/en-us`;
          expect(flags(page), page).not.toContain('shortener');
        },
      ),
      RUNS,
    );
  });
});

describe('round 14, outbound by structure (generated)', () => {
  it('a question naming only the secret, then only "we need it", blocks; a warning after it allows', () => {
    fc.assert(
      fc.property(pick(['ano po yung MPIN ninyo?', 'ano po yung OTP ninyo?', 'And your PIN?']), pick(['need lang po namin', 'kailangan lang po namin', 'we just need it']), (q, need) => {
        const ask = `${q} ${need}`;
        expect(blocked(ask), ask).toBe(true);
        const safe = `${q} Never share it with anyone, not even us.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('a Persian offer "if you give me X, I\'ll fix it" blocks; "if you give X to anyone, you lose it" allows', () => {
    fc.assert(
      fc.property(pick(['رمزتو', 'کدتو', 'رمز عبورتو']), pick(['بدی', 'بهم بدی', 'بهم بگی']), pick(['همین الان بازش میکنم', 'سریع درستش میکنم', 'حلش میکنم']), (secret, give, deed) => {
        const ask = `میدونم نباید بپرسم ولی اگه ${secret} ${give} ${deed}`;
        expect(blocked(ask), ask).toBe(true);
        const warn = `اگه ${secret} به کسی بدی حسابت خالی میشه`;
        expect(blocked(warn), warn).toBe(false);
      }),
      RUNS,
    );
  });

  it('a quoted scam followed by Egyptian "it is a lie" allows; the same words as our own request block', () => {
    fc.assert(
      fc.property(pick(['ابعت الكود عشان نفعل حسابك', 'أرسل الرقم السري للتحقق', 'ابعتلي الكود اللي جالك']), pick(['دي كضب', 'ده كدب', 'دا كدب']), (scam, lie) => {
        const safe = `لو حد بعتلك "${scam}" ${lie}، متردش`;
        expect(blocked(safe), safe).toBe(false);
        expect(blocked(scam), scam).toBe(true);
      }),
      RUNS,
    );
  });
});
