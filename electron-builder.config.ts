import type { Configuration } from 'electron-builder';

type FuseOptionsV1 = NonNullable<Configuration['electronFuses']>;
type Env = Record<string, string | undefined>;

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

export const APP_ID = 'com.diwan.console';
/** The MSI's upgrade code never changes: it is how Windows Installer knows a new MSI replaces the old one. */
export const MSI_UPGRADE_CODE = '6f3a9f0e-5b0c-4d8e-9a57-2f4f1c8d7e31';

/** Native Node-API modules cannot be loaded from inside the asar: they are unpacked next to it (and signed there). */
export const NATIVE_MODULES = [
  '**/node_modules/better-sqlite3/**/*.node',
  '**/node_modules/@github/keytar/**/*.node',
  '**/node_modules/@node-rs/argon2*/**/*.node',
];

export type WindowsSigning = 'certificate' | 'azure-trusted-signing' | 'none';
export type MacSigning = 'developer-id' | 'none';
export type MacNotarization = 'api-key' | 'apple-id' | 'keychain-profile' | 'none';

export interface SigningPlan {
  windows: WindowsSigning;
  mac: MacSigning;
  notarize: MacNotarization;
  /** The PKG is signed with a separate "Developer ID Installer" certificate (CSC_INSTALLER_LINK). */
  macInstaller: boolean;
}

const AZURE = ['AZURE_TRUSTED_SIGNING_ENDPOINT', 'AZURE_TRUSTED_SIGNING_ACCOUNT', 'AZURE_TRUSTED_SIGNING_PROFILE'];
const NOTARY = {
  'api-key': ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  'apple-id': ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  'keychain-profile': ['APPLE_KEYCHAIN_PROFILE'],
} as const;

/**
 * How this build will be signed, decided from environment variables only (secrets never enter the config object;
 * electron-builder reads CSC_LINK, CSC_KEY_PASSWORD, the Azure and Apple credentials from the environment itself).
 * A half-configured signing method is an error, not a silent unsigned build.
 */
export function signingPlan(env: Env): SigningPlan {
  const set = (k: string) => Boolean(env[k]?.trim());
  const azure = AZURE.filter(set);
  if (azure.length > 0 && azure.length < AZURE.length) {
    throw new Error(`Azure Trusted Signing is half configured: set all of ${AZURE.join(', ')} (missing ${AZURE.filter((k) => !set(k)).join(', ')}).`);
  }
  if (azure.length && !set('DIWAN_WIN_PUBLISHER_NAME')) {
    throw new Error('Azure Trusted Signing needs DIWAN_WIN_PUBLISHER_NAME: the certificate subject, exactly (e.g. "Example Corp").');
  }
  const windows: WindowsSigning = azure.length ? 'azure-trusted-signing' : set('WIN_CSC_LINK') || set('CSC_LINK') ? 'certificate' : 'none';
  if (windows === 'certificate' && !set('WIN_CSC_KEY_PASSWORD') && !set('CSC_KEY_PASSWORD')) {
    throw new Error('A Windows certificate is set (CSC_LINK / WIN_CSC_LINK) without its password: set CSC_KEY_PASSWORD (or WIN_CSC_KEY_PASSWORD).');
  }
  const mac: MacSigning = set('CSC_LINK') || set('CSC_NAME') ? 'developer-id' : 'none';
  let notarize: MacNotarization = 'none';
  for (const [method, keys] of Object.entries(NOTARY) as Array<[Exclude<MacNotarization, 'none'>, readonly string[]]>) {
    const have = keys.filter(set);
    if (have.length === keys.length && notarize === 'none') notarize = method;
    else if (have.length > 0 && have.length < keys.length) {
      throw new Error(`Notarization is half configured: set all of ${keys.join(', ')} (missing ${keys.filter((k) => !set(k)).join(', ')}).`);
    }
  }
  if (notarize !== 'none' && mac === 'none') {
    throw new Error('Notarization credentials are set but no Developer ID certificate (CSC_LINK or CSC_NAME): Apple notarizes signed apps only.');
  }
  const macInstaller = set('CSC_INSTALLER_LINK') || set('CSC_INSTALLER_NAME');
  return { windows, mac, notarize, macInstaller };
}

export type DistPlatform = 'win' | 'mac' | 'linux';

/** What an unsigned or un-notarized build must say, loudly, before it is built. Empty when everything is signed. */
export function signingWarnings(plan: SigningPlan, platforms: readonly DistPlatform[]): string[] {
  const w: string[] = [];
  if (platforms.includes('win') && plan.windows === 'none') {
    w.push('Windows installers will be UNSIGNED: SmartScreen will warn, and electron-updater cannot check the publisher. Set CSC_LINK + CSC_KEY_PASSWORD, or the AZURE_TRUSTED_SIGNING_* settings.');
  }
  if (platforms.includes('mac') && plan.mac === 'none') {
    w.push('The macOS app will be UNSIGNED: Gatekeeper will refuse it on managed Macs. Set CSC_LINK (Developer ID Application) or CSC_NAME.');
  }
  if (platforms.includes('mac') && plan.mac !== 'none' && plan.notarize === 'none') {
    w.push('The macOS app will NOT BE NOTARIZED: Gatekeeper will block it. Set APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER (or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID).');
  }
  if (platforms.includes('mac') && plan.mac !== 'none' && !plan.macInstaller) {
    w.push('The macOS PKG will be UNSIGNED (the app inside is signed): MDM tools refuse unsigned packages. Set CSC_INSTALLER_LINK + CSC_INSTALLER_KEY_PASSWORD (Developer ID Installer).');
  }
  if (platforms.includes('linux')) {
    w.push('Linux packages carry no OS code signature: publish the signed release manifest (`diwan release sign`) and have IT check it (`diwan release verify`) before deploying.');
  }
  return w;
}

function updateFeed(env: Env): Configuration['publish'] {
  const url = env.DIWAN_UPDATE_URL?.trim();
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`DIWAN_UPDATE_URL "${url}" is not a URL.`);
  }
  if (u.protocol !== 'https:') throw new Error('DIWAN_UPDATE_URL must be an https:// address of the internal update server.');
  return { provider: 'generic', url: u.toString().replace(/\/$/, ''), channel: env.DIWAN_UPDATE_CHANNEL?.trim() || 'latest' };
}

function releaseKeys(env: Env): string[] {
  const keys = (env.DIWAN_RELEASE_PUBLIC_KEYS ?? '').split(/[\s,]+/).filter(Boolean);
  for (const k of keys) {
    if (!/^[A-Za-z0-9+/]{43}=$/.test(k)) throw new Error(`DIWAN_RELEASE_PUBLIC_KEYS: "${k.slice(0, 60)}" is not a release public key (the line \`diwan release keygen\` prints).`);
  }
  return keys;
}

/** The packaging config for this environment. `npm run dist` (scripts/dist.mjs) evaluates it from process.env. */
export function buildConfig(env: Env): Configuration {
  const plan = signingPlan(env);
  const publisherName = env.DIWAN_WIN_PUBLISHER_NAME?.trim() || undefined;
  const publish = updateFeed(env);
  const keys = releaseKeys(env);
  return {
    appId: APP_ID,
    productName: 'Diwan',
    directories: { output: 'dist', buildResources: 'build' },
    files: ['out/**/*', 'package.json', '!**/*.map'],
    asar: true,
    asarUnpack: NATIVE_MODULES,
    // Node-API binaries load in Electron as they are: no rebuild (and no network) needed.
    npmRebuild: false,
    electronFuses: fuses,
    artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
    // Read at run time from the packaged package.json (inside the integrity-checked asar): the build's defaults,
    // below anything IT configures on the machine.
    extraMetadata: {
      diwan: { ...(publish ? { updateUrl: (publish as { url: string }).url } : {}), ...(keys.length ? { releaseKeys: keys } : {}) },
    },
    publish,
    forceCodeSigning: env.DIWAN_REQUIRE_SIGNING === '1',
    win: {
      target: ['nsis', 'msi'],
      ...(plan.windows === 'azure-trusted-signing'
        ? {
            azureSignOptions: {
              publisherName: publisherName!,
              endpoint: env.AZURE_TRUSTED_SIGNING_ENDPOINT!,
              codeSigningAccountName: env.AZURE_TRUSTED_SIGNING_ACCOUNT!,
              certificateProfileName: env.AZURE_TRUSTED_SIGNING_PROFILE!,
            },
          }
        : {
            signtoolOptions: {
              signingHashAlgorithms: ['sha256'],
              rfc3161TimeStampServer: env.DIWAN_WIN_TIMESTAMP_URL?.trim() || 'http://timestamp.digicert.com',
              ...(publisherName ? { publisherName } : {}),
            },
          }),
      verifyUpdateCodeSignature: plan.windows !== 'none',
    },
    // Per-machine installs under Program Files: a standard user cannot replace the binaries.
    nsis: { oneClick: false, perMachine: true, allowElevation: true, allowToChangeInstallationDirectory: false, deleteAppDataOnUninstall: false },
    msi: { perMachine: true, oneClick: true, upgradeCode: MSI_UPGRADE_CODE, runAfterFinish: false },
    mac: {
      // zip: the update feed's format on macOS (Squirrel.Mac installs from it); dmg and pkg are for people and MDM.
      target: ['dmg', 'pkg', 'zip'],
      category: 'public.app-category.business',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // null: skip signing explicitly rather than picking whatever identity the build machine's keychain holds.
      identity: plan.mac === 'none' ? null : env.CSC_NAME?.trim() || undefined,
      notarize: plan.notarize !== 'none',
    },
    pkg: { installLocation: '/Applications', allowAnywhere: false, allowCurrentUserHome: false, isRelocatable: false, isVersionChecked: true },
    linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: env.DIWAN_MAINTAINER?.trim() || 'Diwan', synopsis: 'Secure console for customer DMs' },
    // The OS keychain (keytar) needs a Secret Service: GNOME Keyring on most desktops.
    deb: { recommends: ['gnome-keyring'] },
  };
}

export default buildConfig(process.env);
