import type { HubStore } from './hub-store';

/** The lead's device countersignature kept with a granted reveal (JSON of `{ body, signature }`), or null. */
export async function revealApproval(store: HubStore, revealId: number): Promise<{ body: unknown; signature: string } | null> {
  const r = await store.q.get<{ approval: string | null }>('SELECT approval FROM reveals WHERE id = ?', [revealId]);
  return r?.approval ? (JSON.parse(r.approval) as { body: unknown; signature: string }) : null;
}

/** The newest entry of the hub's audit chain (seq 0 and the genesis hash when empty). */
export async function auditHead(store: HubStore): Promise<{ seq: number; hash: string }> {
  const r = await store.q.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  return r ? { seq: Number(r.seq), hash: r.hash } : { seq: 0, hash: '0'.repeat(64) };
}

/**
 * Compares the chain in the database with a head checkpointed outside it (at the custodian). A database
 * administrator can rewrite an unkeyed chain so that it verifies on its own; she cannot change what the custodian
 * recorded. Returns the finding in words, or null when the checkpointed entry is there unchanged.
 */
export async function compareWithCheckpoint(store: HubStore, checkpoint: { seq: number; hash: string }): Promise<string | null> {
  if (checkpoint.seq === 0) return null;
  const r = await store.q.get<{ hash: string }>('SELECT hash FROM audit WHERE seq = ?', [checkpoint.seq]);
  if (!r) return `entry ${checkpoint.seq}, checkpointed at the custodian, is missing from the database: the trail was cut back or deleted.`;
  if (r.hash !== checkpoint.hash) return `entry ${checkpoint.seq} does not match the hash checkpointed at the custodian: the trail was rewritten in the database.`;
  return null;
}

/**
 * PostgreSQL grants for the role the hub runs as: everything it needs, but on the audit table only SELECT and
 * INSERT (no UPDATE, DELETE or TRUNCATE). IT runs them as the database owner after `diwan hub migrate`.
 */
export function hubRoleGrants(role: string): string[] {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error('a PostgreSQL role name is lower-case letters, digits and "_"');
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM ${role}`,
    `REVOKE ALL ON audit FROM PUBLIC`,
  ];
}
