// `npm run dev:web`: the console in any browser on this machine, against the real core on a throwaway data directory.
import '../../main/core/shared/regexp-engine';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedModeFromEnv } from '../../main/core/app';
import { startBridge } from './server';

const rendererDir = path.resolve('out/renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run `npm run build` first (npm run dev:web does it for you).');
  process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-preview-'));
const bridge = await startBridge({ dataDir, rendererDir, keychainService: 'Diwan-preview', channels: true, embedded: embeddedModeFromEnv(process.env.DIWAN_EMBEDDED), log: (l) => console.log(l) });
console.log(`Diwan preview (127.0.0.1 only, throwaway data in ${dataDir})`);
console.log(`Open: ${bridge.url}`);
const stop = async () => {
  await bridge.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
