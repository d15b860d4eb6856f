/** What the gate decided, and why, check by check. Reasons are sentences for IT and never hold a secret. */
export type NetworkState = 'office' | 'off-network' | 'unmanaged';

export interface CheckResult {
  /** `policy`, or `<site>:address`, `<site>:dns`, `<site>:beacon`. */
  name: string;
  ok: boolean;
  /** Stable code, e.g. `address_not_in_range`, `beacon_pin_mismatch` (docs/IT-GUIDE.md lists them all). */
  code: string;
  reason: string;
}

export interface Verdict {
  state: NetworkState;
  /** The site proven, when in the office. */
  siteId?: string;
  policyVersion?: number;
  checks: CheckResult[];
  /** When the verdict was reached (ms since the epoch, the injected clock). */
  at: number;
  /** One sentence: why this state. */
  reason: string;
}

/** Customer data may be opened only in these states. */
export function isOpenState(state: NetworkState): boolean {
  return state === 'office' || state === 'unmanaged';
}
