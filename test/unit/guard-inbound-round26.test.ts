/**
 * Round 26 of issue #21 (inbound), composed from parts, for the classes of the told set r19: a scam call transcribed in
 * Latin letters (a claim, "call this number", a 00-number grouped oddly, "quickly … or else"), an impersonation block
 * giving a desk's number on a chat app behind a direction mark "within N minutes to avoid freezing", a password the
 * customer says they gave away and pastes; and the ordinary twins that tripped the check: the customer's own question
 * about a fee or an account, their own deadline and payment due, "and now" (والان) read as "or else" (والا).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966 800 123 4567', '800-2263'], officialSupportHandles: ['@AcmeCare'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
/** A foreign number after "00" and its country code, grouped oddly ("0097150 771 3394", "00 44 7700 900415"). */
const foreign = fc.tuple(pick(['971', '44', '234', '63', '965', '880', '93', '252', '90', '49']), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }), pick(['{a}{b} {c} {d}', '{a} {b} {c} {d}', '{a}{b}{c} {d}', '{a} {b}{c}{d}']))
  .map(([cc, b, c, d, shape]) => fill(shape, { a: `00${cc}`, b, c, d }));
const brand = pick(['Acme', 'ACME', 'acme']);

describe('inbound, round 26 (generated)', () => {
  it('a caller\'s claim, "call this number" and "quickly … or else" transcribed in Latin letters are a fake number and urgency; the customer\'s own call to our line is not', () => {
    const claims = ['ik banda phone karda si, kehnda {brand} toh aa', 'ek aadmi ka phone aya, keh raha tha main {brand} se bol raha hoon', 'ekta lok phone kore bollo {brand} theke bolchi', 'wani ya kira ni yace daga {brand} yake', 'one man call me say he dey from {brand}', 'nin baa i soo wacay, wuxuu yiri waxaan ka socdaa {brand}'];
    const calls = ['{quick} ehna number te call karo {n}', 'is number pe {quick} rabta karein {n}', '{quick} ei number e call korun {n}', 'in kira wannan lambar {quick} {n}', 'kallim hal ragam {quick} {n}', 'make I call this number {quick} {n}'];
    const quick = ['jaldi', 'fauran', 'turant', 'taratari', 'da sauri', 'bsor3a', 'sharp sharp', 'immediately'];
    const orElse = ['nahi taan sab paise chale jaange', 'warna saari raqam chali jaye gi', 'na hole sob taka chole jabe', 'idan ba haka ba zan rasa kudina', 'haddii kale lacagtaada way baxaysaa', 'if not all my money go loss'];
    const ordinary = ['main tuhadi helpline 800-2263 te call kiti si, ohna ne kiha {quick} refund aa jaauga', 'maine aap ki helpline 800-2263 pe call kiya tha, {quick} jawab dein please'];
    fc.assert(
      fc.property(pick(claims), pick(calls), pick(quick), pick(orElse), brand, foreign, pick(ordinary), (claim, call, q, loss, b, n, own) => {
        const scam = `${fill(claim, { brand: b })}, tuhada account hack ho gaya, ${fill(call, { quick: q, n })} ${loss}`;
        const got = flags(scam);
        expect(got, scam).toContain('fake_number');
        expect(got, scam).toContain('urgency');
        const plain = fill(own, { quick: q });
        expect(flags(plain), plain).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a desk\'s number on a chat app behind a direction mark, "within N minutes to avoid freezing", is a fake number and urgency; our listed number in a real notice is not', () => {
    const marks = ['\u200e', '\u200f', '\u2066', '\u2067', '\u2068', ''];
    const blocks = [
      '[رسالة من: {desk} {brand}] يرجى التواصل فوراً مع مسؤول الأمان على الواتساب {mark}{n}{pdi} خلال {k} دقيقة لتجنب تجميد الرصيد',
      '[پیام از: واحد امنیت {brand}] لطفاً ظرف {k} دقیقه با کارشناس امنیت در واتساپ {mark}{n}{pdi} تماس بگیرید تا از مسدود شدن موجودی جلوگیری شود',
    ];
    const real = ['[تنبيه أمني من {brand}] لن نطلب منك رمز التحقق أبداً. للاستفسار اتصل على 800-2263.', '[{brand} Security] We will never ask for your password or code. If in doubt call +966 800 123 4567.'];
    const num = fc.tuple(pick(['+44 7480', '+1 347', '+90 532', '+49 152', '+971 55']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `${a} ${b} ${c}`);
    fc.assert(
      fc.property(pick(blocks), pick(['فريق أمان', 'قسم الحماية', 'فريق الحماية']), pick(['Fraud Team', 'Security Team', 'Risk Desk']), brand, pick(marks), num, fc.integer({ min: 5, max: 59 }), pick(real), (block, desk, deskEn, b, mark, n, k, notice) => {
        const scam = fill(block, { desk, desk_en: deskEn, brand: b, mark, n, pdi: mark >= '\u2066' && mark <= '\u2068' ? '\u2069' : '', k });
        const got = flags(scam);
        expect(got, scam).toContain('fake_number');
        expect(got, scam).toContain('urgency');
        const plain = fill(notice, { brand: b });
        expect(flags(plain), plain).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a password the customer says they gave someone, then pastes, is a pasted secret; one given to nobody or only changed is not', () => {
    const given = ['قال لي عطيني mot de passe ديالي، وأنا {gave}: {pw}', 'طلب كلمة السر متاعي، {gave} {pw}', 'he asked for my password and I {gave_en}: {pw}', 'Binigay ko yung password ko sa tumawag, ito yun: {pw}', 'پسوردمو {gave_fa}: {pw}'];
    const plain = ['نسيت mot de passe ديالي، ما عطيتو لحتى واحد', 'I never gave my password to anyone, I only changed it to a new one', 'پسوردمو عوض کردم ولی هنوز نمیتونم وارد شم'];
    const pw = fc.tuple(pick(['Rabat', 'Bgayet', 'Oran', 'Chelsea', 'Mahal', 'Tehran', 'Soleil']), fc.integer({ min: 1970, max: 2030 }), pick(['!', '@', '#', '$', '_1'])).map(([w, y, s]) => `${w}${y}${s}`);
    fc.assert(
      fc.property(pick(given), pick(['عطيتهولو', 'عطيتهالو', 'عطيتهولها', 'اعطيته']), pick(['gave it to him', 'gave him it']), pick(['بهش دادم', 'بهش گفتم']), pw, pick(plain), (template, gave, gaveEn, gaveFa, p, own) => {
        const text = fill(template, { gave, gave_en: gaveEn, gave_fa: gaveFa, pw: p });
        expect(flags(text), text).toContain('secret');
        expect(flags(own), own).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the customer\'s own question about a fee or an account, with their own deadline, is no fee and no urgency; the same fee demanded is', () => {
    const asked = ['امروز عیده و می‌خوایم تا ظهر برسه دست {who}. کارمزد {what} چقدره؟', 'یه مشتری از دبی می‌خواد با Acme پول بده. حساب تجاری چطوری باز میشه؟ مدارکش چیه؟ تا {when} لازمش دارم', 'كم رسوم {what_ar}؟ لازم احول {when_ar} قبل المغرب', 'How much is the fee for {what_en}? I have to pay {who_en} by 5pm today'];
    const demanded = ['they told me to pay a $40 fee to upgrade my account before 5pm today', 'قالي لازم تدفع 50 دولار رسوم ترقية الحساب اليوم والا حسابك يتسكر'];
    fc.assert(
      fc.property(pick(asked), pick(['انتقال فوری', 'حواله‌ی بین‌المللی', 'ارتقای حساب']), pick(['صاحبخونه', 'مغازه‌دار']), pick(['فردا', 'آخر هفته']), pick(['التحويل الفوري', 'ترقية الحساب', 'فتح حساب تجاري']), pick(['اليوم', 'بكرة']), pick(['an instant transfer', 'upgrading to tier 3']), pick(['my landlord', 'the school']), pick(demanded),
        (template, what, who, when, whatAr, whenAr, whatEn, whoEn, scam) => {
          const text = fill(template, { what, who, when, what_ar: whatAr, when_ar: whenAr, what_en: whatEn, who_en: whoEn });
          expect(flags(text), text).toEqual([]);
          expect(flags(scam), scam).toContain('upgrade_fee');
        }),
      { numRuns: 60 },
    );
  });

  it('"and now" (والان, و الان) is not "or else" (والا): a customer\'s own news and own payment due raise no urgency; "or else" by a deadline still does', () => {
    const own = ['{now} اپ رو باز می‌کنم میگه نشست منقضی شده. رمز رو زدم ولی قفل شد. لطفاً زودتر جواب بدید، باید کرایه رو امروز بدم', 'التحويل معلق {now}، لازم ادفع ايجار البيت اليوم قبل الساعة ٥'];
    const threat = ['قالي لازم تدفع 50 دولار رسوم اليوم {else} حسابك يتسكر', 'رسالة: حدث بياناتك عالرابط خلال ساعتين {else} حسابك يتجمد'];
    fc.assert(
      fc.property(pick(own), pick(['والان', 'و الان', 'والآن']), pick(threat), pick(['والا', 'و الا', 'وإلا']), (template, now, t, orElse) => {
        const text = fill(template, { now });
        expect(flags(text), text).toEqual([]);
        const scam = fill(t, { else: orElse });
        expect(flags(scam), scam).toContain('urgency');
      }),
      { numRuns: 40 },
    );
  });
});

describe('inbound, round 26 (generated): accounts by their link, notices in more languages, threats without a deadline', () => {
  it('a Telegram or Instagram account by its link or handle, named for the brand and said to be official, is a fake handle; our listed handle is not', () => {
    const where = ['https://t.me/{name}', 't.me/{name}', 'instagram.com/{name}', '@{name}'];
    const said = ['شفت بالتلكرام هذا الحساب {at} ويگولون هذا الحساب الرسمي', 'someone sent me {at} and said it is the official help desk', 'یه نفر {at} رو فرستاد گفت صفحه رسمی پشتیبانیه', 'May nag-message sa akin, {at} daw ang official page nila'];
    const name = fc.tuple(pick(['Acme', 'acme', 'ACME']), pick(['_Official', 'Official', '_Support', 'Help', '_care', 'Team']), pick(['_IQ', '_NG', '', 'Desk', '_ir'])).map((p) => p.join(''));
    const ours = ['I DMed @AcmeCare on X about my refund and they said 3-5 days', 'كلمت حسابكم الرسمي @AcmeCare بتويتر وقالوا لي أراسلكم هنا'];
    fc.assert(
      fc.property(pick(where), pick(said), name, pick(ours), (w, s, n, own) => {
        const text = fill(s, { at: fill(w, { name: n }) });
        expect(flags(text), text).toContain('fake_number');
        expect(flags(own), own).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a bracketed notice sending the reader to an officer on a chat app "to avoid" a freeze within minutes is urgency in English, Swahili and Malay too', () => {
    const blocks = [
      '[From: Acme Fraud Team] Please message our security officer on WhatsApp {n} within {k} minutes to avoid your balance being frozen.',
      '[Ujumbe kutoka: Timu ya Usalama ya Acme] Wasiliana na afisa wetu WhatsApp {n} ndani ya dakika {k} ili kuepuka kufungiwa salio lako',
      '[Mesej daripada: Pasukan Keselamatan Acme] Sila hubungi pegawai keselamatan di WhatsApp {n} dalam masa {k} minit untuk mengelakkan baki dibekukan',
    ];
    const num = fc.tuple(pick(['\u200e', '\u200f', '']), pick(['+44 7480', '+1 347', '+90 532']), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([m, a, b, c]) => `${m}${a} ${b} ${c}`);
    fc.assert(
      fc.property(pick(blocks), num, fc.integer({ min: 5, max: 59 }), (block, n, k) => {
        const text = fill(block, { n, k });
        const got = flags(text);
        expect(got, text).toContain('fake_number');
        expect(got, text).toContain('urgency');
      }),
      { numRuns: 40 },
    );
  });

  it('the account closed and the money seized on a condition, in a message\'s voice, is urgency without a deadline word; the customer\'s own closed account is not', () => {
    const threats = ['جاتني رسالة تقول حسابك في Acme {close} وفلوسك {seize} لو ما أكدتش بياناتك', 'Text says my Acme account will be {close_en} and my funds {seize_en} unless I verify my details', 'پیام آمده که اگر اطلاعات خود را تایید نکنید حساب شما {close_fa} و پول تان ضبط می‌گردد'];
    const own = ['I closed my Acme account last year and the money was sent back to my bank, can you confirm?', 'حسابي في Acme مقفل من أمس، متى يرجع يشتغل؟'];
    fc.assert(
      fc.property(pick(threats), pick(['بيتسكر نهائي', 'هيتقفل', 'حيتسكر']), pick(['بتتصادر', 'هتتصادر', 'حتتصادر']), pick(['permanently closed', 'closed', 'suspended']), pick(['seized', 'confiscated']), pick(['بند می‌شود', 'مسدود می‌شود', 'بسته می‌شود']), pick(own),
        (template, close, seize, closeEn, seizeEn, closeFa, plain) => {
          const text = fill(template, { close, seize, close_en: closeEn, seize_en: seizeEn, close_fa: closeFa });
          expect(flags(text), text).toContain('urgency');
          expect(flags(plain), plain).toEqual([]);
        }),
      { numRuns: 40 },
    );
  });
});
