import type { Db } from '../shared/db';

/** The highest policy version this installation has accepted, for rollback protection. */
export interface PolicyVersionStore {
  get(): number | null;
  set(version: number): void;
}

const KEY = 'network.policy.lastAcceptedVersion';

/**
 * Kept in the settings table of the Diwan database: one transactional write next to the data it protects, no
 * second file to keep consistent, and a database restored from a backup carries its own counter.
 */
export function settingsVersionStore(db: Db): PolicyVersionStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get() {
      const row = read.get(KEY);
      const n = row ? Number(row.value) : NaN;
      return Number.isSafeInteger(n) ? n : null;
    },
    set(version) {
      write.run(KEY, String(version));
    },
  };
}

export function memoryVersionStore(initial: number | null = null): PolicyVersionStore {
  let v = initial;
  return { get: () => v, set: (n) => void (v = n) };
}
