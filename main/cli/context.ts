import os from 'node:os';
import { openCore, type Core } from '../core/app';
import { defaultDataDir } from '../core/config/paths';
import { flagValue, type CliIo } from './command';

/** The data directory a command works on: `--data-dir`, else `DIWAN_DATA_DIR`, else the console's own. */
export function dataDirFor(args: string[], io: CliIo): string {
  return flagValue(args, '--data-dir') ?? defaultDataDir({ platform: process.platform, env: io.env, home: os.homedir() });
}

export function openCoreFor(args: string[], io: CliIo): Promise<Core> {
  return openCore({ dataDir: dataDirFor(args, io), keychainService: io.env.DIWAN_KEYCHAIN_SERVICE, ...(io.network ? { network: io.network } : {}) });
}
