import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/bench, whether this runs from the TypeScript sources or from test/bench/dist. */
export function benchDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'dist' ? dirname(here) : here;
}

export const modelsDir = (): string => join(benchDir(), 'models');
