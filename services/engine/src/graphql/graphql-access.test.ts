import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authHarness, type AuthHarness, type Caller } from '../auth/__fixtures__/auth-harness.js';
import { codesOf, graphqlAs } from './__fixtures__/graphql-client.js';

/** Keys of the state each case starts from. */
interface Setup {
  /** Waits on user tasks approve (managers, carl) and check (clerks). */
  readonly atTasks: string;
  readonly approve: string;
  readonly definitionKey: string;
  /** A charge-card job activated by the setup (its instance waits on it). */
  readonly jobKey: string;
  readonly incidentKey: string;
}

async function setUp(h: AuthHarness): Promise<Setup> {
  const { key, approve } = await h.atTasks();
  const activate = async (): Promise<string> => {
    await h.startPay();
    const [job] = await h.engine.activateJobs({ type: 'charge-card', worker: 'setup', timeoutMs: 60_000, maxJobsToActivate: 1 });
    return job?.jobKey ?? '';
  };
  const jobKey = await activate();
  await h.engine.failJob(await activate(), { retries: 0, errorMessage: 'card declined', retryBackOffMs: 0 });
  // One more instance whose charge-card job is activatable.
  await h.startPay();
  const [incident] = (await h.engine.searchIncidents({})).items;
  const [definition] = (await h.engine.searchProcessDefinitions({})).items;
  return { atTasks: key, approve, definitionKey: definition?.processDefinitionKey ?? '', jobKey, incidentKey: incident?.incidentKey ?? '' };
}

interface Case {
  readonly name: string;
  readonly query: (s: Setup, h: AuthHarness) => string;
  readonly allowed: Caller;
  readonly refused: Caller;
  readonly refusedCode: 'FORBIDDEN' | 'UNAUTHENTICATED';
  /** The allowed caller passes authorization and gets REST's answer to the request, here this problem. */
  readonly allowedCode?: string;
}

const queries: readonly Case[] = [
  { name: 'processDefinitions with XML and form', query: () => '{ processDefinitions { items { processDefinitionId version xml form } page { totalItems } } }', allowed: 'alice', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'processDefinition', query: (s) => `{ processDefinition(key: "${s.definitionKey}") { processDefinitionId version } }`, allowed: 'oscar', refused: 'anonymous', refusedCode: 'UNAUTHENTICATED' },
  {
    name: 'processInstances (filter, sort, page) with tasks and incidents',
    query: () =>
      '{ processInstances(filter: { processDefinitionId: "pay" }, sort: [{ field: "startDate", order: DESC }], page: { limit: 2 }) { items { state userTasks { elementId } incidents { errorType } } page { totalItems endCursor } } }',
    allowed: 'oscar',
    refused: 'mia',
    refusedCode: 'FORBIDDEN',
  },
  {
    name: 'processInstance with element instances, variables, history, definition',
    query: (s) =>
      `{ processInstance(key: "${s.atTasks}") { state elementInstances { items { elementId state } } variables { items { name value } } history processDefinition { processDefinitionId } } }`,
    allowed: 'oscar',
    refused: 'mia',
    refusedCode: 'FORBIDDEN',
  },
  { name: 'elementInstances', query: (s) => `{ elementInstances(filter: { processInstanceKey: "${s.atTasks}" }) { items { elementId type } } }`, allowed: 'alice', refused: 'uma', refusedCode: 'FORBIDDEN' },
  { name: 'variables', query: () => '{ variables { items { name value processInstanceKey } } }', allowed: 'oscar', refused: 'cleo', refusedCode: 'FORBIDDEN' },
  { name: 'incidents with their instance', query: () => '{ incidents { items { incidentKey errorMessage processInstance { state } } } }', allowed: 'oscar', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'userTasks (the task list) with forms', query: () => '{ userTasks { items { elementId assignee form } } }', allowed: 'mia', refused: 'anonymous', refusedCode: 'UNAUTHENTICATED' },
  { name: 'userTask', query: (s) => `{ userTask(key: "${s.approve}") { elementId candidateUsers } }`, allowed: 'carl', refused: 'uma', refusedCode: 'FORBIDDEN' },
  { name: 'jobs', query: () => '{ jobs { items { jobKey type state } } }', allowed: 'alice', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'topology', query: () => '{ topology { nodeId clusterSize capabilities peers { nodeId } } }', allowed: 'uma', refused: 'anonymous', refusedCode: 'UNAUTHENTICATED' },
];

const mutations: readonly Case[] = [
  { name: 'deploy', query: (_s, h) => `mutation { deploy(xml: ${JSON.stringify(h.xml.replace('id="ship"', 'id="ship2"').replace('id="pay"', 'id="pay2"'))}, name: "auth2.bpmn") { deploymentKey deployments } }`, allowed: 'alice', refused: 'oscar', refusedCode: 'FORBIDDEN' },
  { name: 'createProcessInstance', query: () => 'mutation { createProcessInstance(processDefinitionId: "pay", variables: { amount: 5 }) { processInstanceKey processDefinitionVersion } }', allowed: 'mia', refused: 'oscar', refusedCode: 'FORBIDDEN' },
  { name: 'cancelProcessInstance', query: (s) => `mutation { cancelProcessInstance(key: "${s.atTasks}") }`, allowed: 'oscar', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'publishMessage', query: () => 'mutation { publishMessage(name: "paid", correlationKey: "o-1", timeToLive: 60000) { messageKey } }', allowed: 'payKey', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'correlateMessage', query: () => 'mutation { correlateMessage(name: "paid", correlationKey: "o-1") { messageKey } }', allowed: 'payKey', refused: 'mia', refusedCode: 'FORBIDDEN', allowedCode: 'NOT_FOUND' },
  { name: 'broadcastSignal', query: () => 'mutation { broadcastSignal(signalName: "stop") { signalKey } }', allowed: 'alice', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'assignUserTask', query: (s) => `mutation { assignUserTask(key: "${s.approve}", assignee: "carl") }`, allowed: 'carl', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'unassignUserTask', query: (s) => `mutation { unassignUserTask(key: "${s.approve}") }`, allowed: 'alice', refused: 'oscar', refusedCode: 'FORBIDDEN' },
  { name: 'completeUserTask', query: (s) => `mutation { completeUserTask(key: "${s.approve}", variables: { approved: true }) }`, allowed: 'mia', refused: 'uma', refusedCode: 'FORBIDDEN' },
  { name: 'activateJobs', query: () => 'mutation { activateJobs(type: "charge-card", worker: "w", timeout: 60000, maxJobsToActivate: 1) { jobKey type variables } }', allowed: 'payKey', refused: 'mia', refusedCode: 'FORBIDDEN' },
  { name: 'completeJob', query: (s) => `mutation { completeJob(key: "${s.jobKey}", variables: { charged: true }) }`, allowed: 'payKey', refused: 'shipKey', refusedCode: 'FORBIDDEN' },
  { name: 'failJob', query: (s) => `mutation { failJob(key: "${s.jobKey}", retries: 2, errorMessage: "timeout") }`, allowed: 'payKey', refused: 'shipKey', refusedCode: 'FORBIDDEN' },
  { name: 'throwJobError', query: (s) => `mutation { throwJobError(key: "${s.jobKey}", errorCode: "DECLINED", errorMessage: "card declined") }`, allowed: 'payKey', refused: 'shipKey', refusedCode: 'FORBIDDEN' },
  { name: 'updateJob', query: (s) => `mutation { updateJob(key: "${s.jobKey}", changeset: { retries: 5, timeout: null }) }`, allowed: 'payKey', refused: 'shipKey', refusedCode: 'FORBIDDEN' },
  { name: 'updateUserTask', query: (s) => `mutation { updateUserTask(key: "${s.approve}", changeset: { priority: 80, dueDate: null }) }`, allowed: 'oscar', refused: 'uma', refusedCode: 'FORBIDDEN' },
  { name: 'resolveIncident', query: (s) => `mutation { resolveIncident(key: "${s.incidentKey}") }`, allowed: 'oscar', refused: 'mia', refusedCode: 'FORBIDDEN' },
];

/** GraphQL runs REST's operations as the caller (issue 14): the same users are allowed and refused as over REST. */
describe('GraphQL access: each query and mutation with an allowed and a refused caller', { timeout: 30_000 }, () => {
  let h: AuthHarness;
  let s: Setup;
  beforeEach(async () => {
    h = await authHarness();
    s = await setUp(h);
  });
  afterEach(() => h.close());

  it.each([...queries, ...mutations])('$name: $refused is refused with $refusedCode and nothing changes; $allowed is answered', async ({ query, allowed, refused, refusedCode, allowedCode }) => {
    // given
    const before = await h.snapshot();
    // when
    const refusal = await graphqlAs(h, refused, query(s, h));
    // then
    expect(codesOf(refusal)).toContain(refusedCode);
    expect(refusal.errors[0]?.extensions?.status).toBe(refusedCode === 'FORBIDDEN' ? 403 : 401);
    expect(await h.snapshot()).toEqual(before);
    // when
    const answer = await graphqlAs(h, allowed, query(s, h));
    // then
    if (allowedCode === undefined) {
      expect(answer.errors).toEqual([]);
      expect(Object.values(answer.data ?? {}).every((value) => value !== null)).toBe(true);
    } else {
      expect(codesOf(answer)).toEqual([allowedCode]);
    }
  });

  it('answers a field the caller may not read with null and its error, and the rest of the answer', async () => {
    // when: a user (no operator) asks for her tasks' instances
    const answer = await graphqlAs(h, 'mia', '{ userTasks { items { elementId processInstance { state } } } }');
    // then
    expect(answer.data).toEqual({ userTasks: { items: [{ elementId: 'approve', processInstance: null }] } });
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expect(answer.errors[0]?.message).toBe('"mia" may not do this: it needs one of the roles admin, operator and has user.');
  });
});
