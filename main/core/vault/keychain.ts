import { createRequire } from 'node:module';

/** The keytar API, as a port: the real OS keychain in the app and in tests, never a file or the database. */
export interface KeychainPort {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

let osKeychain: KeychainPort | undefined;

/**
 * Loads `@github/keytar` lazily so a machine without libsecret can still start and explain itself.
 *
 * Every call goes through one queue per process: keytar runs each call on its own libuv worker thread, and
 * libsecret's synchronous API used from several threads at once trips GLib assertions and can crash the process.
 */
export function loadOsKeychain(): KeychainPort {
  if (osKeychain) return osKeychain;
  const require = createRequire(import.meta.url);
  const keytar = require('@github/keytar') as KeychainPort;
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op, op);
    tail = run.catch(() => {});
    return run;
  };
  osKeychain = {
    getPassword: (s, a) => serial(() => keytar.getPassword(s, a)),
    setPassword: (s, a, p) => serial(() => keytar.setPassword(s, a, p)),
    deletePassword: (s, a) => serial(() => keytar.deletePassword(s, a)),
    findCredentials: (s) => serial(() => keytar.findCredentials(s)),
  };
  return osKeychain;
}

export type KeychainProblem = 'no_session_bus' | 'no_secret_service' | 'locked' | 'refused' | 'not_installed';

export interface KeychainStatus {
  available: boolean;
  problem?: KeychainProblem;
  /** What a person should do about it, in words. Never contains a secret. */
  advice?: string;
}

const ADVICE: Record<KeychainProblem, string> = {
  no_session_bus:
    'No D-Bus session bus is running, so the OS keychain cannot be reached. Start Diwan from a desktop session ' +
    '(or run it inside `dbus-run-session`).',
  no_secret_service:
    'No Secret Service answers on the session bus. Install and start GNOME Keyring or KWallet ' +
    '(Debian/Ubuntu: `apt install gnome-keyring libsecret-1-0`) and sign in to the desktop again.',
  locked:
    'The keychain is locked. Unlock it (Linux: your login keyring in "Passwords and Keys"; macOS: Keychain Access) and try again.',
  refused:
    'The OS keychain refused the request. Allow Diwan access when the keychain asks, or ask IT to check the keychain policy.',
  not_installed:
    'The keychain library could not be loaded on this machine. Linux needs libsecret (`apt install libsecret-1-0`).',
};

/** Turns whatever the keychain threw into one of the known cases, so the user is told which one it is. */
export function classifyKeychainError(e: unknown): KeychainProblem {
  const msg = e instanceof Error ? e.message : String(e);
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|session bus|Failed to connect to socket|Connection refused/i.test(msg))
    return 'no_session_bus';
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service|was not provided/i.test(msg))
    return 'no_secret_service';
  if (/locked|Cannot create an item in a locked collection|prompt|dismissed/i.test(msg)) return 'locked';
  if (/cannot find module|libsecret|ERR_DLOPEN_FAILED|cannot open shared object/i.test(msg)) return 'not_installed';
  return 'refused';
}

export function keychainAdvice(problem: KeychainProblem): string {
  return ADVICE[problem];
}
