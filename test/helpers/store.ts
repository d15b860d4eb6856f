import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import { testKeychain } from './keychain';
import { tmpDir } from './tmp';

/** A real core (SQLite file in a temp dir, the real keychain under a test service) with one channel `tg`. */
export async function storeCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  const { keychain, service } = testKeychain();
  const core = await openCore({ dataDir: tmpDir(), keychain, keychainService: service, ...opts });
  core.store.channels.create({ id: 'tg', kind: 'telegram', name: 'Support bot' });
  return core;
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
