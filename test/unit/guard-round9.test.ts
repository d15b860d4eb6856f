/**
 * Round 9 of issue #21: the classes of the fifth blind round's outbound misses and false blocks, composed from parts.
 * Each request is checked beside a safe reply built from the same parts, so no property passes by blocking (or
 * allowing) everything.
 * Misses: forwarding the message the second factor sent; a colleague who will call, to whom the reader reads the digits
 * that reach them; dialect "we want"; an Arabizi photo of the card from both sides; a macro's numbered list after
 * "Reply with:".
 * False blocks: a definition of a code; a scam's words quoted inside a question and disowned ("That's not us"); a
 * stranger who calls and says (a conditional third party); a screenshot of a message shown while paying; Dari کدام
 * ("which") and صورت گرفتن ("take place"); the number a text came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, resolveGuardPolicy } from '../../main/core/guard';
import { standInDetectSensitive } from '../helpers/guard';

const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', strict, standInDetectSensitive).some((f) => f.verdict === 'block');
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const RUNS = { numRuns: 60 };
const phone = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `01${n}`);

describe('round 9: requests by structure (generated)', () => {
  it('forwarding the message the second factor sent, to us or to a number we give', () => {
    fc.assert(
      fc.property(
        pick([
          (to: string) => `اون message که از 2-step verification اومده رو forward کنید ${to}`,
          (to: string) => `پیامی که از طرف تأیید دو مرحله‌ای برایتان آمده را ${to} فارورد کنید`,
          (to: string) => `پیامکی که از احراز هویت دو مرحله‌ای رسیده را ${to} فوروارد کنید`,
          (to: string) => `الرسالة الجاتك من التحقق بخطوتين حولها ${to}`,
          (to: string) => `الرسالة اللي جاتك من التحقق بخطوتين حولها ${to}`,
          (to: string) => `awel ma ywsalak msg mn 2-step verification, 7awelo ${to}`,
          (to: string) => `lamma yegilak el msg mn 2fa 7awelha ${to}`,
        ]),
        phone,
        fc.nat({ max: 2 }),
        (frame, n, i) => {
          const to = /[a-z]/.test(frame('')) ? nth(['3al ra2am da ' + n, 'la hon', 'lena'], i) : /[پچکگی]/u.test(frame('')) ? nth([`به همین نمبر ${n}`, 'به ما', `به شماره ${n}`], i) : nth(['لينا', `على الرقم ${n}`, 'لي'], i);
          const ask = frame(to);
          expect(blocked(ask), ask).toBe(true);
          // the same message, handled by the customer alone, is no request
          const safe = /[a-z]/.test(frame('')) ? 'awel ma ywsalak msg mn 2-step verification, dakhel el code fel app bas, ma t2oulo la 7ada' : /[پچکگی]/u.test(frame('')) ? 'پیامی که از تأیید دو مرحله‌ای می‌آید را برای هیچ‌کس فوروارد نکنید، فقط در برنامه وارد کنید.' : 'الرسالة اللي بتجيك من التحقق بخطوتين ما تحولها لأي حد، دخل الكود في التطبيق بس.';
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('a colleague will call: read him the digits that reach your phone', () => {
    fc.assert(
      fc.property(
        pick([
          ['You go receive call from our team soon,', 'just call out the numbers wey enter your phone', 'no read any number wey enter your phone give anybody'],
          ['Our officer will ring you shortly,', 'read him the digits that land on your phone', "don't read him the digits that land on your phone, he won't ask"],
          ['غادي يعيط ليك واحد من الفريق ديالنا،', 'قرا ليه الأرقام لي غادي توصلك', 'ما تقرا ليه حتى رقم من الأرقام لي غادي توصلك'],
          ['الموظف راح يتصل بيك،', 'اقراله الرقم اللي يجيك بالمسج', 'لا تقراله الرقم اللي يجيك بالمسج'],
          ['الموظف حيتصل بيك هسع،', 'كلمو بالكود الجاك في الرسالة', 'ما تكلمو بالكود الجاك في الرسالة، نحن ما بنسأل عنو'],
        ] as const),
        ([call, ask, refuse]) => {
          expect(blocked(`${call} ${ask}`), ask).toBe(true);
          expect(blocked(`${call} ${refuse}`), refuse).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('dialect "we want" the secret', () => {
    fc.assert(
      fc.property(
        pick(['نحن', 'احنا', 'نحنا', '']),
        pick(['دايرين', 'عايزين', 'بدنا', 'نبي', 'نبغى']),
        pick(['الرقم السري حق البطاقة', 'الباسورد بتاع حسابك', 'الكود اللي وصلك', 'الرمز السري تبع البطاقة']),
        (we, want, secret) => {
          const ask = `${we} ${want} ${secret} عشان نكمل`.trim();
          expect(blocked(ask), ask).toBe(true);
          // wanting to help change it is not asking for it
          const safe = `${we} ${want} نساعدك تغير ${secret.split(' ')[0]} من التطبيق بنفسك`.trim();
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('Pidgin and English "we (dey) want" the secret, beside "we dey want help you"', () => {
    fc.assert(
      fc.property(pick(['we dey want', 'we go need', 'I dey want', 'we want', 'I need']), pick(['your ATM PIN', 'the OTP wey dem send you', 'your card CVV', 'your password']), (want, secret) => {
        const ask = `${want} ${secret} to finish the upgrade`;
        expect(blocked(ask), ask).toBe(true);
        const safe = `${want} help you change ${secret} inside the app yourself, no send am give anybody`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('Arabizi: a photo of the card, from both sides, sent over', () => {
    fc.assert(
      fc.property(
        pick(['sawer', 'sawwer', 'sawarli', 'tsawer']),
        pick(['el card', 'el bitaka', 'el beta2a', 'el visa']),
        pick(['men el jehtein', 'mn el 2 jihat', 'mn wejhein', '']),
        pick(['w eb3ato 3al whatsapp', 'w ab3atha hena', 'w ib3atha 3al whatsapp']),
        (photo, card, sides, send) => {
          const ask = `${photo} ${card} ${sides} ${send}`.replace(/ +/g, ' ');
          expect(blocked(ask), ask).toBe(true);
          const safe = `ma tsawer ${card} w ma teb3atha la 7ada, e7na ma bnotlob sowar`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('a macro: the secrets listed after a request verb that ends its clause', () => {
    fc.assert(
      fc.property(
        pick(['[AUTO-REPLY] Identity check required.', 'Thanks for contacting us!', '[AUTOMATED]', 'To unlock your account:']),
        pick(['Reply with:', 'Please reply with', 'Send us the following:', 'Respond with:']),
        pick(['your account email', 'your order number', 'the city you live in']),
        pick(['the verification code sent to ***-***-{{last4_phone}}', 'your SSN', 'the one-time passcode we just sent', 'your card PIN']),
        pick([(i: number) => `${i})`, (i: number) => `${i}.`, () => '-']),
        (head, verb, first, secret, mark) => {
          const ask = `${head} ${verb} ${mark(1)} ${first} ${mark(2)} ${secret}`;
          expect(blocked(ask), ask).toBe(true);
          const safe = `${head} ${verb} ${mark(1)} ${first} ${mark(2)} your order number`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('round 9: false blocks by structure (generated)', () => {
  it('a definition of a code is no request', () => {
    fc.assert(
      fc.property(
        pick(['رمز یکبار مصرف', 'کد تأیید', 'رمز پویا']),
        pick(['عددی موقت است', 'رشته‌ای چند رقمی است', 'کدی کوتاه است']),
        pick(['پیامک', 'اپلیکیشن بانک']),
        pick(['می‌شود', 'می‌گردد']),
        (name, what, via, is) => {
          const safe = `${name}، ${what} که از طریق ${via} ارسال و صرفاً در برنامه وارد ${is}`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `${name} را که از طریق ${via} ارسال شده برای ما ارسال کنید`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("a scam's words quoted in a question and disowned", () => {
    fc.assert(
      fc.property(
        pick(['Someone messaged you saying', 'You got a text that said', 'A number texted you']),
        pick(['Royal Mail: reply with the code we sent to rebook delivery', 'Bank alert: send us the OTP to unblock your card', 'DHL: reply with your PIN to release the parcel']),
        pick(["That's not us", 'That is not us', "It's not us", 'That was not us']),
        (who, quote, disown) => {
          const safe = `${who} "${quote}"? ${disown}, please don't reply to it.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `${quote.split(': ')[1]!.replace(/^./, (c) => c.toUpperCase())}, please.`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a stranger who calls and says: reported, not asked', () => {
    fc.assert(
      fc.property(
        pick(['If anybody call you say make you read code give am', 'If anyone calls you and says read me the code', 'If somebody rings you asking for your PIN', 'If a person texts you and tells you to send the OTP']),
        pick(['na scam, end the call', "it's a scam, hang up", 'that is fraud, block them']),
        (ifCall, verdict) => {
          const safe = `No staff of ours will ever ask for your PIN or OTP. ${ifCall}, ${verdict}.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = 'When our staff call you, read the code give am.';
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a screenshot of the message shown while paying (an error), a question about a place, the sender of a text', () => {
    fc.assert(
      fc.property(
        pick(['ابعتلي سكرين شوت للرسالة اللي بتطلعلك وانت بتدفع', 'ابعتلي صورة للرسالة اللي بتظهر وانت بتدفع', 'صورلي الرسالة اللي بتطلعلك وانت بتدفع']),
        pick(['معامله در کدام شهر صورت گرفته؟ کابل یا هرات؟', 'برداشت در کدوم شعبه صورت گرفت؟', 'خرید از کدام فروشگاه صورت گرفته است؟']),
        pick(['What number did the text come from?', 'Which number was the SMS sent from?', 'From which number did you receive the message?', "What's the sender's number on that text?"]),
        pick(['Just the sender, not what it says.', 'Only the sender please.', '']),
        (shot, dari, sender, tail) => {
          for (const safe of [shot, dari, `${sender} ${tail}`.trim()]) expect(blocked(safe), safe).toBe(false);
          // the code a message carries is still asked for, in the same voices
          for (const ask of ['ابعتلي الكود اللي في الرسالة', 'کد تأیید را بفرستید، کدام کد؟ همان که پیامک شد', 'What number did the text say? Type it here.']) expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

function nth<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length]!;
}
