import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

type LockEntry = { engines?: { node?: string } | string[]; dev?: boolean };
type Lock = { packages: Record<string, LockEntry> };

const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as Lock;

/**
 * Packages whose `engines` ask for a newer Node than ours, each with why it still runs on
 * the oldest Node we promise. Both are ESM-only and declare `>=22` because that is where
 * `require(esm)` became unflagged first; Node 20.19 unflagged it too, and the CommonJS
 * fastify plugins that `require()` them are exercised by the suite (session cookies,
 * static files) on Node 20.
 */
const justified: Record<string, string> = {
  'node_modules/cookie': 'ESM-only; required by @fastify/cookie and light-my-request through require(esm), unflagged since Node 20.19',
  'node_modules/content-disposition': 'ESM-only; required by @fastify/static through require(esm), unflagged since Node 20.19',
};

/** Lockfile entries whose declared Node range excludes the oldest Node the root promises. */
export function packagesNeedingNewerNode(entries: Lock, oldest: string): string[] {
  return Object.entries(entries.packages)
    .filter(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return path !== '' && range !== undefined && !semver.satisfies(oldest, range, { includePrerelease: true });
    })
    .map(([path]) => path)
    .sort();
}

describe('engines', () => {
  const oldest = semver.minVersion(root.engines.node)?.version ?? '';

  it('the root promises a Node version', () => {
    expect(oldest).toMatch(/^20\.\d+\.\d+$/);
  });

  it('every installed package runs on the oldest Node we promise, or is listed with a reason', () => {
    expect(packagesNeedingNewerNode(lock, oldest)).toEqual(Object.keys(justified).sort());
  });

  it('the check finds a package that needs a newer Node', () => {
    const sample: Lock = { packages: { '': {}, 'node_modules/a': { engines: { node: '>=22' } }, 'node_modules/b': { engines: { node: '>=18' } } } };
    expect(packagesNeedingNewerNode(sample, '20.19.0')).toEqual(['node_modules/a']);
  });
});
