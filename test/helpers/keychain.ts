import crypto from 'node:crypto';
import { afterEach } from 'vitest';
import { loadOsKeychain, type KeychainPort } from '../../main/core/vault';

/**
 * The real OS keychain (GNOME Keyring in a private D-Bus session under `npm test`), with a service name of
 * the test's own so nothing a person keeps there is touched. Entries are removed after each test.
 */
export function testKeychain(): { keychain: KeychainPort; service: string } {
  const keychain = loadOsKeychain();
  const service = `Diwan-test-${crypto.randomBytes(6).toString('hex')}`;
  services.push([keychain, service]);
  return { keychain, service };
}

const services: Array<[KeychainPort, string]> = [];

afterEach(async () => {
  for (const [keychain, service] of services.splice(0)) {
    try {
      for (const c of await keychain.findCredentials(service)) await keychain.deletePassword(service, c.account);
    } catch {
      // no keychain in this environment: the test itself reports that
    }
  }
});
