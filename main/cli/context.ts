import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, EMBEDDED_HUB_DATABASE, EMBEDDED_HUB_DIR, EMBEDDED_MODE_FILE, embeddedModeFromEnv, embeddedModeOf, openCore, type Core } from '../core/app';
import { DiwanError } from '../core/shared/errors';

import { defaultDataDir } from '../core/config/paths';
import { flagValue, type CliIo } from './command';

/** The data directory a command works on: `--data-dir`, else `DIWAN_DATA_DIR`, else the console's own. */
export function dataDirFor(args: string[], io: CliIo): string {
  return flagValue(args, '--data-dir') ?? defaultDataDir({ platform: process.platform, env: io.env, home: os.homedir() });
}

export function openCoreFor(args: string[], io: CliIo): Promise<Core> {
  // DIWAN_EMBEDDED chooses the folder's mode and writes it, as the console would; without it the command line reports
  // the mode the console would choose and writes nothing (it never starts the embedded hub itself).
  const requested = embeddedModeFromEnv(io.env.DIWAN_EMBEDDED);
  return openCore({
    dataDir: dataDirFor(args, io),
    keychainService: io.env.DIWAN_KEYCHAIN_SERVICE,
    embedded: requested,
    recordEmbeddedMode: requested !== undefined,
    ...(io.network ? { network: io.network } : {}),
  });
}

/**
 * The embedded hub's database file when the data folder runs in hub mode (DIWAN_EMBEDDED=hub, `embedded-mode.json`
 * says `hub`, or the folder would take it: `embeddedModeOf`, the console's own rule): there the team's people, conversations and trail live in the hub's store, not in the
 * single-seat database the `db` and `audit` commands otherwise open. Null in store mode. Reading the mode writes nothing.
 */
export function embeddedHubDatabaseOf(args: string[], io: CliIo): string | null {
  const dataDir = dataDirFor(args, io);
  const mode = embeddedModeOf(dataDir, embeddedModeFromEnv(io.env.DIWAN_EMBEDDED));
  return mode === 'hub' ? path.join(dataDir, EMBEDDED_HUB_DIR, EMBEDDED_HUB_DATABASE) : null;
}

/** The mode the folder's `embedded-mode.json` (or DIWAN_EMBEDDED) names, or null when neither says. */
export function folderModeOf(args: string[], io: CliIo): 'hub' | 'store' | null {
  const dataDir = dataDirFor(args, io);
  const env = embeddedModeFromEnv(io.env.DIWAN_EMBEDDED);
  if (env) return env;
  return fs.existsSync(path.join(dataDir, EMBEDDED_MODE_FILE)) ? embeddedModeOf(dataDir) : null;
}

/**
 * A folder whose mode was never written down is single-seat when its single-seat database has people (the hub's
 * first start would move them in); an empty one (a command's sign-in check made it) belongs to no one yet.
 */
export async function singleSeatInUse(args: string[], io: CliIo): Promise<boolean> {
  if (!fs.existsSync(path.join(dataDirFor(args, io), DATABASE_FILE))) return false;
  const core = await openCoreFor(args, io);
  try {
    return core.identity.users.count() > 0;
  } finally {
    core.close();
  }
}

/** Refuses a single-seat command in a hub-mode folder, with a sentence naming what to do instead. */
export function refuseInHubMode(args: string[], io: CliIo, command: string, instead: string): void {
  if (!embeddedHubDatabaseOf(args, io)) return;
  throw new DiwanError(
    'embedded_hub_mode',
    `This data folder runs the embedded team hub (\`diwan status\` shows the mode), so its data is in the hub's store, not the single-seat database \`${command}\` works on. ${instead}`,
  );
}
