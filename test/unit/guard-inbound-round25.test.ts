/**
 * Round 25 of issue #21 (inbound), composed from parts, for the classes of the told set r18: a contact the scam's text
 * gives (a handle on Eitaa, Telegram or Rubika after a claim; "Call <number>" or "call our 24/7 line <number>" in a
 * quoted text; a number money is to be sent to; "contact the same number"), a fee demanded by a deadline said in more
 * words, more fee words and pay verbs, an open redirector wrapping a disguised link and a shortener closed by «», and a
 * PIN pasted after the customer says they entered it. Each sign stands beside its ordinary twin, made of the same
 * words: the customer's own handle, the company's listed number in the same text, a relative's number to send money
 * to, the customer's own bill with the same deadline, a fee the customer paid at the customs office, a redirect to the
 * company's own site or an encyclopedia, a PIN named with no value and an amount "put" into the wallet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966 800 123 4567', '04 555 0100'], officialSupportHandles: ['@AcmeCare'] });
const inspect = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive });
const flags = (t: string) => inspect(t).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const script = pick(['latin', 'persian', 'arabic'] as const);
const digitsIn = (sc: 'latin' | 'persian' | 'arabic', s: string) => (sc === 'persian' ? persianDigits(s) : sc === 'arabic' ? arabicDigits(s) : s);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
/** A mobile number, grouped as people write it. */
const mobile = fc.tuple(pick(['0529', '0548', '0155', '0583', '0799', '0788', '0912', '0944', '0700', '0813']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }), pick([' ', '', '-'])).map(([a, b, c, sep]) => `${a}${sep}${b}${sep}${c}`);
const handle = fc.tuple(pick(['acme', 'wahat', 'sidra', 'tamr']), pick(['_jayeze', '_support', 'Support', '_gift', '_care', 'Help']), pick(['', 'DXB', '_ir', '24'])).map((p) => `@${p.join('')}`);

describe('inbound, round 25 (generated)', () => {
  it('a handle a stranger who claims to be us gives as a contact is a fake one; the customer\'s own handle and our listed one are not', () => {
    const scams = [
      'یکی تو {app} پیام داده گفته از Acme هستم، گفته کد ملی رو بفرستم به آیدی {handle}',
      'سلام یه پیام تو {app} اومده که از پشتیبانی Acme هست، بفرست به {handle}',
      'Today man from {app} {handle} write me that my Acme wallet will be blocked because of a check.',
      'a guy on {app} said he is from Acme and told me to message {handle} to get my refund',
    ];
    fc.assert(
      fc.property(pick(scams), pick(['ایتا', 'تلگرام', 'روبیکا', 'Telegram', 'Eitaa']), handle, (template, app, h) => {
        const scam = fill(template, { app, handle: h });
        expect(flags(scam), scam).toContain('fake_number');
        const own = `Hi Acme, my ${app} is @${h.slice(1, 4)}ri_1990, please update it on my profile.`;
        expect(flags(own), own).toEqual([]);
        const ours = fill(template, { app, handle: '@AcmeCare' }).replace(/از Acme هستم|از پشتیبانی Acme هست|he is from Acme|Acme wallet will be blocked because of a check/, 'Acme');
        expect(flags(ours).filter((f) => f === 'fake_number'), ours).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('a number a quoted text orders called ("Call 0100…", "call our 24/7 line …") is a fake one; the company\'s listed number in the same text is not', () => {
    const texts = [
      "Got this: 'Acme: your line will be deactivated in 2 hrs. Call {number} or visit the branch.' Is this real?",
      "salam, ye text: 'ACME ALERT: suspicious login. If this wasn't you call our 24/7 line {number} NOW.' man login nakardam",
      "A text said: 'Acme: unusual activity on your wallet. Call {number} today.' Legit?",
      'رسالة وصلتني: «Acme: تم ايقاف خطك مؤقتا. اتصل {number} او زور الفرع»',
    ];
    fc.assert(
      fc.property(pick(texts), mobile, (template, number) => {
        const scam = fill(template, { number });
        expect(flags(scam), scam).toContain('fake_number');
        const ours = fill(template, { number: '04 555 0100' });
        expect(flags(ours).filter((f) => f === 'fake_number'), ours).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a number a fee is to be sent to is a fake one beside the fee; a relative\'s number to send money to is nothing', () => {
    const scams = [
      'واحد قال لازم ادفع {amount} رسوم عشان يطلع الحوالة، ارسل في رقم {number}',
      'جاني اتصال يقول محفظتي فيها دعم وما تنصرف الا اذا حولت {amount} رسوم توثيق على رقم {number}',
      'قالي ابعت {amount} فودافون كاش على رقم {number} رسوم فتح الحساب',
      'گفتند {amount} فیس را به این نمبر {app} {number} روان کنید تا جایزه برسد',
    ];
    const own = ['ابي احول {amount} لأخوي على رقم جواله {number} عن طريق المحفظة، كيف اسويها؟', 'می‌خوام {amount} برای برادرم به شماره {number} بفرستم، چطوری؟', 'I want to send {amount} to my sister on number {number}, how?'];
    fc.assert(
      fc.property(pick(scams), pick(own), pick(['150 ريال', '40 درهم', '100 جنيه', '2000 افغانی']), pick(['ام‌پیسه', 'واتساپ']), mobile, script, (scam0, own0, amount, app, number, sc) => {
        const scam = fill(scam0, { amount, app, number: digitsIn(sc, number) });
        expect(flags(scam), scam).toEqual(expect.arrayContaining(['upgrade_fee', 'fake_number']));
        const mine = fill(own0, { amount, number: digitsIn(sc, number) });
        expect(flags(mine), mine).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('"contact the same number" makes the number the message came from its contact', () => {
    const texts = ['وصلتني رسالة من رقم {number} بتقول كسبت جايزة، ولاستلامها تواصل مع نفس الرقم', 'I got an SMS from {number} saying I won a prize, to claim it contact the same number', 'پیامک از {number} اومده جایزه بردی، برای دریافت با همین شماره تماس بگیرید'];
    fc.assert(
      fc.property(pick(texts), mobile, script, (template, number, sc) => {
        const scam = fill(template, { number: digitsIn(sc, number) });
        expect(flags(scam), scam).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('a fee demanded by a deadline, said in many words, is urgency too; the customer\'s own bill by the same deadline is nothing', () => {
    const deadlines = [
      ['تا امروز شام', 'fa'], ['تا پایان امروز', 'fa'], ['قبل منتصف الليل', 'ar'], ['قبل آخر النهار', 'ar'], ['خلال 48 ساعة', 'ar'], ['اليوم بس', 'ar'],
      ['sebelum jam 18:00', 'id'], ['before close of business today', 'en'], ['by midnight', 'en'], ['bitarenze uyu munsi', 'rw'],
    ] as const;
    const scams: Record<string, string> = {
      fa: 'یک نفر در واتساپ گفت از Acme است، پول شما بند است، باید {amount} فیس آزادسازی بدهید {deadline}',
      ar: 'رسالة: الحوالة محجوزة، لازم تدفع {amount} رسوم تحرير {deadline} والا بترجع للمرسل',
      id: "SMS: 'Paket Anda tertahan di bea cukai, bayar {amount} {deadline} atau paket dikembalikan.'",
      en: 'They said I must pay a {amount} release fee {deadline} or my parcel goes back to the sender',
      rw: 'Bambwiye ngo nohereze {amount} yo kwiyandikisha {deadline} kugira ngo mbone igihembo',
    };
    const own: Record<string, string> = {
      fa: 'قسط وامم رو باید {deadline} بدم ولی اپ خطا میده، لطفا بررسی کنید',
      ar: 'لازم ادفع فاتورتي {deadline} بس التطبيق عم يعلق، ساعدوني',
      id: 'Saya harus bayar tagihan {deadline}, tapi aplikasinya error',
      en: 'I need to pay my phone bill {deadline} but the app keeps failing',
      rw: 'Ngomba kwishyura fagitire yanjye {deadline} ariko porogaramu yanze',
    };
    fc.assert(
      fc.property(pick(deadlines), pick(['AED 150', '150 درهم', '$40', '2,000 Frw', 'Rp 75.000']), ([deadline, lang], amount) => {
        const scam = fill(scams[lang]!, { amount, deadline });
        expect(flags(scam), scam).toEqual(expect.arrayContaining(['upgrade_fee', 'urgency']));
        const mine = fill(own[lang]!, { deadline });
        expect(flags(mine), mine).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('a fee in more words and pay verbs (a token fee to activate, clearance, commission, a registration fee for aid) is a fee; one the customer paid at the office is not', () => {
    const scams = [
      'رسالة: (Acme تهديكم باقة مجانية، فعّلها بدفع {n} دينار رسوم رمزية)',
      'I receive e-mail that for verification I must pay {n} AED commission. This is your site?',
      'پیامک: یارانه به شما تعلق گرفت، برای دریافت مبلغ {n} هزار تومان هزینه ثبت را پرداخت کنید',
      'یه پیام اومده بسته پستی شما گیر کرده، باید {n} هزار تومان هزینه ترخیص بدم',
      'وصله رسالة إنه في مساعدة مالية، وبدو يدفع {n} دولار رسوم تسجيل',
      'Dapat SMS paket tertahan, harus bayar AED {n} biar paket dikirim',
    ];
    const paid = ['هزینه ترخیص رو خودم تو گمرک پرداخت کردم، رسیدش رو بفرستم؟', 'The customs office at the airport charged me a clearance fee and gave a receipt; can I claim it back?', 'قمت بدفع {n} دينار رسوم الاشتراك امس بس الباقة ما تفعلت'];
    fc.assert(
      fc.property(pick(scams), pick(paid), fc.integer({ min: 5, max: 2500 }), (scam0, paid0, n) => {
        const scam = fill(scam0, { n });
        expect(flags(scam), scam).toContain('upgrade_fee');
        const mine = fill(paid0, { n });
        expect(flags(mine), mine).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('an open redirector wrapping a disguised link is a shortener, and a shortener closed by «» is read; a redirect to our own site or an encyclopedia is not', () => {
    const redirectors = ['https://www.google.com/url?q={target}', 'https://l.facebook.com/l.php?u={enc}', 'https://www.youtube.com/redirect?q={target}', 'https://www.linkedin.com/redir/redirect?url={enc}'];
    fc.assert(
      fc.property(pick(redirectors), pick(['https://acme-login.xyz/verify', 'https://acme-gift.top/ar', 'https://acme-secure-check.com/']), pick(['https://acme.com/help/refunds', 'https://en.wikipedia.org/wiki/Phishing']), (r, bad, good) => {
        const wrap = (target: string) => fill(r, { target, enc: encodeURIComponent(target) });
        const scam = `پیامک اومده: «تمدید اشتراک: ${wrap(bad)}»`;
        expect(flags(scam), scam).toContain('shortener');
        const fine = `This link from the search did not open: ${wrap(good)}`;
        expect(flags(fine), fine).toEqual([]);
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(pick(['yun.ir', 'b2n.ir', 'plink.ir', 'zaya.io', 'bit.ly']), fc.stringMatching(/^[a-z]{2}\d[a-z0-9]{2}$/), (host, key) => {
        const text = `سلام، پیام اومده: «قبض شما صادر شد، پرداخت: ${host}/${key}»`;
        expect(flags(text), text).toContain('shortener');
        const ours = `سلام، پیام اومده: «قبض شما صادر شد، پرداخت: acme.com/${key}»`;
        expect(flags(ours), ours).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a PIN pasted after the customer says they entered, put or typed it is a secret and masked; a PIN named with no value, or an amount put into the wallet, is not', () => {
    const told = [
      'طلب الرقم السري تبع المحفظة وحطيته {pin} وبعدين ما صار شي', 'الرسالة فيها رقم والرقم السري حق المحفظة {pin}، ليش ما اقدر ادخل',
      'He asked for my wallet PIN so I typed it in the chat: {pin}. Was that a mistake?', 'طلب مني الرقم السري تبع البطاقة وقلتلو ياه، هو {pin}',
      'ازم رمز دوم کارتم رو خواست منم گفتم {pin2}', 'Tinanong nila yung MPIN ko tapos binigay ko na, {pin} yun',
    ];
    fc.assert(
      fc.property(pick(told), fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 100000, max: 9999999 }), script, (template, pin, pin2, sc) => {
        const text = fill(template, { pin: digitsIn(sc, String(pin)), pin2: digitsIn(sc, String(pin2)) });
        const r = inspect(text);
        expect(r.flags.map((f) => f.code), text).toContain('secret');
        expect(r.maskedText, text).not.toContain(digitsIn(sc, String(template.includes('{pin2}') ? pin2 : pin)));
        for (const fine of ['حطيت الرقم السري غلط مرتين، كيف اغيره؟', `حطيت ${digitsIn(sc, String(pin))} جنيه في المحفظة امبارح ومش ظاهرين`, 'I typed my PIN wrong three times and now the card is locked'])
          expect(flags(fine), fine).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a Persian participle alone is the third person\'s ("گفته کد رو بفرست"), not the customer handing a code over; with "ام" or "بودم" after it, it is theirs', () => {
    fc.assert(
      fc.property(pick(['گفته', 'نوشته']), pick(['کد تایید', 'کد', 'رمز یکبار مصرف']), pick(['به آیدیش', 'براش', 'به این شماره']), (verb, code, to) => {
        const asked = `یکی پیام داده که از پشتیبانی هست، ${verb} ${code} رو بفرست ${to}`;
        expect(flags(asked).filter((f) => f === 'secret'), asked).toEqual([]);
      }),
      { numRuns: 30 },
    );
    for (const mine of ['یه نفر زنگ زد کد رو خواست، بهش گفته‌ام', 'کد رو ازم خواست، منم بهش گفته بودم']) expect(flags(mine), mine).toContain('secret');
  });
});
