import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { dropCustomerData } from './reset';

type SessionView = ResponseOf<'getSession'>;

/** Identity's session view, in the few words the screens need. */
export interface Session {
  state: 'setup' | 'signed_out' | 'second_factor' | 'signed_in';
  user: { id: string; name: string; role: NonNullable<SessionView['user']>['role']; permissions: string[] } | null;
  /** Whether the account has a second factor, whether IT requires one, and whether it must be set up before anything else. */
  twoFactor: SessionView['twoFactor'];
  lockReason: string | null;
  /** Set while the console works with a team hub: its address and what the hub does not offer yet. */
  team: SessionView['team'];
}

function fromView(v: SessionView): Session {
  const state = v.needsAdmin ? 'setup' : v.signedIn ? 'signed_in' : v.pendingSecondFactor ? 'second_factor' : 'signed_out';
  const user = v.signedIn && v.user ? { id: v.user.id, name: v.user.displayName || v.user.username, role: v.user.role, permissions: v.permissions } : null;
  return { state, user, twoFactor: v.twoFactor, lockReason: null, team: v.team };
}

interface SessionState {
  session: Session | null;
  refresh(): Promise<void>;
  /** Username and password; an account with a second factor moves to the `second_factor` state (asks for the code). */
  signIn(input: { username: string; password: string }): Promise<void>;
  /** The 6-digit code from the authenticator app, or one of the recovery codes. */
  secondFactor(input: { code: string } | { recoveryCode: string }): Promise<void>;
  setup(input: { username: string; name: string; password: string }): Promise<void>;
  signOut(): Promise<void>;
  can(permission: string): boolean;
}

export const useSession = create<SessionState>((set, get) => ({
  session: null,
  refresh: async () => set({ session: fromView(await call('getSession', {})) }),
  signIn: async ({ username, password }) => {
    const r = await call('signIn', { username, password });
    if (r.status === 'signed_in') dropCustomerData();
    set({ session: fromView(await call('getSession', {})) });
  },
  secondFactor: async (input) => {
    await call('signInSecondFactor', input);
    dropCustomerData();
    set({ session: fromView(await call('getSession', {})) });
  },
  setup: async (input) => {
    set({ session: fromView(await call('createAdmin', { username: input.username, displayName: input.name, password: input.password })) });
  },
  signOut: async () => {
    dropCustomerData();
    await call('signOut', {});
    set({ session: fromView(await call('getSession', {})) });
  },
  can: (permission) => get().session?.user?.permissions.includes(permission) ?? false,
}));
