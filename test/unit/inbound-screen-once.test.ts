import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GuardScreen, inboundWording } from '../../main/core/app';
import { inspectInbound, inspectInboundIn, resolveGuardPolicy, type DetectSensitive, type GuardLang } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966500000000'] });
const LANGS: GuardLang[] = ['en', 'ar', 'fa'];

/** Messages with and without signs, in the three scripts: look-alike links, numbers presented as support, fees, pasted codes. */
const message = fc
  .tuple(
    fc.constantFrom('hello', 'my refund', 'حسابي', 'سفارشم', 'please help', 'عاجل', 'کارت'),
    fc.constantFrom('', 'https://bit.ly/x7Yq', 'acme-support-verify.com/login', 'acrne.com', 'https://acme.com/help'),
    fc.constantFrom('', 'code 482913', 'my password is Qw!rty2024', 'call support on 0551234567', 'pay a 50 USD fee to unlock your account', 'حسابك سيتم تجميده خلال ساعة', 'رمز عبورم Tehran@1402 هست'),
  )
  .map((parts) => parts.filter(Boolean).join(' '));

describe('the inbound screen reads a message once', () => {
  it('words each language from one reading exactly as a reading in that language does', () => {
    fc.assert(
      fc.property(message, (text) => {
        const all = inspectInboundIn(text, LANGS, { policy, detectSensitive });
        for (const lang of LANGS) expect(all[lang]).toEqual(inspectInbound(text, lang, { policy, detectSensitive }).flags);
      }),
      { numRuns: 120 },
    );
  });

  it('a flagged message is read once for its three wordings, and the wording is what three readings give', () => {
    let readings = 0;
    const counting: DetectSensitive = (t) => (readings++, detectSensitive(t));
    const screen = new GuardScreen(policy, counting);
    let flagged = 0;
    fc.assert(
      fc.property(message, (text) => {
        readings = 0;
        const out = screen.screen(text);
        expect(readings).toBe(1);
        const want = Object.fromEntries(LANGS.map((lang) => [lang, inspectInbound(text, lang, { policy, detectSensitive }).flags]));
        if (!want.en!.length) {
          expect(out).toEqual({ flagged: false });
          return;
        }
        flagged++;
        expect(JSON.parse(out.wording!)).toEqual(want);
        expect(out.wording).toBe(inboundWording(text, policy));
      }),
      { numRuns: 120 },
    );
    expect(flagged).toBeGreaterThan(20);
  });
});
