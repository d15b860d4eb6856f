import { openCore, type Core } from '../../main/core/app';
import { testKeychain } from './keychain';
import { tmpDir } from './tmp';

/** A real core on a temporary data directory with the real keychain under a test service name. */
export function testCore(): Promise<Core> {
  const { keychain, service } = testKeychain();
  return openCore({ dataDir: tmpDir(), keychain, keychainService: service });
}
