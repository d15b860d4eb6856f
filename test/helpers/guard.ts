import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../../main/core/store';
import type { ConnectorSink, IngestResult, InboundMessage } from '../../main/core/shared/messages';
import type { Clock } from '../../main/core/shared/ports';
import type { DetectSensitive, Sealer, SensitiveSpan } from '../../main/core/guard';

/**
 * A small stand-in for the masking engine's detectSensitive (main/core/masking), until the merge wires the real
 * one: 16-digit numbers passing Luhn are cards, other runs of 4–8 digits are one-time codes.
 */
export const standInDetectSensitive: DetectSensitive = (text) => {
  const spans: SensitiveSpan[] = [];
  const ascii = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  for (const m of ascii.matchAll(/(?<!\d)\d(?:[ -]?\d){15}(?!\d)/g)) {
    if (luhn(m[0].replace(/\D/g, ''))) spans.push({ type: 'CARD', start: m.index, end: m.index + m[0].length, confidence: 0.95 });
  }
  for (const m of ascii.matchAll(/(?<![\d+-]|\d[ -])\d{4,8}(?![\d]|[ -]\d)/g)) {
    if (spans.some((s) => m.index >= s.start && m.index < s.end)) continue;
    spans.push({ type: 'OTP', start: m.index, end: m.index + m[0].length, confidence: 0.6 });
  }
  return spans;
};

function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/** AES-256-GCM with a throw-away key: the vault's field encryption stands here at composition. */
export function testSealer(key = randomBytes(32)): Sealer {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

/**
 * A minimal SQLite message sink with the store's ConnectorSink contract (idempotent by channel and platform
 * message id), for the guard's tests and benchmark until the real store is merged.
 */
export function sqliteSink(db: Db): ConnectorSink & { count(channelId?: string): number; has(channelId: string, id: string): boolean } {
  db.exec(`CREATE TABLE IF NOT EXISTS test_messages (
    channel_id TEXT NOT NULL, platform_message_id TEXT NOT NULL, conversation TEXT NOT NULL, sender TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (channel_id, platform_message_id));
    CREATE TABLE IF NOT EXISTS test_cursors (channel_id TEXT PRIMARY KEY, cursor TEXT);`);
  const ins = db.prepare('INSERT OR IGNORE INTO test_messages VALUES (?, ?, ?, ?, ?)');
  const cur = db.prepare('INSERT INTO test_cursors VALUES (?, ?) ON CONFLICT (channel_id) DO UPDATE SET cursor = excluded.cursor');
  // Numbered as the store numbers its conversations, one per channel and platform conversation.
  const conversationIds = new Map<string, number>();
  const conversationId = (channelId: string, platformConversationId: string) => {
    const key = JSON.stringify([channelId, platformConversationId]);
    if (!conversationIds.has(key)) conversationIds.set(key, conversationIds.size + 1);
    return conversationIds.get(key)!;
  };
  return {
    ingest(channelId: string, messages: InboundMessage[], cursor?: string | null): IngestResult {
      let inserted = 0;
      const conversations = new Set<number>();
      db.transaction(() => {
        for (const m of messages) {
          inserted += ins.run(channelId, m.platformMessageId, m.platformConversationId, m.contact.platformUserId, m.text).changes;
          conversations.add(conversationId(channelId, m.platformConversationId));
        }
        if (cursor !== undefined) cur.run(channelId, cursor);
      })();
      return { inserted, duplicates: messages.length - inserted, conversationIds: [...conversations] };
    },
    cursor(channelId) {
      return (db.prepare('SELECT cursor FROM test_cursors WHERE channel_id = ?').get(channelId) as { cursor: string | null } | undefined)?.cursor ?? null;
    },
    count(channelId) {
      return (db.prepare(`SELECT count(*) n FROM test_messages ${channelId ? 'WHERE channel_id = ?' : ''}`).get(...(channelId ? [channelId] : [])) as { n: number }).n;
    },
    has(channelId, id) {
      return db.prepare('SELECT 1 FROM test_messages WHERE channel_id = ? AND platform_message_id = ?').get(channelId, id) !== undefined;
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)): Clock & { set(t: number): void; advance(ms: number): void } {
  let t = start;
  return { now: () => t, set: (v) => (t = v), advance: (ms) => (t += ms) };
}

export function inbound(id: string, sender: string, text: string, sentAt = 0, conversation = `conv-${sender}`): InboundMessage {
  return { platformMessageId: id, platformConversationId: conversation, contact: { platformUserId: sender }, direction: 'in', text, sentAt };
}
