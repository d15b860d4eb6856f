/**
 * Round 33 of issue #21 (inbound), composed from parts, for the told classes of the blind set r26, under a policy that
 * knows none of the companies the generated messages name: a reconnection, a meter fitted or a deposit given back,
 * bought in a way no company takes (card to card, a postal account, cash into a hand, gift cards) and told by someone;
 * a free-mail sender whose name carries the company's ("acme.ksa.billing@gmail.com"), while an address's name is no
 * longer read as a link ("acme.support@acme.com", "my email is sara.acme.fan@gmail.com").
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

  it('a free-mail address named after the company, presented as writing, is a look-alike; the company\'s own address, the customer\'s own and a free mail without the name are not', () => {
    const policy = resolveGuardPolicy({ companyDomains: ['falak.com'], brandNames: ['Falak'] });
    const under = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);
    const SENT = ['got an email from {a}@{m} saying they are Falak, is this you?', 'وصلني ايميل من {a}@{m} يقول انه من Falak، هذا منكم؟', 'از آدرس {a}@{m} برام نوشتن که از Falak هستن، واقعیه؟', 'un mail de {a}@{m} me demande de payer, c\'est vous ?'];
    const OWN = ['my email is {a}@{m}, please send the bill there', 'reply to {a}@{m} please', 'I emailed {a}@falak.com about my bill', 'got an email from sara.nouri@{m} about the flat, unrelated to Falak'];
    fc.assert(
      fc.property(pick(['falak', 'falak.ksa', 'Falak-Maroc']), pick(['billing', 'support', 'factures', 'service.client', 'refunds']), pick(['gmail.com', 'hotmail.com', 'yahoo.fr', 'outlook.com']), pick(SENT), pick(OWN), (brand, desk, m, sent, own) => {
        const t = fill(sent, { a: `${brand}.${desk}`, m });
        expect(under(t), t).toContain('lookalike');
        const s = fill(own, { a: `${brand}.${desk}`, m });
        expect(under(s), s).not.toContain('lookalike');
      }),
      { numRuns: 60 },
    );
  });
});
