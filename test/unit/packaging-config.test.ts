import { spawnSync } from 'node:child_process';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import config, { buildConfig, fuses, NATIVE_MODULES, signingPlan, signingWarnings } from '../../electron-builder.config';
import { generateReleaseKey } from '../../main/core/update';

const CERT = { CSC_LINK: 'base64-pfx-secret-value', CSC_KEY_PASSWORD: 'pfx-password-secret' };
const AZURE = {
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'corp-signing',
  AZURE_TRUSTED_SIGNING_PROFILE: 'diwan-public',
  DIWAN_WIN_PUBLISHER_NAME: 'Example Corp',
};
const APPLE_API = { APPLE_API_KEY: '/secrets/AuthKey.p8', APPLE_API_KEY_ID: 'ABC123', APPLE_API_ISSUER: 'issuer-uuid' };

describe('packaging config', () => {
  it('writes out every Electron fuse with its hardened value', () => {
    expect(config.electronFuses).toBe(fuses);
    expect(buildConfig({}).electronFuses).toBe(fuses);
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: false,
    });
  });

  it('packs only the build output, in an asar, never the test bridge; native modules unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*']));
    expect(JSON.stringify(config.files)).not.toMatch(/test|bridge/);
    expect(config.asarUnpack).toEqual(NATIVE_MODULES);
    expect(NATIVE_MODULES.join()).toMatch(/better-sqlite3.*keytar.*argon2/);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds the targets IT deploys: NSIS and MSI, DMG and PKG, AppImage and deb', () => {
    const c = buildConfig({});
    expect(c.win?.target).toEqual(['nsis', 'msi']);
    expect(c.mac?.target).toEqual(expect.arrayContaining(['dmg', 'pkg']));
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.nsis?.perMachine).toBe(true);
    expect(c.msi?.perMachine).toBe(true);
    expect(c.msi?.upgradeCode).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes electron-builder\'s own schema, signed and unsigned', async () => {
    const log = new DebugLogger(false);
    await validateConfiguration(buildConfig({}), log);
    await validateConfiguration(buildConfig({ ...AZURE, CSC_NAME: 'Developer ID Application: Example Corp (TEAM123)', ...APPLE_API, DIWAN_UPDATE_URL: 'https://updates.corp.example/diwan' }), log);
  });
});

describe('code signing from the environment', () => {
  it('an unsigned local build is explicit: no macOS identity picked from the keychain, no notarization', () => {
    expect(signingPlan({})).toEqual({ windows: 'none', mac: 'none', notarize: 'none', macInstaller: false });
    const c = buildConfig({});
    expect(c.mac?.identity).toBeNull();
    expect(c.mac?.notarize).toBe(false);
    expect(c.win?.verifyUpdateCodeSignature).toBe(false);
    expect(c.forceCodeSigning).toBe(false);
  });

  it('macOS: hardened runtime and minimal entitlements always; notarization when Apple credentials are present', () => {
    const c = buildConfig({ ...CERT, ...APPLE_API });
    expect(signingPlan({ ...CERT, ...APPLE_API })).toMatchObject({ mac: 'developer-id', notarize: 'api-key' });
    expect(c.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', notarize: true, identity: undefined });
    expect(signingPlan({ CSC_NAME: 'Developer ID Application: X', APPLE_ID: 'a@b', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' }).notarize).toBe('apple-id');
    expect(buildConfig({ CSC_NAME: 'Developer ID Application: X' }).mac?.identity).toBe('Developer ID Application: X');
  });

  it('the entitlements grant only JIT', async () => {
    const fs = await import('node:fs');
    const plist = fs.readFileSync('build/entitlements.mac.plist', 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('Windows: a certificate from CSC_LINK, SHA-256 and a timestamp; or Azure Trusted Signing', () => {
    expect(signingPlan(CERT).windows).toBe('certificate');
    const cert = buildConfig({ ...CERT, DIWAN_WIN_PUBLISHER_NAME: 'Example Corp' });
    expect(cert.win?.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^http/), publisherName: 'Example Corp' });
    expect(cert.win?.verifyUpdateCodeSignature).toBe(true);
    const azure = buildConfig(AZURE);
    expect(signingPlan(AZURE).windows).toBe('azure-trusted-signing');
    expect(azure.win?.azureSignOptions).toEqual({
      publisherName: 'Example Corp',
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'corp-signing',
      certificateProfileName: 'diwan-public',
    });
    expect(azure.win?.signtoolOptions).toBeUndefined();
  });

  it('never copies a secret into the config', () => {
    const text = JSON.stringify(buildConfig({ ...CERT, ...APPLE_API, APPLE_ID: 'a@b', APPLE_APP_SPECIFIC_PASSWORD: 'app-specific-secret', APPLE_TEAM_ID: 'T', AZURE_CLIENT_SECRET: 'azure-secret-value' }));
    for (const secret of ['base64-pfx-secret-value', 'pfx-password-secret', '/secrets/AuthKey.p8', 'app-specific-secret', 'azure-secret-value']) expect(text).not.toContain(secret);
  });

  it.each([
    [{ AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://x' }, /half configured.*missing AZURE_TRUSTED_SIGNING_ACCOUNT/],
    [{ ...AZURE, DIWAN_WIN_PUBLISHER_NAME: '' }, /needs DIWAN_WIN_PUBLISHER_NAME/],
    [{ CSC_LINK: 'x' }, /without its password/],
    [{ ...CERT, APPLE_ID: 'a@b' }, /Notarization is half configured.*APPLE_APP_SPECIFIC_PASSWORD/],
    [{ ...APPLE_API }, /no Developer ID certificate/],
    [{ DIWAN_UPDATE_URL: 'http://updates.corp' }, /must be an https/],
    [{ DIWAN_RELEASE_PUBLIC_KEYS: 'nope' }, /not a release public key/],
  ])('refuses a half-configured environment %#', (env, message) => {
    expect(() => buildConfig(env)).toThrow(message);
  });

  it('says loudly what an unsigned build lacks, per platform, and nothing when fully signed', () => {
    const none = signingWarnings(signingPlan({}), ['win', 'mac']);
    expect(none).toHaveLength(2);
    expect(none[0]).toMatch(/Windows installers will be UNSIGNED.*CSC_LINK/);
    expect(none[1]).toMatch(/macOS app will be UNSIGNED/);
    const installer = { CSC_INSTALLER_LINK: 'installer-p12', CSC_INSTALLER_KEY_PASSWORD: 'pw' };
    expect(signingWarnings(signingPlan({ ...CERT, ...installer }), ['mac'])).toEqual([expect.stringMatching(/NOT BE NOTARIZED/)]);
    expect(signingWarnings(signingPlan({ ...CERT, ...APPLE_API }), ['mac'])).toEqual([expect.stringMatching(/PKG will be UNSIGNED.*CSC_INSTALLER_LINK/)]);
    expect(signingWarnings(signingPlan({ ...CERT, ...APPLE_API, ...installer }), ['win', 'mac'])).toEqual([]);
    expect(signingWarnings(signingPlan({}), ['linux'])).toEqual([expect.stringMatching(/diwan release sign/)]);
  });

  it('npm run dist refuses to build unsigned when DIWAN_REQUIRE_SIGNING=1, before fetching anything', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DIWAN_REQUIRE_SIGNING: '1' };
    const r = spawnSync(process.execPath, ['scripts/dist.mjs', '--win', '--mac'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/!! UNSIGNED BUILD: do not deploy/);
    expect(r.stderr).toMatch(/Windows installers will be UNSIGNED/);
    expect(r.stderr).toMatch(/DIWAN_REQUIRE_SIGNING=1 and the build would not be fully signed; nothing was built/);
    const half = spawnSync(process.execPath, ['scripts/dist.mjs', '--win'], { env: { ...env, CSC_LINK: 'x' }, encoding: 'utf8', timeout: 60_000 });
    expect(half.status).toBe(1);
    expect(half.stderr).toMatch(/^dist: A Windows certificate is set/);
  });
});

describe('update feed and release keys in the build', () => {
  it('points electron-updater\'s generic provider at the internal server and embeds the trusted release keys', () => {
    const key = generateReleaseKey().publicKey;
    const c = buildConfig({ DIWAN_UPDATE_URL: 'https://updates.corp.example/diwan/', DIWAN_RELEASE_PUBLIC_KEYS: key });
    expect(c.publish).toEqual({ provider: 'generic', url: 'https://updates.corp.example/diwan', channel: 'latest' });
    expect(c.extraMetadata).toEqual({ diwan: { updateUrl: 'https://updates.corp.example/diwan', releaseKeys: [key] } });
    expect(buildConfig({}).publish).toBeNull();
  });
});
