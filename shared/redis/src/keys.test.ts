import { describe, expect, it } from 'vitest';
import { StoreKeys } from './keys.js';

describe('StoreKeys', () => {
  it('puts the prefix on the global keys too, not only on instance keys', () => {
    // given a namespace
    const keys = new StoreKeys('tenant-a');
    // then every global index lives in it (compiled output once built them before the prefix was set: "undefined:seq")
    expect([keys.seq, keys.instances, keys.outbox, keys.deployments, keys.userTasks, keys.jobs]).toEqual([
      'tenant-a:seq',
      'tenant-a:instances',
      'tenant-a:outbox',
      'tenant-a:deployments',
      'tenant-a:ut',
      'tenant-a:jobs',
    ]);
    expect(keys.instance('i-1').state).toBe('tenant-a:{i-1}:state');
  });
});
