/**
 * Round 32 of issue #21 (inbound), composed from parts, for the told classes of the blind set r25, under a policy that
 * knows none of the companies the generated messages name: a fee sent card to card or by wallet so that a claim or a
 * request is accepted; seven bare digits that copy the official number with two digits swapped; a number someone else
 * ordered the customer to call or write to, which the customer asks is ours, or says is not ours; a sender's address
 * on a mistyped ".com" under a name the message gives; a digit-first name before a country code; and the ordinary
 * look-alikes r25 flagged wrongly: an order's number after an order word or handed over as one, an order paid by a card
 * ending in four digits, a relative's deposit into someone's account. Each sign stands beside the same parts made safe,
 * so no property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy, type GuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
/** A policy that knows no company the generated messages name. */
const stranger = resolveGuardPolicy({ companyDomains: ['example.org'] });
const flagsUnder = (policy: GuardPolicy) => (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const flags = flagsUnder(stranger);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const AR = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const FA = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const script = pick([(s: string) => s, AR, FA]);
const BRANDS = ['Barq Mobile', 'Zajel', 'NourNet', 'Falak', 'Samatel'];

describe('inbound, round 32 (generated)', () => {
  it('a sum sent card to card or by wallet so that a claim or a request is accepted is a fee; family money card to card, a claim accepted with nothing paid and a question about a wallet are not', () => {
    const FEE = [
      'یه نفر زنگ زد گفت از {b} هستم، گفت باید {n} هزار تومن کارت به کارت کنید تا خسارتتون تایید بشه',
      'گفتن برای اینکه پرونده‌تون قبول بشه اول {n} تومن کارت به کارت کنین',
      'goftan {n} hezar toman card be card konid ta darkhastetun taeed beshe',
      'واحد اتصل يكول من {b}، لازم احول {n} الف دينار من بطاقة لبطاقة حتى يقبلون المطالبة',
      'قالولي حوّل {n} جنيه على انستاباي عشان الشكوى تتقبل',
      'A man said I should send {n} naira to his Opay so my claim can be approved',
      'Ба ман гуфтанд, ки {n} сомонӣ аз корт ба корт гузаронед, то дархост қабул шавад',
      'Сказали перевести {n} рублей с карты на карту, чтобы мою заявку одобрили',
    ];
    const SAFE = [
      'پول قبض {b} رو کارت به کارت به حساب خواهرم دادم که اون پرداختش کنه',
      'my claim with {b} was approved yesterday, thanks',
      'do you accept Vodafone Cash for the {b} bill?',
      'خسارت {b} تایید شد، ممنون از پیگیری',
    ];
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 900 }), pick(BRANDS), pick(FEE), pick(SAFE), (n, b, fee, safe) => {
        const t = fill(fee, { n, b });
        expect(flags(t), t).toContain('upgrade_fee');
        const s = fill(safe, { n, b });
        expect(flags(s), s).not.toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it('seven bare digits with two of the official number swapped are a fake number in any digits; the official number bare, and another seven digits, are not', () => {
    const ASKED = ['the number printed on my bag is {x}, is that right?', 'على الكيس مكتوب {x} ، هل هذا رقمكم؟', 'روی تراکت نوشته {x}، این شماره درسته؟'];
    fc.assert(
      fc.property(digits(6), fc.integer({ min: 1, max: 5 }), pick(ASKED), script, (raw, at, asked, d) => {
        const n = `8${raw}`;
        fc.pre(n[at] !== n[at + 1]);
        const policy = resolveGuardPolicy({ companyDomains: ['example.org'], officialSupportNumbers: [`${n.slice(0, 3)}-${n.slice(3)}`] });
        const x = n.slice(0, at) + n[at + 1] + n[at] + n.slice(at + 2);
        const t = fill(asked, { x: d(x) });
        expect(flagsUnder(policy)(t), t).toContain('fake_number');
        const s = fill(asked, { x: d(n) });
        expect(flagsUnder(policy)(s), s).not.toContain('fake_number');
        // (seven digits far from it, every digit another: an order's or a sum's, not judged)
        const far = n.replace(/\d/g, (c) => String((Number(c) + 5) % 10));
        const o = fill(asked, { x: d(far) });
        expect(flagsUnder(policy)(o), o).not.toContain('fake_number');
      }),
      { numRuns: 50 },
    );
  });

  it('a number someone else ordered the customer to call or write to, asked about as ours or said not to be ours, is a fake number; the customer\'s own number and a number they ask about unprompted are not', () => {
    const ORDERED = [
      'the courier texted saying ring {n} to confirm the delivery address, is that legit?',
      'wahed livreur gal lia 3ayet l {n} bach t2akked l adresse, wach hadchi mn 3ndkom?',
      'واحد الليفرور قاليا عيط ل {n} باش تأكد العنوان، واش هادا منكم؟',
      'Got this SMS: "{b}: your refund is ready, message us on WhatsApp {n} to receive it". Is it real?',
      'جاتني رسالة: "عميل {b}، المبلغ جاهز، تواصل معنا واتساب {n}" هل هي صحيحة؟',
      'Someone left a voicemail saying to ring {n} about my order. that\'s not your number, is it?',
      'بعتولي اتصل على {n} بخصوص طلبيتي، هيدا مش رقمكن صح؟',
    ];
    const SAFE = ['my own number is {n}, please have the courier call me to confirm the address', 'is {n} the right number to call {b} about my order?', 'please call me on {n} to confirm the address, is that ok?'];
    fc.assert(
      fc.property(pick(['06', '07', '+968 9', '+61 4', '+44 7']), digits(8), pick(BRANDS), pick(ORDERED), pick(SAFE), (lead, rest, b, ordered, safe) => {
        const n = `${lead}${rest.slice(0, 3)} ${rest.slice(3)}`;
        const t = fill(ordered, { n, b });
        expect(flags(t), t).toContain('fake_number');
        const s = fill(safe, { n, b });
        expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 60 },
    );
  });

  it('a sender\'s address on a mistyped ".com" under a name the message gives is a look-alike; the name\'s own ".com", and a ".co" the message names nobody for, are not', () => {
    const MAIL = ['I got an email from {u}@{d} about my {b} bill, is that you?', 'وصلني ايميل من {u}@{d} بخصوص فاتورة {b}', 'mail came from {u}@{d} saying my {b} parcel is on hold'];
    fc.assert(
      fc.property(pick(BRANDS), pick(['orders', 'billing', 'noreply', 'help']), pick(MAIL), pick(['co', 'cm']), (b, u, mail, ending) => {
        const label = b.toLowerCase().replace(/ /g, '');
        const t = fill(mail, { u, d: `${label}.${ending}`, b });
        expect(flags(t), t).toContain('lookalike');
        const own = fill(mail, { u, d: `${label}.com`, b });
        expect(flags(own), own).not.toContain('lookalike');
        const unnamed = fill(mail, { u, d: `shopwise.${ending}`, b });
        expect(flags(unnamed), unnamed).not.toContain('lookalike');
      }),
      { numRuns: 40 },
    );
  });

  it('a name with a digit for its first letter before a Central Asian country code under a generic ending is a look-alike; the name alone under ".com" is not', () => {
    fc.assert(
      fc.property(pick(['barq', 'nournet', 'falak', 'samatel', 'zajel']), pick(['tj', 'uz', 'kz', 'kg']), pick(['com', 'net']), pick(['{h} сайти шумост?', 'is {h} your site?', '{h} saiti shumost?']), (name, cc, ending, q) => {
        const digit = { a: '4', e: '3', o: '0', i: '1', s: '5' }[name[0]!] ?? '4';
        const t = fill(q, { h: `${digit}${name.slice(1)}-${cc}.${ending}` });
        expect(flags(t), t).toContain('lookalike');
        const s = fill(q, { h: `${name}.com` });
        expect(flags(s), s).not.toContain('lookalike');
      }),
      { numRuns: 40 },
    );
  });

  it('an order\'s number after an order word, or handed over as one, is no secret; a code read out or named as a verification code is', () => {
    const ORDER = ['الطلب مالتي رمزه {n} ولهسه ما وصل', 'رمز الطلب {n} وما وصل', 'order code {n} not arrived', 'المندوب طلب رقم الطلب وانطيته {n}', 'the agent asked for my order number and I gave him {n}', 'گلتله رقم الطلب {n}'];
    const SECRET = ['he asked for the code and I gave him {n}', 'طلب مني الكود وانطيته {n}', 'my verification code is {n}'];
    fc.assert(
      fc.property(digits(5), pick(ORDER), pick(SECRET), script, (raw, order, secret, d) => {
        const n = d(`${1 + (Number(raw[0]) % 9)}${raw.slice(1)}`);
        const t = fill(order, { n });
        expect(flags(t), t).not.toContain('secret');
        const s = fill(secret, { n });
        expect(flags(s), s).toContain('secret');
      }),
      { numRuns: 50 },
    );
  });

  it('an order paid or charged to the customer\'s card ending in four digits is no fee, and those digits no code; a release fee a stranger demands for the order is', () => {
    const PAID = ['paid {n} KWD for my order with visa ending {c} so it can be delivered today', 'My order for the premium plan upgrade: {n} AED charged on card ending in {c}. Please confirm my account is upgraded', 'The order ({n} SAR) was paid by my card ending {c} so it should be released today right?', 'طلبت الباقة وتم خصم {n} دينار من بطاقتي المنتهية برقم {c} لتفعيل الطلب'];
    const DEMANDED = ['they told me my order was paid but I must pay a {n} SAR release fee first to get it', 'a man from {b} said I have to send {n} SAR by gift card so my order is released'];
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 900 }), digits(4), pick(BRANDS), pick(PAID), pick(DEMANDED), (n, c, b, paid, demanded) => {
        const t = fill(paid, { n, c, b });
        expect(flags(t), t).not.toContain('upgrade_fee');
        // (the card's last four digits are no code either)
        expect(flags(t), t).not.toContain('secret');
        const s = fill(demanded, { n, c, b });
        expect(flags(s), s).toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it('a relative\'s deposit into someone\'s account raises the fee alone: the account\'s or the transfer\'s number is no secret and no fake number; the customer\'s own card is a secret', () => {
    const DEPOSIT = [
      'my brother deposited 200 into his account {card} because they said {b} needs an activation fee',
      'أختي أودعت ٣٠٠ ريال بحسابه {card} لأنه قال رسوم تفعيل الخط من {b}',
      'أخوي أودع ٥٠٠ دينار بحساب رقمه {acct} وقالوله هاي رسوم تفعيل من {b}',
      'my dad deposited 200 via his bank app, reference {acct}, after the guy said he\'s from {b} and needed an activation fee',
    ];
    fc.assert(
      fc.property(pick(BRANDS), pick(DEPOSIT), digits(10), (b, deposit, acct) => {
        const t = fill(deposit, { b, card: '4539 1488 0343 6467', acct });
        const got = flags(t);
        expect(got, t).toContain('upgrade_fee');
        expect(got, t).not.toContain('secret');
        expect(got, t).not.toContain('fake_number');
        const own = `here is my card 4539 1488 0343 6467, can you check why ${b} declined it`;
        expect(flags(own), own).toContain('secret');
      }),
      { numRuns: 30 },
    );
  });
});
