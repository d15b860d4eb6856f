import fs from 'node:fs';
import path from 'node:path';
import { generateEd25519, privateKeyFromPem } from '../../core/policy';
import { verifyCustodianLog } from '../../custodian';
import { CustodianLink } from '../../hub/custodian-link';
import { compareWithCheckpoint, hubRoleGrants } from '../../hub/store/custody';
import { fingerprintOf, ROLES, type Role } from '../../core/auth';
import { CHANNEL_KINDS_FOR_HUB } from '../../hub/kinds';
import { DiwanError } from '../../core/shared/errors';
import { loadOsKeychain, Vault } from '../../core/vault';
import { refuseMissingSettings, refuseSecretSettings, relayBounds } from '../../hub/config';
import { chooseHubSecrets, createHubCertificate, HUB_SCHEMA_VERSION, HubAccounts, KeychainHubSecrets, loadHubConfig, openHubStore, startHubNode, type HubConfig, type HubSecrets, type HubStore } from '../../hub';
import { IMPORT_USAGE, importSingleSeat } from './hub-import';
import { flagValue, type CliIo, type Command } from '../command';
import { untilStopped } from '../until-stopped';
import { WORKFLOW_USAGE, workflowCli } from './hub-workflow';
import { customerCommand, HUB_CUSTOMER_DATA_USAGE, retentionCommand } from './customer-data';
import { localLeases, postgresLeases } from '../../hub/leases';
import { writeHubExport } from './audit';
import { checkRelayTo, relayBacklog, relayStates, relayTargets } from '../../hub/store/relay-queue';
import { relayProblems, relayStatusLines } from '../../hub/relay-health';

const USAGE = [
  'diwan hub run --config FILE            run one hub node (until SIGTERM or Ctrl-C; hands its channels over on the way out)',
  'diwan hub migrate --config FILE        bring the database to this release\'s schema (once, before starting upgraded nodes)',
  'diwan hub status --config FILE         the database, its schema, the event stream and the channels, in words',
  'diwan hub user list|add|disable|enable|reset-2fa|channels ... --config FILE',
  '   user add NAME --role agent|lead|admin|auditor [--display "Full Name"]   (password read from stdin)',
  '   user channels NAME ch1,ch2          the channels an agent works (empty: all)',
  'diwan hub device enrol --public-key FILE --label LABEL --config FILE',
  'diwan hub device revoke FINGERPRINT --config FILE',
  'diwan hub channel add --id ID --kind KIND --name NAME [--base-url URL] [--settings JSON] --config FILE',
  ...WORKFLOW_USAGE,
  ...IMPORT_USAGE,
  ...HUB_CUSTOMER_DATA_USAGE,
  'diwan hub secret set NAME [--keychain-service S]   store a hub secret (read from stdin) in the OS keychain',
  'diwan hub tls --name HOST[,HOST...] --out DIR      make the hub certificate and key; prints the pin consoles use',
  'diwan hub audit verify --config FILE   the audit chain in the database, and against the head checkpointed at the custodian',
  'diwan hub audit export --out FILE [--since-seq N] --config FILE   the hub\'s trail as signed JSONL for the SIEM (as `diwan audit export`)',
  'diwan hub audit grants --role NAME     the PostgreSQL grants that let the hub\'s role only INSERT into the audit table',
  'diwan hub grant-key --out DIR          make the key the hub signs reveal grants with; prints the public key for the custodian',
  '',
  'Secrets: tls-key, grant-key, outbox-key, database-password, <channel>.token (and custodian-key-encryption-key with an embedded',
  'custodian); for webhook channels <channel>.app-secret and <channel>.verify-token (Meta) or <channel>.consumer-secret (X).',
  'See docs/IT-GUIDE.md, "Team hub".',
].join('\n');

const IT = (io: CliIo) => ({ actor: `it:${io.env.SUDO_USER ?? io.env.USER ?? 'cli'}`, device: null });

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '');
}

/** `diwan hub|custodian secret set NAME`: the value from stdin into the OS keychain, under the service's name. */
export async function setSecret(args: string[], io: CliIo, o: { product: 'hub' | 'custodian'; defaultService: string } = { product: 'hub', defaultService: 'Diwan Hub' }): Promise<number> {
  const name = args[2];
  if (args[1] !== 'set' || !name) throw new DiwanError(`${o.product}_usage`, `Name the secret: \`diwan ${o.product} secret set NAME\` (the value is read from stdin).`);
  const value = await readStdin(io.stdin);
  if (!value) throw new DiwanError(`${o.product}_secret_empty`, 'No value on stdin; nothing was stored.');
  const service = flagValue(args, '--keychain-service') ?? o.defaultService;
  await new KeychainHubSecrets(new Vault(loadOsKeychain(), service)).set(name, value);
  io.stdout.write(`Stored the ${o.product} secret "${name}" in the OS keychain (service "${service}").\n`);
  return 0;
}

/** `diwan hub|custodian tls --name HOST[,HOST…] --out DIR`: the pinned certificate and its key (0600); prints the pin. */
export async function makeTls(args: string[], io: CliIo, product: 'hub' | 'custodian' = 'hub'): Promise<number> {
  const names = (flagValue(args, '--name') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const out = flagValue(args, '--out');
  if (!names.length || !out) throw new DiwanError(`${product}_usage`, `Give the names consoles use and a folder: \`diwan ${product} tls --name ${product}.office.example --out DIR\`.`);
  const { certPem, keyPem, pin } = await createHubCertificate(names);
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(out, `${product}-cert.pem`), certPem, { mode: 0o644, flag: 'wx' });
  fs.writeFileSync(path.join(out, `${product}-key.pem`), keyPem, { mode: 0o600, flag: 'wx' });
  io.stdout.write(`Wrote ${path.join(out, `${product}-cert.pem`)} and ${product}-key.pem (load the key as the secret "tls-key").\nPin for consoles: ${pin}\n`);
  return 0;
}

function configOf(args: string[]): HubConfig {
  const file = flagValue(args, '--config');
  if (!file) throw new DiwanError('hub_usage', 'Give the hub configuration file: `--config /etc/diwan-hub/hub.json`.');
  return loadHubConfig(file);
}

async function withStore<T>(args: string[], io: CliIo, fn: (store: HubStore, config: HubConfig, secrets: HubSecrets, pgUrl: string | null) => Promise<T>, check = true): Promise<T> {
  const config = configOf(args);
  const secrets = await chooseHubSecrets({ ...config.secrets, env: io.env, keychain: loadOsKeychain() });
  const { store, pgUrl } = await openHubStore(config, secrets);
  try {
    if (check) await store.checkSchema();
    return await fn(store, config, secrets, pgUrl);
  } finally {
    await store.close();
  }
}

async function user(args: string[], io: CliIo): Promise<number> {
  const [, verb, name] = args;
  return withStore(args, io, async (store) => {
    if (verb === 'list') {
      for (const m of await store.team()) io.stdout.write(`${m.id}\t${m.username}\t${m.role}\t${m.disabled ? 'disabled' : 'active'}\t${m.displayName}\n`);
      return 0;
    }
    if (!name) throw new DiwanError('hub_usage', `Name the user: \`diwan hub user ${verb ?? 'add'} NAME\`.`);
    if (verb === 'add') {
      const role = flagValue(args, '--role') as Role | undefined;
      if (!role || !ROLES.includes(role)) throw new DiwanError('hub_usage', `Give a role: --role ${ROLES.join('|')}.`);
      const password = await readStdin(io.stdin);
      const accounts = new HubAccounts(store, { now: Date.now, idleMs: 60_000, requireTwoFactor: false });
      const u = await accounts.createUser({ username: name, displayName: flagValue(args, '--display') ?? name, role, password }, IT(io));
      io.stdout.write(`Created ${u.role} "${u.username}" (id ${u.id}).\n`);
      return 0;
    }
    const u = await store.userByName(name);
    if (!u) throw new DiwanError('user_unknown', `There is no user called "${name}".`);
    if (verb === 'disable' || verb === 'enable') {
      await store.updateUser(u.id, { disabled: verb === 'disable' }, { ...IT(io), action: verb === 'disable' ? 'user.disabled' : 'user.enabled' });
      io.stdout.write(`${verb === 'disable' ? 'Disabled' : 'Enabled'} "${name}"${verb === 'disable' ? '; every session of theirs has ended' : ''}.\n`);
      return 0;
    }
    if (verb === 'reset-2fa') {
      await store.updateUser(u.id, { totpSecret: null }, { ...IT(io), action: 'user.second_factor_reset' });
      io.stdout.write(`Removed the second factor of "${name}"; they enrol a new one at their next sign-in.\n`);
      return 0;
    }
    if (verb === 'channels') {
      const list = (args[3] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
      await store.updateUser(u.id, { channels: list }, { ...IT(io), action: 'user.channels' });
      io.stdout.write(`"${name}" works ${list.length ? list.join(', ') : 'every channel'}.\n`);
      return 0;
    }
    throw new DiwanError('hub_usage', USAGE);
  });
}

async function device(args: string[], io: CliIo): Promise<number> {
  if (args[1] === 'revoke') {
    const fingerprint = (args[2] ?? '').replace(/[^0-9a-fA-F]/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new DiwanError('hub_usage', 'Usage: `diwan hub device revoke FINGERPRINT --config FILE` (the 64 hexadecimal digits Diwan shows; colons and spaces are fine).');
    return withStore(args, io, async (store) => {
      const known = await store.device(fingerprint);
      if (!known) throw new DiwanError('hub_usage', `No device ${fingerprint} is enrolled at this hub; nothing was changed.`);
      const waiting = (await relayBacklog(store)).filter((b) => b.device === fingerprint).reduce((n, b) => n + b.events, 0);
      await store.revokeDevice(fingerprint, IT(io));
      io.stdout.write(`Revoked "${known.label}" (${fingerprint}): its sessions ended${waiting ? `, and the ${waiting} relayed events waiting for it were erased` : ''}. Remove it from any channel's relayTo.\n`);
      return 0;
    });
  }
  const file = flagValue(args, '--public-key');
  const label = flagValue(args, '--label');
  if (args[1] !== 'enrol' || !file || !label) throw new DiwanError('hub_usage', 'Usage: `diwan hub device enrol --public-key FILE --label LABEL --config FILE`.');
  const publicKey = fs.readFileSync(file, 'utf8');
  const fingerprint = fingerprintOf(publicKey);
  return withStore(args, io, async (store) => {
    await store.enrolDevice({ fingerprint, publicKey, label }, IT(io));
    io.stdout.write(`Enrolled "${label}" (${fingerprint}).\n`);
    return 0;
  });
}

async function channel(args: string[], io: CliIo): Promise<number> {
  const id = flagValue(args, '--id');
  const kind = flagValue(args, '--kind');
  const name = flagValue(args, '--name') ?? id;
  if (args[1] !== 'add' || !id || !kind || !name) throw new DiwanError('hub_usage', 'Usage: `diwan hub channel add --id ID --kind KIND --name NAME --config FILE`.');
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) throw new DiwanError('hub_usage', 'A channel id is 1 to 64 lower-case letters, digits, "-" or "_".');
  if (!(CHANNEL_KINDS_FOR_HUB as readonly string[]).includes(kind)) throw new DiwanError('hub_usage', `The hub runs channels of kind ${CHANNEL_KINDS_FOR_HUB.join(', ')}.`);
  const settingsText = flagValue(args, '--settings');
  let settings: Record<string, unknown> | undefined;
  try {
    settings = settingsText ? (JSON.parse(settingsText) as Record<string, unknown>) : undefined;
  } catch {
    throw new DiwanError('hub_usage', '--settings must be a JSON object, e.g. \'{"longPollSeconds":1}\'.');
  }
  refuseSecretSettings(settings, `The channel "${id}"`);
  refuseMissingSettings(kind, settings, `The channel "${id}"`);
  const baseUrl = flagValue(args, '--base-url');
  const pollMs = flagValue(args, '--poll-ms');
  return withStore(args, io, async (store) => {
    // A channel the hub relays to named desks (protocol v1) instead of ingesting: its devices must be enrolled here.
    if (settings && 'relayTo' in settings) {
      if (!['whatsapp', 'messenger', 'instagram', 'x'].includes(kind)) {
        throw new DiwanError('hub_usage', `The channel "${id}": only webhook channels (whatsapp, messenger, instagram, x) can be relayed to desks.`);
      }
      settings = { ...settings, relayTo: await checkRelayTo(store, settings.relayTo, id) };
    }
    await store.saveChannel(
      { id, kind, name, enabled: true, config: { ...(baseUrl ? { baseUrl } : {}), ...(pollMs ? { pollIntervalMs: Number(pollMs) } : {}), ...(settings ? { settings } : {}) } },
      IT(io),
    );
    io.stdout.write(`Saved channel "${id}" (${kind}). Its token is the hub secret "${id}.token".\n`);
    return 0;
  });
}

async function status(args: string[], io: CliIo): Promise<number> {
  return withStore(
    args,
    io,
    async (store, config) => {
      const version = await store.schemaVersion();
      const lines = [`database: reachable (${store.dialect})`, `schema: ${version} (this release: ${HUB_SCHEMA_VERSION})${version < HUB_SCHEMA_VERSION ? ' — run `diwan hub migrate`' : version > HUB_SCHEMA_VERSION ? ' — NEWER than this release: upgrade this node' : ''}`];
      if (version === HUB_SCHEMA_VERSION) {
        const latest = await store.latestEventSeq();
        lines.push(`events: ${latest}`);
        for (const c of await store.consoleCursors()) {
          lines.push(`console ${c.username} on ${c.device}: read up to event ${c.seq} (${latest - c.seq} behind), acknowledged ${new Date(c.at).toISOString()}`);
        }
        for (const c of await store.channels()) {
          const desks = relayTargets(c.config).length;
          lines.push(`channel ${c.id} (${c.kind}): ${c.enabled ? 'enabled' : 'disabled'}${desks ? `, relayed to ${desks} desk${desks === 1 ? '' : 's'}` : ''}`);
        }
        const relayed = await relayStates(store);
        lines.push(...relayStatusLines(relayed, Date.now()));
        for (const p of relayProblems(relayed, relayBounds(config), Date.now())) lines.push(`relay problem: ${p}`);
        const audit = await store.verifyAudit();
        lines.push(audit.broken ? `audit: BROKEN at entry ${audit.broken.seq}: ${audit.broken.why}` : `audit: intact, ${audit.entries} entries`);
      }
      io.stdout.write(lines.join('\n') + '\n');
      return version === HUB_SCHEMA_VERSION ? 0 : 1;
    },
    false,
  );
}

/**
 * `diwan hub audit verify`: the chain on its own (edits, removals), then against the custodian's checkpoint (a chain
 * rewritten consistently, or cut back, by someone with the database). `audit grants --role R`: SQL for IT.
 */
async function audit(args: string[], io: CliIo): Promise<number> {
  if (args[1] === 'grants') {
    const role = flagValue(args, '--role');
    if (!role) throw new DiwanError('hub_usage', 'Name the role the hub connects as: `diwan hub audit grants --role diwan_hub`.');
    io.stdout.write(`-- Run as the database owner after \`diwan hub migrate\`:\n${hubRoleGrants(role).map((l) => `${l};`).join('\n')}\n`);
    return 0;
  }
  if (args[1] === 'export') return withStore(args, io, (store) => writeHubExport(store, args, io, 'diwan hub audit export'));
  if (args[1] !== 'verify') throw new DiwanError('hub_usage', USAGE);
  return withStore(args, io, async (store, config) => {
    const chain = await store.verifyAudit();
    if (chain.broken) {
      io.stdout.write(`audit: BROKEN at entry ${chain.broken.seq}: ${chain.broken.why}\n`);
      return 1;
    }
    const c = config.custodian;
    let checkpoint: { seq: number; hash: string } | null;
    if ('embedded' in c) checkpoint = verifyCustodianLog(c.embedded.logFile).lastAuditHead;
    else {
      const secrets = await chooseHubSecrets({ ...config.secrets, env: io.env, keychain: loadOsKeychain() });
      const grantPem = await secrets.get('grant-key');
      if (!grantPem) throw new DiwanError('hub_secret_missing', 'The hub secret "grant-key" is needed to reach the custodian.');
      const link = new CustodianLink({ ...c, team: config.team, grantKey: privateKeyFromPem(grantPem, 'The hub secret "grant-key"'), now: Date.now });
      try {
        checkpoint = await link.lastCheckpoint();
      } finally {
        await link.close();
      }
    }
    const finding = checkpoint ? await compareWithCheckpoint(store, checkpoint) : null;
    if (finding) {
      io.stdout.write(`audit: TAMPERED: ${finding}\n`);
      return 1;
    }
    io.stdout.write(`audit: intact, ${chain.entries} entries${checkpoint ? `; matches the custodian's checkpoint at entry ${checkpoint.seq}` : '; the custodian has no checkpoint yet'}\n`);
    return 0;
  });
}

/** `diwan hub grant-key --out DIR`: the Ed25519 key hubs sign reveal grants with (0600) and its public key for the custodian. */
function grantKey(args: string[], io: CliIo): number {
  const out = flagValue(args, '--out');
  if (!out) throw new DiwanError('hub_usage', 'Give a folder: `diwan hub grant-key --out DIR`.');
  const k = generateEd25519();
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(out, 'grant-key.pem'), k.privateKeyPem, { mode: 0o600, flag: 'wx' });
  io.stdout.write(`Wrote ${path.join(out, 'grant-key.pem')} (load it as the hub secret "grant-key" on every node).\nPublic key for the custodian's hubGrantKeys: ${k.publicKey}\n`);
  return 0;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const config = configOf(args);
  const secrets = await chooseHubSecrets({ ...config.secrets, env: io.env, keychain: loadOsKeychain() });
  const hub = await startHubNode({ config, secrets });
  const life = untilStopped(process, io, 'hub');
  io.stdout.write(`Hub node ${hub.nodeId} running on ${hub.url} (pin ${hub.pin}).\n`);
  const code = await life.ended;
  try {
    await hub.close();
  } catch (e) {
    if (code === 0) throw e; // after an escaped failure the close is best effort; the exit code already says what happened
  } finally {
    life.dispose();
  }
  io.stdout.write(code === 0 ? 'Hub node stopped; its channels moved to the other nodes.\n' : 'Hub node stopped after an internal error.\n');
  return code;
}

export const hubCommand: Command = {
  name: 'hub',
  summary: 'the team hub: run a node, migrate its PostgreSQL schema, manage users, devices, channels and secrets',
  usage: USAGE,
  async run(args, io) {
    switch (args[0]) {
      case 'run':
        return run(args, io);
      case 'migrate':
        return withStore(
          args,
          io,
          async (store) => {
            const r = await store.migrate();
            io.stdout.write(r.from === r.to ? `The hub database is already at schema ${r.to}.\n` : `Migrated the hub database from schema ${r.from} to ${r.to}.\n`);
            return 0;
          },
          false,
        );
      case 'status':
        return status(args, io);
      case 'user':
        return user(args, io);
      case 'device':
        return device(args, io);
      case 'channel':
        return channel(args, io);
      case 'workflow':
        return workflowCli(args, io, { withStore, actor: IT(io), readStdin });
      case 'import':
        return importSingleSeat(args, io, { withStore, actor: IT(io) });
      case 'customer':
        return withStore(args, io, (store) => customerCommand(args[1], args, io, store, IT(io)));
      case 'retention':
        return withStore(args, io, async (store, _config, _secrets, pgUrl) => {
          // The lease every node takes before applying retention: an on-demand run never overlaps a scheduled one.
          const leases = pgUrl ? postgresLeases(pgUrl, () => {}) : localLeases();
          try {
            return await retentionCommand(args, io, store, IT(io), leases);
          } finally {
            await leases.close();
          }
        });
      case 'secret':
        return setSecret(args, io);
      case 'tls':
        return makeTls(args, io, 'hub');
      case 'grant-key':
        return grantKey(args, io);
      case 'audit':
        return audit(args, io);
      default:
        io.stderr.write(`${USAGE}\n`);
        return 2;
    }
  },
};
