import path from 'node:path';
import { databaseId, openDatabase, openStore, restoreBackup, scheduleFieldMarks, scheduleIntegrityCheck, scheduleRetention, schemaVersion, type Db, type Masker, type Store } from '../store';
import { DEFAULT_SERVICE, loadOsKeychain, Vault, type KeychainPort, type KeychainStatus } from '../vault';
import type { NetworkGate } from '../network';
import { systemClock, type AuditPort, type Clock } from '../shared/ports';
import { Listeners } from '../shared/listeners';
import { AuditTrail } from '../audit';
import { Identity, loadOrCreateDeviceIdentity, RevealService, type IdentityPolicy, type ThrottleRules } from '../auth';
import { ReviewService } from '../review';
import { RelayLink } from '../connectors/relay-client';
import { TeamConsole, type LiveMarker, type StreamEvent, type TeamSeat } from '../team';
import type { MaskingHints } from '../masking';
import type { EpochLength } from '../custody';
import { identityPolicyFrom } from './identity-policy';
import { createChannelRuntime, type ChannelRuntime } from './channels';
import { createGuards, guardedSink, guardPolicyFrom, type Guards } from './guards';
import { createPhishingDrillRunner, type PhishingDrillRunner } from './phishing-drills';
import { currentScreen } from './inbound-screen';
import { detectorMasker, maskingHintsFrom } from './masker';
import { ParallelPreparer } from './parallel-preparer';
import { ConsoleLock } from './lock';
import { bindLockToGate, createGate, type NetworkOptions } from './network';
import { storeOriginals, storeTranscripts } from './store-ports';
import { APP_VERSION } from './version';
import { DATABASE_FILE } from './data-folder';
import { embeddedModeOf, settleEmbeddedMode, type EmbeddedHub, type EmbeddedHubStart, type EmbeddedMode } from './embedded-hub';
import { AUDIT_ACTIONS } from '../shared/audit-actions';

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
  /** The ingest path's masking step; defaults to the detectors of main/core/masking with the policy's hints. */
  masker?: Masker;
  /**
   * Set by the process that sends and keeps the data (the console): at open, replies caught mid-send become
   * `unknown`, and retention runs every `retentionEveryMs`. The CLI leaves it unset and runs retention on demand.
   * The full integrity check of the file runs on a worker `integrityDelayMs` after open (default 60 s) when the last
   * healthy one is older than `integrityEveryMs` (default 7 days).
   */
  background?: { retentionEveryMs: number; integrityEveryMs?: number; integrityDelayMs?: number };
  /** Where background failures are reported, without customer data. */
  log?: (line: string) => void;
  /**
   * The in-process custodian: key epochs of one month, all kept, unless set (docs/IT-GUIDE.md, "Key epochs"); a
   * per-user limit on opened originals (default 120 an hour); `resealAtOpen: false` leaves an older database's
   * originals under the data key until `store.reseal()` runs (the upgrade test drives it batch by batch).
   */
  custody?: { epoch?: EpochLength; retainEpochs?: number; rateLimit?: { perUser: number; windowMs: number }; resealAtOpen?: boolean };
  /**
   * With no hub in the policy: `store` runs the single-seat database, `hub` the team hub's code in this process
   * (`embeddedHub` starts it). Unset keeps the data folder's mode (`embedded-mode.json`), or lets the folder decide
   * (`embeddedModeOf`: single-seat data stays `store`, a new folder takes `hub`).
   */
  embedded?: EmbeddedMode;
  /**
   * Write the mode down at this open (default true: the console's start, so the folder never flips later). The CLI
   * sets false unless `DIWAN_EMBEDDED` asks for a mode: it reports what the console would choose and writes nothing.
   */
  recordEmbeddedMode?: boolean;
  /** Starts the embedded hub (`main/hub/embedded.ts`), given by the composition root; without it `hub` mode cannot run. */
  embeddedHub?: EmbeddedHubStarter;
}

/**
 * Starts the embedded hub (`main/hub/embedded.ts`). `source` is this console's single-seat side: on the first start
 * in hub mode, whatever its database holds (people, channels, labels, canned replies, conversations) moves in.
 */
export type EmbeddedHubStarter = (o: EmbeddedHubStart, source: Core) => Promise<EmbeddedHub>;

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
  readonly store: Store;
  readonly guards: Guards;
  /** The channels (connectors) the console runs; the shell and the bridge start them, the CLI never does. */
  readonly channels: ChannelRuntime;
  /** Phishing drills on the demo channel (records in `guards.drills`). */
  readonly phishingDrills: PhishingDrillRunner;
  /**
   * Team mode: set while the signed IT policy names a hub. Sign-in, the inbox and replies then go to the hub, and
   * this console's own channels do not run (the hub runs each channel once for the team).
   */
  team(): TeamConsole | null;
  /** The relay the signed policy names for `settings.via = "relay"` channels, or null (`diwan status` says which channels need one). */
  relay(): { url: string } | null;
  /** Text as it would be stored: every sensitive value a masked token (the policy's hints apply). */
  maskText(text: string): string;
  /** What the hub pushed to a signed-in team seat (the shell turns it into `inboxChanged`). */
  onTeamEvents(listener: (seat: TeamSeat, events: StreamEvent[]) => void): () => void;
  /** Colleagues' live "viewing"/"writing" markers the hub pushed to a signed-in team seat (the shell turns them into `markersChanged`). */
  onTeamMarkers(listener: (seat: TeamSeat, markers: LiveMarker[]) => void): () => void;
  /**
   * Loads the device key and the audit key from the keychain (creating them on first start) and checks the audit
   * trail's head. Everything that signs in, signs or verifies awaits it; it retries after a failure.
   */
  ready(): Promise<void>;
  status(): Promise<AppStatus>;
  /**
   * Starts the worker that masks and encrypts large ingest batches, resolving true once it is ready (false when
   * batches are prepared on the main thread: a custom masker, or a worker that could not start). The console
   * starts it at open; until it is ready, batches are prepared inline.
   */
  parallelIngest(): Promise<boolean>;
  /** The data folder's mode with no hub in the policy (`hub`: the embedded hub; `store`: single-seat). */
  readonly embedded: EmbeddedMode;
  /** The hub this console started for itself (hub mode, after `ready()`), else null. */
  embeddedHub(): EmbeddedHub | null;
  /** Stops the gate's timers and closes the database (the embedded hub closes in the background). */
  close(): void;
  /** `close()`, then waits for the embedded hub to have let go of its port and files. */
  closeAndWait(): Promise<void>;
}

const INTEGRITY_EVERY_MS = 7 * 24 * 3_600_000;
const INTEGRITY_DELAY_MS = 60_000;
/** Between two batches of the background marking of messages stored before migration 032 (each a short write). */
const FIELD_MARKS_EVERY_MS = 200;

export async function openCore(opts: CoreOptions): Promise<Core> {
  const databaseFile = path.join(opts.dataDir, DATABASE_FILE);
  // Decided before the database opens (opening makes the single-seat file the decision looks for), written down once
  // the core is up, so a start refused with "nothing was changed" changes nothing.
  const embeddedMode = embeddedModeOf(opts.dataDir, opts.embedded);
  const db = openDatabase(databaseFile);
  const vault = new Vault(opts.keychain ?? safeOsKeychain(), opts.keychainService ?? DEFAULT_SERVICE);
  const clock = opts.clock ?? systemClock;
  let core: Core;
  try {
    core = await assemble(opts, { databaseFile, db, vault, clock, embeddedMode });
  } catch (e) {
    db.close();
    throw e;
  }
  try {
    if (opts.recordEmbeddedMode !== false) settleEmbeddedMode(opts.dataDir, embeddedMode);
  } catch (e) {
    core.close();
    throw e;
  }
  return core;
}

async function assemble(
  opts: CoreOptions,
  { databaseFile, db, vault, clock, embeddedMode }: { databaseFile: string; db: Db; vault: Vault; clock: Clock; embeddedMode: EmbeddedMode },
): Promise<Core> {
  const dbId = databaseId(db);
  const log = opts.log ?? (() => {});
  let embeddedHub: EmbeddedHub | null = null;
  let embeddedClosed: Promise<void> = Promise.resolve();
  const auditTrail = new AuditTrail({
    db,
    vault,
    clock,
    databaseId: dbId,
    location: databaseFile,
    onError: (e) => log(`audit: keychain head not updated (${(e as Error)?.name ?? 'error'})`),
  });
  const audit = auditTrail.record;
  const identity = new Identity({ db, vault, clock, audit, databaseId: dbId, policy: opts.identityPolicy, throttle: opts.throttle, log });
  const usernameOf = (id: string) => identity.users.byId(id)?.username ?? 'unknown';

  let maskingHints: MaskingHints | undefined;
  const masker = opts.masker ?? detectorMasker(() => maskingHints);
  // With the real detectors, ingest batches are masked and encrypted on a worker thread (a custom masker stays inline).
  const preparer = opts.masker ? undefined : new ParallelPreparer(() => maskingHints, log);
  // The guards are made after the store (they use it); until then nothing is ingested.
  let guardsMade: Guards | null = null;
  const screen = currentScreen(() => guardsMade!.policy);
  const store = await openStore({
    db,
    vault,
    clock,
    masker,
    preparer,
    inboundScreen: () => (guardsMade ? screen() : null),
    audit,
    appVersion: APP_VERSION,
    custody: { dir: path.join(opts.dataDir, 'custody'), ...opts.custody, approvalRequired: () => identity.currentPolicy.reveal.approvalRequired },
  });
  const reveal = new RevealService(db, clock, audit, storeOriginals(store), () => identity.currentPolicy, usernameOf);
  const review = new ReviewService(db, clock, audit, storeTranscripts(db, store), () => identity.deviceIdentity);
  if (opts.background) store.outbox.recoverInterrupted();
  if (opts.background) void preparer?.warmUp();
  const stopRetention = opts.background
    ? scheduleRetention(() => store.runRetention(), opts.background.retentionEveryMs, (e) => log(`retention failed: ${(e as { code?: string }).code ?? 'error'}`))
    : () => {};

  const guards = createGuards({ db, store, audit, clock, log });
  guardsMade = guards;
  const lock = new ConsoleLock(log);
  let relay: { url: string; pin: string; link: RelayLink | null } | null = null;
  const relayLink = () => {
    if (relay && !relay.link) relay.link = new RelayLink({ url: relay.url, pin: relay.pin, device: identity.deviceIdentity, clock });
    return relay?.link ?? null;
  };
  const channels = createChannelRuntime({ store, sink: guardedSink(guards, store.sink), vault, clock, audit, lock, log, relayLink, teamMode: () => team !== null });

  let team: TeamConsole | null = null;
  const newTeam = (hub: { url: string; pin: string; cacheName?: string }) =>
    new TeamConsole({
      url: hub.url,
      pin: hub.pin,
      ...(hub.cacheName ? { cacheName: hub.cacheName } : {}),
      // The device key the core loaded at start (sign-in awaits `ready()`): the one IT enrolled at the hub.
      device: async () => identity.deviceIdentity,
      vault,
      dataDir: opts.dataDir,
      clock,
      log,
      onEvents: (seat, events) => teamEvents.emit(seat, events),
      onMarkers: (seat, markers) => teamMarkers.emit(seat, markers),
    });
  const teamEvents = new Listeners<[seat: TeamSeat, events: StreamEvent[]]>('team events', log);
  const teamMarkers = new Listeners<[seat: TeamSeat, markers: LiveMarker[]]>('team markers', log);
  /** The hub this console follows: the policy's, else its own embedded one, else none (single-seat). */
  let policyHub: { url: string; pin: string } | null = null;
  const followHub = () => {
    const target = policyHub ?? (embeddedHub ? { url: embeddedHub.url, pin: embeddedHub.pin, cacheName: 'embedded' } : null);
    if (target?.url === team?.url && target?.pin === team?.o.pin) return;
    void team?.close();
    team = target ? newTeam(target) : null;
    if (team) {
      void channels.stop();
      log(`team mode: this console signs in at the hub ${new URL(team.url).host}${target === policyHub ? '' : ' (its own, embedded)'}`);
    }
  };

  const phishingDrills = createPhishingDrillRunner({ db, store, drills: guards.drills, sink: channels.sink, clock });

  const gate = createGate(db, clock, audit, {
    ...opts.network,
    onPolicy: (policy) => {
      identity.setPolicy(identityPolicyFrom(policy));
      maskingHints = maskingHintsFrom(policy);
      guards.setPolicy(guardPolicyFrom(policy));
      store.custody.custodian.setRetention(policy.custody ?? { epoch: opts.custody?.epoch ?? { months: 1 }, retainEpochs: opts.custody?.retainEpochs });
      if (policy.relay?.url !== relay?.url || policy.relay?.pin !== relay?.pin) {
        // Relay channels ask for the link at every call, so they move to the new relay; the old one's sockets close.
        void relay?.link?.close();
        relay = policy.relay ? { ...policy.relay, link: null } : null;
      }
      policyHub = policy.hub ?? null;
      followHub();
    },
  });
  bindLockToGate(gate, lock);
  // The full page check left the start-up path (openDatabase runs it only when the file may have changed while
  // closed): it runs weekly on a worker once the console is up, and damage it finds locks the console.
  const stopIntegrity = opts.background
    ? scheduleIntegrityCheck({
        db,
        file: databaseFile,
        now: () => clock.now(),
        everyMs: opts.background.integrityEveryMs ?? INTEGRITY_EVERY_MS,
        delayMs: opts.background.integrityDelayMs ?? INTEGRITY_DELAY_MS,
        onDamage: (r) => {
          lock.engage('database-damaged');
          log(`database: the background integrity check found damage (${r.problems.length} finding(s)); the console is locked`);
          try {
            audit({ action: AUDIT_ACTIONS.storeIntegrityFailed, actor: 'system', details: { findings: r.problems.length } });
          } catch {
            // a damaged file may refuse the entry too; the lock and the log stand
          }
        },
        onError: (e) => log(`database: integrity check failed to run (${(e as Error)?.name ?? 'error'})`),
      })
    : () => {};
  // Rows stored before migration 032 learn whether they have field rows, a short batch at a time after first paint.
  const stopFieldMarks = opts.background
    ? scheduleFieldMarks({
        db,
        delayMs: opts.background.integrityDelayMs ?? INTEGRITY_DELAY_MS,
        everyMs: FIELD_MARKS_EVERY_MS,
        onError: (e) => log(`database: marking stored messages' fields failed (${(e as { code?: string }).code ?? 'error'})`),
      })
    : () => {};
  // Leaving the office network ends every session: coming back means signing in again.
  lock.onChange(({ locked, reason }) => {
    if (locked) {
      identity.sessions.lockAll(reason ?? 'locked');
      team?.endAll();
    }
  });

  let starting: Promise<void> | null = null;
  const core: Core = {
    dataDir: opts.dataDir,
    databaseFile,
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
    store,
    guards,
    channels,
    phishingDrills,
    team: () => team,
    embedded: embeddedMode,
    embeddedHub: () => embeddedHub,
    relay: () => (relay ? { url: relay.url } : null),
    maskText: (text) => masker(text).masked,
    onTeamEvents(listener) {
      return teamEvents.add(listener);
    },
    onTeamMarkers(listener) {
      return teamMarkers.add(listener);
    },
    ready() {
      starting ??= (async () => {
        const device = await loadOrCreateDeviceIdentity(vault);
        await auditTrail.open(device.fingerprint);
        identity.start(device);
        if (embeddedMode === 'hub' && !embeddedHub) {
          if (!opts.embeddedHub) {
            log('embedded hub: this data folder runs the built-in hub, but this process cannot start one; it serves the single-seat store only');
            return;
          }
          embeddedHub = await opts.embeddedHub({
            dataDir: opts.dataDir,
            vault,
            device: { fingerprint: device.fingerprint, publicKeyPem: device.publicKeyPem },
            clock,
            log,
            privilegedUsers: () => identity.currentPolicy.privilegedUsers,
            relayLink,
          }, core);
          followHub();
        }
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
    parallelIngest: async () => (preparer ? preparer.warmUp() : false),
    close() {
      gate.stop();
      stopIntegrity();
      stopFieldMarks();
      void team?.close();
      if (embeddedHub) {
        const hub = embeddedHub;
        embeddedHub = null;
        embeddedClosed = hub.close().catch((e: unknown) => log(`embedded hub: close failed (${(e as Error)?.name ?? 'error'})`));
      }
      void channels.stop();
      stopRetention();
      preparer?.close();
      store.custody.close();
      if (!db.open) return;
      if (auditTrail.isOpen) {
        identity.sessions.lockAll('shutdown');
        auditTrail.checkpointNow();
      }
      db.close();
    },
    async closeAndWait() {
      core.close();
      await embeddedClosed;
    },
  };
  return core;
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
