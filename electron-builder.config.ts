import type { Configuration } from 'electron-builder';

type FuseOptionsV1 = NonNullable<Configuration['electronFuses']>;

/**
 * Every Electron fuse, written out. `Required<>` makes the compiler refuse a config that leaves one to its default,
 * and test/unit/packaging-config.test.ts checks each value.
 */
export const fuses: Required<Omit<FuseOptionsV1, 'resetAdHocDarwinSignature'>> & Pick<FuseOptionsV1, 'resetAdHocDarwinSignature'> = {
  runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node runtime
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust
  enableNodeCliInspectArguments: false, // --inspect / SIGUSR1 would open a debugger into the main process
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true, // with integrity validation: no unvalidated code can load
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false, // we serve from app://, never file://
  resetAdHocDarwinSignature: false,
};

const config: Configuration = {
  appId: 'com.diwan.console',
  productName: 'Diwan',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/**/*', 'package.json', '!**/*.map'],
  asar: true,
  electronFuses: fuses,
};

export default config;
