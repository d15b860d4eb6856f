import crypto from 'node:crypto';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/**
 * The id a built-in hub's backup archives carry (`backupkey:<id>` names the archive key in the keychain): made once,
 * kept in `hub_meta`, so every archive of this hub opens with the same keychain entry and a restored hub keeps it.
 */
export async function hubArchiveId(store: HubStore): Promise<string> {
  return store.q.tx(async (t) => {
    const have = await t.get<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'archive.id'");
    if (have) return have.value;
    const id = `hub-${crypto.randomBytes(12).toString('hex')}`;
    await t.run("INSERT INTO hub_meta (key, value) VALUES ('archive.id', ?)", [id]);
    return id;
  });
}

/** A backup, restore or trail export of the hub's folder, in the hub's own trail (the command's actor and this device). */
export function auditFolderCommand(store: HubStore, actor: Actor, action: 'folder.backed_up' | 'folder.restored' | 'audit.exported', details: Record<string, string | number | boolean | null>): Promise<void> {
  return store.audit({ ...actor, action, details });
}

/** The hub's trail after `sinceSeq`, oldest first, exactly as stored (details as their stored JSON text). */
export async function trailAfter(store: HubStore, sinceSeq: number): Promise<Array<{ seq: number; at: number; actor: string; device: string | null; action: string; target: string | null; details: string; prevHash: string; hash: string }>> {
  const rows = await store.q.all<{ seq: number; at: number; actor: string; device: string | null; action: string; target: string | null; details: string; prev_hash: string; hash: string }>(
    'SELECT seq, at, actor, device, action, target, details, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq',
    [sinceSeq],
  );
  return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), actor: r.actor, device: r.device, action: r.action, target: r.target, details: r.details, prevHash: r.prev_hash, hash: r.hash }));
}
