import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'tls',
  'dns',
  'http',
  'https',
  'url',
  'util',
  'stream',
];

const keytarOnlyInSecrets = { name: 'keytar', message: 'keytar is used only behind the SecretStore in electron/services/secrets.' };
const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron; this code runs under plain Node too.',
};
const servicesKnowNoIpc = {
  group: ['**/shared/ipc/**'],
  message: 'Services know nothing about IPC: import the domain schema from shared/<capability>/.',
};

/** Import boundaries from architecture.md, enforced rather than remembered. */
const boundaries = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node modules.' },
            { group: ['electron', 'electron/*'], message: 'shared/ may not import electron.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not import from electron/ or renderer/.' },
            { group: ['keytar', 'better-sqlite3'], message: 'shared/ may not import native modules.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', 'electron/*'],
              message: 'renderer/ never imports from electron/; it calls window.api.',
            },
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            { group: ['keytar', 'better-sqlite3'], message: 'Native modules live in the main process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts'],
    ignores: ['electron/services/secrets/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarOnlyInSecrets] }] },
  },
  {
    // The composition root, the services and the CLI run under plain Node: only electron/main and the preload are Electron.
    files: ['electron/app/**/*.ts', 'electron/cli/**/*.ts', 'electron/cli/**/*.mjs'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarOnlyInSecrets, noElectron] }] },
  },
  {
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/secrets/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [keytarOnlyInSecrets, noElectron], patterns: [servicesKnowNoIpc] }] },
  },
  {
    files: ['electron/services/secrets/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [servicesKnowNoIpc] }] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The sandboxed preload may require nothing but electron.' },
            { group: ['**/services/**', 'keytar', 'better-sqlite3'], message: 'The preload only forwards IPC calls.' },
          ],
        },
      ],
    },
  },
];

export default ts.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  ...boundaries,
);
