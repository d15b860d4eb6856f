import path from 'node:path';
import { openDatabase, schemaVersion, type Db } from '../store';
import { DEFAULT_SERVICE, loadOsKeychain, Vault, type KeychainPort, type KeychainStatus } from '../vault';
import type { NetworkGate } from '../network';
import { noAudit, systemClock, type AuditPort, type Clock } from '../shared/ports';
import { ConsoleLock } from './lock';
import { bindLockToGate, createGate, type NetworkOptions } from './network';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  /** Defaults to the OS keychain through @github/keytar. */
  keychain?: KeychainPort;
  /** Keychain service name; tests use their own so they never touch a real user's entries. */
  keychainService?: string;
  clock?: Clock;
  /** Where security events go (the audit trail). */
  audit?: AuditPort;
  /** The office-network gate's policy locations and ports; defaults to the real machine. */
  network?: NetworkOptions;
}

export interface AppStatus {
  appVersion: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  keychain: KeychainStatus;
}

/** The composition root of the main process: everything the IPC handlers, the CLI and the relay use. */
export interface Core {
  readonly dataDir: string;
  readonly db: Db;
  readonly vault: Vault;
  readonly clock: Clock;
  /** The office-network gate. Not started here: the shell and the bridge start it; the CLI never does. */
  readonly gate: NetworkGate;
  /** Held while the gate is not open; the IPC layer then denies every non-public call. */
  readonly lock: ConsoleLock;
  status(): Promise<AppStatus>;
  /** Stops the gate's timers and closes the database. */
  close(): void;
}

export const DATABASE_FILE = 'diwan.sqlite';

export function openCore(opts: CoreOptions): Core {
  const databaseFile = path.join(opts.dataDir, DATABASE_FILE);
  const db = openDatabase(databaseFile);
  const vault = new Vault(opts.keychain ?? safeOsKeychain(), opts.keychainService ?? DEFAULT_SERVICE);
  const clock = opts.clock ?? systemClock;
  const gate = createGate(db, clock, opts.audit ?? noAudit, opts.network);
  const lock = new ConsoleLock();
  bindLockToGate(gate, lock);
  return {
    dataDir: opts.dataDir,
    db,
    vault,
    clock,
    gate,
    lock,
    async status() {
      return {
        appVersion: APP_VERSION,
        dataDir: opts.dataDir,
        databaseFile,
        schemaVersion: schemaVersion(db),
        keychain: await vault.probe(),
      };
    },
    close() {
      gate.stop();
      if (db.open) db.close();
    },
  };
}

/** A keychain port that reports "not installed" on every call when the native module cannot load. */
function safeOsKeychain(): KeychainPort {
  try {
    return loadOsKeychain();
  } catch (e) {
    const fail = async (): Promise<never> => {
      throw e;
    };
    return { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail };
  }
}
