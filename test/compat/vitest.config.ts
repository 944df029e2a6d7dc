import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import rootConfig from '../../vitest.config.ts';

/**
 * The drop-in checks alone (issue 13): every JSON answer against 8.8's zod schemas, and
 * Camunda's client with `res:strict` on memory and Redis. `npm test` runs them too (the
 * `compat` project of the root config); `npm run compat:test` runs only these.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  resolve: rootConfig.resolve,
  test: {
    name: 'compat',
    include: ['test/compat/**/*.strict.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
