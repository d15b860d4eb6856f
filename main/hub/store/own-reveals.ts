import type { HubStore } from './hub-store';

/** A reveal its requester asked for on this device that still matters to them: waiting, or decided by a lead and not yet over. */
export interface OwnReveal {
  id: number;
  messageId: number;
  fieldN: number;
  type: string;
  channelId: string;
  state: 'pending' | 'granted' | 'denied';
  expiresAt: number;
}

/**
 * The requests a person made from one device that a lead has to decide or has decided, until they run out: what a
 * console shows again after its person signs out and back in (on one machine the lead signs in between). Reveals
 * granted at once are not listed: the person saw them when they asked. Newest first, at most 100.
 */
export async function ownReveals(store: HubStore, userId: number, device: string): Promise<OwnReveal[]> {
  const rows = await store.q.all<{ id: number; message_id: number; field_n: number; type: string; channel_id: string; state: OwnReveal['state']; expires_at: number }>(
    `SELECT r.id, r.message_id, r.field_n, f.type, m.channel_id, r.state, r.expires_at
       FROM reveals r JOIN message_fields f ON f.message_id = r.message_id AND f.n = r.field_n JOIN messages m ON m.id = r.message_id
      WHERE r.requester_id = ? AND r.device = ? AND r.expires_at > ? AND (r.state = 'pending' OR r.approver_id IS NOT NULL)
      ORDER BY r.id DESC LIMIT 100`,
    [userId, device, store.now()],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    messageId: Number(r.message_id),
    fieldN: Number(r.field_n),
    type: r.type,
    channelId: r.channel_id,
    state: r.state,
    expiresAt: Number(r.expires_at),
  }));
}
