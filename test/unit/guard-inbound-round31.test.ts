/**
 * Round 31 of issue #21 (inbound), composed from parts, for the told classes of the blind set r24, under a policy that
 * knows none of the companies the generated messages name (as a blind set's company is unknown to the bench policy): a
 * number the customer doubts because it differs from the one on the site; a stranger on a chat app writing from the
 * company's office; money sent to a number whose owners claimed to be the company; our own agent quoted on the number
 * the customer reached them on; a caller's victim in the customer's family who handed the card over; passwords after a
 * Persian enclitic or an Iraqi "mine", Tajik card PINs, a PIN followed by an Arabizi word; a fee to release a refund; a
 * name in front of a country code bought under a generic ending. Each sign stands beside the same parts made safe, so no
 * property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
/** A policy that knows no company the generated messages name. */
const stranger = resolveGuardPolicy({ companyDomains: ['example.org'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy: stranger, detectSensitive }).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const AR = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const FA = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const script = pick([(s: string) => s, AR, FA]);
const BRANDS = ['Barq Mobile', 'Zajel', 'NourNet', 'Falak', 'Samatel'];

describe('inbound, round 31 (generated)', () => {
  it('a number the customer says differs from the one on the site is a fake number, in any digits; asked about alone, called from the site, or the published one itself, it is not', () => {
    const DOUBTED = ['is {n} the official {b} number? it is not the same as the one on your website', 'They sent me this number {n}. Is it official? It is not the same as the one on your site.', 'رقم {n} هل هو الرسمي؟ ما يطابق اللي في الموقع', 'is {n} official? doesnt match whats on the site', 'هل الرقم {n} رسمي؟ مو نفس الرقم اللي في الموقع', 'الرقم {n} مختلف عن الرقم اللي على الموقع، هل هو منكم؟', 'شماره {n} رسمیه؟ با شماره‌ای که تو سایت هست فرق داره', 'این شماره {n} رسمی است؟ با شماره‌ای که روی سایت نوشته یکی نیست'];
    const SAFE = ['is {n} the official {b} number?', 'I called {n}, the number on your website, nobody answered', 'the number on your website {n} is not the same as the one on my bill, which one is right?', 'هل الرقم {n} رسمي؟'];
    fc.assert(
      fc.property(pick(['800', '0800', '1800']), digits(6), pick(BRANDS), pick(DOUBTED), pick(SAFE), script, (lead, rest, b, doubted, safe, d) => {
        const n = d(`${lead} ${rest.slice(0, 3)} ${rest.slice(3)}`);
        const t = fill(doubted, { n, b });
        expect(flags(t), t).toContain('fake_number');
        const s = fill(safe, { n, b });
        expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 60 },
    );
  });

  it('a number two digits off the one the message names as published is a fake number; the published one repeated is not', () => {
    const PAIRED = ['is {x} official? the website shows {n}', 'Got an SMS to call {x}, your site says {n}. which is right?', 'اتصلوا علي من {x} هل هو رقم رسمي؟ الرقم في الموقع {n}', 'این شماره {x} رسمیه؟ تو سایتتون نوشته {n}'];
    const SAME = ['the website shows {n}, I called {n} and nobody answered', 'الرقم في الموقع {n} وأنا اتصلت على {n} وما رد أحد'];
    fc.assert(
      fc.property(digits(8), fc.integer({ min: 1, max: 6 }), pick(PAIRED), pick(SAME), script, (raw, at, paired, same, d) => {
        const n = `8${raw.slice(1)}`;
        fc.pre(n[at] !== n[at + 1]);
        const x = n.slice(0, at) + n[at + 1] + n[at] + n.slice(at + 2);
        const t = fill(paired, { x: d(x), n: d(n) });
        expect(flags(t), t).toContain('fake_number');
        const s = fill(same, { n: d(n) });
        expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 50 },
    );
  });

  it('a text message from a named sender ordering a call to a bare number within hours is a fake number and urgency; a friend\'s "call" is neither', () => {
    const SMS = ['SMS from {b} says call {n} within 2 hours or the line will be cut off', 'an SMS from {b} saying to call {n} within two hours or the line will be cut', 'رسالة نصية من {b} تطلب الاتصال على {n} خلال ساعتين وإلا ينقطع الخط', 'رسالة من {b}: اتصل على {n} خلال ساعتين وإلا سيتم قطع الخط', 'پیامک از طرف {b}: تا دو ساعت دیگه با {n} تماس بگیرید وگرنه خطتون قطع میشه'];
    fc.assert(
      fc.property(pick(['2', '3', '4', '9']), digits(7), pick(BRANDS), pick(SMS), (first, rest, b, sms) => {
        const n = first + rest;
        const t = fill(sms, { n, b });
        expect(flags(t), t).toEqual(expect.arrayContaining(['fake_number', 'urgency']));
        const s = `my friend said call ${n} if I need a plumber`;
        expect(flags(s), s).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("a stranger on a chat app writing from the company's office is a fake number; the customer's own chat number beside a blocked SIM is not", () => {
    const OFFICE = ["I got a WhatsApp from {n}, he said he is from {b}'s office and my SIM is blocked", 'یک نفر از طرف دفتر {b} با شماره واتساپ {n} پیام داده که سیم کارت شما بند است', 'راسلني واحد على الواتساب من {n} يقول انه من مكتب {b} وان شريحتي موقوفة', 'از واتساپ {n} پیام دادن که از دفتر {b} هستیم و سیم کارت شما مسدود شده'];
    const OWN = ['my WhatsApp is {n}, my {b} SIM is blocked, please ask the office to message me', 'I am at the office now, my whatsapp {n}, the SIM is blocked', 'شماره واتساپ من {n} است، سیم کارتم بند شده، لطفا با من تماس بگیرید'];
    fc.assert(
      fc.property(pick(['+93 70', '+92 300', '+234 803', '+44 7911']), digits(7), pick(BRANDS), pick(OFFICE), pick(OWN), (cc, rest, b, office, own) => {
        const n = `${cc} ${rest.slice(0, 3)} ${rest.slice(3)}`;
        const t = fill(office, { n, b });
        expect(flags(t), t).toContain('fake_number');
        const s = fill(own, { n, b });
        expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('money sent to a number whose owners claimed to be the company is a fake number; money sent to a relative is not', () => {
    const CLAIMED = ['I sent {a} to {n} because they said they were {b} agents', 'به شماره {n} پول واریز کردم چون گفتن نماینده‌های {b} هستن', 'I transferred {a} dinars to {n}, they told me they are {b} agents and would reopen my line', 'حولت {a} جنيه على الرقم {n} عشان قالوا احنا مندوبين {b}', 'بعت {a} جنيه لرقم {n} لانهم قالوا انهم موظفين {b}'];
    const FAMILY = ['I sent {a} to my brother on {n} for his rent', 'حولت {a} جنيه لاخويا على رقمه {n}'];
    fc.assert(
      fc.property(pick(['010', '011', '012', '080']), digits(8), pick(['200', '300', '500']), pick(BRANDS), pick(CLAIMED), pick(FAMILY), (pre, rest, a, b, claimed, family) => {
        const n = pre + rest;
        const t = fill(claimed, { n, a, b });
        expect(flags(t), t).toContain('fake_number');
        const s = fill(family, { n, a, b });
        expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('our agent quoted on the number the customer reached them on is no fake number; the same agent asking for the code is', () => {
    const QUOTED = ['your agent on {n} said a 25 SIM fee will be added to my bill, is that right?', 'موظفكم على الرقم {n} قال في رسوم 25 ريال على الفاتورة، صح؟', 'همکارتون روی شماره {n} گفت هزینه سیم کارت به قبضم اضافه میشه، درسته؟'];
    fc.assert(
      fc.property(pick(['800', '0800', '1800']), digits(6), pick(QUOTED), (lead, rest, quoted) => {
        const n = `${lead} ${rest.slice(0, 3)} ${rest.slice(3)}`;
        const s = fill(quoted, { n });
        expect(flags(s), s).not.toContain('fake_number');
        const t = `your agent on ${n} asked me for the code that came by sms`;
        expect(flags(t), t).toContain('fake_number');
        // (a notice's "call our agent on …" is an order to call, not the customer's quote)
        const notice = `Text says: 'Barq Pay Security: unusual login detected. Call our agent on +44 7700 ${rest} to secure your account'`;
        expect(flags(notice), notice).toContain('fake_number');
      }),
      { numRuns: 30 },
    );
  });

  it("a relative who handed the card to a caller is a secret out; a caller refused, or a relative who gave it to the customer, is not", () => {
    fc.assert(
      fc.property(pick(['mum', 'mother', 'dad', 'grandad', 'aunt']), pick(BRANDS), digits(7), (rel, b, rest) => {
        const n = `0790 ${rest.slice(0, 3)} ${rest.slice(3)}`;
        const given = `my ${rel} got a call from ${n}, the man said he was from ${b}, she gave him her card number and PIN`;
        expect(flags(given), given).toEqual(expect.arrayContaining(['fake_number', 'secret']));
        const refused = `my ${rel} got a call from ${n}, he said he was from ${b} and asked for the PIN but my ${rel} hung up`;
        expect(flags(refused), refused).not.toContain('secret');
        const toMe = `my ${rel} called me, she gave me the PIN for her card so I can pay the bill`;
        expect(flags(toMe), toMe).not.toContain('secret');
      }),
      { numRuns: 30 },
    );
  });

  it('a call that wore the company\'s name, by caller ID or "باسم", is a fake number; a friend\'s call "as usual", a number "registered in the name of" someone and a call refused are not', () => {
    const WORE = ['My {rel} got a call from {n} which presented itself as {b}, and she gave them her full card number and PIN', 'امي جاها اتصال من رقم {n} باسم {b} وعطتهم رقم البطاقة كامل والرقم السري', 'a number {n} called my {rel} as {b}, she gave her card number and PIN', 'the caller id said {b}, number {n}, my {rel} gave him her card and pin'];
    fc.assert(
      fc.property(pick(['mum', 'mother', 'gran']), pick(BRANDS), digits(7), pick(WORE), (rel, b, rest, wore) => {
        const n = `055${rest}`;
        const t = fill(wore, { n, b, rel });
        expect(flags(t), t).toContain('fake_number');
        for (const s of [`my friend called me as usual from ${n}`, `الرقم ${n} مسجل باسم زوجي، ممكن تحولونه باسمي؟`, `جاني اتصال من رقم ${n} مسجل باسم زوجي`, `I got a call from ${n}, I told him I never give my PIN to anyone and hung up`]) expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 30 },
    );
  });

  it('a password after a Persian enclitic or an Iraqi "mine", a Tajik card PIN, a PIN before an Arabizi word are secrets; the same names without a value are not', () => {
    const NAMED = ['password م {p} درسته ولی وارد نمیشه', 'الرمز مالي {p} ويكول خطأ', 'my password is {p} and it keeps saying wrong'];
    const PIN = ['рамзи корт {d}, пул намебарояд', 'ПИН-коди кортам {d} аст', 'Рамзи кортам {d} аст вале банкомат қабул намекунад', 'ramzi kortam {d} ast', 'el code secret mta3 el carte {d} 3ammarli el carte', 'الرمز مال البطاقة {d} اشحنولي رصيد'];
    const NONE = ['password م رو یادم رفته', 'الرمز مالي غلط كل مرة', 'рамзи корт кор намекунад', 'my password keeps saying wrong'];
    fc.assert(
      fc.property(pick(['Ali', 'Mina', 'Zainab', 'Omar', 'Reza']), pick(['.Basra', '.Town', '', '_x']), fc.integer({ min: 10, max: 99 }), digits(4), pick(NAMED), pick(PIN), pick(NONE), (name, mid, yy, pin, named, pinFrame, none) => {
        const t = fill(named, { p: `${name}${mid}${yy}` });
        expect(flags(t), t).toContain('secret');
        const q = fill(pinFrame, { d: pin });
        expect(flags(q), q).toContain('secret');
        expect(flags(none), none).not.toContain('secret');
      }),
      { numRuns: 50 },
    );
  });

  it('a fee named with its sum, paid or asked so that a refund is released, is a fee; the refund itself and a fee on the bill are not', () => {
    const FEE = ['طلبوا رسوم معالجة {a} شيكل لتحرير مبلغ الاسترداد', "dafa3t {a} dirham 'verification fee' 3shan yerja3ou el refund", 'they asked for a {a} dollar admin fee to release my refund', 'گفتن باید {a} هزار تومان کارمزد بدم تا مبلغ برگشتی آزاد بشه'];
    const SAFE = ['my refund of {a} shekels arrived, thanks', 'what is the {a} SAR processing fee on my bill?', 'استلمت مبلغ الاسترداد {a} شيكل، شكرا'];
    fc.assert(
      fc.property(pick(['15', '20', '50', '120']), pick(FEE), pick(SAFE), (a, fee, safe) => {
        const t = fill(fee, { a });
        expect(flags(t), t).toContain('upgrade_fee');
        const s = fill(safe, { a });
        expect(flags(s), s).not.toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it("a name in front of a country code bought under a generic ending is a look-alike; the country's own endings are not", () => {
    fc.assert(
      fc.property(pick(['barq', 'zajel', 'nournet', 'falak', 'samatel']), pick(['mobile', 'pay', 'telecom', '']), pick(['kw', 'qa', 'jo', 'om', 'sa', 'ae']), pick(['net', 'com', 'org']), pick(['Is {d} yours?', 'هل {d} تبعكم؟', 'دامنه {d} مال شماست؟', 'is this domain yours? {d}']), (name, word, cc, ending, frame) => {
        const t = fill(frame, { d: `${name}${word}.${cc}.${ending}` });
        expect(flags(t), t).toContain('lookalike');
        for (const d of [`${name}${word}.com.${cc}`, `${name}${word}.${cc}`, `www.${cc}.${ending}`]) {
          const s = fill(frame, { d });
          expect(flags(s), s).not.toContain('lookalike');
        }
      }),
      { numRuns: 40 },
    );
  });
});
