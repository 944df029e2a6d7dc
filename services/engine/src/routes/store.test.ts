import { createInMemoryEngine } from '@baton/memory';
import { proxyStore } from '@baton/proxy';
import { commitOf, expectCode, instanceState, processStoreContract, uniqueId } from '@baton/testkit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, password, testIdentity } from '../auth/__fixtures__/auth-harness.js';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';
import { buildServer } from '../server.js';

/** A node on the in-memory runtime serving its store API on 127.0.0.1 (with the test identity, whose key `edge` has the role store, when `withAuth`). */
async function storeNode(withAuth: boolean): Promise<{ url: string; close(): Promise<void>; storeKey: string; runtime: ReturnType<typeof createInMemoryEngine> }> {
  const runtime = createInMemoryEngine({ nodeId: 'central' });
  const engine = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
  const auth = { identity: await testIdentity(), sessionSecret: 'x'.repeat(32) };
  const app: FastifyInstance = await buildServer({ engine, nodeId: 'central', store: runtime.store, webRoot: false, ...(withAuth ? { auth } : {}) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    url,
    storeKey: apiKeys.storeKey.key,
    runtime,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

describe('the proxy store against a node\'s store API (in-memory store)', () => {
  let node: Awaited<ReturnType<typeof storeNode>>;
  beforeAll(async () => {
    node = await storeNode(false);
  });
  afterAll(async () => node.close());

  processStoreContract(() => proxyStore({ url: `baton+${node.url}` }));
});

describe('the store API\'s authorization and failures', () => {
  let node: Awaited<ReturnType<typeof storeNode>>;
  beforeAll(async () => {
    node = await storeNode(true);
  });
  afterAll(async () => node.close());

  it('lets a principal with the role store commit, with the version check of the remote store', async () => {
    // given an instance created through the proxy with the store key
    const store = proxyStore({ url: node.url, credentials: { apiKey: node.storeKey } });
    const id = uniqueId('i');
    expect(await store.commit(commitOf(instanceState(id), 0))).toBe(1);
    // when a second commit still expects version 0
    // then the remote store refuses it, and its state is the first one's
    await expectCode(store.commit(commitOf(instanceState(id, { seq: 9 }), 0)), 'VERSION_CONFLICT');
    expect((await node.runtime.store.load(id))?.state.seq).toBe(1);
  });

  it('refuses a task-list user, an admin and an anonymous caller, and changes nothing', async () => {
    const id = uniqueId('i');
    const asUser = proxyStore({ url: `baton+${node.url.replace('://', `://mia:${encodeURIComponent(password)}@`)}` });
    const asAdmin = proxyStore({ url: node.url, credentials: { username: 'alice', password } });
    await expectCode(asUser.commit(commitOf(instanceState(id), 0)), 'FORBIDDEN');
    await expectCode(asAdmin.commit(commitOf(instanceState(id), 0)), 'FORBIDDEN');
    await expectCode(proxyStore({ url: node.url }).load(id), 'UNAUTHENTICATED');
    expect(await node.runtime.store.load(id)).toBeUndefined();
  });

  it('names a refusal\'s missing role in its message', async () => {
    const refused = proxyStore({ url: node.url, credentials: { username: 'mia', password } }).reserveKeys(1);
    await expect(refused).rejects.toThrow(/role "store"/);
  });

  it('refuses a malformed call with VALIDATION_FAILED naming the field', async () => {
    const response = await fetch(`${node.url}/v2/store/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': node.storeKey },
      body: JSON.stringify({ request: { instanceId: 'x' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'request.expectedVersion' } });
  });

  it('is STORE_UNAVAILABLE when nobody answers, and after close', async () => {
    // given a port nobody listens on (this node's, once closed)
    const gone = await storeNode(false);
    await gone.close();
    const store = proxyStore({ url: gone.url });
    await expect(store.load('x')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', details: { store: gone.url, operation: 'load' } });
    await store.close();
    await store.close();
    await expectCode(proxyStore({ url: node.url }).close().then(() => store.load('x')), 'STORE_UNAVAILABLE');
  });

  it('is STORE_UNAVAILABLE for a node that serves no store API', async () => {
    const runtime = createInMemoryEngine({ nodeId: 'no-store' });
    const app = await buildServer({ engine: await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus }), nodeId: 'no-store', webRoot: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    try {
      const store = proxyStore({ url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` });
      await expect(store.load('x')).rejects.toThrow(/serves no store API/);
      await expectCode(store.load('x'), 'STORE_UNAVAILABLE');
    } finally {
      await app.close();
      await runtime.close();
    }
  });
});
