#!/usr/bin/env node
// `npm run dist [-- --win|--mac|--linux]`: packages the built app (`out/`) with electron-builder and the typed config
// in electron-builder.config.ts. Needs the internet the first time (electron-builder downloads Electron and its
// packaging tools). Signing comes from environment variables (docs/IT-GUIDE.md, "Packaging and signing"); an
// unsigned build says so loudly, and DIWAN_REQUIRE_SIGNING=1 refuses to make one.
import { register } from 'tsx/esm/api';

register();
let packaging;
try {
  packaging = await import('../electron-builder.config.ts');
} catch (e) {
  console.error(`dist: ${e.message}`);
  process.exit(1);
}
const { buildConfig, signingPlan, signingWarnings } = packaging;

const flags = { '--win': 'win', '--mac': 'mac', '--linux': 'linux' };
const current = { win32: 'win', darwin: 'mac' }[process.platform] ?? 'linux';
const requested = process.argv.slice(2).filter((a) => a in flags).map((a) => flags[a]);
const platforms = requested.length ? requested : [current];

let plan;
let config;
try {
  plan = signingPlan(process.env);
  config = buildConfig(process.env);
} catch (e) {
  console.error(`dist: ${e.message}`);
  process.exit(1);
}

const warnings = signingWarnings(plan, platforms);
const unsigned = warnings.filter((w) => /UNSIGNED|NOT BE NOTARIZED/.test(w));
console.log(`Signing: Windows ${plan.windows}, macOS ${plan.mac} (notarization: ${plan.notarize})`);
if (warnings.length) {
  const width = Math.min(100, Math.max(...warnings.map((w) => w.length)) + 4);
  const bar = '!'.repeat(width);
  console.warn(`\n${bar}\n!! ${unsigned.length ? 'UNSIGNED BUILD: do not deploy these packages to managed machines' : 'NOTE'}\n${bar}`);
  for (const w of warnings) console.warn(`!! ${w}`);
  console.warn(`${bar}\n`);
}
if (unsigned.length && process.env.DIWAN_REQUIRE_SIGNING === '1') {
  console.error('dist: DIWAN_REQUIRE_SIGNING=1 and the build would not be fully signed; nothing was built.');
  process.exit(1);
}

const { build, Platform } = await import('electron-builder');
const targets = platforms.map((p) => ({ win: Platform.WINDOWS, mac: Platform.MAC, linux: Platform.LINUX })[p].createTarget());
const merged = new Map();
for (const t of targets) for (const [k, v] of t) merged.set(k, v);
const files = await build({ targets: merged, config, publish: 'never' });
console.log(`\nBuilt:\n${files.map((f) => `  ${f}`).join('\n')}`);
console.log('\nNext: sign the release for the update feed with `diwan release sign --key release.key --version <version> <artifacts>`.');
