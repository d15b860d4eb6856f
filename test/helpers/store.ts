import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import path from 'node:path';
import { migrations, openDatabase, placeholderMasker } from '../../main/core/store';
import type { KeychainPort } from '../../main/core/vault';
import { testKeychain } from './keychain';
import { tmpDir } from './tmp';

/**
 * A real core (SQLite file in a temp dir, the real keychain under a test service) with one channel `tg`. It masks
 * with the store's placeholder masker, so token shapes in these tests are predictable; the real detectors are
 * tested on their own (test/unit/masking) and on the ingest path in store-no-leak.test.ts.
 */
export async function storeCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  return (await storeEnv(opts)).core;
}

/** The same, with the keychain port and service name, to open the data directory again. */
export async function storeEnv(opts: Partial<CoreOptions> = {}): Promise<{ core: Core; keychain: KeychainPort; service: string }> {
  const { keychain, service } = testKeychain();
  const core = await openCore({ embedded: 'store', dataDir: tmpDir(), keychain, keychainService: service, masker: placeholderMasker, ...opts });
  core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Support bot' });
  return { core, keychain, service };
}

export function inbound(n: number, over: Partial<InboundMessage> = {}): InboundMessage {
  return {
    platformMessageId: `m${n}`,
    platformConversationId: 'chat1',
    contact: { platformUserId: 'u1', displayName: 'Customer One' },
    direction: 'in',
    text: `hello ${n}`,
    sentAt: 1_700_000_000_000 + n * 1000,
    ...over,
  };
}

export function fixedClock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v), advance: (ms: number) => (t += ms) };
}

// Kept in their own file (no vitest there), so benchmarks can use them too.
export { exportGrant, revealOriginal } from './seat-grants';

/**
 * A database file migrated only up to (not including) `version`, holding one Telegram channel, one contact, three
 * conversations (last activity 500, 900 and 900) and the given messages — `VALUES` rows of (id, conversation_id,
 * platform_message_id, direction, masked_text, sent_at), all on channel "tg", stored at 1. The caller closes it.
 */
export function databaseBefore(version: number, messages: string): { file: string; db: ReturnType<typeof openDatabase> } {
  const file = path.join(tmpDir(), 'diwan.sqlite');
  const db = openDatabase(file, { migrations: migrations.filter((m) => m.version < version) });
  db.exec(`INSERT INTO channels (id, kind, name, created_at) VALUES ('tg', 'telegram', 'tg', 1);
    INSERT INTO contacts (id, channel_id, platform_user_id, created_at) VALUES (1, 'tg', 'u', 1);
    INSERT INTO conversations (id, channel_id, platform_conversation_id, contact_id, last_activity_at, created_at)
      VALUES (1, 'tg', 'c1', 1, 500, 1), (2, 'tg', 'c2', 1, 900, 1), (3, 'tg', 'c3', 1, 900, 1);
    INSERT INTO messages (id, conversation_id, platform_message_id, direction, masked_text, sent_at, channel_id, stored_at)
      SELECT column1, column2, column3, column4, column5, column6, 'tg', 1 FROM (VALUES ${messages});`);
  return { file, db };
}

/** Every statement `f` runs on `db`'s connection type, by its SQL text (better-sqlite3's `source`), counted on the real database. */
export function statementsRunBy(db: Core['db'], f: () => void): string[] {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  const seen: string[] = [];
  const original = Object.fromEntries(['all', 'get', 'run', 'iterate'].map((m) => [m, proto[m]!]));
  for (const [m, fn] of Object.entries(original)) {
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      seen.push(this.source.replace(/\s+/g, ' '));
      return fn.apply(this, a);
    };
  }
  try {
    f();
  } finally {
    Object.assign(proto, original);
  }
  return seen;
}
