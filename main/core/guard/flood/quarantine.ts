import type { Db } from '../../shared/db';
import { DiwanError } from '../../shared/errors';
import type { AuditPort } from '../../shared/ports';
import type { InboundMessage, ConnectorSink } from '../../shared/messages';
import { maskSpans, type DetectSensitive, type Sealer } from '../ports';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';

export type QuarantineReason = 'sender_rate' | 'channel_rate' | 'duplicate';

export interface QuarantineItem {
  channelId: string;
  message: InboundMessage;
  reason: QuarantineReason;
  clusterId: number | null;
  receivedAt: number;
}

export interface QuarantineGroup {
  channelId: string;
  reason: QuarantineReason;
  clusterId: number | null;
  pending: number;
  released: number;
  firstAt: number;
  lastAt: number;
  /** Up to three masked samples. */
  samples: string[];
}

export interface QuarantineRow {
  id: number;
  channelId: string;
  reason: QuarantineReason;
  clusterId: number | null;
  sender: string;
  receivedAt: number;
  maskedText: string;
  releasedAt: number | null;
}

export interface ReleaseFilter {
  channelId: string;
  reason?: QuarantineReason;
  clusterId?: number;
  ids?: number[];
}

const RELEASE_CHUNK = 500;

/**
 * Messages flood control held back: nothing is dropped. Originals are sealed; leads see masked samples and
 * counts, and release hands the originals back to the store's ingest (idempotent by platform message id).
 */
export class Quarantine {
  constructor(
    private readonly db: Db,
    private readonly deps: { sealer: Sealer; detectSensitive: DetectSensitive; audit: AuditPort },
  ) {}

  /** Runs `fn` in one transaction (nested ones become savepoints). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Idempotent by (channel, platform message id): a connector retrying a batch does not double-count. */
  addMany(items: readonly QuarantineItem[]): void {
    if (!items.length) return;
    const ins = this.db.prepare(
      `INSERT OR IGNORE INTO guard_quarantine (channel_id, platform_message_id, sender, reason, cluster_id, received_at, sealed)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const it of items) {
        ins.run(it.channelId, it.message.platformMessageId, it.message.contact.platformUserId, it.reason, it.clusterId, it.receivedAt, this.deps.sealer.seal(JSON.stringify(it.message)));
      }
    })();
  }

  /** A new cluster row for near-duplicates; returns its id. */
  openCluster(channelId: string, at: number, sampleText: string, conversationRef: string | null): number {
    const masked = maskSpans(sampleText, this.deps.detectSensitive(sampleText)).slice(0, 500);
    const r = this.db
      .prepare('INSERT INTO guard_clusters (channel_id, first_seen, last_seen, count, conversation_ref, sample_masked) VALUES (?, ?, ?, 1, ?, ?)')
      .run(channelId, at, at, conversationRef, masked);
    return Number(r.lastInsertRowid);
  }

  bumpClusters(counts: ReadonlyMap<number, { n: number; at: number }>): void {
    const up = this.db.prepare('UPDATE guard_clusters SET count = count + ?, last_seen = max(last_seen, ?) WHERE id = ?');
    this.db.transaction(() => {
      for (const [id, { n, at }] of counts) up.run(n, at, id);
    })();
  }

  cluster(id: number): { id: number; channelId: string; count: number; conversationRef: string | null; sample: string } | null {
    const r = this.db.prepare('SELECT id, channel_id, count, conversation_ref, sample_masked FROM guard_clusters WHERE id = ?').get(id) as
      | { id: number; channel_id: string; count: number; conversation_ref: string | null; sample_masked: string }
      | undefined;
    return r ? { id: r.id, channelId: r.channel_id, count: r.count, conversationRef: r.conversation_ref, sample: r.sample_masked } : null;
  }

  /** Counts per channel, reason and cluster, with masked samples: what a lead inspects. */
  summary(channelId?: string): QuarantineGroup[] {
    const rows = this.db
      .prepare(
        `SELECT channel_id, reason, cluster_id, sum(released_at IS NULL) pending, sum(released_at IS NOT NULL) released,
                min(received_at) first_at, max(received_at) last_at
         FROM guard_quarantine ${channelId ? 'WHERE channel_id = ?' : ''}
         GROUP BY channel_id, reason, cluster_id ORDER BY pending DESC LIMIT 200`,
      )
      .all(...(channelId ? [channelId] : [])) as Array<{ channel_id: string; reason: QuarantineReason; cluster_id: number | null; pending: number; released: number; first_at: number; last_at: number }>;
    const samples = this.db.prepare(
      `SELECT sealed FROM guard_quarantine WHERE channel_id = ? AND reason = ? AND cluster_id IS ? AND released_at IS NULL ORDER BY id LIMIT 3`,
    );
    return rows.map((r) => ({
      channelId: r.channel_id,
      reason: r.reason,
      clusterId: r.cluster_id,
      pending: r.pending,
      released: r.released,
      firstAt: r.first_at,
      lastAt: r.last_at,
      samples: (samples.all(r.channel_id, r.reason, r.cluster_id) as Array<{ sealed: Buffer }>).map((s) => this.maskedText(s.sealed)),
    }));
  }

  list(filter: ReleaseFilter & { limit?: number; afterId?: number }): QuarantineRow[] {
    const { where, args } = this.where(filter);
    const rows = this.db
      .prepare(`SELECT id, channel_id, reason, cluster_id, sender, received_at, sealed, released_at FROM guard_quarantine WHERE ${where} AND id > ? ORDER BY id LIMIT ?`)
      .all(...args, filter.afterId ?? 0, Math.min(filter.limit ?? 100, 1000)) as Array<{ id: number; channel_id: string; reason: QuarantineReason; cluster_id: number | null; sender: string; received_at: number; sealed: Buffer; released_at: number | null }>;
    return rows.map((r) => ({ id: r.id, channelId: r.channel_id, reason: r.reason, clusterId: r.cluster_id, sender: r.sender, receivedAt: r.received_at, maskedText: this.maskedText(r.sealed), releasedAt: r.released_at }));
  }

  pendingCount(channelId?: string): number {
    const r = this.db.prepare(`SELECT count(*) n FROM guard_quarantine WHERE released_at IS NULL ${channelId ? 'AND channel_id = ?' : ''}`).get(...(channelId ? [channelId] : [])) as { n: number };
    return r.n;
  }

  /**
   * Hands held messages back to the store, oldest first, in chunks. A chunk is marked released only after the
   * sink accepted it, so a failure part-way leaves the rest pending and loses nothing; running it again is safe.
   */
  release(filter: ReleaseFilter, sink: Pick<ConnectorSink, 'ingest'>, by: string, now: number): { released: number } {
    const { where, args } = this.where(filter);
    const select = this.db.prepare(`SELECT id, sealed FROM guard_quarantine WHERE ${where} AND released_at IS NULL AND id > ? ORDER BY id LIMIT ?`);
    const mark = this.db.prepare('UPDATE guard_quarantine SET released_at = ?, released_by = ? WHERE id = ?');
    let released = 0;
    let after = 0;
    for (;;) {
      const rows = select.all(...args, after, RELEASE_CHUNK) as Array<{ id: number; sealed: Buffer }>;
      if (!rows.length) break;
      const messages = rows.map((r) => {
        try {
          return JSON.parse(this.deps.sealer.open(r.sealed)) as InboundMessage;
        } catch {
          throw new DiwanError('guard_quarantine_unreadable', `A held message (#${r.id}) cannot be decrypted with this database's key; it was left in quarantine.`);
        }
      });
      this.db.transaction(() => {
        sink.ingest(filter.channelId, messages);
        for (const r of rows) mark.run(now, by, r.id);
      })();
      released += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    this.deps.audit({
      action: AUDIT_ACTIONS.quarantineReleased,
      actor: by,
      target: `channel:${filter.channelId}`,
      details: { released, reason: filter.reason ?? null, cluster: filter.clusterId ?? null },
    });
    return { released };
  }

  /** Unseals a held message only to mask it for a lead's eyes (held messages are many; masking at write would cost every one). */
  private maskedText(sealed: Buffer): string {
    try {
      const text = (JSON.parse(this.deps.sealer.open(sealed)) as InboundMessage).text;
      return maskSpans(text, this.deps.detectSensitive(text)).slice(0, 500);
    } catch {
      return '(cannot be decrypted with this database\'s key)';
    }
  }

  private where(f: ReleaseFilter): { where: string; args: unknown[] } {
    const parts = ['channel_id = ?'];
    const args: unknown[] = [f.channelId];
    if (f.reason) {
      parts.push('reason = ?');
      args.push(f.reason);
    }
    if (f.clusterId !== undefined) {
      parts.push('cluster_id = ?');
      args.push(f.clusterId);
    }
    if (f.ids) {
      if (f.ids.length > 1000) throw new DiwanError('guard_release_too_many', 'Release at most 1,000 messages by id at once, or release a whole group.');
      parts.push(`id IN (${f.ids.map(() => '?').join(',') || 'NULL'})`);
      args.push(...f.ids);
    }
    return { where: parts.join(' AND '), args };
  }
}
