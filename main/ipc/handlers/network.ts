import type { Core } from '../../core/app';
import type { ResponseOf } from '../contract';

/** The gate's verdict for the lock screen and the status badge. The response schema strips anything undeclared. */
export function networkStatus(core: Core): ResponseOf<'getNetworkStatus'> {
  const v = core.gate.current();
  return {
    state: v?.state ?? 'checking',
    siteId: v?.siteId,
    policyVersion: v?.policyVersion,
    reason: v?.reason ?? 'Diwan is checking whether this computer is on an office network.',
    checkedAt: v?.at ?? null,
    locked: core.lock.isLocked(),
    lockReason: core.lock.reason(),
    checks: v?.checks ?? [],
  };
}
