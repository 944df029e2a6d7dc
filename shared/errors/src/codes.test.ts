import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BatonError, codes, isBatonError, statusOf } from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);

describe('error code registry', () => {
  it('README lists exactly the registered codes', () => {
    // given the registry and the README table
    const registered = Object.keys(codes).sort();
    // then both name the same codes
    expect([...documented].sort()).toEqual(registered);
  });

  it('README states the category of each code as registered', () => {
    for (const [code, info] of Object.entries(codes)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, code).toContain(`| ${info.category} |`);
    }
  });

  it('maps categories to HTTP statuses', () => {
    expect(statusOf('NOT_FOUND')).toBe(404);
    expect(statusOf('VERSION_CONFLICT')).toBe(409);
    expect(statusOf('NO_CAPABLE_NODE')).toBe(503);
    expect(statusOf('TOO_MANY_REQUESTS')).toBe(429);
    expect(statusOf('VALIDATION_FAILED')).toBe(400);
  });

  it('recognises BatonError by shape, with code and details', () => {
    const err = new BatonError('JOB_NOT_OPEN', 'no open job', { elementId: 'Task_1' }, { cause: new Error('x') });
    expect(isBatonError(err)).toBe(true);
    expect(isBatonError(new Error('plain'))).toBe(false);
    expect(err.status).toBe(404);
    expect(err.toJSON()).toEqual({ code: 'JOB_NOT_OPEN', message: 'no open job', details: { elementId: 'Task_1' } });
  });
});
