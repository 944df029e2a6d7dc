import { describe, expect, it } from 'vitest';
import { end, escape, seq, serviceTask, start, timer, zeebe } from '../../test-support/bpmn.js';
import { TestEngine } from '../../test-support/test-engine.js';

function loop(options: { sequential?: boolean; collection?: string; element?: string; output?: string; outputElement?: string; cardinality?: string; completion?: string }): string {
  const attrs = [
    options.collection && `inputCollection="${escape(options.collection)}"`,
    options.element && `inputElement="${options.element}"`,
    options.output && `outputCollection="${options.output}"`,
    options.outputElement && `outputElement="${escape(options.outputElement)}"`,
  ]
    .filter(Boolean)
    .join(' ');
  const cardinality = options.cardinality === undefined ? '' : `<bpmn:loopCardinality>${escape(options.cardinality)}</bpmn:loopCardinality>`;
  const completion = options.completion === undefined ? '' : `<bpmn:completionCondition>${escape(options.completion)}</bpmn:completionCondition>`;
  const ext = attrs === '' ? '' : `<bpmn:extensionElements><zeebe:loopCharacteristics ${attrs} /></bpmn:extensionElements>`;
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${options.sequential ?? false}">${ext}${cardinality}${completion}</bpmn:multiInstanceLoopCharacteristics>`;
}

const model = (characteristics: string, extra = '') =>
  zeebe([start(), serviceTask('each', { inner: characteristics }), extra, end(), seq('start', 'each', 'end')].join('\n'));

describe('multi-instance', () => {
  it('parallel: one job per item, counted once per inner instance and once for the body', async () => {
    // given
    const engine = await TestEngine.of(model(loop({ collection: '=items', element: 'item', output: 'results', outputElement: '=item * 10' })));
    engine.start('P', { items: [1, 2, 3] });
    expect(engine.waiting()).toEqual(['each', 'each', 'each']);
    // when
    engine.completeJob('each');
    engine.completeJob('each');
    engine.completeJob('each');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['each', 'each', 'each', 'each', 'end', 'start']);
    expect(engine.variables).toMatchObject({ results: [10, 20, 30] });
    expect(engine.variables).not.toHaveProperty('item');
  });

  it('sequential: one inner instance at a time with a 1-based loopCounter', async () => {
    // given
    const engine = await TestEngine.of(model(loop({ sequential: true, collection: '=["a", "b"]', element: 'x', output: 'out', outputElement: '=x + string(loopCounter)' })));
    engine.start('P');
    expect(engine.waiting()).toEqual(['each']);
    // when
    engine.completeJob('each');
    // then
    expect(engine.waiting()).toEqual(['each']);
    engine.completeJob('each');
    expect(engine.variables).toMatchObject({ out: ['a1', 'b2'] });
    expect(engine.state.status).toBe('completed');
  });

  it('an empty collection completes at once and counts once', async () => {
    // given
    const engine = await TestEngine.of(model(loop({ collection: '=[]', output: 'out' })));
    // when
    engine.start('P');
    // then
    expect(engine.completed()).toEqual(['each', 'end', 'start']);
    expect(engine.variables).toMatchObject({ out: [] });
  });

  it('loop cardinality and a completion condition end the body early', async () => {
    // given
    const engine = await TestEngine.of(model(loop({ cardinality: '=3', completion: '=numberOfCompletedInstances >= 2' })));
    engine.start('P');
    expect(engine.waiting()).toHaveLength(3);
    // when
    engine.completeJob('each');
    engine.completeJob('each');
    // then
    expect(engine.state.status).toBe('completed');
    expect(engine.completed()).toEqual(['each', 'each', 'each', 'end', 'start']);
    expect(engine.effects.filter((e) => e.type === 'CancelJob')).toHaveLength(1);
  });

  it('a boundary timer attaches to the body and interrupts every inner instance', async () => {
    // given
    const boundary = `<bpmn:boundaryEvent id="late" attachedToRef="each">${timer('timeDuration', 'PT1M')}</bpmn:boundaryEvent><bpmn:endEvent id="gaveUp" />${seq('late', 'gaveUp')}`;
    const engine = await TestEngine.of(model(loop({ cardinality: '=2' }), boundary));
    engine.start('P');
    expect(Object.values(engine.state.waits).filter((w) => w.kind === 'timer')).toHaveLength(1);
    // when
    engine.advance(60_000);
    // then
    expect(engine.completed()).toEqual(['gaveUp', 'late', 'start']);
    expect(engine.state.status).toBe('completed');
  });

  it('a non-list input collection raises an incident on the body', async () => {
    // given
    const engine = await TestEngine.of(model(loop({ collection: '=items' })));
    // when
    engine.start('P', { items: 5 });
    // then
    expect(Object.values(engine.state.incidents)).toMatchObject([{ errorType: 'EXPRESSION_FAILED', elementId: 'each' }]);
    expect(engine.waiting()).toEqual(['each']);
  });

  it('a completion condition that yields no boolean raises an incident on the body; resolving re-checks it', async () => {
    // given
    const engine = await TestEngine.of(model(loop({ cardinality: '=2', completion: '=missing > 1' })));
    engine.start('P');
    // when
    engine.completeJob('each');
    // then
    const [incident] = Object.values(engine.state.incidents);
    expect(incident).toMatchObject({ errorType: 'EXPRESSION_FAILED', elementId: 'each' });
    expect(engine.waiting()).toEqual(['each', 'each']);
    // when
    engine.run('i1', { type: 'ResolveIncident', incidentKey: incident!.incidentKey });
    // then the condition ran again and failed again
    expect(Object.values(engine.state.incidents).map((i) => i.incidentKey)).not.toContain(incident!.incidentKey);
    expect(Object.values(engine.state.incidents)).toHaveLength(1);
  });
});
