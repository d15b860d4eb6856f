import { DiwanError } from '../../core/shared/errors';
import { AUDIT_ACTIONS } from '../../core/shared/audit-actions';
import type { InboundMessage } from '../../core/shared/messages';
import type { SqlExecutor } from './executor';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** Messages one release or discard handles at most (one transaction); a longer hold takes several. */
export const HELD_BATCH_MAX = 1_000;

/** Messages one listing shows at most (the oldest first); releasing or discarding them shows the next ones. */
export const HELD_LIST_MAX = 200;

/** One held message as the hub keeps it: still sealed whole; the route opens it to show it masked. */
export interface HeldRow {
  id: number;
  channelId: string;
  platformMessageId: string;
  reason: string;
  receivedAt: number;
  sealed: Buffer;
}

export interface HeldCount {
  channelId: string;
  held: number;
  oldestAt: number;
}

/**
 * Where released messages go: the channel's own ingest (masked and sealed, as if they had just arrived), or for a
 * relayed channel its desks' queue. Runs inside the release's transaction; returns how many were new there.
 */
export type HeldDelivery = (t: SqlExecutor, messages: InboundMessage[]) => Promise<number>;

/**
 * What webhook flood control held back (`webhook_quarantine`: the whole message sealed under the hub's outbox-key,
 * `OriginalsSealer.sealHeld`), for every channel the hub takes webhooks for, relayed ones included. A lead or an
 * administrator sees counts only, and releases the oldest (delivered, then erased here) or discards them; each is one
 * transaction that takes the event lock (so a webhook being held at the same moment is either in it or after it),
 * writes `quarantine.updated` for leads and administrators and the single-seat audit action with counts, never text.
 */
export class HubHeldMessages {
  constructor(private readonly store: HubStore) {}

  async counts(): Promise<HeldCount[]> {
    const rows = await this.store.q.all<{ channel_id: string; n: number | string; oldest: number | string }>(
      'SELECT channel_id, COUNT(*) AS n, MIN(received_at) AS oldest FROM webhook_quarantine GROUP BY channel_id ORDER BY channel_id',
    );
    return rows.map((r) => ({ channelId: r.channel_id, held: Number(r.n), oldestAt: Number(r.oldest) }));
  }

  /** The oldest held messages of every channel, at most `limit`, still sealed. */
  async oldest(limit: number): Promise<HeldRow[]> {
    const rows = await this.store.q.all<{ id: number | string; channel_id: string; platform_message_id: string; reason: string; received_at: number | string; sealed: Buffer }>(
      'SELECT id, channel_id, platform_message_id, reason, received_at, sealed FROM webhook_quarantine ORDER BY id LIMIT ?',
      [Math.max(1, Math.min(limit, HELD_LIST_MAX))],
    );
    return rows.map((r) => ({ id: Number(r.id), channelId: r.channel_id, platformMessageId: r.platform_message_id, reason: r.reason, receivedAt: Number(r.received_at), sealed: Buffer.from(r.sealed) }));
  }

  /**
   * Releases up to `limit` of the channel's held messages, oldest first, or exactly the ones `ids` names (those of
   * another channel or already gone are not taken); `open` unseals one (its platform id is bound in).
   */
  async release(channelId: string, limit: number, actor: Actor, open: (platformMessageId: string, sealed: Buffer) => InboundMessage, deliver: HeldDelivery, ids?: readonly number[]): Promise<{ released: number; delivered: number; left: number }> {
    return this.store.q.tx(async (t) => {
      const rows = await this.take(t, channelId, limit, ids);
      const delivered = rows.length ? await deliver(t, rows.map((r) => open(r.platform_message_id, Buffer.from(r.sealed)))) : 0;
      const left = await this.settle(t, channelId, rows, actor, AUDIT_ACTIONS.quarantineReleased, { released: rows.length, delivered });
      return { released: rows.length, delivered, left };
    });
  }

  /** Erases up to `limit` of the channel's held messages, oldest first (or the ones `ids` names), unread. */
  async discard(channelId: string, limit: number, actor: Actor, ids?: readonly number[]): Promise<{ discarded: number; left: number }> {
    return this.store.q.tx(async (t) => {
      const rows = await this.take(t, channelId, limit, ids);
      const left = await this.settle(t, channelId, rows, actor, AUDIT_ACTIONS.quarantineDiscarded, { discarded: rows.length });
      return { discarded: rows.length, left };
    });
  }

  private async take(t: SqlExecutor, channelId: string, limit: number, ids?: readonly number[]) {
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > HELD_BATCH_MAX || (ids && ids.length > HELD_BATCH_MAX)) {
      throw new DiwanError('bad_request', `Release or discard between 1 and ${HELD_BATCH_MAX.toLocaleString('en-US')} held messages at once; repeat for more.`);
    }
    await t.serializeEvents();
    if (!ids) return t.all<{ id: number; platform_message_id: string; sealed: Buffer }>('SELECT id, platform_message_id, sealed FROM webhook_quarantine WHERE channel_id = ? ORDER BY id LIMIT ?', [channelId, limit]);
    const rows = ids.length
      ? await t.all<{ id: number; platform_message_id: string; sealed: Buffer }>(
          `SELECT id, platform_message_id, sealed FROM webhook_quarantine WHERE channel_id = ? AND id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
          [channelId, ...ids],
        )
      : [];
    if (!rows.length) throw new DiwanError('quarantine_empty', 'Those held messages are no longer waiting (someone released or discarded them already); list them again to see what is left.');
    return rows;
  }

  private async settle(t: SqlExecutor, channelId: string, rows: ReadonlyArray<{ id: number }>, actor: Actor, action: string, details: Record<string, number>): Promise<number> {
    if (!rows.length) throw new DiwanError('quarantine_empty', `No messages of channel "${channelId}" are held back; there is nothing to release or discard.`);
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      await t.run(`DELETE FROM webhook_quarantine WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    }
    const left = Number((await t.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM webhook_quarantine WHERE channel_id = ?', [channelId]))!.n);
    await this.store.emit(t, 'quarantine.updated', 'leads', { channelId, held: left }, { channelId });
    await this.store.emit(t, 'quarantine.updated', 'admins', { channelId, held: left }, { channelId });
    await this.store.appendAudit(t, { ...actor, action, target: `channel:${channelId}`, details: { ...details, left } });
    return left;
  }
}
