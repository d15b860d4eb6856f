import crypto from 'node:crypto';
import type { DemoDb } from './db';
import { maskMessage } from '../../../main/core/masking';
import { foldText } from '../../../main/ipc/handlers/segments';

/** A deterministic generator of demo conversations in English, Arabic and Persian, with sensitive values masked. */

/** The real masking (main/core/masking), keeping each field's original for the demo's reveal. */
export function demoMask(text: string): { masked: string; fields: Array<{ type: string; value: string }> } {
  const r = maskMessage(text);
  return { masked: r.masked, fields: r.fields.map((f) => ({ type: f.type, value: text.slice(f.originalStart, f.originalEnd) })) };
}

export const DEMO_CHANNELS = [
  { id: 'telegram-1', kind: 'telegram', name: 'Telegram support', health: 'ok' },
  { id: 'whatsapp-1', kind: 'whatsapp', name: 'WhatsApp Business', health: 'ok' },
  { id: 'messenger-1', kind: 'messenger', name: 'Facebook page', health: 'degraded' },
  { id: 'instagram-1', kind: 'instagram', name: 'Instagram', health: 'ok' },
  { id: 'x-1', kind: 'x', name: 'X (Twitter)', health: 'ok' },
  { id: 'email-1', kind: 'email', name: 'support@ mailbox', health: 'ok' },
] as const;

const CONTACTS = ['Layla Haddad', 'James Porter', 'محمد العتيبي', 'نورة الشمري', 'سارا کریمی', 'رضا احمدی', 'Amina Yusuf', 'Omar Farouk', 'فاطمه رضایی', 'خالد الزهراني'];

const INBOUND = [
  'Hi, my order has not arrived yet. My phone is +966 55 123 4567.',
  'I was charged twice on card 4111 1111 1111 1111, please help.',
  'مرحبا، لم يصلني الطلب. رقمي 0551234567 وبريدي layla.h@example.com',
  'سلام، سفارش من هنوز نرسیده. شماره من ۰۹۱۲۳۴۵۶۷۸۹ است.',
  'Someone sent me a code 482913 I did not ask for. Was my account hacked?',
  'هل يمكنني تغيير عنوان التوصيل؟ هويتي 1012345678',
  'Can I change my delivery address? Email me at j.porter@example.org',
  'لطفاً فاکتور را به ایمیل sara.k@example.ir بفرستید.',
  'The app keeps logging me out since yesterday.',
  'متى يفتح الفرع؟',
];

const OUTBOUND = [
  'Thanks for reaching out! Let me check that for you.',
  'شكراً لتواصلك، سأتحقق من الطلب الآن.',
  'ممنون از پیام شما، در حال بررسی هستیم.',
  'I have escalated this to our billing team.',
];

const LABELS = ['billing', 'delivery', 'account', 'vip', 'bug'];

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function hashPassword(password: string, salt: Buffer = crypto.randomBytes(16)): { salt: Buffer; hash: Buffer } {
  return { salt, hash: crypto.scryptSync(password, salt, 32) };
}

export function ensureChannels(db: DemoDb, now: number): void {
  const ins = db.prepare('INSERT OR IGNORE INTO channels (id, kind, name, health, checked_at) VALUES (?, ?, ?, ?, ?)');
  for (const c of DEMO_CHANNELS) ins.run(c.id, c.kind, c.name, c.health, now);
}

export function addUser(db: DemoDb, u: { id: string; username: string; name: string; role: 'agent' | 'lead' | 'admin' | 'auditor'; password: string }): void {
  const { salt, hash } = hashPassword(u.password);
  db.prepare('INSERT INTO users (id, username, name, role, salt, hash) VALUES (?, ?, ?, ?, ?, ?)').run(u.id, u.username, u.name, u.role, salt, hash);
}

export interface InsertMessage {
  conversationId: number;
  direction: 'in' | 'out';
  text: string;
  sentAt: number;
  authorId?: string | null;
  delivery?: string | null;
  deliveryReason?: string | null;
}

export function prepareInsertMessage(db: DemoDb): (m: InsertMessage) => { id: number; masked: string } {
  const msg = db.prepare(
    'INSERT INTO messages (conversation_id, direction, author_id, masked_text, search_text, sent_at, delivery, delivery_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const fld = db.prepare('INSERT INTO fields (message_id, n, type, value) VALUES (?, ?, ?, ?)');
  return (m) => {
    const { masked, fields } = demoMask(m.text);
    const id = Number(
      msg.run(m.conversationId, m.direction, m.authorId ?? null, masked, foldText(masked), m.sentAt, m.delivery ?? null, m.deliveryReason ?? null).lastInsertRowid,
    );
    fields.forEach((f, n) => fld.run(id, n, f.type, f.value));
    return { id, masked };
  };
}

/**
 * Seeds `count` conversations over the last 30 days (newest first by activity), each with two to four messages.
 * Assigns some to the given agents; a few replies are in every delivery state.
 */
export function seedConversations(db: DemoDb, opts: { count: number; now: number; agentIds: string[]; seed?: number }): void {
  const r = rng(opts.seed ?? 42);
  ensureChannels(db, opts.now);
  const conv = db.prepare(
    `INSERT INTO conversations (channel_id, contact_name, contact_handle, contact_fields, contact_key, status, assignee_id, unread, preview,
       last_activity_at, last_inbound_at, created_at, first_response_ms, resolution_ms, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
  );
  const setPreview = db.prepare('UPDATE conversations SET preview = ? WHERE id = ?');
  const label = db.prepare('INSERT OR IGNORE INTO conversation_labels (conversation_id, label) VALUES (?, ?)');
  const insertMessage = prepareInsertMessage(db);
  const span = 30 * 86_400_000;
  db.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const channel = pick(r, DEMO_CHANNELS);
      const contactIdx = Math.floor(r() * CONTACTS.length);
      const contact = CONTACTS[contactIdx]!;
      const start = opts.now - Math.floor(r() * span) - 3 * 3_600_000;
      const roll = r();
      const status = roll < 0.45 ? 'open' : roll < 0.6 ? 'pending' : roll < 0.65 ? 'snoozed' : 'resolved';
      const assignee = r() < 0.25 ? null : opts.agentIds.length ? pick(r, opts.agentIds) : null;
      const phone = demoMask(`+9665${String(10_000_000 + Math.floor(r() * 89_999_999))}`).masked;
      const firstResponse = Math.floor(r() * 7_200_000);
      const resolution = status === 'resolved' ? Math.min(firstResponse + Math.floor(r() * 86_400_000), opts.now - start) : null;
      const n = 2 + Math.floor(r() * 3);
      const lastAt = start + n * 60_000 + firstResponse;
      const cid = Number(
        conv.run(
          channel.id, contact, `@${contact.split(' ')[0]!.toLowerCase()}${contactIdx}`, JSON.stringify([{ label: 'phone', maskedText: phone }]),
          `${channel.id}:${contactIdx}`, status, assignee, status === 'resolved' ? 0 : Math.floor(r() * 3), lastAt, start,
          start, firstResponse, resolution, resolution === null ? null : start + resolution,
        ).lastInsertRowid,
      );
      let preview = '';
      for (let k = 0; k < n; k++) {
        const inbound = k % 2 === 0;
        const at = k === 0 ? start : start + firstResponse + k * 60_000;
        const dr = r();
        const delivery = inbound ? null : dr < 0.85 ? 'delivered' : dr < 0.93 ? 'read' : dr < 0.97 ? 'failed' : 'unknown';
        preview = insertMessage({
          conversationId: cid,
          direction: inbound ? 'in' : 'out',
          text: inbound ? pick(r, INBOUND) : pick(r, OUTBOUND),
          sentAt: at,
          authorId: inbound ? null : assignee,
          delivery,
          deliveryReason: delivery === 'failed' ? 'The platform refused the message (recipient blocked the page).' : delivery === 'unknown' ? 'The connection dropped after sending.' : null,
        }).masked;
      }
      setPreview.run(preview, cid);
      if (r() < 0.3) label.run(cid, pick(r, LABELS));
    }
  })();
}

export function seedCannedAndAlerts(db: DemoDb, now: number): void {
  const canned = db.prepare('INSERT INTO canned (shortcut, title, body) VALUES (?, ?, ?)');
  canned.run('hello', 'Greeting', 'Hello {{customer.firstName}}, this is {{agent.name}} from support. How can I help?');
  canned.run('track', 'Tracking', 'Hi {{customer.firstName}}, your order is on its way. You can follow it in the app under Orders.');
  canned.run('salam', 'تحية', 'مرحباً {{customer.firstName}}، معك {{agent.name}} من فريق الدعم. كيف أساعدك؟');
  canned.run('dorood', 'سلام', 'سلام {{customer.firstName}}، {{agent.name}} هستم از پشتیبانی. چطور کمکتان کنم؟');
  const alert = db.prepare('INSERT INTO alerts (kind, severity, created_at, summary, conversation_ids) VALUES (?, ?, ?, ?, ?)');
  const ids = (db.prepare('SELECT id FROM conversations ORDER BY id LIMIT 3').all() as Array<{ id: number }>).map((x) => x.id);
  alert.run('account_takeover_spike', 'critical', now - 600_000, '7 customers reported unexpected login codes in the last hour.', JSON.stringify(ids));
  alert.run('lookalike_link', 'warning', now - 3_600_000, 'An inbound message linked to a look-alike of the company domain.', JSON.stringify(ids.slice(0, 1)));
}
