import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/electron/content';

// frame-ancestors only works as a header (which app:// sends); browsers warn about it in a <meta>.
const META_CSP = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** Adds the CSP as a <meta> to the built page too (the app:// protocol also sends it as a header). Not in dev: HMR needs inline scripts. */
function cspMeta(): Plugin {
  return {
    name: 'diwan-csp-meta',
    apply: 'build',
    transformIndexHtml: (html: string) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The ingest preparation worker is its own entry: `ParallelPreparer` starts it as out/main/prepare-worker.js.
      rollupOptions: { input: { index: 'main/index.ts', 'prepare-worker': 'main/core/app/prepare-worker.ts' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle every other dependency into it.
      externalizeDeps: false,
      // Sandboxed preloads must be CommonJS.
      rollupOptions: { input: { index: 'preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
