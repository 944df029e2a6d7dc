import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startNode, type RunningNode, type StartNodeOptions } from '@baton/engine';
import { createInMemoryJobQueue, createInMemoryMessageBus, createInMemoryProcessStore } from '@baton/memory';
import { systemClock } from '@baton/runtime';

// What a pod gets on `kubectl delete pod` or a rolling update (SIGTERM calls close()):
// readiness 503 at once, no new claims, held jobs finished while the API still answers,
// then exit. Nothing is lost: jobs not yet claimed stay queued for the next node.

const deployDir = fileURLToPath(new URL('./fixtures/drain', import.meta.url));
const total = 40;
/** Jobs a node's worker holds at once (ConsumeOptions.concurrency default). */
const concurrency = 32;

function sharedAdapters(): NonNullable<StartNodeOptions['adapters']> {
  const clock = systemClock();
  const store = createInMemoryProcessStore();
  const queue = createInMemoryJobQueue({ clock });
  const bus = createInMemoryMessageBus({ clock });
  return {
    store,
    queue,
    bus,
    async close() {
      await queue.close();
      await bus.close();
      await store.close();
    },
  };
}

/** A handler that holds every job until `release()`, and tells when `count` jobs are held. */
function gate(count: number): { handler: () => Promise<Record<string, unknown>>; held: Promise<void>; release: () => void; handled: () => number } {
  let release = (): void => undefined;
  let reached = (): void => undefined;
  const open = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (reached = resolve));
  let entered = 0;
  let handled = 0;
  return {
    handler: async () => {
      entered += 1;
      if (entered === count) reached();
      await open;
      handled += 1;
      return { drained: true };
    },
    held,
    release: () => release(),
    handled: () => handled,
  };
}

async function startInstance(url: string): Promise<string> {
  const response = await fetch(`${url}/v2/process-instances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ processDefinitionId: 'drain', variables: {} }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { processInstanceKey: string }).processInstanceKey;
}

/** Resolves once every instance is completed, re-checking on each engine change (no timer). */
function allCompleted(node: RunningNode, keys: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      Promise.all(keys.map((key) => node.engine.getInstance(key))).then((views) => {
        if (views.every((v) => v.state === 'COMPLETED')) {
          stop();
          resolve();
        }
      }, reject);
    };
    const stop = node.engine.onChange(check);
    check();
  });
}

const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, deployDir } as const;

describe('graceful shutdown of a node under load', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('drains: readiness 503 at once, API still answering while held jobs finish, nothing lost on restart', async () => {
    // given: a node holding `concurrency` jobs, with more queued behind them
    const adapters = sharedAdapters();
    cleanups.push(() => adapters.close());
    const first = gate(concurrency);
    const nodeA = await startNode({ ...quiet, adapters, handlers: { slow: first.handler } });
    const keys = await Promise.all(Array.from({ length: total }, () => startInstance(nodeA.url)));
    await first.held;

    // when: the node is told to stop (what SIGTERM does)
    const stopping = nodeA.close();

    // then: it is no longer ready, yet still answers while it finishes what it holds
    expect((await fetch(`${nodeA.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${nodeA.url}/health/live`)).status).toBe(200);
    expect((await nodeA.engine.getInstance(keys[0] ?? '')).state).toBe('ACTIVE');
    first.release();
    await stopping;
    expect(first.handled()).toBe(concurrency);
    await expect(fetch(`${nodeA.url}/health/live`)).rejects.toThrow();

    // and: the held jobs were completed, the rest still wait in the store with their jobs
    const store = adapters.store;
    const states = await Promise.all(keys.map(async (key) => (await store.load(key))?.state.status));
    expect(states.filter((s) => s === 'completed')).toHaveLength(concurrency);
    expect(states.filter((s) => s === 'active')).toHaveLength(total - concurrency);

    // when: a node restarts on the same store and queue
    const second = gate(total - concurrency);
    second.release();
    const nodeB = await startNode({ ...quiet, adapters, handlers: { slow: second.handler } });
    cleanups.push(() => nodeB.close());

    // then: every instance started before the stop completes, each job run exactly once
    await allCompleted(nodeB, keys);
    expect(second.handled()).toBe(total - concurrency);
  }, 60_000); // two nodes and 40 instances: seconds on a busy machine (it timed out at 5 s under load)
});
