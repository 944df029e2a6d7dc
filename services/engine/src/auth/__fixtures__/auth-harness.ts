import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { createInMemoryEngine } from '@baton/memory';
import { ControlledClock, systemClock } from '@baton/runtime';
import type { EngineApi } from '../../engine-api.js';
import { createRuntimeEngineApi } from '../../runtime-engine-api.js';
import { buildServer } from '../../server.js';
import { createApiKey } from '../api-key.js';
import type { AuthConfig } from '../auth-config.js';
import type { IdentityData } from '../identity.js';
import { hashPassword } from '../password.js';

/** Test passwords are hashed cheaply; the format and the check are the real ones. */
const cheap = { N: 1024, r: 8, p: 1 };
export const password = 'correct horse battery';

/** Who the tests act as: users by username, API keys by id. */
export type Caller = 'alice' | 'oscar' | 'mia' | 'carl' | 'cleo' | 'uma' | 'payKey' | 'shipKey' | 'storeKey' | 'anonymous';

export const apiKeys = { payKey: createApiKey('pay'), shipKey: createApiKey('ship'), storeKey: createApiKey('edge') };

/**
 * alice admin; oscar operator; mia a manager (group managers); carl a candidate user of
 * `approve`; cleo a clerk (lane clerks); uma a user of no group; API key `pay` works
 * charge-card jobs, `ship` works ship jobs, `edge` has the role store (a proxy store's key).
 */
export async function testIdentity(): Promise<IdentityData> {
  const hash = await hashPassword(password, cheap);
  const user = (username: string, roles: ('admin' | 'operator' | 'user')[], groups: string[] = []) => ({ username, passwordHash: hash, roles, groups });
  return {
    users: [user('alice', ['admin']), user('oscar', ['operator']), user('mia', ['user']), user('carl', ['user']), user('cleo', ['user']), user('uma', ['user'])],
    groups: [
      { groupId: 'managers', roles: [], members: ['mia'] },
      { groupId: 'clerks', roles: [], members: ['cleo'] },
    ],
    apiKeys: [
      { keyId: 'pay', hash: apiKeys.payKey.hash, roles: ['worker'], jobTypes: ['charge-card'] },
      { keyId: 'ship', hash: apiKeys.shipKey.hash, roles: ['worker'], jobTypes: ['ship'] },
      { keyId: 'edge', hash: apiKeys.storeKey.hash, roles: ['store'], jobTypes: [] },
    ],
  };
}

export interface AuthHarness {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly engine: EngineApi;
  /** Sends a request as `caller` over real HTTP (session cookie and CSRF token for users); a string body goes as XML. */
  request(caller: Caller, method: string, path: string, body?: unknown): Promise<Response>;
  /** Everything a request could change: definitions, instances with their state, open tasks, incidents. */
  snapshot(): Promise<unknown>;
  /** The XML of auth.bpmn. */
  readonly xml: string;
  /** Deploys auth.bpmn and starts `pay`; returns the instance key (waiting on the charge-card job). */
  startPay(): Promise<string>;
  /** Starts `pay` and completes its job: the instance waits on `approve` (managers, carl) and `check` (lane clerks). */
  atTasks(): Promise<{ key: string; approve: string; check: string }>;
  close(): Promise<void>;
}

interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** Logs `username` in over HTTP and keeps the cookies. */
export async function login(url: string, username: string, secret = password): Promise<Session> {
  const res = await fetch(`${url}/v2/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: secret }) });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A node with the test identity, on the in-memory runtime, listening on 127.0.0.1:0. */
export async function authHarness(extra: Partial<AuthConfig> = {}): Promise<AuthHarness> {
  const clock = new ControlledClock(systemClock());
  const runtime = createInMemoryEngine({ nodeId: 'auth-node', clock });
  const engine = await createRuntimeEngineApi({ engine: runtime, bus: runtime.bus });
  const app = await buildServer({ engine, nodeId: 'auth-node', clock, store: runtime.store, auth: { identity: await testIdentity(), sessionSecret: 'x'.repeat(32), ...extra } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const sessions = new Map<string, Session>();
  const headersOf = async (caller: Caller): Promise<Record<string, string>> => {
    if (caller === 'anonymous') return {};
    if (caller === 'payKey' || caller === 'shipKey' || caller === 'storeKey') return { authorization: `Bearer ${apiKeys[caller].key}` };
    if (!sessions.has(caller)) sessions.set(caller, await login(url, caller));
    const session = sessions.get(caller) as Session;
    return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  };
  const xml = readFileSync(new URL('./auth.bpmn', import.meta.url), 'utf8');
  const startPay = async (): Promise<string> => {
    if (!(await engine.searchProcessDefinitions({})).items.some((d) => d.processDefinitionId === 'pay')) await engine.deploy([{ name: 'auth.bpmn', xml }], { allowNonExecutable: false });
    return (await engine.startInstance({ processDefinitionId: 'pay', variables: { amount: 10 } })).processInstanceKey;
  };
  return {
    url,
    app,
    engine,
    async request(caller, method, path, body) {
      const headers = await headersOf(caller);
      if (body === undefined) return fetch(`${url}${path}`, { method, headers });
      const isXml = typeof body === 'string';
      const contentType = isXml ? 'application/xml' : 'application/json';
      return fetch(`${url}${path}`, { method, headers: { ...headers, 'content-type': contentType }, body: isXml ? body : JSON.stringify(body) });
    },
    async snapshot() {
      const { items } = await runtime.searchInstances({ limit: 1000 });
      const states = await Promise.all(items.map(async (i) => (await runtime.getInstance(i.instanceId)).state));
      return { definitions: (await engine.searchProcessDefinitions({})).items, states, tasks: (await engine.searchUserTasks({})).items, incidents: (await engine.searchIncidents({})).items };
    },
    xml,
    startPay,
    async atTasks() {
      const key = await startPay();
      const [job] = await engine.activateJobs({ type: 'charge-card', worker: 'setup', timeoutMs: 60_000, maxJobsToActivate: 1 });
      await engine.completeJob(job?.jobKey ?? '', {});
      const tasks = (await engine.searchUserTasks({ filter: { processInstanceKey: key } })).items;
      const keyOf = (elementId: string): string => tasks.find((t) => t.elementId === elementId)?.userTaskKey ?? '';
      return { key, approve: keyOf('approve'), check: keyOf('check') };
    },
    async close() {
      await app.close();
      await engine.close();
    },
  };
}
