/**
 * Every Camunda 8.8 operation Baton serves, called through Camunda's own client
 * (@camunda8/orchestration-cluster-api 8.8.4) with `CAMUNDA_SDK_VALIDATION=res:strict`
 * against a real `baton serve` (issue 13): the operations the node lists in /openapi.json,
 * each made ready by its driver in `operation-drivers.ts` and then called as
 * `client[operationId]`, on memory and on Redis; and the identity operations on a node
 * with authentication, as its admin with the client's BASIC strategy. An operation the
 * client refuses (its validation, or an HTTP error) is listed with what it said.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import { hashPassword } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../../services/engine/src/auth/__fixtures__/oidc-provider.js';
import { camundaOperationOf, camundaOperations, type CamundaOperation } from './camunda-schemas.js';
import { ClientRest } from './client-rest.js';
import { calls, created, refused } from './identity-calls.js';
import { drivers, Fixture } from './operation-drivers.js';
import { compatServers, servedNode } from './serve-node.js';

const admin = { username: 'compat-admin', password: 'compat-admin-password' };
/** A node with authentication needs a session secret. */
const sessionSecret = { BATON_SESSION_SECRET: 's'.repeat(32) };

/**
 * Calls the client itself refuses whatever the server does, with why. Each must still fail
 * as described here (so a fixed client shows up); its answer is checked by
 * `bodies.strict.test.ts` against 8.8's schema.
 */
const clientDefects: Readonly<Record<string, { readonly reason: string; readonly error: RegExp }>> = {
  getStartProcessForm: {
    reason:
      'A definition without a start form answers 204, as Camunda 8.8 does; client 8.8.4 turns every 204 into {} (hey-api\'s empty JSON) and then refuses {} with its own schema, FormResult | void.',
    error: /Invalid getStartProcessForm response: validation failed/,
  },
  evaluateDecision: {
    reason:
      'A successful evaluation has no failed decision: Camunda 8.8 answers failedDecisionDefinitionId "" (Zeebe\'s empty failedDecisionId), as Baton does; client 8.8.4 requires a non-empty id there even on success.',
    error: /Invalid evaluateDecision response: validation failed \["failedDecisionDefinitionId: Too small/,
  },
};

function clientOf(url: string, auth: 'NONE' | 'BASIC') {
  const basic = auth === 'BASIC' ? { CAMUNDA_BASIC_AUTH_USERNAME: admin.username, CAMUNDA_BASIC_AUTH_PASSWORD: admin.password } : {};
  return createCamundaClientLoose({
    config: { CAMUNDA_REST_ADDRESS: `${url}/v2`, CAMUNDA_AUTH_STRATEGY: auth, CAMUNDA_SDK_VALIDATION: 'res:strict', CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1, ...basic },
    log: { level: 'silent' },
  });
}

/** The 8.8 operations the node lists in /openapi.json. */
async function servedOperations(url: string): Promise<CamundaOperation[]> {
  const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).flatMap((method) => camundaOperationOf(method, path) ?? []));
}

// Clock control needs the in-memory queue (BullMQ times delayed jobs by the host clock).
const { cli, stores } = compatServers(['--enable-clock-control']);

describe.each(stores)('every served operation through Camunda client 8.8.4 with res:strict on $name', ({ name, args }) => {
  const node = servedNode(cli, args);

  test('each answers the client without an error', async () => {
    // given a real `baton serve`, the operations it serves, and compat.bpmn deployed
    const { url } = node();
    const rest = new ClientRest(url, {}, clientOf(url, 'NONE'));
    const fixture = new Fixture(rest);
    await fixture.deployed();
    // On Redis, the node refuses clock control (403): the clock operations are checked on memory.
    const operations = (await servedOperations(url)).filter((op) => name === 'memory' || !['pinClock', 'resetClock'].includes(op.operationId));

    // when each is driven, its driven call going through the client
    const failed: string[] = [];
    for (const operation of operations) {
      const driver = drivers[operation.operationId];
      if (driver === undefined) {
        failed.push(`${operation.operationId}: served, but no driver in operation-drivers.ts`);
        continue;
      }
      const answer = await rest.drive(operation, () => driver(fixture));
      const defect = clientDefects[operation.operationId];
      if (defect !== undefined) {
        if (answer.status !== 0 || !defect.error.test(String(answer.body))) failed.push(`${operation.operationId}: expected the client's known defect (${defect.reason}), found ${answer.status} ${JSON.stringify(answer.body)}`);
        continue;
      }
      if (answer.status === 0 || answer.status >= 300) failed.push(`${operation.operationId}: ${answer.status} ${typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)}`.slice(0, 600));
    }

    // then each went through the client and none failed
    expect(operations.length).toBeGreaterThan(40);
    expect(failed, `${failed.length}/${operations.length} operations failed through the client:\n${failed.join('\n')}`).toEqual([]);
    expect([...rest.called].sort()).toEqual(operations.map((op) => op.operationId).sort());
  });
});

describe('the identity operations through Camunda client 8.8.4 with res:strict, BASIC as the admin', () => {
  let identity = '';
  beforeAll(async () => {
    identity = join(await mkdtemp(join(tmpdir(), 'baton-compat-')), 'identity.yaml');
    await writeFile(identity, `users:\n  - username: ${admin.username}\n    passwordHash: "${await hashPassword(admin.password, { N: 1024 })}"\n    roles: [admin]\n`);
  });
  const node = servedNode(cli, () => ['--identity', identity], sessionSecret);

  test('each answers the client as 8.8 does (the changes Baton cannot express: 501)', async () => {
    const { url } = node();
    const basic = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
    const rest = new ClientRest(url, { authorization: basic }, clientOf(url, 'BASIC'));
    const failed: string[] = [];
    for (const [operationId, path, body] of calls) {
      const operation = camundaOperations.find((op) => op.operationId === operationId);
      if (operation === undefined) throw new Error(`${operationId} is no 8.8 operation`);
      const answer = await rest.drive(operation, () => rest.call(operation.method, path, body));
      const expected = refused.has(operationId) ? [501] : created.has(operationId) ? [200, 201] : [200, 204];
      if (!expected.includes(answer.status)) failed.push(`${operationId}: expected ${expected.join(' or ')}, found ${answer.status} ${typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)}`.slice(0, 600));
    }
    expect(failed).toEqual([]);
    expect(rest.called.size).toBe(calls.length);
  });
});

describe('Camunda client 8.8.4 with the OAUTH strategy: a client-credentials token from the OIDC provider, checked by the node', () => {
  let provider: TestOidcProvider;
  beforeAll(async () => {
    provider = await startOidcProvider({ 'orders-service': { secret: 'orders-secret', claims: { preferred_username: 'orders-service', roles: ['admin'] } } });
  });
  afterAll(async () => {
    await provider?.close();
  });
  const node = servedNode(cli, () => ['--oidc-issuer', provider.issuer, '--oidc-audience', 'baton'], sessionSecret);
  const oauthClient = (secret: string) =>
    createCamundaClientLoose({
      config: {
        CAMUNDA_REST_ADDRESS: `${node().url}/v2`,
        CAMUNDA_AUTH_STRATEGY: 'OAUTH',
        CAMUNDA_OAUTH_URL: provider.tokenUrl,
        CAMUNDA_CLIENT_ID: 'orders-service',
        CAMUNDA_CLIENT_SECRET: secret,
        CAMUNDA_TOKEN_AUDIENCE: 'baton',
        CAMUNDA_SDK_VALIDATION: 'res:strict',
        CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
        CAMUNDA_OAUTH_RETRY_MAX: 1,
      } as never,
      log: { level: 'silent' },
    });

  test('deploys, starts, reads and cancels with the token the client fetched; a wrong secret gets no token and no access', async () => {
    // given the client with its credentials
    const client = oauthClient('orders-secret');
    const { url } = node();
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="urn:oauth"><bpmn:process id="oauth-wait" isExecutable="true"><bpmn:startEvent id="s"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent><bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="oauth-work" /></bpmn:extensionElements><bpmn:incoming>f</bpmn:incoming></bpmn:serviceTask><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t" /></bpmn:process></bpmn:definitions>`;

    // when it deploys, starts, reads and cancels
    const deployed = await client.createDeployment({ resources: [new File([xml], 'oauth.bpmn', { type: 'application/xml' })] as never });
    const created = await client.createProcessInstance({ processDefinitionId: 'oauth-wait' } as never);
    const read = await client.getProcessInstance({ processInstanceKey: created.processInstanceKey }, { consistency: { waitUpToMs: 0 } });
    await client.cancelProcessInstance({ processInstanceKey: created.processInstanceKey });

    // then each call went through with the token
    expect(deployed.deployments).toHaveLength(1);
    expect(read).toMatchObject({ processInstanceKey: created.processInstanceKey, processDefinitionId: 'oauth-wait', state: 'ACTIVE' });
    const after = await fetch(`${url}/v2/process-instances/${created.processInstanceKey}`, { headers: { authorization: `Bearer ${await provider.sign({ sub: 'check', roles: ['operator'] })}` } });
    expect(await after.json()).toMatchObject({ state: 'TERMINATED' });
    // and: without a token (a wrong secret) nothing is reachable
    await expect(oauthClient('wrong-secret').getTopology()).rejects.toThrow();
    expect((await fetch(`${url}/v2/process-instances/${created.processInstanceKey}`)).status).toBe(401);
  });
});
