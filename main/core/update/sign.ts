import crypto from 'node:crypto';
import path from 'node:path';
import { APP_NAME } from '../app/version';
import { DiwanError } from '../shared/errors';
import { digestFile } from './hash';
import { keyIdOf, parsePrivateKey, publicKeyOf } from './keys';
import { canonicalText, MANIFEST_FORMAT, parseManifest, type ReleaseManifest, type UnsignedManifest } from './manifest';
import { parseVersion } from './version';

export interface SignReleaseInput {
  privateKeyPem: string;
  version: string;
  /** Paths of the artifacts (installers, the macOS zip, latest*.yml…); the manifest names them by file name. */
  files: string[];
  product?: string;
}

/** Hashes each artifact and signs the manifest (`diwan release sign`). */
export async function signRelease(input: SignReleaseInput): Promise<ReleaseManifest> {
  parseVersion(input.version);
  if (input.files.length === 0) throw new DiwanError('no_artifacts', 'Name at least one artifact to sign.');
  const key = parsePrivateKey(input.privateKeyPem);
  const artifacts = [];
  for (const file of input.files) artifacts.push({ file: path.basename(file), ...(await digestFile(file)) });
  const unsigned: UnsignedManifest = {
    format: MANIFEST_FORMAT,
    product: input.product ?? APP_NAME,
    version: input.version.replace(/^v/, ''),
    artifacts,
    keyId: keyIdOf(publicKeyOf(key)),
  };
  const signature = crypto.sign(null, Buffer.from(canonicalText(unsigned), 'utf8'), key).toString('base64');
  return parseManifest({ ...unsigned, signature });
}

/** The manifest's file name on the feed, next to latest.yml: the updater fetches it for the version on offer. */
export function manifestFileName(version: string): string {
  return `diwan-release-${version}.json`;
}
