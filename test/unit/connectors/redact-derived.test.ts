import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../../main/core/connectors';

const tokenChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
const telegramToken = fc
  .tuple(fc.integer({ min: 100000, max: 9_999_999_999 }), fc.array(tokenChars, { minLength: 30, maxLength: 46 }))
  .map(([id, chars]) => `${id}:${chars.join('')}`);
const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[A-Za-z0-9+/=_-]/g, ' '));

/** Every way the hostile test (and more) got a token into a log line. */
function leaks(token: string): string[] {
  const secretPart = token.slice(token.indexOf(':') + 1);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  return [
    token,
    secretPart,
    b64(secretPart),
    b64(token),
    b64url(secretPart),
    b64(`user:${token}`), // Basic auth with the token as password
    b64(`x${secretPart}`), // off by one byte
    b64(`xy${secretPart}`), // off by two bytes
    encodeURIComponent(token),
  ];
}

describe('token redaction covers derived forms', () => {
  it('no form of a Telegram token survives: the part after the colon, base64 and base64url at any alignment, URL-encoded', () => {
    fc.assert(
      fc.property(telegramToken, filler, filler, fc.nat(8), (token, before, after, which) => {
        const form = leaks(token)[which]!;
        const secretPart = token.slice(token.indexOf(':') + 1);
        const out = redact(`${before}${form}${after}`, [token]);
        expect(out).toContain('<redacted>');
        // no run of 12 characters of the secret, or of its base64, is left
        for (const s of [secretPart, Buffer.from(secretPart).toString('base64').slice(4, -4)]) {
          for (let i = 0; i + 12 <= s.length; i += 4) expect(out).not.toContain(s.slice(i, i + 12));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves ordinary text alone', () => {
    expect(redact('the platform answered 429, retry after 3 s', ['123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef'])).toBe('the platform answered 429, retry after 3 s');
  });
});
