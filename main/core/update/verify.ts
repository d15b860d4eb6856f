import crypto from 'node:crypto';
import path from 'node:path';
import { APP_NAME } from '../app/version';
import { DiwanError } from '../shared/errors';
import { digestFile } from './hash';
import { keyIdOf, parsePublicKey } from './keys';
import { canonicalText, parseManifest, type Artifact, type ReleaseManifest } from './manifest';
import { compareVersions } from './version';

/**
 * Checks a release manifest's signature against the trusted release keys and returns the parsed manifest.
 * Refuses: malformed, another product, no trusted key configured, a key that is not trusted, a signature that
 * does not match (the manifest was altered).
 */
export function verifyManifestSignature(input: unknown, trustedKeys: readonly string[], product = APP_NAME): ReleaseManifest {
  const m = parseManifest(input);
  if (m.product !== product) {
    throw new DiwanError('update_wrong_product', `The release manifest is for "${m.product.slice(0, 64)}", not ${product}; nothing was installed.`);
  }
  if (trustedKeys.length === 0) {
    throw new DiwanError('update_no_trusted_key', 'No release key is trusted on this machine, so no update can be verified: IT sets ReleaseKeys in the managed configuration.');
  }
  const key = trustedKeys.find((k) => keyIdOf(k) === m.keyId);
  if (!key) {
    throw new DiwanError('update_untrusted_key', `The release is signed by key ${m.keyId}, which is not one of this machine's trusted release keys; nothing was installed.`, { keyId: m.keyId });
  }
  const { signature, ...unsigned } = m;
  const ok = crypto.verify(null, Buffer.from(canonicalText(unsigned), 'utf8'), parsePublicKey(key), Buffer.from(signature, 'base64'));
  if (!ok) {
    throw new DiwanError('update_bad_signature', `The release manifest's signature does not match its contents (key ${m.keyId}): it was altered after signing; nothing was installed.`, { keyId: m.keyId });
  }
  return m;
}

/** Only a strictly newer version may be installed: a downgrade or a reinstall of the same version is refused. */
export function assertNewer(offered: string, running: string): void {
  const c = compareVersions(offered, running);
  if (c < 0) {
    throw new DiwanError('update_downgrade', `The release is version ${offered}, older than the running ${running}: downgrades are refused.`, { offered, running });
  }
  if (c === 0) {
    throw new DiwanError('update_same_version', `The release is version ${offered}, the version already running: nothing to install.`, { offered, running });
  }
}

/** The downloaded file must be listed in the manifest with exactly this size and SHA-512. */
export async function assertArtifact(m: ReleaseManifest, file: string, name = path.basename(file)): Promise<Artifact> {
  const listed = m.artifacts.find((a) => a.file === name);
  if (!listed) {
    throw new DiwanError('update_artifact_unlisted', `${name} is not one of the files the release manifest for ${m.version} signs; nothing was installed.`);
  }
  const actual = await digestFile(file);
  if (actual.size !== listed.size || actual.sha512 !== listed.sha512) {
    throw new DiwanError('update_artifact_mismatch', `${name} does not match the signed release manifest (its ${actual.size !== listed.size ? 'size' : 'SHA-512'} differs): it was altered or damaged; nothing was installed.`);
  }
  return listed;
}

export interface VerifyReleaseInput {
  manifest: unknown;
  trustedKeys: readonly string[];
  runningVersion: string;
  /** The downloaded installer. */
  file: string;
  /** Its name on the feed, when the download was saved under another name. */
  fileName?: string;
  /** The version the feed (latest.yml) offered: it must be the one the manifest signs. */
  offeredVersion?: string;
}

export interface VerifiedRelease {
  version: string;
  keyId: string;
  artifact: Artifact;
}

/** Everything that must hold before an update is installed. Throws a DiwanError naming the first thing that does not. */
export async function verifyRelease(input: VerifyReleaseInput): Promise<VerifiedRelease> {
  const m = verifyManifestSignature(input.manifest, input.trustedKeys);
  if (input.offeredVersion !== undefined && compareVersions(input.offeredVersion, m.version) !== 0) {
    throw new DiwanError('update_version_mismatch', `The feed offers version ${input.offeredVersion.slice(0, 64)} but the signed manifest is for ${m.version}; nothing was installed.`);
  }
  assertNewer(m.version, input.runningVersion);
  const artifact = await assertArtifact(m, input.file, input.fileName);
  return { version: m.version, keyId: m.keyId, artifact };
}
