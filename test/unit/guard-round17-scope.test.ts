/**
 * Round 17 of issue #21: the outbound guard decides per clause who asks whom for what. Generated from parts in three
 * languages: a negated or prohibited ask, and an ask someone else is quoted saying, never block; the same ask after
 * a disclaimer, after a quoted scam, or in its own clause after "and then", still blocks. Layouts: an ask in a
 * quoted e-mail line never blocks, the agent's own line after it does, and may refer back to what the quote named; a
 * reply that is nothing but a quotation is the agent's own ask.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocked, pick, RUNS } from '../helpers/guard-rounds';

interface Lang {
  /** [imperative to the reader, the same verb negated] */
  verbs: [string, string][];
  secrets: string[];
  ask: (verb: string, secret: string) => string;
  negated: ((neg: string, secret: string) => string)[];
  quoted: ((ask: string) => string)[];
  disclaimers: string[];
  then: ((ask: string) => string)[];
  /** A line of the writer's own that neither warns, negates nor reports anything. */
  thanks: string;
}

const LANGS: Record<'en' | 'ar' | 'fa', Lang> = {
  en: {
    verbs: [['send me', "don't send anyone"], ['tell me', "don't tell anyone"], ['share', 'never share'], ['give me', 'never give anyone'], ['read me', "don't read anyone"], ['forward me', 'never forward anyone']],
    secrets: ['the code you received', 'your PIN', 'your password', 'the OTP', 'the 6-digit code we texted you', 'the 3 digits on the back of your card'],
    ask: (v, s) => `${v} ${s}`,
    negated: [(n, s) => `Please ${n} ${s}.`, (n, s) => `${n[0]!.toUpperCase()}${n.slice(1)} ${s}, not even us.`],
    quoted: [(a) => `If someone calls saying «${a}», hang up.`, (a) => `They'll say "${a}". Don't.`, (a) => `Scammers write “${a}” — we never do.`],
    disclaimers: ['I know we always say never share it, but', 'Normally we would never ask this, but', "Don't share it with anyone else;"],
    then: [(a) => `Open the app and then ${a}`, (a) => `Go to settings, then ${a}`],
    thanks: 'Thanks, have a great day!',
  },
  ar: {
    verbs: [['ابعتلي', 'لا تبعت لحد'], ['ارسل لي', 'لا ترسل لأي أحد'], ['قولي', 'ما تقولش لحد'], ['عطني', 'لا تعطي أحد']],
    secrets: ['الكود اللي وصلك', 'الرمز السري', 'رمز التحقق', 'الباسورد'],
    ask: (v, s) => `${v} ${s}`,
    negated: [(n, s) => `${n} ${s}.`, (n, s) => `من فضلك ${n} ${s} حتى لو قال إنه منا.`],
    quoted: [(a) => `إذا حدا قلك «${a}» سكّر الخط.`, (a) => `رح يقولولك "${a}"، لا تصدقهم.`],
    disclaimers: ['عارف إننا دايماً بنقول ما تشاركش الكود، بس', 'عادة ما نطلب هذا، لكن'],
    then: [(a) => `افتح التطبيق وبعدين ${a}`, (a) => `افتح الرسالة و بعدها ${a}`],
    thanks: 'شكراً لتواصلك معنا',
  },
  fa: {
    verbs: [['بفرستید', 'برای کسی نفرستید'], ['بگید', 'به کسی نگید'], ['بدید', 'به هیچ‌کس ندید']],
    secrets: ['کد تایید', 'رمز عبور', 'کدی که براتون اومده'],
    ask: (v, s) => `${s} رو ${v}`,
    negated: [(n, s) => `${s} رو ${n}.`, (n, s) => `لطفاً ${s} رو ${n}، حتی به ما.`],
    quoted: [(a) => `اگه کسی گفت «${a}» قطع کنید.`, (a) => `ممکنه بگن "${a}"؛ باور نکنید.`],
    disclaimers: ['می‌دونم همیشه میگیم کد رو به کسی ندید، ولی', 'معمولاً این رو نمی‌خوایم، اما'],
    then: [(a) => `برنامه رو باز کنید سپس ${a}`, (a) => `پیامک رو باز کن و بعد ${a}`],
    thanks: 'ممنون از صبرتون',
  },
};

const parts = pick(['en', 'ar', 'fa'] as const).chain((l) => {
  const L = LANGS[l];
  return fc.record({ L: fc.constant(L), verb: pick(L.verbs), secret: pick(L.secrets), negated: pick(L.negated), quoted: pick(L.quoted), disclaimer: pick(L.disclaimers), then: pick(L.then) });
});

describe('round 17: clause scope (generated)', () => {
  it('the ask blocks; the same verb and secret negated or prohibited never block', () => {
    fc.assert(
      fc.property(parts, ({ L, verb: [v, neg], secret, negated }) => {
        const ask = L.ask(v, secret);
        expect(blocked(ask), ask).toBe(true);
        const no = negated(neg, secret);
        expect(blocked(no), no).toBe(false);
      }),
      RUNS,
    );
  });

  it('an ask someone else is quoted saying never blocks; the agent asking the same after the quote, or after a disclaimer, still blocks', () => {
    fc.assert(
      fc.property(parts, ({ L, verb: [v], secret, quoted, disclaimer }) => {
        const ask = L.ask(v, secret);
        const q = quoted(ask);
        expect(blocked(q), q).toBe(false);
        const after = `${q} ${ask}.`;
        expect(blocked(after), after).toBe(true);
        const disclaimed = `${disclaimer} ${ask}.`;
        expect(blocked(disclaimed), disclaimed).toBe(true);
      }),
      RUNS,
    );
  });

  it('"and then": the ask in its own clause blocks though the clause before opens the app', () => {
    fc.assert(
      fc.property(parts, ({ L, verb: [v], secret, then }) => {
        const t = then(L.ask(v, secret));
        expect(blocked(t), t).toBe(true);
      }),
      RUNS,
    );
  });

  it('a quoted e-mail line asks nobody; the agent\'s own line after it asks, also for what the quote named', () => {
    fc.assert(
      fc.property(parts, ({ L, verb: [v], secret }) => {
        const ask = L.ask(v, secret);
        const quotedOnly = `> ${ask}\n\nThat message was not from us.`;
        expect(blocked(quotedOnly), quotedOnly).toBe(false);
        const mine = `> ${ask}\n\n${ask}`;
        expect(blocked(mine), mine).toBe(true);
        // nothing but the quotation is the writer's own ask: a ">" or quotation marks are no way around the guard
        for (const alone of [`> ${ask}`, `«${ask}»`]) expect(blocked(alone), alone).toBe(true);
        // …nor is a quotation beside a line of the writer's own that neither warns, negates nor reports it
        for (const dressed of [`> ${ask}\n\n${L.thanks}`, `«${ask}» ${L.thanks}`]) expect(blocked(dressed), dressed).toBe(true);
      }),
      RUNS,
    );
    const referBack = '> I got a 6 digit code by SMS\n\nGreat, please reply with it so I can finish the check.';
    expect(blocked(referBack), referBack).toBe(true);
  });
});
