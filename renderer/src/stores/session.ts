import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { dropCustomerData } from './reset';

type SessionView = ResponseOf<'getSession'>;

/** Identity's session view, in the few words the screens need. */
export interface Session {
  state: 'setup' | 'signed_out' | 'second_factor' | 'signed_in';
  user: { id: string; name: string; role: NonNullable<SessionView['user']>['role']; permissions: string[] } | null;
  lockReason: string | null;
}

function fromView(v: SessionView): Session {
  const state = v.needsAdmin ? 'setup' : v.signedIn ? 'signed_in' : v.pendingSecondFactor ? 'second_factor' : 'signed_out';
  const user = v.signedIn && v.user ? { id: v.user.id, name: v.user.displayName || v.user.username, role: v.user.role, permissions: v.permissions } : null;
  return { state, user, lockReason: null };
}

/** Thrown when the password was right and the account asks for its second factor. */
export class SecondFactorNeeded extends Error {
  readonly code = 'second_factor_needed';
}

interface SessionState {
  session: Session | null;
  refresh(): Promise<void>;
  signIn(input: { username: string; password: string; code?: string }): Promise<void>;
  setup(input: { username: string; name: string; password: string }): Promise<void>;
  signOut(): Promise<void>;
  can(permission: string): boolean;
}

export const useSession = create<SessionState>((set, get) => ({
  session: null,
  refresh: async () => set({ session: fromView(await call('getSession', {})) }),
  signIn: async ({ username, password, code }) => {
    const pending = get().session?.state === 'second_factor';
    const first = pending && code ? { status: 'second_factor' as const } : await call('signIn', { username, password });
    if (first.status === 'second_factor') {
      if (!code) {
        set({ session: fromView(await call('getSession', {})) });
        throw new SecondFactorNeeded('Enter the code from your authenticator app (or a recovery code) to finish signing in.');
      }
      await call('signInSecondFactor', code.length > 8 ? { recoveryCode: code } : { code });
    }
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
