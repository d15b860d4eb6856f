import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import { FieldCipher, newKeyRing, type KeyRing, type Vault } from '../vault';
import type { Db } from './database';
import { getSetting, setSetting, SETTING } from './settings';

/** Tables holding encrypted originals, with how to name each blob. */
export const ENCRYPTED = [
  { table: 'messages', blob: 'text_enc' },
  { table: 'message_fields', blob: 'value_enc' },
  { table: 'contacts', blob: 'name_enc' },
  { table: 'notes', blob: 'text_enc' },
] as const;

export function hasEncryptedData(db: Db): boolean {
  return ENCRYPTED.some(({ table, blob }) => db.prepare(`SELECT 1 FROM ${table} WHERE ${blob} IS NOT NULL LIMIT 1`).get() !== undefined);
}

/**
 * Loads this database's data keys from the keychain (`datakey:<db id>`), creating the database id and a first key
 * for a new database. A database that holds encrypted data whose key is not in the keychain is refused, and
 * nothing is written.
 */
export async function loadDataKeys(db: Db, vault: Vault): Promise<{ dbId: string; cipher: FieldCipher }> {
  let dbId = getSetting(db, SETTING.dbId);
  let ring: KeyRing | null = dbId ? await vault.dataKeys(dbId) : null;
  if (!ring) {
    if (dbId && hasEncryptedData(db)) {
      // A locked keychain answers "no such entry" to a read: find out whether it is locked before saying the key is gone.
      const status = await vault.probe();
      if (!status.available) throw new DiwanError(`keychain_${status.problem}`, status.advice!);
      throw new DiwanError(
        'datakey_missing',
        `This database's data key (keychain entry datakey:${dbId}) is not in the OS keychain, so its messages cannot be read. ` +
          'Restore the keychain entry, or restore a backup archive with `diwan db restore`, which brings its key back. Nothing was changed.',
      );
    }
    dbId ??= crypto.randomBytes(12).toString('hex');
    ring = newKeyRing();
    await vault.setDataKeys(dbId, ring);
    const id = dbId;
    db.transaction(() => {
      setSetting(db, SETTING.dbId, id);
      setSetting(db, SETTING.keyVersion, String(ring!.current));
    }).immediate();
  }
  const inDb = Number(getSetting(db, SETTING.keyVersion) ?? 0);
  if (ring.current < inDb) {
    throw new DiwanError(
      'datakey_stale',
      `The keychain holds an older data key (version ${ring.current}) than this database uses (version ${inDb}). ` +
        'Restore the newer keychain entry or a backup archive made after the last key rotation. Nothing was changed.',
    );
  }
  // A rotation that stopped after writing the new key to the keychain but before the database heard of it.
  if (ring.current > inDb) setSetting(db, SETTING.keyVersion, String(ring.current));
  return { dbId: dbId!, cipher: new FieldCipher(ring) };
}
