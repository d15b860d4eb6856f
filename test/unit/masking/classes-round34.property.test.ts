/**
 * Property tests for round 34 (issue #20): the told r26/r27 decoy classes — a record's number after a misspelt or
 * plural label or a job card's, a reception's, a payment's, a quote's or a police report's name, the second number of a
 * plural label's list, a number after an account label whose sentence's phone word belongs to an earlier number, a
 * count of tries after a company's number, a short sender after "from", a catalogue part number, a certificate's
 * Cyrillic-lettered serial and an amount in comma thousands after a security code stay visible; an identity word
 * nearer the number, a code's own word and an identity word before the serial still make the value.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, iranCodes, luhnComplete, maskedIn, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
/** Ten digits opening with 1 or 2 that pass the Saudi ID check (Luhn). */
const saudiIds = fc.constantFrom('1', '2').chain((f) => digits(8).map((b) => luhnComplete(f + b)));
const checkedTen = fc.oneof(saudiIds, iranCodes.filter((d) => d[0] !== '0'));
/** Labels round 33 did not read: misspelt, plural, a garage's, a reception's, an application's, a quote's, a report's, a payment's, a meter's. */
const labels = fc.constantFrom(
  'acount', 'accont no', 'my acount number', 'refs', 'the references', 'job card', 'Job Card no.', 'her application is', 'part',
  'كرت العمل', 'رقم كرت العمل', 'كارت الشغل', 'كارت الشغل رقم', 'رقم العرض', 'تقرير الشرطة', 'رقم تقرير الشرطة', 'محضر رقم',
  'شماره پذیرش', 'کد پذیرش', 'کد لنت', 'کد قطعه', 'shomare paziresh', 'shenase pardakht', 'shenase pardakhtam', 'raqam el 3adad', 'ra2m el 3adad',
);
const after = fc.constantFrom('', ' please check', ' ما وصلني شي', ' هنوز آماده نشده', ' thanks', ' w mafish rad');

describe('masking round 34: record labels further, counts, senders, part numbers, serials, amounts', () => {
  it('ten digits a national-ID check passes by chance stay visible after the told labels, in any digit script', () => {
    fc.assert(
      fc.property(labels, checkedTen, script, after, (l, d, sc, post) => {
        const v = sc(d);
        visibleIn(`${l} ${v}${post}`, v);
      }),
      RUNS,
    );
  });

  it('the second number of a plural label\'s list stays visible; an identity word before it still makes it the ID', () => {
    const plural = fc.constantFrom('refs', 'accounts', 'references', 'ارقام الحسابات', 'أرقام الطلبات', 'orders');
    const join = fc.constantFrom(' and ', ' & ', ', ', ' و ');
    fc.assert(
      fc.property(plural, checkedTen, join, checkedTen, script, (l, a, j, b, sc) => {
        fc.pre(a !== b);
        visibleIn(`${l} ${sc(a)}${j}${sc(b)}`, sc(b));
        foundIn(`${l} ${sc(a)}${j}iqama ${sc(b)}`, sc(b), 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('a phone word belongs to the earlier number: the account\'s number on the next line stays visible, the phone is masked', () => {
    const phoneWords = fc.constantFrom('my cell', 'raqmi', 'جوالي', 'موبایلم', 'my mobile is');
    const acct = fc.constantFrom("her account", "my father's account", 'account no', 'حسابها رقم', 'acct');
    fc.assert(
      fc.property(phoneWords, digits(8), acct, checkedTen, (w, body, l, d) => {
        const text = `${w} 05${body}\n${l} ${d} has the wrong name`;
        foundIn(text, `05${body}`, 'PHONE', 'first');
        visibleIn(text, d);
      }),
      RUNS,
    );
  });

  it('an identity word nearer than the new labels keeps a checked ID the ID', () => {
    const idWords = fc.constantFrom('iqama', 'national ID', 'هويتي', 'رقم الهوية', 'کد ملی', 'code melli');
    fc.assert(
      fc.property(labels, checkedTen, idWords, checkedTen, script, (l, rec, w, id, sc) => {
        fc.pre(rec !== id);
        foundIn(`${l} ${sc(rec)}، ${w} ${sc(id)}`, sc(id), 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('a count of tries after a toll-free number is no part of it; a mobile before a count is still masked', () => {
    const count = fc.constantFrom(['3', 'times'], ['2', 'times'], ['٣', 'مرات'], ['۴', 'بار'], ['5', 'fois']);
    fc.assert(
      fc.property(fc.constantFrom('800', '888', '877'), fc.integer({ min: 2, max: 9 }), digits(6), count, digits(8), (k, x, body, [c, word], mob) => {
        const n = `${k} ${x}${body.slice(0, 2)} ${body.slice(2)}`;
        visibleIn(`I called ${n} ${c} ${word} and nobody answered`, n);
        maskedIn(`call me on 05${mob} ${c} ${word}`, `05${mob}`);
      }),
      RUNS,
    );
  });

  it('a short sender after "from" is no code; the code in the same message is', () => {
    const from = fc.constantFrom('the code from', 'got an sms from', 'الكود اللي جاني من', 'کدی که از', 'the message from');
    fc.assert(
      fc.property(from, digits(5), digits(6), (f, sender, code) => {
        fc.pre(!sender.startsWith('0') && !code.endsWith('00'));
        const text = `${f} ${sender} didn't work, the code I got was ${code}`;
        visibleIn(text, sender);
        foundIn(text, code, 'OTP');
      }),
      RUNS,
    );
  });

  it('a catalogue part number (five digits, a dash, letters and digits) is no code; a code label with one letter after stays a code', () => {
    const tailPart = fc.tuple(digits(4), fc.constantFrom('A', 'YZ', 'RA', 'C', 'N', 'ZE')).map(([d, l]) => (d.slice(0, 1) + l + d.slice(1)).slice(0, 5));
    fc.assert(
      fc.property(fc.constantFrom('code', 'کد', 'كود', 'need 2x', 'do you stock'), digits(5), tailPart, (w, head, t) => {
        fc.pre(/[A-Z]/.test(t));
        visibleIn(`${w} ${head}-${t} please`, head);
      }),
      RUNS,
    );
  });

  it('an amount in comma thousands on the line after a security code is no second code; the code stays masked', () => {
    fc.assert(
      fc.property(digits(3), fc.integer({ min: 1, max: 999 }), digits(3), script, fc.constantFrom('٬', ','), (cvv, m, k, sc, sep) => {
        fc.pre(!cvv.startsWith('0'));
        const amount = sc(`${m}${sep}${k}${sep}000`);
        const text = `cvv2 ${sc(cvv)}\nمبلغ ${amount} کم شد`;
        foundIn(text, sc(cvv), 'CVV', 'first');
        visibleIn(text, amount);
      }),
      RUNS,
    );
  });

  it('a serial after a lone Cyrillic capital and a dash stays visible; after an identity word it is masked', () => {
    fc.assert(
      fc.property(fc.constantFrom('Н', 'А', 'Б', 'К'), digits(7), (l, d) => {
        visibleIn(`справка ${l}-${d} о пособии`, d);
        foundIn(`удостоверение личности ${l}-${d}`, d, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });
});
