import { z } from 'zod';
import { DiwanError } from '../shared/errors';
import { isVersion } from './version';

/**
 * The release manifest IT publishes next to the installers on the update feed: which files make up a version, and a
 * detached Ed25519 signature over all of it. It is checked before anything is installed, on top of OS code signing.
 */
export const MANIFEST_FORMAT = 'diwan-release/1';
export const MAX_MANIFEST_BYTES = 64 * 1024;

/** `Diwan-1.4.0-win-x64.exe`: no path, no control characters, nothing that could change the canonical text's lines. */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[/\\]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'a bare file name')
  .refine((n) => n !== '.' && n !== '..', 'a bare file name');

export const ArtifactSchema = z.object({
  file: FileName,
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 SHA-512'),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const ManifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    product: z.string().min(1).max(64),
    version: z.string().max(64).refine(isVersion, 'a version like 1.4.2'),
    artifacts: z.array(ArtifactSchema).min(1).max(32),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 Ed25519 signature'),
  })
  .strict()
  .refine((m) => new Set(m.artifacts.map((a) => a.file)).size === m.artifacts.length, 'each artifact listed once');

export type Artifact = z.infer<typeof ArtifactSchema>;
export type ReleaseManifest = z.infer<typeof ManifestSchema>;
export type UnsignedManifest = Omit<ReleaseManifest, 'signature'>;

/**
 * The exact bytes that are signed: the format, product, version, key id and every artifact's name, size and hash,
 * one per line, artifacts sorted by name. JSON key order or whitespace can never change what a signature means.
 */
export function canonicalText(m: UnsignedManifest): string {
  const artifacts = [...m.artifacts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return [
    m.format,
    `product\t${m.product}`,
    `version\t${m.version}`,
    `key\t${m.keyId}`,
    ...artifacts.map((a) => `artifact\t${a.file}\t${a.size}\t${a.sha512}`),
    '',
  ].join('\n');
}

/** Parses manifest bytes (or an already-parsed object) into a manifest, or says what is wrong with it. */
export function parseManifest(input: Uint8Array | string | unknown): ReleaseManifest {
  let value: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    if (text.length > MAX_MANIFEST_BYTES) throw malformed('it is larger than a release manifest can be');
    try {
      value = JSON.parse(text);
    } catch {
      throw malformed('it is not JSON');
    }
  }
  const r = ManifestSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the manifest';
    throw malformed(`${where}: ${issue.message}`);
  }
  return r.data;
}

function malformed(why: string): DiwanError {
  return new DiwanError('update_manifest_malformed', `The release manifest is malformed (${why}); nothing was installed.`);
}
