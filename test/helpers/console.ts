import type { Core } from '../../main/core/app';
import { newSessionSlot } from '../../main/core/auth';
import { createMainDispatch, type CallContext } from '../../main/ipc';
import { startBridge, type RunningBridge } from '../bridge/server';
import { RENDERER_DIR } from './browser';
import { testKeychain } from './keychain';
import { addPeople, PEOPLE } from './console-people';
import { ingestMessage } from './intake';
import { revealOriginal } from './store';
import { tmpDir } from './tmp';

export { addPeople, PEOPLE, signIn } from './console-people';
export { ingestMessage } from './intake';

/**
 * A customer message arriving on the demo channel, through the same store intake the connectors use, and the
 * `inboxChanged` event the runtime would send. Returns the conversation id.
 */
export function receive(bridge: RunningBridge, m: { contact: string; text: string; assignTo?: string }): number {
  const id = ingestMessage(bridge.core, m);
  bridge.emit('inboxChanged', { conversationIds: [id], assignedToMe: m.assignTo ? [id] : [] });
  return id;
}

/** A bridge over a fresh data directory running the demo channel, with an administrator, an agent and a lead. */
export async function consoleBridge(
  opts: { conversations?: number; revealMinutes?: number } = {},
): Promise<RunningBridge & { people: Record<keyof typeof PEOPLE, string> }> {
  const { keychain, service } = testKeychain();
  const bridge = await startBridge({
    embedded: 'store',
    dataDir: tmpDir(),
    rendererDir: RENDERER_DIR,
    keychain,
    keychainService: service,
    channels: true,
    ...(opts.revealMinutes ? { identityPolicy: { reveal: { grantMinutes: opts.revealMinutes } } } : {}),
  });
  const people = await addPeople(bridge.core);
  for (let i = 0; i < (opts.conversations ?? 12); i++) {
    receive(bridge, { contact: `Customer ${i + 1}`, text: `Order ${1000 + i}: when will it arrive? My e-mail is customer${i}@example.com` });
  }
  return Object.assign(bridge, { people });
}

/** Every original value behind the masked fields of a conversation's messages (decrypted from the store). */
export function originals(core: Core, conversationId: number): string[] {
  const values = new Set<string>();
  for (const m of core.store.conversations.messages(conversationId, { limit: 500 })) {
    for (const f of m.fields) values.add(revealOriginal(core.store, m.id, f.n).value);
  }
  return [...values];
}

/** Masked display names of every contact (what the inbox shows). */
export function contactNames(core: Core): string[] {
  return (core.db.prepare('SELECT DISTINCT display_name FROM contacts WHERE display_name IS NOT NULL').pluck().all() as string[]).filter(Boolean);
}

/**
 * A real core with the four test people and a demo channel, and `as(person)`: that person signed in through the real
 * dispatcher, with `call` (the raw result) and `ok` (the value, or a thrown error naming the code).
 */
export async function signedInConsole(core: Core) {
  await addPeople(core);
  core.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
  const d = createMainDispatch(core, () => {}, { notify: () => true });
  const as = async (who: keyof typeof PEOPLE) => {
    const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
    const call = (channel: string, request: unknown) => d(channel, request, ctx);
    const ok = async <T = unknown>(channel: string, request: unknown): Promise<T> => {
      const r = await call(channel, request);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    await ok('signIn', { username: PEOPLE[who].username, password: PEOPLE[who].password });
    return { call, ok };
  };
  return as;
}
