/**
 * Round 12 of issue #21: the classes of the blind set scored after round 11, composed from parts, each beside a safe
 * counterpart built from the same parts (so no property passes by blocking, or flagging, everything).
 * Outbound misses: a demand phrased as our condition ("nothing I can do until you send …", "تا … ندی کاری از دستم
 * برنمیاد", "مش هعرف … غير لما"); Sudanese/Gulf "give us" (ادينا / عطنا) with رقمك الوطني, Finglish "shomare meli";
 * a temporary password set and handed back; a photo of an identity card; a code told to a colleague who will call.
 * Outbound false blocks: advice after a secret was sent by mistake. Inbound: a deadline and what is lost after it, a
 * last warning, a page named like one of our desks, a claim by copula ("saying it is …"), a name in look-alike
 * letters (punycode), a country code in front of dress words, a card's photo handed over, a password after "وهو",
 * French "frais d'activation".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../main/core/guard';
import { standInDetectSensitive } from '../helpers/guard';
import { blocked, flags, lowerName, pick, RUNS, strict } from '../helpers/guard-rounds';

const name = lowerName(5);
const Brand = (n: string) => n[0]!.toUpperCase() + n.slice(1);

describe('round 12, outbound by structure (generated)', () => {
  it('a demand phrased as our condition blocks; the same condition on something harmless allows', () => {
    fc.assert(
      fc.property(
        pick(['verification code', 'code', 'OTP', 'PIN', 'password']),
        pick(['There is nothing I can do until you send me', "Nothing I can do for you until you forward me", "I can't do anything for you until you give me"]),
        (secret, cond) => {
          const ask = `${cond} the ${secret}.`;
          expect(blocked(ask), ask).toBe(true);
          const safe = `${cond.replace(/ (?:send|forward|give) me$/, ' update')} the app to the latest version.`;
          expect(blocked(safe), safe).toBe(false);
        },
      ),
      RUNS,
    );
    for (const t of ['تا رمز رو ندی کاری از دستم برنمیاد', 'تا زمانی که کد تأیید را ارسال نکنید، هیچ اقدامی از دست ما برنمی‌آید.', 'مش هعرف أعملك حاجة غير لما تبعتلي الكود', 'ما فيني كفي الطلب إلا لما تعطيني الرمز']) expect(blocked(t), t).toBe(true);
    for (const t of ['تا کد رو خودت تو اپ وارد نکنی کاری از دستم برنمیاد', 'مش هعرف أعملك حاجة غير لما تحدث التطبيق']) expect(blocked(t), t).toBe(false);
  });

  it('"give us" verbs with a national ID, and Finglish national number and full name, block; an order number allows', () => {
    fc.assert(
      fc.property(pick(['ادينا', 'عطنا', 'عطني', 'اديني']), pick(['رقمك الوطني', 'الرقم الوطني بتاعك', 'رقمك القومي']), pick(['', ' لو سمحت', ' عشان نكمل']), (verb, id, tail) => {
        expect(blocked(`${verb} ${id}${tail}`), `${verb} ${id}${tail}`).toBe(true);
        expect(blocked(`${verb} رقم الطلب${tail}`), `${verb} رقم الطلب${tail}`).toBe(false);
      }),
      RUNS,
    );
    for (const t of ['shomare meli va esme kamelet ro befres', 'code meli ro befrestin', 'esme kamel va shomare melli ro benevisid']) expect(blocked(t), t).toBe(true);
    expect(blocked('shomare sefaresh ro befrestid lotfan')).toBe(false);
  });

  it('a temporary password set and handed back blocks; set and kept to oneself allows', () => {
    fc.assert(
      fc.property(
        pick(['Reset your password to something temporary', 'Please set a temporary password', 'Change your password to a temp one']),
        pick(['and send me what you set it to', 'then tell me what it is', 'and share it with me here']),
        (set, back) => {
          expect(blocked(`${set} ${back}.`), `${set} ${back}.`).toBe(true);
          expect(blocked(`${set} and keep it to yourself.`), `${set} and keep it to yourself.`).toBe(false);
        },
      ),
      RUNS,
    );
    for (const t of ['غير الباسورد لحاجة مؤقتة وابعتهالي', 'رمزتو عوض کن یه چیز موقت بذار بعد بهم بگو چی گذاشتی']) expect(blocked(t), t).toBe(true);
    expect(blocked('غير الباسورد لحاجة مؤقتة وما تقولها لحد')).toBe(false);
  });

  it('a photo of an identity card blocks as a national ID; a photo of a parcel allows', () => {
    fc.assert(
      fc.property(pick(['Send', 'Please send', 'Kindly share']), pick(['a photo', 'a clear picture', 'a scan']), pick(['your national ID card', 'the front of your national ID card', 'your ID card', 'your passport']), (verb, photo, doc) => {
        const ask = `${verb} ${photo} of ${doc} so the number is visible.`;
        expect(evaluateReply(ask, 'en', strict, standInDetectSensitive).some((f) => f.code === 'asks_national_id'), ask).toBe(true);
        const safe = `${verb} ${photo} of the damaged parcel so the label is visible.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
    expect(blocked('از روی کارت ملیت یه عکس بگیر که شماره‌ش معلوم باشه و بفرست')).toBe(true);
  });

  it('a code told to the colleague who will call blocks; told never to tell him allows', () => {
    fc.assert(
      fc.property(pick(['six-digit code', 'code', 'OTP']), pick(['the employee', 'our agent', 'my colleague']), (secret, who) => {
        const ask = `You will receive a ${secret}; tell it to ${who} when he calls you.`;
        expect(blocked(ask), ask).toBe(true);
        const safe = `You will receive a ${secret}; ${who} will never ask for it when he calls you, so keep it to yourself.`;
        expect(blocked(safe), safe).toBe(false);
      }),
      RUNS,
    );
    for (const t of ['ye code baratun miad, vaghti hamkaram zang zad behesh begid', 'یه کد برات میاد، وقتی همکارم زنگ زد بهش بگو', 'هيجيلك كود من ٦ أرقام، قوله للموظف لما يكلمك']) expect(blocked(t), t).toBe(true);
  });

  it('advice after a secret sent by mistake allows; the same words as a present request block', () => {
    fc.assert(
      fc.property(pick(['password', 'PIN', 'code']), pick(['by mistake', 'earlier by mistake', 'before']), (secret, when) => {
        const safe = `If you sent me your ${secret} ${when}, change it now.`;
        expect(blocked(safe), safe).toBe(false);
        const ask = `Send me your ${secret} now.`;
        expect(blocked(ask), ask).toBe(true);
      }),
      RUNS,
    );
    for (const t of ['إذا أرسلت لنا كلمة المرور سابقاً عن طريق الخطأ، فقم بتغييرها الآن.', 'اگه قبلاً رمزت رو اشتباهی برای کسی فرستادی، همین الان عوضش کن']) expect(blocked(t), t).toBe(false);
  });
});

describe('round 12, inbound by structure (generated)', () => {
  it('a deadline and what is lost after it is urgency; the customer\'s own deadline is not', () => {
    fc.assert(
      fc.property(
        pick(['within 2 hours', 'before 5pm today', 'in the next 30 minutes', 'within 48h']),
        pick(['otherwise the prize goes to the next winner', 'or your account will be suspended', 'to keep your account active']),
        pick(['Claim your reward', 'Verify your wallet', 'Update your details']),
        (span, loss, act) => {
          const scam = `${act} ${span}, ${loss}`;
          expect(flags(scam), scam).toContain('urgency');
          const own = `My order was supposed to arrive ${span}, can you check?`;
          expect(flags(own), own).toEqual([]);
        },
      ),
      RUNS,
    );
    for (const t of ['بعتولي إن لازم أفعل الحساب قبل نص الليل وإلا هيتقفل', 'نوشته ظرف ۲ ساعت اطلاعاتتو تکمیل کن وگرنه حسابت بسته میشه', 'LAST WARNING: verify your wallet in the next 30 minutes', 'The link expires in 1 hour, they said to hurry']) expect(flags(t), t).toContain('urgency');
    for (const t of ['I have to leave within 2 hours, otherwise I\'ll call tomorrow about my order', 'عندي موعد خلال ساعتين وأبي أعرف وين وصلت الشحنة']) expect(flags(t), t).toEqual([]);
  });

  it('a page named like a desk that reached the customer, or a number whose sender says it is a brand, is a fake contact', () => {
    fc.assert(
      fc.property(name, pick(['Refunds Center', 'Support Team', 'Help Desk']), fc.integer({ min: 1000000, max: 9999999 }), (n, desk, num) => {
        const page = `A page called ${Brand(n)} ${desk} contacted me on Facebook`;
        expect(flags(page), page).toContain('fake_number');
        const said = `I got a message from number 0100${num} saying it is ${Brand(n)}`;
        expect(flags(said), said).toContain('fake_number');
        const ordinary = `I saw the ${Brand(n)} ${desk} page, is the offer real?`;
        expect(flags(ordinary), ordinary).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a name in look-alike letters, or a name and a country code in front of dress words, is a look-alike', () => {
    fc.assert(
      fc.property(name, pick(['ir', 'eg', 'sa']), pick(['verify-account', 'secure-login', 'account-update']), (n, cc, dress) => {
        const host = `${n}.${cc}.${dress}.com`;
        expect(flags(`the link was https://${host}/x`), host).toContain('lookalike');
        const puny = new URL(`https://${n.slice(0, 2)}ü${n.slice(2)}.com`).hostname;
        expect(flags(`they asked me to log in at https://${puny}/login`), puny).toContain('lookalike');
        expect(flags(`I bought it on https://www.${n}.com/shop`), n).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a card photo handed over, a password after "وهو" and "frais d\'activation" are flagged; a parcel photo is not', () => {
    expect(flags('I sent them a photo of the card, both sides')).toContain('secret');
    expect(flags('الباسورد بتاعي وهو Mona2020 مش راضي يفتح')).toContain('secret');
    expect(flags("On me demande de payer des frais d'activation de 50 euros")).toContain('upgrade_fee');
    expect(flags('I sent you a photo of the parcel, both sides of the box are crushed')).toEqual([]);
  });
});
