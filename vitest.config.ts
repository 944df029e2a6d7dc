import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Each workspace package resolves to its TypeScript source, so tests need no build. */
function workspaceAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const group of ['shared', 'services']) {
    for (const dir of readdirSync(`${root}${group}`)) {
      const manifest = `${root}${group}/${dir}/package.json`;
      if (!existsSync(manifest)) continue;
      const { name, exports = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; exports?: Record<string, { source?: string }> };
      // Subpath exports (`@baton/engine/isomorphic`) first: an alias also matches what starts with its name and a slash.
      for (const [subpath, target] of Object.entries(exports)) {
        if (subpath !== '.' && target.source !== undefined) aliases[`${name}${subpath.slice(1)}`] = `${root}${group}/${dir}/${target.source.slice(2)}`;
      }
      aliases[name] = `${root}${group}/${dir}/src/index.ts`;
    }
  }
  return aliases;
}

export default defineConfig({
  resolve: { alias: workspaceAliases() },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // Two files at a time: most tests wait on real servers and processes, not on the CPU; one
    // worker (the default on 2 cores) made .ci/run take 899 s of its 15-minute budget.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Several unit files start a node (server, harness) per test: on a loaded 2-core machine that alone took over vitest's 5 s default.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: ['shared/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/corpus/**/*.test.ts', 'test/concurrency/**/*.test.ts', 'test/deploy/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/compat/openapi-diff.test.ts'],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Headless Chromium driven by playwright-core (issue 12: under CPU load a page
          // step can take seconds; each step waits on a selector, never on a sleep).
          name: 'browser',
          include: ['shared/*/src/**/*.browser.test.ts', 'services/*/src/**/*.browser.test.ts', 'test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Real `baton serve` processes, real Redis and NATS (issues 5 and 6).
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Camunda's own client (res:strict) and 8.8's schemas against real nodes (issue 13).
          name: 'compat',
          include: ['test/compat/**/*.strict.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
