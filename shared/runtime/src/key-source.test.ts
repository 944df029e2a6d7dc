import { instanceKeyOf } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { createKeySource, KeysNotReady } from './ids.js';

describe('createKeySource', () => {
  it('reserves one block per blockSize keys and mints rising instance keys from it', async () => {
    const reserved: number[] = [];
    let next = 1;
    const keys = createKeySource(async (count) => {
      reserved.push(count);
      const first = next;
      next += count;
      return first;
    }, 4);
    const minted: string[] = [];
    for (let i = 0; i < 10; i++) minted.push(await keys.next());
    expect(new Set(minted).size).toBe(10);
    expect(minted.map(BigInt)).toEqual([...minted.map(BigInt)].sort((a, b) => (a < b ? -1 : 1)));
    for (const key of minted) expect(instanceKeyOf(key)).toBe(key);
    // 10 keys of blocks of 4: 3 blocks, plus at most one reserved ahead
    expect(reserved.length).toBeGreaterThanOrEqual(3);
    expect(reserved.length).toBeLessThanOrEqual(4);
  });

  it('take() refuses with KeysNotReady before the first block, and works after ready()', async () => {
    const keys = createKeySource(async () => 7, 2);
    expect(() => keys.take()).toThrow(KeysNotReady);
    await keys.ready();
    expect(instanceKeyOf(keys.take())).toBeDefined();
  });

  it('surfaces a failed reservation on next() and recovers on a later call', async () => {
    let fail = true;
    const keys = createKeySource(async () => {
      if (fail) throw new Error('store down');
      return 1;
    }, 2);
    await expect(keys.next()).rejects.toThrow('store down');
    fail = false;
    expect(await keys.next()).toBe('33554432');
  });
});
