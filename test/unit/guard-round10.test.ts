/**
 * Round 10 of issue #21: the classes of the sixth blind round, composed from parts, each beside a safe counterpart
 * built from the same parts (so no property passes by blocking, or flagging, everything).
 * Outbound misses: a card's security code by its size and place; a photo of the card's two sides; an ID number with the
 * full name (Yemeni "اشتي منك"); digits that will reach the reader, sent back ("دزهن إلي", Persian "copy … اینجا paste");
 * a password asked as a question about what it opens; a code handed to a courier we name.
 * Outbound false blocks: "nobody here asks" (محد), "tell me once done", a negated verb whose list of secrets goes on
 * after a comma, a field's label, numbered steps and "resend the code", Finglish "the last 4 digits".
 * Inbound: a name in front of a registrable name made of dress words, a country code inside a name, a short random
 * host and key, a fee the message itself makes due, "call <number> to …", a secret taken from the customer, a legal
 * threat or a prize's deadline; and the customer's own restriction, fee or number stays unflagged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';
import { blocked, flags, lowerName, noPolicy, pick, RUNS } from '../helpers/guard-rounds';

const name = lowerName();
const Brand = name.map((b) => b[0]!.toUpperCase() + b.slice(1));
const mobile = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `05${n}`);

describe('round 10, outbound requests by structure (generated)', () => {
  it("a card's security code by its size and place, asked or as a question; the same words in a warning allow", () => {
    fc.assert(
      fc.property(
        pick(['Could you confirm', 'Kindly share', 'Please tell me', 'Pakibigay po']),
        pick([['three-digit', 'security value'], ['3-digit', 'number'], ['small 3-digit', 'code'], ['3', 'digits'], ['three', 'numbers']] as const),
        pick(['printed on the reverse of the card', 'on the back of your card', 'sa likod ng card', 'behind your card', 'next to the signature strip']),
        (ask, [size, noun], place) => {
          const thing = `the ${size} ${noun} ${place}`;
          for (const t of [`${ask} ${thing}.`, `What is ${thing}?`, `Abeg turn your card, wetin be ${thing}?`]) expect(blocked(t), t).toBe(true);
          const safe = `Never give ${thing} to anyone, not even to us.`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it("a photo of the card's two sides blocks; saying we do not need one allows", () => {
    fc.assert(
      fc.property(
        pick(['photo', 'photograph', 'picture', 'scan']),
        pick([['front', 'reverse'], ['front', 'back'], ['back', 'front']] as const),
        pick(['card', 'debit card', 'bank card']),
        (photo, [a, b], card) => {
          const ask = `Please attach a clear ${photo} of the ${a} and ${b} of your ${card}.`;
          expect(blocked(ask), ask).toBe(true);
          const safe = `We do not need a ${photo} of the ${a} and ${b} of your ${card}; a screenshot of the error is enough.`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
    for (const [ask, safe] of [
      ['صوّر البطاقة من الجهتين وابعتلي الصورة', 'ما بدنا صورة البطاقة من الجهتين، بس صورة الإيصال'],
      ['momken tesawar el card mn el na7yteen w tb3tha', 'mesh me7tageen sora lel card, ab3atli sora lel error bas'],
      ['sifet lina tswira dyal la carte recto verso', 'ma tsifet lina hta tswira dyal la carte, ghir screenshot dyal l erreur'],
    ] as const) {
      expect(blocked(ask), ask).toBe(true);
      expect(blocked(safe), safe).toBe(false);
    }
  });

  it('a national ID number and a full name, asked together or alone, are held; saying they are not needed allows', () => {
    fc.assert(
      fc.property(
        pick(['اشتي منك', 'ارسل لنا', 'رسل لينا', 'ابعتلي']),
        pick(['اسمك الرباعي', 'اسمك الكامل', 'رقم البطاقة الشخصية', 'صورة البطاقة القومية']),
        pick(['', ' ورقم البطاقة الشخصية', ' واسمك الكامل']),
        (ask, first, second) => {
          const t = `${ask} ${first}${second}`;
          expect(blocked(t), t).toBe(true);
          const safe = `ما نحتاج ${first}${second}، رقم الجوال يكفي`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('digits that will reach the reader, sent or typed back, block; typed into the app by the reader, allow', () => {
    fc.assert(
      fc.property(
        pick([
          ['راح توصلك رسالة بيها ست أرقام،', 'دزهن إلي', 'دخلهن بالتطبيق بنفسك وما تدزهن لأحد'],
          ['رح يوصلك مسج فيه ٦ أرقام،', 'ابعتلي ياهن', 'حطهن بالتطبيق وما تبعتهن لحدا'],
          ['وقتی code اومد', 'copy کنید و اینجا paste کنید', 'توی اپ واردش کنید و به هیچ‌کس نگید'],
          ['اگه کد اومد', 'کپی کنید و اینجا بفرستید', 'فقط توی برنامه واردش کنید'],
          ["You'll get an SMS soon,", 'just reply me the numbers inside can?', "type the numbers inside into the app yourself, don't send them here"],
        ] as const),
        ([event, ask, safe]) => {
          expect(blocked(`${event} ${ask}`), ask).toBe(true);
          expect(blocked(`${event} ${safe}`), safe).toBe(false);
        },
      ),
      RUNS,
    );
    expect(blocked('يرجى الرد على هذه الرسالة بالرمز المذكور')).toBe(true);
    expect(blocked('فرستادم براتون. رسید؟ چی میگه؟')).toBe(true);
  });

  it('a password asked as a question about what it opens blocks; changing it allows', () => {
    fc.assert(
      fc.property(pick(['password', 'passcode', 'memorable passcode']), pick(['log into', 'sign in to']), pick(['the app', 'online banking', 'your account']), (pw, login, place) => {
        const ask = `What's the ${pw} you use to ${login} ${place}?`;
        expect(blocked(ask), ask).toBe(true);
        const safe = `Please change the ${pw} you use to ${login} ${place} if you think someone knows it.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
  });

  it('a code handed to a courier we name blocks; the courier who never asks allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), pick([
        ['el mandoob hayegi el sa3a', 'edilo el code elly hayewsalak', 'howa msh hayetlob code, ma tedilosh 7aga'],
        ['المندوب رح يجيك الساعة', 'اعطيه الكود اللي بيوصلك عالموبايل', 'هو ما رح يطلب منك كود، لا تعطيه شي'],
        ['The courier will be there at', 'give him the code you get by text', "he will never ask for a code; if he does, don't give it"],
      ] as const), (h, [come, ask, safe]) => {
        expect(blocked(`${come} ${h}, ${ask}`), ask).toBe(true);
        expect(blocked(`${come} ${h}. ${safe}`), safe).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('round 10, outbound safe replies by structure (generated)', () => {
  it('"tell me once done" and a following "don\'t tell me the code" allow; "tell me the code" blocks', () => {
    fc.assert(
      fc.property(pick(['once', 'when', "when it's", 'once it is']), pick(['code', 'OTP', 'verification code']), (once, code) => {
        const safe = `Enter the ${code} in the app and tell me ${once} done. Don't tell me the ${code}.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `Enter the ${code} in the app, then tell me the ${code}.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });

  it('a negated verb whose secrets go on after a comma allows; the same list asked for blocks', () => {
    fc.assert(
      fc.property(pick(['disclose', 'share', 'send', 'post']), pick(['card number', 'PIN', 'password']), pick(['PIN or one-time passcode', 'CVV or OTP', 'password or PIN']), (verb, first, rest) => {
        const safe = `Please do not ${verb} your ${first}, ${rest} here; kindly provide the transaction reference number.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `Please ${verb} your ${first}, ${rest} here.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
    expect(blocked('محد منا يطلب منك الرمز السري أبداً، اذا واحد اتصل وطلبه سكر الخط')).toBe(false);
    expect(blocked('عطني الرمز السري')).toBe(true);
  });

  it("a field's label and numbered steps that resend and enter the code allow; a step that sends it to us blocks", () => {
    fc.assert(
      fc.property(pick(['كود التحقق', 'رمز التحقق', 'الرمز']), pick(['الخانة', 'المربع']), (label, box) => {
        const safe = `دخله في الابلكيشن في ${box} اللي مكتوب عليها ${label} وقولي لو ظهر أي خطأ`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `دخله في الابلكيشن وقولي ${label}`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
    for (const [safe, ask] of [
      ['١- اضغط على إعادة إرسال الرمز ٢- أدخل الرمز في الخانة ٣- لا ترسل الرمز لأي شخص', '١- اضغط على إعادة إرسال الرمز ٢- أرسل الرمز هنا'],
      ['1- Tap resend code 2- Enter the code in the field 3- Never send the code to anyone', '1- Tap resend code 2- Send the code here'],
    ] as const) {
      expect(blocked(safe), safe).toBe(false);
      expect(blocked(ask), ask).toBe(true);
    }
  });

  it('Finglish "the last 4 digits" of the card allows; the whole card number blocks', () => {
    fc.assert(
      fc.property(pick(['raghame', 'raqame', 'ragham']), pick(['akhare', 'akhar', 'akhere']), pick(['benevisid', 'befrestid']), (digits, last, verb) => {
        const safe = `faghat 4 ${digits} ${last} shomare kartetoon ro ${verb}`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `shomare kamele kartetoon ro ${verb}`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('round 10, inbound by structure (generated)', () => {
  it('a name in front of dress words, or with a country code inside, is a look-alike; the bare name is not', () => {
    fc.assert(
      fc.property(name, pick(['sa', 'sd', 'jo', 'ng', 'ksa', 'eg']), pick(['verify-services', 'net-login', 'delivery-confirm', 'secure-update']), pick(['com', 'info', 'net']), (brand, cc, dress, tld) => {
        for (const link of [`${brand}-${cc}.${dress}.${tld}`, `${brand}-${cc}-orders.com`, `${brand}-${cc}-bvnupdate.com`, `${brand}-reactivate.ae.co`, `${brand}-rewardz.com`]) {
          const t = `I got this link: https://${link}/login is it yours?`;
          expect(flags(t), t).toContain('lookalike');
        }
        const plain = `I got this link: https://www.${brand}.${tld}/help is it yours?`;
        expect(flags(plain), plain).not.toContain('lookalike');
      }),
      RUNS,
    );
  });

  it('a short random host with a short random key is a shortener; the same host with a page path is not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2}[0-9]$/), fc.stringMatching(/^[a-z][0-9][A-Za-z]?$/), pick(['ir', 'co', 'io']), (host, key, tld) => {
        const t = `the SMS said open https://${host}.${tld}/${key} to get your gift`;
        expect(flags(t), t).toContain('shortener');
        const page = `the SMS said open https://${host}.${tld}/about to read more`;
        expect(flags(page), page).not.toContain('shortener');
      }),
      RUNS,
    );
  });

  it('a fee the message makes due, or someone makes the price of a parcel or a wallet, is a scam; a question about a fee is not', () => {
    fc.assert(
      fc.property(Brand, fc.integer({ min: 2, max: 900 }), (brand, n) => {
        for (const t of [
          `You won a ${brand} prize! A processing fee applies to claim it.`,
          `The courier texted that a redelivery charge of ${n} must be paid before they come again`,
          `قالولي الطرد تاعك واقف خلص ${n} دج عبر بريدي موب باش يوصلك`,
          `2alouli lazem edfa3 ta2meen ${n} dollar 3ashan yfokko el wallet`,
        ]) expect(flags(t), t).toContain('upgrade_fee');
        for (const t of [`What is the annual ${brand} card renewal fee?`, `Why is there an upgrade fee of ${n} on my bill? I never asked for an upgrade.`]) expect(flags(t), t).not.toContain('upgrade_fee');
      }),
      RUNS,
    );
  });

  it('a number the message says to call, or a caller claiming a company, is a fake number; the customer checking our number is not', () => {
    fc.assert(
      fc.property(Brand, mobile, (brand, num) => {
        for (const t of [
          `The SMS says: you won the ${brand} lottery, call ${num} to claim`,
          `kay3ayto lia mn ${num} w kaygolo rahom mn ${brand}`,
          `Maine SMS mein aaye number ${num} pe call kiya`,
          `a guy left his number ${num} and said call me when you wake up, he's from the ${brand} bank`,
          `the courier said to whatsapp him on ${num} for the delivery fee`,
        ]) expect(flags(t), t).toContain('fake_number');
        for (const t of [`is ${num} your official customer-care number? I found it on your website`, `my account is restricted since Monday, you can call me on my number ${num}`]) expect(flags(t), t).not.toContain('fake_number');
      }),
      RUNS,
    );
  });

  it('a secret someone took from the customer is flagged; the same words about the ATM or a refusal are not', () => {
    for (const t of ['3titom l code li ja f SMS', 'خبرته الرمز اللي اجاني بالمسج', 'کد تأیید رو ازم گرفت', 'he took my card number and expiry', 'I entered my details including my PIN on that site', 'el password el gdeed beta3y Sara@2024!']) {
      expect(flags(t), t).toContain('secret');
    }
    for (const t of ['I entered my PIN at the ATM and it worked', 'کد تأیید رو به کسی ندادم', 'he asked for my card number but I refused']) {
      expect(flags(t), t).not.toContain('secret');
    }
  });

  it('a threat with a deadline (a warrant, a cut line, a prize that expires today) is urgency; the customer telling of their own block is not', () => {
    fc.assert(
      fc.property(Brand, fc.integer({ min: 1, max: 23 }), (brand, h) => {
        for (const t of [
          `ابلاغیه: ظرف ${h} ساعت مراجعه کنید در غیر این صورت حکم جلب صادر می‌شود`,
          `payamak oomade khatet ta ${h} saat dige ghat mishe`,
          `Claim your ${brand} reward before ${h}pm TODAY`,
          `Message reçu: coupure prévue demain, payez maintenant`,
        ]) expect(flags(t), t).toContain('urgency');
        for (const t of [
          'khatam vaghean block shode bood chon madarekamo update nakarde boodam, alan kardam, key baz mishe?',
          `my ${brand} account is suspended since yesterday, the branch said update my ID, I did, when will it work?`,
        ]) expect(flags(t), t).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('round 10, secrets said in words (generated)', () => {
  const WORDS = {
    en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    ar: ['صفر', 'واحد', 'اتنين', 'تلاتة', 'اربعة', 'خمسة', 'ستة', 'سبعة', 'تمانية', 'تسعة'],
    fa: ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'],
  } as const;
  it("a voice note's PIN or card number in digit words after its name is masked; a count in words is not a secret", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }), (ds) => {
        const say = (lang: keyof typeof WORDS, n: number) => ds.slice(0, n).map((d) => WORDS[lang][d]).join(' ');
        for (const t of [
          `(voice note) my pin is ${say('en', 4)}, can you check why it fails`,
          `(voice note) so my card number is ${say('en', 16)} and it was declined`,
          `(فويس) الرقم السري بتاعي ${say('ar', 4)} ومش شغال`,
          `(ویس) رمز کارتم ${say('fa', 4)} هست ولی قبول نمی‌کنه`,
        ]) {
          const got = inspectInbound(t, 'en', { policy: noPolicy, detectSensitive });
          expect(got.flags.map((f) => f.code), t).toContain('secret');
          expect(got.maskedText, t).not.toContain(say(t.includes('پ') || /[یک]/u.test(t) ? 'fa' : /[\u0600-\u06ff]/u.test(t) ? 'ar' : 'en', 4));
        }
        for (const t of ['my pin is not working for two days', 'I have two cards, one of them is blocked', 'الرقم السري مش شغال من يومين']) expect(flags(t), t).toEqual([]);
      }),
      RUNS,
    );
  });
});
