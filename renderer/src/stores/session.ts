import { create } from 'zustand';
import type { ResponseOf } from '../../../main/ipc/contract';
import { call } from '../bridge';
import { dropCustomerData } from './reset';

type Session = ResponseOf<'getSession'>;

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
  refresh: async () => set({ session: await call('getSession', {}) }),
  signIn: async (input) => {
    const session = await call('signIn', input);
    dropCustomerData();
    set({ session });
  },
  setup: async (input) => set({ session: await call('setupAdministrator', input) }),
  signOut: async () => {
    dropCustomerData();
    set({ session: await call('signOut', {}) });
  },
  can: (permission) => get().session?.user?.permissions.includes(permission) ?? false,
}));
