/**
 * Round 6 of issue #21: the failure classes of the fourth independent set (read by class, never by row), composed from
 * parts. Each safe frame is checked beside the same words made into a request, so a property cannot pass by
 * allowing everything (or blocking everything).
 * False blocks: a negation scoped over the request verb in dialects and registers (Egyptian م…ش with object pronouns,
 * Sudanese "ما + verb", Persian formal ن…ید, "we never want it from you", a list of verbs after a comma); a message's
 * wording asked for with the code ruled out; a scam described or quoted, a stranger's ask in an if-clause; a mock
 * request called a joke and taken back.
 * Misses: the SMS's whole content after it was mentioned; a card described by its face; a disclaimer then "send it"
 * clauses later; a relay to a third party; a national ID and full name in dialects; dialect hand-over verbs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, resolveGuardPolicy } from '../../main/core/guard';
import { standInDetectSensitive } from '../helpers/guard';

const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', strict, standInDetectSensitive).some((f) => f.verdict === 'block');
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const RUNS = { numRuns: 80 };

describe('round 6: negations scoped over the request (generated)', () => {
  it('English: a negation or "no need" over the verb, with "to me or anyone", allows; the same verb without it blocks', () => {
    fc.assert(
      fc.property(
        pick(["don't", 'please do not', 'never', 'there is no need to', 'you never have to', 'no one will ask you to', "you needn't"]),
        pick(['read out', 'paste', 'send', 'text', 'share', 'forward']),
        pick(['the code', 'your PIN', 'the numbers from the SMS', 'that OTP', 'the verification code']),
        pick([' to me or anyone', ' to me or to anybody else', ' here', ' to us or anyone who calls', '']),
        (neg, verb, secret, to) => {
          const safe = `${neg} ${verb} ${secret}${to}.`;
          expect(blocked(safe), safe).toBe(false);
          const ask = `${verb} ${secret}${to || ' here'}.`;
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a negation reaches every verb of a list that goes on after a comma', () => {
    fc.assert(
      fc.property(pick(['No one at Acme will ever ask you to', 'Never', "Please don't", 'We will never ask you to']), fc.shuffledSubarray(['read out', 'text', 'paste', 'forward', 'send'], { minLength: 3, maxLength: 3 }), pick(['that code', 'the PIN', 'the OTP']), (neg, [a, b, c], secret) => {
        const safe = `${neg} ${a}, ${b} or ${c} ${secret}.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `${b} or ${c} ${secret} here.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });

  it('Egyptian negative imperatives with attached object pronouns (م…ش) allow; the affirmative blocks', () => {
    fc.assert(
      fc.property(pick([['تبعت', 'ابعت'], ['تقول', 'قول'], ['تكتب', 'اكتب'], ['ترسل', 'ارسل']] as const), pick(['ه', 'ها']), pick(['لي', '']), pick(['الكود', 'الباسورد', 'الرقم السري']), ([stem, imperative], obj, me, secret) => {
        const pronoun = obj === 'ه' ? 'هو' : 'ها';
        const safe = `${secret} م${stem}${pronoun}${me}ش لأي حد`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `${secret} ${imperative}${pronoun}لي هنا`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });

  it('Sudanese "ما + verb" and Persian formal negative imperatives (ن…ید) allow; the affirmative blocks', () => {
    fc.assert(
      fc.property(pick(['الكود', 'الرمز', 'الرقم السري']), pick([['ترسلو لي', 'رسلو لي'], ['تديهو لزول', 'اديهو لي'], ['تكتبو هنا', 'اكتبو هنا'], ['تقولو لي', 'قولو لي']] as const), (secret, [negated, ask]) => {
        const safe = `${secret} ما ${negated}`;
        expect(blocked(safe), safe).toBe(false);
        expect(blocked(`${secret} ${ask}`), ask).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(pick(['کد تأیید', 'رمز عبور', 'رمز دوم کارت', 'کد دریافتی']), pick([['ارسال', 'نمایید'], ['اعلام', 'فرمایید'], ['ارائه', 'دهید'], ['ارسال', 'فرمایید']] as const), pick(['برای هیچ‌کس', 'در این گفتگو', 'برای ما', 'به کارشناس']), (secret, [noun, light], where) => {
        const safe = `لطفاً ${secret} را ${where} ${noun} ن${light}.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `لطفاً ${secret} را ${where === 'برای هیچ‌کس' ? 'برای ما' : where} ${noun} ب${light}.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });

  it('"we never want it from you", "I don\'t want the number itself" (Persian, Finglish) allow', () => {
    for (const safe of ['ما هیچ‌وقت کد رو ازتون نمی‌خوایم', 'ما اصلاً رمزتو ازت نمی‌خوایم', 'خود عدد رو نمی‌خوام، فقط بگو پیامک اومد یا نه', 'khode adad ro nemikham, faghat begid sms oomad ya na', 'ma hichvaght code ro azetoon nemikhaym']) {
      expect(blocked(safe), safe).toBe(false);
    }
  });

  it('a request verb whose manner is typing it in the app oneself allows', () => {
    fc.assert(
      fc.property(pick(['share', 'give', 'send']), pick(['the OTP', 'the code', 'your PIN']), pick(['by typing it in the app yourself', 'only by entering it in the app', 'by putting it in the app on your own']), (verb, secret, manner) => {
        const safe = `Kindly ${verb} ${secret} ${manner}.`;
        expect(blocked(safe), safe).toBe(false);
        expect(blocked(`Kindly ${verb} ${secret} here.`)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("round 6: a message's wording with the code ruled out, scams described, jokes taken back (generated)", () => {
  it('asking what the SMS said allows once the digits are ruled out anywhere in the reply; without that it blocks', () => {
    fc.assert(
      fc.property(
        pick(['What did the SMS say exactly?', "Was it 'expired' or 'invalid' in the text?", 'الرسالة كان مكتوب فيها ايه؟', 'پیامکه چی نوشته بود؟', 'شو كاتب بالمسج؟']),
        pick(["I don't need the digits.", 'Leave the numbers out.', 'Not the code, just the words.', 'مش محتاج الأرقام', 'عددشو لازم ندارم', 'khode code ro nemikham', 'بدون الأرقام']),
        fc.boolean(),
        (question, exclusion, first) => {
          const safe = first ? `${exclusion}. ${question}` : `${question} ${exclusion}`;
          expect(blocked(safe), safe).toBe(false);
          const ask = /[a-z]/i.test(question) && !question.startsWith('Was') ? `${question} Type it here.` : 'What did the SMS say? Send it here.';
          expect(blocked(ask), ask).toBe(true);
        },
      ),
      RUNS,
    );
    // the code ruled out is no antecedent: "did it mention a login?" asks about the message
    expect(blocked('Could you describe what the SMS said without the actual code? Like, did it mention a login?')).toBe(false);
    // ruling the code out of a wording question never cancels a request that names a secret
    for (const ask of ["I don't need the digits. Send me your PIN here.", 'مش محتاج الأرقام، ابعتلي الباسورد هنا', 'What did the SMS say? Not the code. Also type your password here.']) expect(blocked(ask), ask).toBe(true);
  });

  it('a stranger (a link, a pop-up, anyone) that asks for the secret in an if-clause is a warning; our agent asking is not', () => {
    fc.assert(
      fc.property(pick(['a strange link', 'a pop-up', 'anyone', 'some random caller', 'an unknown number']), pick(['asks you for', 'asks you to type', 'tells you to send', 'wants you to read out']), pick(['the code', 'your PIN', 'the OTP we sent']), pick(["don't open it", 'close it', 'hang up', 'ignore it']), (who, ask, secret, act) => {
        const safe = `If ${who} ${ask} ${secret}, ${act}.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
    expect(blocked('Should any link ask you for your card number, don\'t type it.')).toBe(false);
    expect(blocked('When our agent asks you for the code, just tell him.')).toBe(true);
  });

  it('a mock request called a joke and followed by a warning allows; the same request without the joke blocks', () => {
    fc.assert(
      fc.property(
        pick(['Sure, send me your PIN too', 'Go on, give me your password', 'ابعتلي الباسورد كمان', 'رمزتم بفرست دیگه']),
        pick(['😄', '😂', '🙃', '']),
        pick(['kidding', 'just kidding', "I'm joking", 'not really', 'بهزر', 'بمزح', 'شوخی کردم', 'jk']),
        pick(['never send those to anyone.', 'please never do that.', 'عمرك ما تبعته لحد', 'هیچ‌وقت رمزتو به کسی نده', "don't ever share it."]),
        (mock, emoji, joke, warning) => {
          const safe = `${mock} ${emoji} ${joke} — ${warning}`;
          expect(blocked(safe), safe).toBe(false);
          expect(blocked(mock), mock).toBe(true);
        },
      ),
      RUNS,
    );
    expect(blocked('Send me your PIN. Kidding about nothing, I really need it now.')).toBe(true);
  });
});

describe('round 6: requests by reference, description, disclaimer, relay and dialect (generated)', () => {
  it('the SMS mentioned, then its whole content asked for, blocks', () => {
    fc.assert(
      fc.property(
        pick(['You got a message from us a minute ago', 'We just texted you', 'A text from us should have just landed', 'Did our SMS come through?']),
        pick(['paste the whole thing here', 'copy all of it into this chat', 'forward the entire message to me', 'type out the message word for word for me', 'copy everything in it and send it here']),
        (mention, ask) => {
          const reply = `${mention}. ${ask[0]!.toUpperCase()}${ask.slice(1)}.`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      RUNS,
    );
    for (const reply of ['matni ke alan oomad ro copy kon inja paste kon', 'لطفاً پیامک ارسال شده به شما را در این صفحه درج نمایید.', 'الان یه پیام از ما برات اومد، کلشو کپی کن بفرست اینجا']) expect(blocked(reply), reply).toBe(true);
  });

  it('a card described by its face and back blocks', () => {
    fc.assert(
      fc.property(pick(['Read me', 'Send me', 'Type here', 'I need']), pick(['the long number on the front', 'all the numbers on the face of the card', 'the 16 numbers on the front', 'all numbers mentioned on the front side of your debit card']), pick(['and the three little ones on the back', 'plus the 3 on the back', 'and the expiry', '']), (verb, front, back) => {
        const reply = `${verb} ${front} ${back}`.trim();
        expect(blocked(reply), reply).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(pick(['عطني', 'أرسل لي', 'قولي', 'ابعتلي']), pick(['كل الأرقام اللي على وجه البطاقة', 'جميع الأرقام الموجودة على واجهة البطاقة', 'الأرقام اللي على وش الكارت', 'الأرقام اللي قدام البطاقة']), (verb, front) => {
        const reply = `${verb} ${front} والانتهاء`;
        expect(blocked(reply), reply).toBe(true);
      }),
      RUNS,
    );
    expect(blocked('Call the number on the back of your card.')).toBe(false);
  });

  it('a disclaimer, up to three clauses of reassurance, then "send it" blocks', () => {
    fc.assert(
      fc.property(
        pick(['I know we always say never share it', 'I get it, the app says never share it', 'Normally we say never share your code']),
        fc.subarray(["I'm the exception though", "I'm your account manager", 'this is a verified chat'], { maxLength: 2 }),
        pick(['so send it', 'just send it', 'so share it here', 'pop it here', 'go ahead']),
        (disclaimer, reassurance, ask) => {
          const reply = [disclaimer, ...reassurance, ask].join(', ') + '.';
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('a relay to a third party we name blocks; the same third party under a negation allows', () => {
    fc.assert(
      fc.property(
        pick([
          ['موظف البنك راح يتصل بيك، بس', ['كله', 'انطيه'], ['الرقم اللي يجيك بالمسج', 'الرمز اللي يوصلك']],
          ['الموظف هيكلمك دلوقتي،', ['قوله', 'اديله'], ['الكود اللي هيجيلك', 'الأرقام اللي في الرسالة']],
          ['Our agent will call you now, just', ['tell him', 'give him', 'read him'], ['the code that comes by SMS', 'the six digits we text you']],
        ] as const),
        fc.nat(),
        fc.nat(),
        ([call, tells, secrets], i, j) => {
          const reply = `${call} ${tells[i % tells.length]} ${secrets[j % secrets.length]}`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      RUNS,
    );
    expect(blocked('همکارمون زنگ میزنه، کدی که برات میاد رو بهش بگو')).toBe(true);
    expect(blocked('إذا أحد خابرك وكال إنه موظف بنك لا تكله الرقم اللي يجيك بالمسج')).toBe(false);
  });

  it('a national ID and a full name in dialects block', () => {
    fc.assert(
      fc.property(
        pick([
          ['عطيني', 'السمية الكاملة', 'نمرة البطاقة الوطنية'], ['داير منك', 'اسمك كامل', 'الرقم الوطني'], ['ba3atli', 'esmak el kamel', "ra2mak el watani"], ['3tini', 'esmak el tlete', 'ra2m el hawiye'],
          ['لطفاً برایم روان کنین', 'نام مکمل', 'نمبر تذکره'], ['صيفط ليا', 'سميتك الكاملة', 'لاكارط ناسيونال'],
        ] as const),
        fc.boolean(),
        ([verb, name, id], nameFirst) => {
          const [a, b] = nameFirst ? [name, id] : [id, name];
          const joiner = /[a-z]/.test(verb) ? ' w ' : ' و';
          const reply = verb.startsWith('لطفاً') ? `${a} و ${b} خود را ${verb.replace('لطفاً ', '')}` : `${verb} ${a}${joiner}${b}`;
          expect(blocked(reply), reply).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('dialect hand-over verbs block with any secret; under a negation they allow', () => {
    fc.assert(
      fc.property(
        pick([['رسلو لي', 'ما ترسلو لي'], ['روان کو', 'روان نکنین'], ['برایم روان کنید', 'برای هیچ کس روان نکنید'], ['ورّيني', 'ما توريني'], ['Pakisend na po dito', 'Huwag niyo pong i-send dito'], ['ابعتلي ياهن', 'ما تبعتلي ياهن'], ['انطيني', 'لا تنطيني']] as const),
        pick([['الكود الجاك', 'کود را', 'yung OTP'], ['الرمز اللي وصلك بالمسج', 'رمز کارت خود را', 'ang code']] as const),
        ([ask, neg], [ar, fa, tl]) => {
          const secret = /[a-z]/i.test(ask) ? tl : /[پکگی]/.test(ask) || ask.includes('روان') ? fa : ar;
          const order = (v: string) => (secret === fa ? `${secret} ${v}` : /[a-z]/i.test(v) ? `${v} ${secret}` : `${secret} ${v}`);
          expect(blocked(order(ask)), order(ask)).toBe(true);
          expect(blocked(order(neg)), order(neg)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
