import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startNode } from './start-node.js';

/** Issue 12, finding 2: a node's request limits are its options (`baton serve` flags), over a real socket. */

const examples = fileURLToPath(new URL('../examples', import.meta.url));
const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

describe('startNode request limits', () => {
  it('refuses variables over the configured limits with 400 and a body over the body limit with 413, and starts what is within them', async () => {
    // given
    const node = await startNode({ ...quiet, deployDir: examples, variableLimits: { maxDepth: 3 }, bodyLimit: 2_000 });
    const start = (variables: unknown, padding = '') =>
      fetch(`${node.url}/v2/process-instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ processDefinitionId: 'order', variables, ...(padding === '' ? {} : { padding }) }),
      });
    try {
      // when / then
      const deep = await start({ a: { b: { c: { d: 1 } } } });
      expect(deep.status).toBe(400);
      expect(await deep.json()).toMatchObject({ code: 'VARIABLE_LIMIT_EXCEEDED', details: { limit: 'maxDepth', max: 3, path: 'variables.a.b.c' } });
      const large = await start({ amount: 1 }, 'x'.repeat(2_000));
      expect(large.status).toBe(413);
      expect(await large.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect((await start({ amount: 150, a: { b: { c: 1 } } })).status).toBe(200);
    } finally {
      await node.close();
    }
  });

  it('refuses a limit out of range before it starts, naming it', async () => {
    await expect(startNode({ ...quiet, variableLimits: { maxDepth: 100_000 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'maxDepth' } });
  });
});
