import crypto from 'node:crypto';
import { DiwanError } from '../shared/errors';
import { FieldCipher, type KeyRing, type Vault } from '../vault';
import { identity, type StoreContext } from './context';
import { setSetting, SETTING } from './settings';

export interface RotationProgress {
  table: string;
  reencrypted: number;
}

interface Target {
  table: string;
  blob: string;
  key: string[];
  name: (row: Record<string, number>) => string;
}

const TARGETS: Target[] = [
  { table: 'messages', blob: 'text_enc', key: ['id'], name: (r) => identity.messageText(r.id!) },
  { table: 'message_fields', blob: 'value_enc', key: ['message_id', 'n'], name: (r) => identity.messageField(r.message_id!, r.n!) },
  { table: 'contacts', blob: 'name_enc', key: ['id'], name: (r) => identity.contactName(r.id!) },
  { table: 'notes', blob: 'text_enc', key: ['id'], name: (r) => identity.noteText(r.id!) },
];

/**
 * Re-encrypts everything still under the data key (replies not yet sent, originals a re-seal has not reached;
 * sealed originals, `key_version = 0`, belong to the custodian's epochs instead) under a new data key, in batches of small transactions. Resumable: the new key goes
 * to the keychain (with the old ones) before anything is re-encrypted, each blob records its key version, and a
 * second run finishes what a stopped one left. Old keys leave the keychain only once no blob needs them.
 */
export async function rotateDataKey(
  ctx: StoreContext,
  vault: Vault,
  dbId: string,
  opts: { batchSize?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<{ version: number; resumed: boolean; reencrypted: number }> {
  const batch = opts.batchSize ?? 1000;
  let ring = (await vault.dataKeys(dbId))!;
  const resumed = pending(ctx, ring.current);
  if (!resumed) {
    const version = Math.max(...ring.keys.keys()) + 1;
    const keys = new Map(ring.keys);
    keys.set(version, crypto.randomBytes(32));
    ring = { current: version, keys };
    await vault.setDataKeys(dbId, ring);
  }
  setSetting(ctx.db, SETTING.keyVersion, String(ring.current));
  ctx.cipher = new FieldCipher(ring);

  let total = 0;
  for (const t of TARGETS) {
    const n = reencryptTable(ctx, t, ring.current, batch);
    total += n;
    opts.onProgress?.({ table: t.table, reencrypted: n });
  }
  if (pending(ctx, ring.current)) {
    throw new DiwanError('rotation_incomplete', 'Some originals were written under the old key while rotating. Run `diwan db rotate-key` again to finish.');
  }
  const finished: KeyRing = { current: ring.current, keys: new Map([[ring.current, ring.keys.get(ring.current)!]]) };
  await vault.setDataKeys(dbId, finished);
  ctx.cipher = new FieldCipher(finished);
  return { version: ring.current, resumed, reencrypted: total };
}

function pending(ctx: StoreContext, current: number): boolean {
  return TARGETS.some(
    (t) => ctx.db.prepare(`SELECT 1 FROM ${t.table} WHERE key_version > 0 AND key_version != ? LIMIT 1`).get(current) !== undefined,
  );
}

function reencryptTable(ctx: StoreContext, t: Target, version: number, batch: number): number {
  const keyCols = t.key.join(', ');
  const after = t.key.length === 1 ? `${t.key[0]} > ?` : `(${keyCols}) > (${t.key.map(() => '?').join(', ')})`;
  const select = ctx.db.prepare(
    `SELECT ${keyCols}, ${t.blob} AS blob FROM ${t.table}
     WHERE ${after} AND key_version > 0 AND key_version != ? ORDER BY ${keyCols} LIMIT ?`,
  );
  const update = ctx.db.prepare(`UPDATE ${t.table} SET ${t.blob} = ?, key_version = ? WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`);
  let cursor = t.key.map(() => -1);
  let total = 0;
  for (;;) {
    const rows = select.all(...cursor, version, batch) as Array<Record<string, number> & { blob: Buffer }>;
    if (!rows.length) return total;
    ctx.db
      .transaction(() => {
        for (const r of rows) {
          const name = t.name(r);
          const plain = ctx.cipher.decrypt(name, r.blob);
          update.run(ctx.cipher.encrypt(name, plain, version), version, ...t.key.map((k) => r[k]));
        }
      })
      .immediate();
    total += rows.length;
    const last = rows[rows.length - 1]!;
    cursor = t.key.map((k) => last[k]!);
  }
}
