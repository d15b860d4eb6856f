import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerVerification, answerXCrc, hubSignature, verifyHubSignature, verifyXSignature, xSignature } from '../../../main/core/connectors';

const body = fc.uint8Array({ minLength: 0, maxLength: 2048 }).map((a) => Buffer.from(a));
const secret = fc.string({ minLength: 1, maxLength: 80 });
/** A different buffer of the same length: one byte flipped somewhere. */
const flipped = (b: Buffer, at: number) => {
  const c = Buffer.from(b);
  c[at % c.length] = c[at % c.length]! ^ (1 + (at % 255));
  return c;
};

/** Webhook signatures as the hub checks them, over generated bodies and secrets (Meta's hex, X's base64). */
describe('webhook signatures', () => {
  it('accept exactly the bytes that were signed, with exactly that secret', () => {
    fc.assert(
      fc.property(body, secret, secret, fc.nat(), (raw, key, other, at) => {
        for (const [sign, verify] of [
          [hubSignature, verifyHubSignature],
          [xSignature, verifyXSignature],
        ] as const) {
          const sig = sign(raw, key);
          expect(verify(raw, sig, key)).toBe(true);
          expect(verify(raw, ` ${sig} `, key)).toBe(true);
          if (other !== key) expect(verify(raw, sign(raw, other), key)).toBe(false);
          if (raw.length) expect(verify(flipped(raw, at), sig, key)).toBe(false);
          expect(verify(raw, sig, '')).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuse a malformed or foreign header whatever it holds, and never throw', () => {
    fc.assert(
      fc.property(body, secret, fc.string({ maxLength: 120 }), (raw, key, header) => {
        const meta = hubSignature(raw, key);
        const x = xSignature(raw, key);
        if (header !== meta && header.trim() !== meta) expect(verifyHubSignature(raw, header, key)).toBe(false);
        if (header.trim() !== x) expect(verifyXSignature(raw, header, key)).toBe(false);
        // Each platform's form is refused by the other's check.
        expect(verifyHubSignature(raw, x, key)).toBe(false);
        expect(verifyXSignature(raw, meta, key)).toBe(false);
        expect(verifyXSignature(raw, undefined, key)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("answer X's CRC with base64 HMAC-SHA256 of the token, and nothing without a token or secret", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), secret, (token, key) => {
        const answer = answerXCrc(new URLSearchParams({ crc_token: token }), key);
        expect(answer).toEqual({ response_token: `sha256=${crypto.createHmac('sha256', key).update(token).digest('base64')}` });
        expect(answerXCrc(new URLSearchParams({ crc_token: token }), '')).toBeNull();
      }),
    );
    expect(answerXCrc(new URLSearchParams(), 'k')).toBeNull();
    expect(answerXCrc(new URLSearchParams({ crc_token: 'x'.repeat(1025) }), 'k')).toBeNull();
  });

  it("answer Meta's handshake only for subscribe with the exact verify token", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ minLength: 1, maxLength: 60 }), fc.string({ minLength: 1, maxLength: 40 }), (token, given, challenge) => {
        const p = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': given, 'hub.challenge': challenge });
        expect(answerVerification(p, token)).toBe(given === token ? challenge : null);
        p.set('hub.mode', 'unsubscribe');
        expect(answerVerification(p, token)).toBeNull();
      }),
    );
  });
});
