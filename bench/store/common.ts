import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import type { Masker } from '../../main/core/store';
import type { KeychainPort } from '../../main/core/vault';

/**
 * The benchmarks keep the data key in memory: the keychain is read once at open and is not on any measured path,
 * and a benchmark should run without a desktop session. Tests use the real keychain.
 */
export function memoryKeychain(): KeychainPort {
  const m = new Map<string, string>();
  return {
    getPassword: async (s, a) => m.get(`${s}\0${a}`) ?? null,
    setPassword: async (s, a, p) => void m.set(`${s}\0${a}`, p),
    deletePassword: async (s, a) => m.delete(`${s}\0${a}`),
    findCredentials: async (s) => [...m].filter(([k]) => k.startsWith(`${s}\0`)).map(([k, password]) => ({ account: k.split('\0')[1]!, password })),
  };
}

/**
 * The in-memory keychain, saved to `file` (0600) after every change, so a dataset kept by one benchmark run can be
 * opened by another (`dataset.ts --keep`, then `console.ts --dir`). Benchmark data only: never a real key.
 */
export function fileKeychain(file: string): KeychainPort {
  const m = new Map<string, string>(fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<[string, string]>) : []);
  const save = () => fs.writeFileSync(file, JSON.stringify([...m]), { mode: 0o600 });
  return {
    getPassword: async (s, a) => m.get(`${s}\0${a}`) ?? null,
    setPassword: async (s, a, p) => void (m.set(`${s}\0${a}`, p), save()),
    deletePassword: async (s, a) => {
      const had = m.delete(`${s}\0${a}`);
      save();
      return had;
    },
    findCredentials: async (s) => [...m].filter(([k]) => k.startsWith(`${s}\0`)).map(([k, password]) => ({ account: k.split('\0')[1]!, password })),
  };
}

/** Without `masker`, the core masks with the real detectors on its preparation worker, as the console does. */
export async function benchCore(dataDir: string, keychain = memoryKeychain(), masker?: Masker, log?: (line: string) => void): Promise<Core> {
  // The custodian's per-user reveal limit would stop a benchmark that reveals a field per measured call.
  const custody = { rateLimit: { perUser: 1_000_000, windowMs: 60_000 } };
  const core = await openCore({ dataDir, keychain, keychainService: 'Diwan-bench', masker, custody, ...(log ? { log } : {}) });
  // As in the console, which starts the ingest preparation worker at open: measure the steady state.
  await core.parallelIngest();
  return core;
}

export function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

export function freshDir(name: string): string {
  const dir = path.join(os.tmpdir(), `diwan-bench-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const EN = ['hello', 'order', 'refund', 'delivery', 'late', 'please', 'help', 'account', 'password', 'invoice', 'thanks', 'payment', 'card', 'where', 'is', 'my', 'the', 'package', 'today', 'tomorrow'];
const AR = ['مرحبا', 'أريد', 'إلغاء', 'الطلب', 'الفاتورة', 'متى', 'يصل', 'شكرا', 'حسابي', 'مشكلة', 'الدفع', 'البطاقة', 'استرداد', 'المبلغ', 'عاجل', 'من', 'فضلك'];
const FA = ['سلام', 'می‌خواهم', 'سفارش', 'لغو', 'کنم', 'کی', 'می‌رسد', 'ممنون', 'حساب', 'مشکل', 'پرداخت', 'کارت', 'بازپرداخت', 'فوری', 'لطفا'];

/** A deterministic pseudo-random generator, so every run sees the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A customer message as text: English, Arabic or Persian words, sometimes with a phone number, e-mail or card. */
export function messageText(r: () => number): string {
  const words = r() < 0.4 ? EN : r() < 0.6 ? AR : FA;
  const n = 4 + Math.floor(r() * 14);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(r() * words.length)]!);
  const x = r();
  if (x < 0.15) out.push(`05${String(Math.floor(r() * 1e8)).padStart(8, '0')}`);
  else if (x < 0.25) out.push(`user${Math.floor(r() * 1e6)}@example.com`);
  else if (x < 0.3) out.push(`4111 ${String(Math.floor(r() * 1e4)).padStart(4, '0')} ${String(Math.floor(r() * 1e4)).padStart(4, '0')} 1111`);
  return out.join(' ');
}

/** What a connector receives from a platform (a Telegram-like update), serialised, so the bench pays for parsing. */
export function platformUpdate(i: number, conversation: number, sentAt: number, r: () => number): string {
  return JSON.stringify({
    update_id: i,
    message: {
      message_id: i,
      date: Math.floor(sentAt / 1000),
      chat: { id: conversation, type: 'private' },
      from: { id: conversation, first_name: `Customer ${conversation}`, username: `cust${conversation}` },
      text: messageText(r),
    },
  });
}

export function parseUpdate(json: string, sentAt: number): InboundMessage {
  const u = JSON.parse(json) as { message: { message_id: number; chat: { id: number }; from: { id: number; first_name: string; username: string }; text: string } };
  const m = u.message;
  return {
    platformMessageId: `${m.chat.id}:${m.message_id}`,
    platformConversationId: String(m.chat.id),
    contact: { platformUserId: String(m.from.id), displayName: m.from.first_name, handle: m.from.username },
    direction: 'in',
    text: m.text,
    sentAt,
  };
}

/**
 * The generated dataset's messages (dataset.ts, bulk.ts): `total` messages in total/10 conversations, 1 % of them
 * with 300 messages, the rest about 7, on three channels; one slice of `slice` messages at a time, grouped by channel
 * in order of first appearance (one ingest batch each). `r` goes on to decide the console state (`consoleState`).
 */
export function* datasetSlices(total: number, r: () => number, slice = 1000): Generator<{ start: number; perChannel: Map<string, InboundMessage[]> }> {
  const convCount = Math.max(100, Math.round(total / 10));
  const big = Math.max(1, Math.round(convCount / 100));
  const bigMessages = Math.min(total, big * 300);
  const t0 = 1_700_000_000_000;
  /** Message i's conversation: the first `bigMessages` go round the big conversations, the rest spread over all others. */
  const conversationOf = (i: number) => (i < bigMessages ? i % big : big + Math.floor(r() * (convCount - big)));
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let b = 0; b < total; b += slice) {
    const perChannel = new Map<string, InboundMessage[]>();
    for (let k = b; k < Math.min(total, b + slice); k++) {
      const i = order[k]!;
      const conv = conversationOf(i);
      const channel = DATASET_CHANNELS[conv % DATASET_CHANNELS.length]!;
      const list = perChannel.get(channel) ?? [];
      list.push({
        platformMessageId: `${conv}:${i}`,
        platformConversationId: String(conv),
        contact: { platformUserId: String(conv), displayName: `Customer ${conv}` },
        direction: r() < 0.8 ? 'in' : 'out',
        text: messageText(r),
        sentAt: t0 + k * 1000,
      });
      perChannel.set(channel, list);
    }
    yield { start: b, perChannel };
  }
}

export const DATASET_CHANNELS = ['tg', 'wa', 'x'];

/** The console state of a generated dataset: statuses, assignees (20 agents), 10 labels, read conversations. */
export function consoleState(core: Core, r: () => number): void {
  const { store, db } = core;
  const labels = Array.from({ length: 10 }, (_, i) => store.labels.create(`label-${i}`).id);
  db.transaction(() => {
    const setState = db.prepare('UPDATE conversations SET status = ?, assignee_id = ?, unread = CASE WHEN ? THEN 0 ELSE unread END WHERE id = ?');
    const label = db.prepare('INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)');
    for (const { id } of db.prepare('SELECT id FROM conversations').all() as Array<{ id: number }>) {
      const x = r();
      const status = x < 0.3 ? 'open' : x < 0.4 ? 'pending' : x < 0.45 ? 'snoozed' : 'resolved';
      setState.run(status, r() < 0.8 ? `agent-${Math.floor(r() * 20)}` : null, status === 'resolved' || r() < 0.5 ? 1 : 0, id);
      for (let k = 0; k < 2; k++) if (r() < 0.3) label.run(id, labels[Math.floor(r() * labels.length)]!);
    }
  })();
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function timings(samples: number[]): { p50: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1]! };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/**
 * Up to 1,000 conversations of 200 messages or more in the database file `file`, found on a connection of their own:
 * the scan reads the messages' index by conversation, which would otherwise leave it in the measured connection's cache.
 */
export function longConversations(file: string): number[] {
  const scan = new Database(file, { readonly: true });
  try {
    return scan.prepare('SELECT conversation_id FROM messages GROUP BY conversation_id HAVING count(*) >= 200 LIMIT 1000').pluck().all() as number[];
  } finally {
    scan.close();
  }
}
