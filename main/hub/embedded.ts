import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/app';
import { EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR } from '../core/app/data-folder';
import { DEMO_CHANNEL_ID } from '../core/app/channels';
import type { EmbeddedHub, EmbeddedHubStart } from '../core/app/embedded-hub';
import { AUDIT_ACTIONS } from '../core/shared/audit-actions';
import { resolvePolicy } from '../core/auth';
import { connectorRegistry, type ConnectorRegistry, type RuntimeOptions } from '../core/connectors';
import { withRelay } from '../core/connectors/relay-client';
import { exportGrants } from '../core/custody';
import { generateEd25519, privateKeyFromPem, publicKeyToBase64, signPolicyDocument } from '../core/policy';
import { DiwanError, isDiwanError } from '../core/shared/errors';
import { HubAccounts } from './accounts';
import type { HubLog } from './channels';
import { parseHubConfig, type HubConfig } from './config';
import { connectCustodian } from './custodian-connect';
import { moveSingleSeatToHub, type MoveReport } from './move/single-seat';
import { startHubNode, openHubStore, type RunningHub } from './node';
import { OriginalsSealer } from './sealing';
import { hubRegistry } from './registry';
import { channelSecretsOf, KeychainHubSecrets } from './secrets';
import type { Actor, HubStore } from './store';
import { createHubCertificate } from './tls';

/** Where the embedded hub keeps its files, inside the console's data folder (named in `core/app/data-folder.ts`). */
export { EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR } from '../core/app/data-folder';
/** The embedded hub's team name (bound into its sealed values, so the CLI opens a stored second factor with it). */
export const EMBEDDED_TEAM = 'local';
const SYSTEM: Actor = { actor: 'system:embedded-hub', device: null };

export interface EmbeddedHubOptions extends EmbeddedHubStart {
  /** Loopback port; 0 (the default) takes a free one on every start. */
  port?: number;
  /** Connector timings (tests shorten them). */
  runtime?: Partial<RuntimeOptions>;
}

export interface StartedEmbeddedHub extends EmbeddedHub {
  readonly node: RunningHub;
  readonly store: HubStore;
}

/** The hub's connectors plus the built-in demo channel, which a one-machine install runs when nothing else is set up. */
const EMBEDDED_REGISTRY: ConnectorRegistry = { ...hubRegistry, demo: connectorRegistry.demo };

/**
 * The team hub's own code, started inside the console's process for a console with no hub configured: a hub node on
 * SQLite in `<data dir>/hub/`, listening on 127.0.0.1 only, with a TLS key made on first start (the console pins it),
 * the embedded custodian (its key-encryption key in the OS keychain, its key files and log in the data folder), this
 * console's device enrolled without IT (one machine: docs/SECURITY.md, "The embedded hub"), and the demo channel when
 * no channel is set up. Every key lives in the console's keychain as `hub:<name>`; nothing secret is written to a file.
 */
export async function startEmbeddedHub(o: EmbeddedHubOptions, source?: Core): Promise<StartedEmbeddedHub> {
  const dir = path.join(o.dataDir, EMBEDDED_HUB_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secrets = new KeychainHubSecrets(o.vault);
  const now = () => o.clock.now();
  const keys = await keychainStep(() => ensureKeys(secrets, dir));
  const certFile = await keychainStep(() => ensureCertificate(secrets, dir));
  const policyFile = writeCustodianPolicy(dir, keys.policySigner, o.device.fingerprint, now());

  const config = parseHubConfig(
    {
      nodeId: 'embedded',
      team: EMBEDDED_TEAM,
      database: { sqlite: path.join(dir, EMBEDDED_HUB_DATABASE) },
      listen: { host: '127.0.0.1', port: o.port ?? 0 },
      tls: { certFile },
      custodian: {
        embedded: {
          keysDir: path.join(dir, 'custodian-keys'),
          logFile: path.join(dir, 'custodian.log'),
          policy: { file: policyFile, signers: [{ name: 'this computer', publicKey: publicKeyToBase64(crypto.createPublicKey(keys.policySigner)) }] },
        },
      },
      officeRanges: ['127.0.0.1/32'],
      secrets: { source: 'keychain', keychainService: o.vault.service },
      // One computer: a lead approves a reveal here, signed in with their own password (docs/SECURITY.md).
      oneMachine: true,
      // The single seat's rule for privileged roles: a second administrator, unless the console's policy names the person.
      sessions: { roleGrantNeedsSecondAdmin: true },
      // The shared limits, without the team hub's near-duplicate collapse for now: the demo channel's customers say
      // the same scripted lines, and what one computer should show of that is not decided (docs/ARCHITECTURE.md).
      webhooks: { flood: { duplicateWindowSeconds: 0 } },
    },
    'The embedded hub configuration',
  );
  await prepareDatabase(config, secrets, o, source);

  const node = await startHubNode({
    config,
    secrets,
    clock: o.clock,
    log: consoleLog(o.log),
    runtime: o.runtime,
    privilegedUsers: o.privilegedUsers,
    // Webhook-only channels set to `via: "relay"` come through the office relay, exactly as in single-seat mode.
    registry: withRelay(EMBEDDED_REGISTRY, o.relayLink),
    relay: { named: () => o.relayLink() !== null },
  });
  const accounts = new HubAccounts(node.store, { now, idleMs: config.sessions.idleMinutes * 60_000, requireTwoFactor: false });
  let settingUp: Promise<void> = Promise.resolve();
  return {
    url: node.url,
    pin: node.pin,
    node,
    store: node.store,
    needsAdmin: async () => (await node.store.userCount()) === 0,
    createFirstAdmin(input) {
      // One at a time in this process (the only one that opens this database): two windows cannot both be first.
      const run = settingUp.then(async () => {
        if ((await node.store.userCount()) > 0) throw new DiwanError('setup_done', 'Diwan already has an administrator. Sign in instead.');
        await accounts.createUser({ ...input, role: 'admin' }, { actor: input.username, device: o.device.fingerprint });
      });
      settingUp = run.catch(() => {});
      return run;
    },
    close: () => node.close(),
  };
}

/** A keychain that is locked or missing stops the start with the keychain's own advice, never a half-made key. */
async function keychainStep<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isDiwanError(e) && e.code.startsWith('keychain_')) {
      throw new DiwanError('embedded_hub_keychain', `Diwan cannot start its built-in hub because the keychain refused: ${e.message} Nothing was changed.`);
    }
    throw e;
  }
}

async function ensureSecret(secrets: KeychainHubSecrets, name: string, make: () => string): Promise<string> {
  const have = await secrets.get(name);
  if (have) return have;
  const value = make();
  await secrets.set(name, value);
  return value;
}

async function ensureKeys(secrets: KeychainHubSecrets, dir: string): Promise<{ policySigner: crypto.KeyObject }> {
  await ensureSecret(secrets, 'grant-key', () => generateEd25519().privateKeyPem);
  await ensureSecret(secrets, 'outbox-key', () => crypto.randomBytes(32).toString('base64'));
  // A new key-encryption key would orphan the custodian's existing key files: only the first start makes one.
  const keysDir = path.join(dir, 'custodian-keys');
  if (!(await secrets.get('custodian-key-encryption-key')) && fs.existsSync(keysDir) && fs.readdirSync(keysDir).length > 0) {
    throw new DiwanError(
      'embedded_hub_key_lost',
      `The keychain no longer holds the key that opens the built-in hub's sealed originals (${keysDir}). Restore this user's keychain from a backup; ` +
        'Diwan does not make a new key, which would leave those originals unopenable. Nothing was changed.',
    );
  }
  await ensureSecret(secrets, 'custodian-key-encryption-key', () => crypto.randomBytes(32).toString('base64'));
  const signer = await ensureSecret(secrets, 'embedded-policy-key', () => generateEd25519().privateKeyPem);
  return { policySigner: privateKeyFromPem(signer, 'The embedded hub\'s policy key') };
}

/**
 * The certificate file and its key (keychain) belong together: when either is missing or they no longer match, a
 * new pair is made (the console pins whatever this start made; no one else trusts it).
 */
async function ensureCertificate(secrets: KeychainHubSecrets, dir: string): Promise<string> {
  const certFile = path.join(dir, 'hub-cert.pem');
  const keyPem = await secrets.get('tls-key');
  if (keyPem && fs.existsSync(certFile) && certificateMatches(fs.readFileSync(certFile, 'utf8'), keyPem)) return certFile;
  const made = await createHubCertificate(['127.0.0.1', 'localhost']);
  await secrets.set('tls-key', made.keyPem);
  fs.writeFileSync(`${certFile}.tmp`, made.certPem, { mode: 0o644 });
  fs.renameSync(`${certFile}.tmp`, certFile);
  return certFile;
}

function certificateMatches(certPem: string, keyPem: string): boolean {
  try {
    const cert = new crypto.X509Certificate(certPem);
    const spki = (k: crypto.KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');
    return spki(cert.publicKey) === spki(crypto.createPublicKey(keyPem));
  } catch {
    return false;
  }
}

/**
 * The policy the embedded custodian checks devices against, signed by a key of this computer's keychain: this device
 * is the one enrolled. It is re-signed at every start (valid for 400 days). Reveal rules keep Diwan's defaults except
 * the custodian's second-device countersignature, which one machine cannot give (the hub still asks a lead).
 */
function writeCustodianPolicy(dir: string, signer: crypto.KeyObject, fingerprint: string, now: number): string {
  const file = path.join(dir, 'custodian-policy.json');
  const defaults = resolvePolicy().reveal;
  const types = [...new Set(Object.values(defaults.allowedTypes).flat())];
  const roles = Object.entries(defaults.allowedTypes).map(([role]) => role);
  const publicKey = publicKeyToBase64(crypto.createPublicKey(signer));
  const body = {
    version: Math.floor(now / 1000),
    issuedAt: new Date(now - 86_400_000).toISOString(),
    expiresAt: new Date(now + 400 * 86_400_000).toISOString(),
    organization: 'this computer',
    // The schema asks for a site; the custodian reads only devices and reveal rules (no beacon is ever contacted).
    sites: [{ id: 'this-computer', ranges: ['127.0.0.1/32'], beacon: { url: 'https://localhost/', pins: [crypto.createHash('sha256').update(publicKey).digest('base64')], publicKey } }],
    reveal: Object.fromEntries(types.map((t) => [t, { roles: roles.filter((r) => defaults.allowedTypes[r as keyof typeof defaults.allowedTypes]?.includes(t)), durationSeconds: defaults.grantMinutes * 60, requiresApproval: false }])),
    enrolledDevices: [fingerprint],
    requireTwoFactor: false,
  };
  fs.writeFileSync(`${file}.tmp`, signPolicyDocument(body, signer), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/**
 * Migrates the hub's SQLite file (one transaction per migration), enrols this console's device and adds the demo
 * channel on a database without channels. A file that is not a database stops here with a sentence, untouched.
 */
async function prepareDatabase(config: HubConfig, secrets: KeychainHubSecrets, o: EmbeddedHubOptions, source: Core | undefined): Promise<void> {
  const file = (config.database as { sqlite: string }).sqlite;
  let store: HubStore | null = null;
  try {
    store = (await openHubStore(config, secrets, () => o.clock.now())).store;
    await store.migrate();
    await enrolThisComputer(store, o.device);
    if (source) await moveInOnce(source, store, config, secrets, o);
    if ((await store.channels()).length === 0) {
      await store.saveChannel({ id: DEMO_CHANNEL_ID, kind: 'demo', name: 'Demo', enabled: true, config: {} }, SYSTEM);
    }
  } catch (e) {
    if (isDiwanError(e) && e.code !== 'hub_db_unavailable') throw e;
    throw new DiwanError(
      'embedded_hub_db_damaged',
      `Diwan cannot read its built-in hub's database ${file} (${(e as Error).message}). Nothing was changed. Restore the file from a backup, or move it aside to start with an empty inbox.`,
    );
  } finally {
    await store?.close();
  }
}

/** One machine: this console's device key is the built-in hub's enrolled device (docs/SECURITY.md, "The embedded hub"). */
export async function enrolThisComputer(store: HubStore, device: { fingerprint: string; publicKeyPem: string }): Promise<void> {
  const known = await store.device(device.fingerprint);
  if (!known || known.revoked || known.publicKey !== device.publicKeyPem) {
    await store.enrolDevice({ fingerprint: device.fingerprint, publicKey: device.publicKeyPem, label: 'this computer' }, SYSTEM);
  }
}

const MOVED_IN_FILE = 'moved-in.json';

/**
 * The first start in hub mode of a folder that ran single-seat: its people (same passwords), channels (their tokens
 * copied inside this keychain to the hub's names), labels, canned replies and conversations move into the hub with
 * `moveSingleSeatToHub` — the same code as `diwan hub import`, originals opened by the single-seat custodian under a
 * grant this process signs and sealed again to the embedded custodian's key. The single-seat database is only read,
 * so nothing is lost; an interrupted move runs again at the next start and skips what arrived (idempotent per
 * conversation). Audited in both trails; `moved-in.json` marks it finished.
 */
async function moveInOnce(source: Core, store: HubStore, config: HubConfig, secrets: KeychainHubSecrets, o: EmbeddedHubOptions): Promise<MoveReport | null> {
  const marker = path.join(o.dataDir, EMBEDDED_HUB_DIR, MOVED_IN_FILE);
  if (fs.existsSync(marker) || source.identity.users.count() === 0) return null;
  source.audit({ action: AUDIT_ACTIONS.movedToEmbeddedHub, actor: 'system', details: { stage: 'started' } });
  await source.auditTrail.flush();
  const grantPem = await secrets.get('grant-key');
  const custodian = await connectCustodian(config, secrets, privateKeyFromPem(grantPem!, 'The embedded hub\'s grant key'), () => o.clock.now());
  let report: MoveReport;
  try {
    const grant = exportGrants(source.store.custody, { user: 'system', userId: 'system:embedded-hub', reason: 'moving this console onto its built-in hub' });
    report = await moveSingleSeatToHub(source, grant, { store, sealer: new OriginalsSealer(config.team, custodian.sealingKey, null), actor: SYSTEM, kinds: ['demo'], relay: true });
  } catch (e) {
    // The single-seat custodian opens at most its hourly allowance of customers: the rest moves at a later start.
    if ((e as { code?: string }).code !== 'rate_limited') throw e;
    source.audit({ action: AUDIT_ACTIONS.movedToEmbeddedHub, actor: 'system', details: { stage: 'paused' } });
    await source.auditTrail.flush();
    o.log('embedded hub: part of the single-seat store moved in; the rest moves at the next start after an hour (the custodian opens at most its hourly allowance)');
    return null;
  } finally {
    await custodian.close();
  }
  for (const id of report.channels.created) {
    const token = await source.vault.channelToken(id);
    if (!token) continue;
    let credentials: Record<string, string>;
    try {
      credentials = JSON.parse(token) as Record<string, string>;
    } catch {
      continue;
    }
    for (const s of channelSecretsOf(id, credentials)) await secrets.set(s.name, s.value);
  }
  const summary = { users: report.users.created.length, channels: report.channels.created.length, conversations: report.conversations.moved, messages: report.messages };
  source.audit({ action: AUDIT_ACTIONS.movedToEmbeddedHub, actor: 'system', details: { stage: 'finished', ...summary } });
  await source.auditTrail.flush();
  fs.writeFileSync(`${marker}.tmp`, `${JSON.stringify({ at: new Date(o.clock.now()).toISOString(), ...summary, skipped: report.channels.skipped })}\n`, { mode: 0o600 });
  fs.renameSync(`${marker}.tmp`, marker);
  o.log(`embedded hub: moved in ${summary.users} people, ${summary.channels} channels, ${summary.conversations} conversations (${summary.messages} messages) from the single-seat store`);
  return report;
}

/** The node's structured log lines, as the console's one-line log (no customer text is in them). */
function consoleLog(log: (line: string) => void): HubLog {
  return (l) => log(`hub ${l.level} ${l.event}${l.channelId ? ` ${l.channelId}` : ''}${l.detail ? `: ${l.detail}` : ''}`);
}
