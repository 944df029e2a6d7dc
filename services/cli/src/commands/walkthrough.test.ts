import type { RunningNode } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, field, nodeModels, startQuietNode } from '../__fixtures__/cli-harness.js';

let node: RunningNode;
let url: string[];

beforeAll(async () => {
  node = await startQuietNode();
  url = ['--url', node.url];
});
afterAll(() => node.close());

/** The rows of a table printed by the CLI (header left out), split on runs of two or more spaces. */
const rows = (stdout: string): string[][] =>
  stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/ {2,}/));

describe('deploy, start, tasks, complete-task, instances against a running node', () => {
  it('drives an instance from deployment to COMPLETED, then prints its history in order', async () => {
    // given a deployed approval process
    const deployed = await baton('deploy', `${nodeModels}approval.bpmn`, ...url);
    expect(deployed).toMatchObject({ code: 0, stderr: '' });
    expect(deployed.stdout).toMatch(/^deployed 1 process\(es\)\nPROCESS +VERSION +KEY +RESOURCE\napproval +1 +\S+ +approval\.bpmn\n$/);

    // when an instance starts with --var values parsed as JSON where they are JSON
    const started = await baton('start', 'approval', '--var', 'amount=150', '--var', 'note=rush', ...url);
    expect(started.code).toBe(0);
    const key = field(started.stdout, 'instance') ?? '';
    expect(key).not.toBe('');
    expect(field(started.stdout, 'process')).toMatch(/^approval version 1 \(key \S+\)$/);

    // then its user task is in the task list, with the columns the help promises
    const tasks = await baton('tasks', '--group', 'managers', ...url);
    expect(tasks.code).toBe(0);
    expect(tasks.stdout.split('\n')[0]).toMatch(/^KEY +ELEMENT +NAME +ASSIGNEE +CANDIDATES +INSTANCE$/);
    const mine = rows(tasks.stdout).filter((row) => row[5] === key);
    expect(mine).toEqual([[expect.any(String), 'approve', 'Approve order', '-', 'group:managers', key]]);
    const taskKey = mine[0]?.[0] ?? '';

    // and `instances KEY` names the wait and the key to act on it
    const active = await baton('instances', key, ...url);
    expect(field(active.stdout, 'state')).toBe('ACTIVE');
    expect(active.stdout).toContain(`  approve  user task  ${taskKey}`);
    expect(active.stdout).toMatch(/\n {2}amount +150\n {2}note +"rush"\n/);

    // when the task is completed with a variable
    const completed = await baton('complete-task', taskKey, '--var', 'approved=true', ...url);
    expect(completed).toEqual({ code: 0, stdout: `completed user task ${taskKey}\n`, stderr: '' });

    // then the instance is COMPLETED with the variable, and --history lists its events in order
    const done = await baton('instances', key, '--history', ...url);
    expect(done.code).toBe(0);
    expect(field(done.stdout, 'state')).toBe('COMPLETED');
    expect(done.stdout).toMatch(/\n {2}approved +true\n/);
    const history = done.stdout.slice(done.stdout.indexOf('history ('));
    const events = rows(history).slice(1);
    expect(events.map((e) => Number(e[0]))).toEqual(events.map((_, i) => i));
    const types = events.map((e) => e[2]);
    expect(types[0]).toBe('InstanceCreated');
    expect(types.at(-1)).toBe('InstanceCompleted');
    expect(types.indexOf('UserTaskCreated')).toBeLessThan(types.indexOf('UserTaskCompleted'));
    expect(history).toContain('start -> approve (to-approve)');
    expect((await baton('tasks', ...url)).stdout).not.toContain(taskKey);
  });

  it('prints the API JSON with --json', async () => {
    const deployed = await baton('deploy', `${nodeModels}approval.bpmn`, '--json', ...url);
    expect(JSON.parse(deployed.stdout)).toMatchObject({ deployments: [{ processDefinition: { processDefinitionId: 'approval', processDefinitionVersion: 1 } }] });

    const started = JSON.parse((await baton('start', 'approval', '--variables', '{"amount":5}', '--json', ...url)).stdout) as { processInstanceKey: string };
    expect(started).toMatchObject({ processDefinitionId: 'approval', processInstanceKey: expect.any(String) });

    const tasks = JSON.parse((await baton('tasks', '--instance', started.processInstanceKey, '--json', ...url)).stdout) as { items: { userTaskKey: string }[] };
    expect(tasks).toMatchObject({ items: [{ elementId: 'approve', processInstanceKey: started.processInstanceKey }], page: { totalItems: 1 } });

    const instance = JSON.parse((await baton('instances', started.processInstanceKey, '--history', '--json', ...url)).stdout) as Record<string, unknown>;
    expect(instance).toMatchObject({ state: 'ACTIVE', variables: { amount: 5 }, waiting: [{ elementId: 'approve', kind: 'userTask' }] });
    expect(instance['history']).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'UserTaskCreated', position: expect.any(Number) })]));
  });

  it('claims a task for someone, and then lists it by assignee', async () => {
    const key = field((await baton('start', 'approval', ...url)).stdout, 'instance') ?? '';
    const taskKey = rows((await baton('tasks', '--instance', key, ...url)).stdout)[0]?.[0] ?? '';

    const claimed = await baton('claim-task', taskKey, '--assignee', 'ann', ...url);

    expect(claimed).toEqual({ code: 0, stdout: `assigned user task ${taskKey} to ann\n`, stderr: '' });
    expect(rows((await baton('tasks', '--assignee', 'ann', ...url)).stdout).map((row) => [row[0], row[3]])).toContainEqual([taskKey, 'ann']);
  });

  it('waits for the end with start --await and prints the final state and variables', async () => {
    await baton('deploy', `${nodeModels}routing.bpmn`, ...url);

    const started = await baton('start', 'routing', '--var', 'amount=500', '--await', ...url);

    expect(started.code).toBe(0);
    expect(field(started.stdout, 'state')).toBe('COMPLETED');
    expect(started.stdout).toMatch(/\nvariables\n {2}amount +500\n$/);
  });

  it('lists instances by process and state, with when they started and ended', async () => {
    // given one running and one cancelled approval
    const running = field((await baton('start', 'approval', ...url)).stdout, 'instance') ?? '';
    const cancelled = field((await baton('start', 'approval', ...url)).stdout, 'instance') ?? '';
    expect((await baton('cancel', cancelled, ...url)).code).toBe(0);

    // when
    const active = await baton('instances', '--process', 'approval', '--state', 'ACTIVE', ...url);
    const terminated = await baton('instances', '--state', 'TERMINATED', ...url);

    // then
    expect(active).toMatchObject({ code: 0, stderr: '' });
    expect(active.stdout.split('\n')[0]).toMatch(/^KEY +PROCESS +VERSION +STATE +STARTED +ENDED$/);
    expect(rows(active.stdout)).toContainEqual([running, 'approval', '1', 'ACTIVE', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), '-']);
    expect(rows(active.stdout).map((row) => row[0])).not.toContain(cancelled);
    expect(rows(terminated.stdout)).toContainEqual([cancelled, 'approval', '1', 'TERMINATED', expect.any(String), expect.stringMatching(/^\d{4}-/)]);
    expect(rows(terminated.stdout).every((row) => row[3] === 'TERMINATED')).toBe(true);
    const json = JSON.parse((await baton('instances', '--process', 'approval', '--json', ...url)).stdout) as { items: { processInstanceKey: string }[]; page: { totalItems: number } };
    expect(json.items.map((i) => i.processInstanceKey)).toEqual(expect.arrayContaining([running, cancelled]));
    expect(json.page.totalItems).toBe(json.items.length);
    expect(await baton('instances', '--process', 'nope', ...url)).toEqual({ code: 0, stdout: 'no instances of process nope\n', stderr: '' });
  });
});
