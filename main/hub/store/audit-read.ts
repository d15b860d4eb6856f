import type { HubStore } from './hub-store';

export interface HubAuditEntry {
  seq: number;
  at: number;
  actor: string;
  device: string | null;
  action: string;
  target: string | null;
  details: Record<string, string | number | boolean | null>;
  prevHash: string;
  hash: string;
}

/** The hub's audit trail as an auditor reads it: a page after `afterSeq`, oldest or newest first. */
export async function auditEntries(store: HubStore, q: { afterSeq?: number; limit: number; newestFirst: boolean }): Promise<HubAuditEntry[]> {
  const rows = await store.q.all<{ seq: number; at: number; actor: string; device: string | null; action: string; target: string | null; details: string; prev_hash: string; hash: string }>(
    `SELECT * FROM audit WHERE seq > ? ORDER BY seq ${q.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
    [q.afterSeq ?? 0, q.limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: Number(r.at),
    actor: r.actor,
    device: r.device,
    action: r.action,
    target: r.target,
    details: flat(JSON.parse(r.details) as Record<string, unknown>),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Details as shown to an auditor: scalars as they are, anything nested as its JSON text. */
function flat(d: Record<string, unknown>): HubAuditEntry['details'] {
  const out: HubAuditEntry['details'] = {};
  for (const [k, v] of Object.entries(d ?? {})) out[k] = v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string | number | boolean | null) : JSON.stringify(v);
  return out;
}
