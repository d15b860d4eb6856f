import crypto from 'node:crypto';
import { exportGrants, type SeatGrantRequest } from '../../main/core/custody';
import type { Store } from '../../main/core/store';

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
  return exportGrants(store.custody, { user, userId: `cli:${user}`, reason: 'data subject export' });
}
