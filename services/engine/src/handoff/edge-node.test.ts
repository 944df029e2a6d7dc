import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startNode } from '../start-node.js';

const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

describe('startNode with store "none" (an edge node)', () => {
  it('serves its own topology, and answers 503 NO_CAPABLE_NODE naming "store" for what needs a store when no peer has one', async () => {
    // given an edge node alone on its bus
    const node = await startNode({ ...quiet, store: 'none', capabilities: ['label-printer'], handlers: { 'label-printer': async () => ({}) }, handOffTimeoutMs: 200 });
    try {
      // when
      const started = await fetch(`${node.url}/v2/process-instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processDefinitionId: 'ship', variables: {} }),
      });
      const topology = (await (await fetch(`${node.url}/v2/topology`)).json()) as { capabilities: string[]; clusterSize: number };
      // then
      expect(started.status).toBe(503);
      expect(started.headers.get('content-type')).toContain('application/problem+json');
      expect(await started.json()).toMatchObject({ code: 'NO_CAPABLE_NODE', details: { capability: 'store' }, detail: expect.stringContaining('nothing was changed') });
      expect(topology).toMatchObject({ capabilities: ['label-printer'], clusterSize: 1 });
    } finally {
      await node.close();
    }
  });

  it('refuses a bus an edge node cannot use', async () => {
    await expect(startNode({ ...quiet, store: 'none', bus: 'redis://localhost' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
