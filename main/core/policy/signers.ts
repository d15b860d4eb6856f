import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import buildConfig from '../../../config/policy-signers.json';
import { DiwanError } from '../shared/errors';
import { ED25519_PUBLIC_KEY_PATTERN, keyIdOf } from './keys';
import { describeIssues } from './schema';

export interface TrustedSigner {
  name: string;
  publicKey: string;
  keyId: string;
  /** Where the key came from: `build` or the file it was read from. */
  source: string;
}

export const SignersFileSchema = z.object({
  signers: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        publicKey: z.string().regex(ED25519_PUBLIC_KEY_PATTERN, 'must be an Ed25519 public key as `diwan policy keygen` prints it'),
      }),
    )
    .max(32),
});

export interface SignerSourceOptions {
  /** Keys built into this build (config/policy-signers.json). */
  buildSigners?: ReadonlyArray<{ name: string; publicKey: string }>;
  /** The machine-wide folder of `*.json` signer files; must be writable by administrators only. */
  signersDir: string;
  /** Owners accepted as "administrator" for the folder and files (POSIX uid). Default root only; tests pass their own uid. */
  trustedOwners?: readonly number[];
  platform?: NodeJS.Platform;
}

export const BUILD_SIGNERS: ReadonlyArray<{ name: string; publicKey: string }> = SignersFileSchema.parse(buildConfig).signers;

/**
 * Every key allowed to sign the policy: the build's own, plus those in the machine-wide folder. Throws a DiwanError
 * when the folder exists but a non-administrator could write to it, or a file in it is not a valid signer file:
 * a key store anyone can add to would let anyone sign a policy.
 */
export function loadTrustedSigners(opts: SignerSourceOptions): TrustedSigner[] {
  const signers: TrustedSigner[] = (opts.buildSigners ?? BUILD_SIGNERS).map((s) => ({ ...s, keyId: keyIdOf(s.publicKey), source: 'build' }));
  let entries: string[];
  try {
    entries = fs.readdirSync(opts.signersDir).filter((f) => f.endsWith('.json')).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return signers;
    throw new DiwanError(
      'signers_unreadable',
      `Diwan cannot read the policy signer folder ${opts.signersDir} (${(e as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'IT must make it readable by every user and writable by administrators only.',
    );
  }
  const platform = opts.platform ?? process.platform;
  if (platform !== 'win32') assertAdminOnly(opts.signersDir, opts.trustedOwners ?? [0], true);
  for (const name of entries) {
    const file = path.join(opts.signersDir, name);
    if (platform !== 'win32') assertAdminOnly(file, opts.trustedOwners ?? [0], false);
    let parsed: z.ZodSafeParseResult<z.output<typeof SignersFileSchema>>;
    try {
      parsed = SignersFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      throw new DiwanError('signers_malformed', `The policy signer file ${file} is not valid JSON. IT must replace it with the output of \`diwan policy keygen\`.`);
    }
    if (!parsed.success) {
      throw new DiwanError('signers_malformed', `The policy signer file ${file} is not valid (${describeIssues(parsed.error)}).`);
    }
    for (const s of parsed.data.signers) signers.push({ ...s, keyId: keyIdOf(s.publicKey), source: file });
  }
  return signers;
}

/**
 * POSIX: the path, and every folder above it, must be owned by an administrator and not writable by group or others.
 * A root-owned sticky folder (like /tmp) is allowed above it: nobody else can rename or replace what is inside.
 */
function assertAdminOnly(target: string, owners: readonly number[], isDir: boolean): void {
  const real = fs.realpathSync(target);
  const chain: string[] = [];
  for (let p = real; ; p = path.dirname(p)) {
    chain.push(p);
    if (path.dirname(p) === p) break;
  }
  for (const [i, p] of chain.entries()) {
    const st = fs.statSync(p);
    const own = owners.includes(st.uid) || st.uid === 0;
    const writableByOthers = (st.mode & 0o022) !== 0;
    const stickyRootDir = i > 0 && st.isDirectory() && st.uid === 0 && (st.mode & 0o1000) !== 0;
    if (i === 0 && (isDir ? !st.isDirectory() : !st.isFile())) {
      throw insecure(target, `${p} is not a ${isDir ? 'folder' : 'regular file'}`);
    }
    if (stickyRootDir) continue;
    if (!own) throw insecure(target, `${p} is owned by user id ${st.uid}, not an administrator`);
    if (writableByOthers) throw insecure(target, `${p} can be written by users other than its owner`);
  }
}

function insecure(target: string, why: string): DiwanError {
  return new DiwanError(
    'signers_insecure',
    `Diwan refuses the policy signer keys at ${target}: ${why}. Anyone who can write there could sign a policy. ` +
      'IT must make the folder and its files owned by root and not writable by group or others (chown root, chmod 755 / 644).',
  );
}
