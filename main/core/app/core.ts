import path from 'node:path';
import { openDatabase, schemaVersion, databaseId, type Db } from '../store';
import { DEFAULT_SERVICE, loadOsKeychain, Vault, type KeychainPort, type KeychainStatus } from '../vault';
import type { NetworkGate } from '../network';
import { systemClock, type AuditPort, type Clock } from '../shared/ports';
import { AuditTrail } from '../audit';
import { Identity, loadOrCreateDeviceIdentity, noOriginals, RevealService, type IdentityPolicy, type OriginalsPort, type ThrottleRules } from '../auth';
import { noTranscripts, ReviewService, type TranscriptPort } from '../review';
import { identityPolicyFrom } from './identity-policy';
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
  /** The office-network gate's policy locations and ports; defaults to the real machine. */
  network?: NetworkOptions;
  /** The identity part of IT's policy (enrolled devices, mandatory 2FA, reveal rules); defaults apply without it. */
  identityPolicy?: IdentityPolicy;
  throttle?: ThrottleRules;
  /** The store's originals and masked transcripts (wired when the store is present). */
  originals?: OriginalsPort;
  transcripts?: TranscriptPort;
  /** Where background failures are reported, without customer data. */
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
  readonly db: Db;
  readonly vault: Vault;
  readonly clock: Clock;
  /** The office-network gate. Not started here: the shell and the bridge start it; the CLI never does. */
  readonly gate: NetworkGate;
  /** Held while the gate is not open; the IPC layer then denies every non-public call. */
  readonly lock: ConsoleLock;
  /** Where every module records security-relevant actions (the audit trail). */
  readonly audit: AuditPort;
  readonly auditTrail: AuditTrail;
  readonly identity: Identity;
  readonly reveal: RevealService;
  readonly review: ReviewService;
  /**
   * Loads the device key and the audit key from the keychain (creating them on first start) and checks the audit
   * trail's head. Everything that signs in, signs or verifies awaits it; it retries after a failure.
   */
  ready(): Promise<void>;
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
  const dbId = databaseId(db);
  const log = opts.log ?? (() => {});
  const auditTrail = new AuditTrail({
    db,
    vault,
    clock,
    databaseId: dbId,
    onError: (e) => log(`audit: keychain head not updated (${(e as Error)?.name ?? 'error'})`),
  });
  const audit = auditTrail.record;
  const identity = new Identity({ db, vault, clock, audit, databaseId: dbId, policy: opts.identityPolicy, throttle: opts.throttle });
  const usernameOf = (id: string) => identity.users.byId(id)?.username ?? 'unknown';
  const reveal = new RevealService(db, clock, audit, opts.originals ?? noOriginals, () => identity.currentPolicy, usernameOf);
  const review = new ReviewService(db, clock, audit, opts.transcripts ?? noTranscripts, () => identity.deviceIdentity);

  const gate = createGate(db, clock, audit, {
    ...opts.network,
    onPolicy: (policy) => identity.setPolicy(identityPolicyFrom(policy)),
  });
  const lock = new ConsoleLock();
  bindLockToGate(gate, lock);
  // Leaving the office network ends every session: coming back means signing in again.
  lock.onChange(({ locked, reason }) => {
    if (locked) identity.sessions.lockAll(reason ?? 'locked');
  });

  let starting: Promise<void> | null = null;
  return {
    dataDir: opts.dataDir,
    db,
    vault,
    clock,
    gate,
    lock,
    audit,
    auditTrail,
    identity,
    reveal,
    review,
    ready() {
      starting ??= (async () => {
        const device = await loadOrCreateDeviceIdentity(vault);
        await auditTrail.open(device.fingerprint);
        identity.start(device);
      })().catch((e: unknown) => {
        starting = null;
        throw e;
      });
      return starting;
    },
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
      if (!db.open) return;
      if (auditTrail.isOpen) {
        identity.sessions.lockAll('shutdown');
        auditTrail.checkpointNow();
      }
      db.close();
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
