/**
 * Round 7 of issue #21: the classes the fifth independent set's tune half (independent-r4) exposed, composed from parts.
 * Each safe frame is checked beside the same words made into a request, so a property cannot pass by allowing
 * everything (or blocking everything).
 * False blocks: a Persian verb negated after its place ("برای ما ارسال ننمایید"); the word a screen shows ("where it
 * says verify"); "tell me 'done'"; a reply that tells the message's wording ("What the text says is…"); a message as
 * the subject of "say"; "X-type messages"; a message "asking for your code" in a warning; a stranger's demand joined
 * by "and" to "people call".
 * Misses: a need whose subject is us ("احنا محتاجين…"), a cleft ("what I need from you is…"), Levantine ياهن/ياهم and
 * Dari "او ره" back-references, Taglish fillers after a bare verb, "this page" in Persian as the chat.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, resolveGuardPolicy } from '../../main/core/guard';
import { standInDetectSensitive } from '../helpers/guard';

const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', strict, standInDetectSensitive).some((f) => f.verdict === 'block');
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const RUNS = { numRuns: 60 };

describe('round 7: false blocks by structure (generated)', () => {
  it('Persian: a place before a verb negated by its prefix is where the secret must not go', () => {
    fc.assert(
      fc.property(
        pick(['پیامکی که دریافت کرده‌اید', 'کد تأیید', 'رمز یکبار مصرف', 'پیامک حاوی کد']),
        pick(['برای ما', 'به ما', 'برای من', 'به همکاران ما']),
        pick([['ارسال ننمایید', 'ارسال نمایید'], ['نفرستید', 'بفرستید'], ['ارسال نکنید', 'ارسال کنید']] as const),
        (secret, place, [negated, affirmed]) => {
          const safe = `لطفاً ${secret} را ${place} ${negated} و کد را فقط در برنامه وارد کنید.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `لطفاً ${secret} را ${place} ${affirmed}.`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a label on a screen, or "tell me done", is not the secret asked for', () => {
    fc.assert(
      fc.property(
        pick(['You will get a code in a minute.', "We've just texted you a code.", 'A verification code is on its way.']),
        pick(['where it says verify', 'where it shows confirm', 'on the screen that says submit']),
        pick(["tell me 'done'", 'message me back saying done', 'reply done here', 'tell me when it says finished']),
        (sent, label, done) => {
          const safe = `${sent} Type it in the app ${label}, then ${done}.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `${sent} Don't type it anywhere, tell me it here.`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a button\'s name after "tap", or a label a field shows, is no request', () => {
    fc.assert(
      fc.property(pick(['tap', 'press', 'click', 'hit']), pick(['Verify', 'Send', 'Confirm', 'Share']), pick(["where it says 'Enter code'", "in the box that says 'Type the OTP'", '']), (tap, button, label) => {
        const safe = `Once the code shows up, ${tap} ${button} ${label} and you're done. Nobody here needs it.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `Once the code shows up, send it to me here.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });

  it('a warning that describes or quotes the scam message does not ask; the same secret asked for does', () => {
    fc.assert(
      fc.property(
        pick(['"Support Team"', "'Bank Security'", '"Acme Verify"']),
        pick(['asking for', 'wanting', 'requesting', 'demanding']),
        pick(['your login code', 'your one-time code', 'your card PIN', 'the OTP']),
        pick(['was a scam', 'is fake', 'was not from us', 'is phishing']),
        (name, verb, secret, verdict) => {
          const safe = `That ${name} message ${verb} ${secret} ${verdict}. Block the number.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `Please send us ${secret} here.`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a reply that tells the SMS wording ("What the text says is…") is not a question about it', () => {
    fc.assert(
      fc.property(
        pick(['What the text says is', 'What the SMS says is basically', 'What the message says is just']),
        pick(['"Your code is XXXX, do not share it"', '"never share this code"']),
        (lead, quote) => {
          const safe = `${lead} ${quote} and it means it. Type it into the app yourself.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `We texted you a code. What does the text say?`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('people who call "and ask for the code" in a warning are strangers, in Arabic and English', () => {
    fc.assert(
      fc.property(
        pick([['في ناس بتتصل وتقول انها مننا وتطلب', 'ما تديهم أي حاجة'], ['Some people call and say they are us and ask for', "Don't give them anything"]] as const),
        pick([['الكود', 'the code'], ['الرقم السري', 'your PIN']] as const),
        ([frame, refusal], [ar, en]) => {
          const secret = frame.startsWith('Some') ? en : ar;
          const safe = `${frame.startsWith('Some') ? 'Just a warning' : 'عايز انبهك'}: ${frame} ${secret}. ${refusal}.`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('round 7: misses by structure (generated)', () => {
  it('a need whose subject is us asks for the secret; a need to act for the customer does not', () => {
    fc.assert(
      fc.property(
        pick([['احنا محتاجين', 'احنا محتاجين نبعتلك'], ['احنا نحتاج', 'احنا نحتاج نرسل لك'], ['we need', 'we need to send you'], ['we will need', 'we will need to send you']] as const),
        pick([['الرقم السري بتاع الكارت', 'الرقم السري الجديد'], ['your password', 'a new password'], ['the OTP', 'a new OTP']] as const),
        ([need, act], [secret, fresh]) => {
          const ask = `${need} ${secret} to cancel the transaction.`;
          expect(blocked(ask), ask).toBe(true);
          const safe = `${act} ${fresh}.`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('a cleft names what is needed after "is"', () => {
    fc.assert(
      fc.property(
        pick(['what I need from you is', 'so what we need is', 'what I need is uh', 'اللي محتاجه منك هو']),
        pick(['the number on the front of your card', 'your PIN', 'the code we texted you', 'الرقم السري']),
        pick(['the order number', 'a screenshot of the error', 'رقم الطلب']),
        (cleft, secret, other) => {
          expect(blocked(`${cleft} ${secret}, then we are done.`), `${cleft} ${secret}`).toBe(true);
          expect(blocked(`${cleft} ${other}, then we are done.`), `${cleft} ${other}`).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('dialect object pronouns after a code is mentioned: Levantine ياهن/ياهم, Dari "او ره"', () => {
    fc.assert(
      fc.property(
        pick([
          ['الأرقام اللي وصلتك بالمسج من شوي،', 'ابعتلي ياهن', 'لا تبعتلي ياهن'],
          ['الأكواد اللي وصلوك،', 'بعتلي ياهم هون', 'ما تبعتلي ياهم'],
          ['یک پیام برایت میایه که یک کود داره،', 'او ره برایم روان کو', 'او ره به هیچ کس روان نکو'],
          ['یک پیام برایت میایه که کود داره،', 'همو ره برایم بخوان', 'همو ره فقط در برنامه داخل کو'],
        ] as const),
        ([first, ask, safe]) => {
          expect(blocked(`${first} ${ask}.`), ask).toBe(true);
          expect(blocked(`${first} ${safe}.`), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
