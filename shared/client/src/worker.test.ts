import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activatedJob, startFakeNode, type FakeNode, type Reply } from './__fixtures__/fake-node.js';
import { createClient } from './client.js';
import type { Job } from './job.js';
import type { WorkerLogger } from './logger.js';
import { createWorker, startWorker, type JobHandler, type Sleep, type Worker, type WorkerOptions } from './worker.js';

let node: FakeNode;
let worker: Worker | undefined;
let logs: { level: string; message: string; fields: Readonly<Record<string, unknown>> }[];

const logger: WorkerLogger = {
  debug: (fields, message) => logs.push({ level: 'debug', message, fields }),
  info: (fields, message) => logs.push({ level: 'info', message, fields }),
  warn: (fields, message) => logs.push({ level: 'warn', message, fields }),
  error: (fields, message) => logs.push({ level: 'error', message, fields }),
};

beforeEach(async () => {
  node = await startFakeNode();
  logs = [];
  worker = undefined;
});
afterEach(async () => {
  await worker?.close();
  await node.close();
});

function start(handler: JobHandler, options: Partial<WorkerOptions> = {}, sleep?: Sleep): Worker {
  const all: WorkerOptions = { baseUrl: node.url, taskType: 'charge-card', handler, logger, workerName: 'edge-1', ...options };
  worker = sleep === undefined ? createWorker(all) : startWorker(all, sleep);
  return worker;
}

/** A promise with its resolve function, to hold handlers until the test lets them go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const bodies = (path: string): unknown[] => node.received('POST', path).map((r) => r.json);

describe('createWorker', () => {
  it('activates jobs of its type and completes them with the handler\'s variables', async () => {
    // given
    const seen: Job[] = [];
    start(async (job) => {
      seen.push(job);
      return job.complete({ paid: true });
    });
    // when
    node.pushJobs(activatedJob({ jobKey: 'j-1' }));
    await node.until(() => node.received('POST', '/v2/jobs/j-1/completion').length === 1);
    // then
    expect(bodies('/v2/jobs/j-1/completion')).toEqual([{ variables: { paid: true } }]);
    expect(bodies('/v2/jobs/activation')[0]).toEqual({ type: 'charge-card', worker: 'edge-1', timeout: 30_000, maxJobsToActivate: 32, requestTimeout: 10_000 });
    expect(seen[0]).toMatchObject({
      jobKey: 'j-1',
      type: 'charge-card',
      processInstanceKey: 'pi-1',
      elementId: 'charge',
      variables: { amount: 150 },
      customHeaders: { currency: 'EUR' },
      retries: 3,
      deadline: 1_700_000_030_000,
    });
  });

  it('fails the job with the error message and retries - 1 when the handler throws', async () => {
    // given
    start(async () => {
      throw new Error('card service down');
    });
    // when
    node.pushJobs(activatedJob({ jobKey: 'j-2', retries: 3 }));
    await node.until(() => node.received('POST', '/v2/jobs/j-2/failure').length === 1);
    // then
    expect(bodies('/v2/jobs/j-2/failure')).toEqual([{ errorMessage: 'card service down', retries: 2, retryBackOff: 0 }]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'handler threw; failing the job' }));
  });

  it('job.fail defaults retries to retries - 1 and passes retries, back-off and variables when given', async () => {
    // given
    start(async (job) =>
      job.jobKey === 'j-3'
        ? job.fail({ errorMessage: 'try later' })
        : job.fail({ errorMessage: 'give up', retries: 0, retryBackOff: 5_000, variables: { reason: 'x' } }),
    );
    // when
    node.pushJobs(activatedJob({ jobKey: 'j-3', retries: 1 }), activatedJob({ jobKey: 'j-4' }));
    await node.until(() => node.requests.filter((r) => r.path.endsWith('/failure')).length === 2);
    // then
    expect(bodies('/v2/jobs/j-3/failure')).toEqual([{ errorMessage: 'try later', retries: 0, retryBackOff: 0 }]);
    expect(bodies('/v2/jobs/j-4/failure')).toEqual([{ errorMessage: 'give up', retries: 0, retryBackOff: 5_000, variables: { reason: 'x' } }]);
  });

  it('job.error sends the BPMN error with its code, message and variables', async () => {
    // given
    start(async (job) => job.error({ errorCode: 'CARD_DECLINED', errorMessage: 'limit reached', variables: { limit: 100 } }));
    // when
    node.pushJobs(activatedJob({ jobKey: 'j-5' }));
    await node.until(() => node.received('POST', '/v2/jobs/j-5/error').length === 1);
    // then
    expect(bodies('/v2/jobs/j-5/error')).toEqual([{ errorCode: 'CARD_DECLINED', errorMessage: 'limit reached', variables: { limit: 100 } }]);
  });

  it('runs at most maxJobs handlers at once and asks only for free slots', async () => {
    // given
    const held = gate();
    const twoRunning = gate();
    let running = 0;
    let peak = 0;
    start(
      async (job) => {
        running += 1;
        peak = Math.max(peak, running);
        if (running === 2) twoRunning.open();
        await held.promise;
        running -= 1;
        return job.complete();
      },
      { maxJobs: 2 },
    );
    // when: five jobs arrive while the first two handlers are held
    node.pushJobs(...[1, 2, 3, 4, 5].map((n) => activatedJob({ jobKey: `m-${n}` })));
    await twoRunning.promise;
    expect(node.received('POST', '/v2/jobs/activation')).toHaveLength(1);
    expect(node.openActivations).toBe(0);
    held.open();
    await node.until(() => node.requests.filter((r) => r.path.endsWith('/completion')).length === 5);
    // then
    expect(peak).toBe(2);
    const asked = bodies('/v2/jobs/activation').map((b) => (b as { maxJobsToActivate: number }).maxJobsToActivate);
    expect(asked[0]).toBe(2);
    expect(asked.every((n) => n >= 1 && n <= 2)).toBe(true);
  });

  it('close() stops polling and waits for the handlers still running', async () => {
    // given: one handler held mid-job and a long poll open for more
    const held = gate();
    const w = start(async (job) => {
      await held.promise;
      return job.complete({ done: true });
    });
    node.pushJobs(activatedJob({ jobKey: 'c-1' }));
    await node.until(() => w.activeJobs === 1 && node.openActivations === 1);
    // when
    let isClosed = false;
    const closing = w.close().then(() => {
      isClosed = true;
    });
    await node.until(() => node.openActivations === 0);
    // then: the long poll was dropped, but close waits for the handler
    expect(isClosed).toBe(false);
    expect(w.activeJobs).toBe(1);
    held.open();
    await closing;
    expect(bodies('/v2/jobs/c-1/completion')).toEqual([{ variables: { done: true } }]);
    expect(w.activeJobs).toBe(0);
    expect(node.openActivations).toBe(0);
    await expect(w.close()).resolves.toBeUndefined();
  });

  it('backs off on failed activations, doubling, and resets after a success', async () => {
    // given: the node refuses twice, answers once with no job, then refuses again
    let calls = 0;
    const refuse: Reply = { status: 503, contentType: 'application/problem+json', body: { status: 503, detail: 'not ready', code: 'SERVER_UNAVAILABLE' } };
    node.on('POST', '/v2/jobs/activation', () => {
      calls += 1;
      return calls === 3 ? { status: 200, body: { jobs: [] } } : refuse;
    });
    const pauses: number[] = [];
    const fourPauses = gate();
    const sleep: Sleep = (ms, signal) => {
      pauses.push(ms);
      if (pauses.length < 4) return Promise.resolve();
      fourPauses.open();
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
    };
    // when
    start(async (job) => job.complete(), { pollIntervalMs: 7, maxBackoffMs: 60_000 }, sleep);
    await fourPauses.promise;
    await worker?.close();
    // then
    expect(pauses).toHaveLength(4);
    const [first = 0, second = 0, idle, third = 0] = pauses;
    expect(first).toBeGreaterThanOrEqual(800);
    expect(first).toBeLessThanOrEqual(1_200);
    expect(second).toBeGreaterThanOrEqual(1_600);
    expect(second).toBeLessThanOrEqual(2_400);
    expect(idle).toBe(7);
    expect(third).toBeLessThanOrEqual(1_200);
    expect(logs.filter((l) => l.message.startsWith('job activation failed'))).toHaveLength(3);
    expect(logs.find((l) => l.level === 'warn')?.fields).toMatchObject({ err: { code: 'SERVER_UNAVAILABLE' }, failures: 1 });
  });

  it('logs a report that the node refuses and keeps working', async () => {
    // given: the first job timed out on the node before the handler finished
    node.on('POST', '/v2/jobs/late/completion', {
      status: 404,
      contentType: 'application/problem+json',
      body: { status: 404, detail: 'Job late is not open.', code: 'JOB_NOT_OPEN' },
    });
    start(async (job) => job.complete());
    // when
    node.pushJobs(activatedJob({ jobKey: 'late' }));
    await node.until(() => logs.some((l) => l.fields['jobKey'] === 'late' && l.fields['code'] === 'JOB_NOT_OPEN'));
    node.pushJobs(activatedJob({ jobKey: 'next' }));
    await node.until(() => node.received('POST', '/v2/jobs/next/completion').length === 1);
    // then: an expected at-least-once refusal is information, not an error (issue 12)
    expect(logs.find((l) => l.fields['jobKey'] === 'late')).toMatchObject({ level: 'info', message: expect.stringContaining('no longer open'), fields: { code: 'JOB_NOT_OPEN' } });
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('logs a report that fails for another reason as an error', async () => {
    // given: the node fails while the completion is on its way
    node.on('POST', '/v2/jobs/broken/completion', {
      status: 500,
      contentType: 'application/problem+json',
      body: { status: 500, detail: 'boom', code: 'INTERNAL' },
    });
    start(async (job) => job.complete());
    // when
    node.pushJobs(activatedJob({ jobKey: 'broken' }));
    await node.until(() => logs.some((l) => l.level === 'error'));
    // then
    expect(logs.find((l) => l.level === 'error')).toMatchObject({ message: expect.stringContaining('could not report job complete'), fields: { jobKey: 'broken', code: 'INTERNAL' } });
  });

  it('refuses a second outcome for one job, and warns about a handler that reports none', async () => {
    // given
    start(async (job) => {
      if (job.jobKey === 'silent') return 'JOB_ACTION_ACKNOWLEDGEMENT';
      await job.complete();
      return job.fail({ errorMessage: 'too late' });
    });
    // when
    node.pushJobs(activatedJob({ jobKey: 'twice' }), activatedJob({ jobKey: 'silent' }));
    await node.until(() => logs.filter((l) => l.level !== 'info' && l.level !== 'debug').length === 2);
    // then
    expect(node.received('POST', '/v2/jobs/twice/failure')).toHaveLength(0);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'handler threw after reporting its outcome', fields: expect.objectContaining({ jobKey: 'twice', err: expect.objectContaining({ code: 'STALE_COMMAND' }) }) }));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ jobKey: 'silent' }) }));
  });

  it('accepts a client and validates its options', () => {
    const handler: JobHandler = async (job) => job.complete();
    expect(() => createWorker({ taskType: 't', handler })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'baseUrl' } }));
    expect(() => createWorker({ baseUrl: node.url, taskType: 't', handler, maxJobs: 0 })).toThrow(expect.objectContaining({ details: { field: 'maxJobs' } }));
    const w = start(handler, { baseUrl: undefined, client: createClient({ baseUrl: node.url }) });
    expect(w).toMatchObject({ taskType: 'charge-card', workerName: 'edge-1', activeJobs: 0 });
  });
});
