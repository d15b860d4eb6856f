import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalText,
  compareVersions,
  generateReleaseKey,
  keyIdOf,
  signRelease,
  verifyRelease,
  type ReleaseManifest,
} from '../../main/core/update';
import { tmpDir } from '../helpers/tmp';

const key = generateReleaseKey();
const otherKey = generateReleaseKey();

async function release(version = '1.2.0', content = 'installer bytes '.repeat(1000)) {
  const dir = tmpDir();
  const file = path.join(dir, `Diwan-${version}-win-x64.exe`);
  fs.writeFileSync(file, content);
  const yml = path.join(dir, 'latest.yml');
  fs.writeFileSync(yml, `version: ${version}\n`);
  const manifest = await signRelease({ privateKeyPem: key.privateKeyPem, version, files: [file, yml] });
  return { dir, file, manifest };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('release manifests', () => {
  it('signs every artifact by name, size and SHA-512 under the signing key id', async () => {
    const { manifest, file } = await release();
    expect(manifest).toMatchObject({ format: 'diwan-release/1', product: 'Diwan', version: '1.2.0', keyId: keyIdOf(key.publicKey) });
    expect(manifest.artifacts.map((a) => a.file).sort()).toEqual([path.basename(file), 'latest.yml']);
    expect(manifest.artifacts.find((a) => a.file === path.basename(file))!.size).toBe(fs.statSync(file).size);
  });

  it('signs a canonical text independent of artifact order', async () => {
    const { manifest } = await release();
    const reversed = { ...manifest, artifacts: [...manifest.artifacts].reverse() };
    expect(canonicalText(reversed)).toBe(canonicalText(manifest));
    expect(canonicalText(manifest)).toMatch(/^diwan-release\/1\nproduct\tDiwan\nversion\t1\.2\.0\nkey\t[0-9a-f]{16}\nartifact\t/);
  });

  it('accepts a newer, untouched, correctly signed release', async () => {
    const { manifest, file } = await release();
    const ok = await verifyRelease({ manifest: JSON.stringify(manifest), trustedKeys: [key.publicKey], runningVersion: '1.1.9', file, offeredVersion: '1.2.0' });
    expect(ok).toMatchObject({ version: '1.2.0', keyId: keyIdOf(key.publicKey), artifact: { file: path.basename(file) } });
  });

  it('accepts when the signing key is one of several trusted keys (key rotation)', async () => {
    const { manifest, file } = await release();
    await expect(verifyRelease({ manifest, trustedKeys: [otherKey.publicKey, key.publicKey], runningVersion: '1.0.0', file })).resolves.toBeTruthy();
  });
});

describe('the update check refuses', () => {
  it('a tampered artifact', async () => {
    const { manifest, file } = await release();
    const bytes = fs.readFileSync(file);
    bytes[100] = bytes[100]! ^ 1;
    fs.writeFileSync(file, bytes);
    const e = await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file }));
    expect(e.code).toBe('update_artifact_mismatch');
    expect(e.message).toMatch(/SHA-512 differs.*nothing was installed/);
  });

  it('a truncated artifact', async () => {
    const { manifest, file } = await release();
    fs.truncateSync(file, 10);
    expect((await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file }))).message).toMatch(/size differs/);
  });

  it('a release signed with a key this machine does not trust', async () => {
    const { manifest, file } = await release();
    const e = await refusal(verifyRelease({ manifest, trustedKeys: [otherKey.publicKey], runningVersion: '1.0.0', file }));
    expect(e.code).toBe('update_untrusted_key');
    expect(e.message).toContain(keyIdOf(key.publicKey));
  });

  it('a manifest altered after signing (hash swapped to match a tampered file)', async () => {
    const { manifest, file } = await release();
    fs.appendFileSync(file, 'evil');
    const forged: ReleaseManifest = {
      ...manifest,
      artifacts: manifest.artifacts.map((a) => (a.file === path.basename(file) ? { ...a, size: fs.statSync(file).size } : a)),
    };
    const e = await refusal(verifyRelease({ manifest: forged, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file }));
    expect(e.code).toBe('update_bad_signature');
  });

  it('a signature made by another key but labelled with the trusted key id', async () => {
    const { manifest, file } = await release();
    const byOther = await signRelease({ privateKeyPem: otherKey.privateKeyPem, version: '1.2.0', files: [file] });
    const forged = { ...manifest, signature: byOther.signature };
    expect((await refusal(verifyRelease({ manifest: forged, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file }))).code).toBe('update_bad_signature');
  });

  it('a downgraded version, even correctly signed', async () => {
    const { manifest, file } = await release('1.2.0');
    const e = await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.10.0', file }));
    expect(e.code).toBe('update_downgrade');
    expect(e.message).toMatch(/1\.2\.0, older than the running 1\.10\.0/);
  });

  it('the version already running', async () => {
    const { manifest, file } = await release('1.2.0');
    expect((await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.2.0', file }))).code).toBe('update_same_version');
  });

  it('a manifest for another version than the feed offers', async () => {
    const { manifest, file } = await release('1.2.0');
    const e = await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file, offeredVersion: '1.3.0' }));
    expect(e.code).toBe('update_version_mismatch');
  });

  it('a file the manifest does not list', async () => {
    const { manifest, dir } = await release();
    const stray = path.join(dir, 'other.exe');
    fs.writeFileSync(stray, 'x');
    expect((await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file: stray }))).code).toBe('update_artifact_unlisted');
  });

  it('when no release key is trusted at all', async () => {
    const { manifest, file } = await release();
    expect((await refusal(verifyRelease({ manifest, trustedKeys: [], runningVersion: '1.0.0', file }))).message).toMatch(/No release key is trusted.*ReleaseKeys/);
  });

  it.each([
    ['not JSON', '{"format":'],
    ['an empty object', '{}'],
    ['a path in a file name', 'PATH'],
    ['a newline in a file name', 'NEWLINE'],
    ['a missing signature', 'NOSIG'],
    ['an extra field', 'EXTRA'],
    ['a bad version', 'BADVERSION'],
    ['a huge document', 'HUGE'],
  ])('a malformed manifest: %s', async (_name, kind) => {
    const { manifest, file } = await release();
    const variants: Record<string, unknown> = {
      PATH: { ...manifest, artifacts: [{ ...manifest.artifacts[0]!, file: '../../evil.exe' }] },
      NEWLINE: { ...manifest, artifacts: [{ ...manifest.artifacts[0]!, file: 'a.exe\nartifact\tb.exe' }] },
      NOSIG: { ...manifest, signature: undefined },
      EXTRA: { ...manifest, installScript: 'rm -rf /' },
      BADVERSION: { ...manifest, version: 'latest' },
      HUGE: 'x'.repeat(100_000),
    };
    const input = kind in variants ? variants[kind] : kind;
    const e = await refusal(verifyRelease({ manifest: input, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file }));
    expect(e.code).toBe('update_manifest_malformed');
    expect(e.message).toMatch(/^The release manifest is malformed \(.+\); nothing was installed\.$/);
  });

  it('a manifest for another product', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'a.exe');
    fs.writeFileSync(file, 'a');
    const manifest = await signRelease({ privateKeyPem: key.privateKeyPem, version: '2.0.0', files: [file], product: 'Other' });
    expect((await refusal(verifyRelease({ manifest, trustedKeys: [key.publicKey], runningVersion: '1.0.0', file }))).code).toBe('update_wrong_product');
  });
});

describe('version order', () => {
  it('follows semver precedence', () => {
    const ordered = ['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.2.0', '1.10.0', '2.0.0'];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
  });

  it('is antisymmetric', () => {
    const v = fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20), fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.2', '1'))).map(
      ([a, b, c, p]) => `${a}.${b}.${c}${p ? '-' + p : ''}`,
    );
    fc.assert(fc.property(v, v, (a, b) => compareVersions(a, b) === -compareVersions(b, a)));
  });
});
