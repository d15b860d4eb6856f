import type { HubStore } from './hub-store';

/** The lead's device countersignature kept with a granted reveal (JSON of `{ body, signature }`), or null. */
export async function revealApproval(store: HubStore, revealId: number): Promise<{ body: unknown; signature: string } | null> {
  const r = await store.q.get<{ approval: string | null }>('SELECT approval FROM reveals WHERE id = ?', [revealId]);
  return r?.approval ? (JSON.parse(r.approval) as { body: unknown; signature: string }) : null;
}
