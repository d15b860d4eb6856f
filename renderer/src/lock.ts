import { create } from 'zustand';
import type { ResponseOf } from '../../main/ipc/contract';
import { call, getBridge } from './bridge';
import { dropCustomerData } from './stores/reset';

export type NetworkStatus = ResponseOf<'getNetworkStatus'>;

interface LockState {
  /** `unknown` until main has answered once: nothing is shown before then. */
  phase: 'unknown' | 'open' | 'locked';
  reason: string | null;
  network: NetworkStatus | null;
  /** Locked only because the network was still being checked at start-up: nobody signed in, so open by itself. */
  startupCheck: boolean;
}

export const useLock = create<LockState>(() => ({ phase: 'unknown', reason: null, network: null, startupCheck: false }));

/** Locks the page: empty every customer store first, then show the lock screen in place of everything. */
export function lockConsole(reason: string): void {
  dropCustomerData();
  useLock.setState({ phase: 'locked', reason, startupCheck: false });
}

export async function refreshNetworkStatus(): Promise<NetworkStatus | null> {
  try {
    const network = await call('getNetworkStatus', {});
    const { phase, startupCheck } = useLock.getState();
    if (phase === 'locked' && startupCheck && !network.locked) useLock.setState({ network, phase: 'open', reason: null, startupCheck: false });
    else useLock.setState({ network });
    return network;
  } catch {
    return null;
  }
}

/** Listens for main's `locked` event and asks once whether the core is already locked (e.g. after a reload). */
export function watchLock(): () => void {
  const off = getBridge().on.locked(({ reason }) => lockConsole(reason));
  void refreshNetworkStatus().then((s) => {
    if (!s) return lockConsole('unknown');
    if (s.locked) {
      lockConsole(s.lockReason ?? 'off-network');
      if (s.state === 'checking') useLock.setState({ startupCheck: true });
    }
    else if (useLock.getState().phase === 'unknown') useLock.setState({ phase: 'open' });
  });
  return off;
}

/** Leaving the lock screen: a fresh page, which (once sign-in exists) asks for the password again. */
export function leaveLockScreen(): void {
  window.location.reload();
}
