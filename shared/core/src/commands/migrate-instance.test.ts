import type { ProcessDefinition } from '@baton/model';
import { describe, expect, it } from 'vitest';
import { end, escape, message, seq, serviceTask, start, timer, userTask, zeebe } from '../test-support/bpmn.js';
import { deploy, TestEngine } from '../test-support/test-engine.js';

const boundary = (id: string, attachedTo: string, definition: string, interrupting = true) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>`;

/** Version 1: a job `a` with a 1 h timer boundary `late`, then the end. */
const v1 = zeebe([start(), serviceTask('a', { type: 'work' }), boundary('late', 'a', timer('timeDuration', 'PT1H')), end('late-end'), end(), seq('start', 'a', 'end'), seq('late', 'late-end')].join('\n'));

/** Version 2: the job is `a2` (same type) with a message boundary `cancelled`, then a new user task `check` before the end. */
const v2 = zeebe(
  [
    start(),
    serviceTask('a2', { type: 'work' }),
    `<bpmn:boundaryEvent id="cancelled" attachedToRef="a2"><bpmn:messageEventDefinition messageRef="m-cancel" /></bpmn:boundaryEvent>`,
    end('cancelled-end'),
    userTask('check'),
    end(),
    seq('start', 'a2', 'check', 'end'),
    seq('cancelled', 'cancelled-end'),
  ].join('\n'),
  { extra: message('m-cancel', 'cancel', '=orderId') },
);

async function versions(): Promise<{ engine: TestEngine; target: ProcessDefinition }> {
  const engine = await TestEngine.of(v1);
  const target = { ...(await deploy(v2))['P'], definitionKey: 'P-v2' } as ProcessDefinition;
  return { engine, target };
}

/** Runs the migration on the target definition (the shell hands `decide` the target). */
function migrate(engine: TestEngine, target: ProcessDefinition, mappings: { sourceElementId: string; targetElementId: string }[]) {
  const source = engine.definitions['P'] as ProcessDefinition;
  engine.definitions['P'] = target;
  const refused = engine.run('i1', { type: 'MigrateInstance', targetDefinitionKey: target.definitionKey, mappings });
  if (refused !== undefined) engine.definitions['P'] = source;
  return refused;
}

describe('MigrateInstance (POST /v2/process-instances/{key}/migration, issue 19)', () => {
  it('moves the waiting job to the mapped element of the new version: same job, the new flow after it', async () => {
    // given an instance of v1 waiting at a
    const { engine, target } = await versions();
    engine.start('P', { orderId: 'o-1' });
    const jobKey = engine.jobKeyOf('a').jobKey;
    // when it migrates a -> a2
    const refused = migrate(engine, target, [{ sourceElementId: 'a', targetElementId: 'a2' }]);
    // then it runs v2, its job is the same one now at a2
    expect(refused).toBeUndefined();
    expect(engine.state.definitionKey).toBe('P-v2');
    expect(engine.waiting()).toEqual(['a2']);
    expect(engine.state.waits[jobKey]).toMatchObject({ kind: 'job', elementId: 'a2', jobType: 'work' });
    expect(engine.events().find((e) => e.type === 'InstanceMigrated')).toMatchObject({ toDefinitionKey: 'P-v2', elementIds: { a: 'a2' } });
    // and v1's timer boundary closed, v2's message boundary opened
    expect(engine.effects).toContainEqual(expect.objectContaining({ type: 'CancelTimer' }));
    expect(Object.values(engine.state.waits)).toContainEqual(expect.objectContaining({ kind: 'message', elementId: 'cancelled', messageName: 'cancel', correlationKey: 'o-1' }));
    // when the job completes, the instance goes on in v2 (the new user task)
    expect(engine.completeJob('a2')).toBeUndefined();
    expect(engine.waiting()).toEqual(['check']);
  });

  it('keeps a mapped boundary subscription', async () => {
    // given v1 waiting at a with its timer; a target whose boundary is a timer too
    const engine = await TestEngine.of(v1);
    const sameShape = zeebe([start(), serviceTask('a2', { type: 'work' }), boundary('late2', 'a2', timer('timeDuration', 'PT2H')), end('late-end'), end(), seq('start', 'a2', 'end'), seq('late2', 'late-end')].join('\n'));
    const target = { ...(await deploy(sameShape))['P'], definitionKey: 'P-v3' } as ProcessDefinition;
    engine.start('P');
    const timerKey = Object.values(engine.state.waits).find((w) => w.kind === 'timer')?.timerKey;
    // when a -> a2 and late -> late2
    const refused = migrate(engine, target, [
      { sourceElementId: 'a', targetElementId: 'a2' },
      { sourceElementId: 'late', targetElementId: 'late2' },
    ]);
    // then the same timer now triggers late2, nothing cancelled
    expect(refused).toBeUndefined();
    expect(timerKey).toBeDefined();
    expect(engine.state.waits[timerKey ?? '']).toMatchObject({ kind: 'timer', elementId: 'late2' });
    expect(engine.effects.filter((e) => e.type === 'CancelTimer')).toEqual([]);
  });

  it('refuses, listing every problem, when an active element has no mapping or maps to another type, and changes nothing', async () => {
    // given
    const { engine, target } = await versions();
    engine.start('P');
    const before = engine.events().length;
    // when a is not mapped; then when it maps to a user task and to a missing element
    const unmapped = migrate(engine, target, []);
    const wrong = migrate(engine, target, [
      { sourceElementId: 'a', targetElementId: 'check' },
      { sourceElementId: 'x', targetElementId: 'nowhere' },
    ]);
    // then
    expect(unmapped).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(unmapped?.message).toContain("The active element 'a' (serviceTask) has no mapping instruction");
    const problems = (wrong?.details['problems'] ?? []) as { field: string; message: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual(['mappingInstructions', 'mappingInstructions[1].targetElementId']);
    expect(problems.find((p) => p.field === 'mappingInstructions')?.message).toContain("'a' is a serviceTask but 'check' is a userTask");
    expect(engine.events().length).toBe(before);
    expect(engine.state.definitionKey).not.toBe('P-v2');
  });

  it('refuses a target of another process', async () => {
    // given
    const engine = await TestEngine.of(v1);
    engine.start('P');
    const other = { ...(await deploy(zeebe([start(), serviceTask('a', { type: 'work' }), end(), seq('start', 'a', 'end')].join('\n'), { id: 'Q' })))['Q'], definitionKey: 'Q-v1' } as ProcessDefinition;
    // when
    const refused = migrate(engine, other, [{ sourceElementId: 'a', targetElementId: 'a' }]);
    // then
    expect(refused?.message).toContain(escape("Baton migrates between versions of one process ('P')"));
  });
});
