import fs from 'node:fs';
import { keyIdOf, loadPolicy, machineLocations, readPolicyFile, memoryVersionStore, SignersFileSchema, verifyPolicyText, type PolicyResult } from '../core/policy';
import { DiwanError, isDiwanError } from '../core/shared/errors';
import { systemClock } from '../core/shared/ports';
import { flagValue, type CliIo } from './command';

/** Reads a file a command was pointed at, or says which one could not be read. */
export function readFileFor(file: string | undefined, what: string, flag: string): string {
  if (!file) throw new DiwanError('usage', `Say which ${what} to use with ${flag} FILE.`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiwanError('file_unreadable', `Cannot read the ${what} ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DiwanError('file_not_json', `${file} is not valid JSON.`);
  }
}

/**
 * The policy a command checks: `--policy FILE` (default: the machine-wide one), verified against `--signers FILE`
 * when given, else against the signers this computer trusts (built in and machine-wide). The rollback floor is not
 * consulted: these are IT's tools, run before a policy is installed.
 */
export function policyFor(args: string[], _io: CliIo): PolicyResult {
  const machine = machineLocations(process.platform);
  const policyFile = flagValue(args, '--policy') ?? machine.policyFile;
  const signersFile = flagValue(args, '--signers');
  const versions = memoryVersionStore();
  if (!signersFile) return loadPolicy({ policyFile, signersDir: machine.signersDir, versions, clock: systemClock });
  const parsed = SignersFileSchema.safeParse(parseJsonFile(readFileFor(signersFile, 'signer file', '--signers'), signersFile));
  if (!parsed.success) throw new DiwanError('signers_malformed', `${signersFile} is not a signer file as \`diwan policy keygen\` prints it.`);
  const signers = parsed.data.signers.map((s) => ({ ...s, keyId: keyIdOf(s.publicKey), source: signersFile }));
  let text: string;
  try {
    text = readPolicyFile(policyFile);
  } catch (e) {
    if (isDiwanError(e)) throw e;
    throw new DiwanError('file_unreadable', `Cannot read the policy ${policyFile} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return verifyPolicyText(text, { policyFile, signers, versions, clock: systemClock });
}

