import fs from 'node:fs/promises';
import path from 'node:path';
import { buildDefaultsFromPackage, readManagedConfig, systemManagedReaders, type ManagedConfig, type ManagedReaders } from '../core/config';

/** IT's configuration of this machine over the defaults this package was built with (its package.json in the asar). */
export async function loadManagedConfigForApp(appPath: string, readers: ManagedReaders = systemManagedReaders()): Promise<ManagedConfig> {
  const pkg: unknown = JSON.parse(await fs.readFile(path.join(appPath, 'package.json'), 'utf8'));
  return readManagedConfig(readers, { buildDefaults: buildDefaultsFromPackage(pkg) });
}
