// ESLint (flat config): typescript-eslint's recommended rules, no import cycles, and the layers of
// the README's Architecture section as import boundaries. Formatting is Prettier's (npm run lint
// runs both). Keep rules to ones the codebase satisfies: the lint stage of `npm test` must be green.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Imports a folder's files may not make (an upper layer's code); type-only imports pass where `types` is set. */
const forbid = (files, message, patterns, { types = false } = {}) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: [{ group: [...new Set(patterns)], message, allowTypeImports: types }] },
    ],
  },
});

/** Every lib folder above the pure engine and ingest. */
const SERVER_LIB = [
  '@/lib/db',
  '@/lib/db/*',
  '@/lib/queue',
  '@/lib/queue/*',
  '@/lib/auth',
  '@/lib/auth/*',
  '@/lib/permissions/*',
  '@/lib/datasets/*',
  '@/lib/runs/*',
  '@/lib/batches/*',
  '@/lib/schedules/*',
  '@/lib/series/*',
  '@/lib/health/*',
  '@/lib/demo/*',
];
/**
 * lib/api's HTTP layer. Its schemas and error types are the contract every layer may use, and
 * conditional-get (ETag bodies, no dependencies) serves lib/series' cached chart points.
 */
const API_HTTP = [
  '@/lib/api/*',
  '!@/lib/api/schemas',
  '!@/lib/api/schemas/*',
  '!@/lib/api/errors',
  '!@/lib/api/conditional-get',
];
const UI = ['@/lib/client/*', '@/components/*', '@/app/*'];
const WORKER = ['@/worker/*', '@/scripts/*'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.horizon/',
      'lib/db/generated/',
      'test-results/',
      'playwright-report/',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      // Parse TypeScript dependencies too (no-cycle follows them), resolving '@/…' by tsconfig paths.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `_name` marks a deliberately unused binding (e.g. destructuring a field away).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Plain JavaScript config files and scripts run in Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Tests and scripts may use `any` for JSON they inspect; Playwright fixtures start with `({}, use)`.
    files: ['**/*.test.ts', 'test/**', 'e2e/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
  // The layers (README, Architecture): a folder imports only from the layers below it.
  forbid(
    ['lib/forecast/**'],
    'lib/forecast is the pure engine: it imports no other lib folder (see README, Architecture).',
    [...SERVER_LIB, '@/lib/api/*', ...UI, ...WORKER, '@/lib/ingest', '@/lib/ingest/*'],
  ),
  // The CLIs read CSV files the way uploads are read and summarise a dataset like a batch.
  {
    files: ['lib/forecast/cli.ts', 'lib/forecast/cli-all.ts', 'lib/forecast/cli-all.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  forbid(['lib/ingest/**'], 'lib/ingest is pure: it imports only lib/forecast types (see README, Architecture).', [
    ...SERVER_LIB,
    '@/lib/api/*',
    ...UI,
    ...WORKER,
  ]),
  forbid(
    ['lib/api/schemas/**'],
    'The API schemas are the contract the browser loads: zod and pure engine/ingest modules only.',
    [...SERVER_LIB.filter((p) => !p.startsWith('@/lib/queue')), ...API_HTTP, ...UI, ...WORKER],
  ),
  forbid(
    ['lib/db/**', 'lib/queue/**'],
    'lib/db and lib/queue are the storage layer: they import no layer above them (see README, Architecture).',
    [
      ...SERVER_LIB.filter((p) => !p.startsWith('@/lib/db') && !p.startsWith('@/lib/queue')),
      ...API_HTTP,
      ...UI,
      ...WORKER,
    ],
  ),
  forbid(
    [
      'lib/auth/**',
      'lib/permissions/**',
      'lib/datasets/**',
      'lib/runs/**',
      'lib/batches/**',
      'lib/schedules/**',
      'lib/series/**',
      'lib/health/**',
    ],
    'Domain modules sit below lib/api (HTTP) and the UI (see README, Architecture).',
    [...API_HTTP, ...UI, ...WORKER],
  ),
  forbid(['lib/api/**'], 'lib/api sits below the UI and the worker (see README, Architecture).', [...UI, ...WORKER]),
  forbid(
    ['lib/client/**', 'components/**'],
    'The browser code reads the API through lib/client and takes its shapes from the contract (lib/api/schemas), ' +
      'never from server modules, not even as types (see README, Architecture).',
    // lib/runs/precision is pure number formatting shared by the downloads and the run page.
    [...SERVER_LIB, '!@/lib/runs/precision', ...API_HTTP, '@/app/*', ...WORKER],
  ),
);
