import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import type { InboundMessage } from '../../main/core/shared/messages';
import crypto from 'node:crypto';
import type { SeatGrantRequest } from '../../main/core/custody';
import { placeholderMasker, type Store } from '../../main/core/store';
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
  const core = await openCore({ dataDir: tmpDir(), keychain, keychainService: service, masker: placeholderMasker, ...opts });
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

/**
 * Opens one original the way the reveal rules do (`main/core/app/store-ports.ts`): a grant signed for this field,
 * checked and logged by the in-process custodian. Lead-approved, so types that need approval open too.
 */
export function revealOriginal(store: Store, messageId: number, n: number, over: Partial<SeatGrantRequest> = {}): { type: string; value: string } {
  const type = store.conversations.describeField(messageId, n)?.type ?? 'NUMBER';
  const grant = store.custody.sign({
    kind: 'reveal',
    user: 'tester',
    userId: 'tester-id',
    reason: 'test',
    revealId: crypto.randomUUID(),
    revealExpiresAt: 8_640_000_000_000_000,
    messageId,
    field: n,
    type,
    approval: { approver: 'lead', approverId: 'lead-id', at: 0 },
    contactId: null,
    ...over,
  });
  return store.conversations.revealField(messageId, n, grant);
}

/** An administrator's export grant, as `diwan db export` signs it after sign-in. */
export function exportGrant(store: Store, user = 'admin') {
  return (contactId: number) =>
    store.custody.sign({
      kind: 'export',
      user,
      userId: `cli:${user}`,
      reason: 'data subject export',
      revealId: null,
      revealExpiresAt: null,
      messageId: null,
      field: null,
      type: null,
      approval: null,
      contactId,
    });
}
