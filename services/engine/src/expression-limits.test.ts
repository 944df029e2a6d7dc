import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceView } from './engine-api.js';
import { linearProcess, scriptTask } from './__fixtures__/linear-process.js';
import { untilInstance } from './__fixtures__/until-instance.js';
import { startNode, type RunningNode } from './start-node.js';

// Issue #12, finding 1: `=for i in 1..100000000 return i` blocked the event loop for
// ~46 s, then the node died of heap exhaustion. Now it is an incident, and the node serves on.
const scriptProcess = (processId: string, expression: string): string => linearProcess(processId, 'script', scriptTask('script', expression, 'out'));

const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;
let dir = '';
const logLines: string[] = [];
let node: RunningNode;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-expression-limits-'));
  await writeFile(join(dir, 'huge.bpmn'), scriptProcess('huge', '=for i in 1..100000000 return i'));
  await writeFile(join(dir, 'small.bpmn'), scriptProcess('small', '=for i in 1..3 return i'));
  node = await startNode({ ...quiet, logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }), deployDir: dir });
});

afterAll(async () => {
  await node.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(processDefinitionId: string): Promise<string> {
  const response = await fetch(`${node.url}/v2/process-instances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ processDefinitionId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { processInstanceKey: string }).processInstanceKey;
}

const until = (key: string, done: (view: InstanceView) => boolean): Promise<InstanceView> => untilInstance(node, key, done, 60_000);

describe('an expression over its limits, on a real node over HTTP', () => {
  it('becomes an incident naming element, expression and limit; /health/live answers meanwhile and after; other instances complete', async () => {
    // when: the instance starts while liveness is asked at the same time
    const [hugeKey, liveDuring] = await Promise.all([start('huge'), fetch(`${node.url}/health/live`)]);
    // then
    expect(liveDuring.status).toBe(200);
    const huge = await until(hugeKey, (view) => view.hasIncident);
    expect(huge.state).toBe('ACTIVE');
    expect(huge.incidents).toHaveLength(1);
    expect(huge.incidents[0]).toMatchObject({ elementId: 'script', errorType: 'EXPRESSION_FAILED' });
    expect(huge.incidents[0]?.errorMessage).toContain('for i in 1..100000000 return i');
    expect(huge.incidents[0]?.errorMessage).toContain('maxSteps');
    expect(huge.incidents[0]?.errorMessage).toContain('--expression-max-steps');
    // and: the node logged it with the instance, the element and the code
    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => record['incidentKey'] !== undefined);
    expect(logged).toMatchObject({ instanceId: hugeKey, elementId: 'script', code: 'EXPRESSION_FAILED' });
    expect(String(logged?.['errorMessage'])).toContain('maxSteps');
    // and: the node is alive and serves another instance to its end
    expect((await fetch(`${node.url}/health/live`)).status).toBe(200);
    const smallKey = await start('small');
    const small = await until(smallKey, (view) => view.state !== 'ACTIVE');
    expect(small).toMatchObject({ state: 'COMPLETED', variables: { out: [1, 2, 3] } });
  });
});

describe('the node passes its configured limits to the core', () => {
  it('an expression within the default limits is an incident under a node started with --expression-max-steps 2', async () => {
    // given
    const strict = await startNode({ ...quiet, deployDir: dir, expressionLimits: { maxSteps: 2 } });
    try {
      // when
      const { processInstanceKey: key } = await strict.engine.startInstance({ processDefinitionId: 'small', variables: {} });
      // then
      const view = await strict.engine.getInstance(key);
      expect(view.incidents[0]).toMatchObject({ elementId: 'script', errorType: 'EXPRESSION_FAILED' });
      expect(view.incidents[0]?.errorMessage).toContain('maxSteps = 2');
    } finally {
      await strict.close();
    }
  });
});
