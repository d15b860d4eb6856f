import crypto from 'node:crypto';
import { z } from 'zod';

/**
 * The beacon protocol. The client asks `GET /.well-known/diwan-beacon?challenge=<base64url of 32 random bytes>` over
 * TLS pinned to the beacon's key; the beacon answers `{ siteId, challenge, time, signature }` where `signature` is
 * Ed25519 over `diwan-beacon/1 \n siteId \n challenge \n time` (time in ms since the epoch, decimal).
 */
export const BEACON_PATH = '/.well-known/diwan-beacon';
export const BEACON_SIGNATURE_DOMAIN = 'diwan-beacon/1';
export const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const MAX_ANSWER_BYTES = 4096;

export function beaconMessage(siteId: string, challenge: string, time: number): string {
  return `${siteId}\n${challenge}\n${time}`;
}

export const BeaconAnswerSchema = z.strictObject({
  siteId: z.string().max(63),
  challenge: z.string().regex(CHALLENGE_PATTERN),
  time: z.int().min(0),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type BeaconAnswer = z.output<typeof BeaconAnswerSchema>;

/** SHA-256 of the certificate's SubjectPublicKeyInfo, base64: the pin. It survives re-issuing a certificate for the same key. */
export function spkiPin(cert: Buffer | string): string {
  const spki = new crypto.X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(spki).digest('base64');
}
