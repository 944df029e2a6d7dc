import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNode, type RunningNode, type StartNodeOptions } from '../../../services/engine/src/index.js';
import { usePostgres } from './postgres-test-support.js';

// A service task (type payments), then a one-second timer: both kept in Postgres (no --queue given).
const xml = readFileSync(new URL('fixtures/job-then-timer.bpmn', import.meta.url), 'utf8');

const postgres = usePostgres();
const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

describe('a node on Postgres alone (--store postgres://…, no --queue)', () => {
  const running: RunningNode[] = [];
  const start = async (extra: Partial<StartNodeOptions>): Promise<RunningNode> => {
    const node = await startNode({ ...quiet, store: postgres.url(), ...extra });
    running.push(node);
    return node;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((node) => node.close()));
  });

  const post = async (node: RunningNode, path: string, body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const stateOf = async (node: RunningNode, key: string): Promise<string> => ((await (await fetch(`${node.url}/v2/process-instances/${key}`)).json()) as { state: string }).state;

  it('migrates an empty database, reports ready, and runs an instance with a job and a timer to completion', async () => {
    // given a node started on an empty Postgres, with a payments handler
    const node = await start({ nodeId: 'pg-1', handlers: { payments: async () => ({ paid: true }) } });
    expect((await fetch(`${node.url}/health/ready`)).status).toBe(200);
    expect((await post(node, '/v2/deployments', xml, 'application/xml')).status).toBe(200);
    // when an instance starts
    const started = await post(node, '/v2/process-instances', JSON.stringify({ processDefinitionId: 'ship', variables: { amount: 7 } }));
    expect(started.status).toBe(200);
    const key = ((await started.json()) as { processInstanceKey: string }).processInstanceKey;
    // then its job is handled, its timer fires, and it completes with the job's variables
    await vi.waitFor(async () => expect(await stateOf(node, key)).toBe('COMPLETED'), { timeout: 20_000, interval: 100 });
    const history = await node.engine.getHistory(key);
    expect(history.flatMap((e) => (e.type === 'ElementCompleted' ? [e['elementId']] : []))).toEqual(['start', 'charge', 'cooling', 'end']);
    expect((await node.engine.getInstance(key)).variables).toMatchObject({ amount: 7, paid: true });
  });

  it('keeps a job in Postgres across a restart: a node without the handler starts the instance, a later node runs it', async () => {
    // given a node that cannot run payments jobs starts an instance, then stops
    const first = await start({ nodeId: 'pg-a' });
    expect((await post(first, '/v2/deployments', xml, 'application/xml')).status).toBe(200);
    const started = await post(first, '/v2/process-instances', JSON.stringify({ processDefinitionId: 'ship', variables: {} }));
    const key = ((await started.json()) as { processInstanceKey: string }).processInstanceKey;
    expect(await stateOf(first, key)).toBe('ACTIVE');
    await first.close();
    running.splice(running.indexOf(first), 1);
    // when a node with the handler starts on the same database
    const second = await start({ nodeId: 'pg-b', handlers: { payments: async () => ({ paid: 'later' }) } });
    // then it finds the waiting job and the instance completes there
    await vi.waitFor(async () => expect(await stateOf(second, key)).toBe('COMPLETED'), { timeout: 20_000, interval: 100 });
    expect((await second.engine.getInstance(key)).variables).toMatchObject({ paid: 'later' });
  });
});
