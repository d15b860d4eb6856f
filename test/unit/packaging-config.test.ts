import { describe, expect, it } from 'vitest';
import config, { fuses } from '../../electron-builder.config';

describe('packaging config', () => {
  it('writes out every Electron fuse with its hardened value', () => {
    expect(config.electronFuses).toBe(fuses);
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

  it('packs only the build output, in an asar, never the test bridge', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*']));
    expect(JSON.stringify(config.files)).not.toMatch(/test|bridge/);
  });
});
