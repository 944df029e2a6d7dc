import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/bench, whether this runs from the TypeScript sources or from test/bench/dist. */
export function benchDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'dist' ? dirname(here) : here;
}

export const modelsDir = (): string => join(benchDir(), 'models');

/**
 * Node flags of every forked bench process: `--expose-gc`, plus the words of
 * `BATON_BENCH_NODE_FLAGS` (say `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile
 * each row; NODE_OPTIONS refuses `--cpu-prof`).
 */
export function benchExecArgv(): string[] {
  const extra = process.env['BATON_BENCH_NODE_FLAGS']?.split(/\s+/).filter((word) => word !== '') ?? [];
  return ['--expose-gc', ...extra];
}
