import type { Db } from '../../shared/db';
import { DiwanError } from '../../shared/errors';
import type { AuditPort } from '../../shared/ports';
import type { InboundMessage, ConnectorSink } from '../../shared/messages';
import { maskSpans, type DetectSensitive, type Sealer } from '../ports';
import { AUDIT_ACTIONS } from '../../shared/audit-actions';
import { Listeners } from '../../shared/listeners';

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
  /** One sender's held messages (their platform id: it stays in this database, the console names a held message). */
  sender?: string;
}

/** One waiting message as a lead sees it before deciding: the sender and the text masked, nothing kept open. */
export interface HeldMessage {
  id: number;
  channelId: string;
  reason: QuarantineReason;
  receivedAt: number;
  sender: string;
  maskedText: string;
  /** How many of this sender's messages the channel holds and when the first and last came. */
  fromSender: { held: number; firstAt: number; lastAt: number };
  /** False when this database's key cannot open it (it can only be discarded). */
  readable: boolean;
}

/** Waiting messages a listing shows at most, oldest first (deciding on them shows the next). */
export const HELD_LIST_LIMIT = 200;

const RELEASE_CHUNK = 500;

/**
 * Messages flood control held back: nothing is dropped. Originals are sealed; leads see masked samples and
 * counts, and release hands the originals back to the store's ingest (idempotent by platform message id).
 */
export class Quarantine {
  private readonly changed = new Listeners<[channelId: string]>('quarantine.changed');
  private waitingStatement: ReturnType<Db['prepare']> | undefined;

  constructor(
    private readonly db: Db,
    private readonly deps: {
      sealer: Sealer;
      detectSensitive: DetectSensitive;
      audit: AuditPort;
      /** Masks text for the held-messages screen with field tokens (the console shows them as chips); bullets without it. */
      maskForScreen?: (text: string) => string;
    },
  ) {}

  /** Runs `fn` in one transaction (nested ones become savepoints). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Hears a channel's waiting messages change (held, released, discarded): screens listing them ask again. */
  onChange(listener: (channelId: string) => void): () => void {
    return this.changed.add(listener);
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
    for (const channelId of new Set(items.map((it) => it.channelId))) this.changed.emit(channelId);
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

  /**
   * Copies of a campaign held as near-duplicates, counted on the conversation its first stored copy opened (the
   * cluster's `conversation_ref`): per platform conversation id among `refs`, only the ones with copies waiting.
   * Released and discarded copies no longer count.
   */
  copiesOn(channelId: string, refs: readonly string[]): Map<string, number> {
    const waiting = this.waitingCopies(channelId);
    const out = new Map<string, number>();
    for (const ref of refs) if (waiting.has(ref)) out.set(ref, waiting.get(ref)!);
    return out;
  }

  /** Every conversation of a channel with copies waiting, by platform conversation id (`copiesOn` for all of them). */
  waitingCopies(channelId: string): Map<string, number> {
    return this.waitingCopiesIn([channelId]).get(channelId) ?? new Map();
  }

  /**
   * `waitingCopies` for several channels in one statement, prepared once: an inbox page asks for all of its channels
   * together, and usually none has any. Channels without copies waiting are left out.
   */
  waitingCopiesIn(channelIds: readonly string[]): Map<string, Map<string, number>> {
    this.waitingStatement ??= this.db.prepare(
      `SELECT q.channel_id AS channel, g.conversation_ref AS ref, count(*) AS n FROM guard_quarantine q JOIN guard_clusters g ON g.id = q.cluster_id
        WHERE q.channel_id IN (SELECT value FROM json_each(?)) AND q.reason = 'duplicate' AND q.released_at IS NULL AND g.channel_id = q.channel_id
          AND g.conversation_ref IS NOT NULL
        GROUP BY q.channel_id, g.conversation_ref`,
    );
    const out = new Map<string, Map<string, number>>();
    for (const r of this.waitingStatement.all(JSON.stringify(channelIds)) as Array<{ channel: string; ref: string; n: number }>) {
      const refs = out.get(r.channel) ?? new Map<string, number>();
      out.set(r.channel, refs.set(r.ref, r.n));
    }
    return out;
  }

  /** The platform conversation ids a channel's campaigns count their copies on, most recent campaign first. */
  campaignConversations(channelId: string, limit = 500): string[] {
    return this.db
      .prepare('SELECT DISTINCT conversation_ref FROM (SELECT conversation_ref FROM guard_clusters WHERE channel_id = ? AND conversation_ref IS NOT NULL ORDER BY last_seen DESC LIMIT ?)')
      .pluck()
      .all(channelId, limit) as string[];
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
    const left = this.pendingCount(filter.channelId);
    this.deps.audit({
      action: AUDIT_ACTIONS.quarantineReleased,
      actor: by,
      target: `channel:${filter.channelId}`,
      details: { released, reason: filter.reason ?? null, cluster: filter.clusterId ?? null, left, ...scopeOf(filter) },
    });
    if (released) this.changed.emit(filter.channelId);
    return { released };
  }

  /** Erases waiting messages unread (a lead's decision), audited with counts; released ones stay as they were. */
  discard(filter: ReleaseFilter, by: string): { discarded: number } {
    const { where, args } = this.where(filter);
    const discarded = this.db.prepare(`DELETE FROM guard_quarantine WHERE ${where} AND released_at IS NULL`).run(...args).changes;
    this.deps.audit({
      action: AUDIT_ACTIONS.quarantineDiscarded,
      actor: by,
      target: `channel:${filter.channelId}`,
      details: { discarded, left: this.pendingCount(filter.channelId), ...scopeOf(filter) },
    });
    if (discarded) this.changed.emit(filter.channelId);
    return { discarded };
  }

  /** Waiting messages per channel, with the oldest one's arrival. */
  channels(): Array<{ channelId: string; held: number; oldestAt: number }> {
    const rows = this.db
      .prepare('SELECT channel_id, count(*) n, min(received_at) oldest FROM guard_quarantine WHERE released_at IS NULL GROUP BY channel_id ORDER BY channel_id')
      .all() as Array<{ channel_id: string; n: number; oldest: number }>;
    return rows.map((r) => ({ channelId: r.channel_id, held: r.n, oldestAt: r.oldest }));
  }

  /** The oldest waiting messages of every channel (at most `limit`), opened only to be masked. */
  held(limit = HELD_LIST_LIMIT): HeldMessage[] {
    const rows = this.db
      .prepare('SELECT id, channel_id, reason, sender, received_at, sealed FROM guard_quarantine WHERE released_at IS NULL ORDER BY id LIMIT ?')
      .all(Math.max(1, Math.min(limit, HELD_LIST_LIMIT))) as Array<{ id: number; channel_id: string; reason: QuarantineReason; sender: string; received_at: number; sealed: Buffer }>;
    const spans = this.db.prepare(
      'SELECT count(*) held, min(received_at) first_at, max(received_at) last_at FROM guard_quarantine WHERE channel_id = ? AND sender = ? AND released_at IS NULL',
    );
    const bySender = new Map<string, { held: number; firstAt: number; lastAt: number }>();
    return rows.map((r) => {
      const key = `${r.channel_id}\n${r.sender}`;
      let span = bySender.get(key);
      if (!span) {
        const x = spans.get(r.channel_id, r.sender) as { held: number; first_at: number; last_at: number };
        span = { held: x.held, firstAt: x.first_at, lastAt: x.last_at };
        bySender.set(key, span);
      }
      const base = { id: r.id, channelId: r.channel_id, reason: r.reason, receivedAt: r.received_at, fromSender: span };
      const m = this.opened(r.sealed);
      if (!m) return { ...base, sender: '', maskedText: '', readable: false };
      const sender = heldSenderName(m);
      const screen = this.deps.maskForScreen ?? ((t: string) => this.masked(t, Infinity));
      return { ...base, sender: screen(sender), maskedText: screen(m.text), readable: true };
    });
  }

  /** How many waiting messages a filter takes. */
  waiting(filter: ReleaseFilter): number {
    const { where, args } = this.where(filter);
    return (this.db.prepare(`SELECT count(*) n FROM guard_quarantine WHERE ${where} AND released_at IS NULL`).get(...args) as { n: number }).n;
  }

  /** The sender of a waiting message of this channel (kept here; the console names the message), or null. */
  senderOf(channelId: string, id: number): string | null {
    const r = this.db.prepare('SELECT sender FROM guard_quarantine WHERE id = ? AND channel_id = ? AND released_at IS NULL').get(id, channelId) as { sender: string } | undefined;
    return r?.sender ?? null;
  }

  /** Unseals a held message only to mask it for a lead's eyes (held messages are many; masking at write would cost every one). */
  private maskedText(sealed: Buffer): string {
    const m = this.opened(sealed);
    return m ? this.masked(m.text, 500) : '(cannot be decrypted with this database\'s key)';
  }

  private opened(sealed: Buffer): InboundMessage | null {
    try {
      return JSON.parse(this.deps.sealer.open(sealed)) as InboundMessage;
    } catch {
      return null;
    }
  }

  private masked(text: string, max: number): string {
    return maskSpans(text, this.deps.detectSensitive(text)).slice(0, max);
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
    if (f.sender !== undefined) {
      parts.push('sender = ?');
      args.push(f.sender);
    }
    return { where: parts.join(' AND '), args };
  }
}

/**
 * Who sent a held message, as the held-messages screen names them: their name or handle, never the platform id (on
 * WhatsApp that is the customer's phone number, which masking cannot tell from any other run of digits).
 */
export function heldSenderName(m: Pick<InboundMessage, 'contact'>): string {
  return m.contact.displayName || m.contact.handle || '';
}

/** A lead's decision on held messages someone else decided on first (here, or at the hub). */
export function heldNoLongerWaiting(scope: 'sender' | 'messages'): DiwanError {
  return new DiwanError(
    'quarantine_empty',
    scope === 'sender'
      ? 'That sender’s held messages are no longer waiting (someone released or discarded them already); list them again to see what is left.'
      : 'Those held messages are no longer waiting (someone released or discarded them already); list them again to see what is left.',
  );
}

/** A decision on all of one sender's held messages says so in its audit entry (`scope: "sender"`), never who the sender is. */
function scopeOf(f: ReleaseFilter): { scope?: 'sender' } {
  return f.sender !== undefined ? { scope: 'sender' } : {};
}
