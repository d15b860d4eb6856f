/**
 * Property tests for round 35 (issue #20): the told r26/r27 leaks — a Maghrebi RIB (Morocco's 24 digits, Tunisia's
 * 20) after its word, generated with a valid mod-97 key, joined or in its 3-3-16-2 groups, in three digit scripts, is
 * masked whole as an IBAN, and the same digits with a wrong key, or a reference after "RIB reçu", stay visible; a
 * Moroccan CIN (one or two capitals, five or six digits) after "لاكارط", "la carte", "CIN"; a CVV or a card's expiry
 * corrected after "no sorry" / "لا اسف" keeps both values masked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ribKey, ribValid } from '../../../main/core/masking/checksums';
import { withMaghrebRibs } from '../../../main/core/masking/maghreb-rib';
import { digits, expectFound, foundIn, luhnComplete, RUNS, SCRIPTS, visibleIn } from './generators';

const inScript = (k: number) => (d: string) => d.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const script = fc.constantFrom(0, 1, 2).map(inScript);
/** A Moroccan RIB: a bank's three digits, a town's three, sixteen of the account's, its key. */
const moroccanRibs = fc.tuple(fc.constantFrom('007', '011', '013', '021', '022', '023', '145', '190', '225', '230'), digits(3), digits(16)).map(([b, t, a]) => b + t + a + ribKey(b + t + a)).filter(ribValid);
/** A Tunisian RIB: a bank's two digits, a branch's three, thirteen of the account's, its key. */
const tunisianRibs = fc.tuple(fc.constantFrom('01', '04', '07', '08', '10', '14', '25'), digits(16)).map(([b, a]) => b + a + ribKey(b + a)).filter(ribValid);
const ribWords = fc.constantFrom('RIB', 'rib dyali', 'RIB mte3i', 'الريب ديالي', 'RIB :', 'mon RIB est', 'Relevé d\'identité bancaire:', 'رقم الحساب البنكي (RIB):', 'compte bancaire', 'rib dyal khti\n');
const after = fc.constantFrom('', ' merci', ' 3afak', ' عافاك', ', lmontant 1250 dh', '\nchoukran');
/** Joined, or in the bank's groups with spaces, dashes or dots. */
const layout = fc.constantFrom(
  (d: string) => d,
  (d: string) => (d.length === 24 ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 22)} ${d.slice(22)}` : `${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 18)} ${d.slice(18)}`),
  (d: string) => (d.length === 24 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 22)}-${d.slice(22)}` : `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 18)}.${d.slice(18)}`),
);

describe('masking round 35: told leaks of r26 and r27', () => {
  it('ribKey makes every generated RIB pass, and a changed digit fails it (the key is a real check)', () => {
    fc.assert(
      fc.property(fc.oneof(moroccanRibs, tunisianRibs), fc.nat(), fc.integer({ min: 1, max: 9 }), (d, i, plus) => {
        expect(ribValid(d)).toBe(true);
        const k = i % d.length;
        const changed = d.slice(0, k) + String((+d[k]! + plus) % 10) + d.slice(k + 1);
        // one digit changed moves the remainder by plus × 10^n, never a multiple of 97
        expect(ribValid(changed) && changed.length === 24).toBe(false);
      }),
      RUNS,
    );
  });

  it('a Moroccan or Tunisian RIB after its word is masked whole as an IBAN, joined or grouped, in any digit script', () => {
    fc.assert(
      fc.property(ribWords, fc.oneof(moroccanRibs, tunisianRibs), layout, script, after, (w, d, lay, sc, post) => {
        const v = sc(lay(d));
        foundIn(`${w} ${v}${post}`, v, 'IBAN');
      }),
      RUNS,
    );
  });

  it('the same digits with a wrong key, and a reference or an amount after "RIB reçu", stay visible', () => {
    fc.assert(
      fc.property(moroccanRibs, fc.integer({ min: 1, max: 96 }), digits(6), (d, off, ref) => {
        const key = (Number(d.slice(22)) + off) % 100;
        const wrong = d.slice(0, 22) + String(key).padStart(2, '0');
        fc.pre(!ribValid(wrong));
        const text = `RIB ${wrong.slice(0, 3)} ${wrong.slice(3, 6)} ${wrong.slice(6, 22)} ${wrong.slice(22)}`;
        // (the rule adds nothing; another reading may still mask a mistyped account, which fails closed)
        expect(withMaghrebRibs(text, [])).toEqual([]);
        visibleIn(`RIB reçu, virement réf ${ref} du ${ref.slice(0, 2)}/11`, ref);
      }),
      RUNS,
    );
  });

  it('a Moroccan CIN after its word is a NATIONAL_ID, joined, spaced or dashed, its digits in any script', () => {
    const letters = fc.constantFrom('A', 'B', 'K', 'X', 'AB', 'BK', 'EE', 'JA', 'PA', 'WA');
    const words = fc.constantFrom('لاكارط ديالي', 'لاكارط ناسيونال ديالي', 'la carte dyali', 'la carte nationale:', 'CIN', 'CIN:', 'CNIE n°', 'نمرة لاكارط');
    fc.assert(
      fc.property(words, letters, fc.constantFrom('', ' ', '-'), fc.integer({ min: 5, max: 6 }).chain((n) => digits(n)), script, (w, l, sep, d, sc) => {
        const v = `${l}${sep}${sc(d)}`;
        foundIn(`${w} ${v} 3afak`, v, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });

  it('a part number of the same shape with no CIN word, or a record word between, stays visible', () => {
    fc.assert(
      fc.property(fc.constantFrom('AB', 'BK', 'K'), digits(6), (l, d) => {
        visibleIn(`part no ${l} ${d} back in stock`, `${l} ${d}`);
        visibleIn(`la carte cadeau, commande ${l}${d}`, `${l}${d}`);
      }),
      RUNS,
    );
  });

  it('a CVV or an expiry corrected after "no sorry" / "لا اسف" / "ببخشید" keeps both values masked', () => {
    const sorry = fc.constantFrom('no sorry', 'sorry', 'لا اسف', 'لا آسف', 'na bebakhshid', 'نه ببخشید', 'oops');
    fc.assert(
      fc.property(digits(14), digits(3), digits(3), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 35 }), sorry, (b, c1, c2, mo, yr, w) => {
        fc.pre(c1 !== c2);
        const card = luhnComplete(`4${b}`).replace(/(\d{4})(?=\d)/g, '$1 ');
        const e1 = `${String(mo).padStart(2, '0')}/${yr}`;
        const e2 = `${String((mo % 12) + 1).padStart(2, '0')}/${yr}`;
        const at = (t: string, v: string, from: string): number => t.indexOf(v, t.indexOf(from) + from.length);
        const text = `card ${card} cvv ${c1} ${w} ${c2}`;
        expectFound(text, at(text, c1, ' cvv '), at(text, c1, ' cvv ') + 3, 'CVV');
        expectFound(text, at(text, c2, w), at(text, c2, w) + 3, 'CVV');
        const exp = `card ${card} exp ${e1} ${w} ${e2}`;
        expectFound(exp, at(exp, e1, ' exp '), at(exp, e1, ' exp ') + e1.length, 'CARD_EXPIRY');
        expectFound(exp, at(exp, e2, w), at(exp, e2, w) + e2.length, 'CARD_EXPIRY');
      }),
      RUNS,
    );
  });
});
