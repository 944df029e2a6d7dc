import { describe, expect, inject, it, vi } from 'vitest';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';

// Issue 12, finding 11: with Redis down, SIGTERM made a node log "stopping" and keep
// running (30 s and more). Now the drain is bounded by --shutdown-grace-ms: past it the
// node drops its connections, logs SHUTDOWN_FORCED and exits 1.

const graceMs = 3_000;

describe('SIGTERM on a real node whose Redis is down', () => {
  const { cluster, redis } = clusterOnOwnRedis('sigterm-store-down', ['--shutdown-grace-ms', String(graceMs)], { isPersistent: false });

  it('exits within its grace, non-zero, saying why', async () => {
    // given: a node on a Redis that then dies
    const server = redis();
    const node = await cluster.start({ name: 'node-1', store: server.url, bus: inject('natsUrl'), capabilities: ['reserve-stock'], deploys: true });
    await server.kill();
    await vi.waitFor(async () => expect((await fetch(`${node.url}/health/ready`)).status).toBe(503), { timeout: 30_000, interval: 100 });

    // when: it is asked to stop
    node.child.kill('SIGTERM');

    // then: it exits on its own (well before the 30 s it kept running before), code 1, naming SHUTDOWN_FORCED
    let hasExited = false;
    void node.exited.then(() => (hasExited = true));
    await vi.waitFor(() => expect(hasExited).toBe(true), { timeout: 30_000, interval: 100 });
    expect(node.child.exitCode).toBe(1);
    expect(node.output()).toMatch(/SHUTDOWN_FORCED/);
  });
});
