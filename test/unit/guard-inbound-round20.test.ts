/**
 * Round 20 of issue #21 (inbound), composed from parts: a fee asked about (or the customer's own money) beside the same
 * fee demanded; a company named "X Pay"; Spanish and French fee words mixed into Darija and Tunisian, euros and dirhams in
 * Persian; a secret named inside a quoted warning beside one pasted; a toll-free number the customer called or a notice
 * about their own request beside one a stranger gives; a link that is not the site of the company the message names as
 * its sender beside that company's own site. Each sign stands beside its safe twin, made of the same words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const noPolicy = resolveGuardPolicy();
const flags = (t: string) => inspectInbound(t, 'en', { policy: noPolicy, detectSensitive }).flags.map((f) => f.code);
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
/** A made-up company name, one or two capitalised words ("Zarin", "Tamr Cash"). */
const word = fc.stringMatching(/^[A-Z][a-z]{3,7}$/).filter((w) => !['Acme', 'Pay', 'Team', 'Dear', 'Note', 'Hello', 'Thanks'].includes(w));
const brand = fc.tuple(word, pick(['', ' Mobile', ' Wallet', ' Cash', ' Pay'])).map(([a, b]) => `${a}${b}`);
const keyOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const amount = fc.integer({ min: 5, max: 900 });

describe('inbound, round 20 (generated)', () => {
  it('a fee the customer asks about, or their own money, is not a fee demanded; the same fee a stranger demands with a sum is', () => {
    fc.assert(
      fc.property(
        pick([
          ['are there extra charges when I {change} my {thing} from the wallet?', 'they told me I must pay {n} AED charges to {change} my {thing} from the wallet'],
          ['is there a fee to {change} my account? just want to know', 'someone said I must pay a {n} dollars fee to {change} my account'],
          ['my bundle did not renew although the money is in the wallet, how do I {change} it by hand', 'a man told me to pay {n} AED to {change} my bundle in the wallet'],
          ['هل فيه رسوم لما {ar} الحساب من المحفظة؟', 'واحد قال لي لازم ادفع {n} ريال رسوم عشان {ar} الحساب من المحفظة'],
          ['بسته‌ام تمدید نشد با اینکه پول تو کیف پولم هست، چطوری دستی {fa}؟', 'گفتن باید {n} هزار تومان کارمزد بدم تا حسابم {fa}'],
          ['ch7al les frais ila bghit n{dz} la carte mn l wallet?', 'galo lia khassni nkhalles {n} dh frais bach n{dz} la carte mn l wallet'],
        ] as const),
        pick([['activate', 'تفعيل', 'فعال بشه', 'activi'], ['unlock', 'فك', 'باز بشه', 'debloqui'], ['upgrade', 'ترقية', 'ارتقا پیدا کنه', 'activi'], ['verify', 'توثيق', 'تأیید بشه', 'debloqui']] as const),
        pick(['card', 'account', 'wallet', "son's card", 'plan']),
        amount,
        ([asked, demanded], [en, ar, fa, dz], thing, n) => {
          const fill = (s: string) => s.replace('{change}', en).replace('{thing}', thing).replace('{ar}', ar).replace('{fa}', fa).replace('{dz}', dz).replace('{n}', String(n));
          expect(flags(fill(asked)), fill(asked)).not.toContain('upgrade_fee');
          expect(flags(fill(demanded)), fill(demanded)).toContain('upgrade_fee');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a company named "X Pay" is not a payment: its customers ask about verifying or upgrading; "Pay {n} … to verify" still is one', () => {
    fc.assert(
      fc.property(word, amount, pick(['verify', 'upgrade', 'activate', 'unlock']), (name, n, change) => {
        const asking = [
          `I saw your notice «${name} Pay never asks you for a password or a verification code». Does it mean something is wrong with my account?`,
          `I want to ${change} my ${name} Pay account, what do I do?`,
          `my ${name} Pay wallet did not ${change} after the update, can you check my account`,
        ];
        for (const t of asking) expect(flags(t), t).not.toContain('upgrade_fee');
        const demand = `${name} Pay: your account is on hold. Pay ${n} AED now to ${change} it`;
        expect(flags(demand), demand).toContain('upgrade_fee');
      }),
      { numRuns: 60 },
    );
  });

  it('Spanish and French fee words in Darija and Tunisian, euros and dirhams in Persian: a fee demanded to activate or release', () => {
    fc.assert(
      fc.property(
        amount,
        pick(['MAD', 'DH', 'dirhams', 'DT', 'dinars', 'EUR', 'euros', '€']),
        pick([
          'wslatni sms: paga {n} {c} de gastos de verificación para desbloquear tu cuenta',
          'galo lia khassek tpagar {n} {c} de tasa bach nactivaw lik la tarjeta',
          'message: payez {n} {c} frais de vérification pour débloquer votre compte',
          '9alouli lazem nkhallas {n} {c} frais d\'activation 9bal ma y7ellou el compte',
          'SMS: abone {n} {c} de comisión para liberar su transferencia',
        ]),
        (n, c, frame) => {
          const t = frame.replace('{n}', String(n)).replace('{c}', c);
          expect(flags(t), t).toContain('upgrade_fee');
        },
      ),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(amount, pick(['یورو', 'درهم', 'يورو']), fc.boolean(), (n, c, fa) => {
        const num = fa ? persianDigits(String(n)) : String(n);
        const t = `یه پیام اومده که برای فعال‌سازی کارتم باید ${num} ${c} هزینه تأیید بدم`;
        expect(flags(t), t).toContain('upgrade_fee');
        const asked = `برای فعال‌سازی کارتم باید چقدر هزینه تأیید بدم؟`;
        expect(flags(asked), asked).not.toContain('upgrade_fee');
      }),
      { numRuns: 40 },
    );
  });

  it('secrets named inside a quoted warning, joined by a separator, are not a pasted password; a password pasted beside it is', () => {
    fc.assert(
      fc.property(
        brand,
        pick(['password/OTP', 'password/PIN', 'pass-word or code', 'password...or verification code', 'password:) or code', 'password / code', 'password|PIN']),
        pick(['«{b} never asks you for your {s}»', '"{b} will never ask for your {s}"', 'the notice says {b} never asks for your {s}']),
        fc.tuple(fc.stringMatching(/^[A-Z][a-z]{3,7}$/), pick(['#', '@', '!', '_']), fc.integer({ min: 10, max: 2099 })).map(([w, s, n]) => `${w}${s}${n}`),
        (b, s, frame, pw) => {
          const warning = frame.replace('{b}', b).replace('{s}', s);
          const asked = `${warning} - does it mean something is wrong with my account?`;
          expect(flags(asked), asked).not.toContain('secret');
          const pasted = `${warning} but the login fails, my password is ${pw}`;
          expect(flags(pasted), pasted).toContain('secret');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a toll-free number the customer called, was called from, or a notice about their own request names is no fake number nor a code; a stranger\'s or one to unblock is', () => {
    const tollFree = fc
      .tuple(pick(['800', '0800', '1800', '8001']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }))
      .map(([a, b, c]) => `${a} ${b} ${c}`)
      .filter((n) => !n.replace(/\D/g, '').endsWith('1234567'));
    const short = fc.tuple(pick(['800']), fc.integer({ min: 1000, max: 9999 })).map(([a, b]) => `${a} ${b}`);
    fc.assert(
      fc.property(
        fc.oneof(tollFree, short),
        fc.boolean(),
        pick([
          'the employee who called me yesterday from {n} helped a lot, thanks',
          'I called {n} this morning and they said to ask here',
          'I got a text telling me to call {n} about the SIM swap I asked for at the branch',
          'الموظف اللي كلمني امبارح من {n} ساعدني جدا',
          'جالي مسج بيقول كلم {n} بخصوص تغيير الشريحة اللي طلبتها من الفرع',
          'به {n} زنگ زدم گفتن اینجا بپرسم',
          'کارمندی که دیروز از {n} بهم زنگ زد خیلی کمک کرد',
          'تواصلت معكم على {n} وقالوا لي اكتب هنا',
          'پیامک اومده با {n} تماس بگیرید درباره تعویض سیم‌کارت که خودم تو شعبه درخواست دادم',
        ]),
        pick([
          'a man said he is from your security team and told me to call {n}',
          'someone texted me: support here, call {n} now to unblock your card',
          'they told me to call {n} to unlock my wallet',
          'someone called me from {n} saying he is from the bank and asked me for the code',
        ]),
        (n, fa, ours, theirs) => {
          const num = fa ? persianDigits(n) : n;
          const own = ours.replace('{n}', num);
          const got = flags(own);
          expect(got, own).not.toContain('fake_number');
          expect(got, own).not.toContain('secret');
          const scam = theirs.replace('{n}', n);
          expect(flags(scam), scam).toContain('fake_number');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a link that is not the site of the company the message names as its sender is a look-alike; that company\'s own site is not', () => {
    fc.assert(
      fc.property(
        brand,
        pick(['tn', 'sa', 'ma', 'eg', 'ae', 'ir', 'af', 'es']),
        pick(['reembolso', 'update', 'cadeau', 'jayeze', 'online', 'cards']),
        pick(['com', 'net', 'info']),
        pick([
          '{b}: your refund is ready, confirm it on {h}',
          'Your card is on hold. Check it at {h} - {b}',
          '[{b}] verify your details at {h}',
          'رسالة من {b} بتقول ادخل على {h} عشان تستلم الكاش باك',
          'پیامک {b}: برای دریافت هدیه وارد {h} شوید',
          'jatni sms men {b} fiha lien {h} bech nekhou cadeau',
        ]),
        (b, cc, w, end, frame) => {
          const key = keyOf(b);
          for (const host of [`${key}-${cc}.${end}`, `www.${key}-${w}.${end}`, `${key}.${cc}-${w}.${end}`]) {
            const t = frame.replace('{b}', b).replace('{h}', host);
            expect(flags(t), t).toContain('lookalike');
          }
          for (const host of [`${key}.com`, `www.${key}.${cc}`, `${key}.com/${w}`]) {
            const t = frame.replace('{b}', b).replace('{h}', host);
            expect(flags(t), t).not.toContain('lookalike');
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
