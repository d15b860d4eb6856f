/**
 * National IDs known by their structure alone, for numbers no word explains (the fail-closed rule's type by shape).
 *
 * Malaysia's MyKad, YYMMDD-PB-###G: a birth date, then a place-of-birth code — a state (01–16), a region or country
 * abroad (21–59, 60–68, 71–72, 74–79, 82–93, 98–99) — and four digits. A twelve-digit number is that far more often
 * than a phone without its plus: a date and a code from that list hold for fewer than one in ten random numbers.
 */
import { luhnValid } from './checksums';

const BIRTH_PLACE = /^(?:0[1-9]|1[0-6]|2[1-9]|[345][0-9]|6[0-8]|7[124-9]|8[2-9]|9[0-389])$/;

function validYymmdd(d: string): boolean {
  const m = +d.slice(2, 4);
  const day = +d.slice(4, 6);
  if (m < 1 || m > 12 || day < 1) return false;
  const yy = +d.slice(0, 2);
  const days = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return day <= days;
}

/** Twelve digits with MyKad's structure: a valid YYMMDD, then a place-of-birth code. */
export function myKadShape(d: string): boolean {
  return d.length === 12 && validYymmdd(d) && BIRTH_PLACE.test(d.slice(6, 8));
}

/**
 * South Africa's identity number, YYMMDD SSSS C A Z: a birth date, four digits of sequence (and sex), the citizenship
 * digit (0 a citizen, 1 a permanent resident), one more (8 or 9 in every issued number) and a Luhn check over the
 * thirteen. One random Luhn-valid thirteen-digit number in about sixty has this shape.
 */
export function southAfricanIdShape(d: string): boolean {
  return d.length === 13 && validYymmdd(d) && (d[10] === '0' || d[10] === '1') && (d[11] === '8' || d[11] === '9') && luhnValid(d);
}
