import { openCore, type Core } from '../../main/core/app';
import { placeholderMasker } from '../../main/core/store';
import { ConnectorRuntime, type ChannelConfig, type ChannelKind, type LogLine, type RuntimeOptions } from '../../main/core/connectors';
import type { Sleep } from '../../main/core/connectors/time';
import type { Clock } from '../../main/core/shared/ports';
import { testKeychain } from './keychain';
import { registerSecrets } from './leak-registry';
import { tmpDir } from './tmp';

/**
 * Time that runs `speed` times faster than the wall clock, for clock and sleep alike, so a 7-second retry_after takes
 * 7 ms / (speed/1000) of real time and still shows up as 7 seconds everywhere Diwan looks. `waits` records every
 * wait that was asked for.
 */
export function fastTime(speed = 100): { clock: Clock; sleep: Sleep; waits: number[] } {
  const t0 = 1_767_225_600_000;
  const r0 = performance.now();
  const waits: number[] = [];
  const clock = { now: () => Math.floor(t0 + (performance.now() - r0) * speed) };
  const sleep: Sleep = (ms, signal) => {
    waits.push(ms);
    return new Promise((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms / speed);
      signal?.addEventListener('abort', done, { once: true });
    });
  };
  return { clock, sleep, waits };
}

/** A real core (SQLite in a temp dir, real keychain) with the given channels created in its store. */
export async function connectorCore(channels: Array<{ id: string; kind: ChannelKind }>, clock?: Clock): Promise<Core> {
  const { keychain, service } = testKeychain();
  const core = await openCore({ embedded: 'store', dataDir: tmpDir(), keychain, keychainService: service, masker: placeholderMasker, ...(clock ? { clock } : {}) });
  for (const c of channels) core.store.channels.create({ id: c.id, kind: c.kind, name: `${c.kind} test` });
  return core;
}

export async function putSecrets(core: Core, channelId: string, secrets: Record<string, unknown>): Promise<void> {
  registerSecrets(secrets);
  await core.vault.set(`channel:${channelId}`, JSON.stringify(secrets));
}

/** A runtime over the core's store with fast time and short HTTP limits; every log line is kept for leak checks. */
export function testRuntime(
  core: Core,
  time: ReturnType<typeof fastTime>,
  configs: ChannelConfig[],
  over: Partial<RuntimeOptions> = {},
): { runtime: ConnectorRuntime; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const runtime = new ConnectorRuntime({
    sink: core.store.sink,
    outbox: core.store.outbox,
    vault: core.vault,
    clock: time.clock,
    sleep: time.sleep,
    jitter: () => 0.5,
    log: (l) => logs.push(l),
    http: { timeoutMs: 3_000, retries: 2, retryBaseMs: 200, retryCapMs: 2_000 },
    silentAfterMs: 24 * 3_600_000,
    outboxIdleMs: 500,
    ...over,
  });
  for (const c of configs) runtime.add(c);
  return { runtime, logs };
}

/** Waits (bounded) until `cond` holds; throws with `what` when it does not. */
export async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function storedMessages(core: Core, channelId: string): Array<{ platform_message_id: string; direction: string; masked_text: string; delivery: string | null }> {
  return core.db
    .prepare('SELECT platform_message_id, direction, masked_text, delivery FROM messages WHERE channel_id = ? ORDER BY id')
    .all(channelId) as Array<{ platform_message_id: string; direction: string; masked_text: string; delivery: string | null }>;
}

export function outboxRows(core: Core, channelId: string): Array<{ id: number; state: string; attempts: number; last_error: string | null }> {
  return core.db.prepare('SELECT id, state, attempts, last_error FROM outbox WHERE channel_id = ? ORDER BY id').all(channelId) as Array<{
    id: number;
    state: string;
    attempts: number;
    last_error: string | null;
  }>;
}

/** Queues a reply in the conversation with the given platform id (the conversation must exist). */
export function queueReply(core: Core, channelId: string, platformConversationId: string, text: string, options?: Record<string, string>) {
  const row = core.db
    .prepare('SELECT id FROM conversations WHERE channel_id = ? AND platform_conversation_id = ?')
    .get(channelId, platformConversationId) as { id: number } | undefined;
  if (!row) throw new Error(`no conversation ${platformConversationId} on ${channelId}`);
  return core.store.outbox.enqueue({ conversationId: row.id, text, authorId: 'agent-1', ...(options ? { options } : {}) });
}

/** Nothing in the logs or the stored errors shows a secret. */
export function leaks(secret: string, core: Core, logs: LogLine[], extra: string[] = []): string[] {
  const texts = [
    ...logs.map((l) => JSON.stringify(l)),
    ...(core.db.prepare('SELECT coalesce(last_error, \'\') e FROM outbox').all() as Array<{ e: string }>).map((r) => r.e),
    ...extra,
  ];
  return texts.filter((t) => t.includes(secret));
}
