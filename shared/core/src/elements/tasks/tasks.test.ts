import { describe, expect, it } from 'vitest';
import { end, io, seq, serviceTask, start, userTask, zeebe, message } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';
import { visibleVariables } from '../../queries.js';

const straight = (middle: string, id: string, extra = '') => zeebe([start(), middle, end(), seq('start', id, 'end')].join('\n'), { extra });

describe('service task', () => {
  it('evaluates job type and retries at activation and puts the job on its queue', async () => {
    // given
    const engine = await TestEngine.of(straight(serviceTask('t', { type: '=kind', retries: '=2 + 3' }), 't'));
    // when
    engine.start('P', { kind: 'payments' });
    // then
    const enqueue = engine.effects.find((e) => e.type === 'EnqueueJob');
    expect(enqueue).toMatchObject({ type: 'EnqueueJob', jobType: 'payments', retries: 5, elementId: 't' });
    expect(engine.waiting()).toEqual(['t']);
  });

  it('refuses a second completion of the same job and leaves the state as it was', async () => {
    // given
    const engine = await TestEngine.of(straight(serviceTask('t'), 't'));
    engine.start('P');
    const { jobKey } = engine.jobKeyOf('t');
    engine.run('i1', { type: 'CompleteJob', jobKey, variables: {} });
    const before = engine.state;
    // when
    const rejection = engine.run('i1', { type: 'CompleteJob', jobKey, variables: {} });
    // then
    expect(rejection?.code).toBe('INSTANCE_NOT_ACTIVE');
    expect(engine.state).toBe(before);
  });

  it('refuses completing an unknown job with JOB_NOT_OPEN', async () => {
    // given
    const engine = await TestEngine.of(straight(serviceTask('t'), 't'));
    engine.start('P');
    // when
    const rejection = engine.run('i1', { type: 'CompleteJob', jobKey: 'i1.99', variables: {} });
    // then
    expect(rejection?.code).toBe('JOB_NOT_OPEN');
    expect(engine.waiting()).toEqual(['t']);
  });

  it('re-enqueues a failed job with back-off while retries are left, then raises an incident', async () => {
    // given
    const engine = await TestEngine.of(straight(serviceTask('t'), 't'));
    engine.start('P');
    // when
    engine.failJob('t', 2, 'flaky', 5000);
    // then
    expect(engine.effects.at(-1)).toMatchObject({ type: 'EnqueueJob', retries: 2, notBefore: engine.now + 5000 });
    expect(Object.keys(engine.state.incidents)).toHaveLength(0);
    // when
    engine.failJob('t', 0, 'broken');
    // then
    const incidents = Object.values(engine.state.incidents);
    expect(incidents).toMatchObject([{ errorType: 'JOB_NO_RETRIES', errorMessage: 'broken', elementId: 't' }]);
    expect(engine.waiting()).toEqual(['t']);
    expect(engine.completeJob('t')?.code).toBe('JOB_NOT_OPEN');
  });

  it('resolving a job incident sets retries and puts the job back on its queue', async () => {
    // given
    const engine = await TestEngine.of(straight(serviceTask('t'), 't'));
    engine.start('P');
    engine.failJob('t', 0);
    const [incident] = Object.values(engine.state.incidents);
    // when
    engine.run('i1', { type: 'ResolveIncident', incidentKey: incident!.incidentKey, retries: 3 });
    // then
    expect(engine.effects.at(-1)).toMatchObject({ type: 'EnqueueJob', retries: 3 });
    expect(engine.state.incidents).toEqual({});
    engine.completeJob('t');
    expect(engine.state.status).toBe('completed');
  });
});

describe('variables', () => {
  it('maps inputs into a local scope and outputs back, dropping the locals', async () => {
    // given
    const task = serviceTask('t', { ext: io([['=amount * 2', 'double']], [['=result + double', 'total']]) });
    const engine = await TestEngine.of(straight(task, 't'));
    engine.start('P', { amount: 5 });
    const rec = Object.values(engine.state.elementInstances)[0]!;
    // then
    expect(visibleVariables(engine.state, rec.elementInstanceId)).toEqual({ amount: 5, double: 10 });
    // when
    engine.completeJob('t', { result: 1 });
    // then
    expect(engine.variables).toEqual({ amount: 5, total: 11 });
  });

  it('raises EXPRESSION_FAILED when the job type is not a string, and retries it on resolve', async () => {
    // given
    const engine = await TestEngine.of(straight(serviceTask('t', { type: '=kind' }), 't'));
    engine.start('P');
    // then
    const [incident] = Object.values(engine.state.incidents);
    expect(incident).toMatchObject({ errorType: 'EXPRESSION_FAILED', elementId: 't' });
    expect(incident!.errorMessage).toContain("'t'");
    expect(engine.waiting()).toEqual(['t']);
    expect(engine.effects.some((e) => e.type === 'EnqueueJob')).toBe(false);
    // when
    engine.run('i1', { type: 'ResolveIncident', incidentKey: incident!.incidentKey });
    // then the activation ran again and failed again
    const after = Object.values(engine.state.incidents);
    expect(after).toHaveLength(1);
    expect(after[0]!.incidentKey).not.toBe(incident!.incidentKey);
    expect(engine.waiting()).toEqual(['t']);
  });
});

describe('script task', () => {
  it('evaluates a FEEL script in the core into its result variable', async () => {
    // given
    const script = `<bpmn:scriptTask id="s"><bpmn:extensionElements><zeebe:script expression="=a + b" resultVariable="sum" /></bpmn:extensionElements></bpmn:scriptTask>`;
    const engine = await TestEngine.of(straight(script, 's'));
    // when
    engine.start('P', { a: 1, b: 2 });
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toMatchObject({ sum: 3 });
    expect(engine.completed()).toEqual(['end', 's', 'start']);
  });
});

describe('deterministic FEEL clock', () => {
  it('now() in a script is the command time, not the wall clock', async () => {
    // given
    const script = `<bpmn:scriptTask id="s"><bpmn:extensionElements><zeebe:script expression="=string(now())" resultVariable="at" /></bpmn:extensionElements></bpmn:scriptTask>`;
    const engine = await TestEngine.of(straight(script, 's'));
    // when
    engine.start('P');
    // then
    expect(String(engine.variables['at'])).toContain('2026-01-01T00:00');
  });
});

describe('user task', () => {
  it('evaluates assignee and candidates (list or comma-separated) and completes with variables', async () => {
    // given
    const ext = `<zeebe:assignmentDefinition assignee="=owner" candidateGroups="sales, ops" candidateUsers="=[&quot;a&quot;, &quot;b&quot;]" />`;
    const engine = await TestEngine.of(straight(userTask('approve', ext), 'approve'));
    // when
    engine.start('P', { owner: 'ann' });
    // then
    const task = Object.values(engine.state.waits)[0];
    expect(task).toMatchObject({ kind: 'userTask', assignee: 'ann', candidateGroups: ['sales', 'ops'], candidateUsers: ['a', 'b'] });
    expect(engine.waiting()).toEqual(['approve']);
    // when
    engine.completeUserTask('approve', { approved: true });
    // then
    expect(engine.variables).toMatchObject({ approved: true });
    expect(engine.state.status).toBe('completed');
  });

  it('claims and unclaims', async () => {
    // given
    const engine = await TestEngine.of(straight(userTask('approve'), 'approve'));
    engine.start('P');
    const key = Object.keys(engine.state.waits)[0]!;
    // when
    engine.run('i1', { type: 'AssignUserTask', userTaskKey: key, assignee: 'bob' });
    // then
    expect(engine.state.waits[key]).toMatchObject({ assignee: 'bob' });
    engine.run('i1', { type: 'AssignUserTask', userTaskKey: key });
    expect(engine.state.waits[key]).not.toHaveProperty('assignee');
  });
});

describe('receive task and plain tasks', () => {
  it('a receive task waits for its message, keyed by the correlation key evaluated at activation', async () => {
    // given
    const receive = `<bpmn:receiveTask id="r" messageRef="m" />`;
    const engine = await TestEngine.of(straight(receive, 'r', message('m', 'paid', '=orderId')));
    engine.start('P', { orderId: 42 });
    // then
    expect(engine.waiting()).toEqual(['r']);
    expect(engine.publish('paid', 'other')).toBe(false);
    // when
    expect(engine.publish('paid', '42', { paid: true })).toBe(true);
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.variables).toMatchObject({ paid: true });
  });

  it('manual and plain tasks pass through', async () => {
    // given
    const body = [start(), '<bpmn:manualTask id="m" />', '<bpmn:task id="t" />', end(), seq('start', 'm', 't', 'end')].join('\n');
    const engine = await TestEngine.of(zeebe(body));
    // when
    engine.start('P');
    // then
    expect(engine.completed()).toEqual(['end', 'm', 'start', 't']);
  });
});
