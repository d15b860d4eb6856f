import path from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import { testKeychain } from './keychain';
import { tmpDir } from './tmp';

/**
 * A real core on a temporary data directory with the real keychain under a test service name. Its network gate
 * looks for a policy and signers in that directory (where there are none), so it runs unmanaged whatever the
 * machine's /etc/diwan holds; pass `network` to test a managed deployment.
 */
export function testCore(opts: Partial<CoreOptions> = {}): Promise<Core> {
  const { keychain, service } = testKeychain();
  const dataDir = opts.dataDir ?? tmpDir();
  return openCore({
    embedded: 'store',
    keychain,
    keychainService: service,
    ...opts,
    dataDir,
    network: { policyFile: path.join(dataDir, 'no-policy.json'), signersDir: path.join(dataDir, 'no-signers'), ...opts.network },
  });
}
