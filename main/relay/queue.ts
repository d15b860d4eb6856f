import type { DeliveryReceipt } from '../core/connectors';
import type { RelayEvent } from '../core/connectors/relay-client/protocol';
import type { ConnectorSink, InboundMessage, IngestResult } from '../core/shared/messages';
import type { Db } from '../core/store';
import type { EdgeFloodGate } from './flood';
import type { QueueCipher } from './queue-cipher';

interface QueueRow {
  seq: number;
  kind: 'message' | 'receipt';
  dedup_key: string;
  body: Buffer;
}

/**
 * The relay's durable queue, and the sink its connectors write into (webhook pushes and the Telegram poller alike).
 * Idempotent by (channel, platform message id); flood control decides, inside the same transaction, whether a new
 * message is queued or quarantined; a poller's cursor is saved with its batch. Consoles read by sequence number.
 */
export class RelayQueue implements ConnectorSink {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly s: ReturnType<typeof statements>;

  constructor(
    private readonly db: Db,
    private readonly cipher: QueueCipher,
    private readonly gate: EdgeFloodGate,
    private readonly now: () => number,
  ) {
    this.s = statements(db);
  }

  cursor(channelId: string): string | null {
    return (this.s.getCursor.get(channelId) as { cursor: string | null } | undefined)?.cursor ?? null;
  }

  ingest(channelId: string, messages: InboundMessage[], cursor?: string | null): IngestResult {
    const result = this.db.transaction(() => {
      const now = this.now();
      let inserted = 0;
      let duplicates = 0;
      for (const m of messages) {
        const key = `m:${m.platformMessageId}`;
        if (this.s.queued.get(channelId, key) || this.s.quarantined.get(channelId, key)) {
          duplicates++;
          continue;
        }
        const body = this.cipher.seal(JSON.stringify(m), aad(channelId, key));
        if (m.direction === 'in' && !this.gate.admit(channelId, m.contact.platformUserId, now)) {
          this.s.quarantine.run(channelId, key, body, 'flood', now);
        } else {
          this.s.insert.run(channelId, 'message', key, body, now);
          inserted++;
        }
      }
      if (cursor !== undefined) this.s.setCursor.run(channelId, cursor);
      return { inserted, duplicates, conversationIds: [] };
    })();
    if (result.inserted) this.notifyAfterCommit(channelId);
    return result;
  }

  addReceipt(channelId: string, receipt: DeliveryReceipt): void {
    const key = `r:${receipt.platformMessageId}:${receipt.state}`;
    const r = this.s.insertOrIgnore.run(channelId, 'receipt', key, this.cipher.seal(JSON.stringify(receipt), aad(channelId, key)), this.now());
    if (r.changes) this.notifyAfterCommit(channelId);
  }

  /** Events of a channel after `after`, oldest first. */
  read(channelId: string, after: number, limit: number): RelayEvent[] {
    const rows = this.s.read.all(channelId, after, limit) as QueueRow[];
    return rows.map((r) => {
      const body = JSON.parse(this.cipher.open(r.body, aad(channelId, r.dedup_key)));
      return r.kind === 'message' ? { seq: r.seq, kind: 'message', message: body } : { seq: r.seq, kind: 'receipt', receipt: body };
    });
  }

  /** Resolves when the channel has an event after `after`, when `ms` pass, or when `signal` aborts. */
  waitFor(channelId: string, after: number, ms: number, signal: AbortSignal): Promise<void> {
    if (ms <= 0 || signal.aborted || this.s.hasAfter.get(channelId, after)) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(channelId) ?? new Set();
      this.waiters.set(channelId, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  /** Wakes the long polls of a channel (after a transaction that added events has committed). */
  notify(channelId: string): void {
    for (const w of [...(this.waiters.get(channelId) ?? [])]) w();
  }

  /** A console read with `after`: everything up to it is acknowledged by that console. */
  acknowledge(fingerprint: string, channelId: string, after: number): void {
    this.s.ack.run(fingerprint, channelId, after, this.now());
  }

  seenDelivery(hash: string): boolean {
    return Boolean(this.s.seenDelivery.get(hash));
  }

  recordDelivery(hash: string, channelId: string): void {
    this.s.recordDelivery.run(hash, channelId, this.now());
  }

  /** Queue depth and quarantine per channel, oldest waiting event, for /healthz (counts only). */
  stats(): { depth: Map<string, number>; quarantined: Map<string, number>; oldestAt: number | null } {
    const depth = new Map((this.s.depth.all() as Array<{ channel_id: string; n: number }>).map((r) => [r.channel_id, r.n]));
    const quarantined = new Map((this.s.quarantineCounts.all() as Array<{ channel_id: string; n: number }>).map((r) => [r.channel_id, r.n]));
    const oldestAt = (this.s.oldest.get() as { at: number | null }).at;
    return { depth, quarantined, oldestAt };
  }

  /** Seen by each of `consoles` in the last `activeMs`; the rest count as disconnected. */
  consolesSeenSince(since: number): number {
    return (this.s.consolesSeen.get(since) as { n: number }).n;
  }

  /**
   * Removes events every enrolled console has acknowledged, and anything older than `maxAgeMs` (a console that never
   * came back does not keep customer messages on the relay for ever). Returns the number of events removed.
   */
  prune(enrolled: readonly string[], maxAgeMs: number): number {
    const cutoff = this.now() - maxAgeMs;
    return this.db.transaction(() => {
      let removed = this.s.pruneOld.run(cutoff).changes;
      this.s.pruneQuarantine.run(cutoff);
      this.s.pruneDeliveries.run(cutoff);
      if (enrolled.length) {
        for (const { channel_id } of this.s.channels.all() as Array<{ channel_id: string }>) {
          const acks = enrolled.map((f) => (this.s.ackOf.get(f, channel_id) as { acked_seq: number } | undefined)?.acked_seq ?? 0);
          removed += this.s.pruneAcked.run(channel_id, Math.min(...acks)).changes;
        }
      }
      return removed;
    })();
  }

  private notifyAfterCommit(channelId: string): void {
    if (!this.db.inTransaction) this.notify(channelId);
  }
}

function aad(channelId: string, key: string): string {
  return `${channelId}\n${key}`;
}

function statements(db: Db) {
  return {
    getCursor: db.prepare('SELECT cursor FROM relay_cursors WHERE channel_id = ?'),
    setCursor: db.prepare('INSERT INTO relay_cursors (channel_id, cursor) VALUES (?, ?) ON CONFLICT (channel_id) DO UPDATE SET cursor = excluded.cursor'),
    queued: db.prepare('SELECT 1 FROM relay_queue WHERE channel_id = ? AND dedup_key = ?'),
    quarantined: db.prepare('SELECT 1 FROM relay_quarantine WHERE channel_id = ? AND dedup_key = ?'),
    insert: db.prepare('INSERT INTO relay_queue (channel_id, kind, dedup_key, body, received_at) VALUES (?, ?, ?, ?, ?)'),
    insertOrIgnore: db.prepare('INSERT OR IGNORE INTO relay_queue (channel_id, kind, dedup_key, body, received_at) VALUES (?, ?, ?, ?, ?)'),
    quarantine: db.prepare('INSERT OR IGNORE INTO relay_quarantine (channel_id, dedup_key, body, reason, received_at) VALUES (?, ?, ?, ?, ?)'),
    read: db.prepare('SELECT seq, kind, dedup_key, body FROM relay_queue WHERE channel_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    hasAfter: db.prepare('SELECT 1 FROM relay_queue WHERE channel_id = ? AND seq > ? LIMIT 1'),
    ack: db.prepare(
      `INSERT INTO relay_console_cursors (fingerprint, channel_id, acked_seq, seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (fingerprint, channel_id) DO UPDATE SET acked_seq = max(acked_seq, excluded.acked_seq), seen_at = excluded.seen_at`,
    ),
    ackOf: db.prepare('SELECT acked_seq FROM relay_console_cursors WHERE fingerprint = ? AND channel_id = ?'),
    seenDelivery: db.prepare('SELECT 1 FROM relay_deliveries WHERE hash = ?'),
    recordDelivery: db.prepare('INSERT OR IGNORE INTO relay_deliveries (hash, channel_id, received_at) VALUES (?, ?, ?)'),
    depth: db.prepare('SELECT channel_id, count(*) AS n FROM relay_queue GROUP BY channel_id'),
    quarantineCounts: db.prepare('SELECT channel_id, count(*) AS n FROM relay_quarantine GROUP BY channel_id'),
    oldest: db.prepare('SELECT min(received_at) AS at FROM relay_queue'),
    consolesSeen: db.prepare('SELECT count(DISTINCT fingerprint) AS n FROM relay_console_cursors WHERE seen_at >= ?'),
    channels: db.prepare('SELECT DISTINCT channel_id FROM relay_queue'),
    pruneOld: db.prepare('DELETE FROM relay_queue WHERE received_at < ?'),
    pruneAcked: db.prepare('DELETE FROM relay_queue WHERE channel_id = ? AND seq <= ?'),
    pruneQuarantine: db.prepare('DELETE FROM relay_quarantine WHERE received_at < ?'),
    pruneDeliveries: db.prepare('DELETE FROM relay_deliveries WHERE received_at < ?'),
  };
}
