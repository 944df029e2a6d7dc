import { describe, expect, it } from 'vitest';
import { isLeaseLost } from './lease-lost.js';

describe('isLeaseLost', () => {
  it.each([
    ['Missing key for job k-i1.3. changeDelay', true],
    ['Missing lock for job k-i1.3. moveToDelayed', true],
    ['Lock mismatch for job k-i1.3. Cmd moveToFinished from active', true],
    ['Job k-i1.3 is not in the delayed state. changeDelay', true],
    ['Job k-i1.3 could not be removed because it is locked by another worker', true],
    ['Connection is closed.', false],
    ['Missing key for parent job baton:job.x:p. moveToFinished', false],
  ])('%s -> %s', (message, expected) => {
    expect(isLeaseLost(new Error(message))).toBe(expected);
  });

  it('is false for anything but an Error', () => {
    expect(isLeaseLost('Missing lock for job k-1. moveToDelayed')).toBe(false);
  });
});
