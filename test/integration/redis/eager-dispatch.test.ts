import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createBullmqJobQueue, type BullmqJobQueue } from '@baton/redis';
import type { LeasedJob } from '@baton/runtime';
import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { bundleScript } from '../deploy/bundle-cli.js';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

/**
 * Eager dispatch (EagerJobs): a job the engine just created for a capability this
 * node consumes runs here without BullMQ's fetch, yet stays durable and exclusive
 * (a lease in BullMQ's delayed set), on a real Redis.
 */
describe('BullmqJobQueue eager dispatch', () => {
  const prefixes: string[] = [];
  const queues: BullmqJobQueue[] = [];
  const open = async (prefix: string, eagerDispatch = true): Promise<BullmqJobQueue> => {
    const queue = await createBullmqJobQueue({ url: inject('redisUrl'), prefix, onWarning: () => undefined, eagerDispatch });
    queues.push(queue);
    return queue;
  };
  const payload = (jobKey: string) => ({ jobKey, instanceId: 'i1', elementId: 'print', elementInstanceId: 'i1.1', jobType: 'label', retries: 3, customHeaders: {} });
  /** The job as BullMQ holds it: its state, or 'unknown' once removed. */
  const bullState = async (prefix: string, jobKey: string): Promise<string> => {
    const queue = new Queue('job.label', { connection: { url: inject('redisUrl') }, prefix });
    try {
      return await queue.getJobState(`k-${jobKey}`);
    } finally {
      await queue.close();
    }
  };

  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close()));
  });
  afterAll(async () => {
    await Promise.all(prefixes.map((p) => deletePrefix(p)));
  });

  it('runs a new job on this node at once, leased in BullMQ while it runs, and removes it when done', async () => {
    // given node A consuming "label" and node B consuming it too, on one Redis
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const [a, b] = [await open(prefix), await open(prefix)];
    const seenByB: string[] = [];
    b.consume(['label'], async (job) => void seenByB.push(job.jobId));
    let release: () => void = () => undefined;
    const running = new Promise<LeasedJob>((started) => {
      a.consume(['label'], (job) => {
        started(job);
        return new Promise<void>((done) => (release = done));
      });
    });
    // when A enqueues a job it just created, eagerly
    await a.enqueue({ jobId: 'eager-1', capability: 'label', payload: payload('eager-1'), eager: true });
    // then A's handler has it, first attempt, while BullMQ keeps it delayed (leased): B cannot take it
    expect(await running).toMatchObject({ jobId: 'eager-1', capability: 'label', attempt: 1 });
    expect(await bullState(prefix, 'eager-1')).toBe('delayed');
    release();
    await expect.poll(() => bullState(prefix, 'eager-1')).toBe('unknown');
    expect(seenByB).toEqual([]);
  });

  it('hands the job to another node when the eager node is SIGKILLed holding it (its lease runs out)', async () => {
    // given node A, a process of its own running an eager job with a 1 s lease
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const script = await bundleScript(fileURLToPath(new URL('./fixtures/eager-node.ts', import.meta.url)), 'eager-node');
    const a = spawn(process.execPath, [script, JSON.stringify({ url: inject('redisUrl'), prefix, leaseMs: 1_000, jobId: 'eager-2' })], { stdio: ['ignore', 'pipe', 'inherit'] });
    const running = new Promise<string>((resolve, reject) => {
      a.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      a.on('exit', (code) => reject(new Error(`eager node exited with ${code}`)));
    });
    expect(await running).toBe('running eager-2');
    // when A is killed, and node B consumes "label"
    a.kill('SIGKILL');
    const b = await open(prefix);
    const killedAt = Date.now();
    const delivered = new Promise<LeasedJob>((resolve) => b.consume(['label'], async (job) => void resolve(job)));
    // then B gets the job within seconds: once A's lease ran out
    expect(await delivered).toMatchObject({ jobId: 'eager-2', capability: 'label' });
    expect(await bullState(prefix, 'eager-2')).not.toBe('delayed');
    expect(Date.now() - killedAt).toBeLessThan(10_000);
  });

  it('queues the job as usual when the node has no consumer of its capability, or eager dispatch is off', async () => {
    // given a node that consumes nothing and one with eager dispatch off
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const bare = await open(prefix);
    const off = await open(prefix, false);
    const seen: string[] = [];
    // when both enqueue eagerly
    await bare.enqueue({ jobId: 'plain-1', capability: 'label', payload: payload('plain-1'), eager: true });
    await off.enqueue({ jobId: 'plain-2', capability: 'label', payload: payload('plain-2'), eager: true });
    // then the jobs wait in BullMQ for any worker, and a consumer elsewhere gets both
    expect(await bullState(prefix, 'plain-1')).toBe('waiting');
    const worker = await open(prefix);
    worker.consume(['label'], async (job) => void seen.push(job.jobId));
    await expect.poll(() => [...seen].sort()).toEqual(['plain-1', 'plain-2']);
  });
});
