// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layering, enforced: dependencies point inward (renderer → bridge → ipc → core; electron → core).
 * test/unit/lint-layering.test.ts proves each rule fires on a violating file.
 */
const ELECTRON = { name: 'electron', message: 'Only main/electron (and the preload) may import electron.' };
const ELECTRON_DIRS = { group: ['**/electron/*', '**/main/electron/**'], message: 'Only main/index.ts may reach main/electron.' };
const OUTER_LAYERS = {
  group: ['**/ipc/*', '**/main/ipc/**', '**/hub', '**/hub/*', '**/main/hub/**', '**/custodian/*', '**/main/custodian/**', '**/cli/*', '**/main/cli/**', '**/renderer/**', '**/preload/**'],
  message: 'main/core is the innermost layer: it must not import ipc, hub, custodian, cli, preload or the renderer.',
};
const HUB_OUTER = {
  group: ['**/ipc/*', '**/main/ipc/**', '**/cli/*', '**/main/cli/**', '**/renderer/**', '**/preload/**'],
  message: 'The hub is a headless service over the core: no ipc, cli, renderer or preload code.',
};
const CUSTODIAN_OUTER = {
  group: ['**/ipc/*', '**/main/ipc/**', '**/cli/*', '**/main/cli/**', '**/hub/*', '**/main/hub/**', '!**/hub/http', '!**/hub/office-ranges', '!**/hub/secrets', '**/renderer/**', '**/preload/**'],
  message: 'The custodian is a small service of its own over the core: no hub (beyond its HTTP, office-range and secret-store helpers), ipc, cli, renderer or preload code.',
};
const NOT_CORE_OR_ELECTRON_FROM_EDGE = {
  group: ['**/renderer/**', '**/preload/**'],
  message: 'The CLI and the IPC layer run headless: no renderer or preload code.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'bench/**/.peers/**', 'test/fixtures/lint/**', '*.config.ts.*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.name="eval"]', message: 'No eval.' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [ELECTRON, { name: 'react', message: 'No UI code in the core.' }], patterns: [ELECTRON_DIRS, OUTER_LAYERS] },
      ],
    },
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [ELECTRON_DIRS, NOT_CORE_OR_ELECTRON_FROM_EDGE] }],
    },
  },
  {
    files: ['main/hub/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [ELECTRON_DIRS, HUB_OUTER] }],
    },
  },
  {
    files: ['main/custodian/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [ELECTRON_DIRS, CUSTODIAN_OUTER] }],
    },
  },
  {
    files: ['main/ipc/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [ELECTRON_DIRS, NOT_CORE_OR_ELECTRON_FROM_EDGE] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer is untrusted: it reaches main only through the Bridge.' }],
          patterns: [
            {
              // The shared vocabulary (roles, kinds, statuses, error codes) and the text-folding rule are pure modules
              // that import nothing of the main process.
              group: ['**/main/ipc/**', '!**/main/ipc/vocabulary', '!**/main/ipc/text-fold'],
              allowTypeImports: true,
              message: 'The renderer may import the IPC contract for its types only (import type); values only from main/ipc/vocabulary and main/ipc/text-fold.',
            },
            {
              group: ['**/main/*', '!**/main/ipc', '**/main/core/**', '**/main/electron/**', '**/main/cli/**', '**/main/hub/**', '**/preload/**', 'node:*'],
              message: 'The renderer never imports main-process code or Node modules.',
            },
          ],
        },
      ],
    },
  },
);
