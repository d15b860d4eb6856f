/**
 * Round 11 of issue #21: the classes of the r8 blind round, composed from parts, each beside a safe counterpart built
 * from the same parts (so no property passes by blocking, or flagging, everything).
 * Outbound misses: the secret as the writer's condition ("I can't go on without …", "منوط به ارسال …", "I'm waiting for
 * …"); a terse "code from sms?"; Hinglish "woh bata dijiye", Tehrani "همینجا بذار"; the login secret described by the
 * act ("what you type when you log in"); Singapore NRIC. Outbound false blocks: "no member of our staff is authorised to
 * request …". Inbound: a stranger's deadline on moving the money, a password stated by "it was", a social handle
 * dressed as the company's, a social account claiming to be us, a fee named for what it unlocks; a listed brand's
 * misspelling in a sender's address.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveGuardPolicy } from '../../main/core/guard';
import { blocked, flags, lowerName, pick, RUNS } from '../helpers/guard-rounds';

const name = lowerName();

describe('round 11, outbound by structure (generated)', () => {
  it('the secret as our condition blocks, in English, Arabic and Persian; the reader\'s own inability or the app allows', () => {
    fc.assert(
      fc.property(
        pick(['one-time code', 'verification code', 'OTP', 'PIN', 'password']),
        pick(["I can't go on without", 'We are unable to proceed until we have', 'Unfortunately I cannot continue without', 'Completion of your request is contingent upon receipt of', "I'm still waiting for you to send"]),
        pick(['', ' that was sent to you', ' from the SMS']),
        (secret, cond, tail) => {
          const ask = `${cond} the ${secret}${tail}.`;
          expect(blocked(ask), ask).toBe(true);
          for (const safe of [`You can't log in without the ${secret}${tail}, so type it in the app yourself.`, `I can't see the ${secret}${tail} and I never need it; please don't send it, enter it in the app yourself.`]) expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
    for (const t of ['ما اقدر اكمل بدون الرمز اللي وصلك', 'لا يمكن إتمام الطلب إلا بعد استلام رمز التحقق منك', 'تا کد تایید رو ندی نمی‌تونم کاری بکنم', 'ادامه کار منوط به ارسال رمز پیامکی است']) expect(blocked(t), t).toBe(true);
    for (const t of ['بدون الرمز ما تقدر تدخل، دخله بنفسك في التطبيق', 'تا کد تایید رو وارد نکنی نمی‌تونی وارد حسابت بشی']) expect(blocked(t), t).toBe(false);
  });

  it('a terse question naming only the secret and where it came from blocks; the same words then a warning allow', () => {
    fc.assert(
      fc.property(pick(['code', 'otp', 'pin', 'password']), pick(['', ' from sms', ' from the text', ' in the message']), (secret, from) => {
        expect(blocked(`${secret}${from}?`), `${secret}${from}?`).toBe(true);
        const safe = `${secret}${from}? Never share it with anyone, type it in the app yourself.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('Hinglish and Tehrani hand-over verbs block; their negations and the app allow', () => {
    fc.assert(
      fc.property(pick(['OTP', 'code', 'PIN']), pick(['bata dijiye', 'batao', 'likh dijiye', 'bhej dijiye']), (secret, verb) => {
        const ask = `${secret} aaya hoga aapke phone pe, woh ${verb}`;
        expect(blocked(ask), ask).toBe(true);
        const safe = `${secret} aaya hoga, woh app mein daal dijiye, humein mat ${verb.split(' ')[0]}iye`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
    for (const t of ['کد پیامکی رو همینجا بذار', 'کد تایید رو بزار تو چت']) expect(blocked(t), t).toBe(true);
    expect(blocked('یه رمز جدید بذار که فقط خودت بدونی، به هیچکس نگو')).toBe(false);
  });

  it('the login secret described by the act blocks; the same description under "never" allows', () => {
    fc.assert(
      fc.property(pick(['Send me', 'Please share', 'Tell me']), pick(['type', 'enter', 'use']), pick(['log in', 'sign in', 'log into the app']), (ask, verb, act) => {
        const t = `${ask} what you ${verb} when you ${act}.`;
        expect(blocked(t), t).toBe(true);
        const safe = `Never share what you ${verb} when you ${act}, not even with us.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('"no member of our staff is authorised to request …" allows; the same staff asked to be given the secret blocks', () => {
    fc.assert(
      fc.property(pick(['member of our staff', 'employee of ours', 'agent', 'representative']), pick(['authorised', 'authorized', 'permitted', 'allowed']), pick(['password', 'one-time passcode', 'PIN', 'card security code']), (who, may, secret) => {
        const safe = `No ${who} is ${may} to request your ${secret}.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `Please give your ${secret} to our ${who.split(' ').pop()} when he calls.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });

  it('an NRIC number is held (blocked, approvable) under the bench policy', () => {
    for (const t of ['Can share your NRIC number?', 'Pls send NRIC and full name as per IC']) expect(blocked(t), t).toBe(true);
  });
});

describe('round 11, inbound by structure (generated)', () => {
  it("a stranger's deadline on moving the money is urgency; the customer's own deadline is not", () => {
    fc.assert(
      fc.property(
        pick(['A man called saying he was police', 'Someone keeps demanding', 'A caller claiming to be a lawyer said']),
        pick(['within 20 minutes', 'before 3 pm today', '30 minutes to']),
        pick(['move my whole balance to a new account', 'transfer the money to another account', 'send the money to the account they named']),
        pick(['or they would arrest me', "or he'll complain to the central bank", 'or face legal action']),
        (who, when, move, threat) => {
          const t = `${who} I had to ${move} ${when} ${threat}.`.replace('30 minutes to I had to', 'I had 30 minutes to');
          expect(flags(t), t).toContain('urgency');
        },
      ),
      RUNS,
    );
    for (const t of ['I need my money back before the end of the month or I will close my account.', 'I called the official number on the back of my card and got cut off. Please unfreeze my card.', 'WHY IS MY TRANSFER STILL PENDING? THIS IS THE THIRD TIME I WRITE.']) expect(flags(t), t).toEqual([]);
  });

  it('a password stated by "it was" in a message that names the password is a secret; a plain word is not', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: 10, max: 9999 }), pick(['!', '#', '@', '']), (w, n, sym) => {
        const value = `${w[0]!.toUpperCase()}${w.slice(1)}${n}${sym}`;
        const t = `it was ${value} and now it says wrong password`;
        expect(flags(t), t).toContain('secret');
        const plain = `it was ${w} yesterday and now it says wrong password`;
        expect(flags(plain), plain).not.toContain('secret');
      }),
      RUNS,
    );
  });

  it('a social handle dressing a name up as the company is a look-alike; a plain handle or the customer\'s own is not', () => {
    fc.assert(
      fc.property(name, pick(['.pay.support', '.care', '_ksa_gifts', '.iran.official', '_helpdesk_ng', '.support.ksa']), pick(['@', '']), (n, dress, at) => {
        // (a handle with a support word is already the fake-support rule's `fake_handle`; either names the account)
        const t = `An account called ${at}${n}${dress} messaged me on Instagram, is it yours?`;
        expect(flags(t).some((f) => f === 'lookalike' || f === 'fake_handle'), t).toBe(true);
        for (const safe of [`An account called @${n} messaged me on Instagram, is it yours?`, `my username is ${n}${dress}, I cannot log in`]) expect(flags(safe), safe).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a social account claiming to be the company is a fake contact; asking which page is ours is not', () => {
    expect(flags('An Instagram account claiming to be your official support asked me to call them')).toContain('fake_number');
    expect(flags('Is your Instagram page the official one? I want to follow it.')).toEqual([]);
  });

  it('a fee named for what it unlocks is an upgrade fee; an ordinary fee complaint is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 900 }), pick(["frais de déblocage", 'unlock fee', 'unblocking fee']), (n, fee) => {
        const t = `j'ai payé ${n} dh '${fee}' et toujours rien`;
        expect(flags(t), t).toContain('upgrade_fee');
        const safe = `I paid the annual card fee of ${n} dh but it was charged twice.`;
        expect(flags(safe), safe).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a listed brand's misspelling in a sender's address is a look-alike (with brandNames; without them nothing names the brand)", () => {
    const withBrand = resolveGuardPolicy({ brandNames: ['halapay'] });
    expect(flags('I received a mail from help@havapay.com saying my wallet is suspended', withBrand)).toContain('lookalike');
    expect(flags('I received a mail from help@havapay.com saying my wallet is suspended')).not.toContain('lookalike');
  });
});
