import crypto from 'node:crypto';
import { loadOsKeychain, type KeychainPort } from '../../main/core/vault';
import { afterThisTest } from './cleanup';

/**
 * The real OS keychain (GNOME Keyring in a private D-Bus session under `npm test`), with a service name of
 * the test's own so nothing a person keeps there is touched. Entries are removed after each test.
 *
 * Cleanup deletes the accounts the test wrote, by name, rather than listing them with `findCredentials`: keytar's
 * listing crashes the process (a NULL secret) when an item disappears while it is being listed, which parallel
 * test files made likely.
 */
export function testKeychain(): { keychain: KeychainPort; service: string } {
  const os = loadOsKeychain();
  const service = `Diwan-test-${crypto.randomBytes(6).toString('hex')}`;
  // 'device' too: the CLI, run in-process by tests, creates it through the OS keychain directly.
  const written = new Set<string>([`${service}\u0000device`]);
  const keychain: KeychainPort = {
    getPassword: (s, a) => os.getPassword(s, a),
    setPassword: (s, a, p) => (written.add(`${s}\u0000${a}`), os.setPassword(s, a, p)),
    deletePassword: (s, a) => os.deletePassword(s, a),
    findCredentials: (s) => os.findCredentials(s),
  };
  afterThisTest(async () => {
    try {
      for (const key of written) {
        const [s, a] = key.split('\u0000') as [string, string];
        await os.deletePassword(s, a);
      }
    } catch {
      // no keychain in this environment: the test itself reports that
    }
  });
  return { keychain, service };
}
