/**
 * National IDs of other countries whose letters stand before or after the digits: Sri Lanka's NIC (nine digits and
 * V or X; the twelve-digit form is digits only), Spain's DNI (eight digits and a check letter) and NIE (X, Y or Z,
 * seven digits, a check letter), Morocco's CIN (one or two letters and up to six digits), a Latin American cédula
 * ("V-18452309"), Ireland's PPS number (seven digits, a check letter, sometimes a second letter), Uganda's NIN (C, the
 * holder's sex, eight digits, four letters: "CM91034102XKPL"), the Ghana card ("GHA-712845093-4"), and letters, digits
 * and letters of other countries after an ID's word. Each shape is common in product and order codes, so a shape that
 * proves itself (a valid check letter, a valid day of the year, a country's own prefix and layout) is an ID unless a
 * record's word labels it, and the others need an ID's word.
 */

/** Letters and digits as one token, each alternative a shape of one country's ID; group 1: the letter-first forms. */
export const AFFIXED_ID_RE = /(?<![A-Za-z0-9-])(?:[0-9]{9}[VvXx]|[0-9]{8}[ -]?[A-Za-z]|[0-9]{7}[A-Wa-w][A-IWa-iw]?|[XYZxyz][ -]?[0-9]{7}[ -]?[A-Za-z]|GHA-?[0-9]{9}-?[0-9]|[A-Za-z]{1,3}[0-9]{6,10}[A-Za-z]{2,4}|[A-Z]{1,2}[0-9]{6}\([0-9A]\)|([A-Za-z]{1,2})[ -]?[0-9]{5,9})(?![A-Za-z0-9])/g;

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spain's DNI or NIE, separators aside ("48291537-K", "Y 1234567 X"): its last letter is the check of its number. */
export function spanishIdValid(v: string): boolean {
  const c = v.replace(/[ -]/g, '').toUpperCase();
  const m = /^([XYZ]?)([0-9]{7,8})([A-Z])$/.exec(c);
  if (!m || m[1]!.length + m[2]!.length !== 8) return false;
  const n = Number(`${m[1] ? 'XYZ'.indexOf(m[1]) : ''}${m[2]}`);
  return DNI_LETTERS[n % 23] === m[3];
}

/** Sri Lanka's old NIC: two digits of the birth year, the day of the year (plus 500 for a woman), four more, V or X. */
export function sriLankaNicShape(v: string): boolean {
  if (!/^[0-9]{9}[VvXx]$/.test(v)) return false;
  const day = Number(v.slice(2, 5));
  return (day >= 1 && day <= 366) || (day >= 501 && day <= 866);
}

/** Ireland's PPS number: weights 8 to 2 over the seven digits, 9 over the second letter (A = 1, W = 0), mod 23 is the check letter (W for 0). */
export function ppsValid(v: string): boolean {
  const m = /^([0-9]{7})([A-W])([A-IW]?)$/.exec(v.toUpperCase());
  if (!m) return false;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(m[1]![i]) * (8 - i);
  if (m[3] && m[3] !== 'W') sum += 9 * (m[3].charCodeAt(0) - 64);
  const r = sum % 23;
  return m[2] === (r ? String.fromCharCode(64 + r) : 'W');
}

/** Uganda's NIN (C, M or F, two digits of the birth year, six more, four capitals) and the Ghana card's PIN. */
const COUNTRY_LAYOUT = /^(?:C[MF][0-9]{8}[A-Z]{4}|GHA-?[0-9]{9}-?[0-9])$/;

/** A postal item's number (UPU S10: two letters, nine digits, the country's two letters), "EE123456789EG": a parcel's, never an ID. */
export const POSTAL_ITEM = /^[A-Za-z]{2}[0-9]{9}[A-Za-z]{2}$/;

/** Does this match of `AFFIXED_ID_RE` prove itself by its shape alone? */
export function provesItself(v: string): boolean {
  return sriLankaNicShape(v) || spanishIdValid(v) || ppsValid(v) || COUNTRY_LAYOUT.test(v) || hkidValid(v);
}

/**
 * Hong Kong's identity card, "K482916(6)": one or two letters (a lone letter counts as a space, 36, before it), six
 * digits, and in brackets the check (weights 9 to 2 over the eight places, A = 10; 11 minus the sum mod 11, A for 10).
 */
export function hkidValid(v: string): boolean {
  const m = /^([A-Z]{1,2})([0-9]{6})\(([0-9A])\)$/.exec(v);
  if (!m) return false;
  const places = [...(m[1]!.length === 1 ? [36] : []), ...[...m[1]!].map((c) => c.charCodeAt(0) - 55), ...[...m[2]!].map(Number)];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += places[i]! * (9 - i);
  const check = (11 - (sum % 11)) % 11;
  return m[3] === (check === 10 ? 'A' : String(check));
}

/**
 * Italy's codice fiscale: three letters of the surname, three of the name, the birth year's two digits, the month's
 * letter, the day (plus 40 for a woman), the place's letter and three digits, a check letter ("RSSMRA85T10A562S").
 */
export const CODICE_FISCALE_RE = /(?<![A-Za-z0-9])[A-Za-z]{6}[0-9]{2}[ABCDEHLMPRSTabcdehlmprst][0-9]{2}[A-Za-z][0-9]{3}[A-Za-z](?![A-Za-z0-9])/g;
/** Its word before it: "codice fiscale", "cod. fisc.", "C.F.", "CF". */
export const CODICE_FISCALE_WORD = /(?:codice fiscale|cod\.? ?fisc\.?|(?<![A-Za-z])c\.? ?f\.?)[ :.-]*$/i;
/** The check letter's values of a character in an odd (first, third…) place; digits read as the letter of their value. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

export function codiceFiscaleValid(v: string): boolean {
  const c = v.toUpperCase();
  if (c.length !== 16) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const u = c.charCodeAt(i);
    const k = u <= 0x39 ? u - 0x30 : u - 0x41;
    sum += i % 2 === 0 ? CF_ODD[k]! : k;
  }
  return c.charCodeAt(15) - 0x41 === sum % 26;
}
