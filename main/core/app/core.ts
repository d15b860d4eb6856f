import path from 'node:path';
import { openDatabase, openStore, restoreBackup, scheduleRetention, schemaVersion, type Db, type Masker, type Store } from '../store';
import { DEFAULT_SERVICE, loadOsKeychain, Vault, type KeychainPort, type KeychainStatus } from '../vault';
import { noAudit, systemClock, type AuditPort, type Clock } from '../shared/ports';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  /** Defaults to the OS keychain through @github/keytar. */
  keychain?: KeychainPort;
  /** Keychain service name; tests use their own so they never touch a real user's entries. */
  keychainService?: string;
  clock?: Clock;
  /** The ingest path's masking step (main/core/masking once merged); defaults to the store's placeholder. */
  masker?: Masker;
  audit?: AuditPort;
  /**
   * Set by the process that sends and keeps the data (the console): at open, replies caught mid-send become
   * `unknown`, and retention runs every `retentionEveryMs`. The CLI leaves it unset and runs retention on demand.
   */
  background?: { retentionEveryMs: number };
  log?: (line: string) => void;
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
  readonly databaseFile: string;
  readonly db: Db;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly store: Store;
  status(): Promise<AppStatus>;
  close(): void;
}

export const DATABASE_FILE = 'diwan.sqlite';

/**
 * Opens the database and the store with its data key from the keychain. Fails, with a sentence saying what to do,
 * when the keychain cannot be reached or no longer holds the key of a database with encrypted data.
 */
export async function openCore(opts: CoreOptions): Promise<Core> {
  const databaseFile = path.join(opts.dataDir, DATABASE_FILE);
  const db = openDatabase(databaseFile);
  const vault = new Vault(opts.keychain ?? safeOsKeychain(), opts.keychainService ?? DEFAULT_SERVICE);
  const clock = opts.clock ?? systemClock;
  let store: Store;
  try {
    store = await openStore({ db, vault, clock, masker: opts.masker, audit: opts.audit ?? noAudit, appVersion: APP_VERSION });
    if (opts.background) store.outbox.recoverInterrupted();
  } catch (e) {
    db.close();
    throw e;
  }
  const log = opts.log ?? (() => {});
  const stopRetention = opts.background
    ? scheduleRetention(() => store.runRetention(), opts.background.retentionEveryMs, (e) => log(`retention failed: ${(e as { code?: string }).code ?? 'error'}`))
    : () => {};
  return {
    dataDir: opts.dataDir,
    databaseFile,
    db,
    vault,
    clock,
    store,
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
      stopRetention();
      if (db.open) db.close();
    },
  };
}

/**
 * Restores a backup archive over the data directory's database without opening it (it may be the damaged one).
 * Quit the console first: the database is replaced on disk.
 */
export async function restoreDatabase(opts: {
  dataDir: string;
  archive: string;
  passphrase?: string;
  keychain?: KeychainPort;
  keychainService?: string;
  clock?: Clock;
}): Promise<{ dbId: string; schemaVersion: number; previous: string | null; databaseFile: string }> {
  const databaseFile = path.join(opts.dataDir, DATABASE_FILE);
  const vault = new Vault(opts.keychain ?? safeOsKeychain(), opts.keychainService ?? DEFAULT_SERVICE);
  const r = await restoreBackup({ archive: opts.archive, databaseFile, vault, passphrase: opts.passphrase, now: (opts.clock ?? systemClock).now() });
  return { ...r, databaseFile };
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
