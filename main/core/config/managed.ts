import path from 'node:path';
import { DiwanError } from '../shared/errors';

/**
 * IT's configuration of a machine: the signed office-network policy (verified by main/core/policy, not here), the
 * relay address and the update settings. Read only from machine-wide locations a standard user cannot write, in
 * this order, per key (the first that sets a key wins):
 *
 *   1. managed policy:  Windows `HKLM\SOFTWARE\Policies\Diwan` (Group Policy / Intune),
 *                       macOS `/Library/Managed Preferences/com.diwan.console.plist` (MDM profile);
 *   2. machine files:   `C:\ProgramData\Diwan\`, `/Library/Application Support/Diwan/`, `/etc/diwan/`
 *                       (`policy.json` is the policy document, `diwan.conf` a JSON object of the other keys);
 *   3. build defaults:  what the package was built with (update feed and release keys).
 *
 * Nothing per-user (the user's data directory, environment variables, command-line flags) is ever read for these
 * keys; a user configuration that names one is ignored with a note. Paths are fixed, never taken from the
 * environment, so a user cannot point Diwan at a "machine" file of their own.
 */

export type UpdateMode = 'auto' | 'notify' | 'off';
export const UPDATE_MODES: readonly UpdateMode[] = ['auto', 'notify', 'off'];
export const MANAGED_KEYS = ['policy', 'relayUrl', 'updateUrl', 'updateMode', 'releaseKeys'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export const MAX_POLICY_BYTES = 1024 * 1024;
const MAX_CONF_BYTES = 64 * 1024;

/** How the managed configuration reaches the machine's stores; tests inject these, `systemManagedReaders` is the real one. */
export interface ManagedReaders {
  platform: NodeJS.Platform;
  /** The file's bytes, or null when it does not exist. Any other failure throws. */
  readFile(file: string): Promise<Buffer | null>;
  /** The values under a registry key as `reg query` prints them (REG_MULTI_SZ items joined by a literal `\0`), or null when the key does not exist. */
  readRegistry(key: string): Promise<Record<string, string> | null>;
  /** A property list as JSON-like values (binary or XML), or null when the file does not exist. */
  readPlist(file: string): Promise<Record<string, unknown> | null>;
}

export interface BuildDefaults {
  updateUrl?: string;
  updateMode?: UpdateMode;
  releaseKeys?: readonly string[];
}

export interface ManagedSource {
  tier: 'managed' | 'machine' | 'build';
  location: string;
  found: boolean;
}

export interface ManagedConfig {
  /** The raw policy document; main/core/policy verifies its signature. */
  policyBytes?: Buffer;
  /** Where the policy came from, or `none`. */
  policySource: string;
  relayUrl?: string;
  updateUrl?: string;
  updateMode: UpdateMode;
  releaseKeys: string[];
  /** The location each key was taken from. */
  origin: Partial<Record<ManagedKey, string>>;
  /** Every location consulted, highest precedence first. */
  sources: ManagedSource[];
  notes: string[];
}

export const WINDOWS_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Diwan';
/** Fixed, not %ProgramData%: the environment belongs to the user. */
export const WINDOWS_MACHINE_DIR = 'C:\\ProgramData\\Diwan';
export const MAC_MANAGED_PLIST = '/Library/Managed Preferences/com.diwan.console.plist';
export const MAC_MACHINE_DIR = '/Library/Application Support/Diwan';
export const LINUX_MACHINE_DIR = '/etc/diwan';

export const POLICY_FILE = 'policy.json';
export const CONF_FILE = 'diwan.conf';

interface Layer {
  source: ManagedSource;
  values: Partial<Record<ManagedKey, unknown>>;
  /** Where each value came from inside the layer (a registry value, a file). */
  where: Partial<Record<ManagedKey, string>>;
}

export function machineDir(platform: NodeJS.Platform): string {
  if (platform === 'win32') return WINDOWS_MACHINE_DIR;
  if (platform === 'darwin') return MAC_MACHINE_DIR;
  return LINUX_MACHINE_DIR;
}

export async function readManagedConfig(
  readers: ManagedReaders,
  opts: { buildDefaults?: BuildDefaults; userConfig?: Record<string, unknown> } = {},
): Promise<ManagedConfig> {
  const notes: string[] = [];
  const layers: Layer[] = [];
  const managed = await readManagedLayer(readers, notes);
  if (managed) layers.push(managed);
  layers.push(await readMachineLayer(readers));
  const build = opts.buildDefaults ?? {};
  layers.push({
    source: { tier: 'build', location: 'build defaults', found: Object.keys(build).length > 0 },
    values: { ...build },
    where: Object.fromEntries(Object.keys(build).map((k) => [k, 'build defaults'])),
  });

  for (const key of Object.keys(opts.userConfig ?? {})) {
    if ((MANAGED_KEYS as readonly string[]).includes(key)) {
      notes.push(`"${key}" in the user's configuration is ignored: only IT sets it (managed policy or ${machineDir(readers.platform)}).`);
    }
  }

  const pick = (key: ManagedKey): { value: unknown; origin: string } | undefined => {
    for (const l of layers) if (l.values[key] !== undefined) return { value: l.values[key], origin: l.where[key] ?? l.source.location };
    return undefined;
  };

  const out: ManagedConfig = {
    policySource: 'none',
    updateMode: 'off',
    releaseKeys: [],
    origin: {},
    sources: layers.map((l) => l.source),
    notes,
  };
  const policy = pick('policy');
  if (policy) {
    out.policyBytes = policy.value as Buffer;
    out.policySource = policy.origin;
    out.origin.policy = policy.origin;
  }
  for (const key of ['relayUrl', 'updateUrl'] as const) {
    const v = pick(key);
    if (v) {
      out[key] = v.value as string;
      out.origin[key] = v.origin;
    }
  }
  const mode = pick('updateMode');
  if (mode) {
    out.updateMode = mode.value as UpdateMode;
    out.origin.updateMode = mode.origin;
  } else if (out.updateUrl) {
    out.updateMode = 'auto';
  }
  const keys = pick('releaseKeys');
  if (keys) {
    out.releaseKeys = [...(keys.value as string[])];
    out.origin.releaseKeys = keys.origin;
  }
  if (out.updateMode !== 'off' && !out.updateUrl) {
    notes.push(`Updates are set to "${out.updateMode}" but no update feed (UpdateUrl) is configured, so Diwan does not check for updates.`);
    out.updateMode = 'off';
  }
  return out;
}

/**
 * The defaults a package was built with (`extraMetadata.diwan` in electron-builder.config.ts), read from the
 * packaged package.json inside the integrity-checked asar.
 */
export function buildDefaultsFromPackage(pkg: unknown): BuildDefaults {
  const d = (pkg as { diwan?: unknown } | null)?.diwan;
  if (d === undefined) return {};
  const where = "the package's build defaults";
  if (typeof d !== 'object' || d === null) invalid(where, 'diwan must be an object');
  const raw = d as Record<string, unknown>;
  const out: BuildDefaults = {};
  if (raw.updateUrl !== undefined) out.updateUrl = url(raw.updateUrl, `${where} updateUrl`, ['https:']);
  if (raw.updateMode !== undefined) out.updateMode = updateMode(raw.updateMode, `${where} updateMode`);
  if (raw.releaseKeys !== undefined) out.releaseKeys = releaseKeys(raw.releaseKeys, `${where} releaseKeys`);
  return out;
}

async function readManagedLayer(r: ManagedReaders, notes: string[]): Promise<Layer | null> {
  if (r.platform === 'win32') {
    const values = await read(WINDOWS_POLICY_KEY, () => r.readRegistry(WINDOWS_POLICY_KEY));
    return managedLayer(r, WINDOWS_POLICY_KEY, values, (name) => `${WINDOWS_POLICY_KEY}\\${name}`, notes);
  }
  if (r.platform === 'darwin') {
    const values = await read(MAC_MANAGED_PLIST, () => r.readPlist(MAC_MANAGED_PLIST));
    return managedLayer(r, MAC_MANAGED_PLIST, values, (name) => `${MAC_MANAGED_PLIST} ${name}`, notes);
  }
  return null;
}

/** Registry values and managed preferences share names: Policy, PolicyFile, RelayUrl, UpdateUrl, UpdateMode, ReleaseKeys. */
async function managedLayer(
  r: ManagedReaders,
  location: string,
  raw: Record<string, unknown> | null,
  at: (name: string) => string,
  notes: string[],
): Promise<Layer> {
  const layer: Layer = { source: { tier: 'managed', location, found: raw !== null }, values: {}, where: {} };
  if (!raw) return layer;
  const set = (key: ManagedKey, name: string, value: unknown) => {
    layer.values[key] = value;
    layer.where[key] = at(name);
  };
  if (raw.Policy !== undefined) {
    const text = stringValue(raw.Policy, at('Policy'));
    set('policy', 'Policy', policyBytes(Buffer.from(text, 'utf8'), at('Policy')));
    if (raw.PolicyFile !== undefined) notes.push(`Both Policy and PolicyFile are set in ${location}; the inline Policy is used.`);
  } else if (raw.PolicyFile !== undefined) {
    const file = stringValue(raw.PolicyFile, at('PolicyFile'));
    if (!isAbsolute(r.platform, file)) invalid(at('PolicyFile'), 'it must be an absolute path to the policy file');
    const bytes = await read(file, () => r.readFile(file));
    if (!bytes) invalid(at('PolicyFile'), `the policy file ${file} does not exist`);
    set('policy', 'PolicyFile', policyBytes(bytes, file));
    layer.where.policy = file;
  }
  if (raw.RelayUrl !== undefined) set('relayUrl', 'RelayUrl', url(raw.RelayUrl, at('RelayUrl'), ['https:', 'wss:']));
  if (raw.UpdateUrl !== undefined) set('updateUrl', 'UpdateUrl', url(raw.UpdateUrl, at('UpdateUrl'), ['https:']));
  if (raw.UpdateMode !== undefined) set('updateMode', 'UpdateMode', updateMode(raw.UpdateMode, at('UpdateMode')));
  if (raw.ReleaseKeys !== undefined) set('releaseKeys', 'ReleaseKeys', releaseKeys(raw.ReleaseKeys, at('ReleaseKeys')));
  return layer;
}

async function readMachineLayer(r: ManagedReaders): Promise<Layer> {
  const dir = machineDir(r.platform);
  const join = r.platform === 'win32' ? path.win32.join : path.posix.join;
  const policyFile = join(dir, POLICY_FILE);
  const confFile = join(dir, CONF_FILE);
  const policy = await read(policyFile, () => r.readFile(policyFile));
  const confBytes = await read(confFile, () => r.readFile(confFile));
  const layer: Layer = { source: { tier: 'machine', location: dir, found: policy !== null || confBytes !== null }, values: {}, where: {} };
  if (policy) {
    layer.values.policy = policyBytes(policy, policyFile);
    layer.where.policy = policyFile;
  }
  if (confBytes) {
    const conf = parseConf(confBytes, confFile);
    const set = (key: ManagedKey, value: unknown) => {
      layer.values[key] = value;
      layer.where[key] = confFile;
    };
    if (conf.relayUrl !== undefined) set('relayUrl', url(conf.relayUrl, `${confFile} relayUrl`, ['https:', 'wss:']));
    if (conf.updateUrl !== undefined) set('updateUrl', url(conf.updateUrl, `${confFile} updateUrl`, ['https:']));
    if (conf.updateMode !== undefined) set('updateMode', updateMode(conf.updateMode, `${confFile} updateMode`));
    if (conf.releaseKeys !== undefined) set('releaseKeys', releaseKeys(conf.releaseKeys, `${confFile} releaseKeys`));
    const unknown = Object.keys(conf).filter((k) => !['relayUrl', 'updateUrl', 'updateMode', 'releaseKeys'].includes(k));
    if (unknown.length) invalid(confFile, `it has unknown keys (${unknown.slice(0, 5).join(', ')}); allowed: relayUrl, updateUrl, updateMode, releaseKeys`);
  }
  return layer;
}

/** A store that exists but cannot be read fails closed, never as "not configured". */
async function read<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DiwanError('managed_config_unreadable', `IT's configuration at ${where} exists but cannot be read${code ? ` (${code})` : ''}. Check its permissions; Diwan does not run without it.`);
  }
}

function parseConf(bytes: Buffer, file: string): Record<string, unknown> {
  if (bytes.length > MAX_CONF_BYTES) invalid(file, 'it is larger than 64 KiB');
  let v: unknown;
  try {
    v = JSON.parse(bytes.toString('utf8'));
  } catch {
    invalid(file, 'it is not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) invalid(file, 'it must be a JSON object');
  return v as Record<string, unknown>;
}

function policyBytes(bytes: Buffer, where: string): Buffer {
  if (bytes.length === 0) invalid(where, 'the policy document is empty');
  if (bytes.length > MAX_POLICY_BYTES) invalid(where, 'the policy document is larger than 1 MiB');
  return bytes;
}

function stringValue(v: unknown, where: string): string {
  if (typeof v !== 'string') invalid(where, 'it must be a string');
  return v.trim();
}

function url(v: unknown, where: string, protocols: string[]): string {
  const s = stringValue(v, where);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    invalid(where, `"${s.slice(0, 100)}" is not a URL`);
  }
  if (!protocols.includes(u.protocol)) invalid(where, `it must be an ${protocols.map((p) => p.slice(0, -1)).join(' or ')} URL`);
  if (u.username || u.password) invalid(where, 'it must not contain a user name or password');
  return u.toString().replace(/\/$/, '');
}

function updateMode(v: unknown, where: string): UpdateMode {
  const s = stringValue(v, where).toLowerCase();
  if (!(UPDATE_MODES as readonly string[]).includes(s)) invalid(where, `it must be one of ${UPDATE_MODES.join(', ')}`);
  return s as UpdateMode;
}

/** A list (plist array, JSON array, REG_MULTI_SZ) or one string with keys separated by commas, spaces or newlines. */
function releaseKeys(v: unknown, where: string): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/(?:\\0|[\0,\s])+/) : invalid(where, 'it must be a list of public keys');
  const keys = items.map((k) => (typeof k === 'string' ? k.trim() : invalid(where, 'each release key must be a string'))).filter(Boolean);
  if (keys.length > 16) invalid(where, 'at most 16 release keys');
  for (const k of keys) if (!/^[A-Za-z0-9+/]{43}=$/.test(k)) invalid(where, `"${k.slice(0, 60)}" is not a release public key (the line \`diwan release keygen\` prints)`);
  return keys;
}

function isAbsolute(platform: NodeJS.Platform, p: string): boolean {
  return platform === 'win32' ? path.win32.isAbsolute(p) && /^[A-Za-z]:\\|^\\\\/.test(p) : path.posix.isAbsolute(p);
}

function invalid(where: string, why: string): never {
  throw new DiwanError('managed_config_invalid', `IT's configuration at ${where} is not valid: ${why}. Fix or remove it; Diwan does not run on a broken managed configuration.`);
}
