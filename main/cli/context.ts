import os from 'node:os';
import { embeddedModeFromEnv, openCore, type Core } from '../core/app';
import { defaultDataDir } from '../core/config/paths';
import { flagValue, type CliIo } from './command';

/** The data directory a command works on: `--data-dir`, else `DIWAN_DATA_DIR`, else the console's own. */
export function dataDirFor(args: string[], io: CliIo): string {
  return flagValue(args, '--data-dir') ?? defaultDataDir({ platform: process.platform, env: io.env, home: os.homedir() });
}

export function openCoreFor(args: string[], io: CliIo): Promise<Core> {
  // DIWAN_EMBEDDED chooses the folder's mode as the console would (the CLI itself never starts the embedded hub).
  return openCore({
    dataDir: dataDirFor(args, io),
    keychainService: io.env.DIWAN_KEYCHAIN_SERVICE,
    embedded: embeddedModeFromEnv(io.env.DIWAN_EMBEDDED),
    ...(io.network ? { network: io.network } : {}),
  });
}
