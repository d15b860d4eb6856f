import { DiwanError } from '../../core/shared/errors';
import { loadOsKeychain } from '../../core/vault';
import { Custodian, CustodianLog, epochAt, EpochKeys, keyEncryptionKey, loadCustodianConfig, startCustodian, verifyCustodianLog, type CustodianConfig } from '../../custodian';
import { chooseHubSecrets } from '../../hub';
import { flagValue, type CliIo, type Command } from '../command';
import { makeTls, setSecret } from './hub';

const USAGE = [
  'diwan custodian run --config FILE        run the key custodian (until SIGTERM or Ctrl-C)',
  'diwan custodian status --config FILE     sealing-key epochs held and destroyed, the log head, the hub\'s last audit checkpoint',
  'diwan custodian shred --epoch N --config FILE   destroy a past epoch\'s private key: its originals can never be revealed again',
  'diwan custodian log verify --config FILE check the custodian\'s hash-chained log',
  'diwan custodian secret set NAME [--keychain-service S]   store a custodian secret (read from stdin) in the OS keychain',
  'diwan custodian tls --name HOST[,HOST...] --out DIR       make the custodian certificate and key; prints the pin hubs use',
  '',
  'Secrets: tls-key, and key-encryption-key (32 random bytes, base64) or passphrase. See docs/IT-GUIDE.md, "Key custodian".',
].join('\n');

function configOf(args: string[]): CustodianConfig {
  const file = flagValue(args, '--config');
  if (!file) throw new DiwanError('custodian_usage', 'Give the custodian configuration file: `--config /etc/diwan-custodian/custodian.json`.');
  return loadCustodianConfig(file);
}

/** The custodian's logic without its listener, for IT's commands on the custodian host. */
async function offline<T>(args: string[], io: CliIo, fn: (c: Custodian, keys: EpochKeys, config: CustodianConfig) => T): Promise<T> {
  const config = configOf(args);
  const secrets = await chooseHubSecrets({ ...config.secrets, env: io.env, keychain: loadOsKeychain() });
  const kek = keyEncryptionKey({
    secret: config.keys.protection === 'secret' ? await secrets.get('key-encryption-key') : null,
    passphrase: config.keys.protection === 'passphrase' ? await secrets.get('passphrase') : null,
    dir: config.keys.dir,
  });
  const keys = new EpochKeys(config.keys.dir, kek, config.epoch);
  const log = new CustodianLog(config.log.file, 3_600_000);
  try {
    const c = new Custodian({
      team: config.team,
      keys,
      epochLength: config.epoch,
      retainEpochs: config.retainEpochs,
      log,
      hubGrantKeys: config.hubGrantKeys,
      policy: config.policy,
      rateLimit: { perDevice: config.rateLimit.perDevice, windowMs: config.rateLimit.windowMinutes * 60_000 },
      now: Date.now,
    });
    return fn(c, keys, config);
  } finally {
    log.close();
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const config = configOf(args);
  const secrets = await chooseHubSecrets({ ...config.secrets, env: io.env, keychain: loadOsKeychain() });
  const c = await startCustodian(config, secrets);
  io.stdout.write(`Custodian for team ${config.team} running on ${c.url} (pin ${c.pin}).\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await c.close();
  io.stdout.write('Custodian stopped.\n');
  return 0;
}

export const custodianCommand: Command = {
  name: 'custodian',
  summary: 'the key custodian: holds the team\'s private sealing keys, checks reveal grants, rotates and destroys key epochs',
  usage: USAGE,
  async run(args, io) {
    switch (args[0]) {
      case 'run':
        return run(args, io);
      case 'status':
        return offline(args, io, (c, keys, config) => {
          const log = verifyCustodianLog(config.log.file);
          io.stdout.write(
            [
              `team: ${config.team}`,
              `current epoch: ${epochAt(Date.now(), config.epoch)}`,
              `epochs held: ${keys.epochs().join(', ') || 'none'}`,
              `epochs destroyed: ${keys.shredded().join(', ') || 'none'}`,
              log.broken ? `log: BROKEN at line ${log.broken.line}: ${log.broken.why}` : `log: intact, ${log.entries} entries, head ${log.head}`,
              `hub audit checkpoint: ${c.lastAuditHead() ? `seq ${c.lastAuditHead()!.seq}, ${c.lastAuditHead()!.hash}` : 'none yet'}`,
            ].join('\n') + '\n',
          );
          return log.broken ? 1 : 0;
        });
      case 'shred': {
        const epoch = Number(flagValue(args, '--epoch'));
        if (!Number.isSafeInteger(epoch) || epoch < 0) throw new DiwanError('custodian_usage', 'Name the epoch: `diwan custodian shred --epoch N` (see `diwan custodian status`).');
        return offline(args, io, (c) => {
          c.shred(epoch);
          io.stdout.write(`Destroyed the private key of epoch ${epoch}. Originals sealed in that period can no longer be revealed, from any backup.\n`);
          return 0;
        });
      }
      case 'log': {
        if (args[1] !== 'verify') throw new DiwanError('custodian_usage', USAGE);
        const r = verifyCustodianLog(configOf(args).log.file);
        io.stdout.write(r.broken ? `BROKEN at line ${r.broken.line}: ${r.broken.why}\n` : `intact, ${r.entries} entries, head ${r.head}\n`);
        return r.broken ? 1 : 0;
      }
      case 'secret':
        return setSecret(args, io, { product: 'custodian', defaultService: 'Diwan Custodian' });
      case 'tls':
        return makeTls(args, io, 'custodian');
      default:
        io.stderr.write(`${USAGE}\n`);
        return 2;
    }
  },
};

