import { hash, verify } from '@node-rs/argon2';
import { DiwanError } from '../shared/errors';

/** Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane). */
const ARGON2ID = { algorithm: 2 /* Algorithm.Argon2id (an ambient const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function checkPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DiwanError('password_too_short', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a phrase of several words is easiest.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new DiwanError('password_too_long', `A password may be at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash of a random password, verified for unknown usernames so they take as long as known ones. */
let decoy: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  await verifyPassword(await decoy, password);
  return false;
}
