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
 * A read-only Vault for the connectors the hub runs: `channel:<id>` is answered with the JSON each connector expects,
 * built from the hub secret `<id>.token` (or that secret itself when it is a JSON object, as X's OAuth secrets are).
 * Writes are refused (the hub never changes its secrets).
 */
export function channelVault(
  secrets: HubSecrets,
  kindOf: (id: string) => Promise<HubChannelKind | undefined>,
): Vault {
  const refuse = async (): Promise<never> => {
    throw new DiwanError('hub_secrets_read_only', 'The hub does not change its secrets; IT sets them (docs/IT-GUIDE.md).');
  };
  const port: KeychainPort = {
    async getPassword(_service, account) {
      const id = account.startsWith('channel:') ? account.slice('channel:'.length) : null;
      const kind = id ? await kindOf(id) : undefined;
      if (!id || !kind) return null;
      const token = await secrets.get(secretNames.token(id));
      if (!token) return null;
      const field = TOKEN_FIELD[kind];
      return token.startsWith('{') || !field ? token : JSON.stringify({ [field]: token });
    },
    setPassword: refuse,
    deletePassword: refuse,
    findCredentials: async () => [],
  };
  return new Vault(port, 'hub');
}
