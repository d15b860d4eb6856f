/**
 * Round 5 of issue #21: classes the public independent r3 set exposed, composed from parts (never its rows).
 * Inbound: a stranger who reached the customer from a number and claims to be us, a fee someone says is a
 * precondition of a refund or a transfer, a threat that is the price of refusing a demand for a code, a card security
 * code described by where it is printed, a PIN named "الكود السري", and Arabic vowel marks that are not password symbols.
 * Outbound: British/Australian hand-over verbs ("pop the numbers in here"), a card's front and back, Arabizi q spelt
 * 8 or 9, a Latin secret after the Arabic article ("الـ password"), Persian object-first back-references ("همونو کپی کن
 * بفرست اینجا"), and Arabizi scam words in a warning that quotes the scam.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply, inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { findPastedSecrets } from '../../main/core/guard/phishing/pasted-secrets';
import { standInDetectSensitive } from '../helpers/guard';

const strict = resolveGuardPolicy({ companyDomains: ['acme.com'], serviceNeedsOnlyPhoneAndActivationCode: true });
const blocked = (t: string) => evaluateReply(t, 'en', strict, standInDetectSensitive).some((f) => f.verdict === 'block');
const flags = (t: string) => inspectInbound(t, 'en', { policy: strict, detectSensitive: standInDetectSensitive }).flags.map((f) => f.code);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const brand = fc.stringMatching(/^[a-z]{4,8}$/);
const phone = fc.tuple(pick(['+44 7700', '+961 71', '+213 555', '+20 10', '+971 50']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([cc, a, b]) => `${cc} ${a} ${b}`);
const amount = fc.integer({ min: 5, max: 900 });

describe('inbound, round 5 (generated)', () => {
  it('a stranger who reached me from a number and claims to be from a company is a fake number; my own number is not', () => {
    fc.assert(
      fc.property(brand, phone, pick(['messaged me on whatsapp', 'texted me from', 'called me on', 'contacted me on']), pick(['said hes from', 'says he is from', 'claimed to be from']), (name, n, reached, claim) => {
        const msg = `some guy ${reached} ${n} ${claim} the ${name} fraud team. legit?`;
        expect(flags(msg), msg).toContain('fake_number');
        const own = `please call me on ${n} about my ${name} order`;
        expect(flags(own), own).not.toContain('fake_number');
      }),
      { numRuns: 60 },
    );
  });

  it('Arabizi "he says he is from you" in any person and aspect claims to be us', () => {
    fc.assert(
      fc.property(phone, pick(['3am y2elle', 'bi2ol', 'ye2oul', 'bet2oul', 'y2ol']), pick(['eno', 'enno', '']), (n, say, that) => {
        const msg = `wa7ad 3al whatsapp ${n} ${say} ${that} men 3andkon`.replace(/ +/g, ' ');
        expect(flags(msg), msg).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });

  it('a fee someone says must be paid before a refund or a transfer arrives is a scam; a fee the customer paid for a service is not', () => {
    fc.assert(
      fc.property(
        amount,
        pick(['يقولون لازم احول {a} ريال رسوم عشان يرجعون لي المبلغ', 'عم يقول لازم تدفع رسوم {a} دولار لحتى توصلك الحوالة', 'بيقولو لازم تخلص {a} دينار باش تاخو الremboursement', 'goftan bayad {a} hezar toman karmozd bedam ta pulam azad beshe', 'طُلب مني سداد رسوم تحقق قدرها {a} دولاراً لاستلام المبلغ المسترد']),
        (a, frame) => {
          const msg = frame.replace('{a}', String(a));
          expect(flags(msg), msg).toContain('upgrade_fee');
        },
      ),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(amount, pick(['دفعت رسوم التوصيل {a} ريال، متى يوصل الطلب؟', 'I paid the {a} dollar delivery fee, when will my parcel arrive?', 'hazine ersal {a} hezar toman bood, pardakht kardam']), (a, frame) => {
        const msg = frame.replace('{a}', String(a));
        expect(flags(msg), msg).not.toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it('a stranger demanding a code with a threat of closure today is urgency; the customer asking whether the account will close is not', () => {
    fc.assert(
      fc.property(pick(['لازم تعطيني الكود', 'لازم تبعتلي الكود', 'لازم ترسل لي الرمز']), pick(['ولا الكونت يتسكر اليوم', 'ولا الحساب يتقفل اليوم', 'والا حسابك يتجمد الحين']), (demand, threat) => {
        const msg = `واحد بعثلي قال ${demand} ${threat}`;
        expect(flags(msg), msg).toContain('urgency');
      }),
      { numRuns: 30 },
    );
    expect(flags('هل حسابي يتقفل لو ما استخدمته سنة؟')).not.toContain('urgency');
  });

  it('a card security code described by where it is printed, and a PIN named "الكود السري", are pasted secrets; a phone number printed there is not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 999 }),
        pick(['الرقم يلي ورا الكرت', 'الرقم اللي على ظهر البطاقة', 'الأرقام اللي خلف الكارت', 'the 3 digits on the back']),
        (cvv, named) => {
          const msg = `${named} ${cvv} لازم ابعتلكن ياه؟`;
          expect(findPastedSecrets(msg).map((s) => s.type), msg).toContain('CVV');
          const printedPhone = `${named} ${cvv} 123 4567 هو رقمكم الرسمي؟`;
          expect(findPastedSecrets(printedPhone), printedPhone).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), pick(['ديال لاكارط', 'تاع الكارت', 'حق البطاقة', '']), (pin, of) => {
        const msg = `الكود السري ${of} ${pin} ومابغاتش تخدم`.replace(/ +/g, ' ');
        expect(findPastedSecrets(msg).map((s) => s.type), msg).toContain('PIN');
      }),
      { numRuns: 40 },
    );
  });

  it('a word with Arabic vowel marks after "password" is a word, not a password', () => {
    fc.assert(
      fc.property(pick(['أبداً', 'دائماً', 'مطلقاً', 'فوراً', 'أيضاً']), pick(['كلمة المرور', 'الباسورد', 'كلمة السر']), (word, name) => {
        const msg = `موقعكم يقول انكم لا تطلبون ${name} ${word}، صح؟`;
        expect(findPastedSecrets(msg), msg).toEqual([]);
        expect(findPastedSecrets(`${name} ${word}2291#`).length, 'a real one still counts').toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});

describe('outbound, round 5 (generated)', () => {
  it('"pop / chuck / bung the numbers in here" after a text from us asks for the code; popping it into the app yourself does not', () => {
    fc.assert(
      fc.property(
        pick(['Cheers for that.', 'No worries mate.', 'Ta for waiting.', '']),
        pick(["You should've had a text from us a mo ago.", 'We just sent you a text.', 'A text from us should have come through.']),
        pick(['pop', 'chuck', 'bung']),
        pick(['the numbers', 'the code', 'the digits', 'it']),
        pick(['in here', 'in the chat', 'here']),
        (opener, text, verb, what, where) => {
          const msg = `${opener} ${text} Could you ${verb} ${what} ${where} pls`.trim();
          expect(blocked(msg), msg).toBe(true);
          const own = `${opener} ${text} Just ${verb} the code into the app yourself.`.trim();
          expect(blocked(own), own).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a picture of the front and back of the card asks for it; a warning against sending one does not', () => {
    fc.assert(
      fc.property(pick(['snap', 'take']), pick(['photo', 'picture', 'pic']), pick(['front and back', 'back and front']), pick(['attach it here', 'send it to us', 'upload it in this chat']), (verb, pic, sides, hand) => {
        const msg = `Could you ${verb} a ${pic} of the ${sides} of your card and ${hand}?`;
        expect(blocked(msg), msg).toBe(true);
        const warning = `Never send a ${pic} of the ${sides} of your card to anyone.`;
        expect(blocked(warning), warning).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('Arabizi spells q as 8 or 9: "ra8m el hawiya" is the ID number', () => {
    fc.assert(
      fc.property(pick(['3teni', 'eb3atli', 'ab3atli']), pick(['ra8m', 'ra9m', 'ra8am', 'ra2m', 'raqam']), pick(['el hawiya', 'el hawiyya', 'el watani']), (verb, num, id) => {
        const msg = `${verb} ${num} ${id} law sama7t`;
        expect(blocked(msg), msg).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('a Latin secret after the Arabic article ("الـ password") is the secret: asked, it blocks; warned about, it does not', () => {
    fc.assert(
      fc.property(pick(['ايش', 'شو', 'وش']), pick(['الـ password', 'الـ otp', 'الـ code', 'ال password']), pick(['حقك', 'تبعك', '']), (q, secret, yours) => {
        const msg = `${q} ${secret} ${yours}؟`.replace(/ +/g, ' ');
        expect(blocked(msg), msg).toBe(true);
        const warning = `لا تعطي ${secret} لأي أحد`;
        expect(blocked(warning), warning).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('Persian object-first: a message from us, then "همونو (کپی کن) بفرست اینجا" asks for it; deleting it does not', () => {
    fc.assert(
      fc.property(
        pick([
          ['یه پیام از طرف ما برات اومد؟', 'همونو', 'کپی کن', 'بفرست اینجا', 'همونو پاک کن'],
          ['یه اس ام اس از ما براتون اومد؟', 'همون رو', 'کپی کنید', 'بفرستید اینجا', 'همون رو پاک کنید'],
          ['ye payam az ma umad?', 'hamoono', 'copy kon', 'befrest inja', 'hamoono pak kon'],
        ] as const),
        fc.boolean(),
        ([message, it, copy, send, erase], withCopy) => {
          const msg = `${message} ${withCopy ? `${it} ${copy}` : it} ${send}`;
          expect(blocked(msg), msg).toBe(true);
          const safe = `${message} ${erase}`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('tune-19 classes: "the card\'s long number", a Persian code "SMSed" to the reader, Levantine Arabizi -o as "it"', () => {
    fc.assert(
      fc.property(pick(['whack', 'pop', 'send', 'type']), pick(["the card's long number", "your card's full number", 'the cards 16 digit number']), pick(['in here', 'to me', 'in this chat']), (verb, what, where) => {
        const msg = `Could you ${verb} ${what} ${where}?`;
        expect(blocked(msg), msg).toBe(true);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(pick(['کدی', 'رمزی', 'عددی']), pick(['همین الان', 'چند دقیقه پیش', '']), pick(['برات اس ام اس شد', 'براتون پیامک شد']), pick(['چیه؟ بگو بهم', 'چی بود؟']), (code, when, sent, ask) => {
        const msg = `${code} که ${when} ${sent} ${ask}`.replace(/ +/g, ' ');
        expect(blocked(msg), msg).toBe(true);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(pick(['ba3atnalak code hala2', 'wasalak code', 'ejak code']), pick(['ba3to', 'ba3tu', 'ib3ato', 'b3ato']), pick(['la hon', 'la 3ende', 'hon']), (first, verb, where) => {
        const msg = `${first}, ${verb} ${where} law sama7t`;
        expect(blocked(msg), msg).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("a warning that quotes a scam's Arabizi words and calls it na9b / nasb asks for nothing", () => {
    fc.assert(
      fc.property(pick(["'ib3at el code 3shan el 7esab'", "'eb3atli el otp'", "'2olli el code'"]), pick(['na9b', 'nasb', 'na9ab']), pick(['msh menna', 'mesh menna', '']), (quote, scam, notUs) => {
        const msg = `el msg elly bt2olak ${quote} dih ${scam}${notUs ? `, ${notUs}` : ''}`;
        expect(blocked(msg), msg).toBe(false);
      }),
      { numRuns: 30 },
    );
  });
});
