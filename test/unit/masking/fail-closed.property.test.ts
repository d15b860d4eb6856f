/**
 * Property tests for round 18 (issue #20): long numbers nobody explained are masked (fail closed). A run of seven to
 * sixteen digits in any script, joined by spaces, dashes or nothing, in generated words that name no record, is
 * masked whatever word stands before it (words the lexicon does not know: "huduma", "MyKad", "PhilSys"); the same
 * kind of run after a record's label in any of our languages, beside a currency, inside a date and time, or after a
 * version's word stays visible — each decoy in a message that also holds an unexplained value, which must be masked.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { egyptIdValid, emiratesIdValid, iranCodeValid, luhnValid, saudiIdValid } from '../../../main/core/masking/checksums';
import { checkInternational } from '../../../main/core/masking/phone-plan';
import { maskedIn, RUNS, SCRIPTS, visibleIn } from './generators';

/**
 * Digits of a run no reason explains by its shape: it opens with 3, 4, 5 or 7 (no trunk zero, no year, no toll-free
 * or unified prefix), so only the words around it could explain it.
 */
const longDigits = fc.integer({ min: 7, max: 16 }).chain((n) => fc.tuple(fc.constantFrom(3, 4, 5, 7), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n - 1, maxLength: n - 1 }))).map(([first, rest]) => `${first}${rest.join('')}`)
  // (a round figure in thousands is an amount by its layout alone)
  .filter((d) => !d.endsWith('000'));

/** The run as typed: in one script or mixed, in groups of three to five apart by a space, a dash or nothing. */
const written = (d: string, shortest = 3): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(' ', '-', ''), fc.array(fc.integer({ min: shortest, max: 5 }), { minLength: 5, maxLength: 5 }), fc.array(fc.constantFrom(0, 1, 2), { minLength: 16, maxLength: 16 }), fc.boolean()).map(([sep, sizes, scripts, mixed]) => {
    const parts: string[] = [];
    let at = 0;
    for (const k of sizes) {
      if (d.length - at <= 5) break;
      parts.push(d.slice(at, at + k));
      at += k;
    }
    // (a last group of one or two digits before a word is read as a count of it: "… 41 po")
    if (d.length - at < 3) parts[parts.length - 1] += d.slice(at);
    else parts.push(d.slice(at));
    // thousands groups after a short first one ("12 345 678") are an amount's layout: keep the first group long
    const joined = sep ? parts.join(sep) : d;
    let i = 0;
    return joined.replace(/[0-9]/g, (x) => SCRIPTS[mixed ? scripts[i++ % 16]! : scripts[0]!]![+x]!);
  });

const run = longDigits.chain((d) => written(d));
/**
 * A decoy's run: in groups of four or five (a phone's 3-3-4 layout is typed as a phone whatever its label, as before
 * this round), and never digits a check or a plan types by themselves (a card beside a currency is still a card).
 */
const decoyRun = longDigits.filter((d) => !checkedByItsDigits(d)).chain((d) => written(d, 4));

/** Digits a check or a numbering plan types before any word is read (as before this round): never a decoy here. */
function checkedByItsDigits(d: string): boolean {
  const n = d.length;
  return (n >= 13 && n <= 19 && luhnValid(d)) || (n === 10 && (saudiIdValid(d) || iranCodeValid(d))) || (n === 14 && egyptIdValid(d)) || (n === 15 && emiratesIdValid(d)) || checkInternational(d) !== 'no' || checkInternational(d.slice(1)) !== 'no';
}

/** Words around a value that name no record: greetings, a reply to a question, labels the lexicon does not know. */
const before = fc.constantFrom('', 'hi it\'s ', 'here: ', 'ok here you go ', 'my huduma ', 'MyKad ', 'my IC is ', 'PhilSys ', 'TC kimlik ', 'my UID ', 'تفضل ', 'هذا هو ', 'الكارنيه ', 'بفرمایید ', 'اینه ', 'tfadal ', 'befarmaid ', 'aye here ', 'po ito ', 'sawa ');
const after = fc.constantFrom('', ' thanks', ' شكرا', ' ممنون', ' pls', ' po', ' lah', ' ya akhi', '\nbye');

/** Record labels in our languages (one voice each, many words). */
const RECORD_LABELS = [
  'order ', 'order no. ', 'booking ref ', 'tracking number ', 'invoice ', 'case ', 'ticket ', 'reference ', 'meter ', 'IMEI ', 'serial no ', 'policy ', 'flight ',
  'رقم الطلب ', 'رقم الفاتورة ', 'رقم الشحنة ', 'رقم الحجز ', 'رقم العداد ', 'رقم الحوالة ', 'رقم البلاغ ', 'رقم الرحلة ',
  'شماره سفارش ', 'کد رهگیری ', 'شماره فاکتور ', 'شماره قبض ', 'شماره کنتور ', 'شماره پرواز ', 'شماره پیگیری ',
  'talab ', 'el order ', 'el fatoura ', 'el shohna ', 'sefaresh ', 'factor ', 'ghabz ', 'kontor ', 'peygiri ',
  'Bestellnummer ', 'Rechnungsnummer ', 'Sendungsnummer ', 'Kundennummer ', 'facture ', 'dossier ', 'numéro de commande ', 'suivi ',
];
const recordLabel = fc.constantFrom(...RECORD_LABELS);
const currencyAround = fc.constantFrom<[string, string]>(['', ' SAR'], ['', ' ريال'], ['', ' تومان'], ['', ' dinars'], ['AED ', ''], ['$ ', ''], ['Rs ', ''], ['', ' جنيه'], ['€ ', ''], ['£ ', '']);
const versionWord = fc.constantFrom('version ', 'ver. ', 'build ', 'نسخه ', 'الإصدار ');

/** A message with an unexplained value first and the decoy after it (or the other way round). */
function both(value: string, decoy: string, decoyFirst: boolean, pre: string): string {
  return decoyFirst ? `${pre}${decoy}, and ${value} is mine` : `${pre}${value} is mine, and ${decoy}`;
}

describe('fail closed: long numbers nobody explained are masked (round 18)', () => {
  it('a long run with no record word around it is masked, whatever unknown word names it', () => {
    fc.assert(
      fc.property(before, run, after, (pre, v, post) => {
        maskedIn(`${pre}${v}${post}`, v);
      }),
      RUNS,
    );
  });

  it('after a record label in any of our languages the run stays visible (beside an unexplained one, masked)', () => {
    fc.assert(
      fc.property(recordLabel, decoyRun, run, fc.boolean(), (label, decoy, value, decoyFirst) => {
        const text = both(value, `${label}${decoy}`, decoyFirst, 'hi ');
        visibleIn(text, decoy);
        maskedIn(text, value);
      }),
      RUNS,
    );
  });

  it('beside a currency word or sign the run stays visible (beside an unexplained one, masked)', () => {
    fc.assert(
      fc.property(currencyAround, decoyRun, run, fc.boolean(), ([cb, ca], decoy, value, decoyFirst) => {
        const text = both(value, `they took ${cb}${decoy}${ca}`, decoyFirst, '');
        visibleIn(text, decoy);
        maskedIn(text, value);
      }),
      RUNS,
    );
  });

  it('"r", "n" and "le" apart and in lower case are words ("are", "and", "the"), not rand, naira or pounds; in capitals they are signs', () => {
    fc.assert(
      fc.property(decoyRun, run, fc.constantFrom('r', 'n', 'le'), fc.constantFrom('my id number', 'the digits', 'passport', 'mon numéro est'), (decoy, value, word, lead) => {
        maskedIn(`${lead} ${word} ${value} thanks`, value);
        visibleIn(`they took ${word.toUpperCase()} ${decoy} from my wallet`, decoy);
      }),
      RUNS,
    );
  });

  it('a date with its time, a compact timestamp, a version stay visible (beside an unexplained value, masked)', () => {
    const pad = (x: number): string => String(x).padStart(2, '0');
    const dateTime = fc.tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 28 }), fc.integer({ min: 10, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('-', '/', '.'))
      // (a date and its hour read as ten digits an ID's check accepts by chance are typed by the check, as before)
      .filter(([y, m, d, h]) => !checkedByItsDigits(`${y}${pad(m)}${pad(d)}${pad(h)}`) && !checkedByItsDigits(`${pad(d)}${pad(m)}${y}${pad(h)}`))
      .map(([y, m, d, h, mi, form, sep]) => (form === 0 ? `${y}${sep}${pad(m)}${sep}${pad(d)} ${pad(h)}:${pad(mi)}` : form === 1 ? `${y}${pad(m)}${pad(d)}${pad(h)}${pad(mi)}` : `${pad(d)}${sep}${pad(m)}${sep}${y} ${pad(h)}:${pad(mi)}`));
    const version = fc.tuple(versionWord, fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 2, maxLength: 3 })).filter(([, major, parts]) => !checkedByItsDigits(`${major}${parts.join('')}`)).map(([w, major, parts]) => `${w}${major}.${parts.join('.')}`);
    fc.assert(
      fc.property(fc.oneof(dateTime, version, fc.tuple(versionWord, decoyRun).map(([w, r]) => `${w}${r}`)), run, fc.boolean(), (decoy, value, decoyFirst) => {
        const text = both(value, `it says ${decoy}`, decoyFirst, '');
        visibleIn(text, decoy.replace(/^[^\p{N}]+/u, ''));
        maskedIn(text, value);
      }),
      RUNS,
    );
  });
});
