import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30-second steps; one step either side is accepted. */
const PERIOD = 30;
const WINDOW = 1;
const TOTP_ISSUER = 'Diwan';

export function newTotpSecret(random: (n: number) => Buffer = crypto.randomBytes): string {
  return new Secret({ buffer: new Uint8Array(random(20)).buffer }).base32;
}

function totp(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The otpauth URI as a PNG `data:` URL the lock screen shows (allowed by the CSP's `img-src data:`). */
export function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/**
 * The time step the code belongs to, or null when it is wrong or outside the window. The caller refuses a step
 * it has already accepted, so a code seen over someone's shoulder cannot be used twice.
 */
export function totpStep(secretBase32: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code an authenticator app shows at `now` (tests act as the app with it). */
export function totpCode(secretBase32: string, now: number): string {
  return totp(secretBase32).generate({ timestamp: now });
}
