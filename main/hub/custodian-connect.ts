import type crypto from 'node:crypto';
import { DiwanError } from '../core/shared/errors';
import type { HubConfig } from './config';
import { CustodianLink, type CustodianPort } from './custodian-link';
import { EmbeddedCustodian } from './embedded-custodian';
import type { HubSecrets } from './secrets';

/**
 * The custodian the configuration names, started: across the network (`custodian.url`) or in this process
 * (`custodian.embedded`). A hub node and `diwan hub import` both seal to its key, so neither stores an original it
 * could open itself.
 */
export async function connectCustodian(config: HubConfig, secrets: HubSecrets, grantKey: crypto.KeyObject, now: () => number): Promise<CustodianPort> {
  const c = config.custodian;
  const custodian: CustodianPort =
    'embedded' in c
      ? new EmbeddedCustodian({
          team: config.team,
          keysDir: c.embedded.keysDir,
          logFile: c.embedded.logFile,
          policy: c.embedded.policy,
          epoch: c.embedded.epoch,
          retainEpochs: c.embedded.retainEpochs,
          rateLimit: { perDevice: c.embedded.revealsPerDevicePerHour, windowMs: 3_600_000 },
          keyEncryptionKey: await secrets.get('custodian-key-encryption-key'),
          grantKey,
          now,
        })
      : new CustodianLink({ ...c, team: config.team, grantKey, now });
  try {
    await custodian.start();
  } catch (e) {
    await custodian.close();
    if (e instanceof DiwanError && e.code === 'custodian_mismatch') throw e;
    const where = 'url' in c ? `the custodian at ${c.url}` : 'its embedded custodian';
    throw new DiwanError('custodian_unreachable', `The hub cannot get the team's sealing key from ${where}: ${(e as Error).message} It does not start without one.`);
  }
  return custodian;
}
