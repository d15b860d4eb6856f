/**
 * Property tests for round 20 (issue #20): the told r14 set's remaining classes, generated. A value its writer goes
 * on typing in the next message of a chat export (any export's timestamp, any sender, split anywhere) is one value;
 * the timestamps and another sender's words stay visible. A table's header names every value in its column.
 * Other countries' IDs with letters before or after their digits are IDs after (or before) an ID's word, or where their
 * shape proves them, and stay visible after a record's word. The wrong value of a birth date is a birth date.
 * A card's security code described by its count of digits is a CVV beside a card. A label after its value names it.
 * A card's expiry typed with the letter O for a zero is the expiry. A code named only as "the new one", after the first
 * expired, is a code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../main/core/masking';
import { digits, foundIn, visibleIn, ibans, iranCodes, luhnComplete, RUNS, SCRIPTS } from './generators';

const inScript = (text: string, k: number): string => text.replace(/[0-9]/g, (x) => SCRIPTS[k]![+x]!);
const two = (n: number): string => String(n).padStart(2, '0');

/** A chat export's line prefix for a time and a writer: WhatsApp's two exports, Telegram's, a desktop client's. */
const prefix = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 4 }))
  .map(([h, m, d, mo, script, form]) => (name: string, dm = 0): string => {
    const t = `${two(h)}:${two((m + dm) % 60)}`;
    const p = [`[${t}] `, `[${t}, ${d}/${mo}/2026] `, `${d}/${mo}/26, ${t} - `, `[${((h + 11) % 12) + 1}:${two((m + dm) % 60)} PM] `, `2026-${two(mo)}-${two(d)} ${t} - `][form]!;
    return `${inScript(p, script)}${name}: `;
  });
const writer = fc.constantFrom('Zain', 'Joy M', 'ريم', 'نیما', 'Kamal');
const codeLabel = fc.constantFrom('the code is ', 'OTP: ', 'verification code ', 'رمز التحقق ', 'الكود ', 'کد تایید ', 'code ');

/** Every digit of `text` that `where` admits is masked, or none is. */
function digitsMasked(text: string, from: number, to: number): boolean[] {
  const spans = detectSensitive(text);
  const out: boolean[] = [];
  for (let i = from; i < to; i++) if (/\p{Nd}/u.test(text[i]!)) out.push(spans.some((s) => s.start <= i && s.end > i && s.type === 'OTP'));
  return out;
}

describe('masking round 20: a code continued on a chat export\'s next lines', () => {
  it('masks every digit of a code its writer splits over two or three messages, and no timestamp', () => {
    fc.assert(
      fc.property(prefix, writer, codeLabel, fc.integer({ min: 4, max: 8 }).chain((n) => digits(n)), fc.nat(), fc.nat(), fc.boolean(), fc.constantFrom(0, 1, 2), (pre, name, label, code, c1, c2, oneByOne, script) => {
        const a = 1 + (c1 % (code.length - 1));
        const b = a + (c2 % (code.length - a));
        const parts = [code.slice(0, a), code.slice(a, b), code.slice(b)].filter(Boolean).map((p) => inScript(oneByOne ? p.split('').join(' ') : p, script));
        const lines = parts.map((p, k) => `${pre(name, k)}${k === 0 ? label : ''}${p}`);
        const text = lines.join('\n');
        const spans = detectSensitive(text);
        let at = 0;
        for (const [k, line] of lines.entries()) {
          const head = pre(name, k).length;
          for (let i = at; i < at + line.length; i++) {
            const masked = spans.some((s) => s.start <= i && s.end > i);
            if (!/\p{Nd}/u.test(text[i]!)) continue;
            if (i < at + head) expect(masked, `timestamp masked in ${JSON.stringify(text)}`).toBe(false);
            else expect(masked && digitsMasked(text, i, i + 1)[0], `code digit ${i} left in clear in ${JSON.stringify(text)}: ${JSON.stringify(spans)}`).toBe(true);
          }
          at += line.length + 1;
        }
      }),
      RUNS,
    );
  });

  it("does not carry a code's label over another writer's message, nor over a count or an order", () => {
    fc.assert(
      fc.property(prefix, codeLabel, digits(4), fc.integer({ min: 2, max: 9 }), fc.constantFrom('items', 'boxes', 'علب', 'تا'), (pre, label, code, n, unit) => {
        const text = `${pre('Zain')}${label}${code}\n${pre('Agent Sara', 1)}thanks, ${n} ${unit} are on the way`;
        const spans = detectSensitive(text);
        const at = text.lastIndexOf(` ${n} `) + 1;
        expect(spans.some((s) => s.start <= at && s.end > at), `${JSON.stringify(text)}: ${JSON.stringify(spans)}`).toBe(false);
        // (the code where its label stands: its digits may also be the timestamp's year, "[…, 1/12/2026] Zain: code 2026")
        const codeAt = text.indexOf(label + code) + label.length;
        expect(spans.some((s) => s.type === 'OTP' && s.start <= codeAt && s.end >= codeAt + code.length), `${JSON.stringify(text)}: ${JSON.stringify(spans)}`).toBe(true);
      }),
      RUNS,
    );
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1940, max: 2010 }));
type Column = { header: fc.Arbitrary<string>; value: fc.Arbitrary<string>; type: 'DOB' | 'PHONE' | 'NATIONAL_ID' | 'IBAN' | 'PASSPORT' | null };

/** Columns a header names as sensitive, each with values as people type them, and columns of prices, counts and orders. */
const COLUMNS: Column[] = [
  { header: fc.constantFrom('DOB', 'Date of birth', 'تاريخ الميلاد', 'Birth date'), type: 'DOB', value: fc.tuple(day, fc.integer({ min: 0, max: 2 })).map(([[d, m, y], f]) => [`${two(d)}-${MONTHS[m - 1]}-${y}`, `${y}/${two(m)}/${two(d)}`, `${two(d)}.${two(m)}.${y}`][f]!) },
  { header: fc.constant('تاریخ تولد'), type: 'DOB', value: fc.tuple(fc.integer({ min: 1320, max: 1390 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 })).map(([y, m, d]) => `${y}/${two(m)}/${two(d)}`) },
  { header: fc.constantFrom('Mobile', 'Phone', 'رقم الجوال', 'موبایل'), type: 'PHONE', value: fc.tuple(digits(7), fc.constantFrom('', ' ')).map(([d, sep]) => `055${sep}${d.slice(0, 3)}${sep}${d.slice(3)}`) },
  { header: fc.constantFrom('کد ملی', 'National code'), type: 'NATIONAL_ID', value: iranCodes },
  { header: fc.constant('Emirates ID'), type: 'NATIONAL_ID', value: fc.tuple(fc.integer({ min: 1960, max: 2005 }), digits(7)).map(([y, d]) => luhnComplete(`784${y}${d}`)).map((v) => `${v.slice(0, 3)}-${v.slice(3, 7)}-${v.slice(7, 14)}-${v[14]}`) },
  { header: fc.constant('IBAN'), type: 'IBAN', value: ibans },
  { header: fc.constantFrom('Passport', 'Passport no', 'جواز السفر'), type: 'PASSPORT', value: fc.tuple(fc.constantFrom('N', 'P', 'K'), digits(7)).map(([l, d]) => `${l}${d}`) },
  { header: fc.constantFrom('Qty', 'الكمية', 'تعداد'), type: null, value: fc.integer({ min: 1, max: 40 }).map(String) },
  { header: fc.constantFrom('Price', 'Unit price', 'السعر', 'قیمت'), type: null, value: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.boolean()).map(([a, c, cents]) => (cents ? `${a}.${two(c)}` : String(a * 10))) },
  { header: fc.constantFrom('Order no', 'Order', 'رقم الطلب', 'شماره سفارش'), type: null, value: fc.integer({ min: 5, max: 8 }).chain((n) => digits(n - 1)).map((d) => `4${d}`) },
];
const NAMES = ['Sara Ali', 'خالد', 'مریم', 'R. Khan', 'Omar'];

describe('masking round 20: a header row names the values of its column', () => {
  it('masks every value under a sensitive header as its type, and no price, count or order under theirs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: COLUMNS.length - 1 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('\t', '  ', '    ', '\t\t'),
        fc.constantFrom(0, 1, 2),
        fc.nat(),
        (cols, rows, sep, script, seed) => {
          const columns = cols.map((c) => COLUMNS[c]!);
          const headers = columns.map((c) => fc.sample(c.header, { seed, numRuns: 1 })[0]!);
          const body = Array.from({ length: rows }, (_, r) => columns.map((c) => inScript(fc.sample(c.value, { seed: seed + r * 7919 + cols.length, numRuns: 1 })[0]!, script)));
          const lines = [['Name', ...headers], ...body.map((cells, r) => [NAMES[r % NAMES.length]!, ...cells])];
          const text = lines.map((l) => l.join(sep)).join('\n');
          const spans = detectSensitive(text);
          let at = lines[0]!.join(sep).length + 1;
          for (const row of lines.slice(1)) {
            let p = at + row[0]!.length + sep.length;
            for (const [k, cell] of row.slice(1).entries()) {
              const want = columns[k]!.type;
              const hit = spans.filter((sp) => sp.start < p + cell.length && p < sp.end);
              const why = `${JSON.stringify(cell)} under ${JSON.stringify(headers[k])} in ${JSON.stringify(text)}: ${JSON.stringify(hit)}`;
              if (want) expect(hit.some((sp) => sp.type === want && sp.start <= p && sp.end >= p + cell.length), why).toBe(true);
              else expect(hit, why).toEqual([]);
              p += cell.length + sep.length;
            }
            at += row.join(sep).length + 1;
          }
        },
      ),
      RUNS,
    );
  });
});

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const sriLankaNic = fc.tuple(fc.integer({ min: 40, max: 99 }), fc.oneof(fc.integer({ min: 1, max: 366 }), fc.integer({ min: 501, max: 866 })), digits(4), fc.constantFrom('V', 'X', 'v')).map(([y, d, n, l]) => `${y}${String(d).padStart(3, '0')}${n}${l}`);
const dni = digits(8).map((d) => `${d}${DNI_LETTERS[Number(d) % 23]}`);
const nie = fc.tuple(fc.constantFrom(0, 1, 2), digits(7)).map(([k, d]) => `${'XYZ'[k]}${d}${DNI_LETTERS[Number(`${k}${d}`) % 23]}`);
/** Shapes that need their word: a Moroccan CIN, a cédula with its letter, a DNI whose letter is mistyped. */
const worded = fc.oneof(
  fc.tuple(fc.constantFrom('BK', 'A', 'JA', 'EE'), digits(6)).map(([l, d]) => `${l}${d}`),
  fc.tuple(fc.constantFrom('V-', 'E-', 'V'), digits(8)).map(([l, d]) => `${l}${d}`),
  digits(8).map((d) => `${d}${DNI_LETTERS[(Number(d) + 1) % 23]}`),
);

describe('masking round 20: IDs of other countries with letters before or after their digits', () => {
  it('an ID whose shape proves it is an ID, bare or labelled; after a record word it stays visible', () => {
    fc.assert(
      fc.property(fc.oneof(sriLankaNic, dni, nie), fc.constantFrom('', 'hi ', 'sir '), fc.constantFrom('', ' pls update', ' for the SIM', '\nthanks'), (id, pre, post) => {
        foundIn(`${pre}${id}${post}`, id, 'NATIONAL_ID');
        foundIn(`${pre}my NIC is ${id}${post}`, id, 'NATIONAL_ID');
        visibleIn(`${pre}order ${id}${post}`, id);
        visibleIn(`${pre}tracking number ${id}${post}`, id);
      }),
      RUNS,
    );
  });

  it('a shape that needs its word is an ID after an ID word before it or after it in its clause, and nothing without one', () => {
    fc.assert(
      fc.property(worded, fc.constantFrom('ma CIN ', 'cédula de identidad ', 'mi DNI es ', 'رقم البطاقة الوطنية ', 'my national ID ', 'NIC no: '), fc.constantFrom(' that is my identity card no', ' هذا رقم الهوية ديالي', ' c\'est ma carte d\'identité nationale'), (id, before, after) => {
        foundIn(`${before}${id} pour le dossier`, id, 'NATIONAL_ID');
        foundIn(`${id}${after}`, id, 'NATIONAL_ID');
        // (a last S, B or O after six digits or more is read as the OCR's digit: a number, another class)
        if (/[SBOIl]$/.test(id)) return;
        visibleIn(`the model on the box is ${id}`, id);
        visibleIn(`SKU ${id} is out of stock`, id);
      }),
      RUNS,
    );
  });
});

/** One slip of a year: a digit changed, or two side by side swapped. */
const slipped = (y: string): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 }), fc.boolean()).map(([i, d, swap]) => (swap && i < 3 ? y.slice(0, i) + y[i + 1] + y[i] + y.slice(i + 2) : y.slice(0, i) + d + y.slice(i + 1))).filter((w) => w !== y);

describe('masking round 20: the wrong value of a birth date', () => {
  const births: Array<[(d: number, m: number, y: number) => string, (w: string) => string]> = [
    [(d, m, y) => `my DOB is ${d} ${MONTHS[m - 1]} ${y}`, (w) => ` but your system shows ${w}`],
    [(d, m, y) => `my birthday is ${two(d)}/${two(m)}/${y}`, (w) => ` not ${w} like the app says`],
    [(d, m, y) => `تاريخ ميلادي ${two(d)}/${two(m)}/${y}`, (w) => ` مش ${w} زي ما عندكم`],
    [(d, m, y) => `تاريخ ميلادي ${y}/${two(m)}/${two(d)}`, (w) => ` بس عندكم مكتوب ${w}`],
    [(d, m, y) => `تاریخ تولدم ${y}/${two(m)}/${two(d)}`, (w) => ` است ولی تو سیستم زده ${w}`],
  ];
  it('masks a year one slip from the birth date after a word that sets it against it, in any digit script', () => {
    fc.assert(
      fc.property(day.chain(([d, m, y]) => slipped(String(y)).map((w) => [d, m, y, w] as const)), fc.constantFrom(...births), fc.constantFrom(0, 1, 2), ([d, m, y, w], [say, against], script) => {
        const text = inScript(say(d, m, y) + against(w), script);
        foundIn(text, inScript(w, script), 'DOB');
      }),
      RUNS,
    );
  });
  it("leaves a record's number, an unrelated year and a year with nothing set against it visible", () => {
    fc.assert(
      fc.property(day.chain(([d, m, y]) => slipped(String(y)).map((w) => [d, m, y, w] as const)), fc.constantFrom(...births), ([d, m, y, w], [say]) => {
        visibleIn(`${say(d, m, y)}, but the order ${w} never came`, w);
        visibleIn(`${say(d, m, y)} لكن الطلب رقم ${w} ما وصل`, w);
        visibleIn(`${say(d, m, y)} and I moved here in ${w}`, w);
      }),
      RUNS,
    );
  });
});

describe("masking round 20: a card's security code described by its count", () => {
  const counts = ['the 3 digits r ', 'the three numbers at the back: ', 'les 3 chiffres derrière: ', 'les trois chiffres ', 'سه رقم پشت کارت ', 'سه تا عدد پشتش ', 'الثلاث أرقام اللي ورا ', 'الأرقام الثلاثة '];
  const card = digits(15).map((d) => luhnComplete(`4${d.slice(1)}`).replace(/(.{4})(?=.)/g, '$1 '));
  it('masks as many digits as the count says after it, beside a card, in any digit script', () => {
    fc.assert(
      fc.property(card, fc.constantFrom('card ', 'carte ', 'کارت ', 'بطاقتي '), fc.constantFrom('', ' exp 08/29', ' انقضا 1406/09'), fc.constantFrom(...counts), digits(3), fc.constantFrom(0, 1, 2), (c, word, exp, count, cvv, script) => {
        const text = inScript(`${word}${c}${exp} ${count}${cvv}`, script);
        foundIn(text, inScript(cvv, script), 'CVV');
      }),
      RUNS,
    );
  });
  it("leaves the last digits, counts of items and another record's number visible, and a count with no card", () => {
    fc.assert(
      fc.property(card, fc.constantFrom(...counts), digits(3), digits(4), (c, count, three, four) => {
        visibleIn(`card ${c}, the last 4 digits are ${four}`, four);
        visibleIn(`کارت ${c} با چهار رقم پایانی ${four}`, four);
        visibleIn(`card ${c}, the 3 digits of my order ${three} are wrong`, three);
        // (a "number" word before a number that opens with 3 or 4 counts nothing: "tracking number 3621 40042")
        visibleIn(`card ${c} is mine, and tracking number 3${three} ${four}`, `3${three} ${four}`);
        visibleIn(`card ${c}, رقم ٤${three}`, `٤${three}`);
        // (a count with a place on the card, 'at the back', 'پشت کارت', describes the code by itself)
        if (!/back|derrière|پشت|ورا/.test(count)) visibleIn(`${count}${three}`, three);
      }),
      RUNS,
    );
  });
});

describe('masking round 20: the label after the value', () => {
  const phones = fc.oneof(
    digits(6).map((d) => `98 ${d.slice(0, 3)} ${d.slice(3)}`),
    digits(6).map((d) => `22 ${d.slice(0, 3)} ${d.slice(3)}`),
    digits(6).map((d) => `0661 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`),
    digits(7).map((d) => `055 ${d.slice(0, 3)} ${d.slice(3)}`),
  );
  it("a phone followed by 'this is my number' in the dialects is a phone, in any digit script", () => {
    fc.assert(
      fc.property(phones, fc.constantFrom(' هاذا النومرو متاعي', ' هذا نومرويا', ' هذا هو الرقم تاعي', ' هذا الرقم متاعي', " that's my number", ' is my mobile btw'), fc.constantFrom(0, 1, 2), (phone, label, script) => {
        foundIn(inScript(`${phone}${label}`, script), inScript(phone, script), 'PHONE');
      }),
      RUNS,
    );
  });
  it("a number followed by 'that is the order number' stays visible", () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 9 }).chain((n) => digits(n - 1)).map((d) => `8${d}`), fc.constantFrom(' that is the order number from last week', ' هذا رقم الطلب', ' this is the invoice', " c'est la facture", ' این شماره سفارشه'), (value, label) => {
        visibleIn(`${value}${label}`, value);
      }),
      RUNS,
    );
  });
});

describe("masking round 20: a card's expiry with the letter O for a zero", () => {
  const withO = (v: string, mask: number): string => v.replace(/0/g, (z, i: number) => ((mask >> i) & 1 ? (i % 3 ? 'O' : 'o') : z));
  it('reads an O for a zero in an expiry after its word, Jalali or Gregorian, and leaves a room or a time visible', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.integer({ min: 1403, max: 1412 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}/${two(m)}`),
          fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 26, max: 35 })).map(([m, y]) => `${two(m)}/${y}`),
        ).filter((v) => v.includes('0')),
        fc.integer({ min: 1, max: 127 }),
        fc.constantFrom('تاریخ انقضا ', 'انقضای کارت ', 'exp ', 'expiry ', 'تنتهي '),
        (v, mask, word) => {
          const typed = withO(v, mask);
          foundIn(`کارت ${word}${typed} داره`, typed, 'CARD_EXPIRY');
          visibleIn(`room ${typed} please`, typed);
        },
      ),
      RUNS,
    );
  });
});

describe('masking round 20: a code named only as the new one, after the first expired', () => {
  it('masks four to eight digits after "new one" once something expired, in a chat export or not, and not a card\'s', () => {
    fc.assert(
      fc.property(prefix, writer, fc.constantFrom('it expired', 'the otp expired po', 'الكود خلص', 'کد منقضی شد', "it didn't work"), fc.constantFrom('new one ', 'الجديد ', 'جدیدش ', 'another one: '), fc.integer({ min: 4, max: 8 }).chain((n) => digits(n)), fc.constantFrom('', ' '), fc.constantFrom(0, 1, 2), (pre, name, spent, fresh, code, sep, script) => {
        const value = inScript(code.length === 6 ? `${code.slice(0, 3)}${sep}${code.slice(3)}` : code, script);
        foundIn(`${pre(name)}${spent}\n${pre(name, 1)}${fresh}${value}`, value, 'OTP');
        foundIn(`${spent}, ${fresh}${value}`, value, 'OTP');
        // (nothing expired, or a card did: no code; seven digits or more fail closed whatever they are)
        for (const decoy of [`my card expired, ${fresh}${value} is on its way`, `${fresh}${value}`]) expect(detectSensitive(decoy).some((sp) => sp.type === 'OTP'), decoy).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("masking round 20: a utility's consumer number, a session id and a Dari bill number are records", () => {
  it('stay visible beside a value that fails closed', () => {
    fc.assert(
      fc.property(fc.constantFrom('Consumer no ', 'consumer number: ', 'session id ', 'نمبر بل ', 'نمبر بل برق '), fc.integer({ min: 8, max: 14 }).chain((n) => digits(n - 1)).map((d) => `4${d}`), fc.constantFrom(0, 1, 2), digits(8), (label, value, script, other) => {
        const v = inScript(value, script);
        const text = `${label}${v}, and my ID is 7${other}`;
        visibleIn(text, v);
        foundIn(text, `7${other}`, 'NATIONAL_ID');
      }),
      RUNS,
    );
  });
});
