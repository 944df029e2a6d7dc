import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

/** A run that settles when the test says so. */
function gatedRuns(): { runs: string[][]; release: (i: number, error?: Error) => void; batcher: Batcher<string> } {
  const runs: string[][] = [];
  const gates: ((error?: Error) => void)[] = [];
  const batcher = new Batcher<string>(
    (items) =>
      new Promise<void>((resolve, reject) => {
        runs.push([...items]);
        gates.push((error) => (error === undefined ? resolve() : reject(error)));
      }),
  );
  return { runs, release: (i, error) => gates[i]?.(error), batcher };
}

describe('Batcher', () => {
  it('runs a lone add at once, and the adds made meanwhile together in one next run', async () => {
    // given
    const { runs, release, batcher } = gatedRuns();
    // when
    const first = batcher.add(['a']);
    const second = batcher.add(['b']);
    const third = batcher.add(['c', 'd']);
    // then
    expect(runs).toEqual([['a']]);
    release(0);
    await first;
    await Promise.resolve();
    expect(runs).toEqual([['a'], ['b', 'c', 'd']]);
    release(1);
    await Promise.all([second, third]);
  });

  it('rejects the adds of a failed run only, and runs the next one anyway', async () => {
    // given
    const { runs, release, batcher } = gatedRuns();
    const first = batcher.add(['a']);
    const second = batcher.add(['b']);
    // when
    release(0, new Error('down'));
    // then
    await expect(first).rejects.toThrow('down');
    await Promise.resolve();
    expect(runs).toEqual([['a'], ['b']]);
    release(1);
    await expect(second).resolves.toBeUndefined();
  });

  it('starts afresh once idle', async () => {
    // given
    const { runs, release, batcher } = gatedRuns();
    const first = batcher.add(['a']);
    release(0);
    await first;
    await Promise.resolve();
    // when
    const later = batcher.add(['b']);
    // then
    expect(runs).toEqual([['a'], ['b']]);
    release(1);
    await later;
  });
});
