import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateReply, inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { findPastedSecrets } from '../../main/core/guard/phishing/pasted-secrets';
import { looksShortened } from '../../main/core/guard/phishing/domains';
import { extractLinks } from '../../main/core/guard/text/links';
import { BENCH_POLICY } from '../../bench/guard/eval';
import { standInDetectSensitive } from '../helpers/guard';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', policy, standInDetectSensitive).some((f) => f.verdict === 'block');

/** One misspelling a hurried typist makes: a letter dropped, doubled or two letters swapped (never the first). */
const typo = (word: string) =>
  fc.nat({ max: 2 }).chain((kind) =>
    fc.integer({ min: 1, max: Math.max(1, word.length - 2) }).map((i) => {
      if (word.length < 6) return word;
      if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
      if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    }),
  );

const EN_SECRETS = [
  'the verification code', 'the one-time password', 'your password', 'the code we texted you', 'your card PIN', 'the full card number',
  'the three digits on the back of your card', 'the six digits in the SMS', 'a photo of the front of your card', 'the CVV',
];
const EN_LEADS = ['', 'please ', 'kindly ', 'pls ', 'can you ', 'could you ', 'just ', 'now ', 'ok, '];
const EN_VERBS = ['send', 'share', 'forward', 'provide', 'give me', 'tell me', 'read me', 'type here'];
const EN_TAILS = ['', ' here', ' to me', ' in this chat', ' so I can check', ' right away', ' thanks'];

describe('the outbound guard generalises over how a request is written (generated)', () => {
  it('English: any lead, request verb (misspelt or not), secret named or described, and ending is blocked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EN_LEADS),
        fc.constantFrom(...EN_VERBS).chain((v) => fc.oneof(fc.constant(v), typo(v.split(' ')[0]!).map((w) => [w, ...v.split(' ').slice(1)].join(' ')))),
        fc.constantFrom(...EN_SECRETS).chain((s) => fc.oneof(fc.constant(s), fc.constantFrom(...s.split(' ')).chain((w) => typo(w).map((t) => s.replace(w, t))))),
        fc.constantFrom(...EN_TAILS),
        (lead, verb, secret, tail) => {
          const reply = `${lead}${verb} ${secret}${tail}`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a follow-up in the next sentence still asks: "<a code was sent>. <send it>"', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('We just sent you a code', 'You should get an SMS code now', 'A verification code is on its way to you', 'وصلك كود على الجوال', 'یه کد برات فرستادیم', 'بعتنالك كود'),
        fc.constantFrom('. ', '! ', '؟ ', '، ', '\n'),
        fc.constantFrom('Send it to me', 'Share it here please', 'What did it say?', 'ابعتهولي', 'ابعتلي ياه', 'بفرستش', 'بگو چنده'),
        (first, sep, second) => {
          const reply = `${first}${sep}${second}`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Arabic and Persian: object and verb in either order, with dialect verbs, letter variants and tatweel', () => {
    const AR_VERBS = ['ابعتلي', 'ارسل لي', 'عطني', 'صيفط ليا', 'طرشني', 'اعطيني', 'قولي', 'ابعثلي'];
    const AR_OBJECTS = ['الكود', 'رمز التحقق', 'كلمة المرور', 'الرقم السري للبطاقة', 'الأرقام اللي في الرسالة', 'صورة البطاقة من قدام'];
    const FA = ['کد تایید', 'رمز عبور', 'رمز دوم کارت', 'عکس روی کارت'].flatMap((o) => ['بفرستید', 'را اعلام کنید', 'رو بگو', 'را ارسال نمایید'].map((v) => `${o} ${v}`));
    const stretch = (s: string, k: number) => (k === 0 ? s : k === 1 ? s.replace(/ل/, 'لـ') : s.replace(/ا/g, 'أ'));
    fc.assert(
      fc.property(fc.constantFrom(...AR_VERBS), fc.constantFrom(...AR_OBJECTS), fc.nat({ max: 2 }), fc.constantFrom('', 'لو سمحت ', 'من فضلك ', 'يا فندم '), (v, o, k, lead) => {
        const reply = stretch(`${lead}${v} ${o}`, k);
        expect(blocked(reply), reply).toBe(true);
      }),
      { numRuns: 200 },
    );
    for (const reply of FA) expect(blocked(`لطفاً ${reply}`), reply).toBe(true);
  });

  it('Persian verb-final: a long object marked by را before the verb at the end is still asked for', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('کد تأیید', 'رمز عبور', 'رمز دوم کارت', 'کد یکبار مصرف', 'گذرواژه'),
        fc.subarray(['ارسال شده', 'به شماره همراه', 'که دریافت کردید', 'خود', 'جدید'], { maxLength: 3 }),
        fc.subarray(['جهت کارشناس', 'در همین گفتگو', 'برای بررسی', 'جهت تکمیل فرآیند'], { maxLength: 2 }),
        fc.constantFrom('بفرستید', 'ارسال نمایید', 'اعلام بفرمایید', 'مرقوم فرمایید', 'بگویید', 'در اختیار ما قرار دهید'),
        (secret, qualifiers, places, verb) => {
          const reply = ['لطفاً', secret, ...qualifiers, 'را', ...places, verb].join(' ');
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('warnings, third parties and our own sending are never blocked, whatever secret they name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Never', 'Please never', 'Do not', "Don't", 'You should never'),
        fc.constantFrom('share', 'send', 'give', 'read out', 'forward'),
        fc.constantFrom(...EN_SECRETS),
        fc.constantFrom(' with anyone', ' to anybody, even us', '', ' to someone who calls you', ' — it is how accounts are stolen'),
        (neg, verb, secret, tail) => {
          const reply = `${neg} ${verb} ${secret}${tail}.`;
          expect(blocked(reply), reply).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
    for (const reply of ['We will send you a code at 10:42; enter it in the app.', 'At the ATM you will be asked for your PIN.', 'That "send us your OTP to win" text is a scam.', 'Our records show two payments.', 'هاتفك محتاج تحديث']) {
      expect(blocked(reply), reply).toBe(false);
    }
  });

  it('an English imperative with a verb the lexicon does not know, handing a named secret to us', () => {
    for (const reply of ['Shoot the code over to me.', 'Zap the OTP across when you can.', 'Pass the verification code my way.']) expect(blocked(reply), reply).toBe(true);
    for (const reply of ['Keep the code to yourself.', 'Report the code to us if you did not ask for it.', 'If a caller asks for the digits in a text message, it is a scam.', 'We sent the code over to your phone.']) expect(blocked(reply), reply).toBe(false);
  });

  it('"type it yourself" is the customer entering it on their own device, unless "here" sends it to us', () => {
    for (const reply of ['Type the code yourself in the app.', 'لما الماكينة تطلب الرقم السري اكتبه إنت بنفسك', 'کد رو خودت وارد کن']) expect(blocked(reply), reply).toBe(false);
    for (const reply of ['Type the code here yourself.', 'اكتب الكود هنا بنفسك']) expect(blocked(reply), reply).toBe(true);
  });

  it('a time, a decimal or Arabic-Indic digits do not change the verdict', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EN_SECRETS), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (secret, h, m) => {
        const time = `${h}:${String(m).padStart(2, '0')}`;
        const arabicTime = time.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
        expect(blocked(`You got a text at ${time}. Send me ${secret} in it.`)).toBe(true);
        expect(blocked(`You got a text at ${arabicTime}. Send me ${secret}.`)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('inbound: pasted secrets and shortened links by their shape (generated)', () => {
  it('a password after its name is found and masked; a plain word is not a password', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('my password is ', 'password: ', 'pwd ', 'الباسورد بتاعي ', 'كلمة السر هي ', 'رمز عبورم ', 'pass = '),
        // a trailing ! or ? is read as punctuation, so values carry a digit
        fc.stringMatching(/^[A-Za-z]{3,8}[0-9][0-9!@#$%]{0,3}[A-Za-z0-9]{0,4}$/),
        (lead, value) => {
          const text = `${lead}${value}`;
          const spans = findPastedSecrets(text);
          expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([value]);
          const masked = inspectInbound(text, 'en', { policy: BENCH_POLICY, detectSensitive: () => [] }).maskedText;
          expect(masked).not.toContain(value);
        },
      ),
      { numRuns: 200 },
    );
    for (const t of ['my password is wrong', 'I forgot my password', 'How do I change my PIN?', 'رمزمو یادم رفته', 'the cvv is on the back']) expect(findPastedSecrets(t), t).toEqual([]);
  });

  it('PINs and CVVs in any digits are found', () => {
    fc.assert(
      fc.property(fc.constantFrom('PIN ', 'pin is ', 'الرقم السري ', 'cvv: ', 'CVV is '), fc.integer({ min: 0, max: 2 }), fc.stringMatching(/^\d{4}$/), (lead, script, digits) => {
        const value = lead.toLowerCase().includes('cvv') ? digits.slice(0, 3) : digits;
        const written = script === 0 ? value : value.replace(/\d/g, (d) => String.fromCharCode((script === 1 ? 0x660 : 0x6f0) + Number(d)));
        const spans = findPastedSecrets(lead + written);
        expect(spans).toHaveLength(1);
        expect(spans[0]!.type).toBe(lead.toLowerCase().includes('cvv') ? 'CVV' : 'PIN');
      }),
      { numRuns: 150 },
    );
  });

  it('a short name with one random-looking key is a shortened link; page paths are not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2,6}$/), fc.constantFrom('ly', 'gg', 'one', 'xyz', 'to', 'link', 'co'), fc.stringMatching(/^[a-z]{2,4}[0-9][A-Za-z0-9]{1,6}$/), (name, tld, key) => {
        const [link] = extractLinks(`see https://${name}.${tld}/${key} now`);
        expect(link && looksShortened(link)).toBe(true);
      }),
      { numRuns: 150 },
    );
    for (const t of ['https://shop.com/help/contact', 'https://myshop.com/p/12345', 'https://gifts.io/acme-gift', 'https://longercompany.com/Ab3dE9', 'https://acme.com']) {
      const [link] = extractLinks(t);
      expect(looksShortened(link!), t).toBe(false);
    }
  });
});

describe('the tuning corpora pass in full (they are regression tests; the held-out corpora are only reported)', () => {
  const dir = path.resolve(import.meta.dirname, '../../bench/guard/voices');
  const rows = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; label?: string; flags?: string[]; text: string });
  // the independent sets were written by people who never saw the guard; once scored and public, they tune it (round 3)
  const outboundTuning = fs.readdirSync(dir).filter((f) => /^(?:tune(?:-\d+)?|independent-outbound|(?:outbound-)?round\d+-tune)\.jsonl$/.test(f)).sort();
  it('reads every outbound tuning file', () => expect(outboundTuning.length).toBeGreaterThanOrEqual(6));
  it.each(outboundTuning)('%s', (file) => {
    const wrong = rows(file).filter((r) => evaluateReply(r.text, 'en', BENCH_POLICY, standInDetectSensitive).some((f) => f.verdict === 'block') !== (r.label === 'block'));
    expect(wrong.map((r) => `${r.id}: ${r.text}`)).toEqual([]);
  });
  it.each(fs.readdirSync(dir).filter((f) => /^(?:tune-inbound(?:-\d+)?|inbound-round\d+-tune)\.jsonl$/.test(f)))('%s: every scam flagged, every pasted secret found', (file) => {
    for (const r of rows(file)) {
      const got = inspectInbound(r.text, 'en', { policy: BENCH_POLICY, detectSensitive }).flags.map((f) => f.code);
      const scam = (fs: string[]) => fs.some((f) => f !== 'secret');
      expect(scam(got), r.text).toBe(scam(r.flags!));
      expect(got.includes('secret'), r.text).toBe(r.flags!.includes('secret'));
    }
  });
  it('independent-inbound.jsonl: scams flagged with recall ≥ 0.95, no ordinary message flagged', () => {
    const scam = (fs: string[]) => fs.some((f) => f !== 'secret');
    const scored = rows('independent-inbound.jsonl').map((r) => ({ expected: r.flags!, got: inspectInbound(r.text, 'en', { policy: BENCH_POLICY, detectSensitive }).flags.map((f) => f.code) }));
    const scams = scored.filter((r) => scam(r.expected));
    expect(scams.filter((r) => scam(r.got)).length / scams.length).toBeGreaterThanOrEqual(0.95);
    expect(scored.filter((r) => !r.expected.length && r.got.length)).toEqual([]);
  });
  // round 5: the third independent round is public; its left-over misses are named in bench/README.md, so hold the line there
  it('independent-r3-outbound.jsonl: recall ≥ 0.97, at most one safe reply blocked', () => {
    const scored = rows('independent-r3-outbound.jsonl').map((r) => ({ label: r.label, got: evaluateReply(r.text, 'en', BENCH_POLICY, detectSensitive).some((f) => f.verdict === 'block') }));
    const asks = scored.filter((r) => r.label === 'block');
    expect(asks.filter((r) => r.got).length / asks.length).toBeGreaterThanOrEqual(0.97);
    expect(scored.filter((r) => r.label === 'allow' && r.got).length).toBeLessThanOrEqual(1);
  });
  // round 7: the fourth independent round (r4) is public and tuned on by class; every row passes, so hold it in full
  it('independent-r4-outbound.jsonl: every row right', () => {
    const wrong = rows('independent-r4-outbound.jsonl').filter((r) => evaluateReply(r.text, 'en', BENCH_POLICY, detectSensitive).some((f) => f.verdict === 'block') !== (r.label === 'block'));
    expect(wrong.map((r) => `${r.id}: ${r.text}`)).toEqual([]);
  });
  it('independent-r4-inbound.jsonl: scams flagged with recall ≥ 0.95, no ordinary message flagged', () => {
    const scam = (fs: string[]) => fs.some((f) => f !== 'secret');
    const scored = rows('independent-r4-inbound.jsonl').map((r) => ({ expected: r.flags!, got: inspectInbound(r.text, 'en', { policy: BENCH_POLICY, detectSensitive }).flags.map((f) => f.code) }));
    const scams = scored.filter((r) => scam(r.expected));
    expect(scams.filter((r) => scam(r.got)).length / scams.length).toBeGreaterThanOrEqual(0.95);
    expect(scored.filter((r) => !r.expected.length && r.got.length)).toEqual([]);
  });
  it('independent-r3-inbound.jsonl: scams flagged with recall ≥ 0.95, no ordinary message flagged', () => {
    const scam = (fs: string[]) => fs.some((f) => f !== 'secret');
    const scored = rows('independent-r3-inbound.jsonl').map((r) => ({ expected: r.flags!, got: inspectInbound(r.text, 'en', { policy: BENCH_POLICY, detectSensitive }).flags.map((f) => f.code) }));
    const scams = scored.filter((r) => scam(r.expected));
    expect(scams.filter((r) => scam(r.got)).length / scams.length).toBeGreaterThanOrEqual(0.95);
    expect(scored.filter((r) => !r.expected.length && r.got.length)).toEqual([]);
  });
});
