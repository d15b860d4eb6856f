import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The helpers' clean-up after each test and each file (test/helpers/cleanup.ts).
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state, not a speed: its 1 s default failed a console's verdict on a loaded machine
    // (team-console, 2026-12-06, 8 processes on 2 cores). A poll that succeeds returns at once, so this costs nothing.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
    projects: [
      // Unit files share their workers and modules (`isolate: false`): their time is almost all import, and each
      // file leaves nothing behind that the next could trip on (clean-up is per file, test/helpers/cleanup.ts).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // The rest hold servers, processes and ports per file: a fresh worker each.
      { extends: true, test: { name: 'isolated', include: ['test/**/*.test.ts'], exclude: ['test/unit/**', '**/node_modules/**'] } },
    ],
  },
});
