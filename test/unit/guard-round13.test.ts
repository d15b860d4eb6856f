/**
 * Round 13 of issue #21: the classes still missed on the blind set after round 12, composed from parts, each beside a
 * safe counterpart built from the same parts (so no property passes by blocking everything).
 * Outbound misses: the card code described by its place without a count ("the little number on the back", Arabizi
 * "el ar2am el talata elly fe dahr"); a condition on the reader's hand-over in more words ("إذا ما بعتلي", "ila ma
 * 3titinich", "قبل إرسال", "تنها پس از ارسال", "پیش نمی‌رود"); the whole card number asked by contrast with the last
 * four; MPIN and "the token that just entered your phone"; "got it? what does it say?" after nothing but the
 * arrival question. False blocks: a negation split by an aside ("never, under any circumstances, request"), a limit
 * between the reader and "need", quoted scam wording inside "it's a lie", the ATM that asks for the PIN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, resolveGuardPolicy } from '../../main/core/guard';
import { standInDetectSensitive } from '../helpers/guard';

const policy = resolveGuardPolicy({ companyDomains: ['acme.com'] });
const blocked = (t: string) => evaluateReply(t, 'en', policy, standInDetectSensitive).some((f) => f.verdict === 'block');
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const RUNS = { numRuns: 30 };

describe('round 13, outbound by structure (generated)', () => {
  it('the card code described by a size word and the back blocks; the phone number on the back allows', () => {
    fc.assert(
      fc.property(pick(['little', 'small', 'tiny']), pick(['number', 'code', 'digits']), pick(["What's", 'Tell me', 'Can you read me']), (size, what, ask) => {
        const t = `${ask} the ${size} ${what} on the back of your card?`;
        expect(blocked(t), t).toBe(true);
        const safe = 'Please call the number on the back of your card.';
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('a condition on the reader sending the code blocks; the same condition on the code arriving allows', () => {
    fc.assert(
      fc.property(pick(['ما فيني ساعدك', 'ما أقدر أكمل', 'ما نقدر نسوي شي']), pick(['الكود', 'رمز التحقق', 'الرمز']), (halt, secret) => {
        const t = `${halt} إذا ما بعتلي ${secret}`;
        expect(blocked(t), t).toBe(true);
        const safe = `${halt} إذا ما وصلك ${secret} على التطبيق`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
    expect(blocked('ma n9derch ndir walou ila ma 3titinich l code')).toBe(true);
    expect(blocked('تنها پس از ارسال کد تأیید امکان‌پذیر خواهد بود')).toBe(true);
    expect(blocked('لا يمكنك الدخول قبل وصول رمز التحقق إلى هاتفك')).toBe(false);
  });

  it('the whole number after "the last four are not enough" blocks; "the last four are enough" allows', () => {
    fc.assert(
      fc.property(pick(['four', '4']), pick(['whole number', 'full number', 'complete card number']), (four, whole) => {
        const t = `The last ${four} are not enough, I need the ${whole}.`;
        expect(blocked(t), t).toBe(true);
        const safe = `The last ${four} are enough, I don't need the ${whole}.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('an arrival question then "what does it say" blocks; the same about a named parcel allows', () => {
    fc.assert(
      fc.property(pick(['Got it?', 'Did it arrive?', 'Has it come through?']), pick(['What does it say?', "What's in it?"]), (arrived, content) => {
        const t = `${arrived} ${content}`;
        expect(blocked(t), t).toBe(true);
        const safe = `Did the parcel arrive? What does the label say?`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
    for (const t of ['وصلك؟ قولي فيه إيه', 'رسید؟ بگو چی نوشته', 'rasid? chand bud?']) expect(blocked(t), t).toBe(true);
  });

  it('MPIN and a token that just arrived, asked for, block; told never to share, allow', () => {
    for (const t of ['ano po yung MPIN ninyo?', 'Send the token that just entered your phone.']) expect(blocked(t), t).toBe(true);
    for (const t of ['Never share your MPIN with anyone.', "Don't send the token that just entered your phone to anybody."]) expect(blocked(t), t).toBe(false);
  });

  it('a warning with an aside, a limit or quoted scam wording allows; the bare ask blocks', () => {
    fc.assert(
      fc.property(pick(['PIN', 'password', 'OTP']), pick(['under any circumstances', 'at any time', 'for any reason']), (secret, aside) => {
        const safe = `The Bank will never, ${aside}, request your ${secret} through this channel.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `The Bank will request your ${secret} through this channel, please send it.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
    expect(blocked("If a message says 'send the code to get your prize', it's a lie.")).toBe(false);
    expect(blocked("The CVV is for online shopping, you'll only ever need it at checkout, never with us.")).toBe(false);
    expect(blocked('الرقم السري يطلبه منك الصراف بس، لا تقوله لأحد ولا حتى لنا')).toBe(false);
    expect(blocked('الرقم السري يطلبه منك الموظف')).toBe(true);
  });
});
