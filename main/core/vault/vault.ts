import { DiwanError } from '../shared/errors';
import type { KeyRing } from './cipher';
import { parseKeyRing, serializeKeyRing } from './key-ring';
import { classifyKeychainError, keychainAdvice, type KeychainPort, type KeychainStatus } from './keychain';

export const DEFAULT_SERVICE = 'Diwan';

export type VaultAccount = `channel:${string}` | `datakey:${string}` | 'device' | `${string}:${string}`;

const PROBE_ACCOUNT = 'probe:keychain';

/**
 * The only place secrets are read or written: channel tokens, data keys, the device key.
 * Every failure becomes a `DiwanError('keychain_<case>')` that says which case it is and what to do;
 * there is no fallback to a file or the database.
 */
export class Vault {
  constructor(
    private readonly keychain: KeychainPort,
    readonly service: string = DEFAULT_SERVICE,
  ) {}

  async get(account: VaultAccount): Promise<string | null> {
    return this.guard(() => this.keychain.getPassword(this.service, account));
  }

  async set(account: VaultAccount, secret: string): Promise<void> {
    if (!secret) throw new DiwanError('vault_empty_secret', 'Refusing to store an empty secret in the keychain.');
    await this.guard(() => this.keychain.setPassword(this.service, account, secret));
  }

  async delete(account: VaultAccount): Promise<boolean> {
    return this.guard(() => this.keychain.deletePassword(this.service, account));
  }

  /** A channel's token (bot token, access token…). Written and read only here. */
  async channelToken(channelId: string): Promise<string | null> {
    return this.get(`channel:${channelId}`);
  }

  async setChannelToken(channelId: string, token: string): Promise<void> {
    await this.set(`channel:${channelId}`, token);
  }

  /** The data keys of database `dbId` (every version still in use), or null when the keychain has none. */
  async dataKeys(dbId: string): Promise<KeyRing | null> {
    const text = await this.get(`datakey:${dbId}`);
    return text === null ? null : parseKeyRing(text, `datakey:${dbId}`);
  }

  async setDataKeys(dbId: string, ring: KeyRing): Promise<void> {
    await this.set(`datakey:${dbId}`, serializeKeyRing(ring));
  }

  /** Accounts under a namespace prefix such as `channel:`; secrets are not returned. */
  async accounts(prefix = ''): Promise<string[]> {
    const all = await this.guard(() => this.keychain.findCredentials(this.service));
    return all.map((c) => c.account).filter((a) => a.startsWith(prefix)).sort();
  }

  /** Writes, reads back and deletes a throwaway entry: the only honest test that the keychain works now. */
  async probe(): Promise<KeychainStatus> {
    try {
      const marker = `ok-${Date.now()}`;
      await this.keychain.setPassword(this.service, PROBE_ACCOUNT, marker);
      const back = await this.keychain.getPassword(this.service, PROBE_ACCOUNT);
      await this.keychain.deletePassword(this.service, PROBE_ACCOUNT);
      if (back !== marker) return { available: false, problem: 'refused', advice: keychainAdvice('refused') };
      return { available: true };
    } catch (e) {
      const problem = classifyKeychainError(e);
      return { available: false, problem, advice: keychainAdvice(problem) };
    }
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (e instanceof DiwanError) throw e;
      const problem = classifyKeychainError(e);
      throw new DiwanError(`keychain_${problem}`, keychainAdvice(problem));
    }
  }
}
