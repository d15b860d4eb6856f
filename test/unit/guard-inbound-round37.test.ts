/**
 * Round 37 of issue #21 (inbound: the classes the lead told of r29, a letting company's customers), composed from parts:
 * a sum someone requires before a viewing, to hold a place, or paid card to card for its keys is a fee, while the rent
 * the customer asks about paying at the company's own desk or site is not; a place lost today "if no pay" in broken
 * English is urgency, while the customer cancelling their own booking is not; a look-alike written with spaced dots
 * ("acme-rent . ir") is read as the link it is, the company's own is not; a Finglish caller who "said he is support" is
 * a fake number, while the customer's own number abroad ("my Australian number is +61 …") is not; an Egyptian
 * password said after "اللي أنا حاطه" is a secret, a forgotten one is not. Each safe message stands beside the same
 * parts made a sign, so no property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const AR = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const FA = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const script = pick([(s: string) => s, AR, FA]);
const policy = resolveGuardPolicy({ companyDomains: ['kashanarent.com'], brandNames: ['kashana'], officialSupportNumbers: ['800 414 2200'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);

describe('inbound, round 37 (generated)', () => {
  it('a sum required before a viewing, to hold a place or card to card for its keys is a fee; the rent asked about at our desk is not', () => {
    const FEE = [
      'they said I must pay a deposit of {n} thousand so they hold the flat for me before I see it',
      'قالولي لازم أدفع عربون {n} ألف عشان يحجزوا لي الشقة قبل ما أشوفها',
      'برای دیدن خونه باید {n} هزار تومن بزنم به کارتش',
      'baraye gereftan kelid bayad {n} hezar kart be kart konam',
      'барои калид бояд {n} сомонӣ перевод кунам',
      'الزول داير مني {n} ألف جنيه تحويل بنكك عشان يحجز لي الأوضة',
    ];
    const OWN = [
      'Do I have to pay a {n} holding deposit to reserve the flat? Where do I pay it?',
      'your agent said the first rent of {n} is paid before I get the keys, can I pay by card at the office?',
      'برای تحویل کلید باید {n} میلیون ودیعه رو از اپ پرداخت کنم؟',
    ];
    fc.assert(
      fc.property(pick(FEE), pick(OWN), fc.integer({ min: 10, max: 900 }), script, (fee, own, n, sc) => {
        const s = sc(fill(fee, { n }));
        expect(flags(s), s).toContain('upgrade_fee');
        const t = sc(fill(own, { n }));
        expect(flags(t), t).not.toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it('a place lost today "if no pay" is urgency; the customer cancelling their own booking is not', () => {
    const THING = ['room', 'flat', 'booking', 'contract', 'apartment'];
    const LOSS = ['my {x} will cancell {day} if no pay', 'he say {x} go cancel {day} if money not come', 'they say my {x} will delete {day} if i not pay'];
    const OWN = ['i want cancel my {x} {day} please, no need anymore', 'my {x} end {day}, i want renew please tell me how'];
    fc.assert(
      fc.property(pick(THING), pick(LOSS), pick(OWN), pick(['today', 'tonight', 'now']), (x, loss, own, day) => {
        const s = fill(loss, { x, day });
        expect(flags(s), s).toContain('urgency');
        const t = fill(own, { x, day });
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a look-alike with spaced dots is a link read; the company site is not, nor words around a dot', () => {
    fc.assert(
      fc.property(pick(['rent', 'lebanon', 'afg', 'tj', 'homes']), pick(['com', 'ru', 'ir', 'net']), pick(['got a text: pay your rent at {h} . {tld} today', 'پیامک اومده: {h} . {tld} برای پرداخت اجاره']), (word, tld, msg) => {
        const s = fill(msg, { h: `kashana-${word}`, tld });
        expect(flags(s), s).toContain('lookalike');
        const t = fill(msg, { h: 'kashanarent', tld: 'com' });
        expect(flags(t), t).not.toContain('lookalike');
        expect(flags(`the meeting ended . ${tld} stocks are up, anyway my rent is paid`)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("a caller who said he is our support is a fake number; the customer's own number abroad is not", () => {
    const CALLER = ['ye nafar az {m} zang zad goft poshtibani kashana hastam, goft behesh zang bezanam', 'someone called from {m} and said he is from kashana support'];
    const OWN = ['My {c} number is {m}, I would like to meet an agent to see the house', 'Hi, my {c} phone is {m}, please call me about the viewing'];
    fc.assert(
      fc.property(pick(CALLER), pick(OWN), pick(['Australian', 'Canadian', 'Moroccan', 'Lebanese', 'British', 'Iranian']), pick(['+61 412 345 678', '0935 111 2233', '+212 6 61 00 11 22', '+961 3 123 456']), (caller, own, c, m) => {
        const s = fill(caller, { m });
        expect(flags(s), s).toContain('fake_number');
        const t = fill(own, { c, m });
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('an Egyptian password said after "اللي أنا حاطه" is a secret; a forgotten one is not', () => {
    fc.assert(
      fc.property(pick(['حاطه', 'عامله', 'كاتبه']), pick(['Tanta', 'Giza', 'Aswan', 'Mansoura']), fc.integer({ min: 1950, max: 2020 }), pick(['@', '#', '!']), (verb, city, y, sym) => {
        const s = `الباسورد اللي أنا ${verb} هو ${city}${sym}${y}`;
        expect(flags(s), s).toContain('secret');
        expect(flags(`نسيت الباسورد اللي أنا ${verb}، إزاي أغيره؟`)).not.toContain('secret');
      }),
      { numRuns: 40 },
    );
  });
});
