/**
 * Hand-off round trips (issue #6), in a process of its own (forked by cluster-run.ts).
 * Role `edge`: an edge node's side, `serveCapabilities` answering the job type at once.
 * Role `requester`: a store node's side, `createHandOffWorker` sending one synthetic
 * job after another on `inFlight` lanes and timing each round trip. Role `both`: the
 * two in this process (the memory bus reaches no other process).
 */
import { clusterSubjects, createHandOffWorker, serveCapabilities, type ActivatedJob, type MessageBus } from '@baton/runtime';
import { connectBus, type BusEndpoint } from './buses.js';
import { drive } from './drive.js';
import { percentile } from './stats.js';

export interface HandOffProcessConfig {
  readonly role: 'edge' | 'requester' | 'both';
  readonly bus: BusEndpoint;
  readonly jobType: string;
  readonly inFlight: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export type HandOffProcessMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'measured'; readonly roundTrips: number; readonly elapsedMs: number; readonly p50Ms: number; readonly p99Ms: number }
  | { readonly type: 'failed'; readonly message: string };

function send(message: HandOffProcessMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

const untilClosed = (): Promise<void> => new Promise((resolve) => process.once('message', () => resolve()));

function job(jobType: string, n: number): ActivatedJob {
  const jobKey = `bench-job-${n}`;
  return { jobKey, type: jobType, instanceId: `bench-${n}`, processId: 'bench', definitionKey: 'bench:1', elementId: 'task', elementInstanceId: `ei-${n}`, retries: 3, customHeaders: {}, variables: { n }, worker: 'bench', deadline: Date.now() + 60_000 };
}

async function measure(bus: MessageBus, config: HandOffProcessConfig): Promise<void> {
  const worker = createHandOffWorker({ bus, subjects: clusterSubjects(), nodeId: 'bench-store-node', timeoutMs: 5_000 });
  let count = 0;
  const latencies: number[] = [];
  let isTimed = false;
  const roundTrip = async (): Promise<void> => {
    const startedAt = performance.now();
    await worker(job(config.jobType, ++count));
    if (isTimed) latencies.push(performance.now() - startedAt);
  };
  const common = { inFlight: config.inFlight, progressEveryMs: 1_000, stallMs: 10_000 };
  await drive(roundTrip, { ...common, durationMs: config.warmupMs });
  isTimed = true;
  const run = await drive(roundTrip, { ...common, durationMs: config.durationMs });
  const sorted = latencies.sort((a, b) => a - b);
  await send({ type: 'measured', roundTrips: run.instances, elapsedMs: run.elapsedMs, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) });
}

async function main(config: HandOffProcessConfig): Promise<void> {
  const bus = await connectBus(config.bus, `bench-${config.role}`, () => undefined);
  const served = config.role === 'requester' ? undefined : await serveCapabilities({ bus, subjects: clusterSubjects(), handlers: { [config.jobType]: async () => ({}) } });
  if (config.role === 'edge') {
    await send({ type: 'ready' });
    await untilClosed();
  } else {
    await measure(bus, config);
  }
  await served?.stop();
  await bus.close();
}

process.on('disconnect', () => process.exit(1));
main(JSON.parse(process.argv[2] ?? '{}') as HandOffProcessConfig).then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
