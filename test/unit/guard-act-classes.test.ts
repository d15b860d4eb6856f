/**
 * Round 4 of issue #21: the act of asking, composed from parts in each voice, for the classes the public independent
 * r2 set exposed — a dialect verb in any person, a wish that acts on the secret, "as soon as it arrives, send it", the
 * secret first and the verb with its pronoun after "and", a disclaimer then a bare "share with me here", a site we do
 * not own as the place the secret is typed ("…and enter it there"), an app's on-screen message, and the policy's
 * held requests (national ID, full name). Inbound: a sender's e-mail domain, names on throwaway endings, named card
 * numbers with any check digit, amounts that are not codes, and future-tense threats with a deadline.
 * The parts are written for these tests, not copied from any corpus row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, inspectInbound, judgeReply, resolveGuardPolicy } from '../../main/core/guard';
import { dressedName } from '../../main/core/guard/phishing/domains';
import { findPastedSecrets } from '../../main/core/guard/phishing/pasted-secrets';
import { standInDetectSensitive } from '../helpers/guard';

const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string, p = strict) => evaluateReply(t, 'en', p, standInDetectSensitive).some((f) => f.verdict === 'block');
const flags = (t: string) => inspectInbound(t, 'en', { policy: strict, detectSensitive: standInDetectSensitive }).flags.map((f) => f.code);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

describe('the act of asking, composed in each voice (generated)', () => {
  it('"as soon as it arrives, <verb> it to me" after a message was announced asks for the code; the same as our own sending does not', () => {
    fc.assert(
      fc.property(
        pick(['بيوصلك مسج هلق', 'هيجيلك كود دلوقتي على الموبايل', 'راح توصلك رسالة فيها رقم', 'یه پیامک الان برات میاد', 'You will get an SMS in a minute']),
        pick(['اول ما يوصل ابعتهولي هنا', 'أول ما يوصل انسخه وحطه لي هنا', 'بعد ما يوصلك بعتلي ياه لهون', 'همین که اومد بفرستش برام', 'As soon as it lands, forward it to me']),
        (first, second) => {
          expect(blocked(`${first}. ${second}`), `${first}. ${second}`).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the secret first, then "and" and a verb carrying a pronoun, asks for it', () => {
    fc.assert(
      fc.property(
        pick(['screenshot the SMS we sent', 'copy the code from the text', 'take the six digits we texted', 'grab the OTP that came through']),
        pick(['drop it here', 'paste it below', 'send it over to me', 'forward it to us']),
        (first, second) => {
          expect(blocked(`${first} and ${second}`), `${first} and ${second}`).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a disclaimer, then a bare transfer verb addressed to the reader and sent to us, asks for the secret the disclaimer named', () => {
    fc.assert(
      fc.property(
        pick(['Never share your OTP with anyone.', 'We always say do not give out the code.', 'For your safety never tell anyone your PIN.']),
        pick(['But for this check only you can share with me here', 'But this time please send to me here', 'However, just this once you may forward to us here']),
        pick(['', ' as I am the official executive', ' because the system needs it', ' so I can finish']),
        (disclaimer, ask, reason) => {
          const reply = `${disclaimer} ${ask}${reason}.`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    for (const safe of ['Never share your OTP with anyone. Nothing is needed to send me.', 'Never share your PIN. If you want to send me a screenshot of the error, you can share it here.']) {
      expect(blocked(safe), safe).toBe(false);
    }
  });

  it('typing the secret "there", beside a site we do not own, hands it over; beside our own site it is only unclear', () => {
    fc.assert(
      fc.property(
        pick(['secure-verify-help.com', 'bit.ly/acct-ok', 'acme-login-check.net', 'verify-now.online']),
        pick(['open this link', 'click here', 'go to this page', 'برید تو این لینک', 'ادخل على الرابط']),
        pick(['and enter the OTP there', 'and type the code there', 'و کد رو اونجا وارد کنید', 'واكتب الكود هناك']),
        (site, open, enter) => {
          const reply = `${open} ${site} ${enter}`;
          expect(blocked(reply), reply).toBe(true);
          // an entry verb with our own site in view stays a warning ("write the code there" asks us in Arabic either way)
          if (!enter.includes('اكتب')) expect(blocked(`${open} acme.com/help ${enter}`), `${open} acme.com/help ${enter}`).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a wish whose complement acts on the secret for the customer is not a request; the same wish handing it over is', () => {
    fc.assert(
      fc.property(
        pick(['لو عايز', 'إذا بدك', 'لو حابب', 'if you want to', 'if you would like to']),
        pick([['تغير', 'change'], ['تعمل ريست', 'reset'], ['تحدث', 'update']] as const),
        pick([['الرقم السري بتاع الكارت', 'your card PIN'], ['الباسورد', 'your password']] as const),
        (wish, [arVerb, enVerb], [arSecret, enSecret]) => {
          const ar = /[a-z]/.test(wish) ? `${wish} ${enVerb} ${enSecret}, open the app > Settings` : `${wish} ${arVerb} ${arSecret} ادخل على الابلكيشن > الإعدادات`;
          expect(blocked(ar), ar).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
    expect(blocked('عايز الرقم السري بتاع الكارت')).toBe(true);
    expect(blocked('I want your password')).toBe(true);
  });

  it('a message the app shows when the customer presses something is not a text carrying a code', () => {
    fc.assert(
      fc.property(
        pick(['ابعتلي سكرين شوت للرسالة اللي بتظهرلك', 'send me a screenshot of the message that pops up', 'صورلي الرسالة اللي بتطلعلك']),
        pick(['لما تدوس دفع', 'when you tap Pay', 'لما تضغط تأكيد', 'when you press Confirm']),
        (shot, when) => {
          expect(blocked(`${shot} ${when}`), `${shot} ${when}`).toBe(false);
        },
      ),
      { numRuns: 30 },
    );
    expect(blocked('ابعتلي سكرين شوت للرسالة اللي جاتلك مننا')).toBe(true);
  });

  it('dialect request verbs in any person ask; the customer typing it in the app in any person does not', () => {
    fc.assert(
      fc.property(
        pick(['لازم تكلي', 'كولي', 'ممكن تكوللي', '3teh', 'abgha', 'lazem']),
        pick([['الرمز السري مال الكارت', 'el ramz elly yjeek'], ['الكود', 'ra2m el card kollo']] as const),
        (verb, [arSecret, latinSecret]) => {
          const reply = /[a-z]/.test(verb) ? `${verb} ${latinSecret}` : `${verb} ${arSecret}`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(pick(['تكتبه', 'بتكتبه', 'هتكتبه', 'تحطه', 'بتحطه', 'تدخله']), pick(['في الأبلكيشن', 'في التطبيق', 'على الموقع بتاعنا']), (verb, place) => {
        const reply = `الكود اللي جالك حضرتك ${verb} ${place} بنفسك، مش تبعتهولي`;
        expect(blocked(reply), reply).toBe(false);
      }),
      { numRuns: 30 },
    );
  });
});

describe('requests for a national ID or full name are held for a lead under any policy, never allowed silently', () => {
  it('default policy: held (block, approvable) in every language; a code beside it makes the reply unapprovable', () => {
    const lenient = resolveGuardPolicy({});
    fc.assert(
      fc.property(
        pick(['Please send ', 'Kindly share ', 'ابعتلي ', 'لطفا بفرستید ', 'abgha ']),
        pick(['your national ID number', 'your full name as on your ID', 'رقم الهوية', 'اسمك الرباعي', 'کد ملی', 'ra2m el hawiya', 'esmak el rubaa3i']),
        (ask, id) => {
          const d = judgeReply(ask + id, 'en', lenient, standInDetectSensitive);
          expect(d, ask + id).toMatchObject({ verdict: 'block', approvable: true });
          const withCode = judgeReply(`${ask}${id} and the code we texted you`, 'en', lenient, standInDetectSensitive);
          expect(withCode, `${ask}${id} and the code`).toMatchObject({ verdict: 'block', approvable: false });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('inbound signals by structure (generated)', () => {
  const word = fc.stringMatching(/^[a-z]{4,8}$/);
  // a name the look-alike rule cannot treat as an ordinary name: one within two edits of the company's own ("acne",
  // "acte" for acme — a look-alike by right) or itself a dress word ("help", "bill")
  const ordinaryName = word.filter((n) => editDistance(n, 'acme') > 2 && dressedName(`${n}-careers`) === n);

  it('a sender address on a dressed name or a throwaway ending is a look-alike; an ordinary address is not', () => {
    fc.assert(
      fc.property(
        ordinaryName,
        pick(['support', 'service-client', 'noreply', 'info']),
        pick(['-dz-promo.com', '-delivery-update.com', '-secure-verify.net', '-pardakht.site', '-algerie.online', '-client.xyz']),
        pick(['j\'ai reçu un mail de {a}, c\'est vous ?', 'إجاني إيميل من {a} شو القصة؟', 'got an email from {a} is it real?']),
        (name, user, tail, frame) => {
          const msg = frame.replace('{a}', `${user}@${name}${tail}`);
          expect(flags(msg), msg).toContain('lookalike');
          const plain = frame.replace('{a}', `${user}@${name}.com`);
          expect(flags(plain), plain).not.toContain('lookalike');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a card number the customer names is a pasted secret whatever its check digit; an order number is not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }),
        pick(['my card number is {n}', 'رقم بطاقتي هو {n}', 'شماره کارتم {n} هست', 'card no. {n}', 'ra2m el card {n}']),
        (digits, frame) => {
          const n = digits.join('').replace(/(\d{4})(?=\d)/g, '$1 ');
          expect(flags(frame.replace('{n}', n)), frame).toContain('secret');
          // the guard's own finder wants the card named; a valid number anywhere is the masking engine's call
          expect(findPastedSecrets(`my order number is ${n}`)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a number beside a currency is an amount, not a pasted code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), pick(['دولاراً', 'ريال', 'USD', 'dollars', 'تومان']), (amount, currency) => {
        const msg = `قالولي لازم أدفع رسوم تحقق قدرها ${amount} ${currency}`;
        expect(flags(msg), msg).not.toContain('secret');
      }),
      { numRuns: 40 },
    );
  });

  it('a future-tense threat with a deadline is urgency even with nothing to click; the same state in the past is a complaint', () => {
    fc.assert(
      fc.property(
        pick([
          ['حسابك رح يتسكر خلال ساعة', 'حسابي تسكر امبارح'],
          ['hesabe shoma ta 2 saat dige masdood mishavad', 'hesabam masdood shode'],
          ['سیم‌کارت شما تا ساعاتی دیگر مسدود می‌گردد', 'سیم‌کارتم مسدود شده'],
          ['your account will be suspended within 24 hours', 'my account was suspended last week'],
          ['7esabak ra7 yetsakkar 5elal sa3a', '7esabi etsakkar'],
        ] as const),
        pick(['ejani msg "{t}" shu ya3ni?', 'این پیام اومد: «{t}»', 'I got this: "{t}"']),
        ([threat, past], frame) => {
          expect(flags(frame.replace('{t}', threat)), threat).toContain('urgency');
          expect(flags(past), past).not.toContain('urgency');
        },
      ),
      { numRuns: 40 },
    );
  });
});

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
