import crypto from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

/**
 * Ten single-use codes of 16 characters from a 32-letter alphabet (80 bits each), shown once as `XXXX-XXXX-XXXX-XXXX`.
 * They are random, not chosen, so a plain SHA-256 is enough to store them (no slow hash needed).
 */
export function newRecoveryCodes(random: (n: number) => Buffer = crypto.randomBytes): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = random(16);
    const chars = Array.from(bytes, (b) => ALPHABET[b % 32]!).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(`diwan-recovery:${normalizeRecoveryCode(code)}`).digest('hex');
}
