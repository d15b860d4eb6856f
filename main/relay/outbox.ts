import type { ReplyResponse } from '../core/connectors/relay-client/protocol';
import type { OutboundItem, OutboxPort } from '../core/shared/messages';
import type { Db } from '../core/store';
import type { QueueCipher } from './queue-cipher';
import type { RelayQueue } from './queue';

interface Row {
  id: string;
  outbox_id: string;
  channel_id: string;
  body: Buffer | null;
  state: ReplyResponse['state'];
  attempts: number;
  not_before: number;
  platform_message_id: string | null;
  reason: string | null;
  updated_at: number;
}

export interface ReplySubmission {
  outboxId: string;
  platformConversationId: string;
  text: string;
  options?: Record<string, string>;
}

const FINAL = new Set(['sent', 'failed', 'unknown']);

/**
 * Replies consoles hand to the relay for channels whose tokens only the relay holds. Idempotent by (device, the
 * console's outbox id): a console that asks again (after a timeout, a restart) gets the state of the first request,
 * never a second send. Only a reply that ended `failed` (certainly not sent) is queued again when asked again; one
 * whose outcome is `unknown` stays so (sending it again is a new reply with a new id). The connectors' runtime drains
 * this outbox like the console's own; delivery receipts go to the queue.
 */
export class RelayOutbox implements OutboxPort {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly s: ReturnType<typeof statements>;

  constructor(
    private readonly db: Db,
    private readonly cipher: QueueCipher,
    private readonly queue: RelayQueue,
    private readonly now: () => number,
  ) {
    this.s = statements(db);
  }

  /** Stores the reply unless the outbox id is known; returns its current state either way. */
  submit(fingerprint: string, channelId: string, r: ReplySubmission): ReplyResponse & { created: boolean } {
    const key = replyKey(fingerprint, r.outboxId);
    const now = this.now();
    const body = this.cipher.seal(JSON.stringify({ to: r.platformConversationId, text: r.text, options: r.options ?? {} }), `outbox\n${key}`);
    const existing = this.row(key);
    if (existing && existing.channel_id === channelId && existing.state === 'failed') {
      this.s.resubmit.run(body, now, key);
      return { ...this.view(this.row(key)!), created: true };
    }
    if (existing) return { ...this.view(existing), created: false };
    this.s.insert.run(key, r.outboxId, channelId, fingerprint, body, now, now);
    return { ...this.view(this.row(key)!), created: true };
  }

  /** The reply's state, or null when this device never sent it to this channel. */
  status(fingerprint: string, channelId: string, outboxId: string): ReplyResponse | null {
    const row = this.row(replyKey(fingerprint, outboxId));
    return row && row.channel_id === channelId ? this.view(row) : null;
  }

  /** Resolves when the reply reaches a final state, `ms` pass or `signal` aborts. */
  waitSettled(fingerprint: string, outboxId: string, ms: number, signal: AbortSignal): Promise<void> {
    const key = replyKey(fingerprint, outboxId);
    const row = this.row(key);
    if (!row || FINAL.has(row.state) || ms <= 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(key) ?? new Set();
      this.waiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (!set.size) this.waiters.delete(key);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  /** At start: a reply that was being sent when the relay stopped may or may not have gone out. */
  recoverInterrupted(): number {
    return this.s.interrupted.run('The relay stopped while this reply was being sent; it may or may not have reached the customer.', this.now()).changes;
  }

  claim(channelId: string, now: number): OutboundItem | null {
    return this.db.transaction(() => {
      const row = this.s.next.get(channelId, now) as Row | undefined;
      if (!row) return null;
      this.s.claim.run(now, row.id);
      const { to, text, options } = JSON.parse(this.cipher.open(row.body!, `outbox\n${row.id}`)) as { to: string; text: string; options: Record<string, string> };
      return {
        outboxId: row.id,
        messageId: row.outbox_id,
        channelId,
        platformConversationId: to,
        text,
        attempts: row.attempts + 1,
        ...(Object.keys(options).length ? { options } : {}),
      };
    })();
  }

  markSent(outboxId: string, platformMessageId: string, _at: number): void {
    this.s.settle.run('sent', platformMessageId, null, this.now(), outboxId);
    this.wake(outboxId);
  }

  markFailed(outboxId: string, reason: string, retry: { notBefore: number } | null): void {
    if (retry) this.s.requeue.run(retry.notBefore, reason, this.now(), outboxId);
    else this.s.settle.run('failed', null, reason, this.now(), outboxId);
    this.wake(outboxId);
  }

  markUnknown(outboxId: string, reason: string): void {
    this.s.settle.run('unknown', null, reason, this.now(), outboxId);
    this.wake(outboxId);
  }

  markDelivery(channelId: string, platformMessageId: string, state: 'delivered' | 'read' | 'failed', reason?: string): void {
    this.queue.addReceipt(channelId, { platformMessageId, state, ...(reason ? { reason } : {}) });
  }

  pending(): number {
    return (this.s.pending.get() as { n: number }).n;
  }

  private row(key: string): Row | undefined {
    return this.s.get.get(key) as Row | undefined;
  }

  private view(r: Row): ReplyResponse {
    return {
      outboxId: r.outbox_id,
      state: r.state,
      ...(r.platform_message_id ? { platformMessageId: r.platform_message_id } : {}),
      ...(r.state === 'sent' ? { at: r.updated_at } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.state === 'queued' && r.not_before > this.now() ? { retryAt: r.not_before } : {}),
    };
  }

  private wake(key: string): void {
    for (const w of [...(this.waiters.get(key) ?? [])]) w();
  }
}

/** The runtime's outbox id for a relay reply: unique across devices (each console numbers its own outbox). */
function replyKey(fingerprint: string, outboxId: string): string {
  return `${fingerprint}/${outboxId}`;
}

function statements(db: Db) {
  return {
    get: db.prepare('SELECT * FROM relay_outbox WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO relay_outbox (id, outbox_id, channel_id, fingerprint, body, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)`,
    ),
    resubmit: db.prepare(
      "UPDATE relay_outbox SET state = 'queued', body = ?, not_before = 0, reason = NULL, platform_message_id = NULL, updated_at = ? WHERE id = ?",
    ),
    next: db.prepare(
      "SELECT * FROM relay_outbox WHERE channel_id = ? AND state = 'queued' AND not_before <= ? ORDER BY created_at, id LIMIT 1",
    ),
    claim: db.prepare("UPDATE relay_outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?"),
    // A final state drops the text: the relay keeps no reply longer than it takes to send it.
    settle: db.prepare('UPDATE relay_outbox SET state = ?, platform_message_id = ?, reason = ?, body = NULL, updated_at = ? WHERE id = ?'),
    requeue: db.prepare("UPDATE relay_outbox SET state = 'queued', not_before = ?, reason = ?, updated_at = ? WHERE id = ?"),
    interrupted: db.prepare("UPDATE relay_outbox SET state = 'unknown', reason = ?, body = NULL, updated_at = ? WHERE state = 'sending'"),
    pending: db.prepare("SELECT count(*) AS n FROM relay_outbox WHERE state IN ('queued', 'sending')"),
  };
}
