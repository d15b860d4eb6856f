import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import type { KeyRing } from './cipher';

/** How a key ring is kept in one keychain entry: `{"current":2,"keys":{"1":"<base64>","2":"<base64>"}}`. */
export function serializeKeyRing(ring: KeyRing): string {
  const keys: Record<string, string> = {};
  for (const [v, k] of ring.keys) keys[String(v)] = k.toString('base64');
  return JSON.stringify({ current: ring.current, keys });
}

export function parseKeyRing(text: string, account: string): KeyRing {
  try {
    const raw = JSON.parse(text) as { current: unknown; keys: Record<string, unknown> };
    const keys = new Map<number, Buffer>();
    for (const [v, k] of Object.entries(raw.keys)) {
      if (typeof k !== 'string' || !/^\d+$/.test(v)) throw new Error('bad entry');
      const key = Buffer.from(k, 'base64');
      if (key.length !== 32) throw new Error('bad key length');
      keys.set(Number(v), key);
    }
    if (typeof raw.current !== 'number' || !keys.has(raw.current)) throw new Error('no current key');
    return { current: raw.current, keys };
  } catch {
    throw new DiwanError(
      'datakey_invalid',
      `The keychain entry ${account} does not hold a valid Diwan data key. Restore it from a backup archive (\`diwan db restore\`).`,
    );
  }
}

export function newKeyRing(version = 1): KeyRing {
  return { current: version, keys: new Map([[version, crypto.randomBytes(32)]]) };
}
