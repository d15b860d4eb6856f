import path from 'node:path';

/** Where IT installs the policy and its signer keys on a machine: folders only administrators can write. */
export interface MachineLocations {
  policyFile: string;
  signersDir: string;
}

export function machineLocations(platform: NodeJS.Platform, env: Record<string, string | undefined>): MachineLocations {
  const base =
    platform === 'win32'
      ? path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Diwan')
      : platform === 'darwin'
        ? '/Library/Application Support/Diwan'
        : '/etc/diwan';
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return { policyFile: join(base, 'policy.json'), signersDir: join(base, 'policy-signers') };
}
