import type fc from 'fast-check';

/** The seed of the bounded pass in `npm test`: the same cases every run, so CI never fails by chance (issue 12). */
const boundedSeed = 12;

/**
 * fast-check parameters of a fuzz property: `npm test` runs `defaultRuns` cases
 * from a fixed seed; `npm run fuzz` sets BATON_FUZZ_RUNS to run many more from a
 * fresh seed each time. BATON_FUZZ_SEED (and BATON_FUZZ_PATH) replay a failure
 * fast-check reported.
 */
export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const env = process.env;
  const runs = Number(env['BATON_FUZZ_RUNS'] ?? defaultRuns);
  const seed = env['BATON_FUZZ_SEED'] ?? (env['BATON_FUZZ_RUNS'] === undefined ? String(boundedSeed) : undefined);
  const path = env['BATON_FUZZ_PATH'];
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  };
}

/** The vitest timeout of a fuzz test: generous for the bounded pass (a loaded 2-core machine), an hour for `npm run fuzz`. */
export const fuzzTimeoutMs = process.env['BATON_FUZZ_RUNS'] === undefined ? 120_000 : 3_600_000;
