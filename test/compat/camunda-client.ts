/**
 * The compatibility probe of issue 13: Camunda's own TypeScript client
 * (@camunda8/orchestration-cluster-api, pinned in the root package.json) against a real
 * Baton node (startNode on memory), once with response validation `res:strict` and once
 * with validation off. Prints a table: call → OK, or the first line of the error.
 * A script, not a test: it reports where Baton is not yet a drop-in; `npm run compat`. The same calls
 * run as a test (every call must pass under `res:strict`, memory and Redis) in `camunda-client.strict.test.ts`.
 * Setup a call needs (a key) is done over Baton's REST API when the client's call failed,
 * so each call is judged on its own.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createCamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import pino from 'pino';
import { hashPassword, startNode } from '@baton/engine';

type Client = ReturnType<typeof createCamundaClientLoose>;
export type Mode = 'res:strict' | 'none';

// Beside this file, or one folder up when run compiled from dist/ (`npm run compat`).
const xml = readFileSync(new URL(import.meta.url.includes('/dist/') ? '../compat.bpmn' : 'compat.bpmn', import.meta.url), 'utf8');
const noWait = { consistency: { waitUpToMs: 0 } };

// The client's filters take branded keys even from its loose factory: the probe's keys are plain strings, so filters are cast (`as never`).

/** Results by call, then by mode. */
const results = new Map<string, Partial<Record<Mode, string>>>();

/** The zod issues of a response the client's validation refused: `path: message` each (the client formats them as strings). */
function firstIssue(error: Record<string, unknown>): string {
  const issues = (error['issues'] ?? (error['cause'] as Record<string, unknown> | undefined)?.['issues']) as (string | { path?: unknown[]; message?: string })[] | undefined;
  const lines = (issues ?? []).map((issue) => (typeof issue === 'string' ? issue : `${(issue.path ?? []).join('.')}: ${issue.message ?? ''}`));
  return lines.length === 0 ? '' : ` (${lines.join('; ')})`;
}

function firstLine(error: unknown): string {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const http = typeof fields['status'] === 'number' ? ` HTTP ${String(fields['status'])}: ${String(fields['detail'] ?? fields['title'] ?? '')}` : '';
  const text = error instanceof Error ? `${error.name}: ${http === '' ? error.message : http.trim()}${firstIssue(fields)}` : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 400 ? `${line.slice(0, 397)}...` : line;
}

async function probe<T>(mode: Mode, call: string, run: () => Promise<T>): Promise<T | undefined> {
  const row = results.get(call) ?? {};
  results.set(call, row);
  try {
    const value = await run();
    row[mode] = 'OK';
    return value;
  } catch (error) {
    row[mode] = firstLine(error);
    return undefined;
  }
}

/** Baton's own REST API, for the setup a probed call needs when the client's call failed. */
function rest(url: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return Object.assign(call, { url });
}

type Raw = ReturnType<typeof rest>;
const keyOf = (value: unknown, field: string): string | undefined => {
  const key = (value as Record<string, unknown> | undefined)?.[field];
  return key === undefined ? undefined : String(key);
};

async function start(mode: Mode, client: Client, raw: Raw, processDefinitionId: string, variables: Record<string, unknown> = {}, call?: string): Promise<string> {
  const run = () => client.createProcessInstance({ processDefinitionId, variables });
  const created = call === undefined ? await run().catch(() => undefined) : await probe(mode, call, run);
  return keyOf(created, 'processInstanceKey') ?? keyOf(await raw('POST', '/v2/process-instances', { processDefinitionId, variables }), 'processInstanceKey') ?? '';
}

interface Activated {
  readonly jobKey: string;
  readonly processInstanceKey: string;
}

/** A job of a fresh instance; when the client's activation failed (it may have taken the job all the same), another instance's, over REST. */
async function activateOne(mode: Mode, client: Client, raw: Raw, call?: string): Promise<Activated> {
  const request = { type: 'compat-work', maxJobsToActivate: 1, timeout: 60_000, worker: 'compat-probe' };
  const run = () => client.activateJobs(request);
  const activated = call === undefined ? await run().catch(() => undefined) : await probe(mode, call, run);
  const viaClient = (activated as { jobs?: unknown[] } | undefined)?.jobs?.[0];
  if (viaClient !== undefined) return { jobKey: keyOf(viaClient, 'jobKey') ?? '', processInstanceKey: keyOf(viaClient, 'processInstanceKey') ?? '' };
  await start(mode, client, raw, 'compat-work');
  const job = (await raw<{ jobs: unknown[] }>('POST', '/v2/jobs/activation', request)).jobs[0];
  return { jobKey: keyOf(job, 'jobKey') ?? '', processInstanceKey: keyOf(job, 'processInstanceKey') ?? '' };
}

async function firstItem(raw: Raw, path: string, filter: Record<string, unknown>, field: string): Promise<string> {
  return keyOf((await raw<{ items: unknown[] }>('POST', path, { filter })).items[0], field) ?? '';
}

async function probeInstances(mode: Mode, client: Client, raw: Raw): Promise<void> {
  await probe(mode, 'getTopology', () => client.getTopology());
  await probe(mode, 'getLicense', () => client.getLicense());
  const file = new File([xml], 'compat.bpmn', { type: 'application/xml' });
  await probe(mode, 'createDeployment', () => client.createDeployment({ resources: [file as never] }));
  const processInstanceKey = await start(mode, client, raw, 'compat-work', { orderId: 'o-1' }, 'createProcessInstance');
  await probe(mode, 'createProcessInstance (awaitCompletion)', () => client.createProcessInstance({ processDefinitionId: 'compat-quick', awaitCompletion: true }));
  await probe(mode, 'searchProcessInstances', () => client.searchProcessInstances({ filter: { processDefinitionId: 'compat-work' } }, noWait));
  await probe(mode, 'getProcessInstance', () => client.getProcessInstance({ processInstanceKey }, noWait));
  await probe(mode, 'getProcessInstanceCallHierarchy', () => client.getProcessInstanceCallHierarchy({ processInstanceKey }, noWait));
  await probe(mode, 'getProcessInstanceSequenceFlows', () => client.getProcessInstanceSequenceFlows({ processInstanceKey }, noWait));
  await probe(mode, 'getProcessInstanceStatistics', () => client.getProcessInstanceStatistics({ processInstanceKey }, noWait));
  await probe(mode, 'searchVariables', () => client.searchVariables({ filter: { processInstanceKey } } as never, noWait));
  await probe(mode, 'searchElementInstances', () => client.searchElementInstances({ filter: { processInstanceKey } } as never, noWait));
  const toCancel = await start(mode, client, raw, 'compat-work');
  await probe(mode, 'cancelProcessInstance', () => client.cancelProcessInstance({ processInstanceKey: toCancel }));
  // A version of its own (nobody starts it), deleted through the client.
  const processId = `compat-delete-${mode}`;
  const throwaway = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:compat"><bpmn:process id="${processId}" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;
  const deployed = await (await fetch(`${raw.url}/v2/deployments`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: throwaway })).json();
  const resourceKey = keyOf((deployed as { deployments?: { processDefinition?: unknown }[] }).deployments?.[0]?.processDefinition, 'processDefinitionKey') ?? '';
  await probe(mode, 'deleteResource', () => client.deleteResource({ resourceKey } as never));
}

async function probeJobs(mode: Mode, client: Client, raw: Raw): Promise<void> {
  await start(mode, client, raw, 'compat-work', { orderId: 'o-2' });
  const completed = await activateOne(mode, client, raw, 'activateJobs');
  const isCompleted = await probe(mode, 'completeJob', () => client.completeJob({ jobKey: completed.jobKey, variables: { done: true } }));
  // The client may report a failure for a completion the node made (a response it refused): a second completion is then refused, and ignored.
  if (isCompleted === undefined) await raw('POST', `/v2/jobs/${completed.jobKey}/completion`, { variables: { done: true } }).catch(() => undefined);
  await start(mode, client, raw, 'compat-work');
  const failing = await activateOne(mode, client, raw);
  const isFailed = await probe(mode, 'failJob (retries 0: incident)', () => client.failJob({ jobKey: failing.jobKey, retries: 0, errorMessage: 'probe' }));
  if (isFailed === undefined) await raw('POST', `/v2/jobs/${failing.jobKey}/failure`, { retries: 0, errorMessage: 'probe' }).catch(() => undefined);
  await probe(mode, 'searchIncidents', () => client.searchIncidents({ filter: { processInstanceKey: failing.processInstanceKey } } as never, noWait));
  await probe(mode, 'searchProcessInstanceIncidents', () => client.searchProcessInstanceIncidents({ processInstanceKey: failing.processInstanceKey } as never, noWait));
  const incidentKey = await firstItem(raw, '/v2/incidents/search', { processInstanceKey: failing.processInstanceKey }, 'incidentKey');
  await probe(mode, 'getIncident', () => client.getIncident({ incidentKey } as never, noWait));
  await probe(mode, 'resolveIncident', () => client.resolveIncident({ incidentKey }));
  await probeUserTask(mode, client, raw, completed.processInstanceKey);
  await probeWorker(mode, client, raw);
}

async function probeUserTask(mode: Mode, client: Client, raw: Raw, processInstanceKey: string): Promise<void> {
  await probe(mode, 'searchUserTasks', () => client.searchUserTasks({ filter: { processInstanceKey } } as never, noWait));
  const userTaskKey = await firstItem(raw, '/v2/user-tasks/search', { processInstanceKey }, 'userTaskKey');
  await probe(mode, 'assignUserTask', () => client.assignUserTask({ userTaskKey, assignee: 'demo' }));
  await probe(mode, 'completeUserTask', () => client.completeUserTask({ userTaskKey, variables: { approved: true } }));
}

async function probeWorker(mode: Mode, client: Client, raw: Raw): Promise<void> {
  await probe(mode, 'createJobWorker (one job completed)', async () => {
    let handled: (value: string) => void = () => undefined;
    const done = new Promise<string>((resolve) => (handled = resolve));
    const worker = client.createJobWorker({
      jobType: 'compat-work',
      maxParallelJobs: 1,
      jobTimeoutMs: 60_000,
      pollIntervalMs: 100,
      workerName: 'compat-worker',
      jobHandler: async (job) => {
        handled(String(job.jobKey));
        return job.complete({});
      },
    });
    try {
      await start(mode, client, raw, 'compat-work');
      // A script's bound, not a test's: a worker that never gets the job is reported, not awaited forever.
      const outcome = await Promise.race([done, new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref())]);
      if (outcome === 'timeout') throw new Error('the worker handled no job within 20 s');
    } finally {
      worker.stop();
    }
  });
}

async function probeMessages(mode: Mode, client: Client, raw: Raw): Promise<void> {
  const orderId = `o-${mode}`;
  const processInstanceKey = await start(mode, client, raw, 'compat-waits', { orderId });
  await probe(mode, 'searchMessageSubscriptions', () => client.searchMessageSubscriptions({ filter: { processInstanceKey } } as never, noWait));
  await probe(mode, 'publishMessage', () => client.publishMessage({ name: 'compat-published', correlationKey: orderId, timeToLive: 0, variables: {} }));
  await probe(mode, 'publishMessage (timeToLive, messageId)', () =>
    client.publishMessage({ name: 'compat-buffered', correlationKey: orderId, timeToLive: 60_000, messageId: `m-${mode}`, variables: {} }),
  );
  await probe(mode, 'correlateMessage', () => client.correlateMessage({ name: 'compat-correlated', correlationKey: orderId, variables: {} }));
  await probe(mode, 'broadcastSignal', () => client.broadcastSignal({ signalName: 'compat-signal', variables: {} }));
}

/** Camunda's identity calls, as the admin with the client's BASIC strategy, against a node with authentication (`identityNode`). */
async function probeIdentity(url: string, modes: readonly Mode[]): Promise<void> {
  for (const mode of modes) {
    const client = createCamundaClientLoose({
      config: {
        CAMUNDA_REST_ADDRESS: `${url}/v2`,
        CAMUNDA_AUTH_STRATEGY: 'BASIC',
        CAMUNDA_BASIC_AUTH_USERNAME: identityAdmin.username,
        CAMUNDA_BASIC_AUTH_PASSWORD: identityAdmin.password,
        CAMUNDA_SDK_VALIDATION: mode,
        CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
      },
      log: { level: 'silent' },
    });
    const suffix = mode === 'none' ? 'off' : 'strict';
    await probe(mode, 'getAuthentication', () => client.getAuthentication());
    await probe(mode, 'createUser', () => client.createUser({ username: `compat-${suffix}`, password: 'compat-password', name: 'Compat' }, noWait));
    await probe(mode, 'searchUsers', () => client.searchUsers({ filter: { username: `compat-${suffix}` } } as never, noWait));
    await probe(mode, 'getUser', () => client.getUser({ username: `compat-${suffix}` } as never, noWait));
    await probe(mode, 'createGroup', () => client.createGroup({ groupId: `compat-${suffix}`, name: 'Compat' }));
    await probe(mode, 'searchGroups', () => client.searchGroups({} as never, noWait));
    await probe(mode, 'createRole (refused 501: Baton\'s roles are fixed)', () => client.createRole({ roleId: `compat-${suffix}`, name: 'Compat' }));
    await probe(mode, 'searchRoles', () => client.searchRoles({} as never, noWait));
    const grant = { ownerId: `compat-${suffix}`, ownerType: 'USER', resourceId: '*', resourceType: 'PROCESS_DEFINITION', permissionTypes: ['READ_PROCESS_INSTANCE'] } as const;
    await probe(mode, 'createAuthorization (refused 501: permissions come with roles)', () => client.createAuthorization(grant as never));
    await probe(mode, 'searchAuthorizations', () => client.searchAuthorizations({ filter: { ownerType: 'ROLE' } } as never, noWait));
    await probe(mode, 'searchTenants', () => client.searchTenants({} as never, noWait));
  }
}

/** The admin of the node the identity calls run against. */
const identityAdmin = { username: 'compat-admin', password: 'compat-admin-password' };

/** A node with authentication: the identity operations exist only there. */
async function identityNode() {
  const user = { username: identityAdmin.username, passwordHash: await hashPassword(identityAdmin.password), roles: ['admin' as const], groups: [] };
  const auth = { identity: { users: [user], groups: [], apiKeys: [] }, sessionSecret: 'compat-'.repeat(6) };
  return startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, auth });
}

function table(): string {
  const rows = [...results].map(([call, row]) => `| ${call} | ${row['res:strict'] ?? '-'} | ${row.none ?? '-'} |`);
  return ['| call | res:strict | validation off |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Results of every call against the node at `url`, by call, then by mode: `OK` or the first line of the error. */
export async function probeNode(url: string, modes: readonly Mode[]): Promise<ReadonlyMap<string, Partial<Record<Mode, string>>>> {
  results.clear();
  const raw = rest(url);
  for (const mode of modes) {
    const client = createCamundaClientLoose({
      config: { CAMUNDA_REST_ADDRESS: `${url}/v2`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_VALIDATION: mode, CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1 },
      log: { level: 'silent' },
    });
    await probeInstances(mode, client, raw);
    await probeJobs(mode, client, raw);
    await probeMessages(mode, client, raw);
  }
  return new Map(results);
}

async function main(): Promise<void> {
  const node = await startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 });
  try {
    await probeNode(node.url, ['res:strict', 'none']);
  } finally {
    await node.close();
  }
  const secured = await identityNode();
  try {
    await probeIdentity(secured.url, ['res:strict', 'none']);
  } finally {
    await secured.close();
  }
  const counts = (mode: Mode) => [...results.values()].filter((row) => row[mode] === 'OK').length;
  process.stdout.write(`${table()}\n\nOK with res:strict: ${counts('res:strict')}/${results.size}; with validation off: ${counts('none')}/${results.size}\n`);
}

// Run as the script (`npm run compat`), not when `camunda-client.strict.test.ts` imports the calls.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
