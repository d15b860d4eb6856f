/**
 * A passport's or an ID card's machine-readable zone (ICAO 9303), typed or pasted when a photo upload fails:
 *
 *   TD3 (passports), two lines of 44:  P<KENWANJIRU<<GRACE<<<…
 *                                      AK05831264KEN9103142F2906117…<<08
 *   TD1 (ID cards), three lines of 30: IDOMNQC78412053<<<…   /   8809173M2904308OMN<<…0   /   AL<HINAI<<SAID<<…
 *
 * Read by position, not by the words around it: the document number (its check digit after it), the birth date
 * (YYMMDD after the nationality in TD3, first in TD1's second line) and the optional personal numbers are masked; the
 * filler, the nationality, the sex and the document's expiry stay visible. A line is taken as a zone's by its shape
 * together with its neighbour's (a TD3 second line under a "P" line, TD1's first two lines one under the other) or,
 * alone, when two of its check digits hold: people retyping the lines get check digits wrong, and the shapes of two
 * lines together already say what they are.
 */
import type { DetectedSpan, SensitiveType } from './types';

/** Every zone line holds fillers: without "<<" there is nothing to read (the one test most messages pay). */
const FILLERS = '<<';

const TD3_LINE2 = /(?<![A-Z0-9<])([A-Z0-9<]{9})([0-9<])([A-Z<]{3})([0-9]{6})([0-9])([MFX<])([0-9]{6})([0-9])([A-Z0-9<]{14})([0-9<])([0-9])(?![A-Z0-9<])/g;
/** A TD3 first line: "P", a type letter or filler, the issuing state, the name with its fillers. */
const TD3_LINE1 = /(?:^|[^A-Z0-9<])P[A-Z<][A-Z<]{3}[A-Z<]{30,39}[ \t"'»”]*\r?\n[ \t"'«“]*$/;
const TD1_LINES = /(?<![A-Z0-9<])([ACI][A-Z<])([A-Z<]{3})([A-Z0-9<]{9})([0-9<])([A-Z0-9<]{15})[ \t]*\r?\n[ \t]*([0-9]{6})([0-9])([MFX<])([0-9]{6})([0-9])([A-Z<]{3})([A-Z0-9<]{11})([0-9])(?![A-Z0-9<])/g;

const CONFIDENCE = 0.9;
/** A personal number shorter than this is a filler's remnant, not a number. */
const MIN_PERSONAL = 4;

function charValue(c: string): number {
  if (c === '<') return 0;
  const code = c.charCodeAt(0);
  return code <= 0x39 ? code - 0x30 : code - 55;
}

/** ICAO 9303's check digit: weights 7, 3, 1 repeated, modulo 10. */
export function checkDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]!) * weights[i % 3]!;
  return String(sum % 10);
}

const holds = (field: string, digit: string): number => (checkDigit(field) === digit ? 1 : 0);

/** The field at [at, at + field.length) without its trailing filler, as a span (none when it is all filler or too short). */
function field(out: DetectedSpan[], type: SensitiveType, value: string, at: number, min = 1): void {
  const len = value.replace(/<+$/, '').length;
  if (len >= min && !value.slice(0, len).includes('<<')) out.push({ type, start: at, end: at + len, confidence: CONFIDENCE });
}

/** The sensitive fields of every machine-readable zone in the text, and each zone's extent (masked spans inside it yield). */
export function readMachineZones(text: string): { fields: DetectedSpan[]; zones: Array<[number, number]> } {
  const fields: DetectedSpan[] = [];
  const zones: Array<[number, number]> = [];
  if (!text.includes(FILLERS)) return { fields, zones };
  TD3_LINE2.lastIndex = 0;
  for (let m = TD3_LINE2.exec(text); m; m = TD3_LINE2.exec(text)) {
    const [line, doc, docCheck, , birth, birthCheck, , expiry, expiryCheck, personal, personalCheck] = m as unknown as string[];
    const underP = TD3_LINE1.test(text.slice(Math.max(0, m.index - 60), m.index));
    const checks = holds(doc!, docCheck!) + holds(birth!, birthCheck!) + holds(expiry!, expiryCheck!) + (personal!.startsWith('<<') ? 0 : holds(personal!, personalCheck!));
    if (!underP && checks < 2) continue;
    const at = m.index;
    field(fields, 'PASSPORT', doc!, at);
    fields.push({ type: 'DOB', start: at + 13, end: at + 19, confidence: CONFIDENCE });
    field(fields, 'NATIONAL_ID', personal!, at + 28, MIN_PERSONAL);
    zones.push([at, at + line!.length]);
  }
  TD1_LINES.lastIndex = 0;
  for (let m = TD1_LINES.exec(text); m; m = TD1_LINES.exec(text)) {
    const [lines, , , doc, , optional1, birth] = m as unknown as string[];
    const at = m.index;
    const second = at + lines!.length - 30;
    // an ID card's number names the card, not a passport: the type IDs have
    field(fields, 'NATIONAL_ID', doc!, at + 5);
    field(fields, 'NATIONAL_ID', optional1!, at + 15, MIN_PERSONAL);
    fields.push({ type: 'DOB', start: second, end: second + birth!.length, confidence: CONFIDENCE });
    field(fields, 'NATIONAL_ID', m[12]!, second + 18, MIN_PERSONAL);
    zones.push([at, at + lines!.length]);
  }
  return { fields, zones };
}

/** The spans found elsewhere, with those inside a machine-readable zone replaced by the zone's own fields. */
export function withMachineZones(text: string, spans: DetectedSpan[]): DetectedSpan[] {
  const { fields, zones } = readMachineZones(text);
  if (!zones.length) return spans;
  const inZone = (s: DetectedSpan): boolean => zones.some(([a, b]) => s.start < b && a < s.end);
  // the same number written again in the message ("my ID number is 28841937, as in there") is the zone's field
  const alnum = (a: number, b: number): string => text.slice(a, b).replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const same = (s: DetectedSpan): DetectedSpan => {
    const f = fields.find((x) => x.type !== 'DOB' && alnum(x.start, x.end) === alnum(s.start, s.end));
    return f && f.type !== s.type ? { ...s, type: f.type } : s;
  };
  return spans.filter((s) => !inZone(s)).map(same).concat(fields).sort((x, y) => x.start - y.start || y.end - x.end);
}
