/**
 * Round 38 of issue #21 (inbound: the flags the guard did not name on r26–r29 — the message caught, its sign missed),
 * composed from parts under a made-up company's own policy: a fee or deposit someone else requires before a refund, a
 * prize, a release, a booking or a fitting is `upgrade_fee`, while the customer's own deposit paid at our branch or in our
 * app is not; a loss to come by a deadline, told by someone else or on a condition, is `urgency`, while the customer's
 * own cancellation and an office's closing hour are not; a caller's number with a Russian or Darija claim, and a number
 * a message orders called "unless …", are `fake_number`, while the official number quoted by our adviser is neither a
 * fake number nor a secret (not even called a "code"); a
 * login's two names given with their two values is a pasted password, a forgotten one is not. Each safe message stands
 * beside the same parts made a sign, so no property passes by flagging nothing or everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectInbound, resolveGuardPolicy } from '../../main/core/guard';
import { detectSensitive } from '../../main/core/masking';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const fill = (s: string, parts: Record<string, string | number>) => Object.entries(parts).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, String(v)), s);
const AR = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
const FA = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const script = pick([(s: string) => s, AR, FA]);
const policy = resolveGuardPolicy({ companyDomains: ['qamartel.com'], brandNames: ['qamar'], officialSupportNumbers: ['800 316 4400', '1818'] });
const flags = (t: string) => inspectInbound(t, 'en', { policy, detectSensitive }).flags.map((f) => f.code);

describe('inbound, round 38 (generated)', () => {
  it('a fee required before a refund, a prize, a booking or a fitting is named; our own deposit paid at the branch or in the app is not', () => {
    const FEE = [
      'the technician wants {n} OMR activation charge in cash before he connects the router',
      'عايزين عربون {n} جنيه عشان يحجزوا لي ميعاد التركيب',
      'барои гирифтани бозгашти пул {n} рубл комиссия пардохт кунед, гуфтанд',
      'گفتند برای گرفتن پول پس، اول {n} افغانی فیس ثبت نام بپردازید',
      'ils demandent des frais de libération de {n} dh avant d\'envoyer le remboursement',
      'they need {n} AED customs release deposit first then the parcel comes',
      'بدهم مني {n} دولار رسوم حجز قبل الموعد عن طريق كارت ستيم',
    ];
    const OWN = [
      'I paid the deposit of {n} at your branch before the appointment, can you confirm the booking?',
      'the technician said the installation fee of {n} OMR is paid on the Qamar app before fitting',
      'Is there an installation fee? The technician comes tomorrow',
      'I paid the premium, {n}.60, reference 55120',
    ];
    fc.assert(
      fc.property(pick(FEE), pick(OWN), fc.integer({ min: 10, max: 900 }), script, (fee, own, n, sc) => {
        const s = sc(fill(fee, { n }));
        expect(flags(s), s).toContain('upgrade_fee');
        const t = sc(fill(own, { n }));
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a loss to come by a deadline, told or on a condition, is urgency; our closing hour and the customer\'s own cancellation are not', () => {
    const LOSS = [
      'Пришло SMS: ваш номер будет заблокирован в течение {h} часов',
      'payamak dadan ke hesabet ta {h} saat dige masdud mishe',
      'message: votre abonnement sera résilié sous {h}h sans paiement',
      'eza ma dafa3et abel bukra l se3a {h} bi2osso el internet, hek 2alouli',
      'гуфтанд агар то соати {h} пул насупорам, хизматро қатъ мекунанд',
      'الرسالة بتقول حسابك هيتلغي النهارده لو مأكدتش قبل الساعة {h}',
      'TEXT SAYS IF I DONT CONFIRM IN {h} HOURS THE ORDER IS CANCELLED',
    ];
    const OWN = [
      'the agency closes at {h} pm tonight, can I come before?',
      'I asked to close my account today, will it be closed by {h} tonight?',
      'je veux résilier mon abonnement avant demain {h}h, c\'est possible ?',
      'المكتب بيقفل الساعة {h} الليلة، أقدر أجي قبلها؟',
    ];
    fc.assert(
      fc.property(pick(LOSS), pick(OWN), fc.integer({ min: 2, max: 11 }), (loss, own, h) => {
        const s = fill(loss, { h });
        expect(flags(s), s).toContain('urgency');
        const t = fill(own, { h });
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a caller\'s number with a claim, or one a message orders called "unless …", is a fake number; our official number quoted is not', () => {
    const FAKE = [
      'мне позвонили с номера {num}, сказали что из Qamar',
      '{num} صيفط ليا مساج كيقول أنا service client ديال Qamar',
      'message says my line stops today unless I ring {num}, should I ring it?',
      'ye nafar az {num} zang zad goft poshtibani Qamar e',
    ];
    const OURS = [
      'The adviser told me the official number is 800 316 4400, I will use that one', 'الموظف قالي أتصل على الرقم الرسمي 800 316 4400 إذا تأخر الاسترداد',
      'the rep said to use code 1818? I thought that was your number', 'المستشار قالي استخدم كود ١٨١٨ للدعم',
    ];
    fc.assert(
      fc.property(pick(FAKE), pick(OURS), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }), (fake, ours, a, b) => {
        const s = fill(fake, { num: `+7 912 ${a} ${b}` });
        expect(flags(s), s).toContain('fake_number');
        expect(flags(ours), ours).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('a login\'s two names, then its two values, is a pasted password; a username with the password forgotten is not', () => {
    const PAIR = ['this is the username and password of my online bank: {u} / {p}', 'ده اليوزر والباسورد بتوع البنك: {u} / {p}', 'user & pass for the bank: {u}, {p}'];
    const FORGOT = ['my username is {u} and the password I forgot: can you reset it', 'اليوزر {u} والباسورد نسيته، ممكن تساعدوني؟'];
    fc.assert(
      fc.property(pick(PAIR), pick(FORGOT), pick(['tarek.h', 'mona_ali', 'rami88']), pick(['Giza#9910', 'Cairo@5521', 'Nile!2024x']), (pair, forgot, u, p) => {
        const s = fill(pair, { u, p });
        expect(flags(s), s).toContain('secret');
        const t = fill(forgot, { u });
        expect(flags(t), t).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
