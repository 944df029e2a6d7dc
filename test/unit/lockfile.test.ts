import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { danglingOptionalDependencies } from '../../.ci/fix-lockfile.mjs';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as unknown;

describe('package-lock.json', () => {
  it('names no optional dependency it has no entry for (npm ci would refuse it)', () => {
    expect(danglingOptionalDependencies(lock)).toEqual([]);
  });

  it('the check finds a dangling optional dependency', () => {
    const broken = { packages: { '': {}, 'node_modules/a': { optionalDependencies: { 'a-darwin': '1.0.0' } } } };
    expect(danglingOptionalDependencies(broken)).toEqual([['node_modules/a', 'a-darwin']]);
  });
});
