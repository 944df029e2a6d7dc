import { readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';
import { processId, type JobRun } from './serve-nodes.js';

const jobTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'] as const;
const startsInFlight = 16;

interface HistoryEntry {
  readonly type: string;
  readonly position: number;
  readonly jobKey?: string;
  readonly elementInstanceId?: string;
}

async function call<T>(url: string, path: string, body?: unknown): Promise<{ status: number; body: T; handledBy: string | null }> {
  const res = await fetch(`${url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T, handledBy: res.headers.get('x-baton-handled-by') };
}

/** What {@link startRoundRobin} starts: by default instances of the shipped process, with no variables. */
export interface StartSpec {
  readonly processDefinitionId?: string;
  /** The variables of the i-th instance. */
  readonly variables?: (i: number) => Record<string, unknown>;
}

/** Starts one instance of `processDefinitionId` (default the shipped process) through `url`; throws unless it is accepted. */
export async function startInstance(url: string, processDefinitionId = processId, variables: Record<string, unknown> = {}): Promise<{ key: string; handledBy: string | null }> {
  const res = await call<{ processInstanceKey?: string }>(url, '/v2/process-instances', { processDefinitionId, variables });
  if (res.status !== 200 || res.body.processInstanceKey === undefined) throw new Error(`start through ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { key: res.body.processInstanceKey, handledBy: res.handledBy };
}

/** Starts `count` instances, the i-th through `urls[i % urls.length]`, a few at a time; resolves with their keys in order. */
export async function startRoundRobin(
  urls: readonly string[],
  count: number,
  onStarted: (started: number) => void = () => undefined,
  { processDefinitionId = processId, variables = () => ({}) }: StartSpec = {},
): Promise<string[]> {
  const keys: string[] = new Array<string>(count);
  let next = 0;
  let started = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      keys[i] = (await startInstance(urls[i % urls.length] as string, processDefinitionId, variables(i))).key;
      started += 1;
      onStarted(started);
    }
  };
  await Promise.all(Array.from({ length: startsInFlight }, lane));
  return keys;
}

/** How many instances of `processDefinitionId` (default the shipped process) are in `state`, as node `url` sees it. */
export async function countInState(url: string, state: 'ACTIVE' | 'COMPLETED', processDefinitionId = processId): Promise<number> {
  const res = await call<{ page: { totalItems: number } }>(url, '/v2/process-instances/search', { filter: { processDefinitionId, state }, page: { limit: 1 } });
  return res.body.page.totalItems;
}

/** Waits until `count` instances (of `processDefinitionId`, default the shipped process) completed, as node `url` sees it; on timeout says how many did. */
export async function untilCompleted(url: string, count: number, timeoutMs: number, context: () => string = () => '', processDefinitionId = processId): Promise<void> {
  await vi.waitFor(
    async () => {
      const completed = await countInState(url, 'COMPLETED', processDefinitionId);
      if (completed !== count) throw new Error(`${completed} of ${count} instances completed\n${completed < count ? context() : ''}`);
    },
    { timeout: timeoutMs, interval: 250 },
  );
}

/** The history of one instance. */
export async function historyOf(url: string, key: string): Promise<HistoryEntry[]> {
  return (await call<{ items: HistoryEntry[] }>(url, `/v2/process-instances/${key}/history`)).body.items;
}

/** Reads the histories of `keys` (25 at a time), checks each has positions 0..n-1 once each, then runs `check` on it. */
async function forEachHistory(url: string, keys: readonly string[], check: (key: string, history: readonly HistoryEntry[]) => void): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    const histories = await Promise.all(keys.slice(i, i + 25).map(async (key) => ({ key, history: await historyOf(url, key) })));
    for (const { key, history } of histories) {
      expect(history.map((e) => e.position), key).toEqual(history.map((_e, n) => n));
      check(key, history);
    }
  }
}

/**
 * The once-checks of issue 5 on each instance's history: positions 0..n-1 each once,
 * each element instance activated once, each of the four jobs created and completed
 * exactly once (a job that ran twice had its second completion refused), one
 * `InstanceCompleted`, no incident.
 */
export async function expectEachEffectOnce(url: string, keys: readonly string[]): Promise<void> {
  await forEachHistory(url, keys, (key, history) => {
    const count = (type: string): number => history.filter((e) => e.type === type).length;
    const activated = history.filter((e) => e.type === 'ElementActivated').map((e) => e.elementInstanceId);
    expect(new Set(activated).size, key).toBe(activated.length);
    const completedJobs = history.filter((e) => e.type === 'JobCompleted').map((e) => e.jobKey);
    expect(new Set(completedJobs).size, key).toBe(jobTypes.length);
    expect([count('JobCreated'), count('JobCompleted'), count('InstanceCompleted'), count('IncidentRaised')], key).toEqual([jobTypes.length, jobTypes.length, 1, 0]);
  });
}

/**
 * Per instance of `keys`: history positions 0..n-1 each once, and each event type of
 * `counts` exactly that many times (`{ TimerFired: 1, JobCompleted: 1 }`).
 */
export async function expectEventCounts(url: string, keys: readonly string[], counts: Readonly<Record<string, number>>): Promise<void> {
  await forEachHistory(url, keys, (key, history) => {
    expect(Object.fromEntries(Object.keys(counts).map((type) => [type, history.filter((e) => e.type === type).length])), key).toEqual(counts);
  });
}

/** Deploys `test/cluster/fixtures/<name>.bpmn` through `url`; throws unless it is accepted. */
export async function deployFixture(url: string, name: string): Promise<void> {
  const xml = readFileSync(new URL(`../fixtures/${name}.bpmn`, import.meta.url), 'utf8');
  const res = await fetch(`${url}/v2/deployments`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
  if (res.status !== 200) throw new Error(`deploying ${name} through ${url} answered ${res.status}: ${await res.text()}`);
}

/** Runs per job key. */
export function runsByJob(runs: readonly JobRun[]): Map<string, JobRun[]> {
  const byJob = new Map<string, JobRun[]>();
  for (const run of runs) byJob.set(run.jobKey, [...(byJob.get(run.jobKey) ?? []), run]);
  return byJob;
}

/** Asserts that every job of `keys` ran at least once (exactly once when `exactlyOnce`), and nothing else ran. */
export function expectEveryJobRan(runs: readonly JobRun[], keys: readonly string[], { exactlyOnce }: { exactlyOnce: boolean }): void {
  const byJob = runsByJob(runs);
  const instances = new Set(keys);
  expect(runs.filter((r) => !instances.has(r.instance))).toEqual([]);
  expect(byJob.size).toBe(keys.length * jobTypes.length);
  if (exactlyOnce) expect(runs).toHaveLength(keys.length * jobTypes.length);
  for (const type of jobTypes) expect(new Set(runs.filter((r) => r.type === type).map((r) => r.instance)).size, type).toBe(keys.length);
}

/** The node ids a node lists as live peers in `GET /v2/topology`, sorted. */
export async function peersOf(url: string): Promise<string[]> {
  const body = (await call<{ peers?: { nodeId: string }[] }>(url, '/v2/topology')).body;
  return (body.peers ?? []).map((p) => p.nodeId).sort();
}
