/** Check-digit and structure rules. Inputs are strings of ASCII digits (IBAN: upper-case alphanumerics). */

export function luhnValid(d: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let x = d.charCodeAt(i) - 48;
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
  }
  return d.length > 0 && sum % 10 === 0;
}

function allSame(d: string): boolean {
  for (let i = 1; i < d.length; i++) if (d.charCodeAt(i) !== d.charCodeAt(0)) return false;
  return true;
}

/** Saudi national ID (starts 1) or Iqama (starts 2): 10 digits, Luhn. */
export function saudiIdValid(d: string): boolean {
  const f = d.charCodeAt(0);
  return d.length === 10 && (f === 49 || f === 50) && luhnValid(d);
}

/** Iranian national code (kod-e melli): weights 10..2, r = sum mod 11, check = r < 2 ? r : 11 - r. */
export function iranCodeValid(d: string): boolean {
  if (d.length !== 10 || allSame(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const r = sum % 11;
  return d.charCodeAt(9) - 48 === (r < 2 ? r : 11 - r);
}

/** Israeli identity number (teudat zehut): 9 digits, alternate weights 1 and 2 from the left — Luhn over nine digits. */
export function israeliIdValid(d: string): boolean {
  return d.length === 9 && luhnValid(d);
}

/** UAE Emirates ID: 784-YYYY-NNNNNNN-C, Luhn over the 15 digits. */
export function emiratesIdValid(d: string): boolean {
  return d.length === 15 && d.startsWith('784') && luhnValid(d);
}

const EG_GOVERNORATES = new Set(['01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '22', '23', '24', '25', '26', '27', '28', '29', '31', '32', '33', '34', '35', '88']);

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Egyptian national ID: C YYMMDD GG SSSS K. Only the structure is checked (century digit, a real date,
 * a real governorate); the last digit's algorithm has not been published.
 */
export function egyptIdValid(d: string): boolean {
  if (d.length !== 14) return false;
  const c = d.charCodeAt(0) - 48;
  if (c !== 2 && c !== 3) return false;
  const y = (c === 2 ? 1900 : 2000) + +d.slice(1, 3);
  const m = +d.slice(3, 5);
  const day = +d.slice(5, 7);
  if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return false;
  return EG_GOVERNORATES.has(d.slice(7, 9));
}

/**
 * ISO 13616 lengths per country: the SWIFT IBAN registry, and the countries whose banks issue IBANs outside it
 * (Morocco, Algeria and West and Central Africa: customers paste them just the same).
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IR: 26, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
  // outside the registry
  AO: 25, BF: 28, BJ: 28, CF: 27, CG: 27, CI: 28, CM: 27, CV: 25, DZ: 26, GA: 27, GQ: 27, GW: 25, HN: 28, KM: 27,
  MA: 28, MG: 27, ML: 28, MZ: 25, NE: 28, SN: 28, TD: 27, TG: 28,
};

/** mod 97 = 1 over the rearranged IBAN (letters as 10..35). `s` is upper-case alphanumerics. */
export function ibanChecksumValid(s: string): boolean {
  let r = 0;
  const n = s.length;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt((k + 4) % n);
    if (c >= 48 && c <= 57) r = (r * 10 + c - 48) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + c - 55) % 97;
    else return false;
  }
  return r === 1;
}

export function ibanValid(s: string): boolean {
  const len = IBAN_LENGTHS[s.slice(0, 2)];
  return len !== undefined && s.length === len && ibanChecksumValid(s);
}

/** The remainder mod 97 of a string of ASCII digits, read left to right. */
function mod97(d: string, from = 0, to = d.length): number {
  let r = 0;
  for (let i = from; i < to; i++) r = (r * 10 + d.charCodeAt(i) - 48) % 97;
  return r;
}

/**
 * A Maghrebi bank account's national number (RIB), the domestic form of its IBAN, by its own key: Morocco's 24 digits
 * (3 bank, 3 town, 16 account, 2 key) and Tunisia's 20 (2 bank, 3 branch, 13 account, 2 key) end in the key
 * 97 − (the rest × 100 mod 97), so the whole number is 0 mod 97; Algeria's 20 (3 bank, 5 branch, 10 account, 2 key —
 * Bank of Algeria instruction 06-2004, which Algérie Poste's RIP for a CCP account follows with branch 99999) key
 * the branch and account alone, 97 for a remainder of 0. All-same digits are no account.
 */
export function ribValid(d: string): boolean {
  if (!/^\d+$/.test(d) || allSame(d)) return false;
  if (d.length === 24) return mod97(d) === 0;
  if (d.length !== 20) return false;
  if (mod97(d) === 0) return true;
  const r = (mod97(d, 3, 18) * 100) % 97;
  return Number(d.slice(18)) === (r === 0 ? 97 : 97 - r);
}

/** The two key digits that make a RIB's other digits (22 for Morocco, 18 for Tunisia) valid. */
export function ribKey(rest: string): string {
  const r = (mod97(rest) * 100) % 97;
  return String(r === 0 ? 97 : 97 - r).padStart(2, '0');
}
