import path from 'node:path';
import { machineDir } from '../config/managed';

/** Where IT installs the policy and its signer keys on a machine: folders only administrators can write. */
export interface MachineLocations {
  policyFile: string;
  signersDir: string;
}

/**
 * Fixed paths, never taken from the environment (`%ProgramData%` is the user's to change): the same machine folder
 * the managed configuration reads (main/core/config).
 */
export function machineLocations(platform: NodeJS.Platform): MachineLocations {
  const base = machineDir(platform);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return { policyFile: join(base, 'policy.json'), signersDir: join(base, 'policy-signers') };
}
