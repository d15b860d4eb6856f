/**
 * Round 33 of issue #21 (inbound), composed from parts, for the told classes of the blind set r26, under a policy that
 * knows none of the companies the generated messages name: a reconnection, a meter fitted or a deposit given back,
 * bought in a way no company takes (card to card, a postal account, cash into a hand, gift cards) and told by someone;
 * and a report that something is "fake" beside a payment's word, which had read "fake" as the Darija "fak" (unlock).
 * Each sign stands beside the same parts made safe, so no property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
/** A policy that knows no company the generated messages name. */
const stranger = resolveGuardPolicy({ companyDomains: ['example.org'], officialSupportNumbers: ['800-2263'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy: stranger, detectSensitive }).flags.map((f) => f.code);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const AR = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const FA = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const script = pick([(s: string) => s, AR, FA]);
const BRANDS = ['Barq Power', 'Zajel', 'NourNet', 'Falak', 'Samatel'];

describe('inbound, round 33 (generated)', () => {
  it('a reconnection, a meter fitted or a deposit given back, paid in a way no company takes and told by someone, is a fee; the same service paid at the branch, asked about, or warned of is not', () => {
    const FEE = [
      'ye nafar goft baraye vasl kardane dobare bayad {n} hezar toman kart be kart konid',
      'مامور گفت برای وصل مجدد اول {n} هزار تومن کارت به کارت کنید',
      "on m'a demandé de verser une caution de {n} DA sur un CCP pour la pose du compteur",
      'واحد قالي لازم تحط الكوسيون {n} دينار في الحساب البريدي تاعو باش يركبولي العداد',
      'Як нафар гуфт аввал {n} сомонӣ ба корт гузаронед, баъд пули гаравро бармегардонем',
      'the installer from {b} asked me for {n} naira cash before he will fix the meter',
      'they told me to buy {n} dollars of Google Play gift cards to get my deposit back from {b}',
      'واحد يقول لازم اشتري بطاقات ايتونز بـ {n} ريال عشان يرجعون لي التأمين',
    ];
    const SAFE = [
      'I paid the {n} dollar reconnection fee to {b} online with my card, when does the power come back?',
      "j'ai payé la caution de {n} DA à l'agence {b} et le compteur est posé, merci",
      'can I pay the {n} dinar meter deposit through BaridiMob or only at the agency?',
      'Caution: {b} never asks for gift cards or card to card transfers to reconnect your line or return a deposit.',
      'براي وصل مجدد قبض {n} هزار تومني رو با کارت به کارت پرداخت کردم، کی وصل میشه؟',
    ];
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 9000 }), pick(BRANDS), pick(FEE), pick(SAFE), script, (n, b, fee, safe, d) => {
        const t = d(fill(fee, { n, b }));
        expect(flags(t), t).toContain('upgrade_fee');
        const s = d(fill(safe, { n, b }));
        expect(flags(s), s).not.toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it('"fake" is a verdict, not the Darija unlock "fak": a payment called fake flags nothing, "fak" with a fee still does', () => {
    const FAKE = [
      'they said the {x} was fake',
      'I called 800-2263 and they said that {x} was fake',
      'be 800-2263 zang zadam goftan on {x} fake bude',
      'the lady told me the {x} text is fake, just so you know',
    ];
    fc.assert(
      fc.property(pick(FAKE), pick(['payment request', 'pay link', 'payam', 'deposit notice', 'transfer sms']), (s, x) => {
        const t = fill(s, { x });
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 30 },
    );
    expect(flags('galli khass tkhelles 200 dh bach yfakou lcompte')).toContain('upgrade_fee');
  });
});
