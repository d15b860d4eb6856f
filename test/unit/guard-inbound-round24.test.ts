/**
 * Round 24 of issue #21 (inbound), composed from parts, for the classes of the told set r17: a fee in any currency
 * with a number to send the receipt to; a quoted text claiming the brand that sends the customer to "our team" on a
 * landline; a debt with a deadline hour and a court referral; the customer's PIN stated as "the number is …" after a
 * stranger asked; a look-alike of the sender the message names (a letter changed, a mistyped ".com"). Each sign stands
 * beside its ordinary twin, made of the same words: a transfer of the customer's own with its receipt, a quoted notice
 * with a toll-free line that warns never to share the code, their own bill by the hour, a PIN named with no value, the
 * named sender's own site, and the customer asking whether they must pay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
/** The bench's policy: a company that is not the one the messages name. */
const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966 800 123 4567'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const digitsIn = (script: 'latin' | 'persian' | 'arabic', s: string) => (script === 'persian' ? persianDigits(s) : script === 'arabic' ? arabicDigits(s) : s);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const syllable = pick(['ka', 'ra', 'man', 'sid', 'tam', 'yas', 'min', 'nur', 'bel', 'zan', 'dor', 'lu', 'qa', 'fir', 'hel']);
/** A made-up company's one-word name of six to nine letters, and its two-word form ("Kahraman Pay"). */
const brand = fc.tuple(syllable, syllable, syllable).map((p) => p.join('')).filter((n) => n.length >= 6 && n.length <= 9 && n !== 'acme');
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
/** A mobile number, grouped as people write it. */
const mobile = fc.tuple(pick(['0803', '0917', '0812', '0532', '050', '0301', '0722', '0106', '0935', '0799']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `${a} ${b} ${c}`);

describe('inbound, round 24 (generated)', () => {
  it('a sum in any currency for a purpose, its receipt to be sent to a chat number, is a fee and a fake number; the customer\'s own transfer and its receipt are not', () => {
    const scams = [
      'Sannu, sun ce na ci kyauta. Sai na biya {amount} kudin {purpose} sannan in tura {receipt} ta {chat} zuwa {number}. Gaskiya ne?',
      'Hi po, nanalo daw ako. Kailangan magbayad ng {amount} {purpose} fee tapos i-send ang {receipt} sa {chat} {number}. Totoo ba?',
      'Min, katanya refund siap, tapi harus transfer biaya {purpose} {amount} dulu lalu kirim {receipt} ke {chat} {number}. Resmi?',
      'Mesaj geldi: {purpose} ücreti olarak {amount} yatırıp {receipt} {number} numaralı {chat} hattına göndermem gerekiyormuş.',
      'پیامک اومده جایزه دارید، {amount} هزینه {purpose} واریز کنید و {receipt} را به {chat} {number} ارسال کنید.',
      'Got a text: you won, pay {amount} {purpose} fee first and send the {receipt} on {chat} {number}. Is it you?',
    ];
    fc.assert(
      fc.property(
        pick(scams), pick(['₦5,000', '₱850', 'Rp 150.000', '350 TL', '25 AZN', 'KES 1,000', '500 birr', '300 taka', '999 rupees', '2,000 روپے', '250 افغانی', '200 هزار تومان']),
        pick(['activation', 'processing', 'verification', 'registration', 'administrasi', 'تصدیق', 'فعال‌سازی']),
        pick(['receipt', 'resibo', 'bukti transfer', 'dekontu', 'رسید', 'rasit', 'screenshot']), pick(['WhatsApp', 'Viber', 'Telegram', 'واتساپ']),
        mobile, pick(['latin', 'persian'] as const),
        (template, amount, purpose, receipt, chat, number, script) => {
          const scam = fill(template, { amount, purpose, receipt, chat, number: template.includes('پیامک') ? digitsIn(script, number) : number });
          expect(flags(scam), scam).toEqual(expect.arrayContaining(['upgrade_fee', 'fake_number']));
          const own = `I sent ${amount} to my brother yesterday but he did not get it. I have the ${receipt}, where should I send it?`;
          expect(flags(own), own).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a quoted text speaking for the brand that sends the customer to call "our team" on a landline is a fake number; the same alert sending them to the app, or a toll-free line in a "never share your code" notice, is not', () => {
    const orders = [
      'if this wasn\'t you call our team on {line}', 'if this wasnae you ring our fraud team on {line}', 'jika bukan Anda, hubungi tim kami di {line}',
      'kung hindi ikaw tawagan ang aming team sa {line}', 'siz değilseniz ekibimizi {line} numarasından arayın', 'إذا لم تكن أنت اتصل بفريقنا على {line}',
    ];
    fc.assert(
      fc.property(
        brand, pick(orders), fc.tuple(pick(['0141', '021', '06', '01', '0212', '04']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map((p) => p.join(' ')),
        pick(['my mum got a text', 'my da got this', 'Ibu saya dapat SMS', 'Annem bir SMS aldı', 'اجاني مسج']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }),
        (name, order, line, who, a, b) => {
          const scam = `${who}: '${cap(name)} Pay: unusual login on your account, ${fill(order, { line })}'. Is that you?`;
          expect(flags(scam), scam).toContain('fake_number');
          const app = `${who}: '${cap(name)} Pay: unusual login on your account, if this wasn't you open the app and change your password'. Is that you?`;
          expect(flags(app), app).toEqual([]);
          const tollFree = `${who}: '${cap(name)} Pay: never share your verification code with anyone, even if they say they are from us. Questions? Call 800 ${a} ${b}'. Is that you?`;
          expect(flags(tollFree), tollFree).toEqual([]);
          const arabic = `${who}: '${cap(name)} Pay: لا تشارك رمز التحقق مع أي شخص حتى لو ادعى أنه منا. للدعم اتصل ${arabicDigits(`800 ${a} ${b}`)}' صح؟`;
          expect(flags(arabic), arabic).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a debt whose file goes to a court if unpaid by an hour is urgency; the customer\'s own bill by the hour, or a hearing, is not', () => {
    const threats = [
      'پیام آمده: در صورت عدم پرداخت تا ساعت {h} {day}، پرونده شما به مراجع قضایی ارسال می‌شود',
      'وصلتني رسالة: في حال عدم السداد قبل الساعة {h} {day} سيتم تحويل ملفك إلى الجهات القضائية',
      'Someone texted that if I don\'t clear my balance before {h}pm {day} my file will be forwarded to the court',
      'SMS geldi: borcunuzu {day} saat {h}:00\'e kadar ödemezseniz dosyanız mahkemeye sevk edilecektir',
      'Ada SMS: jika tidak membayar sebelum jam {h} {day}, kasus Anda akan dibawa ke pengadilan',
      'میسج آیا کہ {day} {h} بجے تک ادائیگی نہ کی تو کیس عدالت بھیج دیا جائے گا',
    ];
    const days: Record<string, string[]> = { 'پیام': ['امروز', 'فردا'], 'وصلتني': ['اليوم', 'غدا'], Someone: ['today', 'tomorrow'], SMS: ['bugün', 'yarın'], Ada: ['hari ini', 'besok'], 'میسج': ['آج', 'آج شام'] };
    fc.assert(
      fc.property(pick(threats), fc.integer({ min: 1, max: 11 }), fc.boolean(), pick(['latin', 'persian'] as const), (template, h, first, script) => {
        const key = Object.keys(days).find((k) => template.startsWith(k))!;
        const scam = fill(template, { h: template.startsWith('پیام') ? digitsIn(script, String(h + 8)) : h, day: days[key]![first ? 0 : 1]! });
        expect(flags(scam), scam).toContain('urgency');
        const own = `My bill is due before ${h}pm today and the app keeps failing, and I have a court hearing at ${h} tomorrow, please help`;
        expect(flags(own), own).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('the customer\'s PIN stated as "the number is …" after a stranger asked for it is a pasted secret; the same story with no value is not', () => {
    // (each story beside the same asking, refused: a PIN named with no value)
    const stories: Array<[string, string]> = [
      ['A guy from your team on WhatsApp asked my wallet PIN, I told him the number is {pin}. Did I do wrong?', 'A guy from your team on WhatsApp asked my wallet PIN, I refused and blocked the number he used. Did I do right?'],
      ['واحد كلمني وقال انه موظف عندكم وطلب الرقم السري بتاع المحفظة، قلتله الرقم {pin} وقفل', 'واحد كلمني وقال انه موظف عندكم وطلب الرقم السري بتاع المحفظة، رفضت وقفلت في وشه'],
      ['Tadi ada yang ngaku CS minta PIN dompet saya, saya kasih, angkanya {pin}. Gimana ini?', 'Tadi ada yang ngaku CS minta PIN dompet saya, tidak saya kasih. Aman kan?'],
      ['May nag-message na taga support daw, hiningi yung PIN ko, sinabi ko na yung number ay {pin}. Ano gagawin ko?', 'May nag-message na taga support daw, hiningi yung PIN ko, hindi ko binigay. Tama ba?'],
    ];
    fc.assert(
      fc.property(pick(stories), fc.integer({ min: 1000, max: 999999 }).map(String), ([story, refused], pin) => {
        const pasted = fill(story, { pin });
        const got = inspectInbound(pasted, 'en', { policy, detectSensitive });
        expect(got.flags.map((f) => f.code), pasted).toContain('secret');
        expect(got.maskedText, pasted).not.toContain(pin);
        expect(flags(refused), refused).not.toContain('secret');
      }),
      { numRuns: 80 },
    );
  });

  it('a link spelling the sender the message names with a letter changed, or under a mistyped ".com", is a look-alike; the name\'s own site under any ending is not', () => {
    fc.assert(
      fc.property(brand, fc.nat(), pick(['e', 'k', 'a', 'l']), pick(['', '.tr', '.ng', '/dz']), pick(['co', 'cm']), pick(['.com', '.com.tr', '.ng', '.co.uk']), (name, at, letter, country, typoCom, own) => {
        const i = 1 + (at % (name.length - 2));
        const changed = name[i] === letter ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i) + letter + name.slice(i + 1);
        const sender = `${cap(name)} Pay`;
        const host = `${changed}pay`;
        const typo = `${sender}: your account is on hold, verify at ${host}.com${country === '/dz' ? '/dz' : country}`;
        expect(flags(typo), typo).toContain('lookalike');
        const mistyped = `${sender}: your refund is waiting at ${name}pay.${typoCom}/refund`;
        expect(flags(mistyped), mistyped).toContain('lookalike');
        const site = `${sender}: your statement is ready at ${name}pay${own}/statements`;
        expect(flags(site), site).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('the customer asking whether they must pay on delivery names no fee', () => {
    fc.assert(
      fc.property(pick(['Just checking', 'Quick one,', 'Hi,', 'Cheers, and']), pick(["I don't need to pay", 'I do not have to pay', "we won't need to pay", "I shouldn't have to pay"]), pick(['anything on delivery?', 'the courier anything?', 'any fee when the card arrives?']), (a, b, c) => {
        const asked = `${a} ${b} ${c} My parcel from DHL is arriving Thursday, tracking on dhl.com.`;
        expect(flags(asked), asked).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
