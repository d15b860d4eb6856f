/**
 * Round 27 of issue #21 (inbound), composed from parts, for the classes of the told set r20: the customer's own question
 * how to pay on delivery and the company's quoted "we never ask for a fee" beside a normal charge (no fee demand); Persian
 * and Tajik deadlines; a fee in formal Persian with its sum in words; a call-back number a caller gives in French; a PIN
 * named "NIP" or guessed twice; a card a fee is to be paid to (the payee's, no pasted secret); a sum in roubles or som
 * beside a PIN's name; a caller on a private number who gave none (still a fake number: decided at the merge).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const policy = resolveGuardPolicy({ companyDomains: ['acme.com'], brandNames: ['acme'], officialSupportNumbers: ['+966 800 123 4567', '800-2263'], officialSupportHandles: ['@AcmeCare'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => (f.code === 'fake_handle' ? 'fake_number' : f.code === 'mixed_script' ? 'lookalike' : f.code));
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const brand = pick(['Acme', 'ACME']);
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';
const inScript = (s: string, script: 'ascii' | 'fa' | 'ar') => (script === 'ascii' ? s : s.replace(/\d/g, (d) => (script === 'fa' ? PERSIAN : ARABIC)[Number(d)]!));
/** A card number with a right check digit (the masking engine's card), in groups of four. */
const luhnCard = fc.tuple(pick(['4539', '6037', '5022', '6221', '4111']), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })).map(([head, rest]) => {
  const body = head + rest.join('');
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    let x = Number(c);
    if (i % 2 === 0) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  });
  return body + String((10 - (sum % 10)) % 10);
});
const grouped = (card: string, sep: string) => [0, 4, 8, 12].map((i) => card.slice(i, i + 4)).join(sep);

describe('inbound, round 27 (generated)', () => {
  it('the customer asking how to pay the courier on delivery (card or cash) is no fee demand; a courier\'s fee demanded is', () => {
    const asked = [
      '{notice} Can I pay the courier with your card when he arrives or must it be cash?', '{notice} How do I pay on receipt with your card, or cash?',
      '{notice_ar} شلون ادفع للمندوب عند الاستلام، بالبطاقة ولا كاش؟', '{notice_ar} هل ينفع ادفع للمندوب بالكارت لما يوصل ولا لازم كاش؟', '{notice_ar} كيف ادفع للمندوب لما يوصل؟ كاش ولا بطاقة؟',
      '{notice_fa} میشه موقع تحویل با کارت به پیک پرداخت کنم یا باید نقد بدم؟', '{notice_fa} چطوری موقع تحویل به پیک پرداخت کنم؟',
      "{notice} Est-ce que je peux payer le livreur avec votre carte à la livraison, ou c'est comptant seulement?",
    ];
    const notices = ['"Your {brand} card will be delivered tomorrow between {h} and {h2}."', 'Got this: "{brand}: your card is out for delivery today."'];
    const noticesAr = ['جاتني رسالة: بطاقة {brand} توصلك بكرة الساعة {h}.', '"{brand}: تم شحن بطاقتك وتصلك خلال يومين"'];
    const noticesFa = ['پیامک اومده «کارت {brand} شما فردا ساعت {h} تحویل داده می‌شود».', '«{brand}: مرسوله شما فردا تحویل می‌شود»'];
    const demanded = ['The courier from {brand} said I must pay a ${k} delivery fee before he can release the card', 'المندوب قالي لازم تدفع {k} دينار رسوم توصيل عشان اسلمك البطاقة'];
    fc.assert(
      fc.property(pick(asked), pick(notices), pick(noticesAr), pick(noticesFa), brand, fc.integer({ min: 8, max: 11 }), fc.integer({ min: 5, max: 90 }), pick(demanded), (q, n, na, nf, b, h, k, d) => {
        const text = fill(q, { notice: fill(n, { brand: b, h, h2: h + 3 }), notice_ar: fill(na, { brand: b, h }), notice_fa: fill(nf, { brand: b, h }) });
        expect(flags(text), text).toEqual([]);
        const scam = fill(d, { brand: b, k });
        expect(flags(scam), scam).toContain('upgrade_fee');
      }),
      { numRuns: 50 },
    );
  });

  it('the company\'s "we never ask you to pay a fee" quoted beside a question about a normal charge is no fee demand; a demand in a sentence of its own still is', () => {
    const warnings = [
      '{brand} staff will never ask you to pay a fee to unlock your account.', 'Staff will never ask you to pay a fee to unlock your account -', 'We do not ask you for any fee to unblock your account.',
      'موظفو {brand} لن يطلبوا منك دفع أي رسوم لفتح حسابك.', 'کارکنان {brand} هرگز برای باز کردن حساب از شما کارمزد نمی‌خواهند.', '{brand} ne vous demandera jamais de payer des frais pour débloquer votre compte.',
    ];
    const questions = ['What is the monthly SMS alert charge of ${k}?', 'so what is the SMS alert fee of ${k} each month?', 'طيب وش هي رسوم {k} ريال الشهرية على الرسائل النصية؟', 'پس این کارمزد ماهانه {k} هزار تومانی پیامک چیه؟', "Mais c'est quoi les frais de {k} $ par mois pour les alertes texto?"];
    const demands = ['But the agent on the phone said I must pay ${k} now to unlock my account.', 'Then a man said I have to pay {k} dollars first to unblock the account.'];
    fc.assert(
      fc.property(pick(warnings), pick(questions), pick(demands), brand, fc.integer({ min: 1, max: 20 }), (w, q, d, b, k) => {
        const text = `Your app says: "${fill(w, { brand: b })}" ${fill(q, { k })}`;
        expect(flags(text), text).toEqual([]);
        const scam = `Your app says: "${fill(w, { brand: b })}"\n${fill(d, { k })}`;
        expect(flags(scam), scam).toContain('upgrade_fee');
      }),
      { numRuns: 50 },
    );
  });

  it('a notice\'s or a caller\'s deadline in Persian and Tajik — the day\'s or week\'s end, "unless", "you have until" — is urgency; the customer\'s own deadline is not', () => {
    const scams = [
      'پیام: {what} شما {by} قطع خواهد شد مگر آنکه مدارک را ارسال کنید', 'پیامک {brand}: {what} شما {by} مسدود خواهد شد مگر اینکه اطلاعات را تکمیل نمایید',
      'گفت از {brand} است و تا ساعت {h} فرصت دارید کارت را تایید کنید', 'گفتند از {brand} هستند، تا {by_day} مهلت دارید حساب را تایید کنید',
      'Паём: ҳисоби шумо то соати {h}:00 баста мешавад', 'Паём аз {brand}: корти шумо {by_tg} маҳкам мешавад', 'Гуфтанд аз {brand} ҳастанд, то соати {h}:00 маълумотро тасдиқ кунед',
    ];
    const own = ['لطفاً تا ساعت {h} جواب بدید، باید قسط وام رو ظرف امروز پرداخت کنم', 'Лутфан то соати {h}:00 ҷавоб диҳед, бояд пулро ба хонавода фиристам', 'من تا آخر هفته فرصت دارم مدارکم رو بیارم شعبه، درسته؟'];
    fc.assert(
      fc.property(pick(scams), pick(['حساب', 'خط', 'کارت', 'سرویس']), pick(['تا آخر هفته', 'تا پایان هفته', 'تا پایان روز', 'ظرف امروز', 'تا آخر امروز']), pick(['فردا صبح', 'آخر امروز', 'ساعت ۶ عصر']), pick(['то охири рӯз', 'то охири ҳафта', 'то соати 18:00']), brand, fc.integer({ min: 2, max: 9 }), pick(own), (s, what, by, byDay, byTg, b, h, o) => {
        const text = fill(s, { what, by, by_day: byDay, by_tg: byTg, brand: b, h });
        expect(flags(text), text).toContain('urgency');
        const mine = fill(o, { h });
        expect(flags(mine), mine).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a fee in formal Persian, its sum in words, asked "for the update" or to unlock, is a fee; a monthly charge already taken and asked about is not', () => {
    const tens = ['بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
    const hundreds = ['یکصد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];
    const asks = ['{told} مبلغ {sum} {cur} بابت {purpose} پرداخت نمایم', 'پسرم، {told} باید مبلغ {sum} {cur} بابت {purpose} واریز کنم. آیا صحیح است؟'];
    const told = ['از اینجانب خواسته‌اند', 'به بنده فرمودند', 'گفتند', 'به اینجانب اعلام کردند'];
    const purposes = ['به‌روزرسانی', 'به‌روزرسانی حساب', 'بروزرسانی کارت', 'فعال‌سازی کارت', 'تمدید کارت'];
    const sum = fc.tuple(pick(hundreds), pick(tens), fc.boolean()).map(([h, t, both]) => (both ? `${h} و ${t}` : h));
    fc.assert(
      fc.property(pick(asks), pick(told), sum, pick(['دلار', 'هزار تومان', 'تومان', 'یورو']), pick(purposes), (a, t, s, cur, p) => {
        const text = fill(a, { told: t, sum: s, cur, purpose: p });
        expect(flags(text), text).toContain('upgrade_fee');
        const own = `مبلغ ${s} هزار تومان بابت اشتراک ماهانه از حسابم کسر شده، این برای چیست؟`;
        expect(flags(own), own).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a caller claiming to be us who gives a call-back number in French is a fake number; our listed line is not', () => {
    const gave = ["Un agent d'{brand} m'a appelé pis il m'a donné un numéro de rappel officiel : {n}. C'est bien vous?", "Le gars disait qu'il était d'{brand}, il m'a laissé un numéro officiel pour rappeler : {n}", "Une dame d'{brand} m'a appelée, elle m'a donné son numéro {n} pour la rappeler"];
    const num = fc.tuple(pick(['514', '438', '450', '819', '418']), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 }), pick([' ', '-', '.'])).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`);
    fc.assert(
      fc.property(pick(gave), brand, num, (g, b, n) => {
        const text = fill(g, { brand: b, n });
        expect(flags(text), text).toContain('fake_number');
        const own = "J'ai appelé votre ligne 800-2263, on m'a dit que la carte arrive demain.";
        expect(flags(own), own).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a PIN named "NIP" or guessed twice, in any digit script, is a pasted secret; a NIP named with no value is not', () => {
    const pasted = ["Mon NIP c'est {a}, je pense que quelqu'un l'a vu", 'Mon NIP est {a}', "mon NIP c'était {a} ou {b} je crois", 'I think my PIN is {a} or maybe {b}', 'الرقم السري اللي فاكره كان {a} أو {b}'];
    const plain = ["J'ai changé mon NIP au guichet hier, mais ma carte est refusée", 'Mon NIP ne marche plus depuis que je l\'ai changé'];
    const pin = fc.integer({ min: 1000, max: 9999 }).map(String);
    fc.assert(
      fc.property(pick(pasted), pin, pin, pick(['ascii', 'ar'] as const), pick(plain), (p, a, b, script, own) => {
        const text = fill(p, { a: inScript(a, script), b: inScript(b, script) });
        expect(flags(text), text).toContain('secret');
        expect(flags(own), own).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a card a fee is to be paid to is the payee\'s — a fee, no pasted secret; the customer\'s own card number is a secret; a sum in roubles or som beside "PIN" is no PIN', () => {
    const toCard = ['Someone said pay the £{k} release fee to card {card} — is this you?', 'یکی گفت برای فعال‌سازی {k} هزار تومن به کارت {card} واریز کن', 'قالي ادفع {k} دينار رسوم تفعيل على كارت {card}'];
    const mine = ['my card number is {card} and it was declined', 'رقم بطاقتي {card} وما تشتغل'];
    const quoted = ['Мне пришло: «{brand}: ваш PIN-код будет сброшен, подтвердите перевод {k}0 {cur}». Что это?', 'Паём омад: «PIN-коди шумо иваз мешавад, {k}0 {cur} пардохт кунед»'];
    fc.assert(
      fc.property(pick(toCard), luhnCard, pick([' ', '-', '']), pick(['ascii', 'fa'] as const), fc.integer({ min: 10, max: 99 }), pick(mine), pick(quoted), pick(['рублей', 'руб.', 'сўм', 'сомонӣ']), brand, (t, card, sep, script, k, m, q, cur, b) => {
        const text = fill(t, { k, card: inScript(grouped(card, sep), script) });
        const got = flags(text);
        expect(got, text).not.toContain('secret');
        expect(got, text).toContain('upgrade_fee');
        const own = fill(m, { card: grouped(card, sep) });
        expect(flags(own), own).toContain('secret');
        const quote = fill(q, { k, cur, brand: b });
        expect(flags(quote), quote).not.toContain('secret');
      }),
      { numRuns: 50 },
    );
  });

  it('a caller on a private, withheld or hidden number who claims to be us is a fake number, whether or not he gave one (decided at the merge)', () => {
    const called = ['Someone rang me from a {kind} number saying he was from {brand} and asked about my last transfer. I hung up.', 'Got a call from a {kind} number, a guy said he was from {brand}.', 'واحد اتصل علي من رقم خاص وقال إنه من {brand}، ما عطيته شي'];
    fc.assert(
      fc.property(pick(called), pick(['private', 'withheld', 'hidden']), brand, fc.integer({ min: 1000, max: 9999 }), (c, kind, b, d) => {
        const text = fill(c, { kind, brand: b });
        expect(flags(text), text).toContain('fake_number');
        const gave = `${text} He said call him back on +44 7700 90${d}`;
        expect(flags(gave), gave).toContain('fake_number');
      }),
      { numRuns: 40 },
    );
  });
});
