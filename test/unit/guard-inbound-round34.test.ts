/**
 * Round 34 of issue #21 (inbound), composed from parts, for the told classes of the sets r26 and r27 and a known phishing
 * trick: a link whose user part carries the company's name or domain ("http://acme.com@evil.example/") goes to the host
 * after "@" — a look-alike whatever that host, while an e-mail address's name stays an address; a sum someone wants paid
 * first into a card or a wallet, or now "or the car goes to someone else", is a stranger's fee, while the customer's own
 * payment by the same wallet is not; a number someone else passes off "as the company's number" is a fake one, the
 * official number quoted so is not.
 * Each sign stands beside the same parts made safe, so no property passes by flagging nothing or everything.
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

describe('inbound, round 34 (generated)', () => {
  it("a link whose user part names the company is a look-alike whatever the host after '@'; the company's own links and addresses, and an address whose name carries the brand, are not", () => {
    const policy = resolveGuardPolicy({ companyDomains: ['falak.com'], brandNames: ['Falak'] });
    const under = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);
    const USER = ['falak.com', 'www.falak.com', 'falak', 'Falak', 'falak:support', 'falak.com:8443', 'support.falak.com'];
    const HOST = ['evil.example', '193.42.11.8', 'pay-renew.info', 'secure-login.top', 'bazpardakht.site', 'x.y.z.online'];
    const SAID = ['is this link yours? {l}', 'وصلني رابط {l} هل هو منكم؟', 'این لینک {l} مال شماست؟', "j'ai reçu {l} c'est vous ?", 'Ин пайванд {l} аз шумост?'];
    const SAFE = ['my email is {u}@gmail.com, reply there', 'I wrote to support@falak.com yesterday', 'is https://falak.com/{p} the right page?', 'I logged in at https://www.falak.com/{p} and paid'];
    fc.assert(
      fc.property(pick(USER), pick(HOST), pick(['', 'pay', 'login/refund', 'verify?id=7']), pick(['http://', 'https://']), pick(['@', '%40']), pick(SAID), pick(SAFE), pick(['sara.falak.fan', 'falak.lover', 'tom.falak.user']), (user, host, path, scheme, at, said, safe, own) => {
        const at2 = user.includes(':') ? '@' : at;
        const t = fill(said, { l: `${scheme}${user}${at2}${host}/${path}` });
        expect(under(t), t).toContain('lookalike');
        const s = fill(safe, { u: own, p: path });
        expect(under(s), s).not.toContain('lookalike');
      }),
      { numRuns: 80 },
    );
  });

  it('a sum someone wants paid first into a card or wallet, or now or the car goes to someone else, is a fee; the customer\'s own payment by the same means, or a deposit asked about, is not', () => {
    const stranger = resolveGuardPolicy({ companyDomains: ['example.org'], officialSupportNumbers: ['800-2263'] });
    const flags = (t: string) => inspectInbound(t, 'en', { policy: stranger, detectSensitive }).flags.map((f) => f.code);
    const FEE = [
      'guftand avval {n} somoni ba korti Alif guzaron',
      'Гуфтанд аввал {n} сомонӣ ба корти Алиф гузаронед',
      'واحد كلي حول {n} الف على زين كاش رسوم تخليص حتى يفكون السيارة',
      'man on phone said send {n},000 IQD by FastPay as release fee so they free my car',
      'the guy said wire ${n} deposit today or the car goes to someone else',
      'گفت همین امروز {n} میلیون بیعانه کارت به کارت کن وگرنه ماشین رو به یه مشتری دیگه میدیم',
      'they told me to buy {n} dollars of Apple cards and send the codes so my deposit gets returned',
    ];
    const SAFE = [
      'I paid my bill with Zain Cash, {n} thousand dinars, when is it credited?',
      'حولت {n} الف على آسيا حوالة وما وصلت للحساب',
      'how much is the deposit for the blue one, can I pay {n} dollars at the showroom today?',
      'my deposit of {n} dollars will be refunded when I return the car, right?',
      'First I paid {n} pounds for the service at your centre, then they said the car is ready',
    ];
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 900 }), pick(FEE), pick(SAFE), script, (n, fee, safe, d) => {
        const t = d(fill(fee, { n }));
        expect(flags(t), t).toContain('upgrade_fee');
        const s = d(fill(safe, { n }));
        expect(flags(s), s).not.toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it("a number someone posts or shares as the company's, or the official digits behind a 1-8xx prefix, is a fake number; the official number so shared, or saved by the customer, is not", () => {
    const policy = resolveGuardPolicy({ companyDomains: ['falak.com'], brandNames: ['Falak'], officialSupportNumbers: ['800-2263'] });
    const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);
    const FAKE = [
      'someone in the group posted {x} as the Falak number, should I call it?',
      'my cousin shared {x} as your hotline on facebook, is it right',
      'یکی تو گروه {x} رو به عنوان شماره پشتیبانی شرکت گذاشته',
      'حدا بالجروب نزل {x} على انه رقم الشركة الرسمي، هو صح؟',
      'a flyer says to call 1-{p}-800-2263 for billing, is that you?',
    ];
    const SAFE = ['my neighbour shared 800-2263 as the Falak number and it worked', 'I saved {x} as the Falak number in my phone', 'I called 800-2263 and they said the text is fake'];
    fc.assert(
      fc.property(pick(['0551239876', '0799887766', '0412555019', '0912345678']), pick(['888', '877', '866']), pick(FAKE), pick(SAFE), (x, p, fake, safe) => {
        const t = fill(fake, { x, p });
        expect(flags(t), t).toContain('fake_number');
        const s = fill(safe, { x, p });
        expect(flags(s), s).not.toContain('fake_number');
      }),
      { numRuns: 60 },
    );
  });
});
