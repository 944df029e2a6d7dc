// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * The isomorphic packages run unchanged in a browser (DESIGN.md, "Packages"), so
 * they may not reach for Node or for server drivers. Enforced here and by the
 * esbuild browser-bundle test in test/unit/isomorphic.test.ts.
 */
export const isomorphicPackages = ['errors', 'api', 'feel', 'model', 'core', 'runtime', 'memory', 'proxy'];

const serverDrivers = ['ioredis', 'bullmq', 'nats', 'faye', 'pg', 'fastify', 'pino'];
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const isomorphicImports = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'Isomorphic package: no Node built-ins (DESIGN.md).' })),
    ...serverDrivers.map((name) => ({ name, message: `Isomorphic package: ${name} is Node-only; use a port.` })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Isomorphic package: no Node built-ins (DESIGN.md).' },
    { group: [...serverDrivers.map((d) => `${d}/*`)], message: 'Isomorphic package: server drivers are Node-only.' },
    { group: ['@baton/*/src', '@baton/*/src/*'], message: 'Import a package by its name, not its src.' },
  ],
};

const nodeGlobals = ['process', 'Buffer', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'require', 'global'].map(
  (name) => ({ name, message: `Isomorphic package: \`${name}\` is a Node global.` }),
);

/** The core and the model are deterministic: time and ids come with the command. */
const deterministicGlobals = [
  { name: 'Date', message: 'Deterministic core: time arrives as command.at.' },
  { name: 'crypto', message: 'Deterministic core: ids derive from commandId and state.seq.' },
  { name: 'setTimeout', message: 'Deterministic core: no timers; emit a ScheduleTimer effect.' },
  { name: 'setInterval', message: 'Deterministic core: no timers.' },
  { name: 'console', message: 'The core never logs.' },
  { name: 'fetch', message: 'The core does no I/O.' },
];

export default tseslint.config(
  { ignores: ['**/*.tmp.*', 'test/unit/fixtures/**', '**/dist/**', '**/node_modules/**', 'coverage/**', '**/*.d.ts', 'services/web/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['shared/*/tsconfig.json', 'services/*/tsconfig.json', 'test/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: isomorphicImports.patterns.slice(2) }],
      // vitest's interop finds these, Node's ESM loader does not: `baton serve` would not start.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'mercurius',
              importNames: ['mercurius', 'ErrorWithProps', 'defaultErrorFormatter', 'persistedQueryDefaults', 'withFilter'],
              allowTypeImports: true,
              message: "mercurius is CommonJS with no named exports Node's ESM loader can see: import the default and destructure it (`const { ErrorWithProps } = mercurius`).",
            },
          ],
        },
      ],
    },
  },
  {
    files: isomorphicPackages.map((p) => `shared/${p}/src/**/*.ts`),
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', isomorphicImports],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    // The engine in a page (issue 17): browser globals, no Node and no server driver.
    files: ['shared/browser/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/__fixtures__/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', isomorphicImports],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['shared/core/src/**/*.ts', 'shared/model/src/**/*.ts', 'shared/feel/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nodeGlobals, ...deterministicGlobals],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Deterministic core: no randomness.' }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
