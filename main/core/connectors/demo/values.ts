/** Deterministic pseudo-random numbers (mulberry32), so the demo plays the same way for the same seed. */
export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mix(...parts: Array<number | string>): number {
  let h = 2166136261;
  for (const p of parts) {
    for (const ch of String(p)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    h = Math.imul(h ^ 0x2c, 16777619);
  }
  return h >>> 0;
}

export function pick<T>(r: Rng, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

export function digits(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

function luhnCheck(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnValid(n: string): boolean {
  return /^\d+$/.test(n) && luhnCheck(n.slice(0, -1)) === Number(n.at(-1));
}

/** A Saudi national ID (1…) or iqama (2…): ten digits with the Luhn check digit. */
export function saudiId(r: Rng): string {
  const body = (r() < 0.7 ? '1' : '2') + digits(r, 8);
  return body + luhnCheck(body);
}

/** A card number with a valid Luhn digit, printed in groups of four half the time. */
export function cardNumber(r: Rng): string {
  const body = pick(r, ['4', '5']) + digits(r, 14);
  const n = body + luhnCheck(body);
  return r() < 0.5 ? n.replace(/(\d{4})(?=\d)/g, '$1 ') : n;
}

/** An IBAN with valid ISO 13616 check digits (SA: 24 characters, IR: 26). */
export function iban(r: Rng, country: 'SA' | 'IR'): string {
  const bban = country === 'SA' ? digits(r, 2) + digits(r, 18) : '0' + digits(r, 2) + '0' + digits(r, 18);
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

/** An Iranian national code (کد ملی): ten digits with its mod-11 check digit. */
export function iranianId(r: Rng): string {
  const body = digits(r, 9);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const rem = sum % 11;
  return body + (rem < 2 ? rem : 11 - rem);
}

export function iranianIdValid(id: string): boolean {
  if (!/^\d{10}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(id[i]) * (10 - i);
  const rem = sum % 11;
  return Number(id[9]) === (rem < 2 ? rem : 11 - rem);
}

export const phone = {
  sa: (r: Rng) => (r() < 0.5 ? `05${pick(r, ['0', '3', '4', '5', '6', '9'])}${digits(r, 7)}` : `+9665${pick(r, ['0', '4', '5'])}${digits(r, 7)}`),
  eg: (r: Rng) => `01${pick(r, ['0', '1', '2', '5'])}${digits(r, 8)}`,
  ir: (r: Rng) => `09${pick(r, ['12', '19', '35', '01'])}${digits(r, 7)}`,
};

export function otp(r: Rng): string {
  return digits(r, r() < 0.7 ? 6 : 4);
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

/** Digits as many Arabic and Persian keyboards type them. */
export function localDigits(s: string, script: 'arabic' | 'persian'): string {
  const set = script === 'arabic' ? ARABIC_INDIC : PERSIAN;
  return s.replace(/\d/g, (d) => set[Number(d)]!);
}

export const LOOKALIKES = ['acme-support-help.com', 'acrne.com', 'acme-verify-account.net', 'meta-business-appeal.com', 'acme.sa-refunds.info'];
