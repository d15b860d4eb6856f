import fs from 'node:fs';
import path from 'node:path';
import { DiwanError } from '../core/shared/errors';
import { Vault, type KeychainPort } from '../core/vault';
import type { RelayChannelConfig, RelayKind } from './config';

/**
 * Where the relay's secrets come from: app secrets, verify tokens, channel tokens, the TLS key, the queue key.
 * Never the configuration file. Names are plain (`wa-main.app-secret`); the keychain holds them as `relay:<name>`,
 * a systemd credentials directory as files `<name>`.
 */
export interface RelaySecrets {
  readonly source: 'keychain' | 'credentials';
  get(name: string): Promise<string | null>;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export const secretNames = {
  appSecret: (channelId: string) => `${channelId}.app-secret`,
  verifyToken: (channelId: string) => `${channelId}.verify-token`,
  token: (channelId: string) => `${channelId}.token`,
  tlsKey: 'tls-key',
  queueKey: 'queue-key',
  healthToken: 'health-token',
} as const;

function checkName(name: string): void {
  if (!NAME.test(name)) throw new DiwanError('relay_secret_bad_name', `"${name}" is not a relay secret name (lower-case letters, digits, ".", "-", "_").`);
}

/** The OS keychain, through the Vault: accounts `relay:<name>` under the relay's own service name. */
export class KeychainRelaySecrets implements RelaySecrets {
  readonly source = 'keychain' as const;
  constructor(readonly vault: Vault) {}

  get(name: string): Promise<string | null> {
    checkName(name);
    return this.vault.get(`relay:${name}`);
  }

  set(name: string, value: string): Promise<void> {
    checkName(name);
    return this.vault.set(`relay:${name}`, value);
  }
}

/**
 * Files in the directory systemd prepares for the service (`$CREDENTIALS_DIRECTORY`, from `LoadCredential=` or
 * `LoadCredentialEncrypted=`): read-only, readable by the service's user only. A file others may read is refused.
 */
export class CredentialsDirSecrets implements RelaySecrets {
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
      throw new DiwanError('relay_credential_unreadable', `The relay cannot read the credential "${name}" (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    if (!st.isFile()) throw new DiwanError('relay_credential_unreadable', `The credential "${name}" is not a file.`);
    if (st.mode & 0o077) {
      throw new DiwanError(
        'relay_credential_exposed',
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
export async function chooseRelaySecrets(o: ChooseSecretsOptions): Promise<RelaySecrets> {
  const credentials = o.env.CREDENTIALS_DIRECTORY;
  if (o.source === 'credentials' || (o.source === 'auto' && credentials && !(await keychainWorks(o)))) {
    if (!credentials) {
      throw new DiwanError(
        'relay_no_credentials',
        'The relay is set to read systemd credentials, but $CREDENTIALS_DIRECTORY is not set. Start it from its service unit ' +
          '(docs/examples/diwan-relay.service), which loads them with LoadCredential=/LoadCredentialEncrypted=.',
      );
    }
    return new CredentialsDirSecrets(credentials);
  }
  const vault = new Vault(o.keychain, o.keychainService);
  const status = await vault.probe();
  if (!status.available) {
    throw new DiwanError(
      'relay_no_secret_store',
      `The relay has nowhere to read its secrets: ${status.advice} On a server without a desktop session, run the relay ` +
        'from its systemd unit with credentials instead (docs/IT-GUIDE.md, "Relay secrets").',
    );
  }
  return new KeychainRelaySecrets(vault);
}

async function keychainWorks(o: ChooseSecretsOptions): Promise<boolean> {
  return (await new Vault(o.keychain, o.keychainService).probe()).available;
}

/** The JSON field each connector reads its token from, for channels whose one secret is a token. */
export const TOKEN_FIELD: Record<RelayKind, string> = {
  whatsapp: 'accessToken',
  messenger: 'pageAccessToken',
  instagram: 'pageAccessToken',
  telegram: 'botToken',
};

/**
 * A read-only Vault for the connectors the relay runs: `channel:<id>` is answered with the JSON each connector expects,
 * built from the relay secret `<id>.token`. Writes are refused (the relay never changes its secrets).
 */
export function channelVault(
  secrets: RelaySecrets,
  channels: readonly Pick<RelayChannelConfig, 'id' | 'kind'>[] | ((id: string) => Promise<RelayKind | undefined>),
): Vault {
  const kinds = typeof channels === 'function' ? { get: channels } : new Map(channels.map((c) => [c.id, c.kind]));
  const refuse = async (): Promise<never> => {
    throw new DiwanError('relay_secrets_read_only', 'The relay does not change its secrets; IT sets them (docs/IT-GUIDE.md).');
  };
  const port: KeychainPort = {
    async getPassword(_service, account) {
      const id = account.startsWith('channel:') ? account.slice('channel:'.length) : null;
      const kind = id ? await kinds.get(id) : undefined;
      if (!id || !kind) return null;
      const token = await secrets.get(secretNames.token(id));
      return token ? JSON.stringify({ [TOKEN_FIELD[kind]]: token }) : null;
    },
    setPassword: refuse,
    deletePassword: refuse,
    findCredentials: async () => [],
  };
  return new Vault(port, 'relay');
}
