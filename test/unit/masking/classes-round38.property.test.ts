/**
 * Property tests for round 38 (issue #20, decoys): record numbers that look like values. A record number of letter
 * groups with a country's letters inside and a digit tail is one token, never a passport cut out of it, whatever
 * passport's word stands near; a 16-digit member, loyalty or insurance number in 4-4-4-4 that fails Luhn stays
 * visible after its word (one that passes stays a CARD); a plate "NN-NNNNN" after a plate's word, an approval's
 * eight digits after its word, and a staff member's four-digit code after the person's word stay visible, while a
 * real passport, a Gulf phone after a phone's word and a one-time code that came by SMS beside them stay masked.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { digits, foundIn, luhnComplete, RUNS, scriptOf, visibleIn } from './generators';

const COUNTRIES = ['SA', 'AE', 'KW', 'QA', 'BH', 'OM', 'JO', 'PS', 'EG', 'IR', 'TN', 'MA', 'LB', 'IQ', 'TR', 'AF'];
const prefixes = fc.constantFrom('TRV', 'MV', 'HLT', 'MED', 'CLM', 'POL', 'CAR', 'PKG', 'AUTO', 'HOME', 'BKG', 'RSV');
const seps = fc.constantFrom('-', '/', '_');
const recordNumbers = fc.tuple(prefixes, fc.constantFrom(...COUNTRIES), seps, fc.integer({ min: 6, max: 9 }).chain((n) => digits(n)), scriptOf).map(([p, cc, s, d, sc]) => `${p}${s}${cc}${s}${sc(d)}`)
  .chain((r) => fc.constantFrom('', '-01', '/2', '-A').map((x) => r + x));
const recordWords = fc.constantFrom('claim', 'my claim ref', 'policy no.', 'booking id', 'رقم المطالبة', 'رقم البوليصة', 'الحجز', 'شماره پرونده', 'numéro de dossier', 'el policy number', '');
const passportNear = fc.constantFrom(
  ['', ' — I lost my passport on that trip'],
  ['', ' بخصوص جواز السفر'],
  ['', '\npassport'],
  ['پاسپورتم گم شد، ', ''],
  ['passport stolen, ', ''],
  ['', ' w el basbor da3'],
);
const passports = fc.constantFrom('N12458877', 'K55102938', 'X95012873', 'P01928374', 'A09871234');

/** Sixteen digits that fail Luhn (a Luhn-complete number with its check digit moved). */
const nonLuhn16 = fc.tuple(fc.constantFrom('1', '2', '3', '7', '8', '9'), digits(14)).map(([a, b]) => {
  const ok = luhnComplete(a + b);
  return ok.slice(0, 15) + String((Number(ok[15]) + 1 + (Number(b[0]) % 8)) % 10);
});
const luhn16 = fc.constantFrom('4', '51', '55', '6037').chain((p) => digits(15 - p.length).map((b) => luhnComplete(p + b)));
const grouped = (d: string, sep: string): string => d.match(/.{4}/g)!.join(sep);
const memberWords = fc.constantFrom('member no', 'member ID', 'numéro de membre', 'member number', 'membership no.', 'loyalty number', 'رقم العضو', 'رقم العضوية', 'رقم عضويتي', 'شماره عضویت', 'شماره عضویت باشگاه', "numéro d'adhérent");

describe('masking round 38: record numbers that look like values', () => {
  it('a record number of letter groups, a country code and digits is one token: no passport cut out of it', () => {
    fc.assert(
      fc.property(recordWords, recordNumbers, passportNear, (w, r, [pre, post]) => {
        visibleIn(`${pre}${w} ${r}${post}`, r);
      }),
      RUNS,
    );
  });

  it("a real passport after its word beside such a record number is still masked", () => {
    fc.assert(
      fc.property(recordWords, recordNumbers, passports, fc.constantFrom('passport', 'جوازي', 'پاسپورتم', 'passport no:'), (w, r, p, pw) => {
        const t = `${w} ${r} and ${pw} ${p}`;
        visibleIn(t.slice(0, t.indexOf(r) + r.length), r);
        foundIn(t, p, 'PASSPORT');
      }),
      RUNS,
    );
  });

  it('a non-Luhn 16-digit member number in 4-4-4-4 after its word stays visible; a Luhn-valid one is a CARD', () => {
    fc.assert(
      fc.property(memberWords, nonLuhn16, luhn16, fc.constantFrom(' ', '-'), scriptOf, (w, bad, good, sep, sc) => {
        const v = sc(grouped(bad, sep));
        visibleIn(`${w} ${v} didn't work`, v);
        const c = sc(grouped(good, sep));
        foundIn(`${w} ${c} didn't work`, c, 'CARD');
      }),
      RUNS,
    );
  });

  it("a plate NN-NNNNN after a plate's word stays visible", () => {
    fc.assert(
      fc.property(fc.constantFrom('plate', 'plate number', 'vehicle no', 'car plate no', 'رقم اللوحة', 'لوحة السيارة', 'پلاک', 'شماره پلاک', 'ra2m el lo7a'), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 4, max: 5 }).chain((n) => digits(n)), scriptOf, (w, a, b, sc) => {
        const v = sc(`${a}-${b}`);
        visibleIn(`${w} ${v} — the accident was yesterday`, v);
      }),
      RUNS,
    );
  });

  it("an approval's eight digits after its word stay visible; a Gulf phone after its word beside it is masked", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('approval no', 'approval number', 'pre-auth no.', 'preauthorisation #', 'رقم الموافقة', 'الموافقه بتاعة العملية رقم', 'رقم الموافقة المسبقة:', 'شماره تاییدیه', 'el mowafa2a ra2m'),
        fc.constantFrom('2', '3', '4', '5', '6', '7', '9').chain((f) => digits(7).map((d) => f + d)),
        fc.constantFrom('5', '6', '9').chain((f) => digits(7).map((d) => f + d)),
        scriptOf,
        (w, a, phone, sc) => {
          const v = sc(a);
          const p = sc(phone);
          const t = `${w} ${v}, my mobile ${p}`;
          visibleIn(t.slice(0, t.indexOf(v) + v.length), v);
          foundIn(t, p, 'PHONE');
        },
      ),
      RUNS,
    );
  });

  it("a staff member's four-digit code stays visible; a code that came by SMS is an OTP", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('the agent with code', 'your rep (code', 'The representative, code', 'branch officer ID code', 'نماینده شما با کد', 'نماینده‌تون با کد', 'کارشناس با کد', 'الموظف كود', 'الموظفة كودها', 'المندوب كوده', 'el mandoub code', 'كود الموظف', 'کد کارمند', 'کد نماینده', 'el mowazaf code'),
        fc.constantFrom('told me it was covered', 'said to wait', 'گفته بود', 'قال لي انتظر'),
        fc.constantFrom(['code', 'came by SMS'], ['کد', 'برام اومد'], ['جالي كود', 'على الموبايل']),
        digits(4).filter((d) => d[0] !== '0'),
        scriptOf,
        (staff, rest, [cw, came], d, sc) => {
          const v = sc(d);
          visibleIn(`${staff} ${v}${staff.endsWith('(code') ? ')' : ''} ${rest}`, v);
          foundIn(`${cw} ${v} ${came}`, v, 'OTP');
        },
      ),
      RUNS,
    );
  });
});
