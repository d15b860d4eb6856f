import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../core/shared/errors';
import { Vault, type KeychainPort } from '../core/vault';
import type { HubChannelKind } from './kinds';

/**
 * Where the hub's secrets come from: the TLS key, the originals key, the database password, channel tokens, webhook
 * app secrets, verify tokens and X consumer secrets. Never the configuration file. Names are plain
 * (`wa-main.app-secret`); the keychain holds them as `hub:<name>`, a systemd credentials directory as files `<name>`.
 */
export interface HubSecrets {
  readonly source: 'keychain' | 'credentials';
  get(name: string): Promise<string | null>;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export const secretNames = {
  appSecret: (channelId: string) => `${channelId}.app-secret`,
  verifyToken: (channelId: string) => `${channelId}.verify-token`,
  /** X signs its webhooks and answers its CRC with the app's consumer secret. */
  consumerSecret: (channelId: string) => `${channelId}.consumer-secret`,
  token: (channelId: string) => `${channelId}.token`,
  tlsKey: 'tls-key',
} as const;

/** The hub secrets an administrator may set from a console (a channel's own), never the hub's keys. */
const CHANNEL_SECRET = /^[a-z0-9][a-z0-9_-]{0,63}\.(token|app-secret|verify-token|consumer-secret)$/;

export const isChannelSecret = (name: string) => CHANNEL_SECRET.test(name);

/** Credential fields a console sends that are webhook secrets of their own at the hub; the rest make up `<id>.token`. */
const WEBHOOK_FIELDS: Record<string, (channelId: string) => string> = {
  appSecret: secretNames.appSecret,
  verifyToken: secretNames.verifyToken,
  consumerSecret: secretNames.consumerSecret,
};

/**
 * The hub secrets a channel's credentials, as an administrator typed them (the fields single-seat keeps as one JSON
 * object), become: webhook secrets under their own names, the rest as the JSON of `<id>.token`.
 */
export function channelSecretsOf(channelId: string, credentials: Record<string, string>): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  const token: Record<string, string> = {};
  for (const [field, value] of Object.entries(credentials)) {
    if (WEBHOOK_FIELDS[field]) out.push({ name: WEBHOOK_FIELDS[field](channelId), value });
    else token[field] = value;
  }
  if (Object.keys(token).length) out.push({ name: secretNames.token(channelId), value: JSON.stringify(token) });
  return out;
}

/**
 * IT's store with the channel secrets set from consoles over it: for a channel's secret the value an administrator
 * (or the connector's own rotation) saved in the database wins, since it is the newer; the hub's own keys come from
 * IT's store only.
 */
export function withChannelSecrets(it: HubSecrets, saved: (name: string) => Promise<string | null>): HubSecrets {
  return {
    source: it.source,
    async get(name) {
      checkName(name);
      if (isChannelSecret(name)) {
        const v = await saved(name);
        if (v !== null) return v;
      }
      return it.get(name);
    },
  };
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw new DiwanError('hub_secret_bad_name', `"${name}" is not a hub secret name (lower-case letters, digits, ".", "-", "_").`);
}

/** The OS keychain, through the Vault: accounts `hub:<name>` under the hub's own service name. */
export class KeychainHubSecrets implements HubSecrets {
  readonly source = 'keychain' as const;
  constructor(readonly vault: Vault) {}

  get(name: string): Promise<string | null> {
    checkName(name);
    return this.vault.get(`hub:${name}`);
  }

  set(name: string, value: string): Promise<void> {
    checkName(name);
    return this.vault.set(`hub:${name}`, value);
  }
}

/**
 * Files in the directory systemd prepares for the service (`$CREDENTIALS_DIRECTORY`, from `LoadCredential=` or
 * `LoadCredentialEncrypted=`): read-only, readable by the service's user only. A file others may read is refused.
 */
export class CredentialsDirSecrets implements HubSecrets {
  readonly source = 'credentials' as const;
  constructor(readonly dir: string) {}

  async get(name: string): Promise<string | null> {
    checkName(name);
    const file = path.join(this.dir, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DiwanError('hub_credential_unreadable', `The hub cannot read the credential "${name}" (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    if (!st.isFile()) throw new DiwanError('hub_credential_unreadable', `The credential "${name}" is not a file.`);
    if (st.mode & 0o077) {
      throw new DiwanError(
        'hub_credential_exposed',
        `The credential file "${name}" can be read by other users (mode ${(st.mode & 0o777).toString(8)}). ` +
          'Load it with LoadCredential=/LoadCredentialEncrypted= in the service unit (systemd makes it private), or chmod 0400 it.',
      );
    }
    const value = fs.readFileSync(file, 'utf8').replace(/\s+$/, '');
    return value || null;
  }
}

export interface ChooseSecretsOptions {
  source: 'auto' | 'keychain' | 'credentials';
  keychainService: string;
  env: Record<string, string | undefined>;
  keychain: KeychainPort;
}

/** Keychain where a working one exists, else systemd credentials; explains what to do when neither is there. */
export async function chooseHubSecrets(o: ChooseSecretsOptions): Promise<HubSecrets> {
  const credentials = o.env.CREDENTIALS_DIRECTORY;
  if (o.source === 'credentials' || (o.source === 'auto' && credentials && !(await keychainWorks(o)))) {
    if (!credentials) {
      throw new DiwanError(
        'hub_no_credentials',
        'The hub is set to read systemd credentials, but $CREDENTIALS_DIRECTORY is not set. Start it from its service unit ' +
          '(docs/examples/diwan-hub.service), which loads them with LoadCredential=/LoadCredentialEncrypted=.',
      );
    }
    return new CredentialsDirSecrets(credentials);
  }
  const vault = new Vault(o.keychain, o.keychainService);
  const status = await vault.probe();
  if (!status.available) {
    throw new DiwanError(
      'hub_no_secret_store',
      `The hub has nowhere to read its secrets: ${status.advice} On a server without a desktop session, run the hub ` +
        'from its systemd unit with credentials instead (docs/IT-GUIDE.md, "Hub secrets").',
    );
  }
  return new KeychainHubSecrets(vault);
}

async function keychainWorks(o: ChooseSecretsOptions): Promise<boolean> {
  return (await new Vault(o.keychain, o.keychainService).probe()).available;
}

/** The JSON field each connector reads its token from, for channels whose one secret is a token. */
export const TOKEN_FIELD: Partial<Record<HubChannelKind, string>> = {
  whatsapp: 'accessToken',
  messenger: 'pageAccessToken',
  instagram: 'pageAccessToken',
  telegram: 'botToken',
};

/**
 * The Vault of the connectors the hub runs: `channel:<id>` is answered with the JSON each connector expects, built
 * from the hub secret `<id>.token` (or that secret itself when it is a JSON object, as X's OAuth secrets are). A
 * connector saving its own rotated secrets (X's refresh token) writes `<id>.token` through `rotate`, when given, with
 * the value this vault last read or wrote for it (`previous`), so the store can refuse a write that would replace a
 * newer one (compare-and-set, `HubChannelSetup.rotateSecret`); other writes are refused.
 */
export function channelVault(
  secrets: HubSecrets,
  kindOf: (id: string) => Promise<HubChannelKind | undefined>,
  rotate?: (name: string, value: string, previous: string | null) => Promise<void>,
): Vault {
  const seen = new Map<string, string | null>();
  const refuse = async (): Promise<never> => {
    throw new DiwanError('hub_secrets_read_only', 'The hub does not change this secret; IT or an administrator sets it (docs/IT-GUIDE.md, "Hub secrets").');
  };
  const port: KeychainPort = {
    async getPassword(_service, account) {
      const id = account.startsWith('channel:') ? account.slice('channel:'.length) : null;
      const kind = id ? await kindOf(id) : undefined;
      if (!id || !kind) return null;
      const token = await secrets.get(secretNames.token(id));
      seen.set(id, token);
      if (!token) return null;
      const field = TOKEN_FIELD[kind];
      return token.startsWith('{') || !field ? token : JSON.stringify({ [field]: token });
    },
    async setPassword(_service, account, value) {
      const id = account.startsWith('channel:') ? account.slice('channel:'.length) : null;
      if (!rotate || !id || !(await kindOf(id))) return refuse();
      await rotate(secretNames.token(id), value, seen.get(id) ?? null);
      seen.set(id, value);
    },
    deletePassword: refuse,
    findCredentials: async () => [],
  };
  return new Vault(port, 'hub');
}
